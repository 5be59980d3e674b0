//! Training the taggers from annotated articles (spans in code points, as in PolNeAR's
//! brat files). Deterministic: the same examples give the same bytes.

use crate::analysis::{analyse, Doc};
use crate::features::{cue_features, role_features, role_window, token_info};
use crate::perceptron::{bio_allowed, Features, Tagger, Trainer};
use crate::{Model, Span, CUE_TAGS, ROLE_TAGS};

/// One annotated attribution.
#[derive(Debug, Clone, Default)]
pub struct GoldStatement {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

/// An article and its attributions.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub statements: Vec<GoldStatement>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub epochs: usize,
    /// log2 of the hashed feature table of the cue tagger.
    pub cue_bits: u32,
    /// log2 of the hashed feature table of the role tagger.
    pub role_bits: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 12,
            cue_bits: 16,
            role_bits: 17,
        }
    }
}

fn overlaps(doc: &Doc, t: usize, spans: &[Span]) -> Option<usize> {
    let tok = &doc.tokens[t];
    spans
        .iter()
        .position(|s| tok.start < s.end && tok.end > s.start)
}

/// Tags for tokens `range` where each token inside one of `spans` gets B (first of its
/// span) or I; `b` is the B tag, `b + 1` the I tag. Earlier calls win.
fn tag_spans(doc: &Doc, range: (usize, usize), spans: &[Span], b: usize, tags: &mut [usize]) {
    let mut prev: Option<usize> = None;
    for t in range.0..range.1 {
        let k = t - range.0;
        let hit = overlaps(doc, t, spans);
        if let Some(s) = hit {
            if tags[k] == 0 {
                tags[k] = if prev == Some(s) { b + 1 } else { b };
            }
        }
        prev = hit;
    }
}

struct Prepared {
    cue: Vec<(Features, Vec<usize>)>,
    role: Vec<(Features, Vec<usize>)>,
}

fn prepare(examples: &[Example]) -> Prepared {
    let mut cue = Vec::new();
    let mut role = Vec::new();
    for ex in examples {
        let doc = analyse(&ex.text);
        if doc.tokens.is_empty() {
            continue;
        }
        let info = token_info(&doc);
        let all_cues: Vec<Span> = ex.statements.iter().flat_map(|s| s.cue.clone()).collect();
        for &(a, b) in &doc.sentences {
            let mut f = Features::default();
            cue_features(&doc, &info, (a, b), &mut f);
            let mut tags = vec![0; b - a];
            tag_spans(&doc, (a, b), &all_cues, 1, &mut tags);
            cue.push((f, tags));
        }
        for st in &ex.statements {
            let Some(first) = st.cue.first() else {
                continue;
            };
            let toks: Vec<usize> = (0..doc.tokens.len())
                .filter(|&t| overlaps(&doc, t, std::slice::from_ref(first)).is_some())
                .collect();
            let (Some(&c0), Some(&c1)) = (toks.first(), toks.last()) else {
                continue;
            };
            let cue_range = (c0, c1 + 1);
            let win = role_window(&doc, cue_range);
            let mut f = Features::default();
            role_features(&doc, &info, cue_range, win, &mut f);
            let mut tags = vec![0; win.1 - win.0];
            // the cue's own tokens are neither speaker nor content
            for t in cue_range.0..cue_range.1 {
                if t >= win.0 && t < win.1 {
                    tags[t - win.0] = usize::MAX;
                }
            }
            tag_spans(&doc, win, &st.content, 3, &mut tags);
            tag_spans(&doc, win, &st.source, 1, &mut tags);
            for t in &mut tags {
                if *t == usize::MAX {
                    *t = 0;
                }
            }
            role.push((f, tags));
        }
    }
    Prepared { cue, role }
}

/// A small deterministic generator for shuffling.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn fit(
    data: &[(Features, Vec<usize>)],
    tagger: Tagger,
    epochs: usize,
    seed: u64,
    name: &str,
) -> Tagger {
    let mut trainer = Trainer::new(tagger);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = XorShift(seed);
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0;
        for &i in &order {
            let (f, gold) = &data[i];
            wrong += usize::from(trainer.learn(f, gold));
        }
        eprintln!(
            "{name} epoch {}: {wrong} of {} sequences wrong",
            epoch + 1,
            data.len()
        );
    }
    trainer.averaged()
}

/// Trains both taggers and returns the model file's bytes (`model/extract.bin`).
pub fn train(examples: &[Example], settings: Settings) -> Vec<u8> {
    let data = prepare(examples);
    let cue = fit(
        &data.cue,
        Tagger::new(settings.cue_bits, CUE_TAGS, bio_allowed(1)),
        settings.epochs,
        0x9e37_79b9,
        "cue",
    );
    let role = fit(
        &data.role,
        Tagger::new(settings.role_bits, ROLE_TAGS, bio_allowed(2)),
        settings.epochs,
        0x85eb_ca6b,
        "role",
    );
    Model { cue, role }.to_bytes()
}
