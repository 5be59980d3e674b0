//! Snapshots of a notebook, and putting one back.
//!
//! Snapshots live next to the notebook in `<notebook file name>.backups/`, one
//! self-contained SQLite file each, named `<stem>-<UTC YYYYMMDDTHHMMSSZ>-<reason>.attest`
//! (`-2`, `-3`… appended when two are taken in the same second for the same reason).
//!
//! Invariants:
//! - A snapshot is written with SQLite's online backup API under a hidden temporary
//!   name, checked (`PRAGMA quick_check`), synced, then renamed: a file with a
//!   snapshot's name is always complete. A copy that fails (a full disk) is deleted
//!   at once, and the error names the snapshot that could not be written.
//! - Restoring never deletes anything: the notebook it replaces (with its `-wal` and
//!   `-shm`) is renamed to `<notebook>.replaced-<timestamp>`.
//! - Rotation deletes only files whose names parse as this notebook's snapshots.

use crate::{Notebook, Result, StoreError};
pub use attest_core::{Snapshot, SnapshotReason};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How many snapshots a notebook keeps unless its `backup_keep` setting says otherwise.
pub const DEFAULT_BACKUP_KEEP: usize = 10;
const KEEP_KEY: &str = "backup_keep";
const EXTENSION: &str = "attest";

/// The folder holding `notebook`'s snapshots: `<notebook file name>.backups` beside it.
pub fn backup_dir(notebook: &Path) -> PathBuf {
    let mut name = notebook
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "notebook".into());
    name.push(".backups");
    notebook.with_file_name(name)
}

/// The notebook's snapshots, newest first (none when the folder does not exist). Works
/// without opening the notebook, so a damaged one can still list its backups.
pub fn list_snapshots(notebook: &Path) -> Result<Vec<Snapshot>> {
    Ok(scan(notebook)?.into_iter().map(|(_, s)| s).collect())
}

/// The snapshots with their parsed names, newest first.
fn scan(notebook: &Path) -> Result<Vec<(Name, Snapshot)>> {
    let dir = backup_dir(notebook);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(io(format!("cannot read {}", dir.display()), e)),
    };
    let stem = stem(notebook);
    let mut found: Vec<(Name, Snapshot)> = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(name) = file_name.to_str().and_then(|n| Name::parse(&stem, n)) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        found.push((
            name.clone(),
            Snapshot {
                path: entry.path(),
                created_at: name.iso(),
                reason: name.reason,
                bytes: meta.len(),
            },
        ));
    }
    found.sort_by(|(a, _), (b, _)| (&b.stamp, b.seq).cmp(&(&a.stamp, a.seq)));
    Ok(found)
}

impl Notebook {
    /// Takes a snapshot now, then deletes the oldest beyond the notebook's `backup_keep`.
    pub fn create_snapshot(&self, reason: SnapshotReason) -> Result<Snapshot> {
        let snapshot = snapshot_of(&self.conn, &self.path, reason)?;
        rotate(&self.path, self.backup_keep()?)?;
        Ok(snapshot)
    }

    /// This notebook's snapshots, newest first.
    pub fn snapshots(&self) -> Result<Vec<Snapshot>> {
        list_snapshots(&self.path)
    }

    /// How many snapshots are kept.
    pub fn backup_keep(&self) -> Result<usize> {
        Ok(keep_setting(&self.conn))
    }

    /// Sets how many snapshots are kept (at least 1) and deletes the extra ones now.
    pub fn set_backup_keep(&mut self, keep: usize) -> Result<()> {
        if keep == 0 {
            return Err(StoreError::Invalid(
                "keep at least one backup (the newest is the one that saves you)".into(),
            ));
        }
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            rusqlite::params![KEEP_KEY, keep.to_string()],
        )?;
        rotate(&self.path, keep)?;
        Ok(())
    }

    /// Takes the day's `open` snapshot unless one was taken today (UTC), the notebook
    /// is empty, or the disk has too little room for it (see [`room_for_daily_copy`]).
    /// `open` does this unless told not to (`OpenOptions::daily_snapshot`); the app
    /// calls it on a second connection in the background instead, so a large notebook
    /// opens at once (WAL lets the copy read while the window writes).
    pub fn daily_snapshot(&self) -> Result<Option<Snapshot>> {
        let has_data: bool = self.conn.query_row(crate::HAS_DATA, [], |r| r.get(0))?;
        if !has_data || !room_for_daily_copy(&self.path) {
            return Ok(None);
        }
        let today = &Stamp::now().compact[..8];
        let taken_today = list_snapshots(&self.path)?.iter().any(|s| {
            s.reason == SnapshotReason::Open && s.created_at.replace('-', "").starts_with(today)
        });
        if taken_today {
            return Ok(None);
        }
        self.create_snapshot(SnapshotReason::Open).map(Some)
    }
}

