//! PDF: the text layer, one line per paragraph, and the document information.
//!
//! **Libraries.** Three were tried on `tests/fixtures/corridor.pdf` (LibreOffice) and a
//! 30-page LibreOffice PDF:
//! - `pdf-extract` 0.12 decodes fonts well (ToUnicode maps, simple encodings with
//!   `/Differences`, Type 1 built-in encodings, CID fonts) and hands every glyph with its
//!   position to an `OutputDev`, which is what rebuilding paragraphs needs. But it sits on
//!   lopdf 0.42, which inflates every stream without a limit (a flate bomb fills memory)
//!   and panics on some damaged files.
//! - `lopdf` 0.47 alone loads, decrypts and inflates under a size cap, but its own text
//!   extraction prefers `/Encoding` over `/ToUnicode`, does not read CID fonts' descendants
//!   and gives no positions.
//! - `pdf_oxide` (default features off) reads as well as pdf-extract on these files, but
//!   brings ~240 crates (image codecs, a layout engine, an Office reader) for one format.
//!
//! So both lopdf and pdf-extract are used, each for what it does well: lopdf 0.47 loads
//! the file (object and cross-reference streams capped at [`MAX_LOAD_STREAM_BYTES`]),
//! decrypts it when it opens without a password, and inflates every stream pdf-extract may
//! read under [`MAX_STREAM_BYTES`] each and [`MAX_DECODED_BYTES`] in all (images are not
//! read at all). The objects are then handed to pdf-extract with their streams already
//! plain, so its lopdf never inflates anything. pdf-extract runs inside `catch_unwind`:
//! a panic is a damaged file, not a crash. What it would recurse on without a guard (a
//! page tree or a form that loops, forms drawn inside forms past [`MAX_OPERATIONS`]) is
//! checked first, since a stack overflow aborts and cannot be caught.
//!
//! **Layout.** Glyphs are gathered into lines by their baseline; a space is put where the
//! gap between two glyphs is wider than a sixth of the font size (spaces are white space,
//! so this never changes the verbatim text). Lines are joined into a paragraph unless the
//! next line's first word would have fitted at the end of this one (a short last line), the
//! gap below is larger than the page's line spacing, or the font size changes. Lines are
//! joined with a space, except after a hyphen, which is kept (a line-end hyphen cannot be
//! told from a compound's). Page numbers alone in the top or bottom margin are dropped;
//! every other line is kept, running headers included.

use crate::office::{self, Document};
use crate::ImportError;
use lopdf::{LoadOptions, Object};
use pdf_extract as pe;
use regex::Regex;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::LazyLock;

/// Most bytes one object or cross-reference stream may inflate to while the file loads
/// (real ones are a few hundred kilobytes).
pub const MAX_LOAD_STREAM_BYTES: usize = 4_000_000;
/// Most object streams a file may have, so that loading holds at most
/// `MAX_OBJECT_STREAMS * MAX_LOAD_STREAM_BYTES` of them.
pub const MAX_OBJECT_STREAMS: usize = 64;
/// Most bytes one page content, form, font or metadata stream may inflate to.
pub const MAX_STREAM_BYTES: usize = 16_000_000;
/// Most bytes all the streams read may inflate to together.
pub const MAX_DECODED_BYTES: usize = 64_000_000;

/// The text layer and the document information of a PDF.
pub fn document(bytes: &[u8]) -> Result<Document, ImportError> {
    match catch_unwind(AssertUnwindSafe(|| read(bytes))) {
        Ok(result) => result,
        Err(_) => Err(damaged("its structure is broken (the PDF reader gave up)")),
    }
}

fn damaged(detail: &str) -> ImportError {
    ImportError::Damaged(detail.to_owned())
}

