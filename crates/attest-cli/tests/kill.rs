//! Crash safety: `attest` killed with SIGKILL at random moments of a 1,000-file import
//! and of a burst of edits. After each kill the notebook must pass SQLite's integrity
//! checks, hold every article whole or not at all (text, metadata, source file, search
//! index, near-duplicate signature and links), hold every edit that was acknowledged,
//! and open in the app.
//!
//! A normal test run does `ATTEST_KILL_ROUNDS` rounds of each (default 5); the full
//! proof is 50:
//!
//! ```text
//! ATTEST_KILL_ROUNDS=50 cargo test --release -p attest-cli --test kill -- --nocapture
//! ```
//!
//! `ATTEST_KILL_SEED` (default 1) picks the kill moments.
#![cfg(unix)]

mod common;

use common::{attest, repo};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_attest");

/// The two tests take turns: each measures times that the other would disturb.
static SERIAL: Mutex<()> = Mutex::new(());

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}")),
        Err(_) => default,
    }
}

fn rounds() -> u64 {
    env_number("ATTEST_KILL_ROUNDS", 5)
}

/// SplitMix64: the kill moments, the same for a given seed.
struct Rng(u64);

impl Rng {
    fn seeded(salt: u64) -> Rng {
        Rng(env_number("ATTEST_KILL_SEED", 1) ^ salt)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A duration in `[from, to)`.
    fn between(&mut self, from: Duration, to: Duration) -> Duration {
        let span = (to.saturating_sub(from).as_micros() as u64).max(1);
        from + Duration::from_micros(self.next() % span)
    }
}

// ---------------------------------------------------------------------------------
// Checks shared by both tests.

fn read_only(notebook: &Path) -> Connection {
    Connection::open_with_flags(
        notebook,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .unwrap()
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt
        .query_map([], |r| r.get::<_, rusqlite::types::Value>(0))
        .unwrap()
        .map(|v| format!("{:?}", v.unwrap()))
        .collect();
    rows
}

/// `PRAGMA integrity_check` says "ok" and no foreign key points nowhere.
fn assert_sqlite_healthy(conn: &Connection, when: &str) {
    let findings: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(findings, ["ok"], "{when}: integrity_check");
    let dangling = strings(conn, "PRAGMA foreign_key_check");
    assert!(
        dangling.is_empty(),
        "{when}: foreign_key_check {dangling:?}"
    );
}

fn schema_version(conn: &Connection) -> i64 {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

/// Waits until no process of the group `pgid` is left running (a killed process may
/// finish the system call it was in).
fn wait_for_group_to_die(pgid: u32) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let alive = std::fs::read_dir("/proc").ok().is_some_and(|dir| {
            dir.flatten().any(|e| {
                let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
                    return false;
                };
                // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
                let Some((_, rest)) = stat.rsplit_once(')') else {
                    return false;
                };
                let fields: Vec<&str> = rest.split_whitespace().collect();
                fields.len() > 2 && fields[2] == pgid.to_string() && !matches!(fields[0], "Z" | "X")
            })
        });
        if !alive {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "process group {pgid} still alive"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

// ---------------------------------------------------------------------------------
// The import.

/// 900 generated articles, and 100 variants of them that sort right after their
/// original: 50 near-duplicates (linked as related) and 50 copies differing only in
/// white space (skipped as duplicates). Returns the folder.
fn write_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    let status = Command::new(BIN)
        .args([
            "bench",
            "generate",
            "--articles",
            "900",
            "--seed",
            "7",
            "--from",
        ])
        .arg(repo("../shared/corpus/polnear-train/text"))
        .arg("--out")
        .arg(&corpus)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "attest bench generate");
    for k in 0..100 {
        let i = k * 9;
        let text = std::fs::read_to_string(corpus.join(format!("article-{i:06}.txt"))).unwrap();
        let paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
        if k % 2 == 0 {
            // A new heading, the last paragraph dropped.
            let body = paragraphs[1..paragraphs.len() - 1].join("\n\n");
            let near = format!("Generated article {i}, revised\n\n{body}\n");
            std::fs::write(corpus.join(format!("article-{i:06}x-near.txt")), near).unwrap();
        } else {
            let copy = paragraphs.join("\n\n\n").replace(". ", ".  ") + "\n\n";
            std::fs::write(corpus.join(format!("article-{i:06}y-copy.txt")), copy).unwrap();
        }
    }
    corpus
}

/// An article as stored, keyed by the path it was imported from.
#[derive(Debug, Clone, PartialEq)]
struct Stored {
    id: i64,
    title: Option<String>,
    fallback_title: String,
    byline: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    dateline: Option<String>,
    language: Option<String>,
    url: Option<String>,
    text: String,
    content_hash: String,
    format: String,
    source_name: String,
    /// From `article_sources`: `None` when the row is missing.
    source_sha256: Option<String>,
    /// From `article_signatures`: `None` when the row is missing.
    signature_len: Option<i64>,
}

/// A notebook's articles (by source path), their source files' bytes, and its
/// near-duplicate links as (newer path, older path, similarity bits).
struct Contents {
    articles: BTreeMap<String, Stored>,
    source_bytes: BTreeMap<String, Option<Vec<u8>>>,
    related: BTreeSet<(String, String, u64)>,
}

fn contents(conn: &Connection) -> Contents {
    let mut articles = BTreeMap::new();
    let mut source_bytes = BTreeMap::new();
    let mut stmt = conn
        .prepare(
            "SELECT a.id, a.title, a.fallback_title, a.byline, a.outlet, a.published,
                    a.dateline, a.language, a.url, a.text, a.content_hash, a.format,
                    a.source_name, a.source_path, s.sha256, s.bytes,
                    (SELECT length(signature) FROM article_signatures WHERE article_id = a.id)
             FROM articles a LEFT JOIN article_sources s ON s.article_id = a.id
             ORDER BY a.id",
        )
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let path: String = r.get(13).unwrap();
        let stored = Stored {
            id: r.get(0).unwrap(),
            title: r.get(1).unwrap(),
            fallback_title: r.get(2).unwrap(),
            byline: r.get(3).unwrap(),
            outlet: r.get(4).unwrap(),
            published: r.get(5).unwrap(),
            dateline: r.get(6).unwrap(),
            language: r.get(7).unwrap(),
            url: r.get(8).unwrap(),
            text: r.get(9).unwrap(),
            content_hash: r.get(10).unwrap(),
            format: r.get(11).unwrap(),
            source_name: r.get(12).unwrap(),
            source_sha256: r.get(14).unwrap(),
            signature_len: r.get(16).unwrap(),
        };
        source_bytes.insert(path.clone(), r.get(15).unwrap());
        assert!(
            articles.insert(path.clone(), stored).is_none(),
            "{path} stored twice"
        );
    }
    let related = conn
        .prepare(
            "SELECT a.source_path, b.source_path, r.similarity FROM related_articles r
             JOIN articles a ON a.id = r.article_id JOIN articles b ON b.id = r.related_id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, f64>(2)?.to_bits()))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    Contents {
        articles,
        source_bytes,
        related,
    }
}

