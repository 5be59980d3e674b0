//! A notebook on a full disk: every change that does not fit is refused with a clear
//! message, nothing already saved is lost or changed, and once space is freed the same
//! notebook works again.
//!
//! The notebook lives on a 4 MB tmpfs mounted in a mount namespace of its own
//! (`unshare --user --map-root-user --mount`, which needs no root; `unshare --mount`
//! as a fallback for root where user namespaces are off). The tmpfs vanishes with the
//! namespace's process, so the whole scenario is one shell script run inside it: each
//! command's stdout, stderr and exit status, and copies of the notebook at each stage,
//! go to a results folder on the real disk, and this test reads them afterwards.
//!
//! When no tmpfs can be mounted the test fails if `CI` is set, and otherwise says
//! loudly that it skipped.
#![cfg(target_os = "linux")]

mod common;

use common::{attest, repo};
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_attest");

/// Articles per `attest import` call, and how many calls at most: far more than the
/// tmpfs holds, so the imports fill it.
const BATCH: usize = 5;
const BATCHES: usize = 40;

/// What SQLite's "database or disk is full" becomes (`StoreError::DiskFull`).
const DISK_FULL: &str = "the disk holding the notebook is full: this change was not saved \
                         and the notebook is as it was before it; free some space and try again";

/// How the notebook is put on a tmpfs and filled, run inside the namespace. The disk:
/// 4 MB, of which `reserve` (2 MB) and `filler` (512 KB) are taken before the
/// notebook is made; the imports fill the rest. Freeing `filler` (and `topup`) makes
/// room for work again; freeing `reserve` too makes room for a whole backup.
const SCENARIO: &str = r#"
set -u
R=$RESULTS M=$MNT NB=$MNT/notebook.attest
# run NAME COMMAND…: the command's stdout, stderr and exit status into the results.
run() {
    name=$1; shift
    "$@" >"$R/$name.out" 2>"$R/$name.err"
    echo $? >"$R/$name.status"
}
attest() { "$ATTEST" --notebook "$NB" --json "$@"; }
# keep NAME: a copy of the notebook (with its -wal, if any) and what the disk holds.
keep() {
    mkdir "$R/$1"
    for f in "$NB" "$NB-wal"; do if [ -e "$f" ]; then cp "$f" "$R/$1/"; fi; done
    ls -lAR "$M" >"$R/$1/ls"
    df -k "$M" >>"$R/$1/ls"
}

mount -t tmpfs -o size=4m attest-full-disk "$M" || exit 1
touch "$R/mounted"
head -c 2097152 /dev/zero >"$M/reserve"
head -c 524288 /dev/zero >"$M/filler"
cp "$OLD/old-wal.attest" "$OLD/old-rollback.attest" "$M/"