fn read(bytes: &[u8]) -> Result<Document, ImportError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !contains(head, b"%PDF-") {
        return Err(damaged(
            "it is named as a PDF but is not one (no %PDF- header)",
        ));
    }
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !contains(tail, b"%%EOF") {
        return Err(damaged(
            "the PDF is cut short (its end-of-file marker is missing)",
        ));
    }
    if count(bytes, b"ObjStm") > MAX_OBJECT_STREAMS {
        return Err(ImportError::Unpacks {
            part: format!("more than {MAX_OBJECT_STREAMS} object streams"),
            limit: (MAX_OBJECT_STREAMS * MAX_LOAD_STREAM_BYTES) as u64,
        });
    }
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_LOAD_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let pdf = lopdf::Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    if (pdf.trailer.has(b"Encrypt") && pdf.encryption_state.is_none()) || pdf.is_encrypted() {
        return Err(ImportError::PasswordProtected);
    }
    let pages = pdf.get_pages();
    if pages.is_empty() {
        return Err(damaged("the PDF has no pages (it may be cut short)"));
    }
    check_drawing(&pdf, &pages)?;
    let mut doc = properties(&pdf);
    let plain = plain_document(&pdf)?;
    drop(pdf);
    let mut glyphs = Glyphs::default();
    for &number in pages.keys() {
        let page = catch_unwind(AssertUnwindSafe(|| {
            pe::output_doc_page(&plain, &mut glyphs, number)
        }));
        match page {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                return Err(damaged(&format!("page {number} cannot be read ({e:?})")));
            }
            Err(_) => return Err(damaged(&format!("page {number} cannot be read"))),
        }
    }
    let text = layout(glyphs.pages);
    if text.trim().is_empty() {
        return Err(ImportError::NoTextLayer);
    }
    doc.text = text;
    Ok(doc)
}

fn load_error(e: lopdf::Error) -> ImportError {
    match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            ImportError::Unpacks {
                part: "an object stream".into(),
                limit: MAX_LOAD_STREAM_BYTES as u64,
            }
        }
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => {
            ImportError::PasswordProtected
        }
        other => damaged(&format!("the PDF is cut short or malformed ({other})")),
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| w == &needle)
        .count()
}

// --- What pdf-extract would loop on -----------------------------------------------------

/// Most content operations pdf-extract is given to run, forms drawn inside forms counted
/// each time they are drawn (a text-heavy 20 MB file has a few million).
pub const MAX_OPERATIONS: u64 = 30_000_000;
/// Most forms drawn inside one another.
const MAX_FORM_DEPTH: usize = 16;

/// pdf-extract follows page-tree parents and draws forms (`Do`) by recursion, with no
/// guard: a loop would overflow the stack (an abort, not a panic) and forms that draw
/// each other many times would run for ever. Both are refused here first, as damage.
fn check_drawing(
    pdf: &lopdf::Document,
    pages: &std::collections::BTreeMap<u32, lopdf::ObjectId>,
) -> Result<(), ImportError> {
    let mut budget = MAX_OPERATIONS;
    let mut memo = std::collections::HashMap::new();
    for (&number, &id) in pages {
        // lopdf checks the parents for a loop; pdf-extract would not.
        pdf.get_page_resources(id)
            .map_err(|_| damaged(&format!("page {number} is not properly in the page tree")))?;
        let resources = inherited_resources(pdf, id);
        let content = pdf
            .get_page_content_with_limit(id, MAX_STREAM_BYTES)
            .unwrap_or_default();
        let mut stack = Vec::new();
        operations(pdf, &content, resources, &mut stack, &mut memo, &mut budget)
            .map_err(|why| damaged(&format!("page {number} cannot be drawn ({why})")))?;
    }
    Ok(())
}

/// The `/Resources` a page inherits, as pdf-extract finds them.
fn inherited_resources(pdf: &lopdf::Document, page: lopdf::ObjectId) -> Option<&lopdf::Dictionary> {
    let mut node = pdf.get_dictionary(page).ok()?;
    for _ in 0..64 {
        if let Ok(r) = node.get_deref(b"Resources", pdf).and_then(Object::as_dict) {
            return Some(r);
        }
        node = node
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|p| pdf.get_dictionary(p))
            .ok()?;
    }
    None
}

