//! Finding actors' names in an article's text: every enabled name and alias of every
//! actor in one Aho–Corasick automaton, run over the case-folded text.
//!
//! Rules:
//! - Case-insensitive by Unicode lower-casing ("ÉMILE" is "Émile"), with white-space
//!   runs read as one space ("Wang\nYi" is "Wang Yi"). [`Folded`] keeps, for every byte
//!   of the folded text, the code point of the verbatim text it came from, so matches
//!   are reported in code points of the stored text.
//! - Short all-capital aliases ("US", "U.S.", "UK", "EU") match only as written, so the
//!   pronoun "us" is not the United States.
//! - Whole words: a match may not start or end inside a word ("Wang" is not in
//!   "Wangfujing"). Han, kana and Hangul are written without spaces, so they make no
//!   word edges.
//! - Leftmost-longest: where matches overlap, the one starting first wins, and of those
//!   starting together the longest ("Wang Yi" over "Wang").
//! - A weak alias (a surname, "the minister") counts only after its actor was named in
//!   full earlier in the same article; it is then resolved to the actor named most
//!   recently, and `resolved_from` says where.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// A name to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub text: String,
    pub actor_id: i64,
    /// `None` for the actor's own name.
    pub alias_id: Option<i64>,
    pub weak: bool,
}

/// A mention found: a span of code points of the verbatim text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Found {
    pub start: u32,
    pub end: u32,
    pub actor_id: i64,
    pub alias_id: Option<i64>,
    /// For a weak alias: where the actor was last named in full before it.
    pub resolved_from: Option<u32>,
}

/// Marks a folded byte that does not start a verbatim character's folding.
const INSIDE: u32 = u32::MAX;

/// A text folded for matching, with the way back to the verbatim text.
#[derive(Debug, Default, Clone)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text` (and one past its end): the code point of the verbatim
    /// text whose folding starts there, or `INSIDE`.
    cps: Vec<u32>,
    /// The same, as byte offsets of the verbatim text.
    bytes: Vec<u32>,
}

/// How one character folds: lower case, with final sigma as sigma and sharp s as "ss".
fn fold_char(c: char, out: &mut String) {
    match c {
        'ς' => out.push('σ'),
        'ß' | 'ẞ' => out.push_str("ss"),
        c => out.extend(c.to_lowercase()),
    }
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let mut f = Folded::default();
        f.fold(text);
        f
    }

    /// Folds `text` into this buffer, reusing its memory.
    pub fn fold(&mut self, text: &str) {
        self.text.clear();
        self.cps.clear();
        self.bytes.clear();
        let mut in_space = false;
        for (cp, (b, c)) in text.char_indices().enumerate() {
            if c.is_whitespace() {
                if !in_space {
                    self.text.push(' ');
                    self.cps.push(cp as u32);
                    self.bytes.push(b as u32);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            if c.is_ascii() {
                self.text.push(c.to_ascii_lowercase());
                self.cps.push(cp as u32);
                self.bytes.push(b as u32);
                continue;
            }
            let before = self.text.len();
            fold_char(c, &mut self.text);
            self.cps.push(cp as u32);
            self.bytes.push(b as u32);
            for _ in before + 1..self.text.len() {
                self.cps.push(INSIDE);
                self.bytes.push(INSIDE);
            }
        }
        self.cps.push(text.chars().count() as u32);
        self.bytes.push(text.len() as u32);
    }

    /// The verbatim span `[start, end)` in code points that folded bytes `[s, e)` came
    /// from, or `None` when either edge falls inside one character's folding.
    pub fn source_span(&self, s: usize, e: usize) -> Option<(u32, u32)> {
        let (a, b) = (*self.cps.get(s)?, *self.cps.get(e)?);
        (a != INSIDE && b != INSIDE).then_some((a, b))
    }

    /// The same span in bytes of the verbatim text.
    pub fn source_bytes(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let (a, b) = (*self.bytes.get(s)?, *self.bytes.get(e)?);
        (a != INSIDE && b != INSIDE).then_some((a as usize, b as usize))
    }
}

/// Pattern text as matched: folded, white space collapsed, trimmed.
pub fn fold_pattern(text: &str) -> String {
    Folded::new(text.trim()).text
}

/// The words a person goes by alone once named in full: the first and the last word of
/// a name of two to four words ("Wang" and "Yi" of "Wang Yi": family names come first in
/// Chinese, last in English), each capitalised, two letters or more, not a title. They
/// are looked for as weak aliases, so they count only after the full name in the same
/// article ("Wang said" after "Wang Yi").
pub fn name_parts(name: &str) -> Vec<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return Vec::new();
    }
    let mut parts = Vec::new();
    for word in [words[0], words[words.len() - 1]] {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let is_name = word.chars().count() >= 2
            && word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !TITLE_WORDS.contains(&word.to_lowercase().as_str());
        if is_name && !parts.contains(&word) {
            parts.push(word);
        }
    }
    parts
}

