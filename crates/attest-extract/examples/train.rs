//! Trains the taggers on the TRAIN split and writes `model/extract.bin`.
//!
//! `cargo run --release -p attest-extract --example train [CORPUS_DIR]`
//! (CORPUS_DIR defaults to `shared/corpus/polnear-train`). Deterministic; rebuild
//! afterwards so the library embeds the new weights.

mod common;

use attest_extract::train::{train, Example, Settings};
use std::path::Path;

fn main() {
    let arg = std::env::args().nth(1);
    let dir = common::corpus_dir(arg.as_deref());
    let articles = common::load(&dir, common::Split::Train);
    let examples: Vec<Example> = articles.into_iter().map(|a| a.example).collect();
    let n: usize = examples.iter().map(|e| e.statements.len()).sum();
    eprintln!("training on {} articles, {n} statements", examples.len());
    let bytes = train(&examples, Settings::default());
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("model/extract.bin");
    std::fs::write(&out, &bytes).expect("write the model");
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
}
