//! The notebook store: one SQLite file per notebook.
//!
//! Invariants:
//! - Every change that touches more than one row runs in one transaction, so a crash
//!   leaves each article, statement or dossier edit whole or absent.
//! - The stored article text never changes after import, except through
//!   `replace_article_text` (a corrected file re-imported), which re-attaches every anchor
//!   into it in the same transaction and flags those it cannot place; anchors point into it.
//! - Opening a file migrates it forward; a file from a newer Attest is refused
//!   untouched.
//! - Opening checks the file read-only first (`PRAGMA quick_check`, version, data): a
//!   damaged, foreign, newer or read-only file is refused before anything writes to it.
//! - A notebook with data is snapshotted before a migration and once a day on open
//!   (see `backup`).
//!
//! This crate knows SQL and the domain types, nothing about files' formats or the UI.

mod actors;
mod annotations;
mod articles;
mod backup;
mod dossiers;
mod lists;
mod mentions;
mod merge;
mod migrations;
mod reattach;
mod registry;
mod search;
mod statements;
mod stats;
mod tags;
mod trash;
mod undo;
mod variants;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use articles::{InsertOutcome, NewArticle, SourceFile};
pub use backup::{
    backup_dir, list_snapshots, restore_snapshot, Snapshot, SnapshotReason, DEFAULT_BACKUP_KEEP,
};
pub use lists::MAX_PAGE;
pub use merge::UndecidedActor;
pub use migrations::SCHEMA_VERSION;
pub use reattach::TextReplacement;
pub use stats::NotebookStats;
pub use tags::normalise_path as normalise_tag_path;
pub use undo::UNDO_LIMIT;

/// Settings of every connection for reading at scale: plans that do not depend on bound
/// values. Without this SQLite prepares FTS5's own page lookups again whenever a segment
/// id bound to them changes between 0–1 and other numbers (a plan heuristic): at every
/// search, for every term (~12 % of search CPU at 10,000 articles). Mapping the file
/// (`mmap_size`) took a further ~12 % off search p95 at 100,000 but counted every page a
/// snapshot or check read as the app's resident memory: 0.5–1.1 GB at start.
fn tune_reads(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// For tools that build test notebooks at old schema versions (the migration fixtures);
/// not for the app.
#[doc(hidden)]
pub mod fixtures {
    /// Applies the migrations after `conn`'s version, up to `version`.
    pub fn apply_migrations_up_to(
        conn: &mut rusqlite::Connection,
        version: i64,
    ) -> crate::Result<()> {
        crate::migrations::apply_up_to(conn, version)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not an Attest notebook (it is not a SQLite database)")]
    NotANotebook { path: String },
    #[error(
        "{path} was written by a newer version of Attest (notebook version {found}, this \
         version reads up to {supported}); update Attest to open it"
    )]
    NewerSchema {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("{}", damaged_message(.path, .detail, .newest_snapshot.as_deref()))]
    Damaged {
        path: String,
        /// What SQLite's check found.
        detail: String,
        /// The newest snapshot's path, if there is one.
        newest_snapshot: Option<String>,
    },
    #[error(
        "{path} is read-only: Attest needs to write to it; copy it somewhere writable and \
         open the copy"
    )]
    ReadOnly { path: String },
    #[error("the notebook is busy: another program is writing to it; try again in a moment")]
    Busy,
    #[error(
        "the disk holding the notebook is full: this change was not saved and the notebook \
         is as it was before it; free some space and try again"
    )]
    DiskFull,
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Span(#[from] attest_core::text::SpanError),
    #[error("{}", io_message(.context, .source))]
    Io {
        context: String,
        source: std::io::Error,
    },
    #[error("notebook database error: {0}")]
    Sqlite(rusqlite::Error),
    /// Merging found actors of the other notebook that may be actors of this one, and
    /// no decision was given for them.
    #[error("{}", merge::undecided_message(.actors))]
    UndecidedActors { actors: Vec<UndecidedActor> },
}

fn damaged_message(path: &str, detail: &str, newest_snapshot: Option<&str>) -> String {
    match newest_snapshot {
        Some(snapshot) => format!(
            "{path} is damaged ({detail}). Your newest backup is {snapshot}: restore it with \
             File › Restore from backup… or `attest backup restore {snapshot}`"
        ),
        None => format!(
            "{path} is damaged ({detail}), and it has no backup yet; keep the file as it is \
             (SQLite's `.recover` may save part of it)"
        ),
    }
}