/// Whether a character belongs to a word for the whole-word rule.
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !is_unspaced_script(c)) || is_combining_mark(c) || c == '_'
}

/// Scripts written without spaces between words (Han, kana, Hangul syllables).
pub(crate) fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Short all-capital aliases ("US", "U.S.", "UK", "UAE") are matched as written.
fn matched_as_written(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 4
        && letters.iter().all(|c| c.is_uppercase())
        && alias.chars().all(|c| c.is_alphabetic() || c == '.')
}

#[derive(Debug, Clone)]
struct Entry {
    actor_id: i64,
    alias_id: Option<i64>,
    weak: bool,
    /// The alias as written, when it only matches so.
    exact: Option<String>,
}

/// Every pattern of a notebook (or the gazetteer) in one automaton.
pub struct MentionFinder {
    automaton: Option<AhoCorasick>,
    /// Per automaton pattern: who it names.
    entries: Vec<Vec<Entry>>,
}

impl std::fmt::Debug for MentionFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MentionFinder({} patterns)", self.entries.len())
    }
}

/// The names could not be made into one automaton: only past the size limits of
/// `aho-corasick`, far beyond any notebook's actors, but reached by what is typed.
#[derive(Debug, thiserror::Error)]
#[error("the actors' names are too many or too long to look for at once: {0}")]
pub struct TooManyNames(#[from] aho_corasick::BuildError);

impl MentionFinder {
    pub fn new(patterns: impl IntoIterator<Item = Pattern>) -> Result<Self, TooManyNames> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut folded_patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        for p in patterns {
            let folded = fold_pattern(&p.text);
            if folded.is_empty() {
                continue;
            }
            let i = *index.entry(folded.clone()).or_insert_with(|| {
                folded_patterns.push(folded);
                entries.push(Vec::new());
                entries.len() - 1
            });
            let exact = matched_as_written(p.text.trim()).then(|| p.text.trim().to_owned());
            let entry = Entry {
                actor_id: p.actor_id,
                alias_id: p.alias_id,
                weak: p.weak,
                exact,
            };
            if !entries[i]
                .iter()
                .any(|e| e.actor_id == entry.actor_id && e.exact == entry.exact)
            {
                entries[i].push(entry);
            }
        }
        let automaton = if folded_patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&folded_patterns)?,
            )
        };
        Ok(MentionFinder { automaton, entries })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Mentions in `text`, in reading order.
    pub fn find(&self, text: &str) -> Vec<Found> {
        self.find_in(text, &mut Folded::default())
    }

    /// [`find`](Self::find) with a buffer reused across articles.
    pub fn find_in(&self, text: &str, folded: &mut Folded) -> Vec<Found> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        folded.fold(text);
        let f = &folded.text;
        // Every whole-word match, then leftmost-longest among them.
        let mut hits: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(f.as_str())
            .filter(|m| {
                let (s, e) = (m.start(), m.end());
                folded.source_span(s, e).is_some() && whole_word(f, s, e)
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut found = Vec::new();
        // The last place each actor was named in full.
        let mut named: HashMap<i64, u32> = HashMap::new();
        let mut taken_to = 0;
        for (s, e, p) in hits {
            if s < taken_to {
                continue;
            }
            let Some((start, end)) = folded.source_span(s, e) else {
                continue;
            };
            let verbatim = folded.source_bytes(s, e).map(|(a, b)| &text[a..b]);
            let fits = |x: &&Entry| x.exact.as_deref().is_none_or(|w| Some(w) == verbatim);
            let strong: Vec<&Entry> = self.entries[p]
                .iter()
                .filter(|x| !x.weak)
                .filter(fits)
                .collect();
            let before = found.len();
            if !strong.is_empty() {
                for x in strong {
                    named.insert(x.actor_id, start);
                    found.push(Found {
                        start,
                        end,
                        actor_id: x.actor_id,
                        alias_id: x.alias_id,
                        resolved_from: None,
                    });
                }
            } else {
                // A weak alias: the actor named in full most recently.
                let best = self.entries[p]
                    .iter()
                    .filter(fits)
                    .filter_map(|x| named.get(&x.actor_id).map(|&at| (at, x)))
                    .max_by_key(|(at, x)| (*at, std::cmp::Reverse(x.actor_id)));
                if let Some((at, x)) = best {
                    found.push(Found {
                        start,
                        end,
                        actor_id: x.actor_id,
                        alias_id: x.alias_id,
                        resolved_from: Some(at),
                    });
                }
            }
            if found.len() > before {
                taken_to = e;
            }
        }
        found
    }
}

