//! Merging another notebook into this one: how two analysts combine their work.
//!
//! The other notebook is never written. It is read through a read-only connection
//! (checked as opening checks a notebook: header, `quick_check`, version), copied with
//! SQLite's online backup API into a temporary folder, and the copy is opened the normal
//! way, so an older notebook is migrated — the copy, not the original.
//!
//! Articles are matched by their text (white space aside, `text::content_hash`); the
//! other notebook's annotations and statements on an article this one already holds are
//! re-anchored in this one's text through the positions of the non-white-space
//! characters ([`OffsetMap`]). Actors are matched by name and alias ([`plan_actors`]);
//! anything unclear waits for the analyst's [`ActorDecision`].
//!
//! Invariants:
//! - A snapshot (`SnapshotReason::Merge`) is taken before anything is written, then the
//!   merge is one transaction: all or nothing.
//! - Merging the same notebook twice adds nothing the second time: statements,
//!   annotations and dossiers already here are skipped (and the other notebook's
//!   dossier items point at the ones here).
//! - Near-duplicate signatures of the added articles are written after the commit by
//!   the path that signs unsigned articles on open, so a crash between the two loses
//!   nothing: the next open signs them.

use crate::{Notebook, OpenOptions, Result, StoreError};
use attest_core::{
    text, Actor, ActorDecision, ActorKind, ActorMatch, ActorProposal, Anchor, MergePlan,
    MergeReport, SnapshotReason, Span, Statement, StatementFilter,
};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An actor of the other notebook that may be an actor of this one, left undecided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndecidedActor {
    pub source_id: i64,
    pub name: String,
    /// Names of the actors here it may be.
    pub candidates: Vec<String>,
}

/// "2 actors need a decision before merging: “Wang” (matches Wang Yi, Wang Wenbin), …"
pub(crate) fn undecided_message(actors: &[UndecidedActor]) -> String {
    let listed: Vec<String> = actors
        .iter()
        .map(|a| format!("“{}” (matches {})", a.name, a.candidates.join(", ")))
        .collect();
    let (noun, verb) = if actors.len() == 1 {
        ("actor", "needs")
    } else {
        ("actors", "need")
    };
    format!(
        "{} {noun} {verb} a decision before merging: {}",
        actors.len(),
        listed.join(", ")
    )
}

/// Names compared case-insensitively with white space collapsed.
fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn keys(actor: &Actor) -> Vec<String> {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|n| normalise(n))
        .collect()
}

/// The name a separate copy of `name` gets when `name` is taken here; `n` counts the
/// attempts from 1.
fn renamed(name: &str, stem: &str, n: u32) -> String {
    if n == 1 {
        format!("{name} ({stem})")
    } else {
        format!("{name} ({stem} {n})")
    }
}

/// What becomes of each of the other notebook's actors (`source`), given this
/// notebook's (`target`); `stem` is the other notebook's file stem.
///
/// - `Same`: exactly one actor here has the same name (case and white space aside) and
///   kind, and no other matches; or one here is the separate copy an earlier merge of
///   this notebook made (named "Name (stem)", same kind).
/// - `Conflict`: any other match — by alias only, by name with another kind, several.
/// - `New`: no actor here goes by any of its names.
pub fn plan_actors(source: &[Actor], target: &[Actor], stem: &str) -> Vec<ActorMatch> {
    let target_keys: Vec<Vec<String>> = target.iter().map(keys).collect();
    source
        .iter()
        .map(|s| {
            let mine = keys(s);
            let candidates: Vec<&Actor> = target
                .iter()
                .zip(&target_keys)
                .filter(|(_, theirs)| theirs.iter().any(|k| mine.contains(k)))
                .map(|(t, _)| t)
                .collect();
            let name = normalise(&s.name);
            let earlier_copy = normalise(&renamed(&s.name, stem, 1));
            let proposal = match candidates.as_slice() {
                [] => ActorProposal::New,
                [t] if normalise(&t.name) == name && t.kind == s.kind => {
                    ActorProposal::Same { target_id: t.id }
                }
                several => match several
                    .iter()
                    .find(|t| normalise(&t.name) == earlier_copy && t.kind == s.kind)
                {
                    Some(t) => ActorProposal::Same { target_id: t.id },
                    None => ActorProposal::Conflict,
                },
            };
            ActorMatch {
                source_id: s.id,
                name: s.name.clone(),
                kind: s.kind,
                aliases: s.aliases.clone(),
                proposal,
                candidates: candidates.into_iter().cloned().collect(),
            }
        })
        .collect()
}

/// Maps code-point offsets from one text to another holding the same non-white-space
/// characters in the same order (the same article saved with other line breaks or
/// spacing): an offset goes to the same non-white-space character in the other text.
#[derive(Debug)]
pub struct OffsetMap {
    /// For each code point offset `i` of the source (0..=len), how many
    /// non-white-space characters come before it.
    before: Vec<u32>,
    /// Code point offset of each non-white-space character of the target.
    positions: Vec<u32>,
}

