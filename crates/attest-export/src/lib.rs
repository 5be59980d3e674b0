//! Export: compiles a dossier into a document. Every quote is the verbatim text of its
//! anchor, followed by a citation precise enough to find it again (byline, title,
//! outlet, date, paragraph number, URL). Knows nothing of SQLite or the UI: callers pass
//! the dossier and the articles it cites.

mod markdown;

use attest_core::{text, Anchor, Article};
use std::collections::HashMap;

pub use markdown::markdown;

/// The articles a dossier cites, by id.
pub type Articles = HashMap<i64, Article>;

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
    /// 1-based, counted as the reader shows them.
    pub paragraph: Option<u32>,
    pub url: Option<String>,
}

impl Citation {
    pub fn new(article: &Article, anchor: &Anchor) -> Self {
        let m = &article.meta;
        Citation {
            byline: m.byline.clone(),
            title: m.title.clone(),
            source_name: article.source_name.clone(),
            outlet: m.outlet.clone(),
            published: m.published.clone(),
            paragraph: text::paragraph_number(&article.text, anchor.start),
            url: m.url.clone(),
        }
    }

    /// The citation's parts in reading order, each through `escape` for the output
    /// format, the title through `set_title` (italics, say).
    pub fn parts(
        &self,
        escape: impl Fn(&str) -> String,
        set_title: impl Fn(&str) -> String,
    ) -> Vec<String> {
        let mut parts = Vec::new();
        parts.extend(self.byline.as_deref().map(&escape));
        parts.push(set_title(&escape(&self.title_or_file())));
        parts.extend(self.outlet.as_deref().map(&escape));
        parts.extend(self.published.as_deref().map(&escape));
        parts.extend(self.paragraph.map(|p| format!("¶{p}")));
        parts.extend(self.url.as_deref().map(&escape));
        parts
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