/// How many operations drawing `content` runs, forms included; an error when forms loop,
/// nest too deep or multiply past the budget.
fn operations<'a>(
    pdf: &'a lopdf::Document,
    content: &[u8],
    resources: Option<&'a lopdf::Dictionary>,
    stack: &mut Vec<lopdf::ObjectId>,
    memo: &mut std::collections::HashMap<lopdf::ObjectId, u64>,
    budget: &mut u64,
) -> Result<u64, &'static str> {
    let mut total = 0u64;
    let charge = |n: u64, total: &mut u64, budget: &mut u64| {
        *total = total.saturating_add(n);
        *budget = budget
            .checked_sub(n)
            .ok_or("its drawings repeat past any real page")?;
        Ok::<(), &'static str>(())
    };
    for op in lopdf::content::Content::decode_iter(content) {
        let Ok(op) = op else { break };
        charge(1, &mut total, budget)?;
        if op.operator != "Do" {
            continue;
        }
        let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
            continue;
        };
        let Some(xobject) = resources
            .and_then(|r| r.get_deref(b"XObject", pdf).and_then(Object::as_dict).ok())
            .and_then(|x| x.get(name).ok())
        else {
            continue;
        };
        let (id, form) = match xobject {
            Object::Reference(id) => match pdf.get_object(*id).and_then(Object::as_stream) {
                Ok(s) => (Some(*id), s),
                Err(_) => continue,
            },
            Object::Stream(s) => (None, s),
            _ => continue,
        };
        if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            continue;
        }
        if id.is_some_and(|id| id != (0, 0) && stack.contains(&id)) {
            return Err("a drawing draws itself");
        }
        if stack.len() >= MAX_FORM_DEPTH {
            return Err("drawings are nested too deep");
        }
        let own = form
            .dict
            .get_deref(b"Resources", pdf)
            .and_then(Object::as_dict)
            .ok();
        if let (Some(id), Some(_)) = (id, own) {
            if let Some(&n) = memo.get(&id) {
                charge(n, &mut total, budget)?;
                continue;
            }
        }
        let inner = form
            .get_plain_content_with_limit(MAX_STREAM_BYTES)
            .unwrap_or_default();
        stack.push(id.unwrap_or((0, 0)));
        // The call charges the budget itself; its count goes in this stream's total.
        let n = operations(pdf, &inner, own.or(resources), stack, memo, budget)?;
        stack.pop();
        total = total.saturating_add(n);
        if let (Some(id), Some(_)) = (id, own) {
            memo.insert(id, n);
        }
    }
    Ok(total)
}

// --- Handing the objects to pdf-extract, streams inflated under the caps -------------

/// A copy of the document for pdf-extract's lopdf, with every stream plain: inflated here
/// under the caps, or emptied when it is an image or an attachment (never read for text).
fn plain_document(pdf: &lopdf::Document) -> Result<pe::Document, ImportError> {
    let mut out = pe::Document::new();
    out.version = pdf.version.clone();
    out.max_id = pdf.max_id;
    let mut budget = MAX_DECODED_BYTES;
    for (&id, object) in &pdf.objects {
        out.objects.insert(id, convert(object, &mut budget, 0)?);
    }
    out.trailer = convert_dict(&pdf.trailer, &mut budget, 0)?;
    Ok(out)
}

/// Objects nested deeper than this are cut (lopdf's parser bounds nesting too).
const MAX_DEPTH: usize = 256;