/// What an I/O error says: "the disk is full" in words when it is.
fn io_message(context: &str, source: &std::io::Error) -> String {
    use std::io::ErrorKind::{QuotaExceeded, StorageFull};
    match source.kind() {
        StorageFull | QuotaExceeded => {
            format!("{context}: the disk is full; free some space and try again")
        }
        _ => format!("{context}: {source}"),
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked, DiskFull};
        // SQLite cannot make room for the `-shm` file that reading or writing a WAL
        // notebook needs: on a full disk (SQLite reports no other cause apart).
        let no_room_for_shm = matches!(&e, rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE);
        match e.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy,
            Some(DiskFull) => StoreError::DiskFull,
            _ if no_room_for_shm => StoreError::DiskFull,
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open notebook.
pub struct Notebook {
    conn: Connection,
    path: PathBuf,
    /// Near-duplicate band keys of articles committed since the last flush, written in
    /// batches (see `articles::BandKeys`).
    pending_bands: articles::PendingBands,
    /// The mention automaton for the actors as they were when it was built.
    finder_cache: mentions::FinderCache,
}

impl Drop for Notebook {
    fn drop(&mut self) {
        // Band keys are an index rebuilt on open if lost; nothing to report here.
        let _ = self.flush_bands();
    }
}

/// How [`Notebook::open_with`] opens a notebook.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long to wait for another program's write to finish before giving up.
    pub busy_timeout: Duration,
    /// Take the day's `open` snapshot (when the notebook has data).
    pub daily_snapshot: bool,
    /// Check the whole file for damage (`quick_check`) before anything writes. It reads
    /// every page — seconds for a 100,000-article notebook — so the app opens without it
    /// and runs [`check_for_damage`] in the background instead.
    pub integrity_check: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_secs(5),
            daily_snapshot: true,
            integrity_check: true,
        }
    }
}

/// Whether a notebook holds anything worth a snapshot.
const HAS_DATA: &str = "SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM actors)
                        OR EXISTS (SELECT 1 FROM dossiers)";

/// What the read-only look at an existing file found.
struct Survey {
    version: i64,
    has_data: bool,
}

