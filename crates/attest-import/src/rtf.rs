//! Rich Text Format: a small tokenizer of our own over the bytes.
//!
//! **Why not a crate.** `rtf-parser` 0.4 (the maintained one) was tried on
//! `tests/fixtures/corridor.rtf` (LibreOffice): it lost every paragraph break (the text came
//! out as one line), it takes a `String`, so raw 8-bit bytes must be guessed first, it reads
//! `\'xx` as a Latin-1 code point whatever `\ansicpg` or the font's `\fcharset` says (so
//! Cyrillic `\ansicpg1251` text comes out as Latin letters), it fails on `{\*\…}`
//! destinations inside the body, and it does not read `\info`. RTF's syntax is small —
//! groups, control words, control symbols, text — so it is read here in ~400 lines.
//!
//! What is read: text, `\par` / `\sect` / `\row` / `\cell` as paragraph ends, `\line` as a
//! line break, `\tab`, the named characters (`\emdash`, `\rquote`, `\~` …), `\uN` with
//! `\ucN` fallback skipping, and `\'xx` bytes decoded with `encoding_rs` in the code page
//! of the current font's `\fcharset` or `\cpg`, else `\ansicpg` (Windows-1252 by default);
//! consecutive bytes are decoded together, so double-byte code pages work. Skipped: the
//! font, colour and style tables, `\info` (read for its properties), pictures, objects,
//! headers and footers, list-number text, field instructions and every `{\*\…}`
//! destination. Footnotes follow the body, one line per paragraph, as in Word files.
//! Hostile input: nesting deeper than [`MAX_DEPTH`] shares the innermost state, `\bin`
//! skips at most the bytes left, numbers are clamped; nothing here can panic or grow
//! beyond a small multiple of the input.

use crate::office::{self, Document};
use crate::ImportError;
use encoding_rs::Encoding;
use std::collections::HashMap;

/// Groups nested deeper than this share the state of the deepest one.
pub const MAX_DEPTH: usize = 512;

/// The text and the `\info` properties of an RTF document.
pub fn document(bytes: &[u8]) -> Result<Document, ImportError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if !bytes[start..].starts_with(b"{\\rtf") {
        return Err(ImportError::Damaged(
            "it is named as Rich Text (.rtf) but is not one (no {\\rtf header)".into(),
        ));
    }
    let mut reader = Reader::new(&bytes[start..]);
    reader.run();
    Ok(reader.finish())
}

/// Where the text of a group goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    Body,
    Footnote,
    FontTable,
    Title,
    Author,
    Created,
    Skip,
}