impl OffsetMap {
    /// `None` when the two texts' non-white-space characters differ.
    pub fn new(source: &str, target: &str) -> Option<OffsetMap> {
        let mut before = Vec::with_capacity(source.len() + 1);
        let mut n = 0u32;
        for c in source.chars() {
            before.push(n);
            n += u32::from(!c.is_whitespace());
        }
        before.push(n);
        let positions: Vec<u32> = target
            .chars()
            .enumerate()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, _)| i as u32)
            .collect();
        let same = positions.len() == n as usize
            && source
                .chars()
                .filter(|c| !c.is_whitespace())
                .eq(target.chars().filter(|c| !c.is_whitespace()));
        same.then_some(OffsetMap { before, positions })
    }

    /// The span of the target holding the same non-white-space characters as `span` of
    /// the source: from the first of them to just after the last (white space at its
    /// ends is not carried). `None` when `span` is out of bounds or holds none.
    pub fn span(&self, span: Span) -> Option<Span> {
        let first = *self.before.get(span.start as usize)?;
        let past = *self.before.get(span.end as usize)?;
        if past <= first {
            return None;
        }
        Some(Span {
            start: self.positions[first as usize],
            end: self.positions[past as usize - 1] + 1,
        })
    }
}

/// The other notebook: a checked copy of it, opened and migrated, in a temporary folder
/// removed when this is dropped.
struct Source {
    /// Declared before `_dir` so the connection closes before the folder goes.
    notebook: Notebook,
    /// The other notebook's file stem, for names that must be told apart.
    stem: String,
    _dir: tempfile::TempDir,
}

/// `path` with `suffix` appended to its file name (`n.attest` → `n.attest-wal`).
fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_os_string();
    p.push(suffix);
    PathBuf::from(p)
}

impl Source {
    /// Checks the other notebook as opening would (without writing to it), copies it,
    /// and opens the copy.
    fn open(this: &Path, other: &Path) -> Result<Source> {
        let shown = other.display().to_string();
        let meta = std::fs::metadata(other).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                StoreError::Invalid(format!("there is no notebook at {shown}"))
            }
            _ => StoreError::Io {
                context: format!("cannot read {shown}"),
                source: e,
            },
        })?;
        if meta.is_dir() {
            return Err(StoreError::Invalid(format!(
                "{shown} is a folder, not a notebook file"
            )));
        }
        let same_file = match (std::fs::canonicalize(this), std::fs::canonicalize(other)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same_file {
            return Err(StoreError::Invalid(format!(
                "{shown} is the open notebook: a notebook cannot be merged into itself"
            )));
        }
        if meta.len() == 0 {
            return Err(StoreError::NotANotebook { path: shown });
        }
        crate::check_header(other)?;

        let dir = tempfile::Builder::new()
            .prefix("attest-merge-")
            .tempdir()
            .map_err(|e| StoreError::Io {
                context: "cannot create a temporary folder to read the other notebook in".into(),
                source: e,
            })?;
        let stem = other
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "other notebook".into());
        let copy = dir.path().join("source.attest");

        // Reading a WAL file creates its -wal and -shm beside it: remove the ones this
        // read created (never ones that were there, which another program is using).
        let (wal, shm) = (side(other, "-wal"), side(other, "-shm"));
        let were_there = wal.exists() || shm.exists();
        let copied = copy_checked(other, &copy);
        if !were_there {
            if std::fs::metadata(&wal).is_ok_and(|m| m.len() == 0) {
                let _ = std::fs::remove_file(&wal);
            }
            if !wal.exists() {
                let _ = std::fs::remove_file(&shm);
            }
        }
        copied?;

        let options = OpenOptions {
            daily_snapshot: false,
            ..OpenOptions::default()
        };
        let notebook = Notebook::open_with(&copy, &options).map_err(|e| {
            StoreError::Invalid(format!("cannot read {shown} (from a copy of it): {e}"))
        })?;
        Ok(Source {
            notebook,
            stem,
            _dir: dir,
        })
    }
}

/// Checks `other` read-only as opening does, and copies it to `copy` with the online
/// backup API.
fn copy_checked(other: &Path, copy: &Path) -> Result<()> {
    let (survey, reader) = crate::survey(other, &OpenOptions::default())?;
    if survey.version < 1 {
        // Some other SQLite database, or an empty one.
        return Err(StoreError::NotANotebook {
            path: other.display().to_string(),
        });
    }
    let mut dst = Connection::open(copy)?;
    let backup = Backup::new(&reader, &mut dst)?;
    let mut waits = 0;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if waits < 100 => {
                waits += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => return Err(StoreError::Busy),
        }
    }
}

