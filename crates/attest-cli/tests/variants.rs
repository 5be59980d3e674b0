//! `attest statements variants`: the seed's pull quote and body quote as one group, with
//! the words that differ, as text and as JSON.

use serde_json::Value;

mod common;

use common::{attest, repo, run_ok};

#[test]
fn variants_of_the_seed_pull_quote() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    let seed = repo("../shared/corpus/seed/article.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        eprintln!("no seed at {}: skipped", seed.display());
        return;
    };
    attest(&nb).arg("import").arg(&seed).assert().success();
    run_ok(&nb, &["actors", "add", "Wang Yi"]);
    for word in ["defending", "safeguarding", "Islamabad"] {
        let quote = match word {
            "Islamabad" => "Islamabad finds itself navigating both rising conflict",
            _ => &format!(
                "China stands firmly with Pakistan in {word} its sovereignty and territorial \
                 integrity"
            ),
        };
        let span = attest_core::text::find(&text, quote).unwrap();
        run_ok(
            &nb,
            &[
                "statements",
                "add",
                "--article",
                "1",
                "--speaker",
                "Wang Yi",
                "--content-start",
                &span.start.to_string(),
                "--content-end",
                &span.end.to_string(),
            ],
        );
    }

    let shown = run_ok(&nb, &["statements", "variants"]);
    assert!(shown.starts_with("group 1 (2 statements)\n"), "{shown}");
    assert!(shown.contains("#1  Wang Yi in #1 "), "{shown}");
    assert!(shown.contains("(0.92): “China stands firmly"), "{shown}");
    assert!(shown.contains("[-defending-] {+safeguarding+}"), "{shown}");
    assert!(!shown.contains("Islamabad"), "{shown}");

    let lines: Vec<Value> = run_ok(&nb, &["--json", "statements", "variants", "--article", "1"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["statement_ids"], serde_json::json!([1, 2]));
    let diff = &lines[0]["variants"][1]["diff"];
    assert_eq!(diff[1]["kind"], "removed");
    assert_eq!(diff[1]["text"], "defending");
    assert_eq!(diff[2]["kind"], "added");
    assert_eq!(diff[2]["text"], "safeguarding");

    // An article without variants: nothing; an unknown one: an error.
    attest(&nb)
        .args(["statements", "variants", "--article", "7"])
        .assert()
        .failure();
}
