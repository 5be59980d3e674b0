//! The article list and the statements table a page at a time, for notebooks of
//! 100,000 articles (the rules are in `attest_store`'s `lists`).

use crate::{Api, Result};
use attest_core::{ArticlePage, ArticlePageQuery, StatementPage, StatementPageQuery};

impl Api {
    /// One page of the article list, sorted and filtered, with the number matching.
    pub fn article_page(&self, query: &ArticlePageQuery) -> Result<ArticlePage> {
        Ok(self.notebook.article_page(query)?)
    }

    /// Where an article stands (from 0) in the list `query` sorts and filters, so the
    /// list can scroll to it; `None` when the filters leave it out.
    pub fn article_position(&self, query: &ArticlePageQuery, id: i64) -> Result<Option<u32>> {
        Ok(self.notebook.article_position(query, id)?)
    }

    /// One page of the statements table, sorted and filtered, with the number matching.
    /// The order of every statement matching is read once and kept while the notebook
    /// does not change, so scrolling reads only a page's rows: sorted by speaker, each
    /// page of 300,000 statements would sort them all again (about a second).
    pub fn statement_page(&mut self, query: &StatementPageQuery) -> Result<StatementPage> {
        if query.limit == 0 || query.limit > attest_store::MAX_PAGE {
            // Only the count (the status filter's choices), or a page too large, refused
            // with the reason: no order to read or keep.
            return Ok(self.notebook.statement_page(query)?);
        }
        let key = StatementPageQuery {
            offset: 0,
            limit: 0,
            ..query.clone()
        };
        let mark = self.notebook.change_mark()?;
        let order = match self.statement_order.take() {
            Some(kept) if kept.query == key && kept.mark == mark => kept,
            _ => StatementOrder {
                ids: self.notebook.statement_order(&key)?,
                query: key,
                mark,
            },
        };
        let page = self.notebook.statement_page_of(query, &order.ids);
        self.statement_order = Some(order);
        Ok(page?)
    }
}

/// The statements table's order for one query, as read at one change mark.
pub(crate) struct StatementOrder {
    query: StatementPageQuery,
    mark: (i64, i64),
    ids: Vec<i64>,
}
