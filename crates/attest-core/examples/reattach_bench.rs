//! How fast anchors are re-attached when an article's text is replaced, and how many are
//! kept, moved or flagged: a generated article of WORDS words with ANCHORS highlights,
//! then a corrected version (a paragraph added at the top, every 50th highlighted
//! passage deleted, every 20th edited inside).
//!
//! `cargo run --release -p attest-core --example reattach_bench -- [WORDS] [ANCHORS]`

use attest_core::anchoring::Target;
use attest_core::{text, AnchorStatus, Span};
use std::time::Instant;

/// A deterministic pseudo-random word (so runs compare).
fn word(i: usize) -> String {
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xDEAD_BEEF;
    let len = 2 + (x % 8) as usize;
    (0..len)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            char::from(b'a' + ((x >> 33) % 26) as u8)
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let words: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let anchors: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    // Words drawn at random from a vocabulary of 3,000, so common words repeat as in
    // real text (but passages do not).
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let tokens: Vec<String> = (0..words)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            word((x % 3_000) as usize)
        })
        .collect();
    let old = tokens
        .chunks(60)
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    let old_chars: Vec<char> = old.chars().collect();
    // Anchors of 3–12 words, spread over the text.
    let step = old_chars.len() / anchors;
    let mut stored = Vec::new();
    for k in 0..anchors {
        let mut start = k * step;
        while start > 0 && old_chars[start - 1] != ' ' && old_chars[start - 1] != '\n' {
            start += 1;
        }
        let mut end = start + 15 + (k % 10) * 6;
        while end < old_chars.len() && old_chars[end] != ' ' && old_chars[end] != '\n' {
            end += 1;
        }
        let span = Span {
            start: start as u32,
            end: end.min(old_chars.len()) as u32,
        };
        if let Ok(a) = text::anchor(&old, span) {
            stored.push(a);
        }
    }
    // The correction, applied from the end so earlier offsets hold.
    let mut new = old_chars.clone();
    for (k, a) in stored.iter().enumerate().rev() {
        let (s, e) = (a.start as usize, a.end as usize);
        if k % 50 == 0 {
            new.splice(s..e, "[passage removed]".chars());
        } else if k % 20 == 0 {
            let mid = (s + e) / 2;
            new.splice(mid..mid + 1, "XY".chars());
        }
    }
    let preface: Vec<char> = "EDITOR'S NOTE: this article was corrected.\n"
        .chars()
        .collect();
    new.splice(0..0, preface);
    let new: String = new.into_iter().collect();

    let started = Instant::now();
    let target = Target::new(&new);
    let (mut kept, mut moved, mut review) = (0, 0, 0);
    for a in &stored {
        match target.reattach(a).status {
            AnchorStatus::Ok => kept += 1,
            AnchorStatus::Moved => moved += 1,
            AnchorStatus::NeedsReview => review += 1,
        }
    }
    let elapsed = started.elapsed();
    println!(
        "{} anchors in a {}-word text ({} code points): {kept} kept, {moved} moved, {review} \
         need review (expected {} removed) in {:.1} ms ({:.0} µs per anchor)",
        stored.len(),
        words,
        old_chars.len(),
        stored.len().div_ceil(50),
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e6 / stored.len() as f64
    );
}
