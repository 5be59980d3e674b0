//! What a notebook holds and how its file is, for diagnostics. Counts and settings
//! only: never article text, names or notes, so a report can be shared.

use crate::{Notebook, Result};

/// A notebook's vital signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotebookStats {
    pub schema_version: i64,
    pub articles: u64,
    pub actors: u64,
    pub statements: u64,
    pub annotations: u64,
    pub dossiers: u64,
    pub page_size: u64,
    pub page_count: u64,
    pub free_pages: u64,
    pub journal_mode: String,
    /// `ok`, or the first problem SQLite's `quick_check` found.
    pub quick_check: String,
}

impl Notebook {
    pub fn stats(&self) -> Result<NotebookStats> {
        let count = |table: &str| -> Result<u64> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(n as u64)
        };
        let pragma = |name: &str| -> Result<i64> {
            Ok(self.conn.pragma_query_value(None, name, |r| r.get(0))?)
        };
        Ok(NotebookStats {
            schema_version: self.schema_version()?,
            articles: count("articles")?,
            actors: count("actors")?,
            statements: count("statements")?,
            annotations: count("annotations")?,
            dossiers: count("dossiers")?,
            page_size: pragma("page_size")? as u64,
            page_count: pragma("page_count")? as u64,
            free_pages: pragma("freelist_count")? as u64,
            journal_mode: self
                .conn
                .pragma_query_value(None, "journal_mode", |r| r.get(0))?,
            quick_check: self
                .conn
                .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?,
        })
    }
}