/// Whether the disk holding `notebook` would still have as much free space as the
/// notebook takes once a copy of it is written. A day's snapshot must not take the room
/// the notebook needs to go on working: on a full disk every change is refused, so
/// space freed after a full disk would otherwise go to the next day's copy. (Backups
/// asked for, and the one before an upgrade, are attempted whatever the room.) Free
/// space that cannot be learned counts as room.
fn room_for_daily_copy(notebook: &Path) -> bool {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let bytes = size(notebook) + size(&sibling(notebook, "-wal"));
    let dir = match notebook.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    available_space(dir).is_none_or(|free| free >= bytes.saturating_mul(2))
}

/// Bytes an unprivileged program can still write on the file system holding `dir`.
#[cfg(unix)]
fn available_space(dir: &Path) -> Option<u64> {
    let fs = rustix::fs::statvfs(dir).ok()?;
    Some(fs.f_bavail.saturating_mul(fs.f_frsize))
}

#[cfg(not(unix))]
fn available_space(_dir: &Path) -> Option<u64> {
    None
}

/// The `backup_keep` setting; the default when unset, unreadable or the notebook
/// predates settings.
pub(crate) fn keep_setting(conn: &Connection) -> usize {
    conn.query_row(
        "SELECT value FROM settings WHERE key = ?1",
        [KEEP_KEY],
        |r| r.get::<_, String>(0),
    )
    .ok()
    .and_then(|v| v.trim().parse().ok())
    .filter(|&n: &usize| n > 0)
    .unwrap_or(DEFAULT_BACKUP_KEEP)
}

/// Writes a snapshot of the database `conn` reads (the notebook at `notebook`).
pub(crate) fn snapshot_of(
    conn: &Connection,
    notebook: &Path,
    reason: SnapshotReason,
) -> Result<Snapshot> {
    let dir = backup_dir(notebook);
    std::fs::create_dir_all(&dir).map_err(|e| {
        io(
            format!("cannot create the backup folder {}", dir.display()),
            e,
        )
    })?;
    remove_abandoned_partials(&dir);
    let stamp = Stamp::now();
    let stem = stem(notebook);
    // Numbered within the second whatever the reason, so names sort in the order taken.
    let first_free = scan(notebook)?
        .iter()
        .filter(|(n, _)| n.stamp == stamp.compact)
        .map(|(n, _)| n.seq + 1)
        .max()
        .unwrap_or(1);
    // Bounded: a folder with this many snapshots in one second is not ours to fill.
    let (name, path) = (first_free..first_free.saturating_add(10_000))
        .map(|seq| {
            let name = Name {
                stamp: stamp.compact.clone(),
                reason,
                seq,
            };
            let path = dir.join(name.file_name(&stem));
            (name, path)
        })
        .find(|(_, p)| !p.exists())
        .ok_or_else(|| {
            StoreError::Invalid(format!(
                "no free snapshot name is left in {}",
                dir.display()
            ))
        })?;
    let tmp = dir.join(format!(
        ".{}.partial",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    let written = copy_database(conn, &tmp).and_then(|()| {
        rename_durably(&tmp, &path).map_err(|e| io(format!("cannot write {}", path.display()), e))
    });
    if let Err(e) = written {
        remove_partial(&tmp);
        return Err(disk_full_named(
            e,
            format!("cannot write the backup {}", path.display()),
        ));
    }
    let bytes = std::fs::metadata(&path)
        .map_err(|e| io(format!("cannot read {}", path.display()), e))?
        .len();
    Ok(Snapshot {
        path,
        created_at: name.iso(),
        reason,
        bytes,
    })
}

/// Deletes the half-written copy at `tmp` and the rollback journal SQLite may have left
/// beside it.
fn remove_partial(tmp: &Path) {
    let _ = std::fs::remove_file(tmp);
    let _ = std::fs::remove_file(sibling(tmp, "-journal"));
}

/// SQLite's "the disk is full" as an I/O error with `context` (what could not be
/// written), which says so in words; other errors as they are.
fn disk_full_named(e: StoreError, context: String) -> StoreError {
    match e {
        StoreError::DiskFull => io(context, std::io::ErrorKind::StorageFull.into()),
        e => e,
    }
}

/// Deletes half-written snapshots left by a process killed while copying (older than
/// ten minutes, so a copy another process is making right now is left alone).
fn remove_abandoned_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let partial = name.starts_with('.')
            && (name.ends_with(".partial") || name.ends_with(".partial-journal"));
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(600));
        if partial && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Copies the database `from` reads into a new rollback-journal file at `to` (replaced
/// if present), checks the copy and syncs it to disk.
fn copy_database(from: &Connection, to: &Path) -> Result<()> {
    match std::fs::remove_file(to) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(io(format!("cannot replace {}", to.display()), e))
        }
        _ => {}
    }
    {
        let mut dst = Connection::open(to)?;
        {
            let backup = Backup::new(from, &mut dst)?;
            // All pages in one step: a consistent copy even while others write. Busy or
            // locked only when another connection holds the source exclusively.
            let mut waits = 0;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ if waits < 100 => {
                        waits += 1;
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    _ => return Err(StoreError::Busy),
                }
            }
        }
        // A standalone file: no -wal or -shm appears beside it when it is opened.
        dst.pragma_update(None, "journal_mode", "DELETE")?;
    }
    if let Some(detail) = damage(to)? {
        return Err(StoreError::Invalid(format!(
            "the copy {} failed its check ({detail}); the disk may be failing",
            to.display()
        )));
    }
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(|e| io(format!("cannot write {}", to.display()), e))
}

