//! Sorted, filtered pages of the article list and the statements table, for lists of
//! 100,000 rows that the UI reads a screenful at a time.
//!
//! A page is found in two steps: the ids of the page from an index (migration 9), then
//! the rows of those ids. An `articles` row holds the article's text, so walking the
//! table to an offset would read every text before it; walking an index reads a few
//! bytes a row. With no filter, each sort has its own index and the page costs a walk
//! to the offset; with filters, one index covering every filtered column is scanned.

use crate::{Notebook, Result, StoreError};
use attest_core::{
    ArticlePage, ArticlePageQuery, ArticleSort, Statement, StatementPage, StatementPageQuery,
    StatementSort,
};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};

/// The most rows one page may ask for.
pub const MAX_PAGE: u32 = 1_000;

/// The SQL of an article list query: its index, WHERE clause, ORDER BY and arguments.
struct ArticleSql {
    index: &'static str,
    condition: String,
    order: String,
    args: Vec<Value>,
}

/// Trimmed, `None` when blank.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// `text` as a LIKE pattern matching it anywhere, its wildcards taken literally.
fn contains_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

fn direction(descending: bool) -> &'static str {
    if descending {
        "DESC"
    } else {
        "ASC"
    }
}

impl ArticleSql {
    fn of(q: &ArticlePageQuery) -> Self {
        let mut conditions = Vec::new();
        let mut args = Vec::new();
        // Only the filters given appear in the SQL: a column named in the query, even
        // behind `?1 IS NULL OR`, makes SQLite read the table row.
        if let Some(outlet) = given(&q.outlet) {
            args.push(Value::Text(outlet.to_owned()));
            conditions.push(format!("a.outlet = ?{} COLLATE NOCASE", args.len()));
        }
        if let Some(language) = given(&q.language) {
            args.push(Value::Text(language.to_owned()));
            let n = args.len();
            // "en" also matches "en-GB".
            conditions.push(format!(
                "(a.language = ?{n} COLLATE NOCASE OR a.language LIKE ?{n} || '-%')"
            ));
        }
        if let Some(from) = given(&q.from) {
            args.push(Value::Text(from.to_owned()));
            let n = args.len();
            conditions.push(format!("substr(a.published, 1, length(?{n})) >= ?{n}"));
        }
        if let Some(to) = given(&q.to) {
            args.push(Value::Text(to.to_owned()));
            let n = args.len();
            conditions.push(format!("substr(a.published, 1, length(?{n})) <= ?{n}"));
        }
        if let Some(words) = given(&q.contains) {
            args.push(Value::Text(contains_pattern(words)));
            let n = args.len();
            conditions.push(format!(
                "(coalesce(a.title, a.fallback_title) LIKE ?{n} ESCAPE '\\' \
                  OR a.byline LIKE ?{n} ESCAPE '\\')"
            ));
        }
        let dir = direction(q.descending);
        let order = match q.sort {
            ArticleSort::Imported => format!("a.id {dir}"),
            ArticleSort::Title => {
                format!("coalesce(a.title, a.fallback_title) COLLATE NOCASE {dir}, a.id {dir}")
            }
            ArticleSort::Published => format!("a.published {dir}, a.id {dir}"),
            ArticleSort::Outlet => format!("a.outlet COLLATE NOCASE {dir}, a.id {dir}"),
        };
        let index = if !conditions.is_empty() {
            "articles_listing"
        } else {
            match q.sort {
                ArticleSort::Imported => "articles_listing",
                ArticleSort::Title => "articles_by_title",
                ArticleSort::Published => "articles_by_published",
                ArticleSort::Outlet => "articles_by_outlet",
            }
        };
        let condition = if conditions.is_empty() {
            "1".to_owned()
        } else {
            conditions.join(" AND ")
        };
        ArticleSql {
            index,
            condition,
            order,
            args,
        }
    }

    fn filtered(&self) -> bool {
        !self.args.is_empty()
    }
}

fn check_limit(limit: u32) -> Result<()> {
    if limit > MAX_PAGE {
        return Err(StoreError::Invalid(format!(
            "a page holds at most {MAX_PAGE} rows ({limit} were asked for)"
        )));
    }
    Ok(())
}

