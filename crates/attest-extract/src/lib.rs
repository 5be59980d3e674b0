//! Proposes attributed statements — who said what, with which words — in article text.
//!
//! The approach is a pipeline of two small structured perceptrons (averaged, first-order
//! Viterbi, hashed features) trained on the PolNeAR annotation scheme, with a rule-based
//! text analysis in front:
//!
//! 1. `analysis`: tokens with code-point spans, quotation marks paired per paragraph
//!    (straight quotes read as opening or closing from their neighbours; a closing mark
//!    with no opening one quotes from the paragraph start, as in pull quotes that lost
//!    their first mark), sentences (titles and initials do not end them), paragraphs.
//! 2. The **cue tagger** reads each sentence and tags cue chunks (B/I/O): "said",
//!    "according to", "told", "called for", ":". Its features are words, crude stems,
//!    shapes, neighbours, whether the token is quoted, and membership in a general list
//!    of English reporting verbs (ours, a feature the model weighs, not a filter).
//! 3. For every cue, the **role tagger** reads a window — the cue's sentence and its
//!    neighbours in the paragraph, widened to whole quotations touching it — and tags
//!    speaker and content chunks (B/I of each) from features relative to the cue:
//!    side and distance, commas, quotation marks and other reporting words in between,
//!    sentence offset, quotedness, the cue's stem. So "“…,” he said. “…”" and
//!    "X said that …" and "according to X, …" are one model, not a rule each.
//! 4. Post-processing: the speaker chunk nearest the cue is kept (when there is none, the
//!    window is read again leaning towards a speaker); content that is part of a
//!    quotation takes all of it; after "“…,” she said." the quotation opening the next
//!    sentence is the same speaker's; a quotation that runs to the end of its paragraph
//!    and is reopened by the next continues the content; the kind is direct (all content
//!    quoted), mixed (some) or indirect.
//!
//! The weights (`model/extract.bin`, 16-bit hashed weights) are built in with
//! `include_bytes!` and are reproduced by `cargo run --release -p attest-extract
//! --example train` (training split by date, see `examples/common/mod.rs`). Speaker spans
//! are the *mention* next to the cue ("he", "the spokesman"); resolving them to actors is
//! another step.

mod analysis;
mod features;
mod perceptron;
pub mod train;

use analysis::{analyse, Doc, Kind};
pub use attest_core::{Span, StatementKind};
use features::{cue_features, role_features, role_window, token_info, TokenInfo};
use perceptron::{bio_allowed, Features, Tagger};
use std::sync::OnceLock;

/// One proposed statement. Spans are code points into the text, end exclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedStatement {
    /// The words naming the speaker next to the cue ("Wang", "he", "the ministry").
    pub speaker: Option<Span>,
    /// The reporting words ("said", "according to").
    pub cue: Option<Span>,
    /// What was said: one span or several (a quote broken by its cue, or continuing
    /// into the next paragraph).
    pub content: Vec<Span>,
    pub kind: StatementKind,
    /// 0–1, from the cue tagger's margin: rank proposals by it, don't read it as a
    /// probability.
    pub confidence: f32,
}

/// The two taggers.
pub(crate) struct Model {
    cue: Tagger,
    role: Tagger,
}

/// Tags of the cue tagger: O, B-cue, I-cue.
pub(crate) const CUE_TAGS: usize = 3;
/// Tags of the role tagger: O, B-speaker, I-speaker, B-content, I-content.
pub(crate) const ROLE_TAGS: usize = 5;

impl Model {
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let (cue, rest) = Tagger::from_bytes(bytes, bio_allowed(1))?;
        let (role, _) = Tagger::from_bytes(rest, bio_allowed(2))?;
        Some(Model { cue, role })
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.cue.to_bytes();
        out.extend(self.role.to_bytes());
        out
    }
}

static MODEL_BYTES: &[u8] = include_bytes!("../model/extract.bin");

fn builtin_model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(MODEL_BYTES))
        .as_ref()
}

/// Proposes the attributed statements of `text`, in text order of their cues.
pub fn propose_statements(text: &str) -> Vec<ProposedStatement> {
    match builtin_model() {
        Some(model) => one_per_passage(propose_with(model, text)),
        None => Vec::new(),
    }
}

/// Whether two lists of content spans share any character.
pub fn overlapping(a: &[Span], b: &[Span]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.start < y.end && y.start < x.end))
}

