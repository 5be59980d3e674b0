//! PDF writer for compiled dossiers, typeset with Typst: justified text, the citations
//! as real footnotes, page numbers, a table of contents for long dossiers.
//!
//! Article text is hostile, so it is never spliced into Typst markup: the document is
//! serialised to JSON, served as `/dossier.json` from an in-memory [`World`], and a
//! fixed template (`dossier.typ`) reads it with `json()`. Strings from data are set as
//! text, never evaluated.

use attest_export::{Block, Document, Run};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::{self, FontStore};
use typst_layout::PagedDocument;

const TEMPLATE: &str = include_str!("dossier.typ");

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("cannot pass the dossier to the PDF template: {0}")]
    Data(#[from] serde_json::Error),
    #[error("cannot lay out the PDF: {}", .0.join("; "))]
    Layout(Vec<String>),
    #[error("cannot write the PDF file: {}", .0.join("; "))]
    Export(Vec<String>),
}

/// Typesets `doc` as an A4 PDF.
pub fn pdf(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let json = serde_json::to_vec(&Dossier::from(doc))?;
    let world = DossierWorld {
        env: env(),
        json: Bytes::new(json),
    };
    let compiled = typst::compile::<PagedDocument>(&world).output;
    // Typst memoises across compiles; drop what recent compiles did not reuse so a
    // long-running app does not keep every dossier's layout in memory.
    typst::comemo::evict(2);
    let document = compiled.map_err(|d| PdfError::Layout(messages(&d)))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|d| PdfError::Export(messages(&d)))
}

fn messages(diagnostics: &[SourceDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let mut m = d.message.to_string();
            for hint in &d.hints {
                m.push_str(&format!(" (hint: {})", hint.v));
            }
            m
        })
        .collect()
}

/// What every compile shares: the standard library, the fonts and the template.
struct Env {
    library: LazyHash<Library>,
    fonts: FontStore,
    main: Source,
    data_id: FileId,
}

/// Built once: scanning the system fonts takes a while, later compiles reuse them.
fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut fonts = FontStore::new();
        // The embedded fonts come first so Libertinus Serif is always Typst's own;
        // system fonts (DejaVu, Noto …) add scripts it lacks, such as Arabic.
        fonts.extend(fonts::embedded());
        fonts.extend(fonts::system());
        let id = |path: &str| {
            let vpath = VirtualPath::new(path).expect("static virtual path is valid");
            RootedPath::new(VirtualRoot::Project, vpath).intern()
        };
        Env {
            library: LazyHash::new(Library::default()),
            fonts,
            main: Source::new(id("/dossier.typ"), TEMPLATE.to_owned()),
            data_id: id("/dossier.json"),
        }
    })
}

/// The template plus one dossier's data; no access to the real file system.
struct DossierWorld {
    env: &'static Env,
    json: Bytes,
}

impl World for DossierWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.env.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.env.fonts.book()
    }

    fn main(&self) -> FileId {
        self.env.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.env.main.id() {
            Ok(self.env.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.env.data_id {
            Ok(self.json.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.env.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The PDF must not depend on the day it was made.
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
}

// The JSON the template reads. A mirror of `Document`, so the export crate needs no
// serde derive and the template's field names are fixed here.

#[derive(Serialize)]
struct Dossier<'a> {
    title: &'a str,
    description: &'a [String],
    blocks: Vec<Item<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Item<'a> {
    Section {
        title: &'a str,
    },
    Quote {
        text: &'a str,
        attribution: Option<&'a str>,
        citation: Vec<Span<'a>>,
        note: &'a [String],
        rtl: bool,
    },
    Article {
        heading: &'a str,
        citation: Vec<Span<'a>>,
        paragraphs: &'a [String],
        rtl: bool,
    },
    Commentary {
        paragraphs: &'a [String],
    },
    Notice {
        text: &'a str,
    },
}

#[derive(Serialize)]
struct Span<'a> {
    text: &'a str,
    italic: bool,
}

impl<'a> From<&'a Document> for Dossier<'a> {
    fn from(doc: &'a Document) -> Self {
        let spans = |runs: &'a [Run]| {
            runs.iter()
                .map(|r| Span {
                    text: &r.text,
                    italic: r.italic,
                })
                .collect()
        };
        let blocks = doc
            .blocks
            .iter()
            .map(|block| match block {
                Block::Section(title) => Item::Section { title },
                Block::Quote(q) => Item::Quote {
                    text: &q.text,
                    attribution: q.attribution.as_deref(),
                    citation: spans(&q.citation),
                    note: &q.note,
                    rtl: right_to_left(&q.text),
                },
                Block::Article {
                    heading,
                    citation,
                    paragraphs,
                } => Item::Article {
                    heading,
                    citation: spans(citation),
                    paragraphs,
                    rtl: paragraphs.first().is_some_and(|p| right_to_left(p)),
                },
                Block::Commentary(paragraphs) => Item::Commentary { paragraphs },
                Block::Notice(text) => Item::Notice { text },
            })
            .collect();
        Dossier {
            title: &doc.title,
            description: &doc.description,
            blocks,
        }
    }
}

/// Whether text reads right to left: its first letter is Hebrew or Arabic script.
/// Such a quote is set right-aligned, in a right-to-left paragraph.
fn right_to_left(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

#[cfg(test)]
mod tests {
    use super::right_to_left;

    #[test]
    fn detects_right_to_left_text() {
        assert!(right_to_left("“قال الوزير إن"));
        assert!(right_to_left("שלום"));
        assert!(!right_to_left("“The minister said ميدان"));
        assert!(!right_to_left("123 …"));
    }
}
