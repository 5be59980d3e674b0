//! Import use cases: files into a notebook, and `inspect` (the same pipeline without
//! a notebook).

use attest_core::{ArticleDraft, FileReport, ImportOutcome, ImportProgress};
use attest_import::import_file;
use attest_store::{InsertOutcome, Notebook, SourceFile};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Imports each file in its own transaction and reports on every one, in order;
/// folders stand for the article files beneath them.
pub fn import_files(notebook: &mut Notebook, paths: &[PathBuf]) -> Vec<FileReport> {
    import_files_with(notebook, paths, &AtomicBool::new(false), |_| {})
}

/// [`import_files`], telling `progress` after each file and stopping between files once
/// `cancel` is set: what is done stays (each file is its own transaction), the files
/// not reached are reported as cancelled.
pub fn import_files_with(
    notebook: &mut Notebook,
    paths: &[PathBuf],
    cancel: &AtomicBool,
    mut progress: impl FnMut(&ImportProgress),
) -> Vec<FileReport> {
    let files = attest_import::expand_paths(paths);
    let total = u32::try_from(files.len()).unwrap_or(u32::MAX);
    let started = Instant::now();
    let mut reports = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        let outcome = if cancel.load(Ordering::Relaxed) {
            ImportOutcome::Cancelled
        } else {
            let outcome = import_one(notebook, path);
            let done = i as u32 + 1;
            progress(&ImportProgress {
                done,
                total,
                current: path.display().to_string(),
                rate: done as f32 / started.elapsed().as_secs_f32().max(1e-3),
            });
            outcome
        };
        reports.push(FileReport {
            file: path.display().to_string(),
            outcome,
        });
    }
    reports
}

fn import_one(notebook: &mut Notebook, path: &Path) -> ImportOutcome {
    let imported = match import_file(path) {
        Ok(i) => i,
        Err(e) => {
            return ImportOutcome::Failed {
                reason: e.to_string(),
            }
        }
    };
    let source = SourceFile {
        name: &imported.source.name,
        path: &path.display().to_string(),
        bytes: &imported.source.bytes,
        sha256: &imported.source.sha256,
    };
    match notebook.insert_article(&imported.draft, &source) {
        Ok(InsertOutcome::Inserted { id }) => ImportOutcome::Imported {
            article_id: id,
            title: imported
                .draft
                .meta
                .title
                .clone()
                .unwrap_or_else(|| imported.draft.fallback_title.clone()),
            warnings: imported.draft.warnings,
        },
        Ok(InsertOutcome::Duplicate { id, title }) => ImportOutcome::Duplicate {
            article_id: id,
            title,
        },
        Err(e) => ImportOutcome::Failed {
            reason: e.to_string(),
        },
    }
}

/// File name extensions import reads (for the open dialog's filter).
pub fn article_extensions() -> Vec<String> {
    attest_import::ARTICLE_EXTENSIONS
        .iter()
        .map(|(ext, _)| (*ext).to_owned())
        .collect()
}

/// What `attest inspect --json` prints for one file: exactly what import would store.
#[derive(Debug, Serialize)]
pub struct InspectRecord {
    pub file: String,
    pub ok: bool,
    pub error: Option<String>,
    pub article: Option<ArticleDraft>,
    /// Proposed statements (filled by statement extraction, a later stage).
    pub statements: Vec<serde_json::Value>,
    /// Actor mentions (filled by mention finding, a later stage).
    pub mentions: Vec<serde_json::Value>,
}

pub fn inspect(path: &Path) -> InspectRecord {
    let file = path.display().to_string();
    match import_file(path) {
        Ok(imported) => InspectRecord {
            file,
            ok: true,
            error: None,
            article: Some(imported.draft),
            statements: vec![],
            mentions: vec![],
        },
        Err(e) => InspectRecord {
            file,
            ok: false,
            error: Some(e.to_string()),
            article: None,
            statements: vec![],
            mentions: vec![],
        },
    }
}
