//! Saved web pages: the article body as plain text, plus the page's metadata.
//!
//! 1. Bytes to text honouring a byte-order mark, then the page's own `<meta charset>`
//!    (or `http-equiv` Content-Type), then UTF-8, then `chardetng`; strictly, as in
//!    `decode.rs` (no U+FFFD is ever stored).
//! 2. Inert markup is cut before parsing ([`strip_inert`]): scripts (JSON-LD kept, it
//!    carries metadata), styles, comments, SVG, templates, AMP ad slots. None of it is
//!    article text, and it is half the bytes of a typical page.
//! 3. The body comes from `rs-trafilatura` (a trafilatura port: best published body F1);
//!    metadata from `dom_smoothie`'s readability.js rules (JSON-LD, OpenGraph, Dublin
//!    Core, `<meta>`), then rs-trafilatura's, then our own rules for what both miss
//!    (a byline element in the page, `<link rel=canonical>`, `<html lang>`). See
//!    ARCHITECTURE.md, "Choices", for the measurement.
//! 4. The dateline is read from the first body paragraph with the plain-text rule.
//!
//! Only text leaves this module: markup, scripts, event handlers and `javascript:`
//! links cannot reach the stored article.

use crate::{decode, language, metadata, ImportError};
use attest_core::{ArticleDraft, ArticleMeta, SourceFormat};
use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex as BytesRegex;
use std::sync::LazyLock;

/// Elements nested deeper than this are flattened before parsing: their tags are
/// dropped, their text kept. Browsers stop nesting at 512; the extractors recurse.
const MAX_DEPTH: usize = 256;

/// What a page yields.
pub struct Page {
    pub text: String,
    pub meta: ArticleMeta,
    pub warnings: Vec<String>,
}

/// A saved page as a draft: the format is HTML whatever the file's name.
pub fn draft(bytes: &[u8], file_name: &str) -> Result<ArticleDraft, ImportError> {
    Ok(page_draft(extract(bytes)?, file_name, SourceFormat::Html))
}

/// The draft of an extracted page (language detected when the page names none, the
/// first sentence as the list label).
pub fn page_draft(page: Page, file_name: &str, format: SourceFormat) -> ArticleDraft {
    let mut meta = page.meta;
    if meta.language.is_none() {
        meta.language = language::detect(&page.text);
    }
    let fallback_title = page
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .and_then(metadata::first_sentence)
        .unwrap_or_else(|| crate::file_stem(file_name));
    ArticleDraft {
        meta,
        text: page.text,
        fallback_title,
        format,
        warnings: page.warnings,
    }
}

/// Extracts the article from a saved page's bytes.
pub fn extract(bytes: &[u8]) -> Result<Page, ImportError> {
    let (html, mut warnings) = decode_html(bytes)?;
    let html = strip_inert(&html);

    // One parse serves both libraries: the metadata rules only read the DOM, then the
    // body extractor cleans it.
    let mut meta = ArticleMeta::default();
    let (doc, body) = page_metadata(dom_query::Document::from(html.as_str()), &mut meta);
    let Some(body) = body else {
        return Err(ImportError::NoArticle);
    };

    let options = rs_trafilatura::Options {
        // Attest imports articles: skip the page-type classifier and its profiles.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        // Only its title and URL are read below.
        minimal_metadata: true,
        // Its confidence score is never read.
        skip_quality_estimate: true,
        ..Default::default()
    };
    let extracted = rs_trafilatura::extract_document_with_options(doc, &html, &options).ok();
    let mut text = String::new();
    if let Some(r) = &extracted {
        text = paragraphs(&r.content_text);
        // Its own metadata is less exact than readability's rules (a Twitter handle for
        // the outlet, "Posted by …" for the author): only the title and URL fill gaps.
        fill(&mut meta.title, r.metadata.title.as_deref());
        fill(&mut meta.url, r.metadata.url.as_deref());
    }
    if text.trim().is_empty() {
        return Err(ImportError::NoArticle);
    }
    // An extractor selects: it cannot find more words than the page holds. When it
    // does, its fallbacks repeated the page (seen on pages made only of `<div>`s, with
    // the title glued in), and the body's own text is the truer article.
    if words(&text) > words(&body) + meta.title.as_deref().map_or(0, words) {
        warnings.push(
            "the article could not be told from the rest of the page: all its text was kept".into(),
        );
        text = paragraphs(&body);
    }

    // The headline is the page's title, shown above the text; the body does not repeat
    // it (the benchmark's gold bodies leave it out too).
    if let Some(title) = meta.title.as_deref() {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let rest = text.trim_start().get(first.trim().len()..).unwrap_or("");
        if fold(first) == fold(title) && !rest.trim().is_empty() {
            text = rest.trim_start().to_owned();
        }
    }

    // The dateline opens the first paragraph of the body, which may follow the headline.
    for p in text.lines().filter(|l| !l.trim().is_empty()).take(2) {
        if let Some(c) = metadata::DATELINE.captures(p.trim()) {
            meta.dateline = Some(c["place"].trim_end_matches(['.', '-']).to_owned());
            break;
        }
    }
    if meta.title.is_none() {
        warnings.push("the page has no title: the first sentence stands in".into());
    }
    Ok(Page {
        text,
        meta,
        warnings,
    })
}

