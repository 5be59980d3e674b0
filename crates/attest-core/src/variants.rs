//! Quote variants: near-identical quotations of one statement — a pull quote and the
//! body's version of it ("defending" / "safeguarding"), or the same quote in two
//! outlets — found, grouped and diffed word by word.
//!
//! Quotes are compared as sequences of words ([`words`]): Unicode letters and digits,
//! case-folded; punctuation and quotation marks are ignored (a pull quote often misses
//! its opening mark), apostrophes inside a word are kept as `'`; Han and kana, written
//! without spaces, are one word per character.
//!
//! Two quotes are variants ([`compare`]) when either
//! - their word sequences are close: Dice over the longest common subsequence,
//!   2·LCS/(|a|+|b|) ≥ [`MIN_SIMILARITY`], both at least [`MIN_WORDS`] words — one word
//!   changed in eight is a variant, "no comment" against "no comment today" is not (too
//!   short to tell a quote from a stock phrase); or
//! - the shorter is wholly contained in the longer (a reporter quoting part of a
//!   sentence another outlet gave whole): it matches a stretch of the longer with at
//!   most one edit in twenty words, and has at least [`MIN_CONTAINED_WORDS`] words — a
//!   fragment that long is not a stock phrase ("all-weather friends", "iron brother",
//!   or in news corpora the nine-word "a temporary ban on Muslims entering the United
//!   States", recur across unrelated statements, so they must not join them).
//!
//! [`group_variants`] groups many quotes without comparing every pair: candidates share
//! a word bigram among each quote's rarest ones (prefix filtering), then the pair is
//! compared; groups are the connected components (union–find).

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::collections::HashMap;
use ts_rs::TS;

use crate::mentions::{is_combining_mark, is_unspaced_script};
use crate::ActorRef;

/// Dice similarity over words at or above which two quotes are variants.
pub const MIN_SIMILARITY: f32 = 0.8;
/// Fewer words than this and a quote is only a variant by containment (never, since
/// that needs more): short quotes are too often stock phrases.
pub const MIN_WORDS: usize = 6;
/// The fewest words a quote contained in a longer one needs to be its variant.
pub const MIN_CONTAINED_WORDS: usize = 10;

/// How a part of a diff stands between the quote asked about and its variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DiffKind {
    /// In both (the text shown is the variant's).
    Same,
    /// Only in the quote asked about.
    Removed,
    /// Only in the variant.
    Added,
}

/// A run of words of a diff, verbatim from its quote (spelling, case and the
/// punctuation around the words kept; white space at its ends trimmed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

/// Another statement quoting the same words, nearly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuoteVariant {
    pub statement_id: i64,
    pub article_id: i64,
    pub article_title: String,
    pub speakers: Vec<ActorRef>,
    pub quote: String,
    /// Dice over words with the statement asked about (0–1; a quote contained in a
    /// longer one can be a variant well below [`MIN_SIMILARITY`]).
    pub similarity: f32,
    /// From the statement asked about to this variant.
    pub diff: Vec<DiffPart>,
}

/// A statement and its variants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementVariants {
    pub statement_id: i64,
    pub variants: Vec<QuoteVariant>,
}

/// `similarity` is never NaN (a ratio of counts with a non-zero denominator, or 1).
impl Eq for QuoteVariant {}
impl Eq for StatementVariants {}

/// A word of a quote: its folded form and where it stands (bytes) in the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    word: String,
    start: usize,
    end: usize,
}

fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !is_unspaced_script(c)) || is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |&(p, _)| p);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if is_unspaced_script(c) {
            out.push(Token {
                word: c.to_lowercase().collect(),
                start,
                end: at(i + 1),
            });
            i += 1;
            continue;
        }
        if !(c.is_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut word = String::new();
        while let Some(&(_, c)) = chars.get(i) {
            if is_word_char(c) {
                word.extend(c.to_lowercase());
            } else if is_apostrophe(c) && chars.get(i + 1).is_some_and(|&(_, n)| is_word_char(n)) {
                word.push('\'');
            } else {
                break;
            }
            i += 1;
        }
        out.push(Token {
            word,
            start,
            end: at(i),
        });
    }
    out
}

