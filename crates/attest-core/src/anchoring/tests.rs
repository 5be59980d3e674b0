use super::*;
use crate::text;
use proptest::prelude::*;

fn anchor_of(text: &str, needle: &str) -> Anchor {
    text::anchor(text, text::find(text, needle).unwrap()).unwrap()
}

fn span_of(text: &str, needle: &str) -> Span {
    text::find(text, needle).unwrap()
}

fn found_text(text: &str, span: Span) -> String {
    text.chars()
        .skip(span.start as usize)
        .take((span.end - span.start) as usize)
        .collect()
}

const OLD: &str = "Officials met in Beijing on Monday. “We will stand firmly together,” \
                   Wang Yi said after the talks. The ministry did not comment.";

#[test]
fn the_same_text_keeps_every_anchor_in_place() {
    let a = anchor_of(OLD, "We will stand firmly together");
    let r = reattach(&a, OLD);
    assert_eq!(r.status, AnchorStatus::Ok);
    assert_eq!(r.span, a.span());
    assert_eq!(r.score, 1.0);
}

#[test]
fn text_inserted_before_moves_the_anchor_exactly() {
    let a = anchor_of(OLD, "Wang Yi said");
    let new = format!("BEIJING (Reuters) — {OLD}");
    let r = reattach(&a, &new);
    assert_eq!(r.status, AnchorStatus::Moved);
    assert_eq!(r.span, span_of(&new, "Wang Yi said"));
    assert!(r.score >= REVIEW_THRESHOLD);
}

#[test]
fn a_repeated_quote_goes_where_its_context_is() {
    let old = "the talks went well. He said the talks went badly. the end";
    let second = text::find(&old[10..], "the talks").unwrap();
    let span = Span {
        start: second.start + 10,
        end: second.end + 10,
    };
    let a = text::anchor(old, span).unwrap();
    // Inserted text shifts both occurrences; the old position now holds other words.
    let new = format!("Intro. {old}");
    let r = reattach(&a, &new);
    assert_eq!(r.status, AnchorStatus::Moved);
    assert_eq!(r.span.start, span.start + 7);
    assert_eq!(found_text(&new, r.span), "the talks");
}

#[test]
fn ties_go_to_the_nearest_occurrence() {
    // Same context around every occurrence: only the distance decides.
    let old = "ab ab ab ab ab ab ab ab";
    let a = text::anchor(old, Span { start: 9, end: 11 }).unwrap();
    let r = reattach(&a, old);
    assert_eq!(r.span, a.span());
    assert_eq!(r.status, AnchorStatus::Ok);
}

#[test]
fn code_points_not_bytes_in_arabic_and_emoji() {
    let old = "قال الوزير 🙂 إن العلاقات قوية جدا 🇵🇰 اليوم";
    let a = anchor_of(old, "العلاقات قوية جدا");
    let new = format!("🙂🙂 عاجل: {old}");
    let r = reattach(&a, &new);
    assert_eq!(r.status, AnchorStatus::Moved);
    assert_eq!(r.span, span_of(&new, "العلاقات قوية جدا"));
    assert_eq!(found_text(&new, r.span), "العلاقات قوية جدا");
}

#[test]
fn a_corrected_quote_is_found_with_a_lower_score() {
    let a = anchor_of(OLD, "We will stand firmly together");
    let new = OLD.replace("firmly", "firmely");
    let r = reattach(&a, &new);
    assert_eq!(r.status, AnchorStatus::Moved);
    assert_eq!(found_text(&new, r.span), "We will stand firmely together");
    assert!(r.score < 1.0 && r.score >= REVIEW_THRESHOLD, "{}", r.score);
}

#[test]
fn reflowed_white_space_inside_a_quote_is_found() {
    let old = "Preamble.\nHe said the border\nwould stay open for trade.\nEnd.";
    let a = anchor_of(old, "the border\nwould stay open");
    let new = old.replace('\n', " ");
    let r = reattach(&a, &new);
    assert_eq!(r.status, AnchorStatus::Moved);
    assert_eq!(found_text(&new, r.span), "the border would stay open");
}

#[test]
fn a_removed_passage_needs_review_and_stays_inside_the_text() {
    let a = anchor_of(OLD, "The ministry did not comment.");
    let new = "Officials met in Beijing on Monday.";
    let r = reattach(&a, new);
    assert_eq!(r.status, AnchorStatus::NeedsReview);
    assert!(r.score < REVIEW_THRESHOLD);
    assert!(r.span.start < r.span.end && r.span.end as usize <= new.chars().count());
}

