//! Re-attaching a stored anchor to a replaced text (a re-import of a corrected file, a
//! better extraction). The W3C selectors an anchor keeps are tried in order:
//!
//! 1. the quote's exact occurrences, each scored by how well the text around it agrees
//!    with the stored prefix and suffix; the old position wins a tie, then the nearest;
//! 2. else an approximate match of the quote (least edit distance, Sellers' algorithm over
//!    code points), scored by the quote's and the context's similarity;
//! 3. below [`REVIEW_THRESHOLD`], or when the quote does not match well, the anchor is
//!    *needs review*: it keeps a best guess (or its old position, clamped) but is never
//!    reported as found.
//!
//! Everything counts code points, like every offset in Attest.

use crate::{Anchor, AnchorStatus, Span};
use similar::{capture_diff_slices_deadline, get_diff_ratio, Algorithm};
use std::time::{Duration, Instant};

/// Score under which a re-attached anchor needs the analyst's review.
pub const REVIEW_THRESHOLD: f32 = 0.75;
/// The quote itself must be at least this similar to the text found for it; context
/// alone never makes a match.
const MIN_QUOTE_SIMILARITY: f32 = 0.75;
/// A quote this long (code points) occurring exactly once is taken even when the text
/// around it changed entirely: a sentence is not repeated by chance.
const DISTINCTIVE_QUOTE: usize = 16;
/// Exact candidates whose context agrees at least this much are taken.
const MIN_CONTEXT: f32 = 0.5;
/// Quotes longer than this are searched approximately by their head and tail (one
/// machine word of the bit-parallel search).
const MAX_PATTERN: usize = 64;
/// Head and tail length for long quotes.
const PIECE: usize = 64;
/// How far an approximate match's edges may be widened (see `widened`).
const EDGE_SLACK: u32 = 8;
/// Code points around the old place searched before the whole text.
const NEAR: usize = 2048;
/// Approximate candidates whose edges are widened.
const WIDENED: usize = 4;
/// Approximate candidates kept per search (the nearest to the old place first).
const MAX_CANDIDATES: usize = 32;

/// Where an anchor lands in the new text.
#[derive(Debug, Clone, PartialEq)]
pub struct Reattached {
    /// The new span: the match, or for [`AnchorStatus::NeedsReview`] the best guess (or
    /// the old position clamped into the text). Always inside the text and non-empty
    /// when the text is not empty.
    pub span: Span,
    /// Confidence in [0, 1]; 1 for the same quote at the same place with its context.
    pub score: f32,
    pub status: AnchorStatus,
}

/// A text that many anchors are re-attached to (its code points are read once).
pub struct Target<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// Byte offset of each code point, plus the text's length.
    byte_of: Vec<usize>,
}