# 1. Imports, one batch a call, until one fails.
for batch in "$BATCHES"/*; do
    b=$(basename "$batch")
    run "import-$b" attest import "$batch"
    [ "$(cat "$R/import-$b.status")" = 0 ] || break
done
echo "$b" >"$R/failed-batch"
keep after-imports

# 2. The disk made completely full, as another program would: the few kilobytes the
# imports left could hold a small edit. Today's snapshot goes first, so that the next
# opening tries to take one on the full disk.
rm -r "$NB.backups"
cat /dev/zero >"$M/topup" 2>/dev/null
keep full

# 3. On the full disk: opening and reading, old notebooks that need an upgrade, a
# backup, edits.
run articles attest articles
for old in old-wal old-rollback; do
    run "$old" "$ATTEST" --notebook "$M/$old.attest" --json articles
    cp "$M/$old.attest" "$R/$old.attest"
done
run backup attest backup create
ls -A "$NB.backups" "$M/old-rollback.attest.backups" >"$R/backup-folders.ls" 2>&1
run actors-add attest actors add "Full Disk Person"
run dossiers-create attest dossiers create "Written on a full disk"
keep after-edits
ls -A "$M" >"$R/full.ls"

# 4. Some space freed: the same notebook takes the failed imports and an edit.
rm "$M/filler" "$M/topup"
run import-again attest import "$BATCHES/$b"
run actors-add-again attest actors add "Free Space Person"
keep freed

# 5. More space freed: a backup fits.
rm "$M/reserve"
run backup-again attest backup create
cp -r "$NB.backups" "$R/backups"
run old-again "$ATTEST" --notebook "$M/old-rollback.attest" --json articles
touch "$R/done"
"#;

/// SplitMix64: the generated articles, the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn words(&mut self, n: usize) -> String {
        const WORDS: &[&str] = &[
            "minister",
            "said",
            "council",
            "budget",
            "reform",
            "vote",
            "parliament",
            "energy",
            "prices",
            "union",
            "talks",
            "strike",
            "workers",
            "river",
            "port",
            "harbour",
            "election",
            "coalition",
            "party",
            "leader",
            "opposition",
            "court",
            "ruling",
            "judge",
            "police",
            "report",
            "village",
            "mayor",
            "school",
            "teachers",
            "farmers",
            "subsidy",
            "grain",
            "export",
            "market",
            "bank",
            "rates",
            "inflation",
            "housing",
            "rent",
            "tenants",
            "city",
            "transport",
            "rail",
            "station",
            "airport",
            "delay",
            "storm",
            "flood",
            "rescue",
            "hospital",
            "doctors",
            "nurses",
            "vaccine",
            "trial",
            "study",
            "university",
            "students",
            "protest",
            "square",
            "march",
            "government",
            "agency",
            "inquiry",
            "data",
            "privacy",
            "company",
            "profits",
            "shares",
            "investors",
            "fund",
            "tax",
            "relief",
            "families",
            "children",
            "summer",
            "winter",
            "north",
            "south",
            "east",
            "west",
            "border",
            "trade",
            "deal",
            "summit",
            "the",
            "of",
            "and",
            "to",
            "in",
            "on",
            "with",
            "after",
            "before",
        ];
        (0..n)
            .map(|_| WORDS[self.below(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A news-length article (3–5 KB): a headline, a lead naming its number, paragraphs
/// of generated sentences.
fn article_text(n: usize, rng: &mut Rng) -> String {
    let capitalised = |s: String| -> String {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => s,
        }
    };
    let mut paragraphs = vec![
        format!("Report {n}: {}", capitalised(rng.words(6))),
        format!("Article number {n} begins here."),
    ];
    let target = 3000 + rng.below(2000);
    let mut len = 0;
    while len < target {
        let sentences = 3 + rng.below(4);
        let paragraph = (0..sentences)
            .map(|_| {
                let n = 8 + rng.below(13);
                capitalised(rng.words(n)) + "."
            })
            .collect::<Vec<String>>()
            .join(" ");
        len += paragraph.len() + 2;
        paragraphs.push(paragraph);
    }
    paragraphs.join("\n\n") + "\n"
}

/// Writes `BATCHES` folders of `BATCH` articles; returns each file name's bytes.
fn write_articles(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut rng = Rng(2026);
    let mut files = BTreeMap::new();
    for b in 0..BATCHES {
        let folder = dir.join(format!("batch-{b:03}"));
        std::fs::create_dir_all(&folder).unwrap();
        for k in 0..BATCH {
            let n = b * BATCH + k;
            let name = format!("article-{n:04}.txt");
            let text = article_text(n, &mut rng);
            std::fs::write(folder.join(&name), &text).unwrap();
            files.insert(name, text.into_bytes());
        }
    }
    files
}

/// The text import stores for each file name: what `attest inspect` says.
fn inspected_texts(batches: &Path) -> BTreeMap<String, String> {
    let out = attest(&batches.join("unused.attest"))
        .args(["--json", "inspect"])
        .arg(batches)
        .output()
        .unwrap();
    assert!(out.status.success(), "attest inspect");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            let file = record["file"].as_str().unwrap();
            let name = Path::new(file).file_name().unwrap().to_str().unwrap();
            let text = record["article"]["text"].as_str().unwrap();
            (name.to_string(), text.to_string())
        })
        .collect()
}

/// A command the script ran: its stdout, stderr and exit status.
struct Ran {
    name: String,
    status: i32,
    stdout: String,
    stderr: String,
}

impl Ran {
    fn read(results: &Path, name: &str) -> Ran {
        let read = |ext: &str| {
            std::fs::read_to_string(results.join(format!("{name}.{ext}")))
                .unwrap_or_else(|e| panic!("{name}.{ext}: {e}"))
        };
        let ran = Ran {
            name: name.to_string(),
            status: read("status").trim().parse().unwrap(),
            stdout: read("out"),
            stderr: read("err"),
        };
        assert!(
            !ran.stderr.contains("panicked"),
            "{name} panicked: {}",
            ran.stderr
        );
        ran
    }

    fn json(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn succeeded(&self) -> &Self {
        assert_eq!(
            self.status, 0,
            "{} failed: {}{}",
            self.name, self.stdout, self.stderr
        );
        self
    }

    /// Exit status 1 and `error: MESSAGE` as the only output.
    fn failed_with(&self, message: &str) {
        assert_eq!(self.status, 1, "{}: {}", self.name, self.stdout);
        assert_eq!(self.stderr, format!("error: {message}\n"), "{}", self.name);
        assert_eq!(self.stdout, "", "{}", self.name);
    }
}

/// Runs the scenario in a new mount namespace. `Err(why)` when no launcher could mount
/// a tmpfs; panics when the scenario, once mounted, did not finish.
fn run_scenario(dir: &Path, results: &Path) -> Result<(), String> {
    let script = dir.join("scenario.sh");
    std::fs::write(&script, SCENARIO).unwrap();
    let mnt = dir.join("mnt");
    std::fs::create_dir_all(&mnt).unwrap();
    let mut why = Vec::new();
    for launcher in [
        &["unshare", "--user", "--map-root-user", "--mount"][..],
        &["unshare", "--mount"][..],
    ] {
        let _ = std::fs::remove_dir_all(results);
        std::fs::create_dir_all(results).unwrap();
        let out = Command::new(launcher[0])
            .args(&launcher[1..])
            .arg("sh")
            .arg(&script)
            .env("RESULTS", results)
            .env("MNT", &mnt)
            .env("ATTEST", BIN)
            .env("BATCHES", dir.join("batches"))
            .env("OLD", dir)
            .output();
        let out = match out {
            Ok(out) => out,
            Err(e) => {
                why.push(format!("{}: {e}", launcher.join(" ")));
                continue;
            }
        };
        if !results.join("mounted").exists() {
            why.push(format!(
                "{}: {}",
                launcher.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
            continue;
        }
        assert!(
            results.join("done").exists(),
            "the scenario stopped half-way ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        return Ok(());
    }
    Err(why.join("; "))
}

fn read_only(notebook: &Path) -> Connection {
    Connection::open_with_flags(notebook, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// Every row of every table (the full-text index's own tables included), as text.
fn dump(notebook: &Path) -> BTreeMap<String, Vec<String>> {
    let conn = read_only(notebook);
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master
             WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    (0..columns)
                        .map(|i| r.get::<_, rusqlite::types::Value>(i))
                        .collect::<rusqlite::Result<Vec<_>>>()
                })
                .unwrap()
                .map(|row| format!("{:?}", row.unwrap()))
                .collect();
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// What a notebook should hold: file name → (article id, title).
type Acknowledged = BTreeMap<String, (i64, String)>;

/// The notebook at `notebook` (a copy; it may be written to) passes SQLite's checks
/// and holds exactly the `expected` articles, each whole: text as import makes it,
/// the original file byte for byte, its row in the search index.
fn check_notebook(
    notebook: &Path,
    expected: &Acknowledged,
    files: &BTreeMap<String, Vec<u8>>,
    texts: &BTreeMap<String, String>,
    when: &str,
) {
    let conn = Connection::open(notebook).unwrap();
    let findings: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(findings, ["ok"], "{when}: integrity_check");
    let dangling = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count();
    assert_eq!(dangling, 0, "{when}: foreign_key_check");
    conn.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap_or_else(|e| panic!("{when}: the search index does not match: {e}"));

    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM articles"),
        expected.len() as i64,
        "{when}: articles"
    );
    assert_eq!(
        count("SELECT count(*) FROM article_sources"),
        expected.len() as i64,
        "{when}: source files"
    );
    assert_eq!(
        count("SELECT count(*) FROM article_signatures"),
        expected.len() as i64,
        "{when}: near-duplicate signatures"
    );
    assert_eq!(
        count("SELECT count(*) FROM articles_fts"),
        expected.len() as i64,
        "{when}: search index rows"
    );
    for (name, (id, title)) in expected {
        let (text, stored_title, source_name, bytes): (String, String, String, Vec<u8>) = conn
            .query_row(
                "SELECT a.text, coalesce(a.title, a.fallback_title), a.source_name, s.bytes
                 FROM articles a JOIN article_sources s ON s.article_id = a.id
                 WHERE a.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap_or_else(|e| panic!("{when}: {name} (#{id}) acknowledged but not there: {e}"));
        assert_eq!(&source_name, name, "{when}: #{id}");
        assert_eq!(&stored_title, title, "{when}: {name}");
        assert!(text == texts[name], "{when}: {name}'s text is not whole");
        assert!(bytes == files[name], "{when}: {name}'s source file differs");
        let n: usize = name["article-".len()..][..4].parse().unwrap();
        let found: Vec<i64> = conn
            .prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1")
            .unwrap()
            .query_map([format!("\"article number {n} begins\"")], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(found, [*id], "{when}: searching for {name}");
    }
}

/// The articles an import run acknowledged (imported, or already there as a
/// duplicate), and the reasons it gave for the others, by file name.
fn import_outcomes(ran: &Ran) -> (Acknowledged, BTreeMap<String, String>) {
    let (mut stored, mut failed) = (Acknowledged::new(), BTreeMap::new());
    for report in ran.json() {
        let file = report["file"].as_str().unwrap();
        let name = Path::new(file)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let outcome = &report["outcome"];
        match outcome["status"].as_str().unwrap() {
            "imported" | "duplicate" => {
                let id = outcome["article_id"].as_i64().unwrap();
                let title = outcome["title"].as_str().unwrap().to_string();
                stored.insert(name, (id, title));
            }
            "failed" => {
                failed.insert(name, outcome["reason"].as_str().unwrap().to_string());
            }
            other => panic!("{}: {name} {other}: {report}", ran.name),
        }
    }
    (stored, failed)
}

fn listing(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_full_disk_refuses_changes_clearly_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let files = write_articles(&dir.join("batches"));
    let texts = inspected_texts(&dir.join("batches"));
    assert_eq!(texts.len(), files.len());
    // A notebook from schema 1, as shipped (WAL) and in rollback-journal mode: opening
    // either would upgrade it, after a snapshot.
    let fixture = repo("crates/attest-store/tests/fixtures/notebook-v1.attest");
    std::fs::copy(&fixture, dir.join("old-wal.attest")).unwrap();
    std::fs::copy(&fixture, dir.join("old-rollback.attest")).unwrap();
    Connection::open(dir.join("old-rollback.attest"))
        .unwrap()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    let old_bytes = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let (old_wal, old_rollback) = (
        old_bytes("old-wal.attest"),
        old_bytes("old-rollback.attest"),
    );

    let results = dir.join("results");
    if let Err(why) = run_scenario(dir, &results) {
        if std::env::var_os("CI").is_some() {
            panic!("cannot mount a tmpfs to fill, so the full-disk test cannot run: {why}");
        }
        eprintln!(
            "\n\n************************************************************\n\
             full_disk: skipped: cannot mount a tmpfs ({why})\n\
             ************************************************************\n"
        );
        return;
    }
    let ran = |name: &str| Ran::read(&results, name);
    let mnt = dir.join("mnt");
    let nb = mnt.join("notebook.attest");

    // 1–2. Imports succeed until the disk is full; then each file that does not fit
    // is reported with the reason, and the call exits with 1.
    let failed_batch = listing(&results.join("failed-batch")).trim().to_string();
    let failed_index: usize = failed_batch["batch-".len()..].parse().unwrap();
    assert!(
        (2..BATCHES - 1).contains(&failed_index),
        "the imports should fill the disk after a few batches, not at {failed_batch}"
    );
    let mut acknowledged = Acknowledged::new();
    for b in 0..failed_index {
        let run = ran(&format!("import-batch-{b:03}"));
        let (stored, failed) = import_outcomes(run.succeeded());
        assert!(failed.is_empty() && stored.len() == BATCH, "batch {b}");
        acknowledged.extend(stored);
    }
    let last = ran(&format!("import-{failed_batch}"));
    assert_eq!(last.status, 1, "a failed file makes the exit status 1");
    let (stored, failed) = import_outcomes(&last);
    assert_eq!(stored.len() + failed.len(), BATCH, "every file is reported");
    assert!(!failed.is_empty());
    for (name, reason) in &failed {
        assert_eq!(reason, DISK_FULL, "{name}");
    }
    acknowledged.extend(stored);
    let never_stored: BTreeSet<&String> = failed.keys().collect();

    // 3. Whatever was acknowledged is whole; what failed is not there at all.
    check_notebook(
        &results.join("after-imports/notebook.attest"),
        &acknowledged,
        &files,
        &texts,
        "after the imports",
    );

    // Opening on the full disk: the day's snapshot cannot be taken, the notebook opens.
    let listed = ran("articles");
    assert_eq!(listed.succeeded().json().len(), acknowledged.len());

    // A notebook that needs an upgrade is left as it is: the WAL one cannot even be
    // read (SQLite needs room for its -shm file), the other cannot be backed up first.
    ran("old-wal").failed_with(&format!(
        "cannot open {}: the disk is full; free some space and try again",
        mnt.join("old-wal.attest").display()
    ));
    let refused = ran("old-rollback");
    assert_eq!(refused.status, 1);
    let backups = mnt.join("old-rollback.attest.backups");
    let expected_start = format!(
        "error: cannot back up {} before upgrading it, so it was left as it is: cannot \
         write the backup {}/old-rollback-",
        mnt.join("old-rollback.attest").display(),
        backups.display()
    );
    assert!(
        refused.stderr.starts_with(&expected_start)
            && refused
                .stderr
                .ends_with("-migration.attest: the disk is full; free some space and try again\n"),
        "{}",
        refused.stderr
    );
    assert!(
        old_bytes("results/old-wal.attest") == old_wal,
        "old-wal changed"
    );
    assert!(
        old_bytes("results/old-rollback.attest") == old_rollback,
        "old-rollback changed"
    );

    // 4. A backup cannot be written: the message says so and names it; no partial
    // file is left behind (nor by the daily snapshots that failed on opening).
    let backup = ran("backup");
    assert_eq!(backup.status, 1);
    let expected_start = format!(
        "error: cannot write the backup {}/notebook-",
        mnt.join("notebook.attest.backups").display()
    );
    assert!(
        backup.stderr.starts_with(&expected_start)
            && backup
                .stderr
                .ends_with("-manual.attest: the disk is full; free some space and try again\n"),
        "{}",
        backup.stderr
    );
    assert_eq!(
        listing(&results.join("backup-folders.ls")),
        format!(
            "{}:\n\n{}:\n",
            nb.display().to_string() + ".backups",
            backups.display()
        ),
        "both backup folders are empty"
    );
    let left = listing(&results.join("full.ls"));
    assert!(
        !left.contains("old-wal.attest-") && !left.contains("old-rollback.attest-"),
        "the refused notebooks have nothing left beside them: {left}"
    );

    // 5. Edits are refused and change nothing.
    ran("actors-add").failed_with(DISK_FULL);
    ran("dossiers-create").failed_with(DISK_FULL);
    assert!(
        dump(&results.join("full/notebook.attest"))
            == dump(&results.join("after-edits/notebook.attest")),
        "the notebook changed on the full disk"
    );
    check_notebook(
        &results.join("after-edits/notebook.attest"),
        &acknowledged,
        &files,
        &texts,
        "after the refused edits",
    );

    // 6. Space freed: the failed files import, the acknowledged ones are found as
    // duplicates of themselves, an edit is saved, and what the full disk left in the
    // -wal is back in the notebook file.
    let again = ran("import-again");
    let (stored, failed) = import_outcomes(again.succeeded());
    assert!(failed.is_empty());
    for (name, (id, _)) in &stored {
        if let Some((was, _)) = acknowledged.get(name) {
            assert_eq!(id, was, "{name} is the article it was");
        } else {
            assert!(never_stored.contains(name), "{name}");
        }
    }
    assert_eq!(stored.len(), BATCH);
    acknowledged.extend(stored);
    let actor = ran("actors-add-again").succeeded().json();
    assert_eq!(actor[0]["name"], "Free Space Person");
    assert!(
        !results.join("freed/notebook.attest-wal").exists(),
        "the -wal was folded back: {}",
        listing(&results.join("freed/ls"))
    );
    check_notebook(
        &results.join("freed/notebook.attest"),
        &acknowledged,
        &files,
        &texts,
        "after freeing space",
    );
    let freed = dump(&results.join("freed/notebook.attest"));
    assert!(
        freed["actors"].len() == 1 && freed["actors"][0].contains("Free Space Person"),
        "only the actor added after freeing space: {:?}",
        freed["actors"]
    );
    assert!(freed["dossiers"].is_empty(), "{:?}", freed["dossiers"]);

    // More space: a whole backup fits, and holds everything.
    let snapshot = ran("backup-again").succeeded().json();
    let snapshot = PathBuf::from(snapshot[0]["path"].as_str().unwrap());
    let copy = results.join("backups").join(snapshot.file_name().unwrap());
    check_notebook(&copy, &acknowledged, &files, &texts, "the backup");
    // And the old notebook upgrades now, with its snapshot.
    let old = ran("old-again").succeeded().json();
    assert_eq!(old.len(), 2);
}
