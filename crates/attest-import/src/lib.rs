//! Import: turns an article file into an [`ArticleDraft`] — verbatim text plus the
//! metadata found in it. Knows nothing of the notebook or the UI.
//!
//! Invariants:
//! - The draft's text keeps every non-whitespace character of the source's article text,
//!   in order; only line endings are normalised. No Unicode normalisation.
//! - Input is hostile: no panic on any bytes, and memory is bounded by
//!   [`MAX_FILE_BYTES`] whatever the file's size.
//! - A file is judged by its content first: a PDF named `.txt` is reported as a PDF.
//! - Unreadable input is an [`ImportError`] with a sentence the analyst understands;
//!   a missing byline or title is not an error.

mod archive;
mod decode;
mod epub;
mod html;
mod language;
mod mail;
mod metadata;
mod office;
mod pdf;
pub mod quality;
mod rtf;
mod sniff;

use attest_core::similarity::ArticleKeys;
use attest_core::{ArticleDraft, SourceFormat};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest file Attest imports. A news article is a few hundred kilobytes at most; a
/// bigger "article" is a mistake, and reading it would only fill memory.
pub const MAX_FILE_BYTES: u64 = 20_000_000;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("the folder holds no article files ({})", READS)]
    Directory,
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only white space")]
    Blank,
    #[error(
        "the file is {} MB; Attest imports article files up to {} MB",
        mb(*size),
        mb(*limit)
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("this is not a text file: it holds binary data")]
    Binary,
    #[error("the text cannot be read as {encoding}; save it as UTF-8 and import it again")]
    Undecodable { encoding: String },
    #[error("this is {kind}, which Attest cannot import yet; {}", READS)]
    NotText { kind: &'static str },
    #[error("Attest cannot import {0} files yet; {reads}", reads = READS)]
    Unsupported(String),
    #[error("the page holds no article text that Attest could find")]
    NoArticle,
    #[error("the file is damaged: {0}")]
    Damaged(String),
    #[error("the document is password-protected; remove the password and import it again")]
    PasswordProtected,
    #[error("the book is locked by DRM (copy protection); Attest reads only DRM-free books")]
    Drm,
    #[error("the PDF has no text layer (a scanned document?) — OCR is not supported")]
    NoTextLayer,
    #[error("an archive inside an archive is not opened; unpack it and import its files")]
    NestedArchive,
    #[error("its name points outside the archive, so it was not read")]
    UnsafePath,
    #[error("the archive holds no article files ({})", READS)]
    EmptyArchive,
    #[error(
        "the document unpacks to more than {} MB ({part}), the most Attest reads; it may be a zip bomb",
        mb(*limit)
    )]
    Unpacks { part: String, limit: u64 },
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

/// A file read from disk, ready to be stored beside its article.
#[derive(Debug)]
pub struct SourceBytes {
    pub name: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
}

/// One article read from a file, with the bytes it came from.
#[derive(Debug)]
pub struct Imported {
    pub source: SourceBytes,
    pub draft: ArticleDraft,
    /// What the notebook compares it by (duplicates, near-duplicates); worked out here,
    /// on the reader's thread.
    pub keys: ArticleKeys,
}

/// One article's worth of a file. Most files hold one article; a ZIP archive, a mailbox
/// or a book holds several, each imported (or failing) on its own.
#[derive(Debug)]
pub struct Entry {
    /// Where in the file the article stands ("news/page.html", "message 3: Subject",
    /// "chapter 2: Title"); `None` when the file is the article.
    pub part: Option<String>,
    pub result: Result<Imported, ImportError>,
}

impl Entry {
    fn failed(part: Option<String>, error: ImportError) -> Self {
        Entry {
            part,
            result: Err(error),
        }
    }

    /// An article read from `bytes`, which are kept as its source.
    fn read(part: Option<String>, name: String, bytes: Vec<u8>, draft: ArticleDraft) -> Self {
        Entry {
            part,
            result: Ok(Imported {
                source: SourceBytes::new(name, bytes),
                keys: ArticleKeys::of(&draft.text),
                draft,
            }),
        }
    }
}

impl SourceBytes {
    pub fn new(name: String, bytes: Vec<u8>) -> Self {
        let sha256 = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        SourceBytes {
            name,
            bytes,
            sha256,
        }
    }
}

