//! Statements as a CSV table, one row each.
//!
//! Encoding: UTF-8 with a byte-order mark, rows ended by CRLF (RFC 4180). Without the
//! BOM, Excel opens a double-clicked CSV in the legacy code page and garbles Arabic,
//! Cyrillic or curly quotes, and analysts do double-click. pandas and R's readr skip
//! the BOM by themselves; Python's `csv` module needs `encoding="utf-8-sig"`.
//!
//! Formula injection: a cell starting with `=`, `+`, `-` or `@` runs as a formula when
//! the file is opened in a spreadsheet (`=WEBSERVICE(...)` can send the sheet away).
//! The rule: cells Attest copies from an imported source without the analyst picking
//! them (article title, byline, outlet, dateline, language, URL, file name) get a
//! leading apostrophe when they start with such a character, since that is where a
//! planted formula would hide unseen. Everything the analyst chose or wrote (the
//! quoted words, speaker mention, cue, speaker names, topics) is left verbatim: a
//! changed quote would be a misquote, and its offsets must match the article text.
//! Columns Attest itself generates (ids, offsets, dates, enum names) never start so.

use super::DataSet;
use crate::ExportError;
use attest_core::{Anchor, Statement};

const HEADER: &[&str] = &[
    "statement_id",
    "status",
    "kind",
    "stance",
    "topics",
    "speakers",
    "speaker_ids",
    "speaker_kinds",
    "speaker_mention",
    "speaker_mention_start",
    "speaker_mention_end",
    "cue",
    "cue_start",
    "cue_end",
    "quote",
    "quote_parts",
    "quote_start",
    "quote_end",
    "paragraph",
    "article_id",
    "article_title",
    "byline",
    "outlet",
    "published",
    "dateline",
    "language",
    "url",
    "source_file",
    "created_at",
];

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Joins list cells (topics, speakers); the quote's parts are joined by " … " instead,
/// as [`Statement::quote`] shows them.
const LIST_SEPARATOR: &str = "; ";

/// One row per statement, after a header row (see the module doc for encoding).
pub fn statements_csv(data: &DataSet) -> Result<Vec<u8>, ExportError> {
    let fail = |e: &dyn std::fmt::Display| ExportError::Write {
        format: "CSV",
        reason: e.to_string(),
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    w.write_record(HEADER).map_err(|e| fail(&e))?;
    for s in data.statements {
        w.write_record(row(data, s)).map_err(|e| fail(&e))?;
    }
    w.into_inner().map_err(|e| fail(&e))
}

fn row(data: &DataSet, s: &Statement) -> Vec<String> {
    let article = data.article(s.article_id);
    let meta = article.map(|a| &a.meta);
    let meta_cell = |f: fn(&attest_core::ArticleMeta) -> &Option<String>| {
        neutralise(meta.and_then(|m| f(m).as_deref()).unwrap_or(""))
    };
    let speaker_kinds: Vec<&str> = s
        .speakers
        .iter()
        .map(|r| data.actors.get(&r.id).map_or("", |a| a.kind.as_str()))
        .collect();
    let (mention, mention_start, mention_end) = anchor_cells(s.speaker_mention.as_ref());
    let (cue, cue_start, cue_end) = anchor_cells(s.cue.as_ref());
    let opt = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    vec![
        s.id.to_string(),
        s.status.as_str().into(),
        s.kind.as_str().into(),
        s.stance.map(|st| st.as_str()).unwrap_or("").into(),
        s.topics.join(LIST_SEPARATOR),
        join(s.speakers.iter().map(|r| r.name.clone())),
        join(s.speakers.iter().map(|r| r.id.to_string())),
        speaker_kinds.join(LIST_SEPARATOR),
        mention,
        mention_start,
        mention_end,
        cue,
        cue_start,
        cue_end,
        s.quote(),
        s.content.len().to_string(),
        opt(s.content.first().map(|a| a.start)),
        opt(s.content.last().map(|a| a.end)),
        opt(data.paragraph(s)),
        s.article_id.to_string(),
        // The headline; the statement's display title when the article is not at hand.
        match article {
            Some(a) => neutralise(a.meta.title.as_deref().unwrap_or("")),
            None => neutralise(&s.article_title),
        },
        meta_cell(|m| &m.byline),
        meta_cell(|m| &m.outlet),
        meta_cell(|m| &m.published),
        meta_cell(|m| &m.dateline),
        meta_cell(|m| &m.language),
        meta_cell(|m| &m.url),
        neutralise(article.map_or("", |a| a.source_name.as_str())),
        s.created_at.clone(),
    ]
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(LIST_SEPARATOR)
}

/// Text, start and end of an optional anchor; empty cells when absent.
fn anchor_cells(a: Option<&Anchor>) -> (String, String, String) {
    match a {
        Some(a) => (a.exact.clone(), a.start.to_string(), a.end.to_string()),
        None => Default::default(),
    }
}

/// Source metadata that a spreadsheet would run as a formula gets a leading apostrophe
/// (see the module doc for why only these cells).
fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}
