//! E-mail (`.eml`), mailboxes (`.mbox`) and single-file web archives (`.mhtml`, `.mht`).
//!
//! All three are RFC 5322 messages; `mail-parser` (0.11: 1.0 needs a newer Rust) reads
//! their MIME structure, headers (RFC 2047 words included), transfer encodings and
//! charsets. Where it cannot decode a part it puts U+FFFD in it (or leaves it encoded,
//! in a message cut short); such a part is decoded again here, strictly, as `decode.rs`
//! does — an HTML part without a fitting charset by its own `<meta charset>` — so no
//! replacement character reaches the stored text unless the sender wrote one.
//!
//! An e-mail becomes an article so:
//! - text: the first plain-text body part (`format=flowed` lines rejoined), else the
//!   HTML part through `html::extract` (or its whole body, when that finds no article);
//!   every non-whitespace character kept, in order. Attachments are not read: a warning
//!   names them.
//! - title: the Subject, without the reply and forward prefixes ("Re:", "Fwd:", "AW:" …)
//!   that the mail programs add: they are not the article's.
//! - byline: one printed in the text ("By …", a name line before a dateline), else the
//!   sender's display name (or address). For a newsletter (List-Id, List-Unsubscribe or
//!   `Precedence: bulk`), the outlet is the List-Id's name, else the sender's name,
//!   and the sender stands as byline only when it names someone else.
//! - published: the Date, as ISO 8601 with its offset.
//! - a forwarded message ("Fwd:") was sent by the forwarder: its sender and date are
//!   not the article's, so byline and date are left empty (a warning says so).
//! - url: none; a list's archive is not the message's address.
//!
//! A web archive (named `.mhtml`/`.mht`, or saved by a browser: `Snapshot-Content-Location`
//! or a `From: <Saved by …>`) is its first HTML part, read as a saved page; the address it
//! was saved from stands as URL when the page names no canonical one.
//!
//! A mailbox is split at its `From sender date` lines — only where a header line
//! follows, so a body line that escaped quoting does not cut a message in two — and
//! `>From ` lines are unquoted (mboxrd); `mail-parser`'s `MessageIterator` splits at
//! every line starting `From `, hence this splitter of twenty lines. Each message is
//! imported, or fails, on its own.

use crate::{decode, html, language, metadata, sniff, Entry, ImportError};
use attest_core::{ArticleDraft, ArticleMeta, SourceFormat};
use mail_parser::{Message, MessageParser, MimeHeaders, PartType};
use regex::bytes::Regex as BytesRegex;
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// How far into a file its header block is looked for.
const HEADER_SCAN: usize = 64 * 1024;

/// An RFC 5322 message (or MHTML archive) by its first bytes: a header block of at
/// least two fields, one of which only mail carries (`Received`, `Return-Path`,
/// `Delivered-To`, `MIME-Version`, a `Message-ID`, `Content-Type` or `From` address, or
/// a `Date` in mail's form). "Subject: budget" over a paragraph, or "Date: 3 May" and
/// "Source: Reuters" atop an article, are not a message.
pub fn is_message(bytes: &[u8]) -> bool {
    header_block(bytes).is_some_and(|fields| {
        fields.len() >= 2 && fields.iter().any(|(name, value)| only_in_mail(name, value))
    })
}

/// A Unix mailbox (mboxo, mboxrd): a `From sender date` line, then a message's header
/// block.
pub fn is_mbox(bytes: &[u8]) -> bool {
    match bytes.iter().take(1000).position(|&b| b == b'\n') {
        Some(end) => FROM_LINE.is_match(&bytes[..end]) && is_message(&bytes[end + 1..]),
        None => false,
    }
}

