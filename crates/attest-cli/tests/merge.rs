//! `attest merge`: the plan, a merge refused until a conflicting actor is decided, then
//! the merge — with the other notebook left as it was.

use serde_json::Value;
use std::path::Path;

mod common;

use common::{attest, repo};

const QUOTE: &str = "We will not let paperwork stand between our farmers and their markets";

/// Runs and expects success; returns standard output.
fn ok(notebook: &Path, args: &[&str]) -> String {
    let out = attest(notebook).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(notebook: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    ok(notebook, &all)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The code-point span of `needle` in the stored text of `article`.
fn span(notebook: &Path, article: i64, needle: &str) -> (String, String) {
    let conn =
        rusqlite::Connection::open_with_flags(notebook, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let text: String = conn
        .query_row("SELECT text FROM articles WHERE id = ?1", [article], |r| {
            r.get(0)
        })
        .unwrap();
    let s = attest_core::text::find(&text, needle).unwrap();
    (s.start.to_string(), s.end.to_string())
}

fn article_count(notebook: &Path) -> usize {
    json(notebook, &["articles"]).len()
}

#[test]
fn dry_run_then_a_refused_conflict_then_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let corridor = repo("tests/fixtures/corridor.txt");
    let budget = repo("tests/fixtures/budget-note.md");

    // The colleague's notebook: both articles, two actors, a statement, a dossier.
    let theirs = dir.path().join("colleague.attest");
    let imported = json(
        &theirs,
        &[
            "import",
            budget.to_str().unwrap(),
            corridor.to_str().unwrap(),
        ],
    );
    let corridor_id = imported[1]["outcome"]["article_id"].as_i64().unwrap();
    ok(
        &theirs,
        &["actors", "add", "Aydın", "--alias", "the minister"],
    );
    ok(&theirs, &["actors", "add", "Jonas Weber"]);
    let (start, end) = span(&theirs, corridor_id, QUOTE);
    let statement = json(
        &theirs,
        &[
            "statements",
            "add",
            "--article",
            &corridor_id.to_string(),
            "--speaker",
            "Aydın",
            "--content-start",
            &start,
            "--content-end",
            &end,
        ],
    );
    let statement_id = statement[0]["id"].as_i64().unwrap().to_string();
    ok(&theirs, &["dossiers", "create", "Promises"]);
    ok(&theirs, &["dossiers", "add", "Promises", &statement_id]);
    let before = std::fs::read(&theirs).unwrap();

    // Ours: the corridor article and the minister under her full name.
    let mine = dir.path().join("mine.attest");
    ok(&mine, &["import", corridor.to_str().unwrap()]);
    ok(&mine, &["actors", "add", "Selin Aydın", "--alias", "Aydın"]);
    let other = theirs.to_str().unwrap();

    let plan = ok(&mine, &["merge", other, "--dry-run"]);
    assert!(plan.contains("articles: 1 new, 1 already here"), "{plan}");
    assert!(
        plan.contains("Aydın [person]: needs a decision: may be #1 Selin Aydın [person]"),
        "{plan}"
    );
    assert!(plan.contains("Jonas Weber [person]: new"), "{plan}");
    let plan = json(&mine, &["merge", other, "--dry-run"]);
    assert_eq!(plan[0]["articles_new"], 1);
    assert_eq!(plan[0]["actors"][0]["name"], "Aydın");
    assert_eq!(plan[0]["actors"][0]["proposal"]["type"], "conflict");
    let decided = ok(
        &mine,
        &["merge", other, "--dry-run", "--same", "Aydın=Selin Aydın"],
    );
    assert!(
        decided.contains("→ decided: same as #1 Selin Aydın"),
        "{decided}"
    );
    assert_eq!(article_count(&mine), 1, "a dry run changes nothing");

    // Undecided: refused, with the flags that answer it.
    let out = attest(&mine).args(["merge", other]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 actor of"), "{err}");
    assert!(err.contains("--same \"Aydın=Selin Aydın\""), "{err}");
    assert!(err.contains("--separate \"Aydın\""), "{err}");
    assert_eq!(article_count(&mine), 1, "nothing merged");

    // A name neither notebook has is a usage error.
    let out = attest(&mine)
        .args(["merge", other, "--same", "Nobody=Selin Aydın"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no actor named “Nobody”"));

    // Decided: merged, and the report says where the backup is.
    let done = ok(&mine, &["merge", other, "--same", "Aydın=Selin Aydın"]);
    assert!(done.contains("articles: 1 added, 1 already here"), "{done}");
    assert!(
        done.contains("actors: 1 added, 1 matched to ours"),
        "{done}"
    );
    assert!(
        done.contains("statements: 1 added, 0 already here"),
        "{done}"
    );
    assert!(done.contains("backed up at"), "{done}");
    assert_eq!(article_count(&mine), 2);
    let said = json(&mine, &["statements", "list", "--speaker", "Selin Aydın"]);
    assert_eq!(said.len(), 1);
    let quote = said[0]["content"][0]["exact"].as_str().unwrap();
    assert_eq!(quote, QUOTE);
    let dossiers = json(&mine, &["dossiers", "list"]);
    assert_eq!(dossiers[0]["title"], "Promises");
    assert_eq!(dossiers[0]["item_count"], 1);
    assert_eq!(
        std::fs::read(&theirs).unwrap(),
        before,
        "theirs is untouched"
    );

    // Again: nothing new.
    let again = json(&mine, &["merge", other, "--same", "Aydın=Selin Aydın"]);
    assert_eq!(again[0]["articles_added"], 0);
    assert_eq!(again[0]["statements_added"], 0);
    assert_eq!(again[0]["statements_skipped"], 1);
    assert_eq!(again[0]["dossiers_skipped"], 1);
    assert!(again[0]["snapshot"]["path"].is_string());
}
