//! The notebook store: one SQLite file per notebook.
//!
//! Invariants:
//! - Every change that touches more than one row runs in one transaction, so a crash
//!   leaves each article, statement or dossier edit whole or absent.
//! - The stored article text never changes after import; anchors point into it.
//! - Opening a file migrates it forward; a file from a newer Attest is refused
//!   untouched.
//!
//! This crate knows SQL and the domain types, nothing about files' formats or the UI.

mod actors;
mod annotations;
mod articles;
mod dossiers;
mod migrations;
mod statements;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use articles::{InsertOutcome, SourceFile};
pub use migrations::SCHEMA_VERSION;

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
    #[error("the notebook is busy: another program is writing to it; try again in a moment")]
    Busy,
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Span(#[from] attest_core::text::SpanError),
    #[error("notebook database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match e.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy,
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
}

impl Drop for Notebook {
    fn drop(&mut self) {
        // Band keys are an index rebuilt on open if lost; nothing to report here.
        let _ = self.flush_bands();
    }
}

impl Notebook {
    /// Opens the notebook at `path`, creating it (and its folder) when missing, and
    /// migrates it to the current schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Invalid(format!("cannot create the folder {}: {e}", dir.display()))
            })?;
        }
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let not_a_notebook = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotANotebook {
                path: path.display().to_string(),
            },
            _ => StoreError::from(e),
        };
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(not_a_notebook)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let mut notebook = Notebook {
            conn,
            path,
            pending_bands: Default::default(),
        };
        migrations::migrate(&mut notebook.conn, &notebook.path)?;
        notebook.sign_unsigned_articles()?;
        Ok(notebook)
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

/// Maps "no rows" to a typed not-found error.
fn found<T>(r: rusqlite::Result<T>, what: &'static str, id: i64) -> Result<T> {
    match r {
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::NotFound { what, id }),
        other => Ok(other?),
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
