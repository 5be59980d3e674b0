//! Snapshots: taken whole, listed newest first, rotated, restored without losing the
//! notebook they replace.

mod common;

use attest_store::{
    backup_dir, list_snapshots, restore_snapshot, Notebook, SnapshotReason, StoreError,
    DEFAULT_BACKUP_KEEP, SCHEMA_VERSION,
};
use common::*;

fn notebook_with_data() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(SCHEMA_VERSION, dir.path(), "my notes.attest");
    (dir, path)
}

#[test]
fn a_snapshot_is_a_whole_standalone_copy_beside_the_notebook() {
    let (_dir, path) = notebook_with_data();
    let mut nb = Notebook::open(&path).unwrap();
    nb.create_dossier("After the open snapshot", "").unwrap();
    let snap = nb.create_snapshot(SnapshotReason::Manual).unwrap();

    assert_eq!(snap.path.parent().unwrap(), backup_dir(&path));
    assert!(backup_dir(&path).ends_with("my notes.attest.backups"));
    let name = snap.path.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with("my notes-")
            && (name.ends_with("-manual.attest") || name.ends_with("-manual-2.attest")),
        "{name}"
    );
    assert_eq!(snap.created_at.len(), "2026-05-01T10:00:00Z".len());
    assert_eq!(snap.bytes, std::fs::metadata(&snap.path).unwrap().len());
    assert_eq!(snap.reason, SnapshotReason::Manual);

    // It holds what the notebook held, WAL content included, and stands alone.
    assert_healthy(&snap.path);
    let titles: Vec<String> = read_only(&snap.path)
        .prepare("SELECT title FROM dossiers ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(titles, ["Trade talks", "After the open snapshot"]);
    let mode: String = read_only(&snap.path)
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    // Only finished snapshots in the folder: no partial file, no -wal or -shm.
    let mut files: Vec<String> = std::fs::read_dir(backup_dir(&path))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().all(|f| f.ends_with(".attest")), "{files:?}");
}

#[test]
fn snapshots_are_listed_newest_first_and_rotated() {
    let (_dir, path) = notebook_with_data();
    let mut nb = Notebook::open(&path).unwrap();
    nb.set_backup_keep(3).unwrap();
    let mut taken = vec![];
    for reason in [
        SnapshotReason::Manual,
        SnapshotReason::Merge,
        SnapshotReason::BulkDelete,
        SnapshotReason::Manual,
        SnapshotReason::Manual,
    ] {
        taken.push(nb.create_snapshot(reason).unwrap());
    }
    let listed = nb.snapshots().unwrap();
    // Several in one second are told apart and ordered by a counter.
    assert_eq!(
        listed.iter().map(|s| &s.path).collect::<Vec<_>>(),
        taken
            .iter()
            .rev()
            .take(3)
            .map(|s| &s.path)
            .collect::<Vec<_>>()
    );
    assert_eq!(list_snapshots(&path).unwrap(), listed);
    assert_eq!(nb.backup_keep().unwrap(), 3);

    nb.set_backup_keep(1).unwrap();
    assert_eq!(nb.snapshots().unwrap(), listed[..1]);
    let err = nb.set_backup_keep(0).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");

    // Files that are not this notebook's snapshots are never deleted.
    let stranger = backup_dir(&path).join("keep me.attest");
    std::fs::write(&stranger, b"mine").unwrap();
    nb.create_snapshot(SnapshotReason::Manual).unwrap();
    assert!(stranger.exists());
    assert_eq!(nb.snapshots().unwrap().len(), 1);
}

#[test]
fn the_open_snapshot_is_daily_and_only_for_notebooks_with_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.attest");
    drop(Notebook::open(&path).unwrap());
    drop(Notebook::open(&path).unwrap());
    assert!(
        !backup_dir(&path).exists(),
        "an empty notebook is not backed up"
    );

    let mut nb = Notebook::open(&path).unwrap();
    assert_eq!(nb.backup_keep().unwrap(), DEFAULT_BACKUP_KEEP);
    nb.create_dossier("Something", "").unwrap();
    drop(nb);
    drop(Notebook::open(&path).unwrap());
    drop(Notebook::open(&path).unwrap());
    let snaps = list_snapshots(&path).unwrap();
    assert_eq!(snaps.len(), 1, "{snaps:?}");
    assert_eq!(snaps[0].reason, SnapshotReason::Open);
}

#[test]
fn restoring_puts_the_snapshot_back_and_keeps_the_replaced_notebook() {
    let (dir, path) = notebook_with_data();
    let snap = {
        let mut nb = Notebook::open(&path).unwrap();
        let snap = nb.create_snapshot(SnapshotReason::Manual).unwrap();
        nb.create_dossier("Written after the snapshot", "").unwrap();
        snap
    };
    let replaced_dump = dump(&path);

    let kept = restore_snapshot(&snap.path, &path).unwrap().unwrap();
    assert!(kept
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("my notes.attest.replaced-"));
    assert_eq!(
        dump(&kept),
        replaced_dump,
        "the replaced notebook is kept whole"
    );
    assert_eq!(dump(&path), dump(&snap.path));
    assert!(snap.path.exists(), "the snapshot stays");
    // No temporary file left behind.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.contains("restoring"), "{name}");
    }

    let nb = Notebook::open(&path).unwrap();
    let titles: Vec<String> = nb
        .dossiers()
        .unwrap()
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles, ["Trade talks"]);
    drop(nb);
    assert_healthy(&path);

    // Restoring again keeps the second replaced file too.
    let kept_again = restore_snapshot(&snap.path, &path).unwrap().unwrap();
    assert_ne!(kept_again, kept);
    assert!(kept.exists() && kept_again.exists());

    // A lost notebook can be restored too.
    std::fs::remove_file(&path).unwrap();
    assert_eq!(restore_snapshot(&snap.path, &path).unwrap(), None);
    assert_eq!(dump(&path), dump(&snap.path));
}

#[test]
fn a_bad_snapshot_is_not_restored_and_the_notebook_is_untouched() {
    let (dir, path) = notebook_with_data();
    drop(Notebook::open(&path).unwrap());
    let before = std::fs::read(&path).unwrap();

    let damaged = dir.path().join("damaged.attest");
    let mut bytes = std::fs::read(fixture(SCHEMA_VERSION)).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle - 2048..middle + 2048].fill(0);
    std::fs::write(&damaged, bytes).unwrap();
    let text = dir.path().join("text.attest");
    std::fs::write(&text, "not a database at all, just words ".repeat(40)).unwrap();
    let missing = dir.path().join("missing.attest");

    for bad in [&damaged, &text, &missing] {
        let err = restore_snapshot(bad, &path).unwrap_err();
        assert!(
            err.to_string().contains(&bad.display().to_string()),
            "names the backup: {err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("replaced") || n.contains("restoring")),
        "{names:?}"
    );
}

#[test]
fn a_half_written_snapshot_left_by_a_crash_is_cleared_by_the_next_one() {
    let (_dir, path) = notebook_with_data();
    let nb = Notebook::open(&path).unwrap();
    let dir = backup_dir(&path);
    let stale = dir.join(".my notes-20260101T000000Z-open.attest.partial");
    let fresh = dir.join(".my notes-20260101T000001Z-open.attest.partial");
    for file in [&stale, &fresh] {
        std::fs::write(file, b"half a copy").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    nb.create_snapshot(SnapshotReason::Manual).unwrap();
    assert!(!stale.exists(), "an abandoned copy is deleted");
    assert!(
        fresh.exists(),
        "a copy someone may be making now is left alone"
    );
}
