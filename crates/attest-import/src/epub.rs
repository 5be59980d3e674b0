//! EPUB books (2 and 3): one article per chapter.
//!
//! The book is read through `office::Reader`, the ZIP reader the Word and OpenDocument
//! importers use: only the parts needed are unpacked, each through its caps (25 MB a
//! part, 50 MB a book), in memory. `META-INF/container.xml` names the package file
//! (OPF); its metadata, manifest and spine are read with `quick-xml`, the titles from
//! the EPUB 3 navigation document (else the EPUB 2 NCX).
//!
//! Why not `rbook` (Apache-2.0; the `epub` crate is GPL): tried on a LibreOffice EPUB,
//! it reads from memory (over an owned copy: it wants a `'static` reader) and survived
//! 20,000 mutated copies without a panic, but it unpacks `container.xml`, the OPF and
//! the table of contents with an unbounded `io::copy`. A zip bomb there would be
//! stopped only by a pre-scan of declared sizes, relying on `zip` refusing to unpack
//! past them. The few parts it would save us from parsing are simple XML (~200 lines
//! here), so one ZIP reader with one set of caps serves every package format.
//!
//! A chapter's text is all the text of its body (`html::extract_all`), block elements
//! as paragraphs: a chapter has no page furniture for a body extractor to cut, so what
//! it cuts is content (`rs-trafilatura`, on a chapter written for the tests, dropped
//! the chapter's first heading and its footnote). Spine items without text (cover
//! and image pages) and the navigation document are skipped.
//!
//! Metadata of a chapter:
//! - title: its table-of-contents label; a converter's generic label ("Section 1",
//!   "Chapter 2") only when the chapter prints it. Else its first heading, else the
//!   plain-text headline rule.
//! - byline: one printed in the chapter (an anthology's author), else the book's
//!   authors (`dc:creator`, without translators, editors and the like).
//! - outlet: the book's title (`dc:title`), so that a citation names the book the
//!   chapter is from; the publisher is not kept (the model has no place for it, and
//!   a citation names the book first).
//! - published: `dc:date` (the publication date; the file's modification date is not).
//! - language: `dc:language`, unless the text is detected in another language.
//!
//! A book whose chapters are encrypted (`META-INF/encryption.xml`, other than the
//! font obfuscation EPUB allows) is refused as DRM-locked.

use crate::office::{attr, Reader};
use crate::{html, language, metadata, Entry, ImportError};
use attest_core::{ArticleDraft, SourceFormat};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader as XmlReader;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// One entry per chapter of the book; a book that cannot be opened is one entry with
/// the reason.
pub fn chapters(bytes: &[u8], file_name: &str) -> Vec<Entry> {
    let (mut zip, book) = match Reader::open(bytes).and_then(|mut zip| {
        let book = Book::read(&mut zip)?;
        Ok((zip, book))
    }) {
        Ok(opened) => opened,
        Err(e) => return vec![Entry::failed(None, e)],
    };
    let mut entries = Vec::new();
    let mut n = 0;
    for path in &book.chapters {
        let label = book.labels.get(path);
        let part = |n: usize, title: &str| Some(format!("chapter {n}: {title}"));
        let read = match book.part(&mut zip, path) {
            Ok(Some(bytes)) => html::extract_all(&bytes).map(|page| (bytes, page)),
            Ok(None) => Err(ImportError::Damaged(format!(
                "{path} is missing from the book"
            ))),
            Err(e) => Err(e),
        };
        match read {
            // A cover, an image page, a blank page: not a chapter.
            Err(ImportError::Blank) => {}
            Err(e) => {
                n += 1;
                let title = label.unwrap_or(path);
                entries.push(Entry::failed(part(n, title), e));
            }
            Ok((bytes, page)) => {
                n += 1;
                let draft = book.draft(page, label.map(String::as_str), file_name);
                let title = draft.meta.title.as_ref().unwrap_or(&draft.fallback_title);
                entries.push(Entry::read(part(n, title), path.clone(), bytes, draft));
            }
        }
    }
    if entries.is_empty() {
        entries.push(Entry::failed(None, ImportError::Blank));
    }
    entries
}

