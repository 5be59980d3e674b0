//! `attest search` with filters, as text and JSON; a malformed query's message; and
//! `attest bench search` on a small notebook.

use serde_json::Value;

mod common;

use common::{attest, run_ok};

const SAO_PAULO: &str = "---\ntitle: Talks in Brazil\noutlet: Folha\ndate: 2026-03-04\n---\n\n\
    Officials met on Monday in the capital.\n\nThe delegation then flew to São Paulo, where \
    Wang Yi said the tariffs would be lifted within weeks.\n";
const GENEVA: &str = "---\ntitle: Geneva round\noutlet: Reuters\ndate: 2026-05-10\n---\n\n\
    Negotiators gathered in Geneva. The tariffs stayed in place, a spokesman said, and the \
    next round was set for June.\n";

fn notebook() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    for (name, text) in [("brazil.md", SAO_PAULO), ("geneva.md", GENEVA)] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        run_ok(&nb, &["import", path.to_str().unwrap()]);
    }
    (dir, nb)
}

#[test]
fn search_prints_hits_with_filters_as_text_and_json() {
    let (_dir, nb) = notebook();
    let out = run_ok(&nb, &["search", "Sao Paulo"]);
    assert!(
        out.contains("article #1 “Talks in Brazil” (Folha, 2026-03-04)"),
        "{out}"
    );
    assert!(
        out.contains("[São] [Paulo]") || out.contains("[São Paulo]"),
        "{out}"
    );
    assert!(out.ends_with("1 hits; 1–1 shown\n"), "{out}");

    // JSON: one object; the span is the match in the stored text.
    let out = run_ok(&nb, &["--json", "search", "tariffs"]);
    let r: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(r["total"], 2);
    let article = run_ok(&nb, &["--json", "articles"]);
    let texts: Vec<Value> = article
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(texts.len(), 2);
    for hit in r["hits"].as_array().unwrap() {
        assert_eq!(hit["kind"], "article");
        let parts = hit["snippet"].as_array().unwrap();
        let marked: Vec<&str> = parts
            .iter()
            .filter(|p| p["matched"] == true)
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        assert_eq!(marked, ["tariffs"]);
        let (start, end) = (hit["span"]["start"].as_u64(), hit["span"]["end"].as_u64());
        assert_eq!(end.unwrap() - start.unwrap(), "tariffs".len() as u64);
    }

    // Filters: outlet, dates, and an actor by name (statements they made).
    let out = run_ok(&nb, &["--json", "search", "tariffs", "--outlet", "reuters"]);
    let r: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(r["total"], 1);
    assert_eq!(r["hits"][0]["article_title"], "Geneva round");
    let out = run_ok(&nb, &["--json", "search", "tariffs", "--to", "2026-04"]);
    let r: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(r["total"], 1);
    assert_eq!(r["hits"][0]["article_title"], "Talks in Brazil");

    run_ok(&nb, &["actors", "add", "Wang Yi"]);
    let text = run_ok(&nb, &["--json", "articles"]);
    let brazil: Value = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|a| a["display_title"] == "Talks in Brazil")
        .unwrap();
    let id = brazil["id"].to_string();
    // The content span, in code points of the stored text.
    let stored = run_ok(&nb, &["--json", "search", "\"would be lifted\""]);
    let r: Value = serde_json::from_str(stored.trim()).unwrap();
    let start = r["hits"][0]["span"]["start"].as_u64().unwrap();
    let end = r["hits"][0]["span"]["end"].as_u64().unwrap();
    run_ok(
        &nb,
        &[
            "statements",
            "add",
            "--article",
            &id,
            "--speaker",
            "Wang Yi",
            "--content-start",
            &start.to_string(),
            "--content-end",
            &end.to_string(),
        ],
    );
    let out = run_ok(
        &nb,
        &[
            "search",
            "lifted",
            "--actor",
            "Wang Yi",
            "--hits",
            "statement",
        ],
    );
    assert!(out.starts_with("statement #1 in #"), "{out}");
    assert!(out.contains("[lifted]"), "{out}");
    let out = run_ok(&nb, &["--json", "search", "lifted", "--kind", "indirect"]);
    let r: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(r["total"], 0, "the statement is direct: {out}");
}

#[test]
fn a_malformed_query_says_what_to_fix() {
    let (_dir, nb) = notebook();
    let out = attest(&nb)
        .args(["search", "\"trade war"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a quotation mark is not closed"), "{err}");
    let out = attest(&nb).args(["search", "trade OR"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("OR needs a word on both sides"), "{err}");
    // Punctuation typed in a word is no error.
    run_ok(&nb, &["search", "U.S. COVID-19 don't"]);
}

#[test]
fn bench_search_reports_percentiles() {
    let (_dir, nb) = notebook();
    let out = run_ok(&nb, &["--json", "bench", "search", "--queries", "30"]);
    let figures: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(figures["queries"], 30);
    assert_eq!(figures["articles"], 2);
    let (p50, p95, max) = (
        figures["p50_ms"].as_f64().unwrap(),
        figures["p95_ms"].as_f64().unwrap(),
        figures["max_ms"].as_f64().unwrap(),
    );
    assert!(0.0 < p50 && p50 <= p95 && p95 <= max, "{figures}");
}