/// Where two proposals cover the same words ("According to a statement…, Wang stressed
/// that…" read once from each cue), the surer one; in reading order.
fn one_per_passage(mut proposals: Vec<ProposedStatement>) -> Vec<ProposedStatement> {
    proposals.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let mut kept: Vec<ProposedStatement> = Vec::with_capacity(proposals.len());
    for p in proposals {
        if !kept.iter().any(|k| overlapping(&k.content, &p.content)) {
            kept.push(p);
        }
    }
    kept.sort_by_key(|p| p.content.first().map(|s| s.start));
    kept
}

/// Added to the speaker tags' scores when a cue's first reading found no speaker (tuned
/// on DEV: most gold statements have one, and the nearest likely mention is usually it).
const SPEAKER_RETRY_BIAS: f32 = 100.0;

/// Scale of the cue margin in the confidence's logistic.
const CONFIDENCE_SCALE: f32 = 30.0;

/// Cue chunks (token ranges) with a confidence each.
fn find_cues(
    model: &Model,
    doc: &Doc,
    info: &[TokenInfo],
    f: &mut Features,
) -> Vec<((usize, usize), f32)> {
    let mut cues = Vec::new();
    let mut scratch = Vec::new();
    for &(a, b) in &doc.sentences {
        cue_features(doc, info, (a, b), f);
        let tags = model.cue.decode(f, &mut scratch);
        let mut k = 0;
        while k < tags.len() {
            if tags[k] == 1 {
                let mut e = k + 1;
                while e < tags.len() && tags[e] == 2 {
                    e += 1;
                }
                // mean margin of the chunk's tags over "outside"
                let margin = (k..e)
                    .map(|t| {
                        model.cue.emission(&scratch, t, tags[t])
                            - model.cue.emission(&scratch, t, 0)
                    })
                    .sum::<f32>()
                    / (e - k) as f32;
                let confidence = 1.0 / (1.0 + (-margin / CONFIDENCE_SCALE).exp());
                cues.push(((a + k, a + e), confidence));
                k = e;
            } else {
                k += 1;
            }
        }
    }
    cues
}

/// Chunks of `label` (B = 2 * label - 1, I = 2 * label) in `tags`, as token ranges
/// offset by `base`.
fn chunks(tags: &[usize], label: usize, base: usize) -> Vec<(usize, usize)> {
    let (b, i) = (2 * label - 1, 2 * label);
    let mut out = Vec::new();
    let mut k = 0;
    while k < tags.len() {
        if tags[k] == b || tags[k] == i {
            let mut e = k + 1;
            while e < tags.len() && tags[e] == i {
                e += 1;
            }
            out.push((base + k, base + e));
            k = e;
        } else {
            k += 1;
        }
    }
    out
}

fn span_of(doc: &Doc, (a, b): (usize, usize)) -> Span {
    Span {
        start: doc.tokens[a].start,
        end: doc.tokens[b - 1].end,
    }
}

pub(crate) fn propose_with(model: &Model, text: &str) -> Vec<ProposedStatement> {
    let doc = analyse(text);
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let info = token_info(&doc);
    let mut f = Features::default();
    let cues = find_cues(model, &doc, &info, &mut f);
    let mut out = Vec::with_capacity(cues.len());
    let mut scratch = Vec::new();
    for (cue, confidence) in cues {
        let win = role_window(&doc, cue);
        role_features(&doc, &info, cue, win, &mut f);
        let tags = model.role.decode(&f, &mut scratch);
        let nearest = |tags: &[usize]| {
            chunks(tags, 1, win.0).into_iter().min_by_key(|&(a, b)| {
                if b <= cue.0 {
                    cue.0 - b
                } else {
                    a.saturating_sub(cue.1)
                }
            })
        };
        let mut speaker = nearest(&tags).and_then(|s| trim_to_words(&doc, s));
        if speaker.is_none() {
            // most statements have a speaker: ask again, leaning towards one
            let b = SPEAKER_RETRY_BIAS;
            let bias = [0.0, b, b, 0.0, 0.0];
            let retry = model.role.decode_biased(&f, &bias, &mut scratch);
            speaker = nearest(&retry).and_then(|s| trim_to_words(&doc, s));
        }
        let mut content = chunks(&tags, 2, win.0);
        if content.is_empty() {
            continue;
        }
        complete_quotes(&doc, cue, &mut content);
        continue_quotes(&doc, &mut content);
        let (mut quoted, mut total) = (0usize, 0usize);
        for &(a, b) in &content {
            for t in &doc.tokens[a..b] {
                if t.kind == Kind::Word || t.kind == Kind::Number {
                    total += 1;
                    quoted += usize::from(t.quoted);
                }
            }
        }
        let kind = if total > 0 && quoted == total {
            StatementKind::Direct
        } else if quoted > 0 {
            StatementKind::Mixed
        } else {
            StatementKind::Indirect
        };
        out.push(ProposedStatement {
            speaker: speaker.map(|s| span_of(&doc, s)),
            cue: Some(span_of(&doc, cue)),
            content: content.into_iter().map(|c| span_of(&doc, c)).collect(),
            kind,
            confidence,
        });
    }
    out
}