fn convert(object: &Object, budget: &mut usize, depth: usize) -> Result<pe::Object, ImportError> {
    if depth > MAX_DEPTH {
        return Ok(pe::Object::Null);
    }
    Ok(match object {
        Object::Null => pe::Object::Null,
        Object::Boolean(b) => pe::Object::Boolean(*b),
        Object::Integer(i) => pe::Object::Integer(*i),
        Object::Real(r) => pe::Object::Real(*r),
        Object::Name(n) => pe::Object::Name(n.clone()),
        Object::String(s, format) => pe::Object::String(
            s.clone(),
            match format {
                lopdf::StringFormat::Literal => pe::StringFormat::Literal,
                lopdf::StringFormat::Hexadecimal => pe::StringFormat::Hexadecimal,
            },
        ),
        Object::Array(items) => pe::Object::Array(
            items
                .iter()
                .map(|o| convert(o, budget, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Object::Dictionary(dict) => pe::Object::Dictionary(convert_dict(dict, budget, depth)?),
        Object::Reference(id) => pe::Object::Reference(*id),
        Object::Stream(stream) => {
            let mut dict = convert_dict(&stream.dict, budget, depth)?;
            dict.remove(b"Filter");
            dict.remove(b"DecodeParms");
            let content = stream_content(stream, budget)?;
            dict.set("Length", content.len() as i64);
            pe::Object::Stream(pe::Stream::new(dict, content))
        }
    })
}

fn convert_dict(
    dict: &lopdf::Dictionary,
    budget: &mut usize,
    depth: usize,
) -> Result<pe::Dictionary, ImportError> {
    let mut out = pe::Dictionary::new();
    for (key, value) in dict.iter() {
        out.set(key.clone(), convert(value, budget, depth + 1)?);
    }
    Ok(out)
}

/// A stream's plain bytes, charged to `budget`; empty for streams text never needs, or
/// that cannot be decoded (an image codec, a broken stream).
fn stream_content(stream: &lopdf::Stream, budget: &mut usize) -> Result<Vec<u8>, ImportError> {
    let name = |key: &[u8]| stream.dict.get(key).and_then(Object::as_name).ok();
    let unread = matches!(name(b"Subtype"), Some(b"Image"))
        || matches!(name(b"Type"), Some(b"EmbeddedFile" | b"XRef" | b"ObjStm"));
    if unread {
        return Ok(Vec::new());
    }
    let limit = MAX_STREAM_BYTES.min(*budget);
    let too_large = || ImportError::Unpacks {
        part: "a stream of the PDF".into(),
        limit: if limit < MAX_STREAM_BYTES {
            MAX_DECODED_BYTES as u64
        } else {
            MAX_STREAM_BYTES as u64
        },
    };
    let content = if stream.dict.has(b"Filter") {
        match stream.get_plain_content_with_limit(limit) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => return Err(too_large()),
            Err(_) => Vec::new(),
        }
    } else {
        stream.content.clone()
    };
    if content.len() > limit {
        return Err(too_large());
    }
    *budget -= content.len();
    Ok(content)
}

// --- Document information -------------------------------------------------------------

/// Title, author and creation date from `/Info` (XMP as a fallback), the language from
/// the catalog's `/Lang` (or XMP `dc:language`).
fn properties(pdf: &lopdf::Document) -> Document {
    let info = pdf
        .trailer
        .get_deref(b"Info", pdf)
        .and_then(Object::as_dict)
        .ok();
    let text = |key: &[u8]| {
        info.and_then(|d| d.get_deref(key, pdf).ok())
            .and_then(|o| lopdf::decode_text_string(o).ok())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let catalog = pdf.catalog().ok();
    let xmp = catalog
        .and_then(|c| c.get_deref(b"Metadata", pdf).ok())
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| {
            if s.dict.has(b"Filter") {
                s.get_plain_content_with_limit(MAX_STREAM_BYTES).ok()
            } else {
                Some(s.content.clone())
            }
        })
        .map(|bytes| xmp(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default();
    let lang = catalog
        .and_then(|c| c.get_deref(b"Lang", pdf).ok())
        .and_then(|o| lopdf::decode_text_string(o).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case("x-unknown"));
    Document {
        text: String::new(),
        title: text(b"Title")
            .or(xmp.title)
            .filter(|t| !office::is_placeholder_title(t) && !is_file_name(t)),
        author: text(b"Author")
            .or(xmp.author)
            .filter(|a| !office::is_placeholder_author(a)),
        date: text(b"CreationDate")
            .and_then(|d| pdf_date(&d))
            .or(xmp.date.filter(|d| office::is_iso_date(d))),
        language: lang.or(xmp.language),
    }
}

/// A title that is only the name of the file the PDF was made from.
fn is_file_name(t: &str) -> bool {
    let lower = t.to_lowercase();
    [
        ".doc", ".docx", ".odt", ".rtf", ".txt", ".pdf", ".html", ".indd", ".qxd",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext))
        && !t.contains(' ')
}

/// `D:YYYYMMDDHHmmSSOHH'mm'` (PDF 32000-1 §7.9.4) as ISO 8601; at least a day.
pub(crate) fn pdf_date(d: &str) -> Option<String> {
    let d = d.trim();
    let d = d.strip_prefix("D:").unwrap_or(d);
    let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return None;
    }
    let part = |from: usize| digits.get(from..from + 2);
    let (year, month, day) = (&digits[..4], &digits[4..6], &digits[6..8]);
    let in_range =
        |s: &str, lo: u32, hi: u32| s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v));
    if !in_range(month, 1, 12) || !in_range(day, 1, 31) || year == "0000" {
        return None;
    }
    let mut out = format!("{year}-{month}-{day}");
    let Some(hour) = part(8).filter(|h| in_range(h, 0, 23)) else {
        return Some(out);
    };
    let minute = part(10).filter(|m| in_range(m, 0, 59)).unwrap_or("00");
    let second = part(12).filter(|s| in_range(s, 0, 59)).unwrap_or("00");
    out.push_str(&format!("T{hour}:{minute}:{second}"));
    let zone = &d[digits.len()..];
    match zone.chars().next() {
        Some('Z') => out.push('Z'),
        Some(sign @ ('+' | '-')) => {
            let z: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            if z.len() >= 2 {
                let hh = &z[..2];
                let mm = z.get(2..4).unwrap_or("00");
                out.push_str(&format!("{sign}{hh}:{mm}"));
            }
        }
        _ => {}
    }
    Some(out)
}

