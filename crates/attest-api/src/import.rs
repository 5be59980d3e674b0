//! Import use cases: files into a notebook, and `inspect` (the same pipeline without
//! a notebook).

use attest_core::{ArticleDraft, FileReport, ImportOutcome, ImportProgress};
use attest_import::{import_file, Entry};
use attest_store::{InsertOutcome, Notebook, SourceFile};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

/// Imports each article in its own transaction and reports on every one, in order;
/// folders stand for the article files beneath them, archives and mailboxes for the
/// articles inside.
pub fn import_files(notebook: &mut Notebook, paths: &[PathBuf]) -> Vec<FileReport> {
    import_files_with(notebook, paths, &AtomicBool::new(false), |_| {})
}

/// [`import_files`], telling `progress` after each file and stopping between files once
/// `cancel` is set: what is done stays (each article is its own transaction), the files
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
    read_in_order(&files, cancel, |i, entries| {
        let path = &files[i];
        let file = path.display().to_string();
        let Some(entries) = entries else {
            reports.push(FileReport {
                file,
                outcome: ImportOutcome::Cancelled,
            });
            return;
        };
        for entry in entries {
            let file = labelled(&file, &entry);
            let outcome = store(notebook, path, entry);
            reports.push(FileReport { file, outcome });
        }
        let done = i as u32 + 1;
        progress(&ImportProgress {
            done,
            total,
            current: file,
            rate: done as f32 / started.elapsed().as_secs_f32().max(1e-3),
        });
    });
    // The near-duplicate index of the last articles; rebuilt on open if this fails.
    let _ = notebook.flush_bands();
    reports
}

/// "file › part" for an article inside a file, else the file.
pub(crate) fn labelled(file: &str, entry: &Entry) -> String {
    match &entry.part {
        Some(part) => format!("{file} › {part}"),
        None => file.to_owned(),
    }
}

/// Files read ahead of the caller: enough to keep the readers busy, few enough that
/// memory stays small (each file is at most `MAX_FILE_BYTES`).
const READ_AHEAD: usize = 16;

/// Reads and extracts `files` on worker threads (one per core) and hands each file's
/// entries to `each` on this thread, in the order given — so an import writes the
/// notebook exactly as a one-by-one import would. Once `cancel` is set, the files not
/// yet handed over come as `None`.
fn read_in_order(
    files: &[PathBuf],
    cancel: &AtomicBool,
    mut each: impl FnMut(usize, Option<Vec<Entry>>),
) {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    // The next file to read, and how many `each` has had: a reader never gets more
    // than READ_AHEAD files ahead, even past a slow file.
    let (next, handed) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let cancelled = || cancel.load(Ordering::Relaxed);
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::sync_channel::<(usize, Vec<Entry>)>(READ_AHEAD);
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, handed) = (&next, &handed);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= files.len() {
                    break;
                }
                while i >= handed.load(Ordering::Relaxed) + READ_AHEAD && !cancelled() {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                if cancelled() || sender.send((i, import_file(&files[i]))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        // Files arrive in any order; they are handed over in the given one.
        let mut waiting: BTreeMap<usize, Vec<Entry>> = BTreeMap::new();
        for i in 0..files.len() {
            let entries = loop {
                if let Some(entries) = waiting.remove(&i) {
                    break Some(entries);
                }
                if cancelled() {
                    break None;
                }
                match receiver.recv() {
                    Ok((j, entries)) => {
                        waiting.insert(j, entries);
                    }
                    Err(_) => break None,
                }
            };
            each(i, entries.filter(|_| !cancelled()));
            handed.store(i + 1, Ordering::Relaxed);
        }
        // Unblocks readers still sending after a cancel.
        drop(receiver);
    });
}

/// Stores one article read from `path` (in its own transaction).
fn store(notebook: &mut Notebook, path: &Path, entry: Entry) -> ImportOutcome {
    let source_path = labelled(&path.display().to_string(), &entry);
    let imported = match entry.result {
        Ok(i) => i,
        Err(e) => {
            return ImportOutcome::Failed {
                reason: e.to_string(),
            }
        }
    };
    let source = SourceFile {
        name: &imported.source.name,
        path: &source_path,
        bytes: &imported.source.bytes,
        sha256: &imported.source.sha256,
    };
    let title = || {
        imported
            .draft
            .meta
            .title
            .clone()
            .unwrap_or_else(|| imported.draft.fallback_title.clone())
    };
    match notebook.insert_article(&imported.draft, &source, &imported.keys) {
        Ok(InsertOutcome::Inserted { id, related: None }) => ImportOutcome::Imported {
            article_id: id,
            title: title(),
            warnings: imported.draft.warnings.clone(),
        },
        Ok(InsertOutcome::Inserted {
            id,
            related: Some(related),
        }) => ImportOutcome::Related {
            article_id: id,
            title: title(),
            warnings: imported.draft.warnings.clone(),
            related,
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

/// What `attest inspect --json` prints for one article: exactly what import would store.
#[derive(Debug, Serialize)]
pub struct InspectRecord {
    pub file: String,
    /// Where in the file the article stands (an archive entry, a message, a chapter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    pub ok: bool,
    pub error: Option<String>,
    pub article: Option<ArticleDraft>,
    /// Proposed statements, `{"speaker": SPAN|null, "cue": SPAN|null, "content": [SPAN],
    /// "kind", "actor": NAME|null, "actors": [NAME], "confidence"}` with `SPAN =
    /// {"start", "end", "text"}` in code points of `article.text`; speakers resolved
    /// against the same actors as the mentions.
    pub statements: Vec<serde_json::Value>,
    /// Actor mentions, `{"start", "end", "text", "actor"}` in code points of
    /// `article.text`: the notebook's actors when one is given, else the built-in
    /// gazetteer's states.
    pub mentions: Vec<serde_json::Value>,
}

/// One record per article the files hold (folders stand for the article files beneath
/// them, as in an import), or one carrying the reason a file cannot be read.
pub fn inspect(paths: &[PathBuf]) -> crate::Result<Vec<InspectRecord>> {
    Ok(inspect_with(paths, &crate::MentionLookup::gazetteer()?))
}

/// [`inspect`], finding the mentions of the actors `lookup` knows.
pub fn inspect_with(paths: &[PathBuf], lookup: &crate::MentionLookup) -> Vec<InspectRecord> {
    let files = attest_import::expand_paths(paths);
    let mut records = Vec::new();
    read_in_order(&files, &AtomicBool::new(false), |i, entries| {
        let file = files[i].display().to_string();
        for entry in entries.unwrap_or_default() {
            let (ok, error, article) = match entry.result {
                Ok(imported) => (true, None, Some(imported.draft)),
                Err(e) => (false, Some(e.to_string()), None),
            };
            let mentions = article
                .as_ref()
                .map(|a| lookup.json(&a.text))
                .unwrap_or_default();
            let statements = article
                .as_ref()
                .map(|a| lookup.statements_json(&a.text))
                .unwrap_or_default();
            records.push(InspectRecord {
                file: file.clone(),
                part: entry.part,
                ok,
                error,
                article,
                statements,
                mentions,
            });
        }
    });
    records
}