/// What the package file and the table of contents say.
#[derive(Debug, Default)]
struct Book {
    title: Option<String>,
    authors: Option<String>,
    date: Option<String>,
    language: Option<String>,
    /// Paths of the spine items to read, in reading order.
    chapters: Vec<String>,
    /// Table-of-contents label of each content document, by its path in the ZIP.
    labels: HashMap<String, String>,
    /// Entry names by their lower-case form, for books whose links differ in case.
    names: HashMap<String, String>,
}

#[derive(Debug, Default)]
struct ManifestItem {
    path: String,
    media_type: String,
    properties: String,
}

/// Font obfuscation (IDPF, Adobe): allowed in DRM-free books; it hides only fonts.
const FONT_OBFUSCATION: &[&str] = &[
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
];

impl Book {
    fn read(zip: &mut Reader) -> Result<Book, ImportError> {
        let mut book = Book {
            names: zip
                .names()
                .into_iter()
                .map(|n| (n.to_lowercase(), n))
                .collect(),
            ..Book::default()
        };
        let container = book.xml(zip, "META-INF/container.xml")?.ok_or_else(|| {
            damaged("the book has no META-INF/container.xml, which names its contents")
        })?;
        let opf_path = rootfile(&container)?;
        let opf = book.xml(zip, &opf_path)?.ok_or_else(|| {
            damaged(&format!(
                "its package file {opf_path}, named in META-INF/container.xml, is missing"
            ))
        })?;
        let package = Package::parse(&opf, &opf_path)?;
        book.title = package.title.clone().filter(|t| !is_placeholder(t));
        book.authors = package.authors();
        book.date = package.date.clone();
        book.language = package.language.clone();
        if package.spine.is_empty() {
            return Err(damaged(&format!(
                "its package file {opf_path} has no spine (the list of its chapters)"
            )));
        }

        let encrypted = book.encrypted(zip)?;
        let mut seen = HashSet::new();
        for idref in &package.spine {
            let Some(item) = package.manifest.get(idref) else {
                continue;
            };
            let is_page = matches!(
                item.media_type.as_str(),
                "application/xhtml+xml" | "text/html" | "application/xml" | "text/xml"
            ) || [".xhtml", ".html", ".htm"]
                .iter()
                .any(|e| item.path.to_lowercase().ends_with(e));
            let is_nav = item.properties.split_whitespace().any(|p| p == "nav");
            if !is_page || is_nav || !seen.insert(item.path.clone()) {
                continue;
            }
            if encrypted.contains(&item.path.to_lowercase()) {
                return Err(ImportError::Drm);
            }
            book.chapters.push(item.path.clone());
        }
        book.labels = book.table_of_contents(zip, &package);
        Ok(book)
    }

    /// A part by its path, or by the same path in another case.
    fn part(&self, zip: &mut Reader, path: &str) -> Result<Option<Vec<u8>>, ImportError> {
        if let Some(bytes) = zip.part(path)? {
            return Ok(Some(bytes));
        }
        match self.names.get(&path.to_lowercase()) {
            Some(name) if name != path => zip.part(name),
            _ => Ok(None),
        }
    }

    /// A part as XML text (UTF-8, or UTF-16 with a byte-order mark).
    fn xml(&self, zip: &mut Reader, path: &str) -> Result<Option<String>, ImportError> {
        let Some(bytes) = self.part(zip, path)? else {
            return Ok(None);
        };
        let text = match encoding_rs::Encoding::for_bom(&bytes) {
            Some((encoding, bom)) => encoding
                .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
                .map(|s| s.into_owned()),
            None => String::from_utf8(bytes).ok(),
        };
        text.map(Some)
            .ok_or_else(|| damaged(&format!("{path} is not valid UTF-8 or UTF-16 text")))
    }

    /// The paths (lower case) of the parts `META-INF/encryption.xml` lists as
    /// encrypted by more than font obfuscation.
    fn encrypted(&self, zip: &mut Reader) -> Result<HashSet<String>, ImportError> {
        let Some(xml) = self.xml(zip, "META-INF/encryption.xml")? else {
            return Ok(HashSet::new());
        };
        let mut out = HashSet::new();
        let mut algorithm = String::new();
        let mut uris = Vec::new();
        walk(&xml, "META-INF/encryption.xml", |step| match step {
            Step::Start("EncryptedData", _) => {
                algorithm.clear();
                uris.clear();
            }
            Step::Start("EncryptionMethod", e) => {
                algorithm = attr(e, "Algorithm").unwrap_or_default();
            }
            Step::Start("CipherReference", e) => uris.extend(attr(e, "URI")),
            Step::End("EncryptedData") if !FONT_OBFUSCATION.contains(&algorithm.trim()) => {
                out.extend(
                    uris.drain(..)
                        .filter_map(|u| resolve("", &u))
                        .map(|p| p.to_lowercase()),
                );
            }
            _ => {}
        })?;
        Ok(out)
    }

