//! How extraction is scored against expectations; shared by the examples that measure
//! it (`examples/web_pages.rs` for metadata, `examples/body_f1.rs` for the article
//! body) and the tests that guard their figures.

/// Whether an extracted metadata value matches the expected one (the fields of the
/// web-pages corpus' `expected-metadata.json`): trimmed and white space folded, exact;
/// `publishedTime` by its date part; `lang` case-insensitively. A null expected value
/// matches only a null (or blank) one.
pub fn metadata_matches(field: &str, expected: Option<&str>, got: Option<&str>) -> bool {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let expected = expected.map(fold).filter(|s| !s.is_empty());
    let got = got.map(fold).filter(|s| !s.is_empty());
    match (expected, got) {
        (None, None) => true,
        (Some(e), Some(g)) => match field {
            "publishedTime" => e.get(..10).is_some() && e.get(..10) == g.get(..10),
            "lang" => e.eq_ignore_ascii_case(&g),
            _ => e == g,
        },
        _ => false,
    }
}

/// Body-extraction scores over a set of pages; see [`body_scores`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// How many pages were scored.
    pub pages: usize,
}

/// Shingles are runs of this many word tokens.
const SHINGLE: usize = 4;

static WORD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\w+").expect("static regex"));

/// One page's shingle matches as `[tp, fp, fn]`, normalised by their sum so that a long
/// page weighs no more than a short one (all three are 0 when neither text has a
/// shingle). Word tokens are the `\w+` runs (Unicode), kept as written: the benchmark
/// does not lowercase (its `re.IGNORECASE` changes nothing for `\w`), so a change of
/// case is a miss. A shingle is 4 consecutive tokens; each text is a multiset of them:
/// tp counts the shingles in both (the smaller count), fp those only extracted, fn
/// those only true. A text of fewer than 4 tokens has no shingles. (Rust's `\w` also
/// takes combining marks, Python's does not: only decomposed accents tokenise apart.)
pub fn shingle_matches(truth: &str, extracted: &str) -> [f64; 3] {
    use std::collections::HashMap;
    fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
        let tokens: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
        let mut counts = HashMap::new();
        for w in tokens.windows(SHINGLE) {
            *counts.entry(w.to_vec()).or_insert(0) += 1;
        }
        counts
    }
    let truth = shingles(truth);
    let extracted = shingles(extracted);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (shingle, &t) in &truth {
        let e = extracted.get(shingle).copied().unwrap_or(0);
        tp += t.min(e);
        fn_ += t.saturating_sub(e);
    }
    for (shingle, &e) in &extracted {
        fp += e.saturating_sub(truth.get(shingle).copied().unwrap_or(0));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return [0.0; 3];
    }
    [tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum]
}