#[derive(Debug, Clone)]
struct State {
    dest: Dest,
    /// Fallback characters after `\uN` (`\ucN`).
    uc: usize,
    /// The current font (`\fN`).
    font: Option<i32>,
    /// The current language (`\langN`, a Windows LCID).
    lang: Option<i32>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    stack: Vec<State>,
    /// Groups opened past [`MAX_DEPTH`], not on the stack.
    overflow: usize,
    /// Code page of `\ansicpg` (or `\mac`, `\pc`).
    ansi: &'static Encoding,
    default_font: Option<i32>,
    fonts: HashMap<i32, &'static Encoding>,
    /// The font whose table entry is being read.
    table_font: Option<i32>,
    /// Bytes of text waiting to be decoded together, and the code page they are in.
    pending: Vec<u8>,
    pending_dest: Dest,
    pending_encoding: &'static Encoding,
    /// Fallback characters still to skip after a `\uN`.
    skip_fallback: usize,
    /// A high surrogate from `\uN` waiting for its low half.
    high_surrogate: Option<u16>,
    body: String,
    notes: String,
    title: String,
    author: String,
    created: Vec<(String, i32)>,
    default_lang: Option<i32>,
    body_lang: Option<i32>,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            stack: vec![State {
                dest: Dest::Body,
                uc: 1,
                font: None,
                lang: None,
            }],
            overflow: 0,
            ansi: encoding_rs::WINDOWS_1252,
            default_font: None,
            fonts: HashMap::new(),
            table_font: None,
            pending: Vec::new(),
            pending_dest: Dest::Skip,
            pending_encoding: encoding_rs::WINDOWS_1252,
            skip_fallback: 0,
            high_surrogate: None,
            body: String::new(),
            notes: String::new(),
            title: String::new(),
            author: String::new(),
            created: Vec::new(),
            default_lang: None,
            body_lang: None,
        }
    }

    fn state(&self) -> &State {
        // The stack is never empty: the outermost state is never popped.
        &self.stack[self.stack.len() - 1]
    }

    fn state_mut(&mut self) -> &mut State {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            self.pos += 1;
            match b {
                b'{' => {
                    self.flush();
                    self.skip_fallback = 0;
                    if self.stack.len() < MAX_DEPTH {
                        let top = self.state().clone();
                        self.stack.push(top);
                    } else {
                        self.overflow += 1;
                    }
                }
                b'}' => {
                    self.flush();
                    self.skip_fallback = 0;
                    if self.overflow > 0 {
                        self.overflow -= 1;
                    } else if self.stack.len() > 1 {
                        let closed = self.stack.pop();
                        if closed.is_some_and(|s| s.dest == Dest::Footnote)
                            && self.state().dest != Dest::Footnote
                        {
                            self.notes.push('\n');
                        }
                    }
                }
                b'\\' => self.control(),
                b'\r' | b'\n' => {}
                _ => {
                    if self.skip_fallback > 0 {
                        self.skip_fallback -= 1;
                    } else {
                        self.byte(b);
                    }
                }
            }
        }
        self.flush();
    }

    /// A control word or symbol, after its backslash.
    fn control(&mut self) {
        let Some(&c) = self.bytes.get(self.pos) else {
            return;
        };
        if !c.is_ascii_alphabetic() {
            self.pos += 1;
            self.symbol(c);
            return;
        }
        let start = self.pos;
        while self.pos < self.bytes.len()
            && self.bytes[self.pos].is_ascii_alphabetic()
            && self.pos - start < 32
        {
            self.pos += 1;
        }
        let word = String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned();
        let mut param: Option<i32> = None;
        let negative = self.bytes.get(self.pos) == Some(&b'-')
            && self.bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit);
        if negative {
            self.pos += 1;
        }
        let digits_from = self.pos;
        let mut value: i64 = 0;
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_digit() {
            if self.pos - digits_from < 10 {
                value = value * 10 + i64::from(self.bytes[self.pos] - b'0');
            }
            self.pos += 1;
        }
        if self.pos > digits_from {
            let v = if negative { -value } else { value };
            param = Some(v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32);
        }
        // A space ends a control word and is part of it.
        if self.bytes.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        if word == "bin" {
            // Binary data: skipped whole, never read as text or syntax.
            let n = param.unwrap_or(0).max(0) as usize;
            self.pos = self.pos.saturating_add(n).min(self.bytes.len());
            return;
        }
        if self.skip_fallback > 0 && word != "u" {
            self.skip_fallback -= 1;
            return;
        }
        self.word(&word, param);
    }

    fn symbol(&mut self, c: u8) {
        if c == b'\'' {
            let hex = self.bytes.get(self.pos..self.pos + 2);
            let byte = hex.and_then(|h| {
                let s = std::str::from_utf8(h).ok()?;
                u8::from_str_radix(s, 16).ok()
            });
            let Some(byte) = byte else {
                return;
            };
            self.pos += 2;
            if self.skip_fallback > 0 {
                self.skip_fallback -= 1;
            } else {
                self.byte(byte);
            }
            return;
        }
        if self.skip_fallback > 0 {
            self.skip_fallback -= 1;
            return;
        }
        match c {
            b'\\' | b'{' | b'}' => self.byte(c),
            b'~' => self.text("\u{a0}"),
            b'_' => self.text("\u{2011}"),
            b'-' => {} // an optional hyphen: shown only where a line breaks
            b'\t' => self.text("\t"),
            b'\r' | b'\n' => self.text("\n"),
            b'*' => self.state_mut().dest = Dest::Skip,
            _ => {}
        }
    }

    fn word(&mut self, word: &str, param: Option<i32>) {
        let in_table = self.state().dest == Dest::FontTable;
        match word {
            // Document settings.
            "ansicpg" => {
                if let Some(enc) = param.and_then(codepage) {
                    self.ansi = enc;
                }
            }
            "mac" => self.ansi = encoding_rs::MACINTOSH,
            "ansi" | "pc" | "pca" => self.ansi = encoding_rs::WINDOWS_1252,
            "deff" => self.default_font = param,
            "deflang" => self.default_lang = param,
            // Fonts: the table, and the current one.
            "f" if in_table => self.table_font = param,
            "f" => {
                self.flush();
                self.state_mut().font = param;
            }
            "fcharset" if in_table => {
                if let (Some(font), Some(enc)) = (self.table_font, param.and_then(charset)) {
                    self.fonts.entry(font).or_insert(enc);
                }
            }
            "cpg" if in_table => {
                if let (Some(font), Some(enc)) = (self.table_font, param.and_then(codepage)) {
                    self.fonts.insert(font, enc);
                }
            }
            "plain" => {
                self.flush();
                self.state_mut().font = None;
            }
            "lang" => self.state_mut().lang = param,
            "uc" => self.state_mut().uc = param.unwrap_or(1).clamp(0, 16) as usize,
            "u" => {
                let Some(unit) = param else {
                    return;
                };
                self.flush();
                let unit = if unit < 0 { unit + 65536 } else { unit };
                self.unicode(unit.clamp(0, 0xFFFF) as u16);
                self.skip_fallback = self.state().uc;
            }
            // Destinations.
            "fonttbl" => self.state_mut().dest = Dest::FontTable,
            "info" | "colortbl" | "stylesheet" | "pict" | "object" | "header" | "headerl"
            | "headerr" | "headerf" | "footer" | "footerl" | "footerr" | "footerf"
            | "listtable" | "listoverridetable" | "listtext" | "pntext" | "pntxta" | "pntxtb"
            | "revtbl" | "rsidtbl" | "generator" | "themedata" | "colorschememapping"
            | "latentstyles" | "datastore" | "xmlnstbl" | "filetbl" | "pgdsctbl" | "fldinst"
            | "nonshppict" | "shpinst" | "sp" | "subject" | "operator" | "keywords" | "comment"
            | "doccomm" | "company" | "category" | "manager" | "hlinkbase" | "revtim"
            | "printim" | "buptim" | "userprops" | "template" | "bkmkstart" | "bkmkend"
            | "atnid" | "atnauthor" | "annotation" | "txe" | "xe" | "tc" => {
                self.state_mut().dest = Dest::Skip
            }
            "title" => self.set_dest(Dest::Title),
            "author" => self.set_dest(Dest::Author),
            "creatim" => self.set_dest(Dest::Created),
            "footnote" => {
                self.flush();
                if self.state().dest == Dest::Body {
                    self.state_mut().dest = Dest::Footnote;
                }
            }
            "yr" | "mo" | "dy" | "hr" | "min" | "sec" if self.state().dest == Dest::Created => {
                self.created.push((word.to_owned(), param.unwrap_or(0)));
            }
            // Characters.
            "par" | "sect" | "row" | "cell" | "nestcell" | "nestrow" => self.text("\n"),
            "line" => self.text("\n"),
            "tab" => self.text("\t"),
            "emdash" => self.text("\u{2014}"),
            "endash" => self.text("\u{2013}"),
            "emspace" => self.text("\u{2003}"),
            "enspace" => self.text("\u{2002}"),
            "qmspace" => self.text("\u{2005}"),
            "bullet" => self.text("\u{2022}"),
            "lquote" => self.text("\u{2018}"),
            "rquote" => self.text("\u{2019}"),
            "ldblquote" => self.text("\u{201C}"),
            "rdblquote" => self.text("\u{201D}"),
            "zwj" => self.text("\u{200D}"),
            "zwnj" => self.text("\u{200C}"),
            "ltrmark" => self.text("\u{200E}"),
            "rtlmark" => self.text("\u{200F}"),
            _ => {}
        }
    }

    /// Enters a destination of `\info`, whose own group is skipped.
    fn set_dest(&mut self, dest: Dest) {
        self.flush();
        self.state_mut().dest = dest;
    }

    /// The code page text bytes are in here: the current font's, else the document's.
    fn encoding(&self) -> &'static Encoding {
        self.state()
            .font
            .or(self.default_font)
            .and_then(|f| self.fonts.get(&f).copied())
            .unwrap_or(self.ansi)
    }

    /// A byte of text (literal or `\'xx`), decoded later with its neighbours.
    fn byte(&mut self, b: u8) {
        let dest = self.state().dest;
        if matches!(dest, Dest::Skip | Dest::FontTable | Dest::Created) {
            return;
        }
        let encoding = self.encoding();
        if !self.pending.is_empty()
            && (dest != self.pending_dest || encoding != self.pending_encoding)
        {
            self.flush();
        }
        self.pending_dest = dest;
        self.pending_encoding = encoding;
        if b == b'\t' {
            self.flush();
            self.text("\t");
        } else {
            self.pending.push(b);
        }
    }

    /// Decodes the waiting bytes into their destination.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let (decoded, _) = self.pending_encoding.decode_without_bom_handling(&bytes);
        let decoded = decoded.into_owned();
        self.push(self.pending_dest, &decoded);
    }

    /// A UTF-16 code unit from `\uN`; surrogate pairs are put together.
    fn unicode(&mut self, unit: u16) {
        if (0xD800..0xDC00).contains(&unit) {
            self.high_surrogate = Some(unit);
            return;
        }
        let high = self.high_surrogate.take();
        let c = match high {
            Some(h) if (0xDC00..0xE000).contains(&unit) => {
                char::decode_utf16([h, unit]).next().and_then(Result::ok)
            }
            _ => char::from_u32(u32::from(unit)),
        };
        // Control characters are not text (a tab or line break is a control word).
        if let Some(c) = c.filter(|c| !c.is_control()) {
            self.text(c.encode_utf8(&mut [0; 4]));
        }
    }

    /// Text that is already characters.
    fn text(&mut self, s: &str) {
        self.flush();
        let dest = self.state().dest;
        self.push(dest, s);
    }

    fn push(&mut self, dest: Dest, s: &str) {
        match dest {
            Dest::Body => {
                if self.body_lang.is_none() && s.chars().any(char::is_alphabetic) {
                    self.body_lang = self.state().lang;
                }
                self.body.push_str(s);
            }
            Dest::Footnote => self.notes.push_str(s),
            Dest::Title => self.title.push_str(s),
            Dest::Author => self.author.push_str(s),
            Dest::FontTable | Dest::Created | Dest::Skip => {}
        }
    }

    fn finish(self) -> Document {
        let mut text = office::finish(self.body);
        let notes: String = self
            .notes
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        office::push_paragraphs(&mut text, &notes);
        let clean = |s: &str| {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            (!s.is_empty()).then_some(s)
        };
        Document {
            text,
            title: clean(&self.title).filter(|t| !office::is_placeholder_title(t)),
            author: clean(&self.author).filter(|a| !office::is_placeholder_author(a)),
            date: created(&self.created),
            language: self
                .body_lang
                .or(self.default_lang)
                .and_then(lcid_tag)
                .map(str::to_owned),
        }
    }
}