/// A page that is all article, such as a chapter of an EPUB book: every piece of text
/// of its body, block elements as paragraphs. The body extractor is not used: it is
/// made to cut page furniture, and a chapter has none, so what it cuts is content (on
/// a chapter written for the tests: the chapter's first heading and its footnote).
/// `meta.title` is the first heading, `meta.language` the `lang` (or `xml:lang`) of the
/// root element. A body without text is [`ImportError::Blank`].
pub fn extract_all(bytes: &[u8]) -> Result<Page, ImportError> {
    let (html, warnings) = decode_html(bytes)?;
    let doc = dom_query::Document::from(strip_inert(&html).as_str());
    let text = paragraphs(&doc.select("body").formatted_text());
    if text.trim().is_empty() {
        return Err(ImportError::Blank);
    }
    let mut meta = ArticleMeta::default();
    fill(
        &mut meta.title,
        Some(&doc.select("h1, h2, h3, h4, h5, h6").first().text()),
    );
    let root = doc.select("html");
    fill(
        &mut meta.language,
        root.attr("lang")
            .or_else(|| root.attr("xml:lang"))
            .as_deref(),
    );
    Ok(Page {
        text,
        meta,
        warnings,
    })
}

/// Runs of letters and digits (glued text still counts its words).
fn words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

fn fill(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value.map(fold).filter(|v| !v.is_empty());
    }
}

/// White space folded to single spaces, for one-line fields.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The extractor's text as paragraphs: lines trimmed, blank runs collapsed to one
/// blank line. Only white space changes.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out
}

// ---------------------------------------------------------------------------------
// Decoding

static META_CHARSET: LazyLock<BytesRegex> = LazyLock::new(|| {
    BytesRegex::new(r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#)
        .expect("static regex")
});

/// The page's text. A declared encoding that does not fit the bytes is reported and
/// the bytes are read as UTF-8 or by detection instead.
fn decode_html(bytes: &[u8]) -> Result<(String, Vec<String>), ImportError> {
    let mut warnings = Vec::new();
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok((strict(encoding, &bytes[bom..])?, warnings));
    }
    if decode::looks_binary(bytes) {
        return Err(ImportError::Binary);
    }
    if let Some(declared) = declared_encoding(bytes) {
        if let Ok(text) = strict(declared, bytes) {
            return Ok((text, warnings));
        }
        warnings.push(format!(
            "the page says it is {} but is not; its encoding was detected instead",
            declared.name()
        ));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), warnings));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let text = strict(encoding, bytes)?;
    warnings.push(format!(
        "the page does not name its encoding; it was detected as {}",
        encoding.name()
    ));
    Ok((text, warnings))
}