/// One article per message of a mailbox; a message that cannot be read is an entry
/// with its error, and the others are still read.
pub fn mbox_entries(bytes: &[u8], file_name: &str) -> Vec<Entry> {
    let messages = split_mbox(bytes);
    if messages.is_empty() {
        return vec![Entry::failed(
            None,
            ImportError::Damaged("the mailbox holds no message".into()),
        )];
    }
    let stem = crate::file_stem(file_name);
    let digits = messages.len().to_string().len();
    messages
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| {
            let n = i + 1;
            let subject = MessageParser::default()
                .parse_headers(&bytes)
                .and_then(|m| m.subject().map(fold))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "(no subject)".into());
            let part = Some(format!("message {n}: {subject}"));
            let name = format!("{stem}-{n:0digits$}.eml");
            match message(&bytes, &name) {
                Ok(draft) => Entry::read(part, name, bytes, draft),
                Err(e) => Entry::failed(part, e),
            }
        })
        .collect()
}

/// A message (e-mail or MHTML web archive) as a draft.
pub fn message(bytes: &[u8], file_name: &str) -> Result<ArticleDraft, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    // A message saved with its mailbox separator line.
    let bytes = match bytes.iter().take(1000).position(|&b| b == b'\n') {
        Some(end) if FROM_LINE.is_match(&bytes[..end]) => &bytes[end + 1..],
        _ => bytes,
    };
    if !starts_with_field(bytes) {
        if let Some(kind) = sniff::non_text_kind(bytes) {
            return Err(ImportError::NotText { kind });
        }
        if decode::looks_binary(bytes) {
            return Err(ImportError::Binary);
        }
        return Err(ImportError::Damaged(
            "it does not start with the header lines of an e-mail or web archive".into(),
        ));
    }
    let parsed = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| ImportError::Damaged("its message headers cannot be read".into()))?;
    if is_web_archive(&parsed, file_name) {
        web_archive(&parsed, file_name)
    } else {
        email(&parsed, file_name)
    }
}

// ---------------------------------------------------------------------------------
// Header blocks

/// The header fields at the start of `bytes` (lower-case name, unfolded value), up to
/// the blank line that ends them (or the end of the file); `None` when a line of the
/// block is not a header field.
fn header_block(bytes: &[u8]) -> Option<Vec<(String, String)>> {
    let head = &bytes[..bytes.len().min(HEADER_SCAN)];
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in head.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return (!fields.is_empty()).then_some(fields);
        }
        if line[0] == b' ' || line[0] == b'\t' {
            let (_, value) = fields.last_mut()?;
            value.push(' ');
            value.push_str(String::from_utf8_lossy(line).trim());
            continue;
        }
        let colon = field_name_end(line)?;
        fields.push((
            String::from_utf8_lossy(&line[..colon]).to_ascii_lowercase(),
            String::from_utf8_lossy(&line[colon + 1..])
                .trim()
                .to_owned(),
        ));
    }
    // No blank line: a header block only if it runs to the end of the file.
    (head.len() == bytes.len() && !fields.is_empty()).then_some(fields)
}

/// Where the colon after a header field's name stands: the name is printable ASCII
/// without spaces (RFC 5322 `ftext`).
fn field_name_end(line: &[u8]) -> Option<usize> {
    let colon = line.iter().take(200).position(|&b| b == b':')?;
    (colon > 0 && line[..colon].iter().all(|b| (33..=126).contains(b))).then_some(colon)
}

fn starts_with_field(bytes: &[u8]) -> bool {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    field_name_end(first).is_some()
}

/// RFC 5322 date-time: "Tue, 3 May 2024 09:12:00 +0300".
static MAIL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Za-z]{3}, *)?\d{1,2} +[A-Za-z]{3} +\d{2,4} +\d{1,2}:\d{2}")
        .expect("static regex")
});