impl<'a> Target<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        Target {
            text,
            chars: text.chars().collect(),
            byte_of,
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Re-attaches `anchor` (whose offsets point into the old text) to this text.
    pub fn reattach(&self, anchor: &Anchor) -> Reattached {
        let quote: Vec<char> = anchor.exact.chars().collect();
        let ctx = Context {
            prefix: anchor.prefix.chars().collect(),
            suffix: anchor.suffix.chars().collect(),
        };
        let old = anchor.span();
        if quote.is_empty() || self.is_empty() {
            return self.review(old, None);
        }
        if let Some(found) = self.exact(&anchor.exact, &quote, &ctx, old) {
            return found;
        }
        self.approximate(&quote, &ctx, old)
    }

    /// Phase 1: the quote as it was.
    fn exact(&self, exact: &str, quote: &[char], ctx: &Context, old: Span) -> Option<Reattached> {
        let mut candidates = Vec::new();
        let mut from = 0;
        while let Some(b) = self.text[from..].find(exact) {
            let byte = from + b;
            let start = self.char_at_byte(byte);
            candidates.push(Span {
                start: start as u32,
                end: (start + quote.len()) as u32,
            });
            // Overlapping occurrences count too ("aa" in "aaa").
            from = byte + self.text[byte..].chars().next().map_or(1, char::len_utf8);
        }
        let unique = candidates.len() == 1;
        let (span, context) = candidates
            .into_iter()
            .map(|s| (s, self.context_agreement(ctx, s)))
            .max_by(|(a, ca), (b, cb)| {
                ca.total_cmp(cb)
                    .then_with(|| distance(*b, old).cmp(&distance(*a, old)))
            })?;
        let mut score = 0.5 + 0.5 * context;
        if unique && quote.len() >= DISTINCTIVE_QUOTE {
            score = score.max(0.8 + 0.2 * context);
        }
        if context < MIN_CONTEXT && score < REVIEW_THRESHOLD {
            // Ambiguous: a short or repeated quote whose surroundings are gone.
            return None;
        }
        let status = if span == old {
            AnchorStatus::Ok
        } else {
            AnchorStatus::Moved
        };
        Some(Reattached {
            span,
            score,
            status,
        })
    }

    /// Phase 2: the quote changed, or its context did — the closest text to it.
    fn approximate(&self, quote: &[char], ctx: &Context, old: Span) -> Reattached {
        // Near the old place first (edits move text little); the whole text only when
        // nothing good enough is there.
        let reach = NEAR + quote.len();
        let near = old.start.saturating_sub(reach as u32) as usize
            ..(old.end as usize + reach).min(self.len());
        let mut best = self.best_approximate(quote, ctx, old, near.clone());
        let good = |b: &Option<(Span, f32, f32)>| matches!(b, Some((_, score, sim)) if *score >= REVIEW_THRESHOLD && *sim >= MIN_QUOTE_SIMILARITY);
        if !good(&best) && near != (0..self.len()) {
            let everywhere = self.best_approximate(quote, ctx, old, 0..self.len());
            if everywhere.map(|b| b.1) > best.map(|b| b.1) {
                best = everywhere;
            }
        }
        match best {
            Some((span, score, quote_sim))
                if score >= REVIEW_THRESHOLD && quote_sim >= MIN_QUOTE_SIMILARITY =>
            {
                Reattached {
                    span,
                    score,
                    status: AnchorStatus::Moved,
                }
            }
            Some((span, score, quote_sim)) if quote_sim >= 0.5 => self.review(span, Some(score)),
            Some((_, score, _)) => self.review(old, Some(score)),
            None => self.review(old, None),
        }
    }

    /// The best approximate match of `quote` inside `range` of the text: (span, score,
    /// quote similarity).
    fn best_approximate(
        &self,
        quote: &[char],
        ctx: &Context,
        old: Span,
        range: std::ops::Range<usize>,
    ) -> Option<(Span, f32, f32)> {
        // Weighed like the exact phase (a perfect quote with half its context = the
        // threshold), so an exact phase refusal is not undone here.
        let judge = |span: Span| {
            let found = &self.chars[span.start as usize..span.end as usize];
            let quote_sim = ratio(quote, found);
            let score = 0.5 * quote_sim + 0.5 * self.context_agreement(ctx, span);
            (span, score, quote_sim)
        };
        // Best first; equal scores go to the nearest.
        let order = |a: &(Span, f32, f32), b: &(Span, f32, f32)| {
            b.1.total_cmp(&a.1)
                .then_with(|| distance(a.0, old).cmp(&distance(b.0, old)))
        };
        let mut judged: Vec<_> = self
            .approximate_candidates(quote, old, range)
            .into_iter()
            .map(judge)
            .collect();
        judged.sort_by(order);
        // The few best get their edges widened, one side then the other.
        let mut widened: Vec<_> = judged.iter().take(WIDENED).copied().collect();
        for &(span, _, _) in judged.iter().take(WIDENED) {
            let (start, _, _) = self
                .widened(span, true)
                .map(judge)
                .min_by(order)
                .unwrap_or((span, 0.0, 0.0));
            widened.extend(self.widened(start, false).map(judge));
        }
        widened.sort_by(order);
        widened.first().copied()
    }

    /// Spans of least edit distance to `quote` (for a long quote: from its head's match
    /// to its tail's), the nearest to the old place first.
    fn approximate_candidates(
        &self,
        quote: &[char],
        old: Span,
        range: std::ops::Range<usize>,
    ) -> Vec<Span> {
        let offset = range.start as u32;
        let text = &self.chars[range];
        let near = Span {
            start: old.start.saturating_sub(offset),
            end: old.end.saturating_sub(offset),
        };
        let shift = |spans: Vec<Span>| -> Vec<Span> {
            spans
                .into_iter()
                .map(|s| Span {
                    start: s.start + offset,
                    end: s.end + offset,
                })
                .collect()
        };
        let mut out = if quote.len() <= MAX_PATTERN {
            shift(search(quote, text, near))
        } else {
            let heads = shift(search(&quote[..PIECE], text, near));
            let tails = shift(search(&quote[quote.len() - PIECE..], text, near));
            let mut spans = Vec::new();
            for h in &heads {
                // The tail whose end makes the span's length closest to the quote's.
                let best_tail = tails
                    .iter()
                    // (Head and tail overlap for quotes shorter than two pieces.)
                    .filter(|t| t.end >= h.end)
                    .min_by_key(|t| (t.end - h.start).abs_diff(quote.len() as u32));
                if let Some(t) = best_tail {
                    spans.push(Span {
                        start: h.start,
                        end: t.end,
                    });
                }
            }
            spans
        };
        out.sort_by_key(|s| (distance(*s, old), s.start, s.end));
        out.dedup();
        out.truncate(MAX_CANDIDATES);
        out
    }

    /// `span` and its variants reaching up to [`EDGE_SLACK`] code points further on
    /// either side: least edit distance drops a quote's edge when that costs less than
    /// taking in words inserted beside it, and the score (quote and context) puts it back.
    fn widened(&self, span: Span, start_side: bool) -> impl Iterator<Item = Span> + '_ {
        let len = self.len() as u32;
        (0..=EDGE_SLACK).filter_map(move |d| {
            if start_side {
                let start = span.start.checked_sub(d)?;
                Some(Span { start, ..span })
            } else {
                let end = span.end + d;
                (end <= len).then_some(Span { end, ..span })
            }
        })
    }

    /// How well the text around `span` agrees with the stored context, in [0, 1].
    fn context_agreement(&self, ctx: &Context, span: Span) -> f32 {
        let (start, end) = (span.start as usize, span.end as usize);
        let before = &self.chars[start.saturating_sub(ctx.prefix.len())..start];
        let after = &self.chars[end..(end + ctx.suffix.len()).min(self.len())];
        let p = side_agreement(&ctx.prefix, before, true);
        let s = side_agreement(&ctx.suffix, after, false);
        (p + s) / 2.0
    }

    fn review(&self, guess: Span, score: Option<f32>) -> Reattached {
        Reattached {
            span: self.clamp(guess),
            score: score.unwrap_or(0.0),
            status: AnchorStatus::NeedsReview,
        }
    }

    /// `span` moved inside the text and kept non-empty (when the text is not empty).
    fn clamp(&self, span: Span) -> Span {
        let len = self.len() as u32;
        if len == 0 {
            return Span { start: 0, end: 0 };
        }
        let start = span.start.min(len - 1);
        let end = span.end.clamp(start + 1, len);
        Span { start, end }
    }

    fn char_at_byte(&self, byte: usize) -> usize {
        self.byte_of.partition_point(|&b| b < byte)
    }
}