/// How an article of the other notebook lands here.
struct Landed {
    target_id: i64,
    /// `None` when the two texts are the same bytes: offsets carry over as they are.
    map: Option<OffsetMap>,
    text: String,
}

impl Landed {
    /// The anchor here for `a`, an anchor in the other notebook's text.
    fn anchor(&self, a: &Anchor) -> Result<Anchor> {
        let span = match &self.map {
            None => a.span(),
            Some(map) => map.span(a.span()).ok_or_else(|| {
                StoreError::Invalid(format!(
                    "the passage “{}” cannot be placed in article #{}",
                    a.exact, self.target_id
                ))
            })?,
        };
        Ok(text::anchor(&self.text, span)?)
    }
}

/// A statement as compared for duplicates: content spans in order, speakers sorted.
type StatementKey = (Vec<(u32, u32)>, Vec<i64>);

fn statement_key(s: &Statement) -> StatementKey {
    let spans = s.content.iter().map(|a| (a.start, a.end)).collect();
    let mut speakers: Vec<i64> = s.speakers.iter().map(|a| a.id).collect();
    speakers.sort_unstable();
    (spans, speakers)
}

/// A dossier item as stored, ids already those of this notebook.
#[derive(Debug, PartialEq)]
struct ItemRow {
    kind: String,
    statement_id: Option<i64>,
    annotation_id: Option<i64>,
    article_id: Option<i64>,
    title: String,
    commentary: String,
}

