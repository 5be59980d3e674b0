//! The PolNeAR training corpus and its split by date, shared by the examples.
//!
//! Split (by `publication_date` in `metadata.tsv`; the newest date is D):
//! - TEST: published after D minus two months (the last two months) — held out, scored
//!   once at the end;
//! - DEV: the month before TEST — for iteration;
//! - TRAIN: everything older — the model is fitted on it only.
//!
//! With the corpus as shipped D = 2016-09-07: TEST is 2016-07-08 … 2016-09-07, DEV
//! 2016-06-08 … 2016-07-07, TRAIN 2015-11-11 … 2016-06-07.

#![allow(dead_code)]

use attest_extract::train::{Example, GoldStatement};
use attest_extract::Span;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Train,
    Dev,
    Test,
}

impl Split {
    pub fn parse(s: &str) -> Option<Split> {
        match s {
            "train" => Some(Split::Train),
            "dev" => Some(Split::Dev),
            "test" => Some(Split::Test),
            _ => None,
        }
    }
}

/// The corpus folder: the first argument if given, else `shared/corpus/polnear-train`
/// next to the workspace.
pub fn corpus_dir(arg: Option<&str>) -> PathBuf {
    match arg {
        Some(a) => PathBuf::from(a),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/polnear-train"),
    }
}

/// A date `YYYY-MM-DD` as (year, month, day).
fn ymd(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.split('-');
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

/// `d` minus `months` calendar months (the day kept, clamped to 28 to stay valid).
fn minus_months((y, m, d): (i32, u32, u32), months: u32) -> (i32, u32, u32) {
    let total = y * 12 + m as i32 - 1 - months as i32;
    (
        total.div_euclid(12),
        total.rem_euclid(12) as u32 + 1,
        d.min(28),
    )
}

/// Article names (file stems) of each split, sorted.
pub fn split_names(dir: &Path) -> HashMap<String, Split> {
    let meta = std::fs::read_to_string(dir.join("metadata.tsv")).expect("metadata.tsv");
    let mut lines = meta.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (file_col, date_col) = (col("filename"), col("publication_date"));
    let rows: Vec<(String, (i32, u32, u32))> = lines
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            Some((cells.get(file_col)?.to_string(), ymd(cells.get(date_col)?)?))
        })
        .collect();
    let newest = rows.iter().map(|r| r.1).max().expect("dated articles");
    let test_after = minus_months(newest, 2);
    let dev_after = minus_months(newest, 3);
    rows.into_iter()
        .map(|(name, date)| {
            let split = if date > test_after {
                Split::Test
            } else if date > dev_after {
                Split::Dev
            } else {
                Split::Train
            };
            (name, split)
        })
        .collect()
}

/// Parses a brat `.ann` file into statements (events with Source / Cue / Content).
pub fn read_ann(ann: &str) -> Vec<GoldStatement> {
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut cells = line.split('\t');
        let (Some(id), Some(mid)) = (cells.next(), cells.next()) else {
            continue;
        };
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) {
            let Some((_, ranges)) = mid.split_once(' ') else {
                continue;
            };
            let list = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some(Span {
                        start: a.parse().ok()?,
                        end: b.parse().ok()?,
                    })
                })
                .collect();
            spans.insert(id, list);
        } else if id.starts_with('E') {
            events.push(
                mid.split_whitespace()
                    .filter_map(|a| a.split_once(':'))
                    .collect(),
            );
        }
    }
    events
        .into_iter()
        .filter_map(|ev| {
            let mut st = GoldStatement::default();
            for (role, id) in ev {
                let list = spans.get(id).cloned().unwrap_or_default();
                match role.to_ascii_lowercase().as_str() {
                    "source" => st.source.extend(list),
                    "cue" => st.cue.extend(list),
                    "content" => st.content.extend(list),
                    _ => {}
                }
            }
            (!st.content.is_empty()).then_some(st)
        })
        .collect()
}

/// One article: its name, text path, text and gold statements.
pub struct Article {
    pub name: String,
    pub path: PathBuf,
    pub example: Example,
}

/// The articles of `split`, sorted by name; the first coder's annotation of each
/// (as the scorer does).
pub fn load(dir: &Path, split: Split) -> Vec<Article> {
    let names = split_names(dir);
    let mut anns: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))
        .expect("attributions folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for ann in anns {
        let stem = ann.file_stem().unwrap().to_string_lossy().to_string();
        let Some((name, _coder)) = stem.rsplit_once('_') else {
            continue;
        };
        if names.get(name) != Some(&split) || !seen.insert(name.to_string()) {
            continue;
        }
        let path = dir.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path).expect("article text");
        let statements = read_ann(&std::fs::read_to_string(&ann).expect("ann"));
        out.push(Article {
            name: name.to_string(),
            path,
            example: Example { text, statements },
        });
    }
    out
}