#[test]
fn a_short_quote_whose_context_is_gone_needs_review() {
    // "the" is everywhere; nothing around it is left to tell which one.
    let old = "Xi met the premier; the premier met the press.";
    let a = text::anchor(old, Span { start: 7, end: 10 }).unwrap();
    let new = "Completely different words with the article in them, the end.";
    let r = reattach(&a, new);
    assert_eq!(r.status, AnchorStatus::NeedsReview);
}

#[test]
fn a_long_quote_edited_inside_is_found_by_its_head_and_tail() {
    let quote: String = (0..40).map(|i| format!("word{i} ")).collect();
    let quote = quote.trim_end().to_owned();
    let old = format!("Before the quote. {quote} After the quote.");
    let a = anchor_of(&old, &quote);
    let edited = quote.replace("word20", "WORD-twenty");
    let new = format!("A new first line.\nBefore the quote. {edited} After the quote.");
    let r = reattach(&a, &new);
    assert_eq!(r.status, AnchorStatus::Moved);
    assert_eq!(found_text(&new, r.span), edited);
}

#[test]
fn an_empty_text_needs_review() {
    let a = anchor_of(OLD, "Wang Yi");
    let r = reattach(&a, "");
    assert_eq!(r.status, AnchorStatus::NeedsReview);
    assert_eq!(r.span, Span { start: 0, end: 0 });
}

// ---- properties ----

