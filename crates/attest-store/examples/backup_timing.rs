//! Times a snapshot and a restore of a notebook, in a temp folder:
//! - `cargo run --release -p attest-store --example backup_timing -- 100` builds one of
//!   about 100 MB (synthetic articles);
//! - `… -- /path/to/notebook.attest` works on a copy of a real one (e.g. 10,000 articles
//!   made by `attest bench import`), which is left untouched.

use attest_store::{restore_snapshot, Notebook, SnapshotReason};
use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "100".into());
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("timing.attest");
    match arg.parse::<usize>() {
        Ok(megabytes) => build(&path, megabytes)?,
        Err(_) => {
            // A consistent copy through SQLite's backup API, whatever the original's WAL
            // holds; the original and its snapshots stay as they are.
            let original = rusqlite::Connection::open_with_flags(
                &arg,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
            )?;
            original.backup(
                rusqlite::MAIN_DB,
                &path,
                None::<fn(rusqlite::backup::Progress)>,
            )?;
        }
    }
    let nb = Notebook::open_with(
        &path,
        &attest_store::OpenOptions {
            daily_snapshot: false,
            ..Default::default()
        },
    )?;
    let articles = nb.article_count()?;
    let size = std::fs::metadata(&path)?.len() as f64 / 1e6;
    let start = Instant::now();
    let snapshot = nb.create_snapshot(SnapshotReason::Manual)?;
    let backup = start.elapsed();
    drop(nb);
    let start = Instant::now();
    restore_snapshot(&snapshot.path, &path)?;
    let restore = start.elapsed();
    println!(
        "notebook of {articles} articles, {size:.1} MB: snapshot {backup:.2?}, restore {restore:.2?}"
    );
    Ok(())
}

/// A notebook of about `megabytes`: articles of ~10 KB text with a ~40 KB original file
/// each, like imported PDFs.
fn build(path: &Path, megabytes: usize) -> Result<(), Box<dyn std::error::Error>> {
    drop(Notebook::open(path)?);
    let mut conn = rusqlite::Connection::open(path)?;
    let tx = conn.transaction()?;
    let text = "The ministry said the talks would resume next week. ".repeat(200);
    let source = vec![7u8; 40_000];
    for i in 0..megabytes * 1_000_000 / 50_000 {
        tx.execute(
            "INSERT INTO articles (fallback_title, text, content_hash, format, source_name,
                                   source_path)
             VALUES ('t', ?1, ?2, 'text', 'a.txt', '/a.txt')",
            rusqlite::params![format!("{i} {text}"), format!("h{i}")],
        )?;
        tx.execute(
            "INSERT INTO article_sources (article_id, bytes, sha256)
             VALUES (last_insert_rowid(), ?1, '00')",
            [&source],
        )?;
    }
    tx.commit()?;
    Ok(())
}
