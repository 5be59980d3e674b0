//! A plain-text report on a notebook for a bug report ("Copy diagnostics",
//! `attest diagnose`). Sizes, counts, versions and checks only — no article text,
//! titles, names or notes — so a user can paste it anywhere.

use crate::{location, Api, ApiError};
use std::fmt::Write;
use std::path::Path;

/// Reports on the notebook file at `path`; `opened` is the notebook if it could be
/// opened, else why not (a damaged notebook is when a report matters most).
pub fn notebook_diagnostics(path: &Path, opened: Result<&Api, &ApiError>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Notebook: {}", path.display());
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
    let wal = path.with_extension(format!(
        "{}-wal",
        path.extension().unwrap_or_default().to_string_lossy()
    ));
    let _ = match (size(path), size(&wal)) {
        (Some(main), Some(wal)) => writeln!(out, "  file: {} (+ log {})", bytes(main), bytes(wal)),
        (Some(main), None) => writeln!(out, "  file: {}", bytes(main)),
        (None, _) => writeln!(out, "  file: missing"),
    };
    let _ = writeln!(
        out,
        "  synced folder: {}",
        location::sync_service(path).unwrap_or("no")
    );
    match opened {
        Ok(api) => match api.notebook.stats() {
            Ok(s) => {
                let _ = writeln!(
                    out,
                    "  schema: version {} (this Attest writes {})",
                    s.schema_version,
                    attest_store::SCHEMA_VERSION
                );
                let _ = writeln!(out, "  quick check: {}", s.quick_check);
                let _ = writeln!(
                    out,
                    "  journal: {}; {} pages of {} B, {} free",
                    s.journal_mode, s.page_count, s.page_size, s.free_pages
                );
                let _ = writeln!(
                    out,
                    "  holds: articles {}, actors {}, statements {}, annotations {}, dossiers {}",
                    s.articles, s.actors, s.statements, s.annotations, s.dossiers
                );
            }
            Err(e) => {
                let _ = writeln!(out, "  could not be read: {}", ApiError::from(e));
            }
        },
        Err(e) => {
            let _ = writeln!(out, "  could not be opened ({:?}): {}", e.kind, e.message);
        }
    }
    let keep = opened
        .ok()
        .and_then(|api| api.backup_keep().ok())
        .map(|k| format!(", keeps {k}"))
        .unwrap_or_default();
    let _ = match crate::list_snapshots(path) {
        Ok(list) => match list.first() {
            Some(newest) => writeln!(
                out,
                "  snapshots: {}{keep}; newest {} ({}, {})",
                list.len(),
                newest.created_at,
                newest.reason.as_str(),
                bytes(newest.bytes)
            ),
            None => writeln!(out, "  snapshots: none{keep}"),
        },
        Err(e) => writeln!(out, "  snapshots: cannot be listed: {e}"),
    };
    out
}

/// `12.3 MB`: enough precision to compare, short enough to read.
fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_counts_without_quoting_the_notebook() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Dropbox").join("n.attest");
        let mut api = Api::open(&path).unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(
            &article,
            "Minister Says Talks Will Resume\n\nThe minister said on Monday that talks would resume.",
        )
        .unwrap();
        api.import(std::slice::from_ref(&article));
        api.create_snapshot(crate::SnapshotReason::Manual).unwrap();

        let report = notebook_diagnostics(&path, Ok(&api));
        assert!(report.contains("holds: articles 1, actors 0,"), "{report}");
        assert!(report.contains("quick check: ok"), "{report}");
        assert!(report.contains("synced folder: Dropbox"), "{report}");
        assert!(report.contains("snapshots: 1, keeps"), "{report}");
        assert!(report.contains("(manual,"), "{report}");
        assert!(
            !report.contains("Minister") && !report.contains("talks"),
            "{report}"
        );
    }

    #[test]
    fn a_notebook_that_cannot_be_opened_is_still_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.attest");
        std::fs::write(&path, b"not a notebook at all").unwrap();
        let error = Api::open(&path).err().unwrap();
        let report = notebook_diagnostics(&path, Err(&error));
        assert!(report.contains("file: 21 B"), "{report}");
        assert!(
            report.contains("could not be opened (Notebook)"),
            "{report}"
        );
        assert!(report.contains("snapshots: none"), "{report}");
    }

    #[test]
    fn sizes_read_at_a_glance() {
        assert_eq!(bytes(999), "999 B");
        assert_eq!(bytes(12_345_678), "12.3 MB");
    }
}