/// Opens `path` read-only and runs `PRAGMA quick_check`: `Some(what is wrong)` when the
/// file is damaged or not a database, `None` when it is healthy.
pub(crate) fn damage(path: &Path) -> Result<Option<String>> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(crate::quick_check(&conn)?)
}

/// Deletes the oldest snapshots beyond `keep`; returns the deleted paths.
pub(crate) fn rotate(notebook: &Path, keep: usize) -> Result<Vec<PathBuf>> {
    let mut deleted = Vec::new();
    for old in list_snapshots(notebook)?.into_iter().skip(keep.max(1)) {
        std::fs::remove_file(&old.path)
            .map_err(|e| io(format!("cannot delete {}", old.path.display()), e))?;
        deleted.push(old.path);
    }
    Ok(deleted)
}

/// Puts the snapshot at `snapshot` in place of the notebook at `notebook`, which must not
/// be open. The notebook (with its `-wal` and `-shm`) is kept as
/// `<notebook>.replaced-<timestamp>`; returns that path, or `None` when there was no
/// notebook file to keep.
pub fn restore_snapshot(snapshot: &Path, notebook: &Path) -> Result<Option<PathBuf>> {
    let shown = snapshot.display().to_string();
    if !snapshot.is_file() {
        return Err(StoreError::Invalid(format!(
            "there is no backup at {shown}"
        )));
    }
    let source = Connection::open_with_flags(
        snapshot,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    source.busy_timeout(Duration::from_secs(5))?;
    let check = crate::quick_check(&source).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotANotebook {
            path: shown.clone(),
        },
        _ => StoreError::from(e),
    })?;
    if let Some(detail) = check {
        return Err(StoreError::Invalid(format!(
            "the backup {shown} is damaged too ({detail}); pick an older one"
        )));
    }
    let version: i64 = source.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > crate::SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: shown,
            found: version,
            supported: crate::SCHEMA_VERSION,
        });
    }
    if version < 1 {
        return Err(StoreError::NotANotebook { path: shown });
    }

    // Copy first, so the notebook is missing only between two renames.
    let file_name = notebook
        .file_name()
        .ok_or_else(|| StoreError::Invalid(format!("{} is not a file", notebook.display())))?
        .to_string_lossy()
        .into_owned();
    if let Some(dir) = notebook.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| io(format!("cannot create the folder {}", dir.display()), e))?;
    }
    let tmp = notebook.with_file_name(format!(".{file_name}.restoring"));
    if let Err(e) = copy_database(&source, &tmp) {
        remove_partial(&tmp);
        return Err(disk_full_named(
            e,
            format!(
                "cannot copy the backup beside {} (the notebook was left as it is)",
                notebook.display()
            ),
        ));
    }
    drop(source);

    let kept = if notebook.exists() {
        let stamp = Stamp::now().compact;
        let aside = (1..10_000)
            .map(|seq| {
                let suffix = if seq == 1 {
                    String::new()
                } else {
                    format!("-{seq}")
                };
                notebook.with_file_name(format!("{file_name}.replaced-{stamp}{suffix}"))
            })
            .find(|p| !p.exists() && !sibling(p, "-wal").exists())
            .ok_or_else(|| {
                let _ = std::fs::remove_file(&tmp);
                StoreError::Invalid(format!(
                    "no free name is left beside {} to keep it aside",
                    notebook.display()
                ))
            })?;
        std::fs::rename(notebook, &aside).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(format!("cannot move {} aside", notebook.display()), e)
        })?;
        for side in ["-wal", "-shm", "-journal"] {
            let from = sibling(notebook, side);
            if from.exists() {
                std::fs::rename(&from, sibling(&aside, side))
                    .map_err(|e| io(format!("cannot move {} aside", from.display()), e))?;
            }
        }
        Some(aside)
    } else {
        None
    };
    rename_durably(&tmp, notebook).map_err(|e| {
        io(
            format!(
                "cannot put the backup in place of {} (the copy is {})",
                notebook.display(),
                tmp.display()
            ),
            e,
        )
    })?;
    Ok(kept)
}