    /// Labels from the EPUB 3 navigation document, else from the EPUB 2 NCX. A table
    /// that cannot be read gives no labels: headings stand in.
    fn table_of_contents(&self, zip: &mut Reader, package: &Package) -> HashMap<String, String> {
        let nav = package
            .manifest
            .values()
            .find(|i| i.properties.split_whitespace().any(|p| p == "nav"));
        if let Some(nav) = nav {
            if let Ok(Some(bytes)) = self.part(zip, &nav.path) {
                let labels = nav_labels(&String::from_utf8_lossy(&bytes), dir(&nav.path));
                if !labels.is_empty() {
                    return labels;
                }
            }
        }
        let ncx = package
            .toc
            .as_ref()
            .and_then(|id| package.manifest.get(id))
            .or_else(|| {
                package
                    .manifest
                    .values()
                    .find(|i| i.media_type == "application/x-dtbncx+xml")
            });
        match ncx.map(|ncx| (ncx, self.xml(zip, &ncx.path))) {
            Some((ncx, Ok(Some(xml)))) => ncx_labels(&xml, &ncx.path).unwrap_or_default(),
            _ => HashMap::new(),
        }
    }

    fn draft(&self, page: html::Page, label: Option<&str>, file_name: &str) -> ArticleDraft {
        let text = page.text;
        let mut found = metadata::read(&text, SourceFormat::Epub);
        let meta = &mut found.meta;
        let label = label
            .map(fold)
            .filter(|l| !l.is_empty() && (!GENERIC_LABEL.is_match(l) || printed(l, &text)));
        meta.title = label.or(page.meta.title).or(meta.title.take());
        if meta.title.is_some() {
            found
                .warnings
                .retain(|w| !w.starts_with("no headline in the file"));
        }
        meta.byline = meta.byline.take().or_else(|| self.authors.clone());
        meta.outlet = self.title.clone();
        meta.published = self.date.clone();
        let declared = self.language.clone().or(page.meta.language);
        let detected = language::detect(&text);
        let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_lowercase();
        meta.language = match (declared, detected) {
            (Some(p), Some(d)) if primary(&p) == d => Some(p),
            (_, Some(d)) => Some(d),
            (p, None) => p,
        };
        let mut warnings = page.warnings;
        warnings.extend(found.warnings);
        ArticleDraft {
            fallback_title: found
                .fallback_title
                .unwrap_or_else(|| crate::file_stem(file_name)),
            meta: found.meta,
            text,
            format: SourceFormat::Epub,
            warnings,
        }
    }
}

/// "Section 1", "Chapter 12", "Part IV", "3": labels a converter makes up.
static GENERIC_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:section|chapter|part|page|untitled)?[\s._-]*(?:\d+|[IVXLCDM]+)?$")
        .expect("static regex")
});

/// The label stands at the start of the chapter's text (white space and case aside).
fn printed(label: &str, text: &str) -> bool {
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let head: String = text.chars().take(label.chars().count() * 4 + 200).collect();
    squeeze(&head).contains(&squeeze(label))
}

/// Values converters and tools fill in by themselves.
fn is_placeholder(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "unknown" | "unknown title" | "unknown author" | "untitled" | "title" | "author" | ""
    )
}

// ---------------------------------------------------------------------------------
// The package file (OPF)

#[derive(Debug, Default)]
struct Package {
    title: Option<String>,
    /// `dc:creator`s with their `id` and EPUB 2 `opf:role`.
    creators: Vec<(String, Option<String>, Option<String>)>,
    /// EPUB 3 `<meta refines="#id" property="role">`.
    roles: HashMap<String, String>,
    date: Option<String>,
    language: Option<String>,
    manifest: HashMap<String, ManifestItem>,
    spine: Vec<String>,
    /// The spine's `toc` attribute: the NCX's manifest id.
    toc: Option<String>,
}

