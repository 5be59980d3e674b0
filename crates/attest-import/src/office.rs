//! Word (`.docx`) and OpenDocument (`.odt`) files: both are ZIP packages of XML parts.
//! Only the parts that hold the text and the document properties are read, each through
//! a size cap, so a zip bomb costs at most [`MAX_PART_BYTES`] of memory per part and
//! [`MAX_UNPACKED_BYTES`] in all. Nothing is ever written to disk.
//!
//! Text: one line per paragraph (`w:p`, `text:p`, `text:h`; a table cell's paragraphs are
//! paragraphs too), runs joined as they stand, tabs as `\t`, line breaks as `\n`.
//! Deleted revisions (`w:del`, `w:moveFrom`, ODF tracked deletions), field instructions
//! (`w:instrText`), comments and the compatibility fallbacks that repeat a text box are
//! skipped. Footnotes and endnotes follow the body, one paragraph each.

use crate::ImportError;
use attest_core::SourceFormat;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

/// Most bytes read out of one part of a package (a Word body is rarely over 5 MB).
pub const MAX_PART_BYTES: u64 = 25_000_000;
/// Most bytes unpacked from one package, all parts together.
pub const MAX_UNPACKED_BYTES: u64 = 50_000_000;

/// What a ZIP-packaged file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Package {
    Docx,
    Odt,
    /// An EPUB book (`mimetype` `application/epub+zip`).
    Epub,
    /// A plain ZIP archive: its entries may be articles.
    Archive,
    /// Another kind of package, named for the message.
    Other(&'static str),
}

/// The text and the document properties of a Word or OpenDocument file.
#[derive(Debug, Default)]
pub struct Document {
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 date-time of creation (or, lacking it, of the last change).
    pub date: Option<String>,
    pub language: Option<String>,
}

/// True for a ZIP's first bytes (a local file header, or the end record of an empty one).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// An OLE compound file (old Office, or a password-protected new one).
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// Office wraps a password-protected `.docx` in an OLE file with an `EncryptedPackage`
/// stream; the directory stores stream names in UTF-16LE.
pub fn is_encrypted_ole(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    is_ole(bytes) && bytes.windows(NAME.len()).any(|w| w == NAME)
}

/// Opens a ZIP package and reads what the format needs.
pub struct Reader<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
    max_unpacked: u64,
}