/// `path` with `suffix` appended to its file name (`n.attest` → `n.attest-wal`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Renames, then syncs the folder so the new name survives a power cut.
fn rename_durably(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::rename(from, to)?;
    #[cfg(unix)]
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Best effort: some file systems cannot sync a folder.
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

fn io(context: String, source: std::io::Error) -> StoreError {
    StoreError::Io { context, source }
}

/// The notebook's file name without its extension, as snapshot names start.
fn stem(notebook: &Path) -> String {
    notebook
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "notebook".into())
}

/// The parts of a snapshot's file name after the notebook's stem.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Name {
    /// `YYYYMMDDTHHMMSSZ`.
    stamp: String,
    reason: SnapshotReason,
    seq: u32,
}

impl Name {
    fn file_name(&self, stem: &str) -> String {
        let seq = if self.seq > 1 {
            format!("-{}", self.seq)
        } else {
            String::new()
        };
        format!(
            "{stem}-{}-{}{seq}.{EXTENSION}",
            self.stamp,
            self.reason.as_str()
        )
    }

    fn parse(stem: &str, file_name: &str) -> Option<Name> {
        let rest = file_name
            .strip_prefix(stem)?
            .strip_prefix('-')?
            .strip_suffix(EXTENSION)?
            .strip_suffix('.')?;
        let (stamp, rest) = (rest.get(..16)?, rest.get(16..)?.strip_prefix('-')?);
        if !is_stamp(stamp) {
            return None;
        }
        let (reason, seq) = match SnapshotReason::parse(rest) {
            Some(r) => (r, 1),
            None => {
                let (r, n) = rest.rsplit_once('-')?;
                (
                    SnapshotReason::parse(r)?,
                    n.parse().ok().filter(|&n| n > 1)?,
                )
            }
        };
        Some(Name {
            stamp: stamp.to_string(),
            reason,
            seq,
        })
    }

    fn iso(&self) -> String {
        iso(&self.stamp)
    }
}

fn is_stamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 16
        && b[8] == b'T'
        && b[15] == b'Z'
        && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit)
}

/// `YYYYMMDDTHHMMSSZ` → `YYYY-MM-DDTHH:MM:SSZ`.
fn iso(stamp: &str) -> String {
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &stamp[0..4],
        &stamp[4..6],
        &stamp[6..8],
        &stamp[9..11],
        &stamp[11..13],
        &stamp[13..15]
    )
}

/// A UTC time to the second.
struct Stamp {
    compact: String,
}

impl Stamp {
    fn now() -> Stamp {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Stamp::at(secs)
    }

    fn at(unix_secs: i64) -> Stamp {
        let (days, secs) = (unix_secs.div_euclid(86_400), unix_secs.rem_euclid(86_400));
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Stamp {
            compact: format!(
                "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc_calendar_times() {
        assert_eq!(Stamp::at(0).compact, "19700101T000000Z");
        assert_eq!(Stamp::at(951_782_400).compact, "20000229T000000Z");
        assert_eq!(Stamp::at(1_777_638_645).compact, "20260501T123045Z");
        assert_eq!(iso("20260501T123045Z"), "2026-05-01T12:30:45Z");
    }

    #[test]
    fn names_round_trip_and_strangers_are_ignored() {
        for reason in SnapshotReason::ALL {
            for seq in [1, 2, 12] {
                let name = Name {
                    stamp: "20260501T123045Z".into(),
                    reason: *reason,
                    seq,
                };
                let file = name.file_name("my-notes");
                assert_eq!(Name::parse("my-notes", &file), Some(name), "{file}");
            }
        }
        for stranger in [
            "my-notes-20260501T123045Z-open.attest.partial",
            ".my-notes-20260501T123045Z-open.attest.partial",
            "my-notes-20260501T123045Z-lunch.attest",
            "my-notes-2026050XT123045Z-open.attest",
            "my-notes-20260501T123045Z-open-1.attest",
            "other-20260501T123045Z-open.attest",
            "my-notes.attest",
        ] {
            assert_eq!(Name::parse("my-notes", stranger), None, "{stranger}");
        }
        assert_eq!(
            backup_dir(Path::new("/x/my-notes.attest")),
            Path::new("/x/my-notes.attest.backups")
        );
    }
}