fn only_in_mail(name: &str, value: &str) -> bool {
    match name {
        "received" | "return-path" | "delivered-to" | "mime-version" => true,
        "message-id" => value.contains('@'),
        "content-type" => value.contains('/'),
        "from" => value.contains('@') || value.contains("<Saved by"),
        "date" => MAIL_DATE.is_match(value),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------
// Mailboxes

/// A mailbox's separator line: "From sender date", the date with a time of day
/// ("From jane@example.org Tue May 14 06:15:00 2024", "From - Tue May 14 …").
static FROM_LINE: LazyLock<BytesRegex> =
    LazyLock::new(|| BytesRegex::new(r"^From \S+ [^\n]*\d{1,2}:\d{2}").expect("static regex"));

/// The messages of a mailbox, each without its `From ` line and with `>From ` unquoted.
fn split_mbox(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut lines = bytes.split_inclusive(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let next_is_field = lines
            .peek()
            .is_some_and(|next| field_name_end(next).is_some());
        if next_is_field && FROM_LINE.is_match(line) {
            messages.extend(current.take());
            current = Some(Vec::new());
            continue;
        }
        let Some(message) = current.as_mut() else {
            continue;
        };
        let quotes = line.iter().take_while(|&&b| b == b'>').count();
        if quotes > 0 && line[quotes..].starts_with(b"From ") {
            message.extend_from_slice(&line[1..]);
        } else {
            message.extend_from_slice(line);
        }
    }
    messages.extend(current);
    messages
}

// ---------------------------------------------------------------------------------
// E-mail

static REPLY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:re|fwd?|aw|wg|sv|vs|tr|rv|enc|r)(?:\[\d+\])?\s*:\s*")
        .expect("static regex")
});
static FORWARD_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:fwd?|wg|tr|enc|rv)(?:\[\d+\])?\s*:").expect("static regex")
});

/// The Subject without the prefixes replies and forwards add; `true` when it was
/// forwarded.
fn subject_title(subject: &str) -> (Option<String>, bool) {
    let mut rest = subject;
    let mut forwarded = false;
    while let Some(m) = REPLY_PREFIX.find(rest) {
        forwarded |= FORWARD_PREFIX.is_match(rest);
        rest = &rest[m.end()..];
    }
    let title = fold(rest);
    ((!title.is_empty()).then_some(title), forwarded)
}

fn email(msg: &Message, file_name: &str) -> Result<ArticleDraft, ImportError> {
    if is_encrypted(msg) {
        return Err(ImportError::PasswordProtected);
    }
    let mut warnings = Vec::new();
    let (text, page_meta) = body(msg, &mut warnings)?;
    let text = text.trim().to_owned();

    let mut found = metadata::read(&text, SourceFormat::Email);
    let mut meta = found.meta;
    let (title, forwarded) = msg.subject().map(subject_title).unwrap_or((None, false));
    meta.title = title.or(page_meta.title).or(meta.title);
    if meta.title.is_some() {
        found
            .warnings
            .retain(|w| !w.starts_with("no headline in the file"));
    }

    let sender = msg.from().and_then(|a| a.first()).and_then(|a| {
        a.name()
            .map(fold)
            .filter(|n| !n.is_empty())
            .or_else(|| a.address().map(str::to_owned))
    });
    let bulk = msg.header("List-Id").is_some()
        || msg.header("List-Unsubscribe").is_some()
        || msg.header_raw("Precedence").is_some_and(|p| {
            let p = p.trim().to_ascii_lowercase();
            p == "bulk" || p == "list"
        });
    let list_name = msg
        .list_id()
        .as_address()
        .and_then(|a| a.first())
        .and_then(|a| a.name())
        .map(fold)
        .filter(|n| !n.is_empty());
    if bulk {
        meta.outlet = list_name.or_else(|| sender.clone());
    }
    meta.outlet = meta.outlet.take().or(page_meta.outlet);
    meta.byline = meta.byline.take().or(page_meta.byline);
    meta.dateline = meta.dateline.take().or(page_meta.dateline);
    meta.url = page_meta.url;

    if forwarded {
        warnings.push(
            "the message was forwarded: its sender and date are the forwarder's, so the byline and date were left empty"
                .into(),
        );
        meta.published = page_meta.published;
    } else {
        if meta.byline.is_none() && sender != meta.outlet {
            meta.byline = sender;
        }
        meta.published = msg
            .date()
            .filter(|d| d.is_valid())
            .map(|d| d.to_rfc3339())
            .or(page_meta.published);
    }
    meta.language = language::detect(&text)
        .or(page_meta.language)
        .or_else(|| content_language(msg));

    warnings.extend(found.warnings);
    Ok(ArticleDraft {
        fallback_title: found
            .fallback_title
            .unwrap_or_else(|| crate::file_stem(file_name)),
        meta,
        text,
        format: SourceFormat::Email,
        warnings,
    })
}

