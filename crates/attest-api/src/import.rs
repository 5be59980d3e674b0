//! Import use cases: files into a notebook, and `inspect` (the same pipeline without
//! a notebook).

use attest_core::{ArticleDraft, FileReport, ImportOutcome, ImportProgress};
use attest_import::{import_file, Entry, Imported};
use attest_store::{InsertOutcome, NewArticle, Notebook, SourceFile};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Imports the articles and reports on every one, in order; folders stand for the
/// article files beneath them, archives and mailboxes for the articles inside. Each
/// article is stored whole or not at all.
pub fn import_files(notebook: &mut Notebook, paths: &[PathBuf]) -> Vec<FileReport> {
    import_files_with(notebook, paths, &AtomicBool::new(false), |_| {})
}

/// [`import_files`], telling `progress` after each file is stored and stopping once
/// `cancel` is set: what is stored stays, the files not yet stored are reported as
/// cancelled.
///
/// Articles are stored in batches, one transaction each (see [`Batch`]): a batch is
/// written whole or, when its transaction fails, article by article; a crash loses
/// the batch being written, never part of an article.
pub fn import_files_with(
    notebook: &mut Notebook,
    paths: &[PathBuf],
    cancel: &AtomicBool,
    progress: impl FnMut(&ImportProgress),
) -> Vec<FileReport> {
    // Batch after batch: the notebook's larger cache and index buffer pay.
    notebook.bulk_writes(|notebook| {
        import_in_batches(notebook, paths, cancel, progress, Batch::MAX_ARTICLES)
    })
}

/// [`import_files_with`], with batches of at most `max_articles` articles.
pub(crate) fn import_in_batches(
    notebook: &mut Notebook,
    paths: &[PathBuf],
    cancel: &AtomicBool,
    mut progress: impl FnMut(&ImportProgress),
    max_articles: usize,
) -> Vec<FileReport> {
    let files = attest_import::expand_paths(paths);
    let total = u32::try_from(files.len()).unwrap_or(u32::MAX);
    let started = Instant::now();
    let mut reports = Vec::with_capacity(files.len());
    let mut batch = Batch::default();
    let mut report = |file: String, done: usize| {
        let done = u32::try_from(done).unwrap_or(u32::MAX);
        progress(&ImportProgress {
            done,
            total,
            current: file,
            rate: done as f32 / started.elapsed().as_secs_f32().max(1e-3),
        });
    };
    read_in_order(&files, cancel, |i, entries, next_ready| {
        let Some(entries) = entries else {
            batch.store(notebook, cancel, &mut reports, &mut report);
            reports.push(FileReport {
                file: files[i].display().to_string(),
                outcome: ImportOutcome::Cancelled,
            });
            return;
        };
        batch.add(i, &files[i], entries);
        // A file slow to read does not hold back the ones read before it.
        if batch.articles >= max_articles || batch.bytes >= Batch::MAX_BYTES || !next_ready {
            batch.store(notebook, cancel, &mut reports, &mut report);
        }
    });
    batch.store(notebook, cancel, &mut reports, &mut report);
    // The near-duplicate index of the last articles; rebuilt on open if this fails.
    let _ = notebook.flush_bands();
    reports
}

/// An article's label ("file › part") and what was read of it.
type Labelled = (String, Entry);

/// Files read and not yet stored. Their articles go into the notebook in one
/// transaction — per article, the commit and the search index's write to disk cost
/// more than the article's rows.
#[derive(Default)]
struct Batch {
    /// Each file's index and name, and its articles' labels with what was read.
    files: Vec<(usize, String, Vec<Labelled>)>,
    articles: usize,
    /// Text and source bytes held.
    bytes: usize,
}

impl Batch {
    const MAX_ARTICLES: usize = 256;
    const MAX_BYTES: usize = 16 << 20;

    fn add(&mut self, i: usize, path: &Path, entries: Vec<Entry>) {
        let file = path.display().to_string();
        self.articles += entries.iter().filter(|e| e.result.is_ok()).count();
        self.bytes += entry_bytes(&entries);
        let entries = entries
            .into_iter()
            .map(|entry| (labelled(&file, &entry), entry))
            .collect();
        self.files.push((i, file, entries));
    }

