//! Text offsets and anchors. Offsets are Unicode code points (`char`s) into an
//! article's stored text; Rust strings index bytes and JavaScript strings UTF-16
//! units, so every conversion goes through here (and `ui/src/lib/offsets.ts`).

use crate::{Anchor, Span};
use sha2::{Digest, Sha256};

/// Code points of context kept on each side of an anchor's quote.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("the span is empty or reversed ({start}..{end})")]
    Empty { start: u32, end: u32 },
    #[error("the span {start}..{end} runs past the end of the text ({len} characters)")]
    OutOfBounds { start: u32, end: u32, len: u32 },
    #[error("the span {start}..{end} holds only white space")]
    Blank { start: u32, end: u32 },
}

/// Length of `s` in code points.
pub fn char_len(s: &str) -> u32 {
    u32::try_from(s.chars().count()).unwrap_or(u32::MAX)
}

/// Byte offset of code point `cp` in `text`, or `None` past the end.
/// `cp == char_len(text)` maps to `text.len()`.
pub fn byte_offset(text: &str, cp: u32) -> Option<usize> {
    let cp = cp as usize;
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(cp)
}

/// The text of `span`, checked: non-empty, in bounds, not only white space.
pub fn slice(text: &str, span: Span) -> Result<&str, SpanError> {
    let Span { start, end } = span;
    if end <= start {
        return Err(SpanError::Empty { start, end });
    }
    let out_of_bounds = || SpanError::OutOfBounds {
        start,
        end,
        len: char_len(text),
    };
    let b_start = byte_offset(text, start).ok_or_else(out_of_bounds)?;
    let b_end = byte_offset(&text[b_start..], end - start)
        .map(|b| b_start + b)
        .ok_or_else(out_of_bounds)?;
    let s = &text[b_start..b_end];
    if s.trim().is_empty() {
        return Err(SpanError::Blank { start, end });
    }
    Ok(s)
}

/// Builds the W3C position + quote selectors for `span` of `text`.
pub fn anchor(text: &str, span: Span) -> Result<Anchor, SpanError> {
    let exact = slice(text, span)?.to_owned();
    let before: Vec<char> = text.chars().take(span.start as usize).collect();
    let prefix: String = before[before.len().saturating_sub(CONTEXT_CHARS)..]
        .iter()
        .collect();
    let suffix: String = text
        .chars()
        .skip(span.end as usize)
        .take(CONTEXT_CHARS)
        .collect();
    Ok(Anchor {
        start: span.start,
        end: span.end,
        exact,
        prefix,
        suffix,
    })
}

/// The code-point span of the first occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str) -> Option<Span> {
    let byte = text.find(needle)?;
    let start = char_len(&text[..byte]);
    Some(Span {
        start,
        end: start + char_len(needle),
    })
}

/// Paragraphs of `text` as code-point spans: each non-blank line is one paragraph,
/// trimmed of surrounding white space. Citations number paragraphs from 1 in this order,
/// and the reader shows the same numbers.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0u32;
    for line in text.split('\n') {
        let body = line.trim();
        if !body.is_empty() {
            let start = line_start + char_len(line) - char_len(line.trim_start());
            out.push(Span {
                start,
                end: start + char_len(body),
            });
        }
        line_start += char_len(line) + 1;
    }
    out
}

/// 1-based number of the paragraph holding code point `cp`, if any.
pub fn paragraph_number(text: &str, cp: u32) -> Option<u32> {
    paragraphs(text)
        .iter()
        .position(|p| p.start <= cp && cp < p.end)
        .map(|i| i as u32 + 1)
}

/// `text` between curly double quotes, unless it already opens or closes with a quote
/// mark: a quote whose span took in its marks is not marked twice ("““We will…””").
pub fn in_quote_marks(text: &str) -> String {
    let open = if text.starts_with(['“', '"', '‘', '«', '„']) {
        ""
    } else {
        "“"
    };
    let close = if text.ends_with(['”', '"', '’', '“', '»']) {
        ""
    } else {
        "”"
    };
    format!("{open}{text}{close}")
}