fn item_rows(conn: &Connection, dossier_id: i64) -> Result<Vec<ItemRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, statement_id, annotation_id, article_id, title, commentary
         FROM dossier_items WHERE dossier_id = ?1 ORDER BY position, id",
    )?;
    let rows = stmt.query_map([dossier_id], |r| {
        Ok(ItemRow {
            kind: r.get(0)?,
            statement_id: r.get(1)?,
            annotation_id: r.get(2)?,
            article_id: r.get(3)?,
            title: r.get(4)?,
            commentary: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A saved query as JSON, its actor id made this notebook's. A query naming an actor
/// the other notebook no longer has matched nothing there; actor 0 matches nothing here.
fn mapped_query(query: Option<String>, actors: &HashMap<i64, i64>) -> Option<serde_json::Value> {
    let mut value: serde_json::Value = serde_json::from_str(&query?).ok()?;
    if let Some(slot) = value.get_mut("actor_id") {
        if let Some(id) = slot.as_i64() {
            *slot = actors.get(&id).copied().unwrap_or(0).into();
        }
    }
    Some(value)
}

fn count(conn: &Connection, table: &str) -> Result<u32> {
    Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
}

/// Where each of the other notebook's actors goes.
enum ActorTarget {
    /// An actor here.
    Existing(i64),
    /// An actor of its own.
    Separate,
}

impl Notebook {
    /// What merging the notebook at `other` into this one would do; writes nothing.
    pub fn merge_plan(&self, other: &Path) -> Result<MergePlan> {
        let source = Source::open(&self.path, other)?;
        self.plan_with(&source, other)
    }

    fn plan_with(&self, source: &Source, other: &Path) -> Result<MergePlan> {
        let src = &source.notebook.conn;
        let (mut articles_new, mut articles_existing) = (0, 0);
        {
            let mut texts = src.prepare("SELECT text FROM articles ORDER BY id")?;
            let mut rows = texts.query([])?;
            let mut here = self
                .conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE content_hash = ?1)")?;
            while let Some(row) = rows.next()? {
                let text: String = row.get(0)?;
                if here.query_row([text::content_hash(&text)], |r| r.get::<_, bool>(0))? {
                    articles_existing += 1;
                } else {
                    articles_new += 1;
                }
            }
        }
        Ok(MergePlan {
            source: other.display().to_string(),
            articles_new,
            articles_existing,
            statements: count(src, "statements")?,
            annotations: count(src, "annotations")?,
            dossiers: count(src, "dossiers")?,
            actors: plan_actors(&source.notebook.actors()?, &self.actors()?, &source.stem),
        })
    }

    /// Merges the notebook at `other` into this one, which is snapshotted first; the
    /// merge itself is one transaction. `decisions` answer the plan's conflicts (and may
    /// override its other proposals); a conflict left unanswered is an error
    /// ([`StoreError::UndecidedActors`]) and nothing is written.
    pub fn merge(&mut self, other: &Path, decisions: &[ActorDecision]) -> Result<MergeReport> {
        let source = Source::open(&self.path, other)?;
        let plan = self.plan_with(&source, other)?;
        let targets = self.decide(&plan, decisions)?;

        self.flush_bands()?;
        let has_data: bool = self.conn.query_row(crate::HAS_DATA, [], |r| r.get(0))?;
        let snapshot = if has_data {
            Some(self.create_snapshot(SnapshotReason::Merge)?)
        } else {
            None
        };

        let mut report = MergeReport {
            articles_added: 0,
            articles_existing: 0,
            actors_added: 0,
            actors_matched: 0,
            statements_added: 0,
            statements_skipped: 0,
            annotations_added: 0,
            annotations_skipped: 0,
            dossiers_added: 0,
            dossiers_skipped: 0,
            snapshot,
        };
        // Reads through `&self` see the transaction's writes: one connection.
        let tx = self.conn.unchecked_transaction()?;
        let actors = self.merge_actors(&source, &plan, &targets, &mut report)?;
        let mut statements = HashMap::new();
        let mut annotations = HashMap::new();
        let articles = self.merge_articles(
            &source,
            &actors,
            &mut statements,
            &mut annotations,
            &mut report,
        )?;
        self.merge_dossiers(
            &source,
            &Ids {
                actors: &actors,
                articles: &articles,
                statements: &statements,
                annotations: &annotations,
            },
            &mut report,
        )?;
        tx.commit()?;
        // Signatures and near-duplicate links of the added articles: an index, written
        // again on the next open if this fails.
        let _ = self.sign_unsigned_articles();
        Ok(report)
    }

    /// Applies `decisions` over the plan's proposals; every conflict needs one.
    fn decide(
        &self,
        plan: &MergePlan,
        decisions: &[ActorDecision],
    ) -> Result<BTreeMap<i64, ActorTarget>> {
        let mut decided: HashMap<i64, Option<i64>> = HashMap::new();
        for d in decisions {
            if !plan.actors.iter().any(|m| m.source_id == d.source_id) {
                return Err(StoreError::Invalid(format!(
                    "{} has no actor with id {}",
                    plan.source, d.source_id
                )));
            }
            if let Some(id) = d.target_id {
                self.actor(id)?;
            }
            decided.insert(d.source_id, d.target_id);
        }
        let mut targets = BTreeMap::new();
        let mut undecided = Vec::new();
        for m in &plan.actors {
            let target = match (decided.get(&m.source_id), &m.proposal) {
                (Some(Some(id)), _) => ActorTarget::Existing(*id),
                (Some(None), _) | (None, ActorProposal::New) => ActorTarget::Separate,
                (None, ActorProposal::Same { target_id }) => ActorTarget::Existing(*target_id),
                (None, ActorProposal::Conflict) => {
                    undecided.push(UndecidedActor {
                        source_id: m.source_id,
                        name: m.name.clone(),
                        candidates: m.candidates.iter().map(|c| c.name.clone()).collect(),
                    });
                    continue;
                }
            };
            targets.insert(m.source_id, target);
        }
        if !undecided.is_empty() {
            return Err(StoreError::UndecidedActors { actors: undecided });
        }
        Ok(targets)
    }

    /// Adds or matches the other notebook's actors; returns their ids here.
    fn merge_actors(
        &self,
        source: &Source,
        plan: &MergePlan,
        targets: &BTreeMap<i64, ActorTarget>,
        report: &mut MergeReport,
    ) -> Result<HashMap<i64, i64>> {
        let mut ids = HashMap::new();
        for m in &plan.actors {
            let id = match targets[&m.source_id] {
                ActorTarget::Existing(id) => {
                    report.actors_matched += 1;
                    id
                }
                ActorTarget::Separate => {
                    let created_at: String = source.notebook.conn.query_row(
                        "SELECT created_at FROM actors WHERE id = ?1",
                        [m.source_id],
                        |r| r.get(0),
                    )?;
                    match self.add_separate_actor(m, &created_at, &source.stem)? {
                        (id, true) => {
                            report.actors_added += 1;
                            id
                        }
                        (id, false) => {
                            report.actors_matched += 1;
                            id
                        }
                    }
                }
            };
            self.add_missing_aliases(id, std::iter::once(&m.name).chain(&m.aliases))?;
            ids.insert(m.source_id, id);
        }
        Ok(ids)
    }

    /// Adds the other notebook's actor `m` as an actor of its own, renamed "Name (stem)"
    /// when its name is taken here (keeping its name as an alias). A same-kind actor
    /// already bearing that name is the copy an earlier merge made, and is reused.
    /// Returns the id and whether it was added.
    fn add_separate_actor(
        &self,
        m: &ActorMatch,
        created_at: &str,
        stem: &str,
    ) -> Result<(i64, bool)> {
        let name = m.name.trim();
        let mut chosen = name.to_owned();
        for n in 1.. {
            let taken: Option<(i64, String)> = self
                .conn
                .query_row(
                    "SELECT id, kind FROM actors WHERE name = ?1",
                    [&chosen],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            match taken {
                None => break,
                Some((id, kind)) if n > 1 && ActorKind::parse(&kind) == Some(m.kind) => {
                    return Ok((id, false));
                }
                Some(_) => chosen = renamed(name, stem, n),
            }
        }
        self.conn.execute(
            "INSERT INTO actors (name, kind, created_at) VALUES (?1, ?2, ?3)",
            params![chosen, m.kind.as_str(), created_at],
        )?;
        Ok((self.conn.last_insert_rowid(), true))
    }

    /// Gives actor `id` the names it does not go by yet as aliases.
    fn add_missing_aliases<'a>(
        &self,
        id: i64,
        names: impl Iterator<Item = &'a String>,
    ) -> Result<()> {
        let actor = self.actor(id)?;
        let mut known = keys(&actor);
        for name in names {
            let name = name.trim();
            if name.is_empty() || known.contains(&normalise(name)) {
                continue;
            }
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)",
                )?
                .execute(params![id, name])?;
            known.push(normalise(name));
        }
        Ok(())
    }

    /// Adds the other notebook's articles this one lacks, and carries the statements
    /// and annotations on every article over; returns the articles' ids here.
    fn merge_articles(
        &self,
        source: &Source,
        actors: &HashMap<i64, i64>,
        statements: &mut HashMap<i64, i64>,
        annotations: &mut HashMap<i64, i64>,
        report: &mut MergeReport,
    ) -> Result<HashMap<i64, i64>> {
        let src = &source.notebook.conn;
        let ids: Vec<i64> = src
            .prepare("SELECT id FROM articles ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut articles = HashMap::new();
        // One article at a time: a large notebook is never held in memory.
        for source_id in ids {
            let landed = self.land_article(src, source_id, report)?;
            articles.insert(source_id, landed.target_id);
            self.merge_annotations(source, source_id, &landed, annotations, report)?;
            self.merge_statements(source, source_id, &landed, actors, statements, report)?;
        }
        Ok(articles)
    }

    /// Finds the article here with the same text as the other notebook's `source_id`,
    /// or adds it with its metadata and source file.
    fn land_article(
        &self,
        src: &Connection,
        source_id: i64,
        report: &mut MergeReport,
    ) -> Result<Landed> {
        let text: String = src.query_row(
            "SELECT text FROM articles WHERE id = ?1",
            [source_id],
            |r| r.get(0),
        )?;
        let hash = text::content_hash(&text);
        let existing: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT id, text FROM articles WHERE content_hash = ?1")?
            .query_row([&hash], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((target_id, here)) = existing {
            report.articles_existing += 1;
            let map = if here == text {
                None
            } else {
                Some(OffsetMap::new(&text, &here).ok_or_else(|| {
                    StoreError::Invalid(format!(
                        "article #{source_id} of the other notebook and #{target_id} here \
                         share a fingerprint but not their words"
                    ))
                })?)
            };
            return Ok(Landed {
                target_id,
                map,
                text: here,
            });
        }
        // Every column as it is there; the fingerprint worked out again from the text.
        type Columns = (Option<String>, String, [Option<String>; 6], [String; 4]);
        let (title, fallback_title, meta, [format, source_name, source_path, imported_at]): Columns =
            src.query_row(
                "SELECT title, fallback_title, byline, outlet, published, dateline, language,
                        url, format, source_name, source_path, imported_at
                 FROM articles WHERE id = ?1",
                [source_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                        [r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?],
                    ))
                },
            )?;
        let [byline, outlet, published, dateline, language, url] = meta;
        self.conn.execute(
            "INSERT INTO articles (title, fallback_title, byline, outlet, published, dateline,
                                   language, url, text, content_hash, format, source_name,
                                   source_path, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                title,
                fallback_title,
                byline,
                outlet,
                published,
                dateline,
                language,
                url,
                text,
                hash,
                format,
                source_name,
                source_path,
                imported_at
            ],
        )?;
        let target_id = self.conn.last_insert_rowid();
        let file: Option<(Vec<u8>, String)> = src
            .query_row(
                "SELECT bytes, sha256 FROM article_sources WHERE article_id = ?1",
                [source_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((bytes, sha256)) = file {
            self.conn.execute(
                "INSERT INTO article_sources (article_id, bytes, sha256) VALUES (?1, ?2, ?3)",
                params![target_id, bytes, sha256],
            )?;
        }
        report.articles_added += 1;
        Ok(Landed {
            target_id,
            map: None,
            text,
        })
    }

    fn merge_annotations(
        &self,
        source: &Source,
        source_article: i64,
        landed: &Landed,
        ids: &mut HashMap<i64, i64>,
        report: &mut MergeReport,
    ) -> Result<()> {
        let theirs = source.notebook.annotations(source_article)?;
        if theirs.is_empty() {
            return Ok(());
        }
        let mut here: HashMap<(u32, u32, String), i64> = self
            .annotations(landed.target_id)?
            .into_iter()
            .map(|a| ((a.anchor.start, a.anchor.end, a.note), a.id))
            .collect();
        for a in theirs {
            let anchor = landed.anchor(&a.anchor)?;
            let key = (anchor.start, anchor.end, a.note.clone());
            if let Some(&id) = here.get(&key) {
                ids.insert(a.id, id);
                report.annotations_skipped += 1;
                continue;
            }
            self.conn.execute(
                "INSERT INTO annotations (article_id, start, end, exact, prefix, suffix, note,
                                          created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    landed.target_id,
                    anchor.start,
                    anchor.end,
                    anchor.exact,
                    anchor.prefix,
                    anchor.suffix,
                    a.note,
                    a.created_at
                ],
            )?;
            let id = self.conn.last_insert_rowid();
            here.insert(key, id);
            ids.insert(a.id, id);
            report.annotations_added += 1;
        }
        Ok(())
    }

    fn merge_statements(
        &self,
        source: &Source,
        source_article: i64,
        landed: &Landed,
        actors: &HashMap<i64, i64>,
        ids: &mut HashMap<i64, i64>,
        report: &mut MergeReport,
    ) -> Result<()> {
        let by_article = |id| StatementFilter {
            article_id: Some(id),
            actor_id: None,
        };
        let theirs = source.notebook.statements(&by_article(source_article))?;
        if theirs.is_empty() {
            return Ok(());
        }
        let mut here: HashMap<StatementKey, i64> = self
            .statements(&by_article(landed.target_id))?
            .iter()
            .map(|s| (statement_key(s), s.id))
            .collect();
        for s in theirs {
            let content = s
                .content
                .iter()
                .map(|a| landed.anchor(a))
                .collect::<Result<Vec<_>>>()?;
            let speaker = s
                .speaker_mention
                .as_ref()
                .map(|a| landed.anchor(a))
                .transpose()?;
            let cue = s.cue.as_ref().map(|a| landed.anchor(a)).transpose()?;
            let speakers: Vec<i64> = s
                .speakers
                .iter()
                .filter_map(|a| actors.get(&a.id).copied())
                .collect();
            let mut sorted = speakers.clone();
            sorted.sort_unstable();
            let key = (content.iter().map(|a| (a.start, a.end)).collect(), sorted);
            if let Some(&id) = here.get(&key) {
                ids.insert(s.id, id);
                report.statements_skipped += 1;
                continue;
            }
            self.conn.execute(
                "INSERT INTO statements (article_id, kind, status, stance, created_at,
                                         confidence, reported_via, date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    landed.target_id,
                    s.kind.as_str(),
                    s.status.as_str(),
                    s.stance.map(|x| x.as_str()),
                    s.created_at,
                    s.confidence,
                    s.reported_via,
                    s.date
                ],
            )?;
            let id = self.conn.last_insert_rowid();
            let spans = speaker
                .map(|a| ("speaker", 0, a))
                .into_iter()
                .chain(cue.map(|a| ("cue", 0, a)))
                .chain(
                    content
                        .into_iter()
                        .enumerate()
                        .map(|(i, a)| ("content", i, a)),
                );
            let mut insert_span = self.conn.prepare_cached(
                "INSERT INTO statement_spans (statement_id, role, ord, start, end, exact,
                                              prefix, suffix)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for (role, ord, a) in spans {
                insert_span.execute(params![
                    id, role, ord as i64, a.start, a.end, a.exact, a.prefix, a.suffix
                ])?;
            }
            let mut insert_actor = self.conn.prepare_cached(
                "INSERT OR IGNORE INTO statement_actors (statement_id, actor_id, role, ord)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (ord, actor) in speakers.iter().enumerate() {
                insert_actor.execute(params![id, actor, "speaker", ord as i64])?;
            }
            for (role, list) in [("addressee", &s.addressees), ("target", &s.targets)] {
                let ours = list.iter().filter_map(|a| actors.get(&a.id));
                for (ord, actor) in ours.enumerate() {
                    insert_actor.execute(params![id, actor, role, ord as i64])?;
                }
            }
            let mut insert_topic = self.conn.prepare_cached(
                "INSERT OR IGNORE INTO statement_topics (statement_id, topic, ord)
                 VALUES (?1, ?2, ?3)",
            )?;
            for (ord, topic) in s.topics.iter().enumerate() {
                insert_topic.execute(params![id, topic, ord as i64])?;
            }
            here.insert(key, id);
            ids.insert(s.id, id);
            report.statements_added += 1;
        }
        Ok(())
    }

    /// Carries the other notebook's dossiers over with their items in order. A title
    /// taken here by a dossier holding the same items is the same dossier (skipped);
    /// by another, the new one becomes "Title (from stem)".
    fn merge_dossiers(&self, source: &Source, ids: &Ids, report: &mut MergeReport) -> Result<()> {
        let src = &source.notebook.conn;
        #[allow(clippy::type_complexity)]
        let dossiers: Vec<(i64, String, String, String, Option<String>)> = src
            .prepare("SELECT id, title, description, created_at, query FROM dossiers ORDER BY id")?
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (source_id, title, description, created_at, query) in dossiers {
            let query = mapped_query(query, ids.actors);
            let items: Vec<ItemRow> = item_rows(src, source_id)?
                .into_iter()
                .map(|i| ItemRow {
                    statement_id: i.statement_id.and_then(|x| ids.statements.get(&x).copied()),
                    annotation_id: i
                        .annotation_id
                        .and_then(|x| ids.annotations.get(&x).copied()),
                    article_id: i.article_id.and_then(|x| ids.articles.get(&x).copied()),
                    ..i
                })
                .collect();
            let title = title.trim();
            let mut chosen = None;
            for n in 0u32.. {
                let candidate = match n {
                    0 => title.to_owned(),
                    1 => format!("{title} (from {})", source.stem),
                    n => format!("{title} (from {} {n})", source.stem),
                };
                let same_title = self.dossiers_titled(&candidate)?;
                if same_title.is_empty() {
                    chosen = Some(candidate);
                    break;
                }
                let mut identical = false;
                for (id, their_query) in same_title {
                    let their_query = their_query.and_then(|q| serde_json::from_str(&q).ok());
                    if their_query == query && item_rows(&self.conn, id)? == items {
                        identical = true;
                        break;
                    }
                }
                if identical {
                    break;
                }
            }
            let Some(title) = chosen else {
                report.dossiers_skipped += 1;
                continue;
            };
            self.conn.execute(
                "INSERT INTO dossiers (title, description, created_at, query)
                 VALUES (?1, ?2, ?3, ?4)",
                params![title, description, created_at, query.map(|q| q.to_string())],
            )?;
            let dossier_id = self.conn.last_insert_rowid();
            let mut insert = self.conn.prepare_cached(
                "INSERT INTO dossier_items (dossier_id, position, kind, statement_id,
                                            annotation_id, article_id, title, commentary)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for (position, i) in items.iter().enumerate() {
                insert.execute(params![
                    dossier_id,
                    position as i64,
                    i.kind,
                    i.statement_id,
                    i.annotation_id,
                    i.article_id,
                    i.title,
                    i.commentary
                ])?;
            }
            report.dossiers_added += 1;
        }
        Ok(())
    }

    /// Dossiers whose title is `title` (ignoring case): id and stored query.
    fn dossiers_titled(&self, title: &str) -> Result<Vec<(i64, Option<String>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title, query FROM dossiers ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, t, q) = row?;
            if normalise(&t) == normalise(title) {
                out.push((id, q));
            }
        }
        Ok(out)
    }
}