impl Notebook {
    /// One page of the article list, sorted and filtered as `q` asks, with how many
    /// articles match in all.
    pub fn article_page(&self, q: &ArticlePageQuery) -> Result<ArticlePage> {
        check_limit(q.limit)?;
        let sql = ArticleSql::of(q);
        let total: u32 = if sql.filtered() {
            self.conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM articles AS a INDEXED BY {} WHERE {}",
                    sql.index, sql.condition
                ))?
                .query_row(params_from_iter(&sql.args), |r| r.get(0))?
        } else {
            // SQLite counts on its smallest index.
            self.conn
                .prepare_cached("SELECT count(*) FROM articles")?
                .query_row([], |r| r.get(0))?
        };
        let mut args = sql.args.clone();
        args.push(Value::Integer(q.limit.into()));
        args.push(Value::Integer(q.offset.into()));
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(&format!(
                "SELECT a.id FROM articles AS a INDEXED BY {} WHERE {} ORDER BY {}
                 LIMIT ?{} OFFSET ?{}",
                sql.index,
                sql.condition,
                sql.order,
                args.len() - 1,
                args.len()
            ))?
            .query_map(params_from_iter(&args), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let rows = ids
            .into_iter()
            .map(|id| self.article_summary(id))
            .collect::<Result<_>>()?;
        Ok(ArticlePage {
            total,
            offset: q.offset,
            rows,
        })
    }

    /// Where article `id` stands (from 0) in the list `q` sorts and filters (its offset
    /// and limit aside); `None` when the filters leave it out or there is no such
    /// article. The list scrolls there to show the selected article.
    pub fn article_position(&self, q: &ArticlePageQuery, id: i64) -> Result<Option<u32>> {
        let sql = ArticleSql::of(q);
        let mut args = sql.args.clone();
        args.push(Value::Integer(id));
        let position = self
            .conn
            .prepare_cached(&format!(
                "SELECT position FROM
                   (SELECT a.id, row_number() OVER (ORDER BY {}) - 1 AS position
                    FROM articles AS a INDEXED BY {} WHERE {})
                 WHERE id = ?{}",
                sql.order,
                sql.index,
                sql.condition,
                args.len()
            ))?
            .query_row(params_from_iter(&args), |r| r.get(0))
            .optional()?;
        Ok(position)
    }

    /// One page of the statements table, sorted and filtered as `q` asks, with how
    /// many statements match in all.
    pub fn statement_page(&self, q: &StatementPageQuery) -> Result<StatementPage> {
        check_limit(q.limit)?;
        let (from, condition, order, mut args) = statement_query(q);
        let total: u32 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM statements s WHERE {condition}"
            ))?
            .query_row(params_from_iter(&args), |r| r.get(0))?;
        args.push(Value::Integer(q.limit.into()));
        args.push(Value::Integer(q.offset.into()));
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(&format!(
                "SELECT s.id FROM {from} WHERE {condition} ORDER BY {order}
                 LIMIT ?{} OFFSET ?{}",
                args.len() - 1,
                args.len()
            ))?
            .query_map(params_from_iter(&args), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(StatementPage {
            total,
            offset: q.offset,
            rows: self.statements_by_id(&ids)?,
        })
    }

    /// Every statement `q` filters in, as ids in its order (its offset and limit
    /// aside): what the table's pages are cut from while nothing changes. Sorting by
    /// speaker sorts every statement, so each page alone would cost the whole sort.
    pub fn statement_order(&self, q: &StatementPageQuery) -> Result<Vec<i64>> {
        let (from, condition, order, args) = statement_query(q);
        let ids = self
            .conn
            .prepare_cached(&format!(
                "SELECT s.id FROM {from} WHERE {condition} ORDER BY {order}"
            ))?
            .query_map(params_from_iter(&args), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// The page `q` asks for (its offset and limit) out of `order`, what
    /// [`Notebook::statement_order`] gave for it.
    pub fn statement_page_of(
        &self,
        q: &StatementPageQuery,
        order: &[i64],
    ) -> Result<StatementPage> {
        check_limit(q.limit)?;
        let start = (q.offset as usize).min(order.len());
        let end = start.saturating_add(q.limit as usize).min(order.len());
        Ok(StatementPage {
            total: u32::try_from(order.len()).unwrap_or(u32::MAX),
            offset: q.offset,
            rows: self.statements_by_id(&order[start..end])?,
        })
    }

    /// The statements of `ids`, in that order.
    fn statements_by_id(&self, ids: &[i64]) -> Result<Vec<Statement>> {
        ids.iter().map(|&id| self.statement(id)).collect()
    }

    /// Changes whenever the notebook's data may have: a row written through this
    /// connection (triggers' included) or a commit through another. Equal marks mean
    /// what was read between them still holds.
    pub fn change_mark(&self) -> Result<(i64, i64)> {
        let others: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((self.conn.total_changes() as i64, others))
    }
}

/// The statements table's query for `q`: FROM, WHERE, ORDER BY and the arguments.
fn statement_query(q: &StatementPageQuery) -> (String, String, String, Vec<Value>) {
    let mut conditions = vec!["1".to_owned()];
    let mut args: Vec<Value> = Vec::new();
    if let Some(article) = q.filter.article_id {
        args.push(Value::Integer(article));
        conditions.push(format!("s.article_id = ?{}", args.len()));
    }
    if let Some(actor) = q.filter.actor_id {
        args.push(Value::Integer(actor));
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM statement_actors sa WHERE sa.statement_id = s.id
                       AND sa.role = 'speaker' AND sa.actor_id = ?{})",
            args.len()
        ));
    }
    if let Some(status) = q.status {
        args.push(Value::Text(status.as_str().to_owned()));
        conditions.push(format!("s.status = ?{}", args.len()));
    }
    let dir = direction(q.descending);
    // Article and date orders come straight from indexes (the statements of each
    // article by id, articles by date), so a page deep in 300,000 statements
    // costs a walk over index entries, not a sort of them all.
    let mut from = "statements s".to_owned();
    let order = match q.sort {
        StatementSort::Article => format!("s.article_id {dir}, s.id {dir}"),
        StatementSort::Date => {
            from = "articles a INDEXED BY articles_by_published
                    JOIN statements s INDEXED BY statements_article ON s.article_id = a.id"
                .to_owned();
            format!("a.published {dir}, a.id {dir}, s.id {dir}")
        }
        StatementSort::Speaker => format!(
            "(SELECT ac.name FROM statement_actors sa JOIN actors ac ON ac.id = sa.actor_id
              WHERE sa.statement_id = s.id AND sa.role = 'speaker'
              ORDER BY sa.ord LIMIT 1) COLLATE NOCASE {dir} NULLS LAST,
             s.id {dir}"
        ),
        StatementSort::Kind => format!("s.kind {dir}, s.id {dir}"),
        StatementSort::Status => format!("s.status {dir}, s.id {dir}"),
    };
    (from, conditions.join(" AND "), order, args)
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn wildcards_in_the_words_are_taken_literally() {
        assert_eq!(contains_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
