//! `attest trash …`: delete into the trash, list, restore, empty, as a script would.

use serde_json::Value;

mod common;

use common::{attest, repo};

fn run(nb: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let out = attest(nb).arg("--json").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn delete_list_restore_and_empty() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    attest(&nb)
        .arg("import")
        .arg(repo("tests/fixtures/corridor.txt"))
        .assert()
        .success();
    let article = run(&nb, &["articles"])[0]["id"].as_i64().unwrap();
    let id = article.to_string();
    let entry = &run(&nb, &["trash", "delete", "article", &id])[0];
    assert_eq!(entry["kind"], "article");
    assert!(run(&nb, &["articles"]).is_empty());
    let listed = run(&nb, &["trash", "list"]);
    assert_eq!(listed.len(), 1);
    let trash_id = listed[0]["id"].as_i64().unwrap().to_string();
    run(&nb, &["trash", "restore", &trash_id]);
    assert_eq!(run(&nb, &["articles"])[0]["id"].as_i64(), Some(article));
    assert!(run(&nb, &["trash", "list"]).is_empty());
    // Restored whole: searchable again.
    assert!(!run(&nb, &["search", "paperwork"]).is_empty());

    run(&nb, &["trash", "delete", "article", &id]);
    assert_eq!(run(&nb, &["trash", "empty"])[0]["deleted"], 1);
    let out = attest(&nb)
        .args(["trash", "restore", &trash_id])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no trash entry"));
    let out = attest(&nb)
        .args(["trash", "delete", "note", "1"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("not something the trash holds"));
}
