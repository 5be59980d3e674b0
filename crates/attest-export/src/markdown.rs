//! CommonMark with footnotes (as GitHub, Pandoc and Obsidian read them): one block
//! quote per quote, its attribution below, the citation as a footnote.

use crate::{Block, Document, Run};
use std::fmt::Write;

pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let mut notes: Vec<String> = Vec::new();
    let mut footnote = |runs: &[Run]| {
        notes.push(citation(runs));
        format!("[^{}]", notes.len())
    };
    let _ = writeln!(out, "# {}\n", escape_inline(&doc.title));
    for p in &doc.description {
        let _ = writeln!(out, "{}\n", escape_inline(p));
    }
    if doc.blocks.is_empty() {
        out.push_str("*This dossier has no items yet.*\n\n");
    }
    for block in &doc.blocks {
        match block {
            Block::Section(title) => {
                let _ = writeln!(out, "## {}\n", escape_inline(title));
            }
            Block::Quote(q) => {
                let mark = footnote(&q.citation);
                let _ = writeln!(out, "> {}{mark}", escape_inline(&q.text));
                if let Some(who) = &q.attribution {
                    let _ = writeln!(out, ">\n> — {}", escape_inline(who));
                }
                out.push('\n');
                for p in &q.note {
                    let _ = writeln!(out, "Note: {}\n", escape_inline(p));
                }
            }
            Block::Article {
                heading,
                citation,
                paragraphs,
            } => {
                let mark = footnote(citation);
                let _ = writeln!(out, "### {}{mark}\n", escape_inline(heading));
                for p in paragraphs {
                    let _ = writeln!(out, "{}\n", escape_inline(p));
                }
            }
            Block::Commentary(paragraphs) => {
                for p in paragraphs {
                    let _ = writeln!(out, "{}\n", escape_inline(p));
                }
            }
            Block::Notice(text) => {
                let _ = writeln!(out, "*{}*\n", escape_inline(text));
            }
        }
    }
    for (i, note) in notes.iter().enumerate() {
        let _ = writeln!(out, "[^{}]: {note}", i + 1);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn citation(runs: &[Run]) -> String {
    runs.iter()
        .map(|r| {
            let t = escape_inline(&r.text);
            if r.italic && !t.trim().is_empty() {
                format!("*{t}*")
            } else {
                t
            }
        })
        .collect()
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
    // A line that starts like a list item or a numbered one would become one.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    if let Some(dot) = out.find(['.', ')']) {
        if dot > 0 && out[..dot].bytes().all(|b| b.is_ascii_digit()) {
            out.insert(dot, '\\');
        }
    }
    out
}