impl Notebook {
    /// Opens the notebook at `path`, creating it (and its folder) when missing, and
    /// migrates it to the current schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path, &OpenOptions::default())
    }

    /// [`Notebook::open`] with options.
    pub fn open_with(path: impl AsRef<Path>, options: &OpenOptions) -> Result<Self> {
        let path = path.as_ref();
        Self::try_open(path, options).map_err(|e| match e {
            // Even reading a notebook needs a little room beside it (SQLite's `-shm`).
            StoreError::DiskFull => StoreError::Io {
                context: format!("cannot open {}", path.display()),
                source: std::io::ErrorKind::StorageFull.into(),
            },
            e => e,
        })
    }

    /// [`Notebook::open_with`], before a full disk is named as the reason it failed.
    fn try_open(path: &Path, options: &OpenOptions) -> Result<Self> {
        let path = path.to_path_buf();
        let shown = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Invalid(format!("cannot create the folder {}: {e}", dir.display()))
            })?;
        }
        // Before anything writes: is the file healthy, ours, not newer, writable?
        let existing = match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                return Err(StoreError::Invalid(format!(
                    "{shown} is a folder, not a notebook file"
                )))
            }
            Ok(meta) if meta.permissions().readonly() => {
                return Err(StoreError::ReadOnly { path: shown })
            }
            Ok(meta) => meta.len() > 0,
            Err(_) => false,
        };
        if existing {
            check_header(&path)?;
        }
        let mut wal = path.clone().into_os_string();
        wal.push("-wal");
        let leftover_wal = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
        let (survey, reader) = if existing {
            let (survey, reader) = survey_leaving_no_trace(&path, options)?;
            (Some(survey), Some(reader))
        } else {
            (None, None)
        };

        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) if existing => {
                StoreError::ReadOnly {
                    path: shown.clone(),
                }
            }
            _ => StoreError::from(e),
        })?;
        // SQLite falls back to read-only when the file cannot be opened for writing.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly { path: shown });
        }
        conn.busy_timeout(options.busy_timeout)?;
        // `rarray(?)`: a list of keys bound as one parameter (near-duplicate lookups).
        rusqlite::vtab::array::load_module(&conn)?;
        // Every transaction takes the write lock when it begins, waiting its turn. A
        // deferred one that reads first (an import asks "is this text here already?")
        // would fail at once, not wait, if another connection committed in between.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);

        let has_data = survey.as_ref().is_some_and(|s| s.has_data);
        if let (Some(survey), Some(reader)) = (&survey, &reader) {
            if has_data && survey.version < SCHEMA_VERSION {
                // A copy of the file exactly as it is, before the first write.
                backup::snapshot_of(reader, &path, SnapshotReason::Migration).map_err(|e| {
                    StoreError::Invalid(format!(
                        "cannot back up {shown} before upgrading it, so it was left as it \
                         is: {e}"
                    ))
                })?;
                backup::rotate(&path, backup::keep_setting(reader))?;
            }
        }
        drop(reader);

        let not_a_notebook = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotANotebook {
                path: shown.clone(),
            },
            _ => StoreError::from(e),
        };
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(not_a_notebook)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        tune_reads(&conn)?;
        if leftover_wal {
            // Work that a checkpoint could not copy into the file (the disk was full)
            // waits in the `-wal`, which every later write would make longer: copy it
            // now and empty the `-wal`. Best effort, without waiting for other
            // programs; closing tries again.
            conn.busy_timeout(Duration::ZERO)?;
            let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
            conn.busy_timeout(options.busy_timeout)?;
        }
        let mut notebook = Notebook {
            conn,
            path,
            pending_bands: Default::default(),
            finder_cache: Default::default(),
        };
        migrations::migrate(&mut notebook.conn, &notebook.path)?;
        // This session's undo history (TEMP triggers and log, on this connection only).
        undo::install(&notebook.conn)?;
        // Best effort, like the settings it puts back: a notebook that cannot take
        // them now (a full disk, another program's import) gets them on a later open.
        let _ = articles::restore_index_merging(&notebook.conn);
        match notebook.sign_unsigned_articles() {
            // The near-duplicate index catches up on an open with room to write it.
            Err(StoreError::DiskFull) => {}
            other => other?,
        }
        match notebook.find_pending_mentions() {
            // Found on an open with room to write them.
            Err(StoreError::DiskFull) => {}
            other => other?,
        }
        if has_data && options.daily_snapshot {
            // A missed daily snapshot must not keep the notebook from opening; the next
            // open tries again.
            let _ = notebook.daily_snapshot();
        }
        Ok(notebook)
    }

    /// A second, read-only connection to a notebook another connection has opened
    /// (and migrated): for slow reads that must not wait for, nor hold up, the
    /// notebook's writer. Refused if the file's schema is not this build's.
    pub fn open_reader(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(OpenOptions::default().busy_timeout)?;
        tune_reads(&conn)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version != SCHEMA_VERSION {
            return Err(StoreError::Invalid(format!(
                "{} is at schema version {version}, not {SCHEMA_VERSION}: open it first",
                path.display()
            )));
        }
        Ok(Notebook {
            conn,
            path,
            pending_bands: Default::default(),
            finder_cache: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version stored in the file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// A non-empty file must start with SQLite's header: SQLite itself would take a file
/// shorter than one page for an empty database and write over it.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let shown = path.display().to_string();
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|source| StoreError::Io {
            context: format!("cannot read {shown}"),
            source,
        })?;
    if !header.starts_with(b"SQLite format 3\0") {
        return Err(StoreError::NotANotebook { path: shown });
    }
    if header.len() < 100 {
        return Err(StoreError::Damaged {
            detail: format!("it is cut short: {} bytes", header.len()),
            newest_snapshot: newest_snapshot(path),
            path: shown,
        });
    }
    Ok(())
}

/// [`survey`]; when it refuses the file, removes the empty `-wal` and the `-shm` that
/// reading a WAL file created beside it (never ones that were there before).
fn survey_leaving_no_trace(path: &Path, options: &OpenOptions) -> Result<(Survey, Connection)> {
    let side = |suffix: &str| {
        let mut p = path.as_os_str().to_os_string();
        p.push(suffix);
        PathBuf::from(p)
    };
    let (wal, shm) = (side("-wal"), side("-shm"));
    let were_there = wal.exists() || shm.exists();
    let result = survey(path, options);
    if result.is_err() && !were_there {
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() == 0) {
            let _ = std::fs::remove_file(&wal);
        }
        if !wal.exists() {
            let _ = std::fs::remove_file(&shm);
        }
    }
    result
}