/// Reads one file: the articles in it, or the reason it cannot be read (then the one
/// entry carries the error). Never empty.
pub fn import_file(path: &Path) -> Vec<Entry> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let read =
        format_for(path).and_then(|format| Ok((format, read_bounded(path, MAX_FILE_BYTES)?)));
    match read {
        Ok((format, bytes)) => extract_entries(bytes, &name, format),
        Err(e) => vec![Entry::failed(None, e)],
    }
}

/// The articles in a file's bytes: several for an archive, a mailbox or a book, else one.
pub fn extract_entries(bytes: Vec<u8>, file_name: &str, format: SourceFormat) -> Vec<Entry> {
    if office::is_zip(&bytes) {
        let package = office::Reader::open(&bytes).and_then(|mut zip| zip.package());
        match package {
            Ok(office::Package::Archive) => return archive::entries(&bytes),
            Ok(office::Package::Epub) => return epub::chapters(&bytes, file_name),
            _ => {}
        }
    }
    if mail::is_mbox(&bytes) {
        return mail::mbox_entries(&bytes, file_name);
    }
    match extract(&bytes, file_name, format) {
        Ok(draft) => vec![Entry::read(None, file_name.to_owned(), bytes, draft)],
        Err(e) => vec![Entry::failed(None, e)],
    }
}

/// Folders nested deeper than this are not searched (a guard against odd mounts).
const MAX_FOLDER_DEPTH: usize = 32;

/// The files an import of `paths` covers, in order: files as given, and each folder
/// replaced by the article files beneath it (recursively, sorted by path; hidden entries
/// and files of other types skipped; symbolic links to folders not followed). A folder
/// with no article files stays, so the import can say so.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = out.len();
            collect_articles(path, 0, &mut out);
            out[before..].sort();
            if out.len() == before {
                out.push(path.clone());
            }
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn collect_articles(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if hidden {
            continue;
        }
        if kind.is_dir() && depth < MAX_FOLDER_DEPTH {
            collect_articles(&path, depth + 1, out);
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file()))
            && path.extension().is_some()
            && format_for(&path).is_ok()
        {
            out.push(path);
        }
    }
}

/// The format a path's extension names; files without one are read as plain text.
pub fn format_for(path: &Path) -> Result<SourceFormat, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext.is_empty() {
        return Ok(SourceFormat::Text);
    }
    ARTICLE_EXTENSIONS
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, format)| *format)
        .ok_or(ImportError::Unsupported(format!(".{ext}")))
}

/// File name extensions Attest imports, and the format each names; the open dialog's
/// filter is built from this list.
pub const ARTICLE_EXTENSIONS: &[(&str, SourceFormat)] = &[
    ("txt", SourceFormat::Text),
    ("text", SourceFormat::Text),
    ("md", SourceFormat::Markdown),
    ("markdown", SourceFormat::Markdown),
    ("html", SourceFormat::Html),
    ("htm", SourceFormat::Html),
    ("xhtml", SourceFormat::Html),
    ("docx", SourceFormat::Docx),
    ("odt", SourceFormat::Odt),
    ("pdf", SourceFormat::Pdf),
    ("rtf", SourceFormat::Rtf),
    ("eml", SourceFormat::Email),
    ("mbox", SourceFormat::Email),
    ("mhtml", SourceFormat::Mhtml),
    ("mht", SourceFormat::Mhtml),
    ("epub", SourceFormat::Epub),
    // An archive's entries are read by their own names; `Text` is never used for it.
    ("zip", SourceFormat::Text),
];

/// "it reads .txt, .md, …" in messages.
const READS: &str =
    "it reads .txt, .md, .html, .mhtml, .pdf, .docx, .odt, .rtf, .eml, .mbox, .epub and .zip files";