    /// Stores the batch (unless `cancel` is set: then its files are cancelled) and
    /// reports on its files in order, calling `progress` with each file and the count
    /// of files done.
    fn store(
        &mut self,
        notebook: &mut Notebook,
        cancel: &AtomicBool,
        reports: &mut Vec<FileReport>,
        progress: &mut impl FnMut(String, usize),
    ) {
        let files = std::mem::take(&mut self.files);
        (self.articles, self.bytes) = (0, 0);
        if cancel.load(Ordering::Relaxed) {
            for (_, _, entries) in files {
                for (file, _) in entries {
                    let outcome = ImportOutcome::Cancelled;
                    reports.push(FileReport { file, outcome });
                }
            }
            return;
        }
        let new: Vec<NewArticle> = files
            .iter()
            .flat_map(|(_, _, entries)| entries)
            .filter_map(|(label, entry)| {
                let imported = entry.result.as_ref().ok()?;
                Some(NewArticle {
                    draft: &imported.draft,
                    source: SourceFile {
                        name: &imported.source.name,
                        path: label,
                        bytes: &imported.source.bytes,
                        sha256: &imported.source.sha256,
                    },
                    keys: &imported.keys,
                })
            })
            .collect();
        let mut stored = notebook.insert_articles(&new).into_iter();
        drop(new);
        for (i, name, entries) in files {
            for (file, entry) in entries {
                let outcome = match entry.result {
                    Ok(imported) => {
                        // One outcome per article given.
                        let stored = stored.next().unwrap_or_else(|| {
                            Err(attest_store::StoreError::Invalid("not stored".into()))
                        });
                        outcome(imported, stored)
                    }
                    Err(e) => ImportOutcome::Failed {
                        reason: e.to_string(),
                    },
                };
                reports.push(FileReport { file, outcome });
            }
            progress(name, i + 1);
        }
    }
}

/// "file › part" for an article inside a file, else the file.
pub(crate) fn labelled(file: &str, entry: &Entry) -> String {
    match &entry.part {
        Some(part) => format!("{file} › {part}"),
        None => file.to_owned(),
    }
}

/// Files read ahead of the caller, and the bytes they may hold: enough for the readers
/// to read a whole batch while the last one is stored, few enough that memory stays
/// small.
const READ_AHEAD: usize = 2 * Batch::MAX_ARTICLES;
const READ_AHEAD_BYTES: usize = 32 << 20;

/// How long the caller is told to wait for the next file before it does something
/// else (import stores the files it holds).
const NEXT_FILE_WAIT: Duration = Duration::from_millis(20);

/// How often a wait for a file looks at `cancel`.
const CANCEL_CHECK: Duration = Duration::from_millis(100);

/// Reads and extracts `files` on worker threads (one per core) and hands each file's
/// entries to `each` on this thread, in the order given — so an import writes the
/// notebook exactly as a one-by-one import would — with whether the next file was
/// read within [`NEXT_FILE_WAIT`]. Once `cancel` is set, the files not yet handed over
/// come as `None`.
fn read_in_order(
    files: &[PathBuf],
    cancel: &AtomicBool,
    mut each: impl FnMut(usize, Option<Vec<Entry>>, bool),
) {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    // The next file to read, how many `each` has had, and the bytes read and not yet
    // handed over: a reader never gets more than READ_AHEAD files or READ_AHEAD_BYTES
    // ahead, even past a slow file, but always reads the file needed next.
    let (next, handed, ahead) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let cancelled = || cancel.load(Ordering::Relaxed);
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::sync_channel::<(usize, Vec<Entry>)>(READ_AHEAD);
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, handed, ahead) = (&next, &handed, &ahead);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= files.len() {
                    break;
                }
                let wait = || {
                    let first = handed.load(Ordering::Relaxed);
                    i > first
                        && (i >= first + READ_AHEAD
                            || ahead.load(Ordering::Relaxed) >= READ_AHEAD_BYTES)
                };
                while wait() && !cancelled() {
                    std::thread::sleep(Duration::from_millis(1));
                }
                let entries = import_file(&files[i]);
                ahead.fetch_add(entry_bytes(&entries), Ordering::Relaxed);
                if cancelled() || sender.send((i, entries)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        // Files arrive in any order; they are handed over in the given one.
        let mut waiting: BTreeMap<usize, Vec<Entry>> = BTreeMap::new();
        // Waits up to `wait` for file `i`; false if it has not come (or never will).
        let arrive = |i: usize, waiting: &mut BTreeMap<usize, Vec<Entry>>, wait: Duration| {
            let deadline = Instant::now().checked_add(wait);
            while !waiting.contains_key(&i) {
                if cancelled() || i >= files.len() {
                    return false;
                }
                let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
                if left == Some(Duration::ZERO) {
                    return false;
                }
                // Checks `cancel` at least every 100 ms while a slow file is read.
                let step = left.map_or(CANCEL_CHECK, |left| left.min(CANCEL_CHECK));
                match receiver.recv_timeout(step) {
                    Ok((j, entries)) => {
                        waiting.insert(j, entries);
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => return false,
                }
            }
            true
        };
        for i in 0..files.len() {
            let entries = if arrive(i, &mut waiting, Duration::MAX) {
                waiting.remove(&i)
            } else {
                None
            };
            if let Some(entries) = &entries {
                ahead.fetch_sub(entry_bytes(entries), Ordering::Relaxed);
            }
            let next_ready = arrive(i + 1, &mut waiting, NEXT_FILE_WAIT);
            each(i, entries.filter(|_| !cancelled()), next_ready);
            handed.store(i + 1, Ordering::Relaxed);
        }
        // Unblocks readers still sending after a cancel.
        drop(receiver);
    });
}