/// Re-attaches one anchor to `text` (for many anchors, build one [`Target`]).
pub fn reattach(anchor: &Anchor, text: &str) -> Reattached {
    Target::new(text).reattach(anchor)
}

struct Context {
    prefix: Vec<char>,
    suffix: Vec<char>,
}

/// Agreement of one side of the context: half how much of it still touches the quote
/// unchanged, half its overall similarity (so an edit a few characters away costs a
/// little, and unrelated text about 0.2, not 0).
fn side_agreement(stored: &[char], found: &[char], before: bool) -> f32 {
    if stored.is_empty() {
        // The anchor was at the text's edge: that side tells nothing (rewarding the edge
        // would pull a match over words inserted before it).
        return 1.0;
    }
    let touching = if before {
        stored
            .iter()
            .rev()
            .zip(found.iter().rev())
            .take_while(|(a, b)| a == b)
            .count()
    } else {
        stored.iter().zip(found).take_while(|(a, b)| a == b).count()
    };
    0.5 * touching as f32 / stored.len() as f32 + 0.5 * ratio(stored, found)
}

/// Similarity of two code-point sequences: 2·matches / (|a| + |b|) over a diff.
fn ratio(a: &[char], b: &[char]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let deadline = Some(Instant::now() + Duration::from_millis(200));
    let ops = capture_diff_slices_deadline(Algorithm::Myers, a, b, deadline);
    get_diff_ratio(&ops, a.len(), b.len())
}

