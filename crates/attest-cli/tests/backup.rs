//! `attest backup`: snapshots taken, listed, and restored over a damaged notebook.

use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;

use common::{attest, repo};

/// Runs and expects success; returns the JSON lines printed.
fn json(notebook: &Path, args: &[&str]) -> Vec<Value> {
    let out = attest(notebook).arg("--json").args(args).output().unwrap();
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

fn dossier_titles(notebook: &Path) -> Vec<String> {
    json(notebook, &["dossiers", "list"])
        .iter()
        .map(|d| d["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn back_up_damage_restore() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("research.attest");
    json(
        &nb,
        &[
            "import",
            repo("tests/fixtures/corridor.txt").to_str().unwrap(),
        ],
    );
    json(&nb, &["dossiers", "create", "Kept"]);

    let created = json(&nb, &["backup", "create"]);
    let snapshot = PathBuf::from(created[0]["path"].as_str().unwrap());
    assert!(snapshot.is_file());
    assert_eq!(created[0]["reason"], "manual");
    assert!(snapshot.starts_with(dir.path().join("research.attest.backups")));

    let listed = json(&nb, &["backup", "list"]);
    assert_eq!(
        listed[0]["path"], created[0]["path"],
        "newest first: {listed:?}"
    );
    assert!(listed[0]["bytes"].as_u64().unwrap() > 0);
    assert!(listed[0]["created_at"].as_str().unwrap().ends_with('Z'));
    let human = attest(&nb).args(["backup", "list"]).output().unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(human.contains("manual") && human.contains("KB"), "{human}");

    // Work done after the backup, then the file is damaged.
    json(&nb, &["dossiers", "create", "Lost"]);
    assert_eq!(dossier_titles(&nb), ["Kept", "Lost"]);
    assert!(!Path::new(&format!("{}-wal", nb.display())).exists());
    let mut bytes = std::fs::read(&nb).unwrap();
    let len = bytes.len();
    bytes[len / 3..2 * len / 3].fill(0);
    std::fs::write(&nb, &bytes).unwrap();

    let out = attest(&nb).args(["dossiers", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is damaged"), "{err}");
    assert!(
        err.contains(snapshot.to_str().unwrap()),
        "names the newest backup: {err}"
    );
    assert!(err.contains("attest backup restore"), "{err}");
    assert_eq!(
        std::fs::read(&nb).unwrap(),
        bytes,
        "the damaged file is left as it is"
    );

    // The list still works on the damaged notebook; restoring asks for --yes.
    assert_eq!(
        json(&nb, &["backup", "list"])[0]["path"],
        created[0]["path"]
    );
    let name = snapshot.file_name().unwrap().to_str().unwrap();
    let out = attest(&nb)
        .args(["backup", "restore", name])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    assert_eq!(std::fs::read(&nb).unwrap(), bytes);

    let restored = json(&nb, &["backup", "restore", name, "--yes"]);
    let kept = PathBuf::from(restored[0]["kept_aside"].as_str().unwrap());
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        bytes,
        "the damaged file is kept aside"
    );
    assert_eq!(dossier_titles(&nb), ["Kept"]);
    assert_eq!(json(&nb, &["articles"]).len(), 1);

    assert_eq!(json(&nb, &["backup", "keep", "1"])[0]["keep"], 1);
    assert_eq!(json(&nb, &["backup", "list"]).len(), 1);
    let out = attest(&nb).args(["backup", "keep", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn diagnose_reports_a_healthy_and_a_damaged_notebook_without_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let notebook = dir.path().join("n.attest");
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Port Reopens\n\nBy Field Desk\n\nThe harbour master said the port would reopen.\n",
    )
    .unwrap();
    attest(&notebook)
        .arg("import")
        .arg(&article)
        .assert()
        .success();

    let out = attest(&notebook).arg("diagnose").assert().success();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(report.contains("holds: articles 1,"), "{report}");
    assert!(report.contains("quick check: ok"), "{report}");
    assert!(!report.contains("harbour"), "{report}");

    // Damaged: still a report, and a failing exit status.
    let bytes = std::fs::read(&notebook).unwrap();
    std::fs::write(&notebook, &bytes[..bytes.len() / 3]).unwrap();
    let out = attest(&notebook).arg("diagnose").assert().failure();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        report.contains("could not be opened (Notebook)"),
        "{report}"
    );
}

#[test]
fn a_notebook_in_a_synced_folder_gets_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let notebook = dir.path().join("OneDrive - Institute").join("n.attest");
    let out = attest(&notebook).arg("articles").assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("warning: This notebook is in a OneDrive folder"),
        "{stderr}"
    );
}
