//! The seed article: every statement of `gold.json` is proposed, its content
//! overlapping the gold content, with a speaker mention that overlaps the gold mention
//! or names the right actor.

use attest_core::text::{find, slice};
use attest_extract::{propose_statements, Span};
use serde_json::Value;
use std::path::PathBuf;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seed")
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every occurrence of `needle` in `text`, as code-point spans.
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0usize;
    while let Some(i) = text[from..].find(needle) {
        let b = from + i;
        let start = text[..b].chars().count() as u32;
        out.push(Span {
            start,
            end: start + needle.chars().count() as u32,
        });
        from = b + needle.len();
    }
    out
}

#[test]
fn all_seed_statements_are_proposed_with_their_speakers() {
    let dir = seed_dir();
    let Ok(text) = std::fs::read_to_string(dir.join("article.txt")) else {
        eprintln!("no seed at {}: skipped", dir.display());
        return;
    };
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    // names and aliases of each actor
    let mut names: std::collections::HashMap<String, Vec<String>> = Default::default();
    for actor in gold["actors"].as_array().unwrap() {
        let name = actor["name"].as_str().unwrap().to_string();
        let mut all = vec![name.clone()];
        for a in actor["aliases"].as_array().unwrap() {
            all.push(a.as_str().unwrap().to_string());
        }
        names.insert(name, all);
    }
    let proposed = propose_statements(&text);
    let mut failures = Vec::new();
    for g in gold["statements"].as_array().unwrap() {
        let content = find(&text, g["content"].as_str().unwrap()).expect("gold content in text");
        let mention = g["speaker_mention"].as_str().unwrap();
        // the mention nearest to the content is the gold one
        let gold_mention = occurrences(&text, mention).into_iter().min_by_key(|m| {
            if m.end <= content.start {
                content.start - m.end
            } else {
                m.start.saturating_sub(content.end)
            }
        });
        let actors: Vec<String> = match &g["speaker"] {
            Value::String(s) => vec![s.clone()],
            Value::Array(a) => a
                .iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
            _ => Vec::new(),
        };
        let hit = proposed.iter().any(|p| {
            let content_ok = p.content.iter().any(|c| overlaps(*c, content));
            let speaker_ok = p.speaker.is_some_and(|sp| {
                let said = slice(&text, sp).unwrap_or("");
                gold_mention.is_some_and(|m| overlaps(sp, m))
                    || actors.iter().any(|a| {
                        names
                            .get(a)
                            .is_some_and(|all| all.iter().any(|n| said.contains(n.as_str())))
                    })
            });
            content_ok && speaker_ok
        });
        if !hit {
            failures.push(g["content"].as_str().unwrap().to_string());
        }
    }
    assert!(failures.is_empty(), "not proposed: {failures:#?}");
}