/// Words in three scripts: random letters (so two words are not near-identical) then
/// the word's number in letters and an end mark (so no word holds another, and a quote
/// of whole words occurs once). Edits use a fourth alphabet, so they cannot forge one.
fn word(i: usize) -> String {
    let mut x = (i as u64)
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut letter = |base: u32, span: u64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        char::from_u32(base + ((x >> 33) % span) as u32).unwrap()
    };
    let (base, span) = match i % 3 {
        0 => ('a' as u32, 24),
        1 => (0x0628, 20), // Arabic letters
        _ => ('A' as u32, 24),
    };
    let body: String = (0..4).map(|_| letter(base, span)).collect();
    let mut n = i;
    let mut number = String::new();
    loop {
        number.push(char::from(b'a' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mark = if i % 3 == 2 { "🙂" } else { "z" };
    format!("{body}{number}{mark}")
}

fn filler(n: usize, seed: usize) -> String {
    (0..n)
        .map(|k| format!("ŋ{}", seed * 31 + k))
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize),
    Delete(usize),
    Replace(usize),
}

fn edit_strategy() -> impl Strategy<Value = (Edit, f64, usize)> {
    (
        prop_oneof![
            (1usize..40).prop_map(Edit::Insert),
            (1usize..40).prop_map(Edit::Delete),
            (1usize..40).prop_map(Edit::Replace),
        ],
        0.0f64..1.0,
        0usize..1000,
    )
}

/// Applies `edit` at a place chosen by `where_` inside `region` (code points) of
/// `chars`; returns the edited text's start shift for positions after the region.
fn apply(
    chars: &mut Vec<char>,
    region: (usize, usize),
    edit: &Edit,
    where_: f64,
    seed: usize,
) -> i64 {
    let (lo, hi) = region;
    if hi <= lo && !matches!(edit, Edit::Insert(_)) {
        return 0;
    }
    let at = lo + ((hi - lo) as f64 * where_) as usize;
    let new_words: Vec<char> = format!(" {} ", filler(3, seed)).chars().collect();
    match *edit {
        Edit::Insert(n) => {
            let ins: Vec<char> = new_words.iter().copied().cycle().take(n).collect();
            chars.splice(at..at, ins);
            n as i64
        }
        Edit::Delete(n) => {
            let end = (at + n).min(hi);
            chars.drain(at..end);
            -((end - at) as i64)
        }
        Edit::Replace(n) => {
            let end = (at + n).min(hi);
            let ins: Vec<char> = new_words.iter().copied().cycle().take(n).collect();
            let len = ins.len() as i64;
            chars.splice(at..end, ins);
            len - (end - at) as i64
        }
    }
}

fn setup(words: usize, first: usize, len: usize) -> (String, Anchor) {
    let text = (0..words).map(word).collect::<Vec<_>>().join(" ");
    let first = first % (words - len);
    let quote = (first..first + len).map(word).collect::<Vec<_>>().join(" ");
    let a = anchor_of(&text, &quote);
    (text, a)
}

proptest! {
    // PROPTEST_CASES sets how many (256 by default).
    #![proptest_config(ProptestConfig::default())]

    /// Edits before and after an anchor (none touching it) never lose it: it is found at
    /// exactly its shifted place, kept when nothing before it moved.
    #[test]
    fn edits_outside_an_anchor_find_it_exactly(
        words in 12usize..60,
        first in 0usize..1000,
        len in 3usize..8,
        edits in prop::collection::vec((any::<bool>(), edit_strategy()), 1..4),
    ) {
        let (text, a) = setup(words, first, len);
        let mut chars: Vec<char> = text.chars().collect();
        let (mut start, mut end) = (a.start as usize, a.end as usize);
        for (before, (edit, where_, seed)) in &edits {
            if *before {
                let shift = apply(&mut chars, (0, start), edit, *where_, *seed);
                start = (start as i64 + shift) as usize;
                end = (end as i64 + shift) as usize;
            } else {
                // At most up to the text's end; an insertion may land right after it.
                let len = chars.len();
                apply(&mut chars, (end, len), edit, *where_, *seed);
            }
        }
        let new: String = chars.iter().collect();
        let r = reattach(&a, &new);
        let expected = Span { start: start as u32, end: end as u32 };
        prop_assert_eq!(r.span, expected, "new text: {}", new);
        let status = if expected == a.span() { AnchorStatus::Ok } else { AnchorStatus::Moved };
        prop_assert_eq!(r.status, status);
        prop_assert!(r.score >= REVIEW_THRESHOLD);
    }

    /// A repeated short quote is told apart by the side of its context an edit left.
    #[test]
    fn edits_on_one_side_keep_a_repeated_quote(
        reps in 3usize..8,
        pick in 0usize..100,
        edit in edit_strategy(),
        before in any::<bool>(),
    ) {
        // "… said: yes, …" repeated: the quote "yes" occurs `reps` times, in clauses
        // told apart by their words.
        let clause = |k: usize| (
            format!("{} {} said: ", word(7 * k), word(7 * k + 1)),
            format!("yes, {} {} {}. ", word(7 * k + 2), word(7 * k + 3), word(7 * k + 4)),
        );
        let text: String = (0..reps).map(|k| { let (a, b) = clause(k); a + &b }).collect();
        let k = pick % reps;
        let base: usize = (0..k).map(|j| { let (a, b) = clause(j); a.chars().count() + b.chars().count() }).sum();
        let start = base + clause(k).0.chars().count();
        let a = text::anchor(&text, Span { start: start as u32, end: start as u32 + 3 }).unwrap();
        let mut chars: Vec<char> = text.chars().collect();
        let (edit, where_, seed) = edit;
        let mut s = start;
        if before {
            // Only within the clause's own context, so the suffix side stays whole.
            let lo = start.saturating_sub(8);
            s = (s as i64 + apply(&mut chars, (lo, start), &edit, where_, seed)) as usize;
        } else {
            let hi = (start + 3 + 8).min(chars.len());
            apply(&mut chars, (start + 3, hi), &edit, where_, seed);
        }
        let new: String = chars.iter().collect();
        let r = reattach(&a, &new);
        prop_assert_eq!(r.span, Span { start: s as u32, end: s as u32 + 3 }, "new text: {}", new);
        prop_assert_ne!(r.status, AnchorStatus::NeedsReview);
    }

    /// Replacing or deleting the whole anchor flags it; it is never reported found.
    #[test]
    fn edits_destroying_an_anchor_need_review(
        words in 12usize..60,
        first in 0usize..1000,
        len in 1usize..8,
        delete in any::<bool>(),
        seed in 0usize..1000,
        extra in 0usize..10,
    ) {
        let (text, a) = setup(words, first, len);
        let mut chars: Vec<char> = text.chars().collect();
        let end = (a.end as usize + extra).min(chars.len());
        let n = end - a.start as usize;
        let edit = if delete { Edit::Delete(n) } else { Edit::Replace(n) };
        apply(&mut chars, (a.start as usize, end), &edit, 0.0, seed);
        let new: String = chars.iter().collect();
        let r = reattach(&a, &new);
        prop_assert_eq!(r.status, AnchorStatus::NeedsReview, "found {:?} in {}", found_text(&new, r.span), new);
        prop_assert!(r.span.end as usize <= chars.len() && r.span.start < r.span.end);
    }

    /// A small edit inside a long anchor: found where it was, never elsewhere.
    #[test]
    fn a_small_edit_inside_finds_it_in_place(
        words in 20usize..60,
        first in 0usize..1000,
        len in 6usize..12,
        edit in edit_strategy(),
        before_len in 0usize..30,
    ) {
        let (text, a) = setup(words, first, len);
        let mut chars: Vec<char> = text.chars().collect();
        let (edit, where_, seed) = edit;
        let edit = match edit {
            Edit::Insert(n) => Edit::Insert(n.min(4)),
            Edit::Delete(n) => Edit::Delete(n.min(4)),
            Edit::Replace(n) => Edit::Replace(n.min(4)),
        };
        let (s, e) = (a.start as usize, a.end as usize);
        let shift = apply(&mut chars, (s + 1, e - 1), &edit, where_, seed);
        let ins: Vec<char> = filler(before_len / 5, seed + 7).chars().collect();
        let pre = ins.len();
        chars.splice(0..0, ins);
        let new: String = chars.iter().collect();
        let r = reattach(&a, &new);
        // (A replacement may put back the same character: then nothing changed.)
        let status = if new == text { AnchorStatus::Ok } else { AnchorStatus::Moved };
        prop_assert_eq!(r.status, status);
        let (es, ee) = ((s + pre) as i64, (e + pre) as i64 + shift);
        // Edit distance may leave out a quote's edge next to the edit (cheaper to drop
        // one letter than to take in four new ones): at most the edit's size plus one.
        prop_assert!((r.span.start as i64 - es).abs() <= 5, "{:?} vs {}..{}", r.span, es, ee);
        prop_assert!((r.span.end as i64 - ee).abs() <= 5, "{:?} vs {}..{}", r.span, es, ee);
    }

    /// Whatever the edits, an anchor reported found matches its quote well.
    #[test]
    fn found_anchors_always_match_their_quote(
        words in 8usize..40,
        first in 0usize..1000,
        len in 1usize..6,
        edits in prop::collection::vec((0.0f64..1.0, edit_strategy()), 1..6),
    ) {
        let (text, a) = setup(words, first, len);
        let mut chars: Vec<char> = text.chars().collect();
        for (at, (edit, where_, seed)) in &edits {
            let lo = ((chars.len() as f64) * at) as usize;
            let hi = (lo + 50).min(chars.len());
            apply(&mut chars, (lo, hi), edit, *where_, *seed);
        }
        let new: String = chars.iter().collect();
        let r = reattach(&a, &new);
        if r.status != AnchorStatus::NeedsReview {
            let quote: Vec<char> = a.exact.chars().collect();
            let found: Vec<char> = found_text(&new, r.span).chars().collect();
            prop_assert!(ratio(&quote, &found) >= MIN_QUOTE_SIMILARITY);
            prop_assert!(r.score >= REVIEW_THRESHOLD);
        }
        prop_assert!(r.span.end as usize <= chars.len());
    }
}

proptest! {
    /// The bit-parallel search finds exactly the spans the plain DP finds.
    #[test]
    fn bit_parallel_search_agrees_with_the_plain_dp(
        text in "[abcé🙂 ]{0,120}",
        pattern in "[abcé🙂 ]{1,64}",
    ) {
        let text: Vec<char> = text.chars().collect();
        let pattern: Vec<char> = pattern.chars().collect();
        let mut fast = search(&pattern, &text, Span { start: 0, end: 0 });
        let mut plain = sellers(&pattern, &text);
        let ends: std::collections::BTreeSet<u32> = plain.iter().map(|s| s.end).collect();
        if ends.len() <= MAX_CANDIDATES && !fast.is_empty() {
            fast.sort_by_key(|s| (s.start, s.end));
            plain.sort_by_key(|s| (s.start, s.end));
            prop_assert_eq!(fast, plain);
        }
    }
}

#[test]
fn a_quote_just_over_one_search_word_is_found_by_overlapping_head_and_tail() {
    let quote = "شضسحez FKNHf🙂 ovpugz سصصحhz AUTOi🙂 jiutjz تثضجabz TXAWbb🙂 ekcdcbz";
    assert_eq!(quote.chars().count(), 65);
    let old = format!("abefaz صظزضbz SAIXc🙂 tlkmdz {quote} ةتطجdbz OJFVeb🙂");
    let a = anchor_of(&old, quote);
    // Two letters gone from its first word: the head's match starts after the tail's.
    let new = old.replacen("شضسحez", "شحez", 1);
    let r = reattach(&a, &new);
    assert_eq!(r.status, AnchorStatus::Moved);
    assert_eq!(
        found_text(&new, r.span),
        quote.replacen("شضسحez", "شحez", 1)
    );
}
