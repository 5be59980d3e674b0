//! Search over the whole notebook: articles, notes and statements, with filters and
//! snippets (the rules are in `attest_store`'s `search` and `attest_core::search`).

use crate::{Api, Result};
use attest_core::{SearchQuery, SearchResults};

impl Api {
    /// A page of hits for `query`, best first, with the count of all. A query that
    /// cannot be read is an `Invalid` error whose message says what to fix.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        Ok(self.notebook.search(query)?)
    }
}
