//! Prints the statements proposed for an article file (default: the seed article).
//!
//! `cargo run --release -p attest-extract --example seed [FILE]`

use attest_core::text::slice;
use attest_extract::propose_statements;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus/seed/article.txt"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(&path).expect("article file");
    for s in propose_statements(&text) {
        let get = |sp: Option<attest_extract::Span>| {
            sp.and_then(|sp| slice(&text, sp).ok()).unwrap_or("—")
        };
        let content: Vec<&str> = s
            .content
            .iter()
            .filter_map(|c| slice(&text, *c).ok())
            .collect();
        println!(
            "[{}] <{}> {:?} {:.2}: {}",
            get(s.speaker),
            get(s.cue),
            s.kind,
            s.confidence,
            content.join(" … ")
        );
    }
}
