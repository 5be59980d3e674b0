//! Metadata read from where it stands in a plain-text or Markdown article: a headline
//! on the first line, a byline ("By …" or a short name line such as "News Desk"), a
//! dateline ("BEIJING:", "WASHINGTON (Reuters) -"), and Markdown front matter.
//! Rules, not guesses: when a rule does not fire, the field stays empty.

use attest_core::{ArticleMeta, SourceFormat};
use regex::Regex;
use std::sync::LazyLock;

pub struct Found {
    pub meta: ArticleMeta,
    /// First sentence of the body, when there is one.
    pub fallback_title: Option<String>,
    pub warnings: Vec<String>,
}

/// "BEIJING:", "NEW YORK, May 3 —", "WASHINGTON (Reuters) - ": an upper-case place at
/// the start of a paragraph, optionally a date or agency, then a colon or a dash.
pub(crate) static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>\p{Lu}[\p{Lu}.'’\-]+(?: \p{Lu}[\p{Lu}.'’\-]*){0,3})(?:, [\p{L}\d.'’ ]{2,30}?)?(?: ?\([^)]{1,40}\))? ?(?::|—|–|--|-)\s+",
    )
    .expect("static regex")
});

static BY_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by)\s+(?P<name>\p{Lu}.{1,80})$").expect("static regex"));

static ATX_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#\s+(?P<title>.+?)\s*#*$").expect("static regex"));

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "jr", "sr", "inc", "co",
    "corp", "ltd", "no", "vs", "u.s", "u.k", "u.n", "e.g", "i.e", "lt", "col", "capt", "sgt",
    "rev", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
];

const MAX_FALLBACK_CHARS: usize = 90;

pub fn read(text: &str, format: SourceFormat) -> Found {
    let mut meta = ArticleMeta::default();
    let mut paragraphs: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();

    if format == SourceFormat::Markdown {
        let skip = front_matter(&paragraphs, &mut meta);
        paragraphs.drain(..skip);
    }

    let clean = |p: &str| p.trim_matches(|c| c == '*' || c == '_').trim().to_owned();
    let mut body_from = 0;

    // Headline: a Markdown heading, or a first line that reads like one.
    if let Some(first) = paragraphs.first() {
        let heading = (format == SourceFormat::Markdown)
            .then(|| ATX_HEADING.captures(first).map(|c| c["title"].to_owned()))
            .flatten();
        let byline_next = paragraphs.get(1).is_some_and(|p| DATELINE.is_match(p));
        if let Some(h) = heading {
            meta.title.get_or_insert(h);
            body_from = 1;
        } else if paragraphs.len() > 1
            && is_headline(first)
            && !(byline_next && is_name_line(first))
        {
            meta.title.get_or_insert(first.to_string());
            body_from = 1;
        }
    }

    // Byline: "By …" or a short name line before the dateline, within the first lines.
    for i in 0..paragraphs.len().min(4) {
        let p = clean(paragraphs[i]);
        let before_dateline = paragraphs.get(i + 1).is_some_and(|n| DATELINE.is_match(n));
        let name = BY_LINE
            .captures(&p)
            .map(|c| c["name"].trim().to_owned())
            .filter(|n| n.split_whitespace().count() <= 10)
            .or_else(|| (before_dateline && is_name_line(&p)).then(|| p.clone()));
        if let Some(name) = name {
            meta.byline.get_or_insert(name);
            body_from = body_from.max(i + 1);
            break;
        }
    }

    // Dateline: at the start of the first body paragraph (or the one after a byline).
    let mut first_body = paragraphs.get(body_from).map(|p| p.to_string());
    for p in paragraphs.iter().skip(body_from).take(2) {
        if let Some(c) = DATELINE.captures(p) {
            meta.dateline = Some(c["place"].trim_end_matches(['.', '-']).to_owned());
            first_body = Some(p[c.get(0).map_or(0, |m| m.end())..].to_owned());
            break;
        }
    }

    let mut warnings = Vec::new();
    if meta.title.is_none() {
        warnings.push(
            "no headline in the file: the first sentence stands in until you set a title".into(),
        );
    }
    Found {
        meta,
        fallback_title: first_body.as_deref().and_then(first_sentence),
        warnings,
    }
}

/// A headline: short, starts like a title, does not end like a sentence fragment, and
/// has balanced quotation marks (a truncated pull quote does not).
fn is_headline(p: &str) -> bool {
    let words = p.split_whitespace().count();
    let starts_well = p
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“‘\"'".contains(c));
    let ends_well = !p.ends_with(['.', ',', ';', ':']) || p.ends_with("...");
    let balanced = p.matches('“').count() == p.matches('”').count()
        && p.matches('"').count().is_multiple_of(2);
    (1..=20).contains(&words)
        && p.chars().count() <= 200
        && starts_well
        && ends_well
        && balanced
        && !DATELINE.is_match(p)
        && !BY_LINE.is_match(p)
}

/// A line such as "News Desk" or "Jane Smith": a few capitalised words, no digits,
/// no sentence punctuation.
fn is_name_line(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    let connector = |w: &str| matches!(w, "and" | "&" | "of" | "de" | "van" | "von" | "al");
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| connector(w) || w.chars().next().is_some_and(char::is_uppercase))
        && !p
            .chars()
            .any(|c| c.is_ascii_digit() || ".!?:;“”\"".contains(c))
}

/// Reads `title`, `author`, `date`, `url`, `source`, `lang` from a `---` front-matter
/// block; returns how many paragraphs it took.
fn front_matter(paragraphs: &[&str], meta: &mut ArticleMeta) -> usize {
    if paragraphs.first() != Some(&"---") {
        return 0;
    }
    let Some(end) = paragraphs.iter().skip(1).position(|p| *p == "---") else {
        return 0;
    };
    for line in &paragraphs[1..=end] {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_lowercase().as_str() {
            "title" => &mut meta.title,
            "author" | "authors" | "byline" => &mut meta.byline,
            "date" | "published" => &mut meta.published,
            "url" | "link" | "source_url" => &mut meta.url,
            "source" | "outlet" | "publisher" | "site_name" => &mut meta.outlet,
            "lang" | "language" => &mut meta.language,
            _ => continue,
        };
        *slot = Some(value.to_owned());
    }
    end + 2
}

/// The first sentence of a paragraph, shortened to a list-friendly length.
pub(crate) fn first_sentence(p: &str) -> Option<String> {
    let p = p.trim();
    if p.is_empty() {
        return None;
    }
    let mut end = p.len();
    for (i, c) in p.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = &p[i + c.len_utf8()..];
        let word_before = p[..i]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_start_matches(['(', '“', '"'])
            .to_lowercase();
        let has_words = !p[..i].trim_end_matches(['.', '!', '?']).is_empty();
        if has_words
            && (after.is_empty() || after.starts_with(char::is_whitespace))
            && !ABBREVIATIONS.contains(&word_before.as_str())
        {
            end = i;
            break;
        }
    }
    let sentence = &p[..end];
    if sentence.chars().count() <= MAX_FALLBACK_CHARS {
        return Some(sentence.to_owned());
    }
    let mut cut: String = sentence.chars().take(MAX_FALLBACK_CHARS).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    Some(format!("{}…", cut.trim_end_matches([',', ';', ':', ' '])))
}