/// The longest plain word of `text`, as an FTS5 phrase.
fn search_word(text: &str) -> String {
    let word = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .max_by_key(|w| w.len())
        .unwrap();
    format!("\"{word}\"")
}

/// What the reference import (never killed) stored.
struct Reference {
    contents: Contents,
    schema_version: i64,
}

/// Checks a notebook just after a kill, before anything opened it: returns its
/// articles by source path (empty when the kill came before the schema was made).
fn check_after_kill(notebook: &Path, reference: &Reference, when: &str) -> Contents {
    let empty = || Contents {
        articles: BTreeMap::new(),
        source_bytes: BTreeMap::new(),
        related: BTreeSet::new(),
    };
    if !notebook.exists() {
        return empty();
    }
    // Read-only, as the app's first look is: the WAL is left for the app to recover.
    let conn = read_only(notebook);
    assert_sqlite_healthy(&conn, when);
    let version = schema_version(&conn);
    if version < reference.schema_version {
        // Killed while the notebook was being created: each migration is whole.
        let has_articles: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'articles')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        if has_articles {
            let n: i64 = conn
                .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0, "{when}: articles in a notebook at version {version}");
        }
        return empty();
    }
    let found = contents(&conn);
    let ids: Vec<i64> = found.articles.values().map(|a| a.id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    for (path, stored) in &found.articles {
        let expected = reference
            .contents
            .articles
            .get(path)
            .unwrap_or_else(|| panic!("{when}: {path} stored but not in the reference"));
        // Whole: every column as a clean import writes it (the same id too: import
        // goes in file order and a lost transaction uses no id).
        assert_eq!(stored, expected, "{when}: {path}");
        assert!(!stored.text.trim().is_empty(), "{when}: {path}: empty text");
        assert_eq!(
            stored.content_hash,
            attest_core::text::content_hash(&stored.text),
            "{when}: {path}: the text is not the one hashed"
        );
        assert_eq!(
            found.source_bytes[path].as_deref(),
            Some(std::fs::read(path).unwrap().as_slice()),
            "{when}: {path}: source file bytes"
        );
        assert!(stored.signature_len.is_some(), "{when}: {path}: unsigned");
        let hits: i64 = conn
            .query_row(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2",
                rusqlite::params![search_word(&stored.text), stored.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1, "{when}: {path}: not found by search");
    }
    // Nothing skipped: the articles are the reference's first ones.
    assert_eq!(
        sorted,
        (1..=ids.len() as i64).collect::<Vec<_>>(),
        "{when}: ids"
    );
    // Links are made with the article: exactly the reference's among those stored.
    let expected_related: BTreeSet<_> = reference
        .contents
        .related
        .iter()
        .filter(|(newer, _, _)| found.articles.contains_key(newer))
        .cloned()
        .collect();
    assert_eq!(found.related, expected_related, "{when}: related articles");
    found
}

/// Checks that need a writable connection, after the app opened the notebook (which
/// re-writes lost near-duplicate index keys): the search index matches the table row
/// for row, and every article is signed and in the band index.
fn check_after_open(notebook: &Path, when: &str) {
    let conn = Connection::open(notebook).unwrap();
    conn.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap_or_else(|e| panic!("{when}: FTS integrity-check: {e}"));
    let unsigned: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles a
             WHERE NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article_id = a.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unsigned, 0, "{when}: unsigned articles");
    let wrong_bands: Vec<(i64, i64)> = conn
        .prepare(
            "SELECT s.article_id, (SELECT count(*) FROM article_bands b WHERE b.article_id = s.article_id) AS n
             FROM article_signatures s WHERE length(s.signature) > 0 AND n <> ?1",
        )
        .unwrap()
        .query_map([attest_core::similarity::BANDS as i64], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(
        wrong_bands.is_empty(),
        "{when}: (article, band keys) not {}: {wrong_bands:?}",
        attest_core::similarity::BANDS
    );
    assert_sqlite_healthy(&conn, when);
}

/// Every snapshot beside the notebook is a healthy database (they are written to a
/// hidden `.partial` file, then renamed). Returns how many `.partial` files a kill left.
fn check_snapshots(notebook: &Path, when: &str) -> usize {
    let mut dir = notebook.as_os_str().to_os_string();
    dir.push(".backups");
    let Ok(entries) = std::fs::read_dir(PathBuf::from(dir)) else {
        return 0;
    };
    let mut partial = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && name.ends_with(".partial") {
            partial += 1;
        } else if !name.ends_with("-wal") && !name.ends_with("-shm") {
            let conn = read_only(&entry.path());
            assert_sqlite_healthy(&conn, &format!("{when}: snapshot {name}"));
        }
    }
    partial
}