/// `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">` in
/// the first 4 KiB. As browsers do, a UTF-16 label on a byte-oriented page means UTF-8.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    Some(
        if encoding.is_single_byte() || encoding.output_encoding() == encoding {
            encoding.output_encoding()
        } else {
            UTF_8
        },
    )
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, ImportError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(ImportError::Undecodable {
            encoding: encoding.name().into(),
        });
    }
    Ok(text.into_owned())
}

// ---------------------------------------------------------------------------------
// Cutting inert markup

/// Elements whose content is never article text; cut whole.
const INERT: &[&str] = &[
    "script", "style", "svg", "template", "iframe", "object", "math",
];
/// AMP's ad elements (`amp-embed` is its alias for recommendation widgets): by the
/// AMP spec their content is only a placeholder or fallback ("Loading ad…"). Cut
/// whole when their end tag is found; an unclosed one is left to the parser.
const AMP_ADS: &[&str] = &["amp-ad", "amp-embed"];
/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] = &["title", "textarea", "xmp"];
/// Elements without content: they do not nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// The page without scripts (except JSON-LD), styles, comments, SVG and the like,
/// and with elements nested deeper than [`MAX_DEPTH`] flattened. A light tokenizer:
/// tags are skipped whole (quoted attribute values included), so a `<script` inside
/// an attribute or a title is not mistaken for one.
pub(crate) fn strip_inert(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = memchr(b'<', &b[i..]).map(|p| i + p) else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..lt]);
        i = lt;
        if b[i..].starts_with(b"<!--") {
            i = find(b, i + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_start = i + 1 + usize::from(closing);
        let name_end = b[name_start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b':'))
            .map_or(b.len(), |p| name_start + p);
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            // Not a tag ("a < b", "<!DOCTYPE", "<?xml"): keep as is.
            if b.get(i + 1).is_some_and(|c| matches!(c, b'!' | b'?')) {
                let end = tag_end(b, i + 1);
                out.push_str(&html[i..end]);
                i = end;
            } else {
                out.push('<');
                i += 1;
            }
            continue;
        }
        // As written: compared without regard to case, so no lower-cased copy per tag.
        let name = &html[name_start..name_end];
        let end = tag_end(b, name_end);
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if closing {
            if !is_one_of(name, VOID) && depth > 0 {
                depth -= 1;
            }
            if depth < MAX_DEPTH {
                out.push_str(&html[i..end]);
            }
            i = end;
            continue;
        }
        if is_one_of(name, INERT) {
            let attrs = html[name_end..end].to_ascii_lowercase();
            let close = if self_closing {
                end
            } else {
                find_close(b, end, name).unwrap_or(b.len())
            };
            if name.eq_ignore_ascii_case("script") && attrs.contains("ld+json") {
                out.push_str(&html[i..close]);
            }
            i = close;
            continue;
        }
        if is_one_of(name, AMP_ADS) && !self_closing {
            if let Some(close) = find_close(b, end, name) {
                i = close;
                continue;
            }
        }
        if is_one_of(name, RAW_TEXT) {
            if self_closing {
                // XHTML's `<title/>`: an HTML parser would read the rest of the page as
                // the title's text.
                let name = name.to_ascii_lowercase();
                out.push_str(&format!("<{name}></{name}>"));
                i = end;
                continue;
            }
            let close = find_close(b, end, name).unwrap_or(b.len());
            out.push_str(&html[i..close]);
            i = close;
            continue;
        }
        if is_one_of(name, VOID) || self_closing {
            out.push_str(&html[i..end]);
        } else {
            depth += 1;
            if depth <= MAX_DEPTH {
                out.push_str(&html[i..end]);
            } else {
                out.push(' ');
            }
        }
        i = end;
    }
    out
}

fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Index just past the `>` ending the tag whose attributes start at `from`; quoted
/// attribute values may hold `>`.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut after_eq = false;
    while i < b.len() {
        match b[i] {
            b'>' => return i + 1,
            b'=' => after_eq = true,
            q @ (b'"' | b'\'') if after_eq => {
                i = memchr(q, &b[i + 1..]).map_or(b.len(), |p| i + 1 + p);
                after_eq = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    b.len()
}

/// Index just past `</name …>` at or after `from`, matched case-insensitively.
fn find_close(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        let n = p + 2;
        let after = n + name.len();
        if b.len() >= after
            && b[n..after].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after)
                .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
        {
            return Some(tag_end(b, after));
        }
        i = n;
    }
    None
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|p| from + p)
}

