//! Feature templates of the two taggers: the cue tagger reads a sentence, the role
//! tagger reads the window around one cue and tags speaker and content relative to it.

use crate::analysis::{shape, stem, Doc, Kind, Token};
use crate::perceptron::{hash_str, mix, Features};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Reporting verbs and phrases of English news (base forms, our own list): a feature,
/// not a filter; the model learns how far to trust each.
const REPORTING: &[&str] = &[
    "say",
    "tell",
    "add",
    "write",
    "ask",
    "note",
    "report",
    "announce",
    "suggest",
    "call",
    "show",
    "find",
    "tweet",
    "post",
    "describe",
    "argue",
    "think",
    "believe",
    "continue",
    "decline",
    "explain",
    "accuse",
    "acknowledge",
    "endorse",
    "criticize",
    "declare",
    "expect",
    "urge",
    "recall",
    "claim",
    "respond",
    "praise",
    "agree",
    "propose",
    "state",
    "warn",
    "promise",
    "insist",
    "want",
    "hope",
    "reiterate",
    "stress",
    "underline",
    "underscore",
    "affirm",
    "confirm",
    "deny",
    "admit",
    "assert",
    "contend",
    "maintain",
    "predict",
    "estimate",
    "testify",
    "complain",
    "charge",
    "allege",
    "emphasize",
    "reveal",
    "disclose",
    "signal",
    "vow",
    "pledge",
    "demand",
    "condemn",
    "blast",
    "slam",
    "decry",
    "reject",
    "dismiss",
    "question",
    "doubt",
    "fear",
    "worry",
    "know",
    "feel",
    "according",
    "cite",
    "refer",
    "mention",
    "observe",
    "remark",
    "reply",
    "retort",
    "joke",
    "quip",
    "concede",
    "boast",
    "tout",
    "caution",
    "comment",
    "indicate",
    "imply",
    "speculate",
    "lament",
    "mock",
    "support",
    "oppose",
    "blame",
    "defend",
    "attack",
    "threaten",
    "recommend",
    "advise",
    "insinuate",
    "conclude",
    "inform",
    "notify",
    "instruct",
    "order",
    "request",
    "plead",
    "appeal",
    "push",
    "press",
    "encourage",
    "welcome",
    "applaud",
    "hail",
    "reaffirm",
    "highlight",
    "point",
    "counter",
    "rebut",
    "fire",
    "suppose",
    "assume",
    "guess",
    "reckon",
    "wonder",
    "clarify",
    "quote",
    "paraphrase",
    "summarize",
    "interview",
    "speak",
    "talk",
    "discuss",
    "address",
    "brief",
    "shout",
    "yell",
    "scream",
    "chant",
    "cry",
    "exclaim",
    "whisper",
    "mutter",
    "proclaim",
    "pronounce",
    "repeat",
    "echo",
    "sign",
    "email",
    "text",
    "seem",
    "appear",
    "survey",
    "poll",
];

fn reporting_stems() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = HashSet::new();
        for base in REPORTING {
            let root = base.strip_suffix('e').unwrap_or(base);
            let y = base.strip_suffix('y').map(|r| format!("{r}ie"));
            let mut forms = vec![
                base.to_string(),
                format!("{base}s"),
                format!("{base}es"),
                format!("{root}ed"),
                format!("{root}ing"),
            ];
            if let Some(y) = y {
                forms.push(format!("{y}s"));
                forms.push(format!("{y}d"));
            }
            for f in forms {
                set.insert(stem(&f).to_string());
            }
        }
        set
    })
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "we", "you", "it", "who", "his", "her", "their", "our", "my",
];

/// Per-token hashes computed once per article.
pub(crate) struct TokenInfo {
    pub word: u64,
    pub stem: u64,
    pub shape: u64,
    pub suffix: u64,
    pub reporting: bool,
    pub pronoun: bool,
}

pub(crate) fn token_info(doc: &Doc) -> Vec<TokenInfo> {
    let lex = reporting_stems();
    doc.tokens
        .iter()
        .map(|t| {
            let s = stem(&t.lower);
            let suffix: String = {
                let cs: Vec<char> = t.lower.chars().collect();
                cs[cs.len().saturating_sub(3)..].iter().collect()
            };
            TokenInfo {
                word: hash_str(&t.lower),
                stem: hash_str(s),
                shape: hash_str(shape(t)),
                suffix: hash_str(&suffix),
                reporting: t.kind == Kind::Word && lex.contains(s),
                pronoun: PRONOUNS.contains(&t.lower.as_str()),
            }
        })
        .collect()
}