/// Identity of an article's text for duplicate detection: SHA-256 of the text with
/// every run of white space folded to one space and the ends trimmed, so the same
/// article re-flowed or saved with other line endings is still the same.
pub fn content_hash(text: &str) -> String {
    let mut hasher = Sha256::new();
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
        first = false;
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quote_marks_are_added_only_where_missing() {
        assert_eq!(in_quote_marks("We will meet"), "“We will meet”");
        assert_eq!(in_quote_marks("“We will meet,”"), "“We will meet,”");
        assert_eq!(in_quote_marks("“We will meet,"), "“We will meet,”");
        assert_eq!(in_quote_marks("\"done\""), "\"done\"");
    }

    #[test]
    fn slices_by_code_points_not_bytes() {
        let text = "“China” stands — 中国 🙂 firmly";
        let start = text.chars().position(|c| c == '中').unwrap() as u32;
        assert_eq!(
            slice(
                text,
                Span {
                    start,
                    end: start + 2
                }
            ),
            Ok("中国")
        );
        let emoji = text.chars().position(|c| c == '🙂').unwrap() as u32;
        assert_eq!(
            slice(
                text,
                Span {
                    start: emoji,
                    end: emoji + 1
                }
            ),
            Ok("🙂")
        );
    }

    #[test]
    fn find_counts_code_points() {
        let text = "🙂 “Wang” said";
        assert_eq!(find(text, "Wang"), Some(Span { start: 3, end: 7 }));
        assert_eq!(find(text, "absent"), None);
    }

    #[test]
    fn rejects_bad_spans() {
        let text = "abc  def";
        assert!(matches!(
            slice(text, Span { start: 2, end: 2 }),
            Err(SpanError::Empty { .. })
        ));
        assert!(matches!(
            slice(text, Span { start: 2, end: 9 }),
            Err(SpanError::OutOfBounds { len: 8, .. })
        ));
        assert!(matches!(
            slice(text, Span { start: 3, end: 5 }),
            Err(SpanError::Blank { .. })
        ));
        assert_eq!(slice(text, Span { start: 0, end: 8 }), Ok(text));
    }

    #[test]
    fn anchor_keeps_context() {
        let text = "He said “we stand firmly” today.";
        let start = text.chars().position(|c| c == 'w').unwrap() as u32;
        let a = anchor(
            text,
            Span {
                start,
                end: start + 16,
            },
        )
        .unwrap();
        assert_eq!(a.exact, "we stand firmly”");
        assert_eq!(a.prefix, "He said “");
        assert_eq!(a.suffix, " today.");
    }

    #[test]
    fn paragraphs_are_non_blank_lines() {
        let text = "Title\n\n  News Desk \r\nBEIJING: text\n";
        let p = paragraphs(text);
        let got: Vec<&str> = p.iter().map(|s| slice(text, *s).unwrap()).collect();
        assert_eq!(got, ["Title", "News Desk", "BEIJING: text"]);
        let beijing = text.find("BEIJING").unwrap() as u32; // ASCII before it
        assert_eq!(paragraph_number(text, beijing), Some(3));
        assert_eq!(paragraph_number(text, 5), None);
    }

    #[test]
    fn hash_ignores_whitespace_layout_only() {
        assert_eq!(content_hash("a b\n\nc"), content_hash("  a   b c\r\n"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
        assert_ne!(content_hash("ab c"), content_hash("a bc"));
    }

    proptest! {
        #[test]
        fn anchor_exact_is_the_span_and_context_touches_it(text in "\\PC{0,60}", a in 0u32..70, b in 0u32..70) {
            let (start, end) = (a.min(b), a.max(b));
            if let Ok(anc) = anchor(&text, Span { start, end }) {
                let chars: Vec<char> = text.chars().collect();
                let exact: String = chars[start as usize..end as usize].iter().collect();
                prop_assert_eq!(&anc.exact, &exact);
                let joined = format!("{}{}{}", anc.prefix, anc.exact, anc.suffix);
                prop_assert!(text.contains(&joined));
            }
        }

        #[test]
        fn paragraphs_cover_every_non_whitespace_char(text in "[a-c \\n\\t]{0,80}") {
            let ps = paragraphs(&text);
            for (i, c) in text.chars().enumerate() {
                let inside = ps.iter().any(|p| (p.start as usize) <= i && i < p.end as usize);
                prop_assert_eq!(inside, !c.is_whitespace() || ps.iter().any(|p| (p.start as usize) < i && i + 1 < p.end as usize));
            }
        }
    }
}
