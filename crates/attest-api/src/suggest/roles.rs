//! Reported-via, addressees and targets of a proposed statement, by general rules over
//! the words of its sentence around the cue and the speaker (never inside the content,
//! except the object of a target verb):
//!
//! - reported via: "according to a statement released by X", "(said) in a letter / an
//!   interview / a speech / a post …", "through a spokesman's statement" — the phrase
//!   from its determiner up to a clause edge (comma, quotation mark, "that", a weekday
//!   or a date word, the content, the cue), when its head is a channel noun
//!   ([`CHANNELS`]) and it is near the cue or speaker;
//! - addressees: "told Y", "said to Y", "wrote to Y", "in a (telephone) call / a
//!   meeting / talks / an interview with Y", "in a letter / message / speech to Y",
//!   "urged / called on / asked / pressed Y to …", "warned Y";
//! - targets: "accused / criticised / condemned / blamed / denounced / praised Y …".
//!
//! Y is resolved only through the article's actor mentions in the object phrase: a
//! mention that ends its noun phrase (not "Chinese" in "the Chinese minister"), not a
//! possessor ("Pakistan’s" in "Pakistan’s foreign minister"), the phrase ending at "of".
//! So
//! "told reporters" gives no actor, and a rule that finds no mention says nothing.

use super::{Named, Resolver};
use attest_core::Span;
use attest_extract::ProposedStatement;

/// Head nouns of a channel a statement is reported through.
const CHANNELS: &[&str] = &[
    "statement",
    "statements",
    "release",
    "readout",
    "communique",
    "communiqué",
    "letter",
    "interview",
    "speech",
    "address",
    "post",
    "posting",
    "tweet",
    "message",
    "video",
    "broadcast",
    "op-ed",
    "editorial",
    "column",
    "article",
    "briefing",
    "conference",
    "email",
    "e-mail",
    "call",
    "remarks",
    "comments",
    "report",
    "transcript",
    "memo",
    "notice",
    "declaration",
    "announcement",
    "blog",
    "podcast",
    "note",
];

/// Settings whose "with Y" is whom the speaker spoke to, though not a channel.
const SETTINGS: &[&str] = &[
    "meeting",
    "talks",
    "conversation",
    "discussion",
    "discussions",
    "exchange",
    "session",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "this",
];

/// Words that end an object or a channel phrase.
const EDGES: &[&str] = &[
    "that",
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "while",
    "when",
    "as",
    "about",
    "over",
    "for",
    "from",
    "by",
    "with",
    "to",
    "amid",
    "ahead",
    "following",
    "if",
    "whether",
    "who",
    "which",
    "where",
    "and",
    "but",
    "saying",
    "adding",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "late",
    "last",
    "this",
    "on",
    "said",
    "says",
];

const WEEKDAYS_MONTHS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "last",
    "late",
    "this",
    "next",
    "overnight",
];

/// Verbs whose object is the addressee ("told Y", "warned Y").
const TELL: &[&str] = &[
    "told", "tell", "tells", "telling", "warned", "warns", "warning",
];
/// Verbs whose object is the addressee when "to" follows it ("urged Y to …").
const URGE: &[&str] = &[
    "urged",
    "urges",
    "urging",
    "asked",
    "asks",
    "asking",
    "pressed",
    "presses",
    "pressing",
    "implored",
    "implores",
    "encouraged",
    "encourages",
    "invited",
    "invites",
];
/// Verbs followed by "to Y" for the addressee ("said to Y", "wrote to Y").
const SAY_TO: &[&str] = &[
    "said",
    "says",
    "saying",
    "wrote",
    "writes",
    "writing",
    "spoke",
    "speaks",
    "speaking",
    "explained",
    "explains",
    "declared",
    "announced",
    "stressed",
    "insisted",
    "appealed",
    "appeals",
    "complained",
    "pledged",
    "promised",
    "promises",
    "promising",
    "repeated",
];
/// Verbs whose object is the target ("accused Y of …").
const TARGET: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "criticised",
    "criticized",
    "criticises",
    "criticizes",
    "criticising",
    "criticizing",
    "condemned",
    "condemns",
    "condemning",
    "blamed",
    "blames",
    "blaming",
    "denounced",
    "denounces",
    "denouncing",
    "slammed",
    "slams",
    "slamming",
    "rebuked",
    "rebukes",
    "praised",
    "praises",
    "praising",
    "lauded",
    "lauds",
    "thanked",
    "thanks",
    "thanking",
    "chided",
    "lambasted",
    "castigated",
];
/// Adverbs between a speaker and its verb ("Wang also urged").
const ADVERBS: &[&str] = &[
    "also",
    "again",
    "sharply",
    "strongly",
    "publicly",
    "repeatedly",
    "once",
    "further",
    "then",
    "later",
    "directly",
    "personally",
    "separately",
    "explicitly",
    "openly",
    "bluntly",
    "reportedly",
    "has",
    "have",
    "had",
    "had",
    "was",
    "is",
];