impl<'a> Reader<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, ImportError> {
        Self::with_limit(bytes, MAX_UNPACKED_BYTES)
    }

    /// A reader that unpacks at most `max_unpacked` bytes in all (an archive of many
    /// articles may hold more than one document's worth).
    pub fn with_limit(bytes: &'a [u8], max_unpacked: u64) -> Result<Self, ImportError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        Ok(Reader {
            zip,
            unpacked: 0,
            max_unpacked,
        })
    }

    /// Which package this is, by its parts rather than its name.
    pub fn package(&mut self) -> Result<Package, ImportError> {
        if self.has("mimetype") {
            let mimetype = self.part("mimetype")?.unwrap_or_default();
            let mimetype = String::from_utf8_lossy(&mimetype);
            return Ok(match mimetype.trim() {
                "application/vnd.oasis.opendocument.text"
                | "application/vnd.oasis.opendocument.text-template" => Package::Odt,
                "application/epub+zip" => Package::Epub,
                m if m.starts_with("application/vnd.oasis.opendocument.spreadsheet") => {
                    Package::Other("an OpenDocument spreadsheet")
                }
                m if m.starts_with("application/vnd.oasis.opendocument.presentation") => {
                    Package::Other("an OpenDocument presentation")
                }
                m if m.starts_with("application/vnd.oasis.opendocument.") => {
                    Package::Other("an OpenDocument file that is not a text document")
                }
                _ => Package::Archive,
            });
        }
        if self.has("[Content_Types].xml") {
            if self.main_docx_part()?.is_some() {
                return Ok(Package::Docx);
            }
            if self.has("xl/workbook.xml") {
                return Ok(Package::Other("an Excel workbook"));
            }
            if self.has("ppt/presentation.xml") {
                return Ok(Package::Other("a PowerPoint presentation"));
            }
        }
        if self.has("content.xml") && self.has("META-INF/manifest.xml") {
            // An ODT written without its `mimetype` entry.
            let manifest = self.part("META-INF/manifest.xml")?.unwrap_or_default();
            if contains(&manifest, b"application/vnd.oasis.opendocument.text\"") {
                return Ok(Package::Odt);
            }
        }
        Ok(Package::Archive)
    }

    /// Reads a Word document.
    pub fn docx(&mut self) -> Result<Document, ImportError> {
        let main = self
            .main_docx_part()?
            .ok_or_else(|| damaged("the Word document has no body (word/document.xml)"))?;
        let body = self.xml_part(&main)?.unwrap_or_default();
        let mut text = docx_text(&body, &main)?;
        let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
        for notes in ["footnotes.xml", "endnotes.xml"] {
            let name = if dir.is_empty() {
                notes.to_owned()
            } else {
                format!("{dir}/{notes}")
            };
            if let Some(xml) = self.xml_part(&name)? {
                push_paragraphs(&mut text, &docx_text(&xml, &name)?);
            }
        }
        let core_name = self
            .relationship("_rels/.rels", "/metadata/core-properties")?
            .unwrap_or_else(|| "docProps/core.xml".to_owned());
        let mut doc = match self.xml_part(&core_name)? {
            Some(xml) => properties(&xml, &core_name).unwrap_or_default(),
            None => Document::default(),
        };
        doc.text = text;
        Ok(doc)
    }

    /// Reads an OpenDocument text.
    pub fn odt(&mut self) -> Result<Document, ImportError> {
        if let Some(manifest) = self.part("META-INF/manifest.xml")? {
            if contains(&manifest, b"encryption-data") {
                return Err(ImportError::PasswordProtected);
            }
        }
        let content = self
            .xml_part("content.xml")?
            .ok_or_else(|| damaged("the OpenDocument file has no content.xml"))?;
        let text = odt_text(&content)?;
        let mut doc = match self.xml_part("meta.xml")? {
            Some(xml) => properties(&xml, "meta.xml").unwrap_or_default(),
            None => Document::default(),
        };
        doc.text = text;
        Ok(doc)
    }

    /// The names of the package's entries, in the order they are stored.
    pub fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect()
    }

    fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The package's main Word part: the office-document relationship's target when it
    /// is there, else `word/document.xml`.
    fn main_docx_part(&mut self) -> Result<Option<String>, ImportError> {
        if let Some(target) = self.relationship("_rels/.rels", "/officeDocument")? {
            if self.has(&target) {
                let types = self.part("[Content_Types].xml")?.unwrap_or_default();
                if contains(&types, b"wordprocessingml") || contains(&types, b"ms-word") {
                    return Ok(Some(target));
                }
            }
        }
        Ok(self
            .has("word/document.xml")
            .then(|| "word/document.xml".to_owned()))
    }

    /// The target of the first relationship whose type ends with `type_suffix`.
    fn relationship(
        &mut self,
        rels: &str,
        type_suffix: &str,
    ) -> Result<Option<String>, ImportError> {
        let Some(xml) = self.xml_part(rels)? else {
            return Ok(None);
        };
        let mut reader = NsReader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e))
                    if e.local_name().as_ref() == "Relationship" =>
                {
                    let ty = attr(&e, "Type").unwrap_or_default();
                    if ty.ends_with(type_suffix) {
                        let target = attr(&e, "Target").unwrap_or_default();
                        let target = target.trim_start_matches('/').to_owned();
                        return Ok((!target.is_empty()).then_some(target));
                    }
                }
                Ok(Event::Eof) | Err(_) => return Ok(None),
                Ok(_) => {}
            }
        }
    }

    /// A part decoded as text (UTF-8, or UTF-16 with a BOM), if the package has it.
    fn xml_part(&mut self, name: &str) -> Result<Option<String>, ImportError> {
        let Some(bytes) = self.part(name)? else {
            return Ok(None);
        };
        let text = match bytes.as_slice() {
            [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => {
                let (enc, bom) =
                    encoding_rs::Encoding::for_bom(&bytes).unwrap_or((encoding_rs::UTF_16LE, 2));
                enc.decode_without_bom_handling_and_without_replacement(&bytes[bom..])
                    .map(|s| s.into_owned())
            }
            _ => String::from_utf8(bytes).ok(),
        };
        text.map(Some)
            .ok_or_else(|| damaged(&format!("{name} is not valid UTF-8 or UTF-16 text")))
    }

    /// A part's bytes, read through the caps: never more than [`MAX_PART_BYTES`] from
    /// one part or [`MAX_UNPACKED_BYTES`] from the package, whatever the sizes the
    /// archive declares.
    /// One entry's bytes, read through the caps; `None` when there is no such entry.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_error(e)),
        };
        if file.encrypted() {
            return Err(ImportError::PasswordProtected);
        }
        let left = self.max_unpacked.saturating_sub(self.unpacked);
        let cap = MAX_PART_BYTES.min(left);
        let too_large = ImportError::Unpacks {
            part: name.to_owned(),
            limit: if left < MAX_PART_BYTES {
                self.max_unpacked
            } else {
                MAX_PART_BYTES
            },
        };
        if file.size() > cap {
            return Err(too_large);
        }
        // The declared size may lie: the reader is capped, not the allocation hint.
        let mut bytes = Vec::with_capacity(file.size() as usize);
        (&mut file)
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(&format!("{name} cannot be unpacked ({e})")))?;
        if bytes.len() as u64 > cap {
            return Err(too_large);
        }
        self.unpacked += bytes.len() as u64;
        Ok(Some(bytes))
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn damaged(detail: &str) -> ImportError {
    ImportError::Damaged(detail.to_owned())
}