/// Deletes a notebook with its WAL files and snapshots.
fn remove_notebook(notebook: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut path = notebook.as_os_str().to_os_string();
        path.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(path));
    }
    let mut backups = notebook.as_os_str().to_os_string();
    backups.push(".backups");
    let _ = std::fs::remove_dir_all(PathBuf::from(backups));
}

/// Opens the notebook as the app does (migrating, re-signing, snapshotting) and
/// returns its article count.
fn open_in_app(notebook: &Path) -> usize {
    let api = attest_api::Api::open(notebook)
        .unwrap_or_else(|e| panic!("the app cannot open {}: {e}", notebook.display()));
    api.articles().unwrap().len()
}

fn import(notebook: &Path, corpus: &Path) -> std::process::Child {
    Command::new(BIN)
        .arg("--notebook")
        .arg(notebook)
        .arg("import")
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn import_killed_at_random_moments_leaves_articles_whole_or_absent() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path());
    let files = std::fs::read_dir(&corpus).unwrap().count();
    assert_eq!(files, 1000);

    // The reference, never killed; its time spreads the kills over a whole import.
    let reference_nb = dir.path().join("reference.attest");
    let started = Instant::now();
    let status = import(&reference_nb, &corpus).wait().unwrap();
    let full = started.elapsed();
    assert!(status.success(), "reference import: {status}");
    // A resumed import reads every file again and skips those already stored (timed
    // the second time: the first takes the day's snapshot).
    let mut resume = Duration::ZERO;
    for _ in 0..2 {
        let started = Instant::now();
        let status = import(&reference_nb, &corpus).wait().unwrap();
        resume = started.elapsed();
        assert!(status.success(), "re-import: {status}");
    }
    // Starting and opening the notebook, before any file.
    let started = Instant::now();
    let status = Command::new(BIN)
        .arg("--notebook")
        .arg(&reference_nb)
        .args(["dossiers", "list"])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    let opening = started.elapsed();
    assert!(status.success(), "dossiers list: {status}");
    let reference = {
        let conn = read_only(&reference_nb);
        Reference {
            contents: contents(&conn),
            schema_version: schema_version(&conn),
        }
    };
    let articles = reference.contents.articles.len();
    let related = reference.contents.related.len();
    eprintln!(
        "kill/import: {files} files → {articles} articles, {related} related pairs, in {full:.2?} \
         (reference; again, all duplicates: {resume:.2?}; opening alone: {opening:.2?})"
    );
    assert_eq!(articles, 950, "the 50 white-space copies are duplicates");
    assert!(
        related >= 45,
        "the 50 near-duplicates are linked: {related}"
    );

    let notebook = |cycle: u32| dir.path().join(format!("killed-{cycle}.attest"));
    let (mut cycle, mut killed, mut partials) = (1, 0, 0);
    let mut nb = notebook(cycle);
    let mut rng = Rng::seeded(0x1_0000);
    let mut before: BTreeMap<String, Stored> = BTreeMap::new();
    let rounds = rounds();
    for round in 1..=rounds {
        if before.len() == articles {
            // Complete, and so equal to the reference (checked): the next rounds fill
            // a new notebook, so that most kills still fall amid writes.
            remove_notebook(&nb);
            cycle += 1;
            nb = notebook(cycle);
            before.clear();
        }
        let when = format!("import round {round} (notebook {cycle})");
        // A round opens the notebook and skips the files already stored, then adds the
        // others: one kill in four falls in the first part, the others in the second
        // (estimated from the timed imports).
        let done = before.len() as f64 / articles as f64;
        let skipped = resume.mul_f64(done);
        let length = skipped + full.mul_f64(1.0 - done);
        let delay = if rng.next().is_multiple_of(4) {
            rng.between(Duration::ZERO, skipped.max(opening))
        } else {
            rng.between(skipped, length)
        };
        let mut child = import(&nb, &corpus);
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap();
        if finished.is_none() {
            child.kill().unwrap();
        }
        let status = child.wait().unwrap();
        match finished {
            Some(_) => assert!(status.success(), "{when}: import failed: {status}"),
            // The import may end between the look and the kill: then it ends well.
            None => assert!(
                status.signal() == Some(9) || status.success(),
                "{when}: {status}"
            ),
        }
        let found = check_after_kill(&nb, &reference, &when);
        // Resumed imports only add: what was there stays, unchanged.
        for (path, stored) in &before {
            assert_eq!(
                found.articles.get(path),
                Some(stored),
                "{when}: {path} changed"
            );
        }
        let opened = open_in_app(&nb);
        assert_eq!(opened, found.articles.len(), "{when}: count once opened");
        check_after_open(&nb, &when);
        let left = check_snapshots(&nb, &when);
        killed += u32::from(finished.is_none());
        eprintln!(
            "kill/import: round {round}/{rounds} (notebook {cycle}): {} after {delay:.2?}: \
             {} articles (+{}){}",
            if finished.is_some() {
                "finished"
            } else {
                "killed"
            },
            found.articles.len(),
            found.articles.len() - before.len(),
            if left > partials {
                format!("; killed amid a snapshot, {left} partial snapshot file(s) left behind")
            } else {
                String::new()
            }
        );
        partials = left;
        before = found.articles;
    }

    // The last import, left to finish, completes the notebook.
    let status = import(&nb, &corpus).wait().unwrap();
    assert!(status.success(), "final import: {status}");
    let found = check_after_kill(&nb, &reference, "final import");
    assert_eq!(
        found.articles.keys().collect::<Vec<_>>(),
        reference.contents.articles.keys().collect::<Vec<_>>(),
        "final import: every file once"
    );
    assert_eq!(
        found.related, reference.contents.related,
        "final import: related"
    );
    assert_eq!(open_in_app(&nb), articles);
    check_after_open(&nb, "final import");
    check_snapshots(&nb, "final import");
    eprintln!(
        "kill/import: {rounds} rounds ({killed} killed, {cycle} notebooks), then {} articles \
         and {} related pairs, as the reference",
        found.articles.len(),
        found.related.len()
    );
}