/// How far (in words) a channel phrase may sit from the speaker or cue.
const CHANNEL_GAP: usize = 6;
/// The longest channel phrase taken (in words).
const CHANNEL_WORDS: usize = 12;

/// A word or punctuation mark of the sentence, with its code points.
#[derive(Debug, Clone)]
struct Tok {
    start: u32,
    end: u32,
    /// Lower case; "’s" and "'s" are their own token "'s".
    word: String,
    punct: bool,
}

/// What the rules found for one proposal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Roles {
    pub reported_via: Option<Span>,
    pub addressees: Vec<i64>,
    pub targets: Vec<i64>,
}

fn tokens(chars: &[char], from: u32, to: u32) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = from as usize;
    let to = (to as usize).min(chars.len());
    while i < to {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if matches!(c, '’' | '\'')
            && matches!(chars.get(i + 1), Some('s' | 'S'))
            && !chars.get(i + 2).is_some_and(|c| c.is_alphanumeric())
            && i > from as usize
            && chars[i - 1].is_alphanumeric()
        {
            out.push(Tok {
                start: i as u32,
                end: i as u32 + 2,
                word: "'s".into(),
                punct: false,
            });
            i += 2;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            while i < to
                && (chars[i].is_alphanumeric()
                    || (matches!(chars[i], '-' | '.' | '’' | '\'')
                        && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())
                        && !(matches!(chars[i], '’' | '\'')
                            && matches!(chars.get(i + 1), Some('s' | 'S'))
                            && !chars.get(i + 2).is_some_and(|c| c.is_alphanumeric()))))
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
            out.push(Tok {
                start: start as u32,
                end: i as u32,
                word,
                punct: false,
            });
            continue;
        }
        out.push(Tok {
            start: i as u32,
            end: i as u32 + 1,
            word: c.to_string(),
            punct: true,
        });
        i += 1;
    }
    out
}

fn inside(t: &Tok, spans: &[Span]) -> bool {
    spans.iter().any(|s| t.start < s.end && s.start < t.end)
}