/// Distance between two spans' starts (ties among equal candidates go to the nearest).
fn distance(a: Span, b: Span) -> u32 {
    a.start.abs_diff(b.start)
}

/// Approximate search for `pattern` (at most 64 code points) in `text`: the spans at the
/// least edit distance, the [`MAX_CANDIDATES`] ends nearest `near` only. Myers'
/// bit-parallel algorithm finds the distance at every end in one pass (a machine word
/// per text character); the start of each kept end comes from Sellers' algorithm on the
/// few characters before it.
fn search(pattern: &[char], text: &[char], near: Span) -> Vec<Span> {
    let m = pattern.len();
    debug_assert!((1..=64).contains(&m));
    let mut peq: std::collections::HashMap<char, u64> = std::collections::HashMap::new();
    for (i, &c) in pattern.iter().enumerate() {
        *peq.entry(c).or_default() |= 1 << i;
    }
    let high = 1u64 << (m - 1);
    let (mut pv, mut mv, mut score) = (u64::MAX, 0u64, m as u32);
    let mut best = u32::MAX;
    let mut ends: Vec<usize> = Vec::new();
    for (j, c) in text.iter().enumerate() {
        let eq = peq.get(c).copied().unwrap_or(0);
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & high != 0 {
            score += 1;
        } else if mh & high != 0 {
            score -= 1;
        }
        // Searching: a match may start anywhere (no carry into the first row).
        ph <<= 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        if score < best {
            best = score;
            ends.clear();
        }
        if score == best {
            ends.push(j + 1);
        }
    }
    if best as usize >= m {
        return Vec::new();
    }
    let expected_end = near.start as usize + m;
    ends.sort_by_key(|&e| e.abs_diff(expected_end));
    ends.truncate(MAX_CANDIDATES);
    let mut out = Vec::new();
    for end in ends {
        // An alignment at distance `best` spans at most m + best characters.
        let from = end.saturating_sub(m + best as usize);
        for s in sellers(pattern, &text[from..end]) {
            if s.end as usize == end - from {
                out.push(Span {
                    start: s.start + from as u32,
                    end: end as u32,
                });
            }
        }
    }
    out
}

/// Sellers' approximate substring search: every span of `text` at the least edit
/// distance from `pattern` (one column of the DP kept; each cell carries the start of its
/// alignment). O(|pattern| · |text|).
fn sellers(pattern: &[char], text: &[char]) -> Vec<Span> {
    let m = pattern.len();
    // (distance, start) for pattern prefixes of length 0..=m, ending before text[j].
    let mut col: Vec<(u32, u32)> = (0..=m as u32).map(|i| (i, 0)).collect();
    let mut next = col.clone();
    let mut best = u32::MAX;
    let mut ends: Vec<(u32, Span)> = Vec::new();
    for (j, &c) in text.iter().enumerate() {
        next[0] = (0, j as u32 + 1);
        for i in 1..=m {
            let sub = (col[i - 1].0 + u32::from(pattern[i - 1] != c), col[i - 1].1);
            let skip_text = (col[i].0 + 1, col[i].1);
            let skip_pattern = (next[i - 1].0 + 1, next[i - 1].1);
            // Least distance; among equals the longest alignment (earliest start).
            next[i] = [sub, skip_text, skip_pattern]
                .into_iter()
                .min_by_key(|&(d, s)| (d, s))
                .unwrap_or(sub);
        }
        std::mem::swap(&mut col, &mut next);
        let (d, start) = col[m];
        let end = j as u32 + 1;
        if d < best {
            best = d;
            ends.clear();
        }
        if d == best && end > start {
            ends.push((d, Span { start, end }));
        }
    }
    // A match found at several ends (trailing slack, or a dropped edge costing what
    // taking in an insertion would) keeps each: the scores choose.
    ends.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests;