/// The words of a quote as they are compared: case-folded, without punctuation.
pub fn words(quote: &str) -> Vec<String> {
    tokens(quote).into_iter().map(|t| t.word).collect()
}

/// Length of the longest common subsequence.
fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// The fewest edits (substitutions, insertions, deletions) that make `short` a stretch
/// of `long` (the ends of `long` are free).
fn edits_to_contain<T: PartialEq>(short: &[T], long: &[T]) -> usize {
    // row[j]: edits aligning short[..i] to a stretch of long ending at j.
    let mut row = vec![0usize; long.len() + 1];
    for (i, x) in short.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, y) in long.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(x != y)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row.into_iter().min().unwrap_or(0)
}

fn dice<T: PartialEq>(a: &[T], b: &[T]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    (2 * lcs(a, b)) as f32 / (a.len() + b.len()) as f32
}

/// Dice similarity of two quotes over their words: 2·LCS/(|a|+|b|), 1 for two quotes
/// without words.
pub fn similarity(a: &str, b: &str) -> f32 {
    dice(&words(a), &words(b))
}

/// Whether word sequences `a` and `b` are variants, with their similarity if so.
fn compare_words<T: PartialEq>(a: &[T], b: &[T]) -> Option<f32> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_WORDS {
        return None;
    }
    // Dice ≥ 0.8 needs the shorter to have at least 2/3 of the longer's words.
    let close_lengths = 3 * short.len() >= 2 * long.len();
    let similarity = dice(a, b);
    if close_lengths && similarity >= MIN_SIMILARITY {
        return Some(similarity);
    }
    if short.len() >= MIN_CONTAINED_WORDS && edits_to_contain(short, long) <= short.len() / 20 {
        return Some(similarity);
    }
    None
}

/// Whether two quotes are variants of one statement; their [`similarity`] if so.
pub fn compare(a: &str, b: &str) -> Option<f32> {
    compare_words(&words(a), &words(b))
}

/// Where each word's run of text starts and ends when shown: the punctuation touching
/// a word goes with it ("integrity,”", "“China"), white space between words is left out.
fn segments(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
    for i in 0..=tokens.len() {
        let gap_start = if i == 0 { 0 } else { tokens[i - 1].end };
        let gap_end = tokens.get(i).map_or(text.len(), |t| t.start);
        let gap = &text[gap_start..gap_end];
        let first_ws = gap.find(char::is_whitespace);
        let last_ws = gap.rfind(char::is_whitespace);
        if i > 0 {
            // Up to the first white space (all of it at the end of the quote, trimmed).
            let head = match (first_ws, i == tokens.len()) {
                (_, true) => gap.trim_end().len(),
                (Some(ws), false) => ws,
                (None, false) => gap.len(),
            };
            out[i - 1].1 = gap_start + head;
        }
        if i < tokens.len() {
            // After the last white space (all of it at the start, trimmed).
            let tail = match (last_ws, i == 0) {
                (_, true) => gap.trim_start().len(),
                (Some(ws), false) => {
                    gap.len() - ws - gap[ws..].chars().next().map_or(0, char::len_utf8)
                }
                (None, false) => 0,
            };
            out[i].0 = gap_end - tail;
        }
    }
    out
}