/// The other notebook's ids → this one's.
struct Ids<'a> {
    actors: &'a HashMap<i64, i64>,
    articles: &'a HashMap<i64, i64>,
    statements: &'a HashMap<i64, i64>,
    annotations: &'a HashMap<i64, i64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slice(text: &str, s: Span) -> String {
        text.chars()
            .skip(s.start as usize)
            .take((s.end - s.start) as usize)
            .collect()
    }

    fn words(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn offsets_follow_the_words_when_only_white_space_differs() {
        let source = "Head line\n\nWang  said: “We stand firmly.”\n";
        let target = "Head line\r\nWang said:\n“We stand\tfirmly.”";
        let map = OffsetMap::new(source, target).unwrap();
        let quote = text::find(source, "“We stand firmly.”").unwrap();
        let there = map.span(quote).unwrap();
        assert_eq!(slice(target, there), "“We stand\tfirmly.”");
        // White space at a span's ends is not carried; a blank span has no place.
        let padded = Span {
            start: quote.start - 1,
            end: quote.end + 1,
        };
        assert_eq!(map.span(padded), Some(there));
        let blank = text::find(source, "\n\n").unwrap();
        assert_eq!(map.span(blank), None);
        assert_eq!(map.span(Span { start: 0, end: 999 }), None);
        assert!(OffsetMap::new("a b", "a c").is_none());
        assert!(OffsetMap::new("a b", "a b c").is_none());
    }

    #[test]
    fn identical_texts_map_every_span_that_starts_and_ends_on_a_character() {
        let text = "中国 🙂 says: \u{301}e x";
        let map = OffsetMap::new(text, text).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for start in 0..chars.len() {
            for end in start + 1..=chars.len() {
                if chars[start].is_whitespace() || chars[end - 1].is_whitespace() {
                    continue;
                }
                let span = Span {
                    start: start as u32,
                    end: end as u32,
                };
                assert_eq!(map.span(span), Some(span));
            }
        }
    }

    #[test]
    fn actors_are_same_new_or_in_conflict() {
        let actor = |id, name: &str, kind, aliases: &[&str]| Actor {
            id,
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            statement_count: None,
        };
        use ActorKind::*;
        let target = [
            actor(1, "Wang Yi", Person, &["Wang"]),
            actor(2, "Wang Wenbin", Person, &["Wang"]),
            actor(3, "China", State, &["Beijing"]),
            actor(4, "Xinhua", MediaOutlet, &[]),
            actor(5, "Li  Qiang", Person, &[]),
            actor(6, "Tass", MediaOutlet, &[]),
            actor(7, "Tass (notes)", MediaOutlet, &["Tass"]),
        ];
        let source = [
            actor(10, "wang yi", Person, &[]),
            actor(11, "Wang", Person, &[]),
            actor(12, "PRC", State, &["Beijing"]),
            actor(13, "Xinhua", Organization, &[]),
            actor(14, "li qiang", Person, &["Premier Li"]),
            actor(15, "Someone", Other, &[]),
            actor(16, "Tass", MediaOutlet, &[]),
        ];
        let plan = plan_actors(&source, &target, "notes");
        let got: Vec<(&str, ActorProposal, Vec<i64>)> = plan
            .iter()
            .map(|m| {
                (
                    m.name.as_str(),
                    m.proposal.clone(),
                    m.candidates.iter().map(|c| c.id).collect(),
                )
            })
            .collect();
        use ActorProposal::*;
        assert_eq!(
            got,
            [
                ("wang yi", Same { target_id: 1 }, vec![1]),
                ("Wang", Conflict, vec![1, 2]),
                ("PRC", Conflict, vec![3]),
                ("Xinhua", Conflict, vec![4]),
                ("li qiang", Same { target_id: 5 }, vec![5]),
                ("Someone", New, vec![]),
                // The separate copy an earlier merge of "notes" made.
                ("Tass", Same { target_id: 7 }, vec![6, 7]),
            ]
        );
    }

    #[test]
    fn the_undecided_are_named() {
        let wang = UndecidedActor {
            source_id: 1,
            name: "Wang".into(),
            candidates: vec!["Wang Yi".into(), "Wang Wenbin".into()],
        };
        assert_eq!(
            undecided_message(std::slice::from_ref(&wang)),
            "1 actor needs a decision before merging: “Wang” (matches Wang Yi, Wang Wenbin)"
        );
        let prc = UndecidedActor {
            source_id: 2,
            name: "PRC".into(),
            candidates: vec!["China".into()],
        };
        assert_eq!(
            undecided_message(&[wang, prc]),
            "2 actors need a decision before merging: “Wang” (matches Wang Yi, Wang \
             Wenbin), “PRC” (matches China)"
        );
    }

    /// Words and the white space between them, the same words with other white space.
    fn relaid() -> impl Strategy<Value = (String, String)> {
        let word = "[a-zé中🙂\u{301}“”.,]{1,6}";
        let gap = prop::sample::select(vec![" ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{a0}"]);
        prop::collection::vec((word, gap.clone(), gap), 1..20).prop_map(|parts| {
            let (mut a, mut b) = (String::new(), String::new());
            for (i, (w, ga, gb)) in parts.iter().enumerate() {
                if i == 0 {
                    a.push_str(ga);
                } else {
                    a.push_str(ga);
                    b.push_str(gb);
                }
                a.push_str(w);
                b.push_str(w);
            }
            (a, b)
        })
    }

    proptest! {
        #[test]
        fn a_mapped_span_holds_the_same_words(
            (source, target) in relaid(),
            x in 0usize..200,
            y in 0usize..200,
        ) {
            let map = OffsetMap::new(&source, &target).unwrap();
            let len = source.chars().count() + 1;
            let (start, end) = ((x % len).min(y % len), (x % len).max(y % len));
            let span = Span { start: start as u32, end: end as u32 };
            let theirs = slice(&source, span);
            match map.span(span) {
                None => prop_assert!(theirs.trim().is_empty()),
                Some(ours) => {
                    let here = slice(&target, ours);
                    // The same characters, white space aside; no white space at its ends.
                    let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                    prop_assert_eq!(bare(&here), bare(&theirs));
                    prop_assert_eq!(here.trim(), here.as_str());
                    // Whole words stay whole words, laid out as the target lays them out.
                    if theirs.trim() == theirs && !theirs.is_empty() {
                        prop_assert_eq!(words(&here), words(&theirs));
                    }
                    // And the anchor built from it is valid in the target.
                    prop_assert!(text::anchor(&target, ours).is_ok());
                }
            }
        }

        #[test]
        fn the_same_text_maps_to_itself((source, _) in relaid(), x in 0usize..200, y in 0usize..200) {
            let map = OffsetMap::new(&source, &source).unwrap();
            let len = source.chars().count() + 1;
            let (start, end) = ((x % len).min(y % len), (x % len).max(y % len));
            let span = Span { start: start as u32, end: end as u32 };
            let text = slice(&source, span);
            if !text.is_empty() && text.trim() == text {
                prop_assert_eq!(map.span(span), Some(span));
            }
        }
    }
}