/// Content that is part of a quotation takes the whole quotation; and after
/// "“…,” she said." the quotation opening the next sentence goes on with the same words.
fn complete_quotes(doc: &Doc, cue: (usize, usize), content: &mut Vec<(usize, usize)>) {
    let toks = &doc.tokens;
    for c in content.iter_mut() {
        let mut quotes = toks[c.0..c.1].iter().filter_map(|t| t.quote);
        let Some(q) = quotes.next() else { continue };
        let all_one = toks[c.0..c.1]
            .iter()
            .all(|t| t.quote == Some(q) || !matches!(t.kind, Kind::Word | Kind::Number));
        if all_one {
            let (qa, qb) = doc.quotes[q as usize];
            *c = (
                c.0.min(with_marks(doc, qa, qb).0),
                c.1.max(with_marks(doc, qa, qb).1),
            );
        }
    }
    content.sort_unstable();
    content.dedup();
    // “…,” she said. “…” — the cue between two quotations of one speaker
    let Some(&(_, last)) = content.last() else {
        return;
    };
    let sentence = doc.sentences[toks[cue.0].sentence as usize];
    let quote_before =
        last <= cue.0 && toks[last - 1].quoted && toks[last - 1].sentence == toks[cue.0].sentence;
    if !quote_before || sentence.1 >= toks.len() {
        return;
    }
    let next = sentence.1;
    if toks[next].kind == Kind::Open && toks[next].paragraph == toks[cue.0].paragraph {
        if let Some(q) = toks.get(next + 1).and_then(|t| t.quote) {
            let (qa, qb) = doc.quotes[q as usize];
            let (qa, qb) = with_marks(doc, qa, qb);
            match content.iter_mut().find(|c| c.0 < qb && c.1 > qa) {
                Some(c) => *c = (c.0.min(qa), c.1.max(qb)),
                None => content.push((qa, qb)),
            }
            content.sort_unstable();
        }
    }
}

/// `range` without the punctuation at its ends, if any word is left.
fn trim_to_words(doc: &Doc, (mut a, mut b): (usize, usize)) -> Option<(usize, usize)> {
    let word = |t: usize| matches!(doc.tokens[t].kind, Kind::Word | Kind::Number);
    while a < b && !word(a) {
        a += 1;
    }
    while b > a && !word(b - 1) {
        b -= 1;
    }
    (a < b).then_some((a, b))
}

/// The inside of a quotation `qa..qb` widened to its marks.
fn with_marks(doc: &Doc, qa: usize, qb: usize) -> (usize, usize) {
    let toks = &doc.tokens;
    let a = if qa > 0 && toks[qa - 1].kind == Kind::Open {
        qa - 1
    } else {
        qa
    };
    let b = if qb < toks.len() && toks[qb].kind == Kind::Close {
        qb + 1
    } else {
        qb
    };
    (a, b)
}

/// A quotation running to the end of its paragraph, reopened at the start of the next,
/// goes on there: the content follows it, paragraph after paragraph.
fn continue_quotes(doc: &Doc, content: &mut Vec<(usize, usize)>) {
    let toks = &doc.tokens;
    let Some(last) = content.iter().map(|c| c.1).max() else {
        return;
    };
    let mut end = last; // exclusive token index
    for _ in 0..20 {
        let prev = &toks[end - 1];
        let Some(q) = prev.quote else { return };
        let (_, qb) = doc.quotes[q as usize];
        // the quote must end at its paragraph's end, unclosed
        if qb != end || end >= toks.len() || toks[end].paragraph == prev.paragraph {
            return;
        }
        if toks[end].kind != Kind::Open {
            return;
        }
        let Some(next_q) = toks.get(end + 1).and_then(|t| t.quote) else {
            return;
        };
        let (na, nb) = doc.quotes[next_q as usize];
        content.push(with_marks(doc, na, nb));
        end = nb;
    }
}

#[cfg(test)]
mod tests;