/// `\creatim\yr2024\mo3\dy5\hr10\min7` as `2024-03-05T10:07:00`; none without a day.
fn created(parts: &[(String, i32)]) -> Option<String> {
    let get = |name: &str| parts.iter().rev().find(|(n, _)| n == name).map(|(_, v)| *v);
    let (yr, mo, dy) = (get("yr")?, get("mo")?, get("dy")?);
    if !(1000..=9999).contains(&yr) || !(1..=12).contains(&mo) || !(1..=31).contains(&dy) {
        return None;
    }
    let hr = get("hr").filter(|h| (0..24).contains(h)).unwrap_or(0);
    let min = get("min").filter(|m| (0..60).contains(m)).unwrap_or(0);
    let sec = get("sec").filter(|s| (0..60).contains(s)).unwrap_or(0);
    Some(format!("{yr:04}-{mo:02}-{dy:02}T{hr:02}:{min:02}:{sec:02}"))
}

/// A Windows code page number's encoding.
fn codepage(cp: i32) -> Option<&'static Encoding> {
    let label = match cp {
        437 | 850 | 1252 => "windows-1252",
        65001 => "utf-8",
        10000 => "macintosh",
        10007 => "x-mac-cyrillic",
        866 => "ibm866",
        874 => "windows-874",
        932 => "shift_jis",
        936 => "gbk",
        949 => "euc-kr",
        950 => "big5",
        1250..=1258 => return Encoding::for_label(format!("windows-{cp}").as_bytes()),
        20866 => "koi8-r",
        21866 => "koi8-u",
        28591..=28606 => return Encoding::for_label(format!("iso-8859-{}", cp - 28590).as_bytes()),
        _ => return None,
    };
    Encoding::for_label(label.as_bytes())
}