/// The text and source bytes `entries` hold.
fn entry_bytes(entries: &[Entry]) -> usize {
    entries
        .iter()
        .filter_map(|e| e.result.as_ref().ok())
        .map(|i| i.draft.text.len() + i.source.bytes.len())
        .sum()
}

/// What storing `imported` did, as reported.
fn outcome(imported: Imported, stored: attest_store::Result<InsertOutcome>) -> ImportOutcome {
    let title = || {
        imported
            .draft
            .meta
            .title
            .clone()
            .unwrap_or_else(|| imported.draft.fallback_title.clone())
    };
    match stored {
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
/// Reads and extracts every article of `paths` as an import does (the same reader
/// threads: decoding, text, metadata, language, near-duplicate keys) and keeps
/// nothing: (articles, files that failed). What `attest bench extract` times.
pub fn read_only(paths: &[PathBuf]) -> (usize, usize) {
    let files = attest_import::expand_paths(paths);
    let (mut articles, mut failed) = (0, 0);
    read_in_order(&files, &AtomicBool::new(false), |_, entries, _| {
        for entry in entries.into_iter().flatten() {
            match entry.result {
                Ok(_) => articles += 1,
                Err(_) => failed += 1,
            }
        }
    });
    (articles, failed)
}

pub fn inspect(paths: &[PathBuf]) -> crate::Result<Vec<InspectRecord>> {
    Ok(inspect_with(paths, &crate::MentionLookup::gazetteer()?))
}

/// [`inspect`], finding the mentions of the actors `lookup` knows.
pub fn inspect_with(paths: &[PathBuf], lookup: &crate::MentionLookup) -> Vec<InspectRecord> {
    let files = attest_import::expand_paths(paths);
    let mut records = Vec::new();
    read_in_order(&files, &AtomicBool::new(false), |i, entries, _| {
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

#[cfg(test)]
mod batch_tests {
    use super::*;

    /// Nine news-length files, each naming its own word ("word0", "word1", …).
    fn files(dir: &Path) -> Vec<PathBuf> {
        (0..9)
            .map(|i| {
                let body: Vec<String> = (0..80)
                    .map(|k| {
                        format!(
                            "clause{} term{} item{k}",
                            (i * 7 + k) % 97,
                            (i * 13 + k) % 89
                        )
                    })
                    .collect();
                let path = dir.join(format!("article-{i}.txt"));
                let text = format!("Story {i}\n\nIt names word{i}. {}.\n", body.join(" and "));
                std::fs::write(&path, text).unwrap();
                path
            })
            .collect()
    }

    #[test]
    fn cancel_keeps_the_stored_batches_whole_and_writes_no_more() {
        let dir = tempfile::tempdir().unwrap();
        let mut notebook = Notebook::open(dir.path().join("n.attest")).unwrap();
        let files = files(dir.path());
        let cancel = AtomicBool::new(false);
        let mut seen = Vec::new();
        let reports = import_in_batches(
            &mut notebook,
            &files,
            &cancel,
            |p| {
                seen.push(p.done);
                // The analyst presses Cancel as the first file is reported.
                cancel.store(true, Ordering::Relaxed);
            },
            2,
        );
        assert_eq!(reports.len(), 9);
        // The first batch (one file or two: as the readers were ready) is stored and
        // reported file by file; every later file is cancelled, none half-stored.
        let stored = reports
            .iter()
            .take_while(|r| matches!(r.outcome, ImportOutcome::Imported { .. }))
            .count();
        assert!((1..=2).contains(&stored), "{reports:?}");
        assert!(reports[stored..]
            .iter()
            .all(|r| r.outcome == ImportOutcome::Cancelled));
        assert_eq!(seen, (1..=stored as u32).collect::<Vec<_>>());
        assert_eq!(notebook.article_count().unwrap() as usize, stored);
        for (i, file) in files.iter().enumerate() {
            let found = notebook.search_articles(&format!("word{i}")).unwrap();
            assert_eq!(found.len(), usize::from(i < stored), "word{i}");
            if let Some(article) = found.first() {
                let source = notebook.article_source(article.id).unwrap();
                assert_eq!(source, std::fs::read(file).unwrap());
            }
        }
    }

    #[test]
    fn batches_store_what_one_by_one_would() {
        let dir = tempfile::tempdir().unwrap();
        let files = files(dir.path());
        // Each file twice: the second time a duplicate, in the same batch or not.
        let twice: Vec<PathBuf> = files.iter().chain(&files).cloned().collect();
        let outcomes = |max: usize| {
            let mut notebook = Notebook::open(dir.path().join(format!("{max}.attest"))).unwrap();
            let reports =
                import_in_batches(&mut notebook, &twice, &AtomicBool::new(false), |_| {}, max);
            reports.into_iter().map(|r| r.outcome).collect::<Vec<_>>()
        };
        let one_by_one = outcomes(1);
        assert!(matches!(
            one_by_one[9],
            ImportOutcome::Duplicate { article_id: 1, .. }
        ));
        assert_eq!(outcomes(4), one_by_one);
        assert_eq!(outcomes(Batch::MAX_ARTICLES), one_by_one);
    }
}