#[derive(Default)]
struct Xmp {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    language: Option<String>,
}

/// The Dublin Core title, creator and language and the XMP creation date of an XMP
/// packet; unreadable XML gives what was read before the error.
fn xmp(xml: &str) -> Xmp {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    const DC: &str = "http://purl.org/dc/elements/1.1/";
    const XMP: &str = "http://ns.adobe.com/xap/1.0/";
    let mut out = Xmp::default();
    let mut reader = quick_xml::NsReader::from_str(xml);
    // The Dublin Core or XMP property being read, and the text read in it.
    let mut property: Option<(bool, String)> = None;
    let mut depth = 0usize;
    let mut value = String::new();
    loop {
        match reader.read_resolved_event() {
            Ok((ns, Event::Start(e))) => {
                depth += 1;
                let local = e.local_name().as_ref().to_owned();
                if property.is_none() {
                    if let ResolveResult::Bound(ns) = ns {
                        let is_dc = ns.as_ref() == DC;
                        if is_dc || ns.as_ref() == XMP {
                            property = Some((is_dc, local));
                            value.clear();
                            depth = 1;
                        }
                    }
                }
            }
            Ok((_, Event::Text(t))) if property.is_some() => {
                value.push_str(&t.xml10_content());
            }
            Ok((_, Event::GeneralRef(r))) if property.is_some() => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    value.push(c);
                } else {
                    value.push_str(match r.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok((_, Event::End(_))) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some((is_dc, name)) = property.take() {
                        let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
                        let v = (!v.is_empty()).then_some(v);
                        match (is_dc, name.as_str()) {
                            (true, "title") => out.title = out.title.or(v),
                            (true, "creator") => out.author = out.author.or(v),
                            (true, "language") => {
                                out.language = out
                                    .language
                                    .or(v.filter(|l| !l.eq_ignore_ascii_case("x-unknown")))
                            }
                            (false, "CreateDate") => out.date = out.date.or(v),
                            _ => {}
                        }
                    }
                }
            }
            Ok((_, Event::Eof)) | Err(_) => return out,
            Ok(_) => {}
        }
    }
}

// --- Glyphs to lines to paragraphs ----------------------------------------------------

/// One glyph as drawn: its origin, the unit vector of its baseline, its advance along
/// the baseline and its size, all in page space.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    ux: f64,
    uy: f64,
    advance: f64,
    size: f64,
    text: String,
}

impl Glyph {
    fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
    fn end(&self) -> (f64, f64) {
        (
            self.x + self.ux * self.advance,
            self.y + self.uy * self.advance,
        )
    }
}

/// pdf-extract's output device: collects the glyphs of each page.
#[derive(Default)]
struct Glyphs {
    pages: Vec<Vec<Glyph>>,
}

