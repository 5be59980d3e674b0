//! CommonMark output: one block quote per quote, its citation below it, then the
//! analyst's commentary.

use crate::{Articles, Citation};
use attest_core::{Anchor, DossierDetail, DossierEntry, StatementKind};
use std::fmt::Write;

pub fn markdown(detail: &DossierDetail, articles: &Articles) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_inline(&detail.dossier.title));
    if !detail.dossier.description.trim().is_empty() {
        let _ = writeln!(out, "{}\n", escape_block(detail.dossier.description.trim()));
    }
    if detail.items.is_empty() {
        out.push_str("*This dossier has no items yet.*\n");
    }
    for item in &detail.items {
        match &item.entry {
            DossierEntry::Statement { statement: s } => {
                let speakers: Vec<&str> = s.speakers.iter().map(|a| a.name.as_str()).collect();
                let quote = s
                    .content
                    .iter()
                    .map(|a| escape_inline(&a.exact))
                    .collect::<Vec<_>>()
                    .join(" … ");
                let quote = match s.kind {
                    StatementKind::Direct if !starts_with_quote_mark(&quote) => {
                        format!("“{quote}”")
                    }
                    _ => quote,
                };
                let _ = writeln!(out, "> {quote}");
                let speaker = if speakers.is_empty() {
                    "unattributed".to_owned()
                } else {
                    escape_inline(&speakers.join(", "))
                };
                let _ = writeln!(out, ">\n> — **{speaker}** ({})\n", kind_label(s.kind));
                cite(&mut out, articles, s.article_id, s.content.first());
            }
            DossierEntry::Annotation { annotation: a, .. } => {
                let _ = writeln!(out, "> {}\n", escape_inline(&a.anchor.exact));
                cite(&mut out, articles, a.article_id, Some(&a.anchor));
                if !a.note.trim().is_empty() {
                    let _ = writeln!(out, "Note: {}\n", escape_block(a.note.trim()));
                }
            }
            DossierEntry::Commentary => {}
            DossierEntry::Missing => {
                out.push_str(
                    "*[This item's statement or passage was deleted from the notebook.]*\n\n",
                );
            }
        }
        if !item.commentary.trim().is_empty() {
            let _ = writeln!(out, "{}\n", escape_block(item.commentary.trim()));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn cite(out: &mut String, articles: &Articles, article_id: i64, anchor: Option<&Anchor>) {
    let (Some(article), Some(anchor)) = (articles.get(&article_id), anchor) else {
        out.push_str("Source: *[the article is no longer in the notebook]*\n\n");
        return;
    };
    let parts = Citation::new(article, anchor).parts(escape_inline, |t| format!("*{t}*"));
    let _ = writeln!(out, "Source: {}.\n", parts.join(", "));
}

fn kind_label(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Direct => "direct quote",
        StatementKind::Indirect => "paraphrase",
        StatementKind::Mixed => "partly quoted",
    }
}

fn starts_with_quote_mark(s: &str) -> bool {
    s.starts_with(['“', '"', '‘', '«'])
}

/// Escapes text so CommonMark renders it as the same characters: every ASCII
/// punctuation mark with a meaning in Markdown gets a backslash, and line breaks
/// become spaces (a quote stays one paragraph).
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    // A line that starts like a list item would become one.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    out
}

/// Escapes a multi-paragraph text of the analyst's: blank lines keep paragraphs apart.
fn escape_block(s: &str) -> String {
    s.split("\n\n")
        .map(|p| escape_inline(p.trim()))
        .collect::<Vec<_>>()
        .join("\n\n")
}