// ---------------------------------------------------------------------------------
// Metadata

/// Metadata by readability.js's rules (JSON-LD first, then OpenGraph, Dublin Core,
/// Twitter and plain `<meta>`), then our own for a byline element in the body,
/// `<link rel=canonical>` and `<html lang>`. Fills `meta` from the page and returns
/// all the text of its body (block elements as lines), or `None` when the body holds
/// no text (the extractor would fall back on the title); the document is handed back
/// unchanged.
fn page_metadata(
    doc: dom_query::Document,
    meta: &mut ArticleMeta,
) -> (dom_query::Document, Option<String>) {
    use dom_query::Selection;
    // One body per parsed page: the first match is it, without walking the whole page.
    let body = doc.select_single("body").formatted_text().to_string();
    if body.trim().is_empty() {
        return (doc, None);
    }
    let byline = byline_element(&doc);
    let canonical = doc
        .select(r#"link[rel="canonical"], meta[property="og:url"]"#)
        .iter()
        .filter_map(|s: Selection| s.attr("href").or_else(|| s.attr("content")))
        .map(|u| u.trim().to_owned())
        .find(|u| u.starts_with("http://") || u.starts_with("https://"));
    // The first match is the root; `select_single` stops there.
    let lang = doc
        .select_single("html[lang]")
        .attr("lang")
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    // Built in place (`with_document` can only fail on a URL, and would keep the DOM).
    let reader = dom_smoothie::Readability {
        doc,
        doc_url: None,
        config: dom_smoothie::Config::default(),
    };
    let found = reader.get_article_metadata(reader.parse_json_ld());
    let title = fold(&found.title);
    meta.title = Some(title).filter(|t| !t.is_empty());
    meta.byline = found.byline.as_deref().map(fold).filter(|s| !s.is_empty());
    meta.outlet = found
        .site_name
        .as_deref()
        .map(fold)
        .filter(|s| !s.is_empty());
    meta.published = found
        .published_time
        .as_deref()
        .map(fold)
        .filter(|s| !s.is_empty());
    meta.language = found.lang.as_deref().map(fold).filter(|s| !s.is_empty());
    meta.url = found
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_owned);
    meta.byline = meta.byline.take().or(byline);
    meta.url = meta.url.take().or(canonical);
    meta.language = meta.language.take().or(lang);
    (reader.doc, Some(body))
}

/// readability.js's byline rule, on whole words: the first element, in document
/// order, marked `rel=author` or `itemprop~=author`, or whose class or id holds the
/// word byline, author(s), dateline or writtenby, with text shorter than 100 characters.
fn byline_element(doc: &dom_query::Document) -> Option<String> {
    // Whole words of the class or id: "author_fmt", not "authorization". Each is tested
    // alone (none of these words holds a space), and only when present.
    let named = |value: Option<&str>| {
        value.is_some_and(|v| {
            let s = v.to_lowercase();
            ["byline", "dateline", "writtenby"]
                .iter()
                .any(|p| s.contains(p))
                || s.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w == "author" || w == "authors")
        })
    };
    // The elements under `<body>` in document order (as `body *` would select them).
    let body = doc.select_single("body");
    let elements = body.nodes().first()?.descendants();
    for node in elements.into_iter().filter(|n| n.is_element()) {
        let sel = dom_query::Selection::from(node);
        let marked = sel.attr("rel").is_some_and(|r| &*r == "author")
            || sel.attr("itemprop").is_some_and(|p| p.contains("author"));
        if !(marked || named(sel.attr("class").as_deref()) || named(sel.attr("id").as_deref())) {
            continue;
        }
        let name = sel.select("[itemprop=name]");
        let text = fold(&if name.exists() {
            name.first().text()
        } else {
            sel.text()
        });
        let len = text.chars().count();
        if len > 0 && len < 100 {
            return Some(text);
        }
    }
    None
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
