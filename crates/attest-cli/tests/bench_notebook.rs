//! `attest bench generate --notebook` and `attest bench lists`, small, on the corpus.

use serde_json::Value;

mod common;

use common::{attest, repo, run_ok};

fn json(line: &str) -> Value {
    serde_json::from_str(line).unwrap()
}

#[test]
fn generates_a_notebook_that_reads_like_an_imported_one_and_times_its_lists() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("bench.attest");
    let from = repo("../shared/corpus/polnear-train/text");
    let from = from.to_str().unwrap();
    let out = run_ok(
        &nb,
        &[
            "--json",
            "bench",
            "generate",
            "--from",
            from,
            "--articles",
            "40",
        ],
    );
    let figures = json(out.lines().last().unwrap());
    assert_eq!(figures["articles"], 41, "{figures}");
    assert!(figures["statements"].as_u64().unwrap() > 20, "{figures}");
    assert!(figures["accepted"].as_u64().unwrap() > 0, "{figures}");
    assert!(figures["actors"].as_u64().unwrap() > 150, "{figures}");
    assert!(
        figures["long_article_words"].as_u64().unwrap() >= 20_000,
        "{figures}"
    );
    assert_eq!(figures["long_article_highlights"], 1000);
    assert!(figures["bytes"].as_u64().unwrap() > 0);

    // Articles as import stores them: listed, searchable, with statements.
    let listed = run_ok(&nb, &["--json", "articles"]);
    assert_eq!(listed.lines().count(), 41);
    let long_id = figures["long_article_id"].as_i64().unwrap();
    let long = listed
        .lines()
        .map(json)
        .find(|a| a["id"] == long_id)
        .unwrap();
    assert_eq!(
        long["display_title"],
        "Long read: a year of statements, annotated"
    );
    // Indexed for full-text search (the long article has every common word).
    let found = run_ok(&nb, &["--json", "search", "said"]);
    assert!(found.contains(&format!("{long_id}")), "{found}");

    // Generating into a notebook with data is refused, the notebook untouched.
    let before = std::fs::read(&nb).unwrap().len();
    let out = attest(&nb)
        .args(["bench", "generate", "--from", from, "--articles", "5"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("exists already: give a new notebook file")
    );
    assert_eq!(std::fs::read(&nb).unwrap().len(), before);

    let timed = run_ok(&nb, &["--json", "bench", "lists", "--runs", "3"]);
    let figures: Vec<Value> = timed.lines().map(json).collect();
    // Four article queries, the position, five sorts of statements twice (all and
    // accepted), each after a sort change and scrolled.
    assert_eq!(figures.len(), 4 + 1 + 5 * 2 * 2, "{timed}");
    for f in &figures {
        assert!(
            f["p95_ms"].as_f64().unwrap() >= f["p50_ms"].as_f64().unwrap(),
            "{f}"
        );
    }
}