/// Precision, recall and F1 of extracted bodies against true ones, given as
/// `(truth, extracted)` per page, by the public article-extraction benchmark's
/// definition (scrapinghub/article-extraction-benchmark, `evaluate.py`): each page's
/// `[tp, fp, fn]` from [`shingle_matches`] (normalised per page), averaged over the
/// pages; then precision = tp / (tp + fp) and recall = tp / (tp + fn) on those means,
/// and F1 = 2PR / (P + R). A ratio whose denominator is 0 counts as 0 (no pages, or
/// no shingle extracted at all).
pub fn body_scores(pages: &[(String, String)]) -> BodyScores {
    let mut sum = [0.0f64; 3];
    for (truth, extracted) in pages {
        let page = shingle_matches(truth, extracted);
        for (s, v) in sum.iter_mut().zip(page) {
            *s += v;
        }
    }
    // Means over pages; the common 1/n cancels out of the ratios but is kept for
    // clarity.
    let n = pages.len().max(1) as f64;
    let [tp, fp, fn_] = sum.map(|s| s / n);
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    BodyScores {
        precision,
        recall,
        f1: ratio(2.0 * precision * recall, precision + recall),
        pages: pages.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(pages: &[(&str, &str)]) -> BodyScores {
        let pages: Vec<(String, String)> = pages
            .iter()
            .map(|(t, e)| (t.to_string(), e.to_string()))
            .collect();
        body_scores(&pages)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn assert_prf(s: BodyScores, p: f64, r: f64, f: f64) {
        assert!(
            close(s.precision, p) && close(s.recall, r) && close(s.f1, f),
            "{s:?}, want P {p} R {r} F1 {f}"
        );
    }

    #[test]
    fn the_same_words_score_one_whatever_the_punctuation_and_spacing() {
        let truth = "Le vote a eu lieu à l’ONU, mardi.";
        let extracted = "Le vote\n\na eu lieu — à l'ONU   mardi";
        // Le vote a eu lieu à l ONU mardi: 9 tokens, 6 shingles, all shared.
        assert_eq!(shingle_matches(truth, extracted), [1.0, 0.0, 0.0]);
        assert_prf(scores(&[(truth, extracted)]), 1.0, 1.0, 1.0);
    }

    #[test]
    fn one_page_counts_shared_extra_and_missed_shingles() {
        // Truth: [a b c d] [b c d e]; extracted: [a b c d] [b c d x].
        let m = shingle_matches("a b c d e", "a b c d x");
        assert_eq!(m, [1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0]);
        assert_prf(scores(&[("a b c d e", "a b c d x")]), 0.5, 0.5, 0.5);
    }

    #[test]
    fn shingles_are_a_multiset() {
        // Truth: [a b c d] twice, [b c d a], [c d a b], [d a b c]: 5; extracted: 1.
        let m = shingle_matches("a b c d a b c d", "a b c d");
        assert_eq!(m, [0.2, 0.0, 0.8]);
        // P = 1, R = 0.2, F1 = 2 · 0.2 / 1.2.
        assert_prf(
            scores(&[("a b c d a b c d", "a b c d")]),
            1.0,
            0.2,
            1.0 / 3.0,
        );
        // Extracting the body twice: every second copy is a false positive.
        assert_eq!(
            shingle_matches("a b c d", "a b c d a b c d"),
            [0.2, 0.8, 0.0]
        );
    }

    #[test]
    fn pages_weigh_the_same_whatever_their_length() {
        // Page 1: 2 shingles, both found → [1, 0, 0]. Page 2: 3 shingles, nothing
        // extracted → [0, 0, 1]. Means: tp 0.5, fp 0, fn 0.5 → P 1, R 0.5, F1 2/3.
        // (Pooling raw counts would give R = 2/5.)
        let s = scores(&[("a b c d e", "a b c d e"), ("f g h i j k", "")]);
        assert_eq!(s.pages, 2);
        assert_prf(s, 1.0, 0.5, 2.0 / 3.0);
    }

    #[test]
    fn an_empty_extraction_scores_zero() {
        assert_eq!(shingle_matches("a b c d e", ""), [0.0, 0.0, 1.0]);
        assert_eq!(shingle_matches("a b c d e", "  \n "), [0.0, 0.0, 1.0]);
        assert_prf(scores(&[("a b c d e", "")]), 0.0, 0.0, 0.0);
    }

    #[test]
    fn case_is_kept() {
        // Same words, other case: no shingle in common.
        let s = scores(&[("The Minister said today", "the minister said today")]);
        assert_prf(s, 0.0, 0.0, 0.0);
    }

    #[test]
    fn texts_under_four_tokens_have_no_shingles_and_do_not_move_the_ratios() {
        assert_eq!(shingle_matches("a b c", "a b c"), [0.0; 3]);
        let one = scores(&[("a b c d e", "a b c d x")]);
        let with_short = scores(&[("a b c d e", "a b c d x"), ("a b c", "")]);
        assert_eq!(with_short.pages, 2);
        assert_prf(with_short, one.precision, one.recall, one.f1);
    }

    #[test]
    fn no_pages_score_zero() {
        assert_prf(scores(&[]), 0.0, 0.0, 0.0);
        assert_eq!(scores(&[]).pages, 0);
    }
}
