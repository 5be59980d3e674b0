//! Near-duplicate detection: MinHash signatures of an article's word shingles, and the
//! LSH band keys a notebook indexes them by.
//!
//! Two texts' Jaccard similarity over their sets of [`SHINGLE_WORDS`]-word shingles is
//! estimated by the share of equal slots in their signatures. The same wire story in two
//! outlets (another headline, a changed intro, a cut last paragraph) scores 0.5–0.95;
//! unrelated articles on the same topic score under 0.1.
//!
//! Written here rather than taken from `gaoya`: a notebook must keep its index on disk
//! (one SQLite table of band keys), while `gaoya` keeps an in-memory index that would
//! have to be rebuilt from every article at each start. The hashing is a few lines.

/// Words per shingle: long enough that shared shingles mean shared sentences.
pub const SHINGLE_WORDS: usize = 5;
/// Slots per signature.
pub const SLOTS: usize = 128;
/// Bands of [`ROWS`] slots; two articles become candidates when any band is equal.
/// 32 × 4 finds 87 % of pairs at similarity 0.5 and 99.9 % at 0.7.
pub const BANDS: usize = 32;
const ROWS: usize = SLOTS / BANDS;

/// Articles at least this similar are linked as related.
pub const RELATED_THRESHOLD: f32 = 0.5;

/// What a notebook compares a new article by: the exact-duplicate key and the
/// near-duplicate signature. Worked out once per article, off the writer's thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleKeys {
    /// [`crate::text::content_hash`]: equal for texts that differ only in white space.
    pub content_hash: String,
    /// `None` for a text too short to have a shingle.
    pub signature: Option<Signature>,
}

impl ArticleKeys {
    pub fn of(text: &str) -> Self {
        ArticleKeys {
            content_hash: crate::text::content_hash(text),
            signature: Signature::of(text),
        }
    }
}

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

impl Signature {
    /// The signature of `text`'s word shingles (words are runs of letters and digits,
    /// case-folded). `None` for a text too short to have a shingle.
    pub fn of(text: &str) -> Option<Signature> {
        let words = word_hashes(text);
        if words.len() < SHINGLE_WORDS {
            return None;
        }
        let mut slots = [u32::MAX; SLOTS];
        for shingle in words.windows(SHINGLE_WORDS) {
            let h = shingle
                .iter()
                .fold(0xcbf2_9ce4_8422_2325_u64, |acc, w| mix(acc ^ w));
            let h = (h ^ (h >> 32)) as u32;
            // One hash per slot: a random affine permutation of the well-mixed 32-bit
            // shingle hash (Broder's linear permutations). Plain 32-bit lanes, so the
            // compiler runs the slots in SIMD registers.
            for ((slot, a), b) in slots.iter_mut().zip(&MULTIPLIERS).zip(&SEEDS) {
                *slot = (*slot).min(a.wrapping_mul(h).wrapping_add(*b));
            }
        }
        Some(Signature(slots.to_vec()))
    }

    /// The estimated Jaccard similarity of the two texts.
    pub fn similarity(&self, other: &Signature) -> f32 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f32 / self.0.len().max(1) as f32
    }

    /// One key per band; the band's number is mixed in, so equal rows in different
    /// bands never collide. Stored as SQLite integers.
    pub fn band_keys(&self) -> Vec<i64> {
        self.0
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let h = rows
                    .iter()
                    .fold(band as u64 + 1, |acc, r| mix(acc ^ u64::from(*r)));
                h as i64
            })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        (bytes.len() == SLOTS * 4).then(|| {
            Signature(
                bytes
                    .chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            )
        })
    }
}

/// One hash per word (runs of letters and digits, lower-cased), in order.
fn word_hashes(text: &str) -> Vec<u64> {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    let fnv = |h: u64, c: char| (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            h = fnv(h, c.to_ascii_lowercase());
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            h = c.to_lowercase().fold(h, fnv);
            in_word = true;
        } else if in_word {
            out.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// SplitMix64's finaliser: every input bit moves every output bit.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Per-slot constants of the permutations, fixed forever: stored signatures must stay
/// comparable. Multipliers are odd, so each `a·x + b` permutes the 32-bit values.
const SEEDS: [u32; SLOTS] = constants(0x9e37_79b9_7f4a_7c15, 0);
const MULTIPLIERS: [u32; SLOTS] = constants(0x3c6e_f372_fe94_f82b, 1);

/// SplitMix64's sequence from `start` (high halves), each OR-ed with `set_bits`.
const fn constants(start: u64, set_bits: u32) -> [u32; SLOTS] {
    let mut out = [0u32; SLOTS];
    let mut state = start;
    let mut i = 0;
    while i < SLOTS {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        out[i] = (mix(state) >> 32) as u32 | set_bits;
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Foreign Minister Selin Aydın said on Tuesday that the trade corridor \
        between Ankara and Baku would open to freight in the spring, after two years of talks \
        over customs rules and rail gauges. The corridor, she told reporters after a meeting \
        with her Azerbaijani counterpart, would cut the journey for goods from the Caspian to \
        the Mediterranean by four days. Officials in both capitals said the first trains could \
        run in April if the last inspections of the line were finished on time. Business groups \
        welcomed the plan but warned that tariffs on some goods were still unresolved.";

    fn sig(t: &str) -> Signature {
        Signature::of(t).unwrap()
    }

    #[test]
    fn the_same_story_in_another_outlet_is_similar() {
        let other = format!(
            "ANKARA (Wire) — {} The ministry did not comment further.",
            WIRE.replace("said on Tuesday", "announced on Tuesday")
        );
        let s = sig(WIRE).similarity(&sig(&other));
        assert!(s >= 0.7, "{s}");
        let shared: Vec<_> = sig(WIRE).band_keys();
        assert!(sig(&other).band_keys().iter().any(|k| shared.contains(k)));
    }

    #[test]
    fn case_and_white_space_do_not_matter_and_unrelated_texts_differ() {
        let reflowed = WIRE
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(sig(WIRE).similarity(&sig(&reflowed)), 1.0);
        let unrelated = "The central bank kept its main interest rate unchanged on Thursday \
            and said inflation was likely to ease slowly over the coming year as energy prices \
            fell back from their winter peak, according to a statement after the meeting.";
        assert!(sig(WIRE).similarity(&sig(unrelated)) < 0.1);
    }

    #[test]
    fn estimates_are_close_to_the_true_jaccard_similarity() {
        use std::collections::HashSet;
        let words: Vec<String> = (0..400).map(|i| format!("w{}", i * 7919 % 10007)).collect();
        let shingles = |ws: &[String]| -> HashSet<Vec<String>> {
            ws.windows(SHINGLE_WORDS).map(<[String]>::to_vec).collect()
        };
        for shift in [0, 20, 60, 100, 150, 200, 300] {
            let (a, b) = (&words[..300], &words[shift..(shift + 300).min(400)]);
            let (sa, sb) = (shingles(a), shingles(b));
            let truth = sa.intersection(&sb).count() as f32 / sa.union(&sb).count() as f32;
            let estimate = sig(&a.join(" ")).similarity(&sig(&b.join(" ")));
            assert!(
                (estimate - truth).abs() < 0.12,
                "shift {shift}: {estimate} vs {truth}"
            );
        }
    }

    #[test]
    fn signatures_round_trip_and_short_texts_have_none() {
        let s = sig(WIRE);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s.clone()));
        assert_eq!(s.band_keys().len(), BANDS);
        assert_eq!(Signature::of("Too short to shingle"), None);
        assert_eq!(Signature::from_bytes(b"bad"), None);
    }
}