impl Resolver<'_> {
    /// Reported-via, addressees and targets of one proposal.
    pub(crate) fn roles(&self, p: &ProposedStatement) -> Roles {
        let Some(anchor) = p.cue.or(p.speaker) else {
            return Roles::default();
        };
        let sentence = super::sentence_of(&self.sentences, anchor.start);
        let from = self.sentences[sentence];
        let to = self
            .sentences
            .get(sentence + 1)
            .copied()
            .unwrap_or(self.chars.len() as u32);
        // the speaker or cue may start in an earlier sentence than the other
        let from = [p.speaker, p.cue]
            .iter()
            .flatten()
            .map(|s| s.start)
            .fold(from, u32::min);
        let toks = tokens(&self.chars, from, to);
        let frame: Vec<Span> = [p.speaker, p.cue].iter().flatten().copied().collect();
        let mut roles = Roles {
            reported_via: self.channel(&toks, p, &frame),
            ..Roles::default()
        };
        self.objects(&toks, p, &mut roles);
        roles
    }

    /// The channel phrase nearest the speaker or cue, outside the content.
    fn channel(&self, toks: &[Tok], p: &ProposedStatement, frame: &[Span]) -> Option<Span> {
        let cue: Vec<Span> = p.cue.into_iter().collect();
        let mut best: Option<(usize, Span)> = None;
        for i in 0..toks.len() {
            // "according to", "in", "through", "via" opening a channel phrase
            let opener = match toks[i].word.as_str() {
                "to" if i > 0 && toks[i - 1].word == "according" => true,
                "in" | "through" | "via" => true,
                _ => false,
            };
            if !opener || inside(&toks[i], &p.content) {
                continue;
            }
            let start = i + 1;
            let Some(first) = toks.get(start) else {
                continue;
            };
            // a determiner, a possessor ("the ministry's statement"), or a plural noun
            // right away ("in remarks")
            let mut head = None;
            for (j, t) in toks.iter().enumerate().skip(start).take(5) {
                if t.punct || inside(t, &p.content) || inside(t, &cue) {
                    break;
                }
                if t.word != "'s" && EDGES.contains(&t.word.as_str()) {
                    break;
                }
                if CHANNELS.contains(&t.word.as_str()) {
                    // "call" is a channel as a telephone call, or a call with someone
                    if t.word == "call"
                        && !(toks.get(j + 1).is_some_and(|n| n.word == "with")
                            || toks[j - 1].word.ends_with("phone")
                            || matches!(toks[j - 1].word.as_str(), "video" | "conference"))
                    {
                        break;
                    }
                    // "post" as a verb after a noun ("the post office") is rare; a
                    // channel must be the last word before an edge or preposition
                    let next = toks.get(j + 1);
                    let ends = next.is_none_or(|n| {
                        n.punct
                            || EDGES.contains(&n.word.as_str())
                            || n.word == "of"
                            || n.word == "released"
                            || n.word == "issued"
                            || n.word == "published"
                            || n.word == "posted"
                            || n.word == "carried"
                            || n.word == "broadcast"
                            || n.word == "sent"
                            || n.word == "signed"
                            || n.word == "made"
                            || n.word == "given"
                            || n.word == "delivered"
                    });
                    if ends {
                        head = Some(j);
                        break;
                    }
                }
            }
            let Some(head) = head else {
                continue;
            };
            let det = DETERMINERS.contains(&first.word.as_str())
                || toks[start..head].iter().any(|t| t.word == "'s")
                || (head == start && first.word.ends_with('s'));
            if !det {
                continue;
            }
            // extend to the clause edge
            let mut end = head;
            let mut j = head + 1;
            while let Some(t) = toks.get(j) {
                if t.punct || inside(t, &p.content) || inside(t, &cue) {
                    break;
                }
                let w = t.word.as_str();
                if matches!(
                    w,
                    "that" | "saying" | "adding" | "while" | "when" | "as" | "if"
                ) || (w == "on" || w == "at" || w == "in")
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| WEEKDAYS_MONTHS.contains(&n.word.as_str()))
                    || WEEKDAYS_MONTHS.contains(&w)
                {
                    break;
                }
                end = j;
                j += 1;
            }
            if end + 1 - start > CHANNEL_WORDS {
                continue;
            }
            // drop a trailing preposition or conjunction
            while end > head && EDGES.contains(&toks[end].word.as_str()) {
                end -= 1;
            }
            let span = Span {
                start: toks[start].start,
                end: toks[end].end,
            };
            // distance in words to the speaker or cue
            let gap = frame
                .iter()
                .map(|f| {
                    toks.iter()
                        .filter(|t| {
                            (t.start >= span.end && t.end <= f.start)
                                || (t.start >= f.end && t.end <= span.start)
                        })
                        .filter(|t| !t.punct)
                        .count()
                })
                .min()
                .unwrap_or(usize::MAX);
            if gap > CHANNEL_GAP {
                continue;
            }
            if best.is_none_or(|(g, _)| gap < g) {
                best = Some((gap, span));
            }
        }
        best.map(|(_, s)| s)
    }

    /// Addressees and targets: objects of the speaker's verbs, of "to" after a saying
    /// verb or a channel, of "with" after a channel or setting.
    fn objects(&self, toks: &[Tok], p: &ProposedStatement, roles: &mut Roles) {
        let in_content = |t: &Tok| inside(t, &p.content);
        // an object ends at the speaker or cue words, and (but for a target's or an
        // urged one's) at the content
        let frame: Vec<Span> = [p.speaker, p.cue].iter().flatten().copied().collect();
        let edges: Vec<Span> = frame.iter().chain(&p.content).copied().collect();
        // the verbs: the cue's words, and a verb right after the speaker words
        let mut verbs: Vec<usize> = Vec::new();
        if let Some(cue) = p.cue {
            verbs.extend(
                toks.iter()
                    .enumerate()
                    .filter(|(_, t)| t.start >= cue.start && t.end <= cue.end && !t.punct)
                    .map(|(i, _)| i),
            );
        }
        if let Some(speaker) = p.speaker {
            if let Some(after) = toks.iter().position(|t| t.start >= speaker.end) {
                let mut i = after;
                while toks
                    .get(i)
                    .is_some_and(|t| ADVERBS.contains(&t.word.as_str()))
                {
                    i += 1;
                }
                if toks.get(i).is_some_and(|t| !t.punct && !in_content(t)) {
                    verbs.push(i);
                }
            }
        }
        verbs.sort_unstable();
        verbs.dedup();
        for &v in &verbs {
            let w = toks[v].word.as_str();
            if TELL.contains(&w) {
                let obj = object(toks, v + 1, &edges, false);
                self.add(&obj, &mut roles.addressees);
            } else if URGE.contains(&w) || w == "called" || w == "calls" || w == "calling" {
                let mut at = v + 1;
                if matches!(w, "called" | "calls" | "calling") {
                    if !toks
                        .get(at)
                        .is_some_and(|t| t.word == "on" || t.word == "upon")
                    {
                        continue;
                    }
                    at += 1;
                }
                let obj = object(toks, at, &frame, true);
                if toks.get(obj.end).is_some_and(|t| t.word == "to") {
                    self.add(&obj, &mut roles.addressees);
                }
            } else if SAY_TO.contains(&w) && toks.get(v + 1).is_some_and(|t| t.word == "to") {
                let obj = object(toks, v + 2, &edges, false);
                self.add(&obj, &mut roles.addressees);
            } else if TARGET.contains(&w) {
                let obj = object(toks, v + 1, &frame, false);
                self.add(&obj, &mut roles.targets);
            }
        }
        // "in a call with Y", "in a letter to Y", "during talks with Y"
        for i in 0..toks.len() {
            let t = &toks[i];
            if in_content(t) || !(t.word == "with" || t.word == "to") {
                continue;
            }
            let Some(noun) = i.checked_sub(1).map(|j| &toks[j]) else {
                continue;
            };
            let setting = SETTINGS.contains(&noun.word.as_str());
            let channel = CHANNELS.contains(&noun.word.as_str());
            if !(setting || channel) || (setting && t.word == "to") {
                continue;
            }
            // the noun must follow "in", "during", "at" and a determiner or modifiers
            let opened = toks[..i - 1]
                .iter()
                .rev()
                .take(4)
                .take_while(|t| !t.punct)
                .any(|t| matches!(t.word.as_str(), "in" | "during" | "at" | "through"));
            if !opened {
                continue;
            }
            let obj = object(toks, i + 1, &edges, false);
            self.add(&obj, &mut roles.addressees);
        }
    }

    /// Adds the actors of an object phrase: mentions that end their noun phrase, not
    /// possessors.
    fn add(&self, obj: &Object, out: &mut Vec<i64>) {
        let Some(first) = obj.toks.first() else {
            return;
        };
        let last = &obj.toks[obj.toks.len() - 1];
        let span = Span {
            start: first.start,
            end: last.end,
        };
        let found: Vec<&Named> = self
            .mentions
            .iter()
            .filter(|m| m.start >= span.start && m.end <= span.end)
            .filter(|m| !self.possessive(m))
            .filter(|m| {
                // the word after the mention ends the noun phrase
                let next = obj.toks.iter().find(|t| t.start >= m.end);
                next.is_none_or(|t| matches!(t.word.as_str(), "and" | "or" | "," | "&"))
            })
            .collect();
        for m in found {
            if !out.contains(&m.actor) {
                out.push(m.actor);
            }
        }
    }
}

