//! Data exports of a notebook's statements and annotations, for other tools:
//! a CSV table (spreadsheets, pandas, R), a JSON document with every field, W3C Web
//! Annotations (JSON-LD), and actor networks as GraphML and GEXF (networkx, Gephi).
//!
//! Offsets are Unicode code points into the article text, as everywhere in Attest
//! (and as Python indexes a `str`).

mod json;
mod network;
mod table;
mod web_annotation;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use crate::{Articles, Citation};
use attest_core::{Actor, Annotation, Article, Statement};
use std::collections::HashMap;

pub use json::statements_json;
pub use network::{gexf, graphml};
pub use table::statements_csv;
pub use web_annotation::web_annotations_jsonld;

/// What a data export draws on. Statements whose article or speaker actors are missing
/// from the maps are still exported, with those fields empty.
#[derive(Debug, Clone, Copy)]
pub struct DataSet<'a> {
    pub statements: &'a [Statement],
    pub annotations: &'a [Annotation],
    pub articles: &'a Articles,
    pub actors: &'a HashMap<i64, Actor>,
}

impl<'a> DataSet<'a> {
    fn article(&self, id: i64) -> Option<&'a Article> {
        self.articles.get(&id)
    }

    /// Paragraph of the statement's first content part, as the citations number it.
    fn paragraph(&self, s: &Statement) -> Option<u32> {
        let first = s.content.first()?;
        Citation::at(self.article(s.article_id)?, first.start).paragraph
    }
}

/// The article's URL, or an Attest URN when it has none (a Web Annotation target
/// needs an IRI).
fn source_iri(article_id: i64, article: Option<&Article>) -> String {
    article
        .and_then(|a| a.meta.url.as_deref())
        .filter(|u| !u.trim().is_empty())
        .map(|u| u.trim().to_string())
        .unwrap_or_else(|| format!("urn:attest:article:{article_id}"))
}