/// A metadata element being read: its local name and the attributes that matter
/// (`role` is EPUB 2's `opf:role` or `opf:event`, or EPUB 3's `property`).
struct Open {
    name: String,
    id: Option<String>,
    role: Option<String>,
    refines: Option<String>,
}

impl Package {
    fn parse(xml: &str, path: &str) -> Result<Package, ImportError> {
        let base = dir(path);
        let mut p = Package::default();
        let mut dates: Vec<(Option<String>, String)> = Vec::new();
        let mut open: Option<Open> = None;
        let mut value = String::new();
        let mut in_metadata = false;
        walk(xml, path, |step| match step {
            Step::Start("metadata", _) => in_metadata = true,
            Step::End("metadata") => in_metadata = false,
            Step::Start(name, e) if in_metadata => {
                open = Some(Open {
                    name: name.to_owned(),
                    id: attr(e, "id"),
                    role: attr(e, "role")
                        .or_else(|| attr(e, "event"))
                        .or_else(|| attr(e, "property")),
                    refines: attr(e, "refines"),
                });
                value.clear();
            }
            Step::Text(t) if in_metadata => value.push_str(t),
            Step::End(name) if in_metadata => {
                let Some(Open {
                    name: open_name,
                    id,
                    role,
                    refines,
                }) = open.take()
                else {
                    return;
                };
                let v = fold(&value);
                if open_name != name || v.is_empty() {
                    return;
                }
                match name {
                    "title" if p.title.is_none() => p.title = Some(v),
                    "creator" => p.creators.push((v, id, role)),
                    "language" if p.language.is_none() => p.language = Some(v),
                    "date" => dates.push((role, v)),
                    "meta" if role.as_deref() == Some("role") => {
                        if let Some(target) = refines {
                            p.roles.insert(target.trim_start_matches('#').to_owned(), v);
                        }
                    }
                    _ => {}
                }
            }
            Step::Start("item", e) => {
                let (Some(id), Some(href)) = (attr(e, "id"), attr(e, "href")) else {
                    return;
                };
                let Some(path) = resolve(base, &href) else {
                    return;
                };
                p.manifest.insert(
                    id,
                    ManifestItem {
                        path,
                        media_type: attr(e, "media-type")
                            .unwrap_or_default()
                            .trim()
                            .to_lowercase(),
                        properties: attr(e, "properties").unwrap_or_default(),
                    },
                );
            }
            Step::Start("spine", e) => p.toc = attr(e, "toc"),
            Step::Start("itemref", e) => p.spine.extend(attr(e, "idref")),
            _ => {}
        })?;
        // EPUB 2 marks dates with `opf:event`; the publication date is the one to cite.
        p.date = dates
            .iter()
            .find(|(event, _)| {
                event
                    .as_deref()
                    .is_none_or(|e| e.contains("publication") || e == "issued")
            })
            .map(|(_, d)| d.clone());
        Ok(p)
    }

    /// The authors: creators without a role, or with the role `aut`.
    fn authors(&self) -> Option<String> {
        let names: Vec<&str> = self
            .creators
            .iter()
            .filter(|(name, id, role)| {
                let role = role
                    .clone()
                    .or_else(|| id.as_ref().and_then(|id| self.roles.get(id).cloned()));
                role.is_none_or(|r| r.trim().eq_ignore_ascii_case("aut")) && !is_placeholder(name)
            })
            .map(|(name, _, _)| name.as_str())
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    }
}

/// The package file's path, from `META-INF/container.xml`.
fn rootfile(xml: &str) -> Result<String, ImportError> {
    let mut paths: Vec<(String, bool)> = Vec::new();
    walk(xml, "META-INF/container.xml", |step| {
        if let Step::Start("rootfile", e) = step {
            if let Some(path) = attr(e, "full-path") {
                let opf = attr(e, "media-type")
                    .is_some_and(|m| m.trim() == "application/oebps-package+xml");
                paths.push((path, opf));
            }
        }
    })?;
    paths
        .iter()
        .find(|(_, opf)| *opf)
        .or(paths.first())
        .and_then(|(path, _)| resolve("", path))
        .ok_or_else(|| damaged("META-INF/container.xml names no package file"))
}