/// Neither edge of folded bytes `[s, e)` falls inside a word.
fn whole_word(f: &str, s: usize, e: usize) -> bool {
    let first = f[s..].chars().next();
    let last = f[..e].chars().next_back();
    let before = f[..s].chars().next_back();
    let after = f[e..].chars().next();
    let edge = |inside: Option<char>, outside: Option<char>| {
        !(inside.is_some_and(is_word_char) && outside.is_some_and(is_word_char))
    };
    edge(first, before) && edge(last, after)
}

/// A name that may be an actor not yet in the notebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    /// The title written before it ("Foreign Minister").
    pub title: Option<String>,
    /// Code points of the verbatim text.
    pub start: u32,
    pub end: u32,
}

/// Words that make a title in front of a name.
const TITLE_WORDS: &[&str] = &[
    "acting",
    "ambassador",
    "assistant",
    "cabinet",
    "chairman",
    "chairwoman",
    "chair",
    "chancellor",
    "chief",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "defence",
    "defense",
    "deputy",
    "director",
    "emir",
    "envoy",
    "finance",
    "foreign",
    "general",
    "governor",
    "home",
    "interior",
    "justice",
    "king",
    "leader",
    "mayor",
    "minister",
    "premier",
    "president",
    "presidential",
    "prime",
    "prince",
    "queen",
    "representative",
    "rep.",
    "secretary",
    "sen.",
    "senator",
    "senior",
    "sheikh",
    "special",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "trade",
    "vice",
];

/// Title words that can end a title ("Minister" in "Foreign Minister Wang Yi").
const TITLE_HEADS: &[&str] = &[
    "ambassador",
    "chairman",
    "chairwoman",
    "chancellor",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "director",
    "emir",
    "envoy",
    "general",
    "governor",
    "king",
    "leader",
    "mayor",
    "minister",
    "premier",
    "president",
    "prince",
    "queen",
    "representative",
    "rep.",
    "secretary",
    "sen.",
    "senator",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Verbs that report speech.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "warned",
    "announced",
    "noted",
    "explained",
    "insisted",
    "stressed",
    "declared",
];

/// Capitalised words that do not start or belong to a name.
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "he",
    "her",
    "his",
    "i",
    "in",
    "it",
    "its",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "on",
    "our",
    "she",
    "that",
    "the",
    "their",
    "they",
    "this",
    "we",
    "when",
    "while",
    "who",
    "you",
    "officials",
    "sources",
];