/// Reads at most `limit` bytes; a larger file is refused without reading it whole.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let io = |e: std::io::Error| ImportError::Io(e.to_string());
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ImportError::Directory);
    }
    if meta.len() > limit {
        return Err(ImportError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between stat and read: never take more than the limit.
    std::fs::File::open(path)
        .map_err(io)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Extracts an article from a file's bytes.
pub fn extract(
    bytes: &[u8],
    file_name: &str,
    format: SourceFormat,
) -> Result<ArticleDraft, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if office::is_zip(bytes) || office::is_ole(bytes) || is_office(format) {
        return extract_office(bytes, file_name, format);
    }
    if bytes.starts_with(b"%PDF-") || format == SourceFormat::Pdf {
        return draft_from_document(pdf::document(bytes)?, file_name, SourceFormat::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") || format == SourceFormat::Rtf {
        return draft_from_document(rtf::document(bytes)?, file_name, SourceFormat::Rtf);
    }
    if matches!(format, SourceFormat::Email | SourceFormat::Mhtml) || mail::is_message(bytes) {
        return mail::message(bytes, file_name);
    }
    if let Some(kind) = sniff::non_text_kind(bytes) {
        return Err(ImportError::NotText { kind });
    }
    if format == SourceFormat::Html || sniff::is_html(bytes) {
        return html::draft(bytes, file_name);
    }
    let decoded = decode::decode_text(bytes)?;
    let text = decoded.text;
    if text.trim().is_empty() {
        return Err(ImportError::Blank);
    }
    let mut found = metadata::read(&text, format);
    if let Some(encoding) = decoded.guessed_encoding {
        found.warnings.push(format!(
            "the file is not UTF-8; its encoding was detected as {encoding}"
        ));
    }
    if found.meta.language.is_none() {
        found.meta.language = language::detect(&text);
    }
    Ok(into_draft(found, text, file_name, format))
}

/// Formats that are ZIP packages: a file named so but holding something else is
/// reported as not being one.
fn is_office(format: SourceFormat) -> bool {
    matches!(
        format,
        SourceFormat::Docx | SourceFormat::Odt | SourceFormat::Epub
    )
}

/// A ZIP package (Word, OpenDocument or another), an OLE file, or a file named `.docx` /
/// `.odt`: judged by its content, whatever its name.
fn extract_office(
    bytes: &[u8],
    file_name: &str,
    format: SourceFormat,
) -> Result<ArticleDraft, ImportError> {
    if office::is_encrypted_ole(bytes) {
        return Err(ImportError::PasswordProtected);
    }
    if !office::is_zip(bytes) {
        if let Some(kind) = sniff::non_text_kind(bytes) {
            return Err(ImportError::NotText { kind });
        }
        let what = match format {
            SourceFormat::Odt => "an OpenDocument text",
            SourceFormat::Epub => "an EPUB book",
            _ => "a Word document",
        };
        return Err(ImportError::Damaged(format!(
            "it is named as {what} but is not one (no ZIP package inside)"
        )));
    }
    let mut package = office::Reader::open(bytes)?;
    let kind = package.package()?;
    let doc = match kind {
        office::Package::Docx => package.docx()?,
        office::Package::Odt => package.odt()?,
        office::Package::Epub => {
            return Err(ImportError::NotText {
                kind: "an EPUB book",
            })
        }
        office::Package::Archive => return Err(ImportError::NestedArchive),
        office::Package::Other(kind) => return Err(ImportError::NotText { kind }),
    };
    let format = office::source_format(kind).unwrap_or(format);
    draft_from_document(doc, file_name, format)
}

/// Properties fill what the text's own rules leave empty: the headline and byline
/// printed in the text are the article's; the file's author may only be who typed it.
/// The detected language wins over the property (a word processor's default) when
/// they disagree.
fn draft_from_document(
    doc: office::Document,
    file_name: &str,
    format: SourceFormat,
) -> Result<ArticleDraft, ImportError> {
    let text = doc.text;
    if text.trim().is_empty() {
        return Err(ImportError::Blank);
    }
    let mut found = metadata::read(&text, format);
    let meta = &mut found.meta;
    if meta.title.is_none() && doc.title.is_some() {
        meta.title = doc.title;
        found
            .warnings
            .retain(|w| !w.starts_with("no headline in the file"));
    }
    if meta.byline.is_none() {
        meta.byline = doc.author;
    }
    if meta.published.is_none() {
        meta.published = doc.date;
    }
    let detected = language::detect(&text);
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_lowercase();
    meta.language = match (doc.language, detected) {
        (Some(p), Some(d)) if primary(&p) == d => Some(p),
        (_, Some(d)) => Some(d),
        (p, None) => p,
    };
    Ok(into_draft(found, text, file_name, format))
}

/// The draft from the text and what was found in it; the file name stands in as the
/// list label when the text has no first sentence.
fn into_draft(
    found: metadata::Found,
    text: String,
    file_name: &str,
    format: SourceFormat,
) -> ArticleDraft {
    ArticleDraft {
        fallback_title: found.fallback_title.unwrap_or_else(|| file_stem(file_name)),
        meta: found.meta,
        text,
        format,
        warnings: found.warnings,
    }
}

fn file_stem(file_name: &str) -> String {
    Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file_name.to_owned())
}

#[cfg(test)]
mod archive_tests;
#[cfg(test)]
mod epub_tests;
#[cfg(test)]
mod fuzz_tests;
#[cfg(test)]
mod mail_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
