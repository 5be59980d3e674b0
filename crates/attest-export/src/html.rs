//! One self-contained HTML file: no script, no external resource, a print style
//! sheet (A4 margins, quotes kept whole across pages) and the citations as numbered
//! notes at the end, linked both ways.

use crate::xml::escape;
use crate::{Block, Document, Run};
use std::fmt::Write;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Source Serif 4", Georgia, "Times New Roman", serif; line-height: 1.55;
       max-width: 42rem; margin: 3rem auto; padding: 0 1.25rem; color: #1d1d1f; }
h1 { font-size: 1.9rem; line-height: 1.2; margin-bottom: .5rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin-top: 2rem; }
.description { color: #444; }
figure.quote { margin: 1.6rem 0; }
blockquote { margin: 0; padding: .2rem 0 .2rem 1.1rem; border-left: 3px solid #6b7fa8;
             font-size: 1.05rem; }
figcaption { margin: .35rem 0 0 1.1rem; color: #444; font-size: .92rem; }
.note { margin-left: 1.1rem; font-size: .95rem; }
.notice { color: #8a4b00; font-style: italic; }
sup a { text-decoration: none; }
section.notes { margin-top: 3rem; border-top: 1px solid #ccc; font-size: .88rem; }
section.notes li { margin-bottom: .3rem; overflow-wrap: anywhere; }
@page { size: A4; margin: 22mm 20mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  figure.quote, .article-head { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; }
}
"#;

pub fn html(doc: &Document) -> String {
    let mut out = String::with_capacity(4096 + doc.blocks.len() * 600);
    let mut notes: Vec<&[Run]> = Vec::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"Attest\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        escape(&doc.title),
        escape(&doc.title)
    );
    for p in &doc.description {
        let _ = writeln!(out, "<p class=\"description\">{}</p>", escape(p));
    }
    if doc.blocks.is_empty() {
        out.push_str("<p class=\"notice\">This dossier has no items yet.</p>\n");
    }
    for block in &doc.blocks {
        match block {
            Block::Section(title) => {
                let _ = writeln!(out, "<h2>{}</h2>", escape(title));
            }
            Block::Quote(q) => {
                notes.push(&q.citation);
                let n = notes.len();
                let _ = write!(
                    out,
                    "<figure class=\"quote\">\n<blockquote><p>{}{}</p></blockquote>\n",
                    escape(&q.text),
                    note_mark(n)
                );
                if let Some(who) = &q.attribution {
                    let _ = writeln!(out, "<figcaption>— {}</figcaption>", escape(who));
                }
                out.push_str("</figure>\n");
                for p in &q.note {
                    let _ = writeln!(
                        out,
                        "<p class=\"note\"><strong>Note:</strong> {}</p>",
                        escape(p)
                    );
                }
            }
            Block::Article {
                heading,
                citation,
                paragraphs,
            } => {
                notes.push(citation);
                let _ = writeln!(
                    out,
                    "<h3 class=\"article-head\">{}{}</h3>",
                    escape(heading),
                    note_mark(notes.len())
                );
                for p in paragraphs {
                    let _ = writeln!(out, "<p>{}</p>", escape(p));
                }
            }
            Block::Commentary(paragraphs) => {
                for p in paragraphs {
                    let _ = writeln!(out, "<p>{}</p>", escape(p));
                }
            }
            Block::Notice(text) => {
                let _ = writeln!(out, "<p class=\"notice\">{}</p>", escape(text));
            }
        }
    }
    if !notes.is_empty() {
        out.push_str("<section class=\"notes\">\n<h2>Notes</h2>\n<ol>\n");
        for (i, runs) in notes.iter().enumerate() {
            let n = i + 1;
            let _ = writeln!(
                out,
                "<li id=\"note-{n}\">{} <a href=\"#ref-{n}\" aria-label=\"back to the quote\">↩</a></li>",
                citation(runs)
            );
        }
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn note_mark(n: usize) -> String {
    format!("<sup id=\"ref-{n}\"><a href=\"#note-{n}\">{n}</a></sup>")
}

fn citation(runs: &[Run]) -> String {
    runs.iter()
        .map(|r| {
            let t = escape(&r.text);
            if r.italic {
                format!("<i>{t}</i>")
            } else {
                t
            }
        })
        .collect()
}
