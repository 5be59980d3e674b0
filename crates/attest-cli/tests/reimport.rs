//! `attest reimport`, `attest anchors` and `attest tags` on a real notebook: a corrected
//! file replaces an article's text, the statement follows its quote, the highlight whose
//! sentence is gone is listed for review and resolved; tags are made, set and listed.

use serde_json::Value;

mod common;

use common::{attest, run_ok};

const OLD: &str = "Officials met in Islamabad on Monday.\n\n\
“China stands firmly with Pakistan,” Wang Yi said after the talks.\n\n\
Analysts doubted the timetable.\n";

const NEW: &str = "ISLAMABAD (Staff) — Officials met in Islamabad on Monday.\n\n\
“China stands firmly with Pakistan,” Wang Yi said after the talks.\n";

/// Article 1's text as stored.
fn stored_text(nb: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(nb).unwrap();
    conn.query_row("SELECT text FROM articles WHERE id = 1", [], |r| r.get(0))
        .unwrap()
}

/// A highlight as the app makes one (the CLI has no verb for highlights).
fn highlight(nb: &std::path::Path, needle: &str, note: &str) {
    let text = stored_text(nb);
    let conn = rusqlite::Connection::open(nb).unwrap();
    let a =
        attest_core::text::anchor(&text, attest_core::text::find(&text, needle).unwrap()).unwrap();
    conn.execute(
        "INSERT INTO annotations (article_id, start, end, exact, prefix, suffix, note)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![a.start, a.end, a.exact, a.prefix, a.suffix, note],
    )
    .unwrap();
}

#[test]
fn a_corrected_file_replaces_the_text_and_the_lost_highlight_is_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    let old = dir.path().join("talks.txt");
    std::fs::write(&old, OLD).unwrap();
    run_ok(&nb, &["import", old.to_str().unwrap()]);
    run_ok(&nb, &["actors", "add", "Wang Yi"]);
    let text = stored_text(&nb);
    let quote = attest_core::text::find(&text, "China stands firmly with Pakistan").unwrap();
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
            &quote.start.to_string(),
            "--content-end",
            &quote.end.to_string(),
        ],
    );
    highlight(&nb, "Analysts doubted the timetable.", "sceptics");

    let new = dir.path().join("talks-corrected.txt");
    std::fs::write(&new, NEW).unwrap();
    let shown = run_ok(&nb, &["reimport", "1", new.to_str().unwrap()]);
    assert!(
        shown.contains("0 anchors kept, 1 moved, 1 needs review"),
        "{shown}"
    );
    assert!(shown.contains("annotation:1"), "{shown}");
    assert!(
        shown.contains("was:      “Analysts doubted the timetable.”"),
        "{shown}"
    );

    // The statement's quote moved with the text.
    let statements = run_ok(&nb, &["--json", "statements", "list"]);
    let s: Value = serde_json::from_str(statements.lines().next().unwrap()).unwrap();
    let new_quote = attest_core::text::find(&stored_text(&nb), "China stands firmly").unwrap();
    assert_eq!(s["content"][0]["start"], new_quote.start, "{s}");
    assert_eq!(s["anchor_status"], "moved");

    // Listed for review, as text and as JSON.
    let listed = run_ok(&nb, &["--json", "anchors", "--article", "1"]);
    let lines: Vec<Value> = listed
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{listed}");
    assert_eq!(lines[0]["target"]["kind"], "annotation");
    assert_eq!(lines[0]["label"], "sceptics");
    assert_eq!(
        lines[0]["anchor"]["exact"],
        "Analysts doubted the timetable."
    );

    // The analyst puts it on "ISLAMABAD".
    run_ok(&nb, &["anchors", "resolve", "annotation:1", "--at", "0..9"]);
    assert_eq!(run_ok(&nb, &["anchors"]), "");
    let conn = rusqlite::Connection::open(&nb).unwrap();
    let (exact, status): (String, String) = conn
        .query_row(
            "SELECT exact, anchor_status FROM annotations WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((exact.as_str(), status.as_str()), ("ISLAMABAD", "ok"));

    // Mistakes read as sentences.
    let out = attest(&nb)
        .args(["reimport", "1"])
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.txt"), "{err}");
    let out = attest(&nb)
        .args(["anchors", "resolve", "note:1"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("names no anchor"));
}

#[test]
fn tags_are_created_set_renamed_and_listed_as_a_tree() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    let old = dir.path().join("talks.txt");
    std::fs::write(&old, OLD).unwrap();
    run_ok(&nb, &["import", old.to_str().unwrap()]);
    highlight(&nb, "Analysts doubted", "");

    run_ok(
        &nb,
        &["tags", "create", "Economy/Trade", "--colour", "#C0392B"],
    );
    let set = run_ok(
        &nb,
        &["tags", "set", "1", "Economy/Trade", "Security/Border"],
    );
    assert_eq!(set.trim(), "highlight #1: Economy/Trade, Security/Border");
    let listed = run_ok(&nb, &["tags", "list"]);
    assert_eq!(
        listed,
        "Economy  (0 highlights)\n  Trade  (1 highlights) #c0392b\n\
         Security  (0 highlights)\n  Border  (1 highlights)\n"
    );
    run_ok(&nb, &["tags", "rename", "economy", "Policy/Economy"]);
    let json = run_ok(&nb, &["--json", "tags", "list"]);
    let paths: Vec<String> = json
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["tag"]["path"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        paths,
        [
            "Policy",
            "Policy/Economy",
            "Policy/Economy/Trade",
            "Security",
            "Security/Border"
        ]
    );
    run_ok(&nb, &["tags", "delete", "Security"]);
    let out = attest(&nb)
        .args(["tags", "colour", "Policy", "blue"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a colour"));
    let set = run_ok(&nb, &["tags", "set", "1"]);
    assert_eq!(set.trim(), "highlight #1:");
}