fn zip_error(e: ZipError) -> ImportError {
    match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => {
            ImportError::PasswordProtected
        }
        ZipError::InvalidPassword => ImportError::PasswordProtected,
        ZipError::CompressionMethodNotSupported(m) => damaged(&format!(
            "it uses a ZIP compression method (number {m}) Attest does not read"
        )),
        ZipError::Io(e) => damaged(&format!("the ZIP archive is cut short or unreadable ({e})")),
        other => damaged(&format!("the ZIP archive is not valid ({other})")),
    }
}

/// An attribute's value by its local name (any namespace prefix), unescaped.
pub(crate) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The XML namespaces the readers care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Word,
    Compat,
    Dc,
    DcTerms,
    Office,
    Text,
    Meta,
    Svg,
    Other,
}

impl Ns {
    fn of(r: &ResolveResult) -> Ns {
        let ResolveResult::Bound(ns) = r else {
            return Ns::Other;
        };
        match ns.as_ref() {
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::Word,
            "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Compat,
            "http://purl.org/dc/elements/1.1/" => Ns::Dc,
            "http://purl.org/dc/terms/" => Ns::DcTerms,
            "urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
            "urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
            "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" => Ns::Meta,
            "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" => Ns::Svg,
            _ => Ns::Other,
        }
    }
}

/// One step of a walk through an XML part, with empty elements given as start + end.
enum Step<'a> {
    Start(Ns, &'a str, &'a BytesStart<'a>),
    End(Ns, &'a str),
    Text(&'a str),
}

/// Walks `xml`, calling `visit` for each element and piece of text (entities resolved,
/// line ends normalised). Malformed XML is an error naming the part.
fn walk(xml: &str, part: &str, mut visit: impl FnMut(Step)) -> Result<(), ImportError> {
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let bad = |e: &dyn std::fmt::Display| damaged(&format!("{part} is not well-formed XML ({e})"));
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok((r, event)) => (Ns::of(&r), event),
            Err(e) => return Err(bad(&e)),
        };
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                visit(Step::Start(ns, name.as_ref(), &e));
            }
            Event::End(e) => visit(Step::End(ns, e.local_name().as_ref())),
            Event::Text(t) => visit(Step::Text(&t.xml10_content())),
            Event::CData(t) => visit(Step::Text(&t.xml10_content())),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match r.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(bad(&format!("unknown entity &{other};"))),
                    },
                    Err(e) => return Err(bad(&e)),
                };
                visit(Step::Text(c.encode_utf8(&mut [0; 4])));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Appends `more`'s paragraphs after `text`'s, a line break between.