const BOUNDARY: u64 = 0x5eed_0000_0000_0001;

fn f(template: u64, a: u64) -> u64 {
    mix(template, a)
}
fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(mix(template, a), b)
}
fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(template, a), b), c)
}

/// Cue-tagger features for the tokens `range` (one sentence).
pub(crate) fn cue_features(
    doc: &Doc,
    info: &[TokenInfo],
    range: (usize, usize),
    out: &mut Features,
) {
    out.clear();
    let (a, b) = range;
    let word = |i: isize| -> u64 {
        if i < a as isize || i >= b as isize {
            BOUNDARY
        } else {
            info[i as usize].word
        }
    };
    let shp = |i: isize| -> u64 {
        if i < a as isize || i >= b as isize {
            BOUNDARY
        } else {
            info[i as usize].shape
        }
    };
    let has_quote = doc.tokens[a..b].iter().any(|t| t.quoted);
    for i in a..b {
        let t: &Token = &doc.tokens[i];
        let x = &info[i];
        let ii = i as isize;
        let q = u64::from(t.quoted);
        let lex = u64::from(x.reporting);
        let h = &mut out.hashes;
        h.push(1);
        h.push(f(2, x.word));
        h.push(f(3, x.stem));
        h.push(f(4, x.shape));
        h.push(f(5, x.suffix));
        h.push(f(6, word(ii - 1)));
        h.push(f(7, word(ii + 1)));
        h.push(f(8, word(ii - 2)));
        h.push(f(9, word(ii + 2)));
        h.push(f2(10, word(ii - 1), x.word));
        h.push(f2(11, x.word, word(ii + 1)));
        h.push(f2(12, x.stem, shp(ii + 1)));
        h.push(f2(13, x.stem, shp(ii - 1)));
        h.push(f(14, q));
        h.push(f2(15, q, x.stem));
        h.push(f(16, lex));
        h.push(f2(17, lex, q));
        h.push(f3(18, lex, shp(ii - 1), shp(ii + 1)));
        h.push(f2(19, x.stem, word(ii + 1)));
        h.push(f3(20, lex, u64::from(has_quote), q));
        let pos = if i == a {
            0
        } else if i + 1 == b {
            1
        } else if i + 2 == b {
            2
        } else {
            3 + ((i - a) * 4 / (b - a).max(1)) as u64
        };
        h.push(f2(21, pos, lex));
        let prev_pronoun = i > a && info[i - 1].pronoun;
        h.push(f2(22, u64::from(prev_pronoun), x.stem));
        let prev_cap = i > a && doc.tokens[i - 1].cap && doc.tokens[i - 1].kind == Kind::Word;
        h.push(f2(23, u64::from(prev_cap), x.stem));
        h.push(f3(24, shp(ii - 1), x.shape, shp(ii + 1)));
        h.push(f2(25, x.stem, word(ii - 1)));
        h.push(f3(26, lex, shp(ii - 2), shp(ii - 1)));
        h.push(f3(27, x.stem, q, u64::from(has_quote)));
        out.end_token();
    }
}

fn distance_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=10 => 6,
        11..=15 => 7,
        16..=25 => 8,
        26..=40 => 9,
        _ => 10,
    }
}

/// The tokens the role tagger reads around the cue `cue` (token range): the cue's
/// sentence and its neighbours in the same paragraph, widened to whole quotations that
/// touch the cue's sentence, at most `MAX_REACH` tokens either side.
pub(crate) fn role_window(doc: &Doc, cue: (usize, usize)) -> (usize, usize) {
    const MAX_REACH: usize = 120;
    let toks = &doc.tokens;
    let s = toks[cue.0].sentence as usize;
    let para = toks[cue.0].paragraph;
    let (mut a, mut b) = doc.sentences[s];
    let (sa, sb) = (a, b);
    if s > 0 {
        let (pa, _) = doc.sentences[s - 1];
        if toks[pa].paragraph == para {
            a = pa;
        }
    }
    if s + 1 < doc.sentences.len() {
        let (_, nb) = doc.sentences[s + 1];
        if toks[nb - 1].paragraph == para {
            b = nb;
        }
    }
    for &(qa, qb) in &doc.quotes {
        if qa < sb && qb > sa {
            a = a.min(qa.saturating_sub(1));
            b = b.max((qb + 1).min(toks.len()));
        }
    }
    (
        a.max(cue.0.saturating_sub(MAX_REACH)),
        b.min(cue.1 + MAX_REACH),
    )
}