/// The text to import: the first plain-text body part that is not blank, else the
/// first HTML body part. Attachments and a message cut short are reported in
/// `warnings`. The metadata comes with the text when the HTML part gave it.
fn body(msg: &Message, warnings: &mut Vec<String>) -> Result<(String, ArticleMeta), ImportError> {
    let mut any_body = false;
    for part in msg.text_bodies() {
        let PartType::Text(_) = part.body else {
            continue;
        };
        any_body = true;
        let mut text = part_text(msg, part, warnings)?;
        if let Some(ct) = part.content_type() {
            if ct
                .attribute("format")
                .is_some_and(|f| f.eq_ignore_ascii_case("flowed"))
            {
                let delsp = ct
                    .attribute("delsp")
                    .is_some_and(|d| d.eq_ignore_ascii_case("yes"));
                text = unflow(&text, delsp);
            }
        }
        if !text.trim().is_empty() {
            note_attachments(msg, warnings);
            note_cut_short(msg, warnings);
            return Ok((text, ArticleMeta::default()));
        }
    }
    for part in msg.html_bodies() {
        let PartType::Html(_) = part.body else {
            continue;
        };
        any_body = true;
        let html = html_bytes(msg, part, warnings)?;
        if html.trim_ascii().is_empty() || html.as_slice() == BOM.as_bytes() {
            continue;
        }
        let page = page(&html)?;
        warnings.extend(
            page.warnings
                .into_iter()
                .filter(|w| !w.starts_with("the page has no title")),
        );
        note_attachments(msg, warnings);
        note_cut_short(msg, warnings);
        return Ok((page.text, page.meta));
    }
    Err(if any_body {
        ImportError::Blank
    } else {
        ImportError::NoArticle
    })
}

/// An HTML body as a page: the article by the body extractor, or, when it finds none
/// (a short personal message), all the text of the body.
fn page(html: &[u8]) -> Result<html::Page, ImportError> {
    match html::extract(html) {
        Err(ImportError::NoArticle) => html::extract_all(html),
        other => other,
    }
}

/// A text part's text, line ends as `\n`. A part `mail-parser` had to put U+FFFD in,
/// or could not decode (a message cut short), is decoded again here, strictly. A part
/// that is binary data under a text type is refused.
fn part_text(
    msg: &Message,
    part: &mail_parser::MessagePart,
    warnings: &mut Vec<String>,
) -> Result<String, ImportError> {
    let text = match clean_text(part) {
        Some(text) => normalise_line_ends(text),
        None => {
            let bytes = transfer_decoded(msg, part)?;
            match declared_text(part, &bytes, warnings) {
                Some(text) => text,
                None => {
                    let d = decode::decode_text(&bytes)?;
                    if let Some(encoding) = d.guessed_encoding {
                        warnings.push(format!(
                            "the message does not name its encoding; it was detected as {encoding}"
                        ));
                    }
                    d.text
                }
            }
        }
    };
    if decode::looks_binary(text.as_bytes()) {
        return Err(ImportError::Binary);
    }
    Ok(text)
}

/// An HTML part's bytes for `html::extract`: its text behind a byte-order mark (it is
/// decoded already, whatever its `<meta charset>` says); or, when `mail-parser` could
/// not decode it and the part names no charset that fits, its bytes as they are, so
/// that the page's own `<meta charset>` (or detection) decides.
fn html_bytes(
    msg: &Message,
    part: &mail_parser::MessagePart,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, ImportError> {
    if let Some(text) = clean_text(part) {
        return Ok(with_bom(text));
    }
    let bytes = transfer_decoded(msg, part)?;
    Ok(match declared_text(part, &bytes, warnings) {
        Some(text) => with_bom(&text),
        None => bytes,
    })
}

/// The part's text as `mail-parser` decoded it, unless it had to put U+FFFD in it or
/// could not decode the part (a message cut short).
fn clean_text<'a>(part: &'a mail_parser::MessagePart) -> Option<&'a str> {
    let text = match &part.body {
        PartType::Text(t) | PartType::Html(t) => t.as_ref(),
        _ => "",
    };
    (!text.contains('\u{FFFD}') && !part.is_encoding_problem).then_some(text)
}