impl pe::OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _page: u32,
        _media_box: &pe::MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pe::OutputError> {
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pe::OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pe::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), pe::OutputError> {
        // Control characters are not text (unmapped glyphs often decode to U+0000).
        let text: String = text
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .collect();
        if text.is_empty() {
            return Ok(());
        }
        let scale = (trm.m11 * trm.m11 + trm.m12 * trm.m12).sqrt();
        let (ux, uy) = if scale > 1e-9 && scale.is_finite() {
            (trm.m11 / scale, trm.m12 / scale)
        } else {
            (1.0, 0.0)
        };
        let size = (font_size * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt()).abs();
        let advance = width * font_size * scale;
        let glyph = Glyph {
            x: trm.m31,
            y: trm.m32,
            ux,
            uy,
            advance: if advance.is_finite() { advance } else { 0.0 },
            size: if size.is_finite() && size > 0.01 {
                size
            } else {
                1.0
            },
            text,
        };
        if !(glyph.x.is_finite() && glyph.y.is_finite()) {
            return Ok(());
        }
        match self.pages.last_mut() {
            Some(page) => page.push(glyph),
            None => self.pages.push(vec![glyph]),
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pe::OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pe::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pe::OutputError> {
        Ok(())
    }
}

/// A line of text in its own frame: `x0`..`x1` along the baseline, `y` across it
/// (growing down the page for upright text).
#[derive(Debug, Clone)]
struct Line {
    x0: f64,
    x1: f64,
    y: f64,
    /// Where the first word ends along the baseline.
    first_word_end: f64,
    size: f64,
    ux: f64,
    uy: f64,
    text: String,
}

impl Line {
    fn same_direction(&self, other: &Line) -> bool {
        self.ux * other.ux + self.uy * other.uy > 0.95
    }
    fn first_word_width(&self) -> f64 {
        (self.first_word_end - self.x0).max(0.0)
    }
}

/// Gap along the baseline, as a share of the font size, above which a space is put.
const SPACE_GAP: f64 = 0.17;

/// The glyphs of one page, in the order drawn, gathered into lines.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut current: Vec<&Glyph> = Vec::new();
    for g in glyphs {
        if let Some(prev) = current.last() {
            let (ex, ey) = prev.end();
            let (dx, dy) = (g.x - ex, g.y - ey);
            let along = dx * g.ux + dy * g.uy;
            let across = dx * g.uy - dy * g.ux;
            let size = prev.size.min(g.size);
            let same_line = prev.ux * g.ux + prev.uy * g.uy > 0.95
                && across.abs() <= 0.5 * size
                && along > -size
                && along < 40.0 * size;
            if !same_line {
                out.extend(make_line(&current));
                current.clear();
            }
        }
        current.push(g);
    }
    out.extend(make_line(&current));
    out
}

fn make_line(glyphs: &[&Glyph]) -> Option<Line> {
    let first = glyphs.iter().find(|g| !g.is_space())?;
    let last = glyphs.iter().rev().find(|g| !g.is_space())?;
    let (ux, uy) = (first.ux, first.uy);
    let along = |x: f64, y: f64| x * ux + y * uy;
    let mut text = String::new();
    let mut first_word_end = None;
    let mut prev: Option<&Glyph> = None;
    for g in glyphs {
        if let Some(p) = prev {
            let (ex, ey) = p.end();
            let gap = along(g.x, g.y) - along(ex, ey);
            let spaced = text.ends_with(char::is_whitespace) || g.is_space();
            if !spaced && gap > SPACE_GAP * p.size.min(g.size) {
                text.push(' ');
            }
        }
        if first_word_end.is_none()
            && !text.trim().is_empty()
            && text.ends_with(char::is_whitespace)
        {
            first_word_end = prev.map(|p| {
                let (ex, ey) = p.end();
                along(ex, ey)
            });
        }
        if !(g.is_space() && text.ends_with(char::is_whitespace)) {
            text.push_str(if g.is_space() { " " } else { &g.text });
        }
        prev = Some(g);
    }
    let text = text.trim().to_owned();
    let (lx, ly) = last.end();
    let x1 = along(lx, ly);
    let mut sizes: Vec<f64> = glyphs
        .iter()
        .filter(|g| !g.is_space())
        .map(|g| g.size)
        .collect();
    sizes.sort_by(f64::total_cmp);
    Some(Line {
        x0: along(first.x, first.y),
        x1,
        y: first.x * uy - first.y * ux,
        first_word_end: first_word_end.unwrap_or(x1),
        size: sizes[sizes.len() / 2],
        ux,
        uy,
        text,
    })
}

/// "12", "- 12 -", "Page 3", "3 / 10", "page 3 of 10".
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|(?i:of))\s*\d{1,4})?$")
        .expect("static regex")
});