/// Role-tagger features for the window `win` around the cue `cue`.
pub(crate) fn role_features(
    doc: &Doc,
    info: &[TokenInfo],
    cue: (usize, usize),
    win: (usize, usize),
    out: &mut Features,
) {
    out.clear();
    let toks = &doc.tokens;
    let (c0, c1) = cue;
    let cue_stem = info[c0..c1]
        .iter()
        .find(|x| x.reporting)
        .map_or(info[c0].stem, |x| x.stem);
    let cue_words = info[c0..c1].iter().fold(77u64, |h, x| mix(h, x.word));
    let cue_quoted = u64::from(toks[c0].quoted);
    let cue_sentence = toks[c0].sentence as i64;
    let before_cue = if c0 > win.0 {
        info[c0 - 1].shape
    } else {
        BOUNDARY
    };
    let after_cue = if c1 < win.1 { info[c1].word } else { BOUNDARY };
    // prefix counts over the window, to count commas / quote marks / reporting words
    // between any token and the cue in O(1)
    let n = win.1 - win.0;
    let mut commas = vec![0u32; n + 1];
    let mut marks = vec![0u32; n + 1];
    let mut lexes = vec![0u32; n + 1];
    for k in 0..n {
        let t = &toks[win.0 + k];
        commas[k + 1] = commas[k] + u32::from(t.lower == "," || t.lower == ";");
        marks[k + 1] = marks[k] + u32::from(matches!(t.kind, Kind::Open | Kind::Close));
        let is_cue = (c0..c1).contains(&(win.0 + k));
        lexes[k + 1] = lexes[k] + u32::from(info[win.0 + k].reporting && !is_cue);
    }
    let between = |pre: &[u32], j: usize| -> u64 {
        let (lo, hi) = if j < c0 { (j + 1, c0) } else { (c1, j) };
        let (lo, hi) = (lo.max(win.0) - win.0, hi.max(lo).min(win.1) - win.0);
        u64::from((pre[hi] - pre[lo.min(hi)]).min(3))
    };
    for j in win.0..win.1 {
        let t = &toks[j];
        let x = &info[j];
        let (dir, d) = if j < c0 {
            (0u64, c0 - j)
        } else if j < c1 {
            (1, 0)
        } else {
            (2, j - c1 + 1)
        };
        let db = distance_bucket(d);
        let q = u64::from(t.quoted);
        let sdiff = (t.sentence as i64 - cue_sentence).clamp(-2, 2) as u64;
        let ncomma = between(&commas, j);
        let nmark = between(&marks, j);
        let nlex = between(&lexes, j);
        let prev_w = if j > win.0 {
            info[j - 1].word
        } else {
            BOUNDARY
        };
        let next_w = if j + 1 < win.1 {
            info[j + 1].word
        } else {
            BOUNDARY
        };
        let prev_s = if j > win.0 {
            info[j - 1].shape
        } else {
            BOUNDARY
        };
        let h = &mut out.hashes;
        h.push(f(100, dir));
        h.push(f2(101, dir, db));
        h.push(f2(102, dir, x.word));
        h.push(f2(103, dir, x.stem));
        h.push(f2(104, dir, x.shape));
        h.push(f2(105, dir, q));
        h.push(f3(106, dir, q, sdiff));
        h.push(f2(107, dir, sdiff));
        h.push(f3(108, dir, ncomma, q));
        h.push(f3(109, dir, nmark, q));
        h.push(f2(110, dir, nlex));
        h.push(f3(111, cue_stem, dir, q));
        h.push(f3(112, cue_stem, dir, db));
        h.push(f2(113, cue_words, dir));
        h.push(f2(114, dir, prev_w));
        h.push(f2(115, dir, next_w));
        h.push(f3(116, dir, prev_s, x.shape));
        h.push(f3(117, dir, db, x.shape));
        h.push(f3(118, dir, u64::from(t.cap), db));
        h.push(f3(119, dir, u64::from(x.pronoun), db));
        h.push(f3(120, dir, before_cue, db.min(3)));
        h.push(f3(121, dir, after_cue, db.min(3)));
        h.push(f3(122, dir, cue_quoted, q));
        h.push(f3(123, dir, u64::from(x.reporting), db.min(4)));
        h.push(f3(124, dir, ncomma, nmark));
        h.push(f3(125, dir, x.word, db.min(3)));
        h.push(f3(126, cue_stem, dir, ncomma));
        h.push(f3(127, dir, nlex, q));
        let sent_start = doc.sentences[t.sentence as usize].0 == j;
        h.push(f3(128, dir, u64::from(sent_start), sdiff));
        h.push(f3(129, cue_stem, after_cue, dir));
        out.end_token();
    }
}