/// A part's bytes with its transfer encoding undone, from the raw message. A part cut
/// short loses only an incomplete last UTF-8 character.
fn transfer_decoded(
    msg: &Message,
    part: &mail_parser::MessagePart,
) -> Result<Vec<u8>, ImportError> {
    let raw = msg
        .raw_message()
        .get(part.raw_body_offset() as usize..part.raw_end_offset() as usize)
        .unwrap_or_default();
    let transfer = part
        .content_transfer_encoding()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let mut bytes = match transfer.as_str() {
        "quoted-printable" => quoted_printable(raw),
        "base64" => mail_parser::decoders::base64::base64_decode(raw).ok_or_else(|| {
            ImportError::Damaged("a part of the message is not valid base64".into())
        })?,
        _ => raw.to_vec(),
    };
    if part.is_encoding_problem && declared(part).is_none_or(|e| e == encoding_rs::UTF_8) {
        if let Err(e) = std::str::from_utf8(&bytes) {
            if e.error_len().is_none() {
                bytes.truncate(e.valid_up_to());
            }
        }
    }
    Ok(bytes)
}

/// The encoding the part's `charset` names, if `encoding_rs` knows it.
fn declared(part: &mail_parser::MessagePart) -> Option<&'static encoding_rs::Encoding> {
    part.content_type()
        .and_then(|ct| ct.attribute("charset"))
        .and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()))
}

/// The bytes decoded by the part's declared charset, without replacement; `None`
/// (reported when a charset was declared) when there is none or it does not fit.
fn declared_text(
    part: &mail_parser::MessagePart,
    bytes: &[u8],
    warnings: &mut Vec<String>,
) -> Option<String> {
    let encoding = declared(part)?;
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Some(normalise_line_ends(&text)),
        None => {
            warnings.push(format!(
                "the message says it is {} but is not; its encoding was detected instead",
                encoding.name()
            ));
            None
        }
    }
}