/// A font's `\fcharset`'s encoding (`\fcharset0`, ANSI, follows `\ansicpg`).
fn charset(cs: i32) -> Option<&'static Encoding> {
    codepage(match cs {
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}

/// The language tag of a Windows language id (`\lang1033` is en-US); the common ones.
fn lcid_tag(lcid: i32) -> Option<&'static str> {
    Some(match lcid {
        1025 => "ar-SA",
        1026 => "bg-BG",
        1027 => "ca-ES",
        1028 => "zh-TW",
        1029 => "cs-CZ",
        1030 => "da-DK",
        1031 => "de-DE",
        1032 => "el-GR",
        1033 => "en-US",
        1035 => "fi-FI",
        1036 => "fr-FR",
        1037 => "he-IL",
        1038 => "hu-HU",
        1040 => "it-IT",
        1041 => "ja-JP",
        1042 => "ko-KR",
        1043 => "nl-NL",
        1044 => "nb-NO",
        1045 => "pl-PL",
        1046 => "pt-BR",
        1048 => "ro-RO",
        1049 => "ru-RU",
        1050 => "hr-HR",
        1051 => "sk-SK",
        1053 => "sv-SE",
        1054 => "th-TH",
        1055 => "tr-TR",
        1057 => "id-ID",
        1058 => "uk-UA",
        1060 => "sl-SI",
        1061 => "et-EE",
        1062 => "lv-LV",
        1063 => "lt-LT",
        1065 => "fa-IR",
        1066 => "vi-VN",
        1079 => "ka-GE",
        1081 => "hi-IN",
        2052 => "zh-CN",
        2057 => "en-GB",
        2070 => "pt-PT",
        3082 => "es-ES",
        3084 => "fr-CA",
        3081 => "en-AU",
        _ => return None,
    })
}

#[cfg(test)]
#[path = "rtf_tests.rs"]
mod tests;