/// A word-level diff from quote `a` to quote `b`: runs of words in both (shown as `b`
/// has them), only in `a`, only in `b`, in reading order (a run removed before the run
/// that replaces it). Words are compared folded, as in [`words`].
pub fn diff(a: &str, b: &str) -> Vec<DiffPart> {
    let (ta, tb) = (tokens(a), tokens(b));
    let (sa, sb) = (segments(a, &ta), segments(b, &tb));
    let wa: Vec<&str> = ta.iter().map(|t| t.word.as_str()).collect();
    let wb: Vec<&str> = tb.iter().map(|t| t.word.as_str()).collect();
    let shown = |text: &str, segs: &[(usize, usize)], from: usize, len: usize| {
        text[segs[from].0..segs[from + len - 1].1]
            .trim()
            .to_string()
    };
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut push = |kind: DiffKind, text: String| match parts.last_mut() {
        Some(last) if last.kind == kind => {
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => parts.push(DiffPart { kind, text }),
    };
    for op in capture_diff_slices(Algorithm::Myers, &wa, &wb) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                push(DiffKind::Same, shown(b, &sb, new_index, len))
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(DiffKind::Removed, shown(a, &sa, old_index, old_len)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(DiffKind::Added, shown(b, &sb, new_index, new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(DiffKind::Removed, shown(a, &sa, old_index, old_len));
                push(DiffKind::Added, shown(b, &sb, new_index, new_len));
            }
        }
    }
    parts
}

/// Union–find over quote indices.
struct Components(Vec<usize>);

impl Components {
    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// How many bigrams a variant of a quote of `n` words surely shares with it.
///
/// Dice ≥ 0.8: with L = LCS, every pair of consecutive matched words that is not a
/// bigram in both quotes has an unmatched word between them in one of them, so shared
/// bigrams ≥ (L−1) − (n−L) − (m−L) = 3L − n − m − 1 ≥ 0.2(n+m) − 1, and m ≥ 2n/3, so
/// ≥ n/3 − 1. Containment (≤ one edit in twenty over ≥ 10 words; an edit breaks at most two
/// bigrams): ≥ 7 on either side. Bigrams are counted with their occurrence (the second
/// "of the" is another key than the first), so shared keys ≥ shared bigrams.
fn shared_bigrams_at_least(n: usize) -> usize {
    (n.saturating_sub(1) / 3).clamp(1, 7)
}

/// Groups quotes that are variants of one another (connected components of
/// [`compare`]): groups of two or more indices into `quotes`, each ascending, ordered
/// by their first index.
pub fn group_variants<S: AsRef<str>>(quotes: &[S]) -> Vec<Vec<usize>> {
    // Words as numbers.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let seqs: Vec<Vec<u32>> = quotes
        .iter()
        .map(|q| {
            words(q.as_ref())
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect()
        })
        .collect();
    // The same words quoted again (a wire quote in many outlets) join the first quote
    // of those words without being compared: thousands of copies would otherwise be
    // compared pair by pair.
    let mut first_with: HashMap<&[u32], usize> = HashMap::new();
    let first_of: Vec<usize> = seqs
        .iter()
        .enumerate()
        .map(|(i, s)| *first_with.entry(s.as_slice()).or_insert(i))
        .collect();
    // Each quote's bigram keys (bigram, occurrence).
    type Key = (u32, u32, u32);
    let keys: Vec<Vec<Key>> = seqs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if s.len() < MIN_WORDS || first_of[i] != i {
                return Vec::new();
            }
            let mut seen: HashMap<(u32, u32), u32> = HashMap::new();
            s.windows(2)
                .map(|w| {
                    let n = seen.entry((w[0], w[1])).or_insert(0);
                    *n += 1;
                    (w[0], w[1], *n)
                })
                .collect()
        })
        .collect();
    let mut frequency: HashMap<Key, u32> = HashMap::new();
    for k in keys.iter().flatten() {
        *frequency.entry(*k).or_insert(0) += 1;
    }
    // Prefix filtering: two quotes sharing at least k keys share one among each one's
    // (size − k + 1) rarest keys (in one global order: frequency, then key).
    let mut postings: HashMap<Key, Vec<usize>> = HashMap::new();
    let prefixes: Vec<Vec<Key>> = keys
        .into_iter()
        .enumerate()
        .map(|(i, mut ks)| {
            ks.sort_by_key(|k| (frequency[k], *k));
            let k = shared_bigrams_at_least(seqs[i].len());
            ks.truncate((ks.len() + 1).saturating_sub(k));
            for key in &ks {
                postings.entry(*key).or_default().push(i);
            }
            ks
        })
        .collect();
    let mut components = Components((0..quotes.len()).collect());
    let mut seen = vec![usize::MAX; quotes.len()];
    for (i, prefix) in prefixes.iter().enumerate() {
        for key in prefix {
            for &j in &postings[key] {
                if j <= i || seen[j] == i {
                    continue;
                }
                seen[j] = i;
                if compare_words(&seqs[i], &seqs[j]).is_some() {
                    components.join(i, j);
                }
            }
        }
    }
    for (i, &first) in first_of.iter().enumerate() {
        if first != i && seqs[i].len() >= MIN_WORDS {
            components.join(i, first);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..quotes.len() {
        let root = components.root(i);
        groups.entry(root).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    groups.sort_by_key(|g| g[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PULL: &str =
        "China stands firmly with Pakistan in defending its sovereignty and territorial integrity";
    const BODY: &str = "“China stands firmly with Pakistan in safeguarding its sovereignty and \
                        territorial integrity,”";

    fn joined(parts: &[DiffPart], keep: DiffKind) -> Vec<String> {
        parts
            .iter()
            .filter(|p| p.kind == DiffKind::Same || p.kind == keep)
            .flat_map(|p| words(&p.text))
            .collect()
    }

    #[test]
    fn words_fold_case_and_drop_punctuation() {
        assert_eq!(
            words("“Pakistan’s all-weather FRIENDS,” he said…"),
            ["pakistan's", "all", "weather", "friends", "he", "said"]
        );
        assert_eq!(words("'Quoted' don't"), ["quoted", "don't"]);
        assert_eq!(words("Émile ÉTAIT là"), ["émile", "était", "là"]);
        assert_eq!(
            words("中国支持巴基斯坦"),
            ["中", "国", "支", "持", "巴", "基", "斯", "坦"]
        );
        assert_eq!(words("“ … ”"), Vec::<String>::new());
    }

    #[test]
    fn the_seed_pair_is_a_variant_with_the_changed_word_shown() {
        let s = compare(PULL, BODY).expect("variants");
        assert!((s - 11.0 / 12.0).abs() < 1e-6, "{s}");
        assert_eq!(
            diff(PULL, BODY),
            vec![
                DiffPart {
                    kind: DiffKind::Same,
                    text: "“China stands firmly with Pakistan in".into()
                },
                DiffPart {
                    kind: DiffKind::Removed,
                    text: "defending".into()
                },
                DiffPart {
                    kind: DiffKind::Added,
                    text: "safeguarding".into()
                },
                DiffPart {
                    kind: DiffKind::Same,
                    text: "its sovereignty and territorial integrity,”".into()
                },
            ]
        );
    }

    #[test]
    fn short_quotes_and_different_quotes_are_not_variants() {
        assert_eq!(compare("No comment.", "no comment"), None);
        assert_eq!(
            compare("We have no comment", "we have no comment at all"),
            None
        );
        assert_eq!(
            compare(
                "We will never accept such interference in our internal affairs",
                "We will always welcome such cooperation in our economic affairs"
            ),
            None
        );
        assert_eq!(
            compare("all-weather friends", "“all-weather friends”"),
            None
        );
    }

    #[test]
    fn a_fragment_of_a_longer_quote_is_a_variant_when_long_enough() {
        let whole = "We will not allow anyone to undermine the peace and stability of the \
                     region, and we call on both sides to exercise restraint";
        assert!(compare(
            "anyone to undermine the peace and stability of the region",
            whole
        )
        .is_some());
        // no edit under twenty words: "Sanders to be the next president of the United
        // States" is no fragment of "I want Donald Trump to be the next president…"
        assert_eq!(
            compare(
                "anyone to undermine the calm and stability of the region",
                whole
            ),
            None
        );
        // too short a fragment
        assert_eq!(
            compare("undermine the peace and stability of the region", whole),
            None
        );
    }

    #[test]
    fn grouping_joins_variants_across_many_quotes() {
        let quotes = [
            PULL,
            "no comment",
            BODY,
            "The ceasefire must hold, and both sides must return to talks",
            "no comment",
            "the ceasefire must hold and both sides must return to the talks",
            "China stands firmly with Pakistan in defending its territorial integrity",
        ];
        assert_eq!(group_variants(&quotes), vec![vec![0, 2, 6], vec![3, 5]]);
    }

    fn quote() -> impl Strategy<Value = String> {
        // A small vocabulary, so that random quotes are often near one another.
        let word = prop::sample::select(vec![
            "the",
            "China",
            "Pakistan",
            "peace",
            "of",
            "talks",
            "région",
            "“must”",
            "hold,",
            "in",
            "stands",
            "中国",
        ]);
        prop::collection::vec(word, 0..14).prop_map(|w| w.join(" "))
    }

    fn edited(base: String, edits: Vec<(usize, &'static str)>) -> String {
        let mut w: Vec<String> = base.split(' ').map(str::to_string).collect();
        for (at, new) in edits {
            let at = at % (w.len() + 1);
            if at < w.len() && new.is_empty() {
                w.remove(at);
            } else if at < w.len() {
                w[at] = new.into();
            } else {
                w.push(new.into());
            }
        }
        w.join(" ")
    }

    proptest! {
        #[test]
        fn similarity_is_symmetric_and_a_quote_is_its_own_variant(a in quote(), b in quote()) {
            prop_assert_eq!(similarity(&a, &b), similarity(&b, &a));
            prop_assert_eq!(compare(&a, &b), compare(&b, &a));
            prop_assert_eq!(similarity(&a, &a), 1.0);
            if words(&a).len() >= MIN_WORDS {
                prop_assert_eq!(compare(&a, &a), Some(1.0));
            }
        }

        #[test]
        fn diff_parts_reassemble_both_quotes(a in quote(), b in quote()) {
            let parts = diff(&a, &b);
            prop_assert_eq!(joined(&parts, DiffKind::Removed), words(&a));
            prop_assert_eq!(joined(&parts, DiffKind::Added), words(&b));
            for p in &parts {
                let source = if p.kind == DiffKind::Removed { &a } else { &b };
                prop_assert!(source.contains(&p.text), "{:?} not in {:?}", p, source);
                prop_assert!(!p.text.is_empty());
            }
            for pair in parts.windows(2) {
                prop_assert_ne!(pair[0].kind, pair[1].kind);
            }
        }

        #[test]
        fn grouping_finds_what_comparing_every_pair_finds(
            base in prop::collection::vec(quote(), 1..5),
            edits in prop::collection::vec(
                (0usize..5, prop::collection::vec((0usize..14, prop::sample::select(
                    vec!["", "war", "the", "peace"])), 0..3)), 0..12),
        ) {
            let mut quotes = base.clone();
            for (from, e) in edits {
                quotes.push(edited(base[from % base.len()].clone(), e));
            }
            let mut components = Components((0..quotes.len()).collect());
            for i in 0..quotes.len() {
                for j in i + 1..quotes.len() {
                    if compare(&quotes[i], &quotes[j]).is_some() {
                        components.join(i, j);
                    }
                }
            }
            let mut expected: HashMap<usize, Vec<usize>> = HashMap::new();
            for i in 0..quotes.len() {
                let root = components.root(i);
                expected.entry(root).or_default().push(i);
            }
            let mut expected: Vec<Vec<usize>> =
                expected.into_values().filter(|g| g.len() > 1).collect();
            expected.sort();
            prop_assert_eq!(group_variants(&quotes), expected);
        }
    }
}
