//! Times a snapshot and a restore of a notebook of about the size asked for:
//! `cargo run -p attest-store --example backup_timing -- 100` (MB; a temp folder).

use attest_store::{restore_snapshot, Notebook, SnapshotReason};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("timing.attest");
    drop(Notebook::open(&path)?);
    {
        // Articles of ~10 KB text with a ~40 KB original file each, like imported PDFs.
        let mut conn = rusqlite::Connection::open(&path)?;
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
    }
    let nb = Notebook::open_with(
        &path,
        &attest_store::OpenOptions {
            daily_snapshot: false,
            ..Default::default()
        },
    )?;
    let size = std::fs::metadata(&path)?.len() as f64 / 1e6;
    let start = Instant::now();
    let snapshot = nb.create_snapshot(SnapshotReason::Manual)?;
    let backup = start.elapsed();
    drop(nb);
    let start = Instant::now();
    restore_snapshot(&snapshot.path, &path)?;
    let restore = start.elapsed();
    println!("notebook {size:.1} MB: snapshot {backup:.2?}, restore {restore:.2?}");
    Ok(())
}