/// Drops a page number standing alone at the top or bottom of the page, well apart from
/// the other lines.
fn drop_page_number(lines: &mut Vec<Line>) {
    if lines.len() < 2 {
        return;
    }
    let upright: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].same_direction(&lines[0]))
        .collect();
    let by_y = |pick_max: bool| {
        upright.iter().copied().reduce(|a, b| {
            let better = if pick_max {
                lines[b].y > lines[a].y
            } else {
                lines[b].y < lines[a].y
            };
            if better {
                b
            } else {
                a
            }
        })
    };
    let mut drop = Vec::new();
    for candidate in [by_y(true), by_y(false)].into_iter().flatten() {
        let line = &lines[candidate];
        if !PAGE_NUMBER.is_match(&line.text) {
            continue;
        }
        let apart = upright
            .iter()
            .filter(|&&i| i != candidate)
            .all(|&i| (lines[i].y - line.y).abs() > 2.0 * line.size.max(lines[i].size));
        if apart && !drop.contains(&candidate) {
            drop.push(candidate);
        }
    }
    drop.sort_unstable();
    for i in drop.into_iter().rev() {
        lines.remove(i);
    }
}

/// The right edge of the text a line belongs to: the furthest end of the lines of the
/// page that overlap it along the baseline (a column's lines, not the other column's).
fn right_edges(lines: &[Line]) -> Vec<f64> {
    // Pathological pages (a glyph per line) are measured as one block.
    if lines.len() > 2000 {
        let max = lines.iter().map(|l| l.x1).fold(f64::MIN, f64::max);
        return vec![max; lines.len()];
    }
    lines
        .iter()
        .map(|l| {
            lines
                .iter()
                .filter(|o| o.same_direction(l) && o.x0 < l.x1 && o.x1 > l.x0)
                .map(|o| o.x1)
                .fold(l.x1, f64::max)
        })
        .collect()
}

/// The usual distance between a line and the next on a page.
fn line_spacing(lines: &[Line]) -> Option<f64> {
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .filter(|w| w[0].same_direction(&w[1]))
        .map(|w| (w[1].y - w[0].y, w[0].size.max(w[1].size)))
        .filter(|&(d, size)| d > 0.0 && d < 3.0 * size)
        .map(|(d, _)| d)
        .collect();
    gaps.sort_by(f64::total_cmp);
    gaps.get(gaps.len() / 2).copied()
}

/// Whether `next`'s first word would have fitted at the end of `line` (whose text block
/// ends at `right`): then the line ended where its paragraph did.
fn ends_short(line: &Line, right: f64, next: &Line) -> bool {
    let space = 0.25 * line.size;
    line.x1 + space + next.first_word_width() <= right + 0.05 * line.size
}

fn layout(pages: Vec<Vec<Glyph>>) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = String::new();
    // The last line of the previous page, with its right edge.
    let mut previous: Option<(Line, f64)> = None;
    for glyphs in pages {
        let mut lines = lines(&glyphs);
        drop(glyphs);
        drop_page_number(&mut lines);
        let rights = right_edges(&lines);
        let spacing = line_spacing(&lines);
        for (i, line) in lines.iter().enumerate() {
            let joins = match &previous {
                None => false,
                Some((prev, right)) => {
                    let new_page = i == 0;
                    let dy = line.y - prev.y;
                    let size_ratio = line.size.max(prev.size) / line.size.min(prev.size).max(0.01);
                    let wide_gap = match spacing {
                        Some(s) => dy > 1.4 * s + 0.1 * prev.size,
                        None => dy > 2.0 * prev.size,
                    };
                    let moved_on = new_page || dy <= 0.3 * prev.size; // next page or column
                    prev.same_direction(line)
                        && size_ratio < 1.15
                        && (moved_on || !wide_gap)
                        && !ends_short(prev, *right, line)
                }
            };
            if joins {
                let ends_hyphen = open.ends_with(['-', '\u{2010}', '\u{00AD}']);
                if !ends_hyphen {
                    open.push(' ');
                }
            } else if !open.is_empty() {
                paragraphs.push(std::mem::take(&mut open));
            }
            open.push_str(&line.text);
            previous = Some((line.clone(), rights[i]));
        }
    }
    if !open.is_empty() {
        paragraphs.push(open);
    }
    paragraphs.join("\n")
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
