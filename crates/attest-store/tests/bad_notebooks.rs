//! Files that are not healthy notebooks: each is refused with a sentence a person can
//! act on, and its bytes are the same afterwards.

mod common;

use attest_store::{Notebook, OpenOptions, StoreError, SCHEMA_VERSION};
use common::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Opens `path`, expecting a refusal; checks the file did not change.
fn refused(path: &Path) -> StoreError {
    let before = std::fs::read(path).unwrap();
    let result = std::panic::catch_unwind(|| Notebook::open(path));
    let err = match result {
        Ok(Ok(_)) => panic!("{} opened", path.display()),
        Ok(Err(e)) => e,
        Err(_) => panic!("opening {} panicked", path.display()),
    };
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{} changed: {err}",
        path.display()
    );
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "the message names the file: {err}"
    );
    for side in ["-wal", "-shm"] {
        let p = format!("{}{side}", path.display());
        assert!(!Path::new(&p).exists(), "{p} left behind");
    }
    err
}

/// A real notebook at the current version, with data, in `dir`.
fn real_notebook(dir: &Path) -> std::path::PathBuf {
    copy_fixture(SCHEMA_VERSION, dir, "notes.attest")
}

#[test]
fn a_truncated_notebook_is_damaged_or_not_a_notebook_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::read(real_notebook(dir.path())).unwrap();
    for (name, len) in [
        ("half.attest", full.len() / 2),
        ("hundred.attest", 100),
        ("fifty.attest", 50),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &full[..len]).unwrap();
        let err = refused(&path);
        assert!(
            matches!(
                err,
                StoreError::Damaged { .. } | StoreError::NotANotebook { .. }
            ),
            "{name}: {err:?}"
        );
        assert!(err.to_string().contains("is damaged"), "{name}: {err}");
    }
}

#[test]
fn a_damaged_notebook_names_its_newest_backup_and_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_notebook(dir.path());
    // Opening it once takes the day's snapshot.
    let snapshot = {
        let nb = Notebook::open(&path).unwrap();
        nb.snapshots().unwrap()[0].path.clone()
    };
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle - 2048..middle + 2048].fill(0);
    std::fs::write(&path, &bytes).unwrap();

    let err = refused(&path);
    let StoreError::Damaged {
        newest_snapshot, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(
        newest_snapshot.as_deref(),
        Some(snapshot.display().to_string().as_str())
    );
    let message = err.to_string();
    assert!(message.contains("is damaged"), "{message}");
    assert!(message.contains("Restore from backup"), "{message}");
    assert!(message.contains("attest backup restore"), "{message}");
    assert!(
        message.contains(&snapshot.display().to_string()),
        "{message}"
    );
}

#[test]
fn a_damaged_notebook_without_backups_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_notebook(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle - 2048..middle + 2048].fill(0);
    std::fs::write(&path, &bytes).unwrap();
    let err = refused(&path);
    assert!(
        matches!(
            err,
            StoreError::Damaged {
                newest_snapshot: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("no backup"), "{err}");
    assert!(
        !attest_store::backup_dir(&path).exists(),
        "nothing written beside it"
    );
}

#[test]
fn files_that_are_not_sqlite_are_not_notebooks() {
    let dir = tempfile::tempdir().unwrap();
    // Deterministic noise (xorshift), and a plain text file.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let cases: [(&str, Vec<u8>); 3] = [
        ("noise.attest", noise),
        (
            "letter.attest",
            "Dear reader,\nthis is not a notebook.\n".repeat(50).into(),
        ),
        ("tiny.attest", b"x".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = refused(&path);
        assert!(
            matches!(err, StoreError::NotANotebook { .. }),
            "{name}: {err:?}"
        );
        assert!(
            err.to_string().contains("is not an Attest notebook"),
            "{err}"
        );
    }
}

#[test]
fn a_notebook_from_a_newer_attest_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // A WAL notebook as the app leaves it, and a rollback-journal one (whose journal
    // mode opening must not switch before the version is read).
    for (name, mode) in [("wal.attest", "WAL"), ("delete.attest", "DELETE")] {
        let path = real_notebook(dir.path()).with_file_name(name);
        std::fs::copy(fixture(SCHEMA_VERSION), &path).unwrap();
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.pragma_update(None, "journal_mode", mode).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let err = refused(&path);
        assert!(
            matches!(err, StoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1),
            "{name}: {err:?}"
        );
        assert!(err.to_string().contains("update Attest"), "{err}");
    }
}

#[test]
fn a_read_only_notebook_is_refused_with_a_way_out() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = real_notebook(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let err = refused(&path);
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("is read-only"), "{message}");
    assert!(message.contains("copy it somewhere writable"), "{message}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    Notebook::open(&path).unwrap();
}

const SHORT: Duration = Duration::from_millis(300);

fn open_quickly(path: &Path) -> (Result<Notebook, StoreError>, Duration) {
    let start = Instant::now();
    let result = Notebook::open_with(
        path,
        &OpenOptions {
            busy_timeout: SHORT,
            ..OpenOptions::default()
        },
    );
    (result, start.elapsed())
}

fn assert_busy(result: Result<Notebook, StoreError>, waited: Duration) {
    let err = result.err().expect("busy");
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(err.to_string().contains("the notebook is busy"), "{err}");
    assert!(
        waited >= SHORT,
        "gave up after {waited:?}, before the timeout"
    );
}

#[test]
fn a_notebook_held_exclusively_by_another_connection_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_notebook(dir.path());
    drop(Notebook::open(&path).unwrap()); // As the app leaves it: WAL.

    // Another program holds the file exclusively, in the middle of a write.
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE;
             BEGIN EXCLUSIVE;
             UPDATE dossiers SET title = 'being edited';",
        )
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let (result, waited) = open_quickly(&path);
    assert_busy(result, waited);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn an_old_rollback_journal_notebook_being_written_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_notebook(dir.path());
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    holder
        .execute_batch("BEGIN EXCLUSIVE; UPDATE dossiers SET title = 'being edited';")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let (result, waited) = open_quickly(&path);
    assert_busy(result, waited);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_write_in_progress_elsewhere_does_not_stop_reading_a_wal_notebook() {
    // In WAL mode readers do not wait for a writer: the notebook opens and shows the
    // last committed state; only writing waits, then reports busy.
    let dir = tempfile::tempdir().unwrap();
    let path = real_notebook(dir.path());
    drop(Notebook::open(&path).unwrap());
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .execute_batch("BEGIN EXCLUSIVE; UPDATE dossiers SET title = 'being edited';")
        .unwrap();
    let (result, _) = open_quickly(&path);
    let mut nb = result.unwrap();
    assert_eq!(nb.dossier_detail(1).unwrap().dossier.title, "Trade talks");
    let start = Instant::now();
    let err = nb.create_dossier("New", "").expect_err("busy");
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(start.elapsed() >= SHORT);
    holder.execute_batch("ROLLBACK").unwrap();
}