/// Quoted-printable, leniently: `=XX` is a byte, `=` at a line end joins the lines,
/// any other `=` stands for itself (careless senders do not escape it).
fn quoted_printable(raw: &[u8]) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'=' {
            if let (Some(h), Some(l)) = (
                raw.get(i + 1).copied().and_then(hex),
                raw.get(i + 2).copied().and_then(hex),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
            let rest = &raw[i + 1..];
            let soft = rest
                .iter()
                .position(|&c| c != b' ' && c != b'\t')
                .map_or(rest.len(), |p| p);
            match rest.get(soft) {
                Some(b'\n') => {
                    i += soft + 2;
                    continue;
                }
                Some(b'\r') if rest.get(soft + 1) == Some(&b'\n') => {
                    i += soft + 3;
                    continue;
                }
                None => break,
                _ => {}
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

fn normalise_line_ends(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

/// RFC 3676 `format=flowed`: a line ending in a space continues on the next one.
/// Only white space changes (with `delsp=yes`, the space that marks the break goes).
fn unflow(text: &str, delsp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line = line.strip_prefix(' ').unwrap_or(line);
        let soft = line.ends_with(' ') && line != "-- " && !line.starts_with('>');
        if soft {
            out.push_str(if delsp { &line[..line.len() - 1] } else { line });
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// A warning naming the attachments, which are not imported. Parts the HTML body
/// shows (with a `Content-ID`) are the body's, not attachments.
fn note_attachments(msg: &Message, warnings: &mut Vec<String>) {
    let names: Vec<String> = msg
        .attachments()
        .filter(|p| p.content_id().is_none())
        .map(|p| {
            p.attachment_name()
                .map(fold)
                .filter(|n| !n.is_empty())
                .or_else(|| {
                    p.content_type().map(|ct| match ct.subtype() {
                        Some(sub) => format!("a {}/{sub} part", ct.ctype()),
                        None => format!("a {} part", ct.ctype()),
                    })
                })
                .unwrap_or_else(|| "an unnamed part".into())
        })
        .collect();
    if !names.is_empty() {
        warnings.push(format!(
            "attachments are not imported: {}",
            names.join(", ")
        ));
    }
}

/// A multipart message without its closing boundary was cut short.
fn note_cut_short(msg: &Message, warnings: &mut Vec<String>) {
    let Some(boundary) = msg
        .content_type()
        .filter(|ct| ct.ctype().eq_ignore_ascii_case("multipart"))
        .and_then(|ct| ct.attribute("boundary"))
    else {
        return;
    };
    let end = format!("--{boundary}--");
    if !contains(msg.raw_message(), end.as_bytes()) {
        warnings.push("the message is cut short: its last part has no end".into());
    }
}

/// PGP/MIME or S/MIME encryption: the body cannot be read without the key.
fn is_encrypted(msg: &Message) -> bool {
    msg.content_type().is_some_and(|ct| {
        let sub = ct.subtype().unwrap_or_default().to_ascii_lowercase();
        (ct.ctype().eq_ignore_ascii_case("multipart") && sub == "encrypted")
            || (ct.ctype().eq_ignore_ascii_case("application")
                && (sub == "pkcs7-mime" || sub == "x-pkcs7-mime")
                && ct
                    .attribute("smime-type")
                    .is_none_or(|t| t.eq_ignore_ascii_case("enveloped-data")))
    })
}

fn content_language(msg: &Message) -> Option<String> {
    let first = match msg.content_language() {
        mail_parser::HeaderValue::TextList(list) => list.first().map(|s| s.to_string()),
        mail_parser::HeaderValue::Text(t) => Some(t.to_string()),
        _ => None,
    }?;
    let tag = first
        .split(',')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    (!tag.is_empty()).then_some(tag)
}

// ---------------------------------------------------------------------------------
// Web archives

fn is_web_archive(msg: &Message, file_name: &str) -> bool {
    let ext = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("mhtml" | "mht"))
        || msg.header_raw("Snapshot-Content-Location").is_some()
        || msg
            .header_raw("From")
            .is_some_and(|f| f.contains("<Saved by "))
}

fn web_archive(msg: &Message, file_name: &str) -> Result<ArticleDraft, ImportError> {
    let mut warnings = Vec::new();
    let part = msg
        .parts
        .iter()
        .find(|p| matches!(p.body, PartType::Html(_)))
        .ok_or(ImportError::NoArticle)?;
    let html = html_bytes(msg, part, &mut warnings)?;
    let mut page = html::extract(&html)?;
    let meta = &mut page.meta;
    warnings.append(&mut page.warnings);
    if meta.title.is_none() {
        if let Some(subject) = msg.subject().map(fold).filter(|s| !s.is_empty()) {
            meta.title = Some(subject);
            warnings.retain(|w| !w.starts_with("the page has no title"));
        }
    }
    if meta.url.is_none() {
        meta.url = msg
            .header_raw("Snapshot-Content-Location")
            .map(|u| u.trim().to_owned())
            .or_else(|| part.content_location().map(|u| u.trim().to_owned()))
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    }
    page.warnings = warnings;
    Ok(html::page_draft(page, file_name, SourceFormat::Mhtml))
}

/// The page's bytes behind a byte-order mark: the part is already decoded, whatever
/// its `<meta charset>` says.
fn with_bom(html: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(html.len() + 3);
    bytes.extend_from_slice(BOM.as_bytes());
    bytes.extend_from_slice(html.as_bytes());
    bytes
}

const BOM: &str = "\u{FEFF}";

// ---------------------------------------------------------------------------------

/// White space folded to single spaces, for one-line fields.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}