/// An object phrase: its tokens and the index after it.
struct Object<'t> {
    toks: &'t [Tok],
    end: usize,
}

/// The object phrase starting at `at`: up to a clause edge, a `stop` span (the speaker,
/// the cue, the content unless it may hold the object), "to" (for "urged Y to") or a
/// preposition. Commas are kept
/// between names ("told Dar, Yu and Wang"), and an appositive name after a comma is
/// part of it ("told Pakistan’s foreign minister, Ishaq Dar,").
fn object<'t>(toks: &'t [Tok], at: usize, stop: &[Span], until_to: bool) -> Object<'t> {
    let mut end = at;
    while let Some(t) = toks.get(end) {
        if inside(t, stop) {
            break;
        }
        let w = t.word.as_str();
        if t.punct && w != "," && w != "&" {
            break;
        }
        if until_to && w == "to" {
            break;
        }
        // "accused Y of", "the president of Y" (but "Secretary of State Y")
        if w == "of" && toks.get(end + 1).is_none_or(|n| n.word != "state") {
            break;
        }
        if !t.punct && w != "and" && w != "or" && w != "of" && w != "'s" && EDGES.contains(&w) {
            break;
        }
        if w == ","
            && !toks
                .get(end + 1)
                .is_some_and(|n| !n.punct && !EDGES.contains(&n.word.as_str()) && !inside(n, stop))
        {
            break;
        }
        end += 1;
        if end - at > 16 {
            return Object { toks: &[], end: at };
        }
    }
    // a trailing comma or "and" is not part of it
    let mut last = end;
    while last > at && matches!(toks[last - 1].word.as_str(), "," | "and" | "or" | "&") {
        last -= 1;
    }
    Object {
        toks: &toks[at..last],
        end,
    }
}
