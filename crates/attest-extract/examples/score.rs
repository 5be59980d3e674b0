//! Writes the scorer's JSON Lines for one split and prints the speed.
//!
//! `cargo run --release -p attest-extract --example score -- dev /tmp/dev.jsonl [CORPUS_DIR]`
//! then `python3 ../shared/tools/statement_f1.py --subset /tmp/dev.jsonl
//! ../shared/corpus/polnear-train`. Splits: train, dev, test (see `common/mod.rs`).

mod common;

use attest_extract::{propose_statements, ProposedStatement, Span};
use serde_json::{json, Value};
use std::io::Write;
use std::time::Instant;

fn span(s: Span) -> Value {
    json!({"start": s.start, "end": s.end})
}

fn line(path: &str, text: &str, statements: &[ProposedStatement]) -> String {
    let st: Vec<Value> = statements
        .iter()
        .map(|s| {
            json!({
                "speaker": s.speaker.map(span),
                "cue": s.cue.map(span),
                "content": s.content.iter().copied().map(span).collect::<Vec<_>>(),
                "kind": s.kind.as_str(),
                "confidence": s.confidence,
            })
        })
        .collect();
    json!({"file": path, "article": {"text": text}, "statements": st}).to_string()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: score train|dev|test OUT.jsonl [CORPUS_DIR]";
    let split = args
        .first()
        .and_then(|s| common::Split::parse(s))
        .expect(usage);
    let out_path = args.get(1).expect(usage);
    let dir = common::corpus_dir(args.get(2).map(String::as_str));
    let articles = common::load(&dir, split);
    let texts: Vec<&str> = articles.iter().map(|a| a.example.text.as_str()).collect();
    // warm up (the model is decoded on first use)
    propose_statements("He said so.");

    let rounds = 5;
    let t = Instant::now();
    let mut results = Vec::new();
    for _ in 0..rounds {
        results = texts
            .iter()
            .map(|t| propose_statements(t))
            .collect::<Vec<_>>();
    }
    let single = (rounds * texts.len()) as f64 / t.elapsed().as_secs_f64();

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let t = Instant::now();
    std::thread::scope(|s| {
        let chunk = texts.len().div_ceil(threads).max(1);
        for part in texts.chunks(chunk) {
            s.spawn(move || {
                for _ in 0..rounds {
                    for t in part {
                        std::hint::black_box(propose_statements(t));
                    }
                }
            });
        }
    });
    let all = (rounds * texts.len()) as f64 / t.elapsed().as_secs_f64();

    let mut out = std::io::BufWriter::new(std::fs::File::create(out_path).expect("output file"));
    for (a, st) in articles.iter().zip(&results) {
        writeln!(
            out,
            "{}",
            line(&a.path.to_string_lossy(), &a.example.text, st)
        )
        .expect("write");
    }
    let n: usize = results.iter().map(Vec::len).sum();
    println!(
        "{} articles, {n} statements proposed -> {out_path}\nspeed: {single:.0} articles/s on one thread, {all:.0} articles/s on {threads} threads",
        articles.len()
    );
}