/// Looks at an existing notebook file through a read-only connection, which is
/// returned for a snapshot to be taken before anything writes.
fn survey(path: &Path, options: &OpenOptions) -> Result<(Survey, Connection)> {
    let shown = path.display().to_string();
    let refused = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotANotebook {
            path: shown.clone(),
        },
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            path: shown.clone(),
            detail: e.to_string(),
            newest_snapshot: newest_snapshot(path),
        },
        _ => StoreError::from(e),
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(refused)?;
    conn.busy_timeout(options.busy_timeout).map_err(refused)?;
    let damage = if options.integrity_check {
        quick_check(&conn).map_err(refused)?
    } else {
        None
    };
    if let Some(detail) = damage {
        return Err(StoreError::Damaged {
            path: shown,
            detail,
            newest_snapshot: newest_snapshot(path),
        });
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(refused)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: shown,
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let sql = if version == 0 {
        // Not yet a notebook: data only if it is some other database.
        "SELECT EXISTS (SELECT 1 FROM sqlite_master)"
    } else {
        HAS_DATA
    };
    let has_data = conn.query_row(sql, [], |r| r.get(0)).map_err(refused)?;
    Ok((Survey { version, has_data }, conn))
}

fn newest_snapshot(notebook: &Path) -> Option<String> {
    list_snapshots(notebook)
        .ok()?
        .first()
        .map(|s| s.path.display().to_string())
}

/// The check opening does, on a notebook opened without it: `Err(Damaged)` naming the
/// newest snapshot when the file is damaged. Read-only; safe beside the open notebook.
pub fn check_for_damage(path: &Path) -> Result<()> {
    match backup::damage(path)? {
        None => Ok(()),
        Some(detail) => Err(StoreError::Damaged {
            path: path.display().to_string(),
            detail,
            newest_snapshot: newest_snapshot(path),
        }),
    }
}

/// `PRAGMA quick_check`: `Some(what is wrong)` (the first findings) or `None` when the
/// database is healthy. A file that is not a database is an `Err`.
///
/// Table by table, ordinary tables only: a plain `quick_check` also runs FTS5's own
/// integrity check, which tokenises every article again (40 % of opening a
/// 100,000-article notebook) for an index that is derived from the text and rebuilt
/// from it; its b-trees (the shadow tables) are still checked here.
pub(crate) fn quick_check(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let check = || -> rusqlite::Result<Vec<String>> {
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_schema
                 WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut findings = Vec::new();
        for table in tables {
            let mut stmt = conn.prepare("SELECT * FROM pragma_quick_check(?1)")?;
            for finding in stmt.query_map([&table], |r| r.get::<_, String>(0))? {
                let finding = finding?;
                if finding != "ok" {
                    findings.push(finding);
                }
            }
            if findings.len() >= 5 {
                break;
            }
        }
        Ok(findings)
    };
    let findings = match check() {
        Ok(findings) => findings,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            return Ok(Some(e.to_string()))
        }
        Err(e) => return Err(e),
    };
    if findings.is_empty() {
        return Ok(None);
    }
    let mut detail = findings.join("; ");
    if detail.chars().count() > 300 {
        detail = detail.chars().take(300).collect::<String>() + "…";
    }
    Ok(Some(detail))
}

/// Maps "no rows" to a typed not-found error.
fn found<T>(r: rusqlite::Result<T>, what: &'static str, id: i64) -> Result<T> {
    match r {
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::NotFound { what, id }),
        other => Ok(other?),
    }
}

impl From<attest_core::mentions::TooManyNames> for StoreError {
    fn from(e: attest_core::mentions::TooManyNames) -> Self {
        StoreError::Invalid(e.to_string())
    }
}

/// Maps "no row changed" to a typed not-found error.
fn touched(rows: usize, what: &'static str, id: i64) -> Result<()> {
    if rows == 0 {
        return Err(StoreError::NotFound { what, id });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