// ---------------------------------------------------------------------------------
// The edits.

/// The commentary items of dossier 1, in order.
fn commentary(notebook: &Path, when: &str) -> Vec<String> {
    let conn = read_only(notebook);
    assert_sqlite_healthy(&conn, when);
    let items: Vec<(i64, String, String)> = conn
        .prepare(
            "SELECT position, kind, commentary FROM dossier_items WHERE dossier_id = 1
             ORDER BY position, id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let positions: BTreeSet<i64> = items.iter().map(|(p, _, _)| *p).collect();
    assert_eq!(positions.len(), items.len(), "{when}: positions repeat");
    let dossiers: Option<String> = conn
        .query_row("SELECT title FROM dossiers WHERE id = 1", [], |r| r.get(0))
        .optional()
        .unwrap();
    assert_eq!(
        dossiers.as_deref(),
        Some("Kill test"),
        "{when}: the dossier"
    );
    items
        .into_iter()
        .map(|(_, kind, text)| {
            assert_eq!(kind, "commentary", "{when}");
            text
        })
        .collect()
}

/// A process group, killed when dropped (a failed check must not leave it running).
struct Group(u32);

impl Group {
    /// SIGKILL to every process of the group: the shell and the `attest` it runs.
    /// (When the group is gone already, the wait status tells why.)
    fn kill(&self) {
        let pgid = libc::pid_t::try_from(self.0).unwrap();
        // SAFETY: kill(2) takes no pointers; a negative pid names a process group.
        unsafe { libc::kill(-pgid, libc::SIGKILL) };
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs `attest dossiers comment 1 "r<round> edit <i>"` for i = 1, 2, … until killed,
/// printing "ack i" after each that succeeded, in a process group of its own.
fn edit_burst(notebook: &Path, round: u64) -> std::process::Child {
    Command::new("sh")
        .arg("-c")
        .arg(
            r#"bin="$1"; nb="$2"; r="$3"; i=1
            while :; do
                "$bin" --notebook "$nb" dossiers comment 1 "r$r edit $i" >/dev/null || exit 3
                echo "ack $i"
                i=$((i + 1))
            done"#,
        )
        .arg("sh")
        .arg(BIN)
        .arg(notebook)
        .arg(round.to_string())
        .stdout(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap()
}

#[test]
fn edits_killed_at_random_moments_keep_every_acknowledged_one() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("edits.attest");
    attest(&nb)
        .args(["dossiers", "create", "Kill test"])
        .assert()
        .success();

    let mut rng = Rng::seeded(0x2_0000);
    let mut kept: Vec<String> = Vec::new();
    let rounds = rounds();
    for round in 1..=rounds {
        let when = format!("edit round {round}");
        let delay = rng.between(Duration::from_millis(20), Duration::from_millis(1500));
        let mut child = edit_burst(&nb, round);
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map(|l| l.unwrap())
                .collect::<Vec<String>>()
        });
        let group = Group(child.id());
        std::thread::sleep(delay);
        group.kill();
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "{when}: the burst stopped: {status}"
        );
        wait_for_group_to_die(group.0);
        let acks: Vec<String> = reader.join().unwrap();
        let acked = acks.len();
        let expected_acks: Vec<String> = (1..=acked).map(|i| format!("ack {i}")).collect();
        assert_eq!(acks, expected_acks, "{when}: acknowledgements");

        let items = commentary(&nb, &when);
        assert!(items.starts_with(&kept), "{when}: earlier edits changed");
        let new = &items[kept.len()..];
        let edit = |i: usize| format!("r{round} edit {i}");
        // Every acknowledged edit, in order, and at most the one in flight when killed
        // (committed, not yet acknowledged).
        let acknowledged: Vec<String> = (1..=acked).map(edit).collect();
        let in_flight = acknowledged.iter().cloned().chain([edit(acked + 1)]);
        assert!(
            new == acknowledged.as_slice() || new.iter().cloned().eq(in_flight),
            "{when}: {acked} acknowledged, stored {new:?}"
        );
        let opened = attest_api::Api::open(&nb)
            .unwrap_or_else(|e| panic!("{when}: the app cannot open the notebook: {e}"));
        drop(opened);
        eprintln!(
            "kill/edits: round {round}/{rounds}: killed after {delay:.2?}: {acked} acknowledged, {} stored",
            new.len()
        );
        kept = items;
    }
    eprintln!(
        "kill/edits: {rounds} rounds, {} edits kept in all",
        kept.len()
    );
}