pub(crate) fn push_paragraphs(text: &mut String, more: &str) {
    if more.trim().is_empty() {
        return;
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(more);
}

/// Ends the output: no blank lines at either end, no trailing white space.
pub(crate) fn finish(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start_matches(['\n', '\r']).len();
    text.drain(..start);
    text
}

/// The text of a WordprocessingML part (`document.xml`, `footnotes.xml`, …).
fn docx_text(xml: &str, part: &str) -> Result<String, ImportError> {
    let mut out = String::new();
    // Depth inside elements whose content is not the document's text.
    let mut skip = 0usize;
    // Depth inside `w:t`.
    let mut in_text = 0usize;
    // Open complex fields: `true` while in the instruction part (before `separate`).
    let mut fields: Vec<bool> = Vec::new();
    walk(xml, part, |step| match step {
        Step::Start(ns, name, e) => {
            let skipped = match (ns, name) {
                (Ns::Word, "del" | "moveFrom" | "instrText" | "delText" | "delInstrText") => true,
                (Ns::Word, "pPr" | "rPr" | "sectPr" | "tblPr" | "trPr" | "tcPr") => true,
                // Separators between the body and the notes, not notes.
                (Ns::Word, "footnote" | "endnote") => {
                    attr(e, "type").is_some_and(|t| t != "normal")
                }
                (Ns::Compat, "Fallback") => true,
                _ => false,
            };
            if skip > 0 || skipped {
                skip += 1;
                return;
            }
            if ns != Ns::Word {
                return;
            }
            match name {
                "t" => in_text += 1,
                "tab" | "ptab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                "noBreakHyphen" => out.push('\u{2011}'),
                "fldChar" => match attr(e, "fldCharType").as_deref() {
                    Some("begin") => fields.push(true),
                    Some("separate") => {
                        if let Some(f) = fields.last_mut() {
                            *f = false;
                        }
                    }
                    Some("end") => {
                        fields.pop();
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Step::End(ns, name) => {
            if skip > 0 {
                skip -= 1;
                return;
            }
            if ns == Ns::Word {
                match name {
                    "t" => in_text = in_text.saturating_sub(1),
                    "p" => out.push('\n'),
                    _ => {}
                }
            }
        }
        Step::Text(t) => {
            if skip == 0 && in_text > 0 && !fields.last().copied().unwrap_or(false) {
                out.push_str(t);
            }
        }
    })?;
    Ok(finish(out))
}

/// The text of an OpenDocument `content.xml`: the body's paragraphs, then the notes.
fn odt_text(xml: &str) -> Result<String, ImportError> {
    let mut body = String::new();
    let mut notes = String::new();
    let mut skip = 0usize;
    // Depth inside `office:body`, and inside a note's body.
    let mut in_body = 0usize;
    let mut in_note = 0usize;
    // Depth inside paragraphs; ODF collapses white space within them.
    let mut in_para = 0usize;
    let mut last_space = true;
    // The body's white-space state while a note's text is read.
    let mut body_space = true;
    walk(xml, "content.xml", |step| {
        let out = if in_note > 0 { &mut notes } else { &mut body };
        match step {
            Step::Start(ns, name, e) => {
                let skipped = matches!(
                    (ns, name),
                    (Ns::Text, "tracked-changes" | "note-citation")
                        | (Ns::Office, "annotation" | "annotation-end")
                        | (Ns::Svg, "title" | "desc")
                );
                if skip > 0 || skipped {
                    skip += 1;
                    return;
                }
                match (ns, name) {
                    (Ns::Office, "body") => in_body += 1,
                    (Ns::Text, "note-body") => {
                        in_note += 1;
                        body_space = last_space;
                    }
                    (Ns::Text, "p" | "h") => {
                        in_para += 1;
                        last_space = true;
                    }
                    (Ns::Text, "s") => {
                        let n = attr(e, "c").and_then(|c| c.parse::<usize>().ok());
                        // A run of spaces; capped so a hostile count cannot fill memory.
                        out.extend(std::iter::repeat_n(' ', n.unwrap_or(1).clamp(1, 1000)));
                        last_space = true;
                    }
                    (Ns::Text, "tab") => {
                        out.push('\t');
                        last_space = true;
                    }
                    (Ns::Text, "line-break") => {
                        out.push('\n');
                        last_space = true;
                    }
                    _ => {}
                }
            }
            Step::End(ns, name) => {
                if skip > 0 {
                    skip -= 1;
                    return;
                }
                match (ns, name) {
                    (Ns::Office, "body") => in_body = in_body.saturating_sub(1),
                    (Ns::Text, "note-body") => {
                        in_note = in_note.saturating_sub(1);
                        last_space = body_space;
                    }
                    (Ns::Text, "p" | "h") => {
                        in_para = in_para.saturating_sub(1);
                        let end = out.trim_end_matches(' ').len();
                        out.truncate(end);
                        out.push('\n');
                        last_space = true;
                    }
                    _ => {}
                }
            }
            Step::Text(t) => {
                if skip > 0 || in_body == 0 || in_para == 0 {
                    return;
                }
                // ODF 1.3 §6.1.2: white space in paragraph text collapses to one space.
                for c in t.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r') {
                        if !last_space {
                            out.push(' ');
                            last_space = true;
                        }
                    } else {
                        out.push(c);
                        last_space = false;
                    }
                }
            }
        }
    })?;
    let mut text = finish(body);
    push_paragraphs(&mut text, &finish(notes));
    Ok(text)
}

/// Title, author, date and language from `docProps/core.xml` or ODF `meta.xml`.
fn properties(xml: &str, part: &str) -> Result<Document, ImportError> {
    let mut doc = Document::default();
    let (mut creator, mut initial_creator, mut created, mut modified) = (None, None, None, None);
    let mut current: Option<(Ns, String)> = None;
    let mut value = String::new();
    walk(xml, part, |step| match step {
        Step::Start(ns, name, _) => {
            current = Some((ns, name.to_owned()));
            value.clear();
        }
        Step::Text(t) => value.push_str(t),
        Step::End(ns, name) => {
            if current.as_ref().is_some_and(|(n, l)| *n == ns && l == name) {
                let v = value.trim();
                let v = (!v.is_empty()).then(|| v.to_owned());
                match (ns, name) {
                    (Ns::Dc, "title") => doc.title = v,
                    (Ns::Dc, "creator") => creator = v,
                    (Ns::Meta, "initial-creator") => initial_creator = v,
                    (Ns::DcTerms, "created") | (Ns::Meta, "creation-date") => created = v,
                    (Ns::DcTerms, "modified") | (Ns::Dc, "date") => modified = v,
                    (Ns::Dc, "language") => doc.language = v,
                    _ => {}
                }
            }
            current = None;
        }
    })?;
    doc.title = doc.title.filter(|t| !is_placeholder_title(t));
    // ODF: `dc:creator` is whoever saved last, `meta:initial-creator` the author.
    doc.author = initial_creator
        .or(creator)
        .filter(|a| !is_placeholder_author(a));
    doc.date = created.or(modified).filter(|d| is_iso_date(d));
    Ok(doc)
}

/// Titles word processors fill in by themselves.
pub(crate) fn is_placeholder_title(t: &str) -> bool {
    let t = t.to_lowercase();
    t.starts_with("microsoft word - ")
        || matches!(t.as_str(), "untitled" | "title" | "document" | "draft")
        || (t.starts_with("document") && t[8..].chars().all(|c| c.is_ascii_digit()))
}

/// Author names that are a machine's account, not a person.
pub(crate) fn is_placeholder_author(a: &str) -> bool {
    matches!(
        a.to_lowercase().as_str(),
        "administrator"
            | "admin"
            | "user"
            | "owner"
            | "unknown"
            | "author"
            | "windows user"
            | "microsoft office user"
            | "python-docx"
            | "docx4j"
            | "apache poi"
    )
}

/// `YYYY-MM-DD`, optionally followed by a time: what both formats store.
pub(crate) fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10 || b[10] == b'T' || b[10] == b' ')
}

/// The format a package's content names, for `ArticleDraft::format`.
pub fn source_format(package: Package) -> Option<SourceFormat> {
    match package {
        Package::Docx => Some(SourceFormat::Docx),
        Package::Odt => Some(SourceFormat::Odt),
        Package::Epub => Some(SourceFormat::Epub),
        Package::Archive | Package::Other(_) => None,
    }
}

#[cfg(test)]
#[path = "office_tests.rs"]
pub(crate) mod tests;