// ---------------------------------------------------------------------------------
// Tables of contents

/// Labels of the EPUB 3 navigation document's `toc` nav (else its first nav).
fn nav_labels(xhtml: &str, base: &str) -> HashMap<String, String> {
    let doc = dom_query::Document::from(html::strip_inert(xhtml).as_str());
    let navs = doc.select("nav");
    let toc = navs
        .iter()
        .find(|n| {
            n.attr("epub:type")
                .is_some_and(|t| t.split_whitespace().any(|t| t == "toc"))
        })
        .or_else(|| navs.iter().next());
    let mut labels = HashMap::new();
    if let Some(toc) = toc {
        for a in toc.select("a[href]").iter() {
            let (Some(href), label) = (a.attr("href"), fold(&a.text())) else {
                continue;
            };
            if let Some(path) = resolve(base, &href) {
                if !label.is_empty() {
                    labels.entry(path).or_insert(label);
                }
            }
        }
    }
    labels
}

/// Labels of the EPUB 2 NCX's navigation points.
fn ncx_labels(xml: &str, path: &str) -> Result<HashMap<String, String>, ImportError> {
    let base = dir(path);
    let mut labels = HashMap::new();
    // Labels of the open navigation points, innermost last.
    let mut stack: Vec<String> = Vec::new();
    let mut in_text = false;
    walk(xml, path, |step| match step {
        Step::Start("navPoint", _) => stack.push(String::new()),
        Step::End("navPoint") => {
            stack.pop();
        }
        Step::Start("text", _) => in_text = true,
        Step::End("text") => in_text = false,
        Step::Text(t) if in_text => {
            if let Some(label) = stack.last_mut() {
                label.push_str(t);
            }
        }
        Step::Start("content", e) => {
            let label = stack.last().map(|l| fold(l)).unwrap_or_default();
            let target = attr(e, "src").and_then(|src| resolve(base, &src));
            if let (Some(target), false) = (target, label.is_empty()) {
                labels.entry(target).or_insert(label);
            }
        }
        _ => {}
    })?;
    Ok(labels)
}

// ---------------------------------------------------------------------------------
// Paths

/// The folder of a part's path ("" at the root).
fn dir(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// A link's target as a path in the ZIP: relative to `base`, percent-decoded, without
/// fragment or query. `None` for another site's address or a path out of the book.
fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    let href = href.split(['#', '?']).next().unwrap_or_default();
    if href.is_empty() || href.contains("://") || href.starts_with("data:") {
        return None;
    }
    let decoded = percent_decode(href);
    let (start, rest) = match decoded.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (base, decoded.as_str()),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in start.split('/').chain(rest.split('/')) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            s => segments.push(s),
        }
    }
    (!segments.is_empty()).then(|| segments.join("/"))
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

// ---------------------------------------------------------------------------------
// XML

fn damaged(detail: &str) -> ImportError {
    ImportError::Damaged(detail.to_owned())
}

/// White space folded to single spaces, for one-line fields.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One step of a walk through an XML part, by local names (prefixes dropped); empty
/// elements are given as start + end.
enum Step<'a> {
    Start(&'a str, &'a BytesStart<'a>),
    End(&'a str),
    Text(&'a str),
}

/// Walks `xml`, calling `visit` for each element and piece of text. End tags need not
/// match (some writers are careless); other malformed XML is an error naming the part.
fn walk(xml: &str, part: &str, mut visit: impl FnMut(Step)) -> Result<(), ImportError> {
    let mut reader = XmlReader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = false;
    let bad = |e: &dyn std::fmt::Display| damaged(&format!("{part} is not well-formed XML ({e})"));
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) => {
                let local = e.local_name();
                visit(Step::Start(local.as_ref(), &e));
            }
            Event::End(e) => {
                visit(Step::End(e.local_name().as_ref()));
            }
            Event::Text(t) => visit(Step::Text(&t.xml10_content())),
            Event::CData(t) => visit(Step::Text(&t.xml10_content())),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        // An HTML entity in a label: a space keeps the words apart.
                        _ => Some(' '),
                    },
                };
                if let Some(c) = c {
                    visit(Step::Text(c.encode_utf8(&mut [0; 4])));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}
