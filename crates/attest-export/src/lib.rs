//! Export: compiles a dossier into a document, and a notebook's statements into data.
//!
//! Every quote is the verbatim text of its anchor with a citation precise enough to
//! find it again (byline, title, outlet, date, paragraph number, URL), in the citation
//! style the analyst chose. [`Document::build`] decides what a dossier says; the writers
//! ([`markdown`], [`html`], [`docx`]) only how it looks. Knows nothing of SQLite or the
//! UI: callers pass the dossier and the articles it cites.

pub mod data;
mod document;
mod docx;
mod html;
mod markdown;
mod xml;

use attest_core::{text, Article};
use std::collections::HashMap;

pub use document::{
    citation_styles, default_citation_style, Block, CitationFormatter, Document, Quote, Run,
};
pub use docx::docx;
pub use html::html;
pub use markdown::markdown;

/// The articles a dossier cites, by id.
pub type Articles = HashMap<i64, Article>;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the citation template cannot be used: {0}")]
    Template(String),
    #[error("cannot write the {format} file: {reason}")]
    Write {
        format: &'static str,
        reason: String,
    },
}

/// Where a quote stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub byline: Option<String>,
    /// The headline; `None` when the article has none.
    pub title: Option<String>,
    /// File the article came from, named when there is no headline.
    pub source_name: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub dateline: Option<String>,
    /// 1-based, counted as the reader shows them; `None` for a whole article.
    pub paragraph: Option<u32>,
    pub url: Option<String>,
}

impl Citation {
    /// The citation of the words starting at code point `start`.
    pub fn at(article: &Article, start: u32) -> Self {
        Citation {
            paragraph: text::paragraph_number(&article.text, start),
            ..Citation::whole(article)
        }
    }

    /// The citation of a whole article.
    pub fn whole(article: &Article) -> Self {
        let m = &article.meta;
        Citation {
            byline: m.byline.clone(),
            title: m.title.clone(),
            source_name: article.source_name.clone(),
            outlet: m.outlet.clone(),
            published: m.published.clone(),
            dateline: m.dateline.clone(),
            paragraph: None,
            url: m.url.clone(),
        }
    }

    /// A citation with every field, to check a template on.
    pub fn sample() -> Self {
        Citation {
            byline: Some("Ayesha Siddiqa".into()),
            title: Some("Talks resume on the corridor".into()),
            source_name: "corridor.txt".into(),
            outlet: Some("The Daily Ledger".into()),
            published: Some("2026-05-01".into()),
            dateline: Some("ISLAMABAD".into()),
            paragraph: Some(3),
            url: Some("https://example.org/corridor".into()),
        }
    }

    /// The headline, or "untitled (file name)" — never an invented title.
    pub fn title_or_file(&self) -> String {
        match &self.title {
            Some(t) => t.clone(),
            None => format!("untitled ({})", self.source_name),
        }
    }
}

#[cfg(test)]
mod tests;