/// Name particles written in lower case inside a name ("bin", "al", "van").
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "la", "le", "van", "von",
];

#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    start: u32,
    end: u32,
    /// Punctuation (other than white space) follows it, ending a name.
    stop_after: bool,
    /// That punctuation is a comma ("Foreign Minister, Ishaq Dar").
    comma_after: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let word_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.');
    // Runs of word characters: (byte start, byte end, code point start), and whether
    // punctuation follows.
    let mut runs: Vec<(usize, usize, u32, Option<char>)> = Vec::new();
    let mut cur: Option<(usize, u32)> = None;
    for (cp, (b, c)) in text.char_indices().enumerate() {
        if word_char(c) {
            if cur.is_none() {
                cur = Some((b, cp as u32));
            }
            continue;
        }
        if let Some((s, scp)) = cur.take() {
            runs.push((s, b, scp, None));
        }
        if !c.is_whitespace() {
            if let Some(last) = runs.last_mut() {
                last.3.get_or_insert(c);
            }
        }
    }
    if let Some((s, scp)) = cur {
        runs.push((s, text.len(), scp, None));
    }
    let mut out = Vec::with_capacity(runs.len());
    for (s, e, start, punct) in runs {
        let mut w = &text[s..e];
        let mut stop = punct.is_some();
        // A trailing full stop ends a sentence unless the word is an initial or an
        // abbreviated title.
        if w.ends_with('.')
            && w.chars().count() > 2
            && !TITLE_WORDS.contains(&w.to_lowercase().as_str())
        {
            w = &w[..w.len() - 1];
            stop = true;
        }
        let w = w.trim_end_matches(['\'', '’', '-']);
        if !w.is_empty() {
            out.push(Word {
                text: w,
                start,
                end: start + w.chars().count() as u32,
                stop_after: stop,
                comma_after: punct == Some(','),
            });
        }
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// Names that may be actors: names after titles ("Foreign Minister Wang Yi") and
/// capitalised names next to speech verbs ("Ishaq Dar said", "said Ishaq Dar").
pub fn candidates(text: &str) -> Vec<Candidate> {
    let words = words(text);
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let is_title_word =
        |w: &Word| capitalised(w.text) && TITLE_WORDS.contains(&lower(w.text).as_str());
    let is_name_word = |w: &Word| {
        let l = lower(w.text);
        capitalised(w.text)
            && !TITLE_WORDS.contains(&l.as_str())
            && !NOT_NAMES.contains(&l.as_str())
            && !SPEECH_VERBS.contains(&l.as_str())
            && w.text.chars().any(char::is_alphabetic)
    };
    // A name run starting at word i: capitalised words (particles inside), up to 4.
    let name_run = |i: usize| -> usize {
        let mut j = i;
        while j < words.len() && j - i < 4 {
            let w = &words[j];
            let particle =
                j > i && PARTICLES.contains(&w.text) && words.get(j + 1).is_some_and(is_name_word);
            if !(is_name_word(w) || particle) {
                break;
            }
            j += 1;
            if w.stop_after {
                break;
            }
        }
        j
    };
    let mut emit = |out: &mut Vec<Candidate>, from: usize, to: usize, title: Option<String>| {
        if from >= to || !seen.insert(from) {
            return;
        }
        let (start, end) = (words[from].start, words[to - 1].end);
        let name = crate::text::slice(text, crate::Span { start, end })
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        out.push(Candidate {
            name,
            title,
            start,
            end,
        });
    };
    let mut i = 0;
    while i < words.len() {
        // Titles: a run of title words ending with a head word, then a name.
        if is_title_word(&words[i]) {
            let mut j = i;
            let mut head = None;
            while j < words.len() && is_title_word(&words[j]) {
                if TITLE_HEADS.contains(&lower(words[j].text).as_str()) {
                    head = Some(j);
                }
                if words[j].stop_after {
                    j += 1;
                    break;
                }
                j += 1;
            }
            if let Some(h) = head {
                if !words[h].stop_after || words[h].comma_after {
                    let end = name_run(h + 1);
                    if end > h + 1 {
                        let title: Vec<&str> = words[i..=h].iter().map(|w| w.text).collect();
                        emit(&mut out, h + 1, end, Some(title.join(" ")));
                        i = end;
                        continue;
                    }
                }
            }
            i = j.max(i + 1);
            continue;
        }
        if is_name_word(&words[i]) {
            let end = name_run(i);
            let long_enough = end - i >= 2;
            let verb_after = !words[end - 1].stop_after
                && words
                    .get(end)
                    .is_some_and(|w| SPEECH_VERBS.contains(&w.text));
            let verb_before = i > 0
                && matches!(words[i - 1].text, "said" | "says" | "told" | "added")
                && !words[i - 1].stop_after;
            if long_enough && (verb_after || verb_before) {
                emit(&mut out, i, end, None);
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_persons_name_parts_are_its_first_and_last_words() {
        use super::name_parts;
        assert_eq!(name_parts("Wang Yi"), ["Wang", "Yi"]);
        assert_eq!(name_parts("Ishaq Dar"), ["Ishaq", "Dar"]);
        assert_eq!(name_parts("Yu Jianchao"), ["Yu", "Jianchao"]);
        assert_eq!(name_parts("Shehbaz Sharif"), ["Shehbaz", "Sharif"]);
        assert_eq!(name_parts("Jean-Yves Le Drian"), ["Jean-Yves", "Drian"]);
        assert_eq!(name_parts("President Xi"), ["Xi"]);
        assert!(name_parts("Madonna").is_empty());
        assert!(name_parts("A B").is_empty(), "single letters are initials");
        assert!(name_parts("the Foreign Ministry of the People's Republic").is_empty());
    }

    use super::*;
    use proptest::prelude::*;

    fn finder(patterns: &[(&str, i64, bool)]) -> MentionFinder {
        MentionFinder::new(patterns.iter().enumerate().map(|(i, (t, a, w))| Pattern {
            text: (*t).into(),
            actor_id: *a,
            alias_id: Some(i as i64),
            weak: *w,
        }))
        .unwrap()
    }

    fn spans(text: &str, found: &[Found]) -> Vec<(String, i64)> {
        found
            .iter()
            .map(|f| {
                let s: String = text
                    .chars()
                    .skip(f.start as usize)
                    .take((f.end - f.start) as usize)
                    .collect();
                (s, f.actor_id)
            })
            .collect()
    }

    #[test]
    fn unicode_case_and_whole_words() {
        let f = finder(&[("Émile Zola", 1, false), ("Wang", 2, false)]);
        let text = "ÉMILE ZOLA met Wang in Wangfujing; émile\nzola left.";
        assert_eq!(
            spans(text, &f.find(text)),
            [
                ("ÉMILE ZOLA".into(), 1),
                ("Wang".into(), 2),
                ("émile\nzola".into(), 1)
            ]
        );
    }

    #[test]
    fn longest_wins_and_a_longer_non_word_match_does_not_hide_a_shorter() {
        let f = finder(&[("Wang Yi", 1, false), ("Wang", 2, false)]);
        let text = "Wang Yi and Wang Yin";
        assert_eq!(
            spans(text, &f.find(text)),
            [("Wang Yi".into(), 1), ("Wang".into(), 2)]
        );
    }

    #[test]
    fn weak_alias_needs_the_full_name_before() {
        let f = finder(&[("Wang Yi", 1, false), ("Wang", 1, true)]);
        let text = "Wang said no. Later Wang Yi spoke; Wang added more.";
        let found = f.find(text);
        assert_eq!(
            spans(text, &found),
            [("Wang Yi".into(), 1), ("Wang".into(), 1)]
        );
        assert_eq!(found[1].resolved_from, Some(found[0].start));
    }

    #[test]
    fn short_capitals_match_as_written() {
        let f = finder(&[("US", 1, false), ("United States", 1, false)]);
        let text = "The US told us that the united states would act.";
        assert_eq!(
            spans(text, &f.find(text)),
            [("US".into(), 1), ("united states".into(), 1)]
        );
    }

    #[test]
    fn han_text_has_no_word_edges() {
        let f = finder(&[("中国", 1, false)]);
        let text = "他在中国说";
        assert_eq!(spans(text, &f.find(text)), [("中国".into(), 1)]);
    }

    #[test]
    fn candidates_by_title_and_speech_verb() {
        let text = "Deputy Prime Minister Ishaq Dar met Foreign Minister Wang Yi. \
                    “We agree,” said Sergei Lavrov. John Smith told reporters. The Ministry said. \
                    Pakistan’s Deputy Prime Minister and Foreign Minister, Asim Khan, came.";
        let c: Vec<(String, Option<String>)> = candidates(text)
            .into_iter()
            .map(|c| (c.name, c.title))
            .collect();
        assert_eq!(
            c,
            [
                ("Ishaq Dar".into(), Some("Deputy Prime Minister".into())),
                ("Wang Yi".into(), Some("Foreign Minister".into())),
                ("Sergei Lavrov".into(), None),
                ("John Smith".into(), None),
                ("Asim Khan".into(), Some("Foreign Minister".into())),
            ]
        );
    }

    proptest! {
        /// Every folded character start maps back to the code point it came from, and
        /// the span of any whole folded character range is the verbatim text it folds.
        #[test]
        fn offset_map_points_at_the_verbatim_text(text in "\\PC{0,60}|[a-zA-ZßẞİΣςÉé\u{301} \n\t中]{0,40}") {
            let folded = Folded::new(&text);
            let chars: Vec<char> = text.chars().collect();
            let f = &folded.text;
            for (s, _) in f.char_indices() {
                if let Some((a, b)) = folded.source_span(s, f.len()) {
                    prop_assert_eq!(b as usize, chars.len());
                    // Folding the verbatim tail gives the folded tail.
                    let tail: String = chars[a as usize..].iter().collect();
                    let mut want = Folded::new(&tail).text;
                    // A white-space run cut in two still folds to one space.
                    if f[s..].starts_with(' ') && !want.starts_with(' ') {
                        want.insert(0, ' ');
                    }
                    prop_assert_eq!(&f[s..], want.as_str());
                    let (ba, bb) = folded.source_bytes(s, f.len()).unwrap();
                    prop_assert_eq!(&text[ba..bb], tail.as_str());
                }
            }
            // Every verbatim character start is reachable.
            let starts: std::collections::HashSet<u32> = (0..=f.len())
                .filter_map(|s| folded.source_span(s, s).map(|(a, _)| a))
                .collect();
            for (i, c) in chars.iter().enumerate() {
                let ws_inside = c.is_whitespace() && i > 0 && chars[i - 1].is_whitespace();
                if !ws_inside {
                    prop_assert!(starts.contains(&(i as u32)), "{} not mapped", i);
                }
            }
        }

        /// A pattern cut from the text is found at a place whose verbatim text folds
        /// to the pattern.
        #[test]
        fn found_spans_fold_to_the_pattern(text in "[a-zA-ZÉéßİ ]{1,40}", a in 0usize..40, len in 1usize..8) {
            let chars: Vec<char> = text.chars().collect();
            let a = a % chars.len();
            let b = (a + len).min(chars.len());
            let pattern: String = chars[a..b].iter().collect();
            prop_assume!(!pattern.trim().is_empty());
            let f = MentionFinder::new([Pattern { text: pattern.clone(), actor_id: 1, alias_id: None, weak: false }]).unwrap();
            for m in f.find(&text) {
                let got: String = chars[m.start as usize..m.end as usize].iter().collect();
                prop_assert_eq!(fold_pattern(&got), fold_pattern(&pattern));
            }
        }
    }
}
