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
    pub fn statement_page(&self, query: &StatementPageQuery) -> Result<StatementPage> {
        Ok(self.notebook.statement_page(query)?)
    }
}
