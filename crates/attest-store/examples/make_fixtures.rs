//! Writes the migration fixtures: `tests/fixtures/notebook-v{N}.attest` for every schema
//! version N up to the current one, each a small notebook made by that version's
//! migrations holding the rows of `tests/fixtures/spec.rs`.
//!
//! Run after adding a migration: `cargo run -p attest-store --example make_fixtures`,
//! then commit the new file. The output is the same bytes each run.

#[path = "../tests/fixtures/spec.rs"]
mod spec;

use attest_store::{fixtures::apply_migrations_up_to, SCHEMA_VERSION};
use rusqlite::Connection;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::create_dir_all(&dir)?;
    for version in 1..=SCHEMA_VERSION {
        let path = dir.join(format!("notebook-v{version}.attest"));
        for stale in ["", "-wal", "-shm", "-journal"] {
            let p = format!("{}{stale}", path.display());
            if Path::new(&p).exists() {
                std::fs::remove_file(&p)?;
            }
        }
        let mut conn = Connection::open(&path)?;
        // Small pages keep the committed files small; the schema does not depend on it.
        conn.pragma_update(None, "page_size", 512)?;
        apply_migrations_up_to(&mut conn, version)?;
        let tx = conn.transaction()?;
        tx.execute_batch(&spec::sql(version))?;
        tx.commit()?;
        conn.execute_batch("VACUUM")?;
        // Notebooks are WAL files: the fixture's header says so too. Closing the last
        // connection checkpoints and removes the -wal, leaving one complete file.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.close().map_err(|(_, e)| e)?;
        for side in ["-wal", "-shm"] {
            assert!(
                !Path::new(&format!("{}{side}", path.display())).exists(),
                "{side} left beside {}",
                path.display()
            );
        }
        let bytes = std::fs::metadata(&path)?.len();
        println!("wrote {} ({bytes} bytes)", path.display());
    }
    Ok(())
}
