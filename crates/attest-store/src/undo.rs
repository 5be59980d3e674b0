//! Undo and redo of every edit within a session, after SQLite's "Automatic Undo/Redo
//! Using SQLite" (sqlite.org/undoredo.html): TEMP triggers on every table the analyst
//! edits write, for each row inserted, updated or deleted, the statement that reverses
//! it into a TEMP log, grouped into labelled steps. TEMP objects live only on this
//! connection: the history is the session's, and other connections (the CLI, the import
//! thread, the background snapshot) never record. The triggers are generated at open
//! from `PRAGMA table_info`, so columns and tables added by later migrations are covered.
//!
//! - Only writes inside an open step are recorded (imports, mention rescans of other
//!   changes, proposals stored on opening an article are not).
//! - `mentions` (derived, WITHOUT ROWID) and the FTS tables (virtual, with their shadow
//!   tables) are never recorded: after an undo that touched actors the mentions are found
//!   again as after any actor change; an article put back is indexed by its FTS triggers
//!   and scanned for mentions. Near-duplicate signatures ARE recorded: they are only
//!   computed at import, so putting an article back needs them. Band keys
//!   (`article_bands`, WITHOUT ROWID) are not: a deleted article's keys stay.
//! - Undoing a step runs its inverse statements newest first in one transaction with
//!   foreign keys deferred (cascaded rows come back in any order), recording their own
//!   inverses as the redo step.

use crate::mentions::{bump_actors_version, patterns, rescan, scan_article};
use crate::{Notebook, Result, StoreError};
use attest_core::mentions::MentionFinder;
use attest_core::UndoState;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeSet;

/// Steps kept on the undo stack; older ones are forgotten.
pub const UNDO_LIMIT: i64 = 200;

/// Settings that are the analyst's choices and so recorded; the other keys are the
/// store's bookkeeping (`actors_version`, `mentions_pending`, …), which undo must not
/// move back.
const RECORDED_SETTINGS: &[&str] = &["citation_style"];

/// The step a deletion is recorded under, for the trash, when no undo step is open.
pub(crate) const CAPTURE_STEP: i64 = -1;

const SETUP: &str = "
    -- Rows that INSERT OR REPLACE deletes fire delete triggers only with this on.
    PRAGMA recursive_triggers = ON;
    CREATE TEMP TABLE IF NOT EXISTS undo_state (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        recording INTEGER
    );
    INSERT OR IGNORE INTO temp.undo_state (id, recording) VALUES (1, NULL);
    CREATE TEMP TABLE IF NOT EXISTS undo_steps (
        id    INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo'))
    );
    CREATE TEMP TABLE IF NOT EXISTS undo_log (
        seq  INTEGER PRIMARY KEY,
        step INTEGER NOT NULL,
        tbl  TEXT NOT NULL,
        row  INTEGER NOT NULL,
        sql  TEXT NOT NULL,
        -- The old values as SQL literals by column (JSON): all of a deleted row's, an
        -- updated row's changed ones; what the trash rebuilds a row from.
        vals TEXT
    );
    CREATE INDEX IF NOT EXISTS temp.undo_log_step ON undo_log (step, seq);
";

/// One recorded row change: the table, the row's rowid, the statement reversing it and
/// (for a deleted or updated row) its old values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub table: String,
    pub row: i64,
    pub sql: String,
    pub vals: Option<String>,
}

/// Creates the log and the recording triggers on this connection (at open).
pub(crate) fn install(conn: &Connection) -> Result<()> {
    conn.execute_batch(SETUP)?;
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list
             WHERE schema = 'main' AND type = 'table' AND wr = 0
               AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN ('mentions', 'article_bands')
             ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut sql = String::new();
    for table in &tables {
        sql.push_str(&triggers(conn, table)?);
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

pub(crate) fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The three recording triggers of one table.
fn triggers(conn: &Connection, table: &str) -> Result<String> {
    let columns: Vec<(String, String, i64)> = conn
        .prepare("SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid")?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // An INTEGER PRIMARY KEY is the rowid: name it once.
    let keys: Vec<_> = columns.iter().filter(|c| c.2 > 0).collect();
    let rowid_alias = keys.len() == 1 && keys[0].1.eq_ignore_ascii_case("INTEGER");
    let t = ident(table);
    let name = |event: &str| ident(&format!("undo_{table}_{event}"));
    let recording = "(SELECT recording FROM temp.undo_state)";
    let only = |row: &str| -> String {
        if table == "settings" {
            let keys: Vec<String> = RECORDED_SETTINGS.iter().map(|k| literal(k)).collect();
            format!(" AND {row}.key IN ({})", keys.join(", "))
        } else {
            String::new()
        }
    };
    let log = |row: &str, sql: String, vals: String| {
        format!(
            "INSERT INTO temp.undo_log (step, tbl, row, sql, vals)
             VALUES ({recording}, {}, {row}.rowid, {sql}, {vals});",
            literal(table)
        )
    };
    // A JSON object of old values as SQL literals, of the columns `keep` lets through.
    let vals = |keep: &dyn Fn(&str) -> String| {
        let members: Vec<String> = columns
            .iter()
            .map(|(c, _, _)| {
                format!(
                    "{} || json_quote({}) || ':' || json_quote(quote(old.{}))",
                    literal(","),
                    literal(c),
                    ident(c)
                )
            })
            .zip(columns.iter())
            .map(|(member, (c, _, _))| keep(c).replace("{}", &member))
            .collect();
        format!("'{{' || substr({}, 2) || '}}'", members.join(" || "))
    };
    let all_vals = vals(&|_| "{}".to_string());
    let changed_vals = vals(&|c| {
        format!(
            "CASE WHEN old.{0} IS NOT new.{0} THEN {{}} ELSE '' END",
            ident(c)
        )
    });

    let delete_new = format!(
        "{} || new.rowid",
        literal(&format!("DELETE FROM main.{t} WHERE rowid = "))
    );

    let changed: Vec<String> = columns
        .iter()
        .map(|(c, _, _)| format!("old.{0} IS NOT new.{0}", ident(c)))
        .collect();
    let sets: Vec<String> = columns
        .iter()
        .map(|(c, _, _)| {
            format!(
                "CASE WHEN old.{0} IS NOT new.{0} THEN {1} || quote(old.{0}) ELSE '' END",
                ident(c),
                literal(&format!(", {} = ", ident(c)))
            )
        })
        .collect();
    let update_old = format!(
        "{} || substr({}, 3) || ' WHERE rowid = ' || old.rowid",
        literal(&format!("UPDATE main.{t} SET ")),
        sets.join(" || ")
    );

    let mut names: Vec<String> = columns.iter().map(|c| ident(&c.0)).collect();
    let mut values: Vec<String> = columns
        .iter()
        .map(|(c, _, _)| format!("quote(old.{})", ident(c)))
        .collect();
    if !rowid_alias {
        names.insert(0, "rowid".into());
        values.insert(0, "old.rowid".into());
    }
    let insert_old = format!(
        "{} || {} || ')'",
        literal(&format!(
            "INSERT INTO main.{t} ({}) VALUES (",
            names.join(", ")
        )),
        values.join(" || ', ' || ")
    );

    Ok(format!(
        "CREATE TEMP TRIGGER IF NOT EXISTS {ins} AFTER INSERT ON main.{t}
           WHEN {recording} IS NOT NULL{only_new} BEGIN {log_ins} END;
         CREATE TEMP TRIGGER IF NOT EXISTS {upd} AFTER UPDATE ON main.{t}
           WHEN {recording} IS NOT NULL{only_old} AND ({changed}) BEGIN {log_upd} END;
         CREATE TEMP TRIGGER IF NOT EXISTS {del} AFTER DELETE ON main.{t}
           WHEN {recording} IS NOT NULL{only_old} BEGIN {log_del} END;\n",
        ins = name("insert"),
        upd = name("update"),
        del = name("delete"),
        only_new = only("new"),
        only_old = only("old"),
        changed = changed.join(" OR "),
        log_ins = log("new", delete_new, "NULL".into()),
        log_upd = log("old", update_old, changed_vals),
        log_del = log("old", insert_old, all_vals),
    ))
}

/// The step being recorded, if any.
pub(crate) fn recording(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT recording FROM temp.undo_state")?
        .query_row([], |r| r.get(0))?)
}

pub(crate) fn set_recording(conn: &Connection, step: Option<i64>) -> Result<()> {
    conn.prepare_cached("UPDATE temp.undo_state SET recording = ?1")?
        .execute([step])?;
    Ok(())
}

/// The newest log sequence number (entries recorded later have a greater one).
pub(crate) fn last_seq(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) FROM temp.undo_log", [], |r| {
            r.get(0)
        })?,
    )
}

/// A step's entries after `after`, newest first: the order that reverses them.
pub(crate) fn entries(conn: &Connection, step: i64, after: i64) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT tbl, row, sql, vals FROM temp.undo_log
         WHERE step = ?1 AND seq > ?2 ORDER BY seq DESC",
    )?;
    let rows = stmt.query_map([step, after], |r| {
        Ok(Entry {
            table: r.get(0)?,
            row: r.get(1)?,
            sql: r.get(2)?,
            vals: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Runs `entries` (inside the caller's transaction, with foreign keys deferred) and
/// brings derived data up to date: mentions after actors or aliases changed, mentions
/// of articles put back. Returns the first SQL error as it came.
pub(crate) fn apply(conn: &Connection, entries: &[Entry]) -> Result<()> {
    let of = |table: &str| -> BTreeSet<i64> {
        entries
            .iter()
            .filter(|e| e.table == table)
            .map(|e| e.row)
            .collect()
    };
    let aliases = of("actor_aliases");
    let mut actors = of("actors");
    actors.extend(alias_owners(conn, &aliases)?);
    for e in entries {
        conn.execute_batch(&e.sql)?;
    }
    actors.extend(alias_owners(conn, &aliases)?);

    let mut all_rescanned = false;
    if !actors.is_empty() {
        bump_actors_version(conn)?;
        let gone = actors
            .iter()
            .any(|id| !row_exists(conn, "actors", *id).unwrap_or(false));
        if gone {
            // The mentions of an actor taken away went with it: "where was it
            // mentioned" is lost, so every article is rewritten.
            rescan(conn, None)?;
            all_rescanned = true;
        } else {
            let scope: Vec<i64> = actors.into_iter().collect();
            rescan(conn, Some(&scope))?;
        }
    }
    // Articles put back: their mentions were deleted with them and are not recorded.
    let restored: Vec<i64> = entries
        .iter()
        .filter(|e| e.table == "articles" && e.sql.starts_with("INSERT"))
        .map(|e| e.row)
        .collect();
    if !restored.is_empty() && !all_rescanned {
        let finder = MentionFinder::new(patterns(conn)?)?;
        for id in restored {
            let text: Option<String> = conn
                .query_row("SELECT text FROM articles WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(text) = text {
                scan_article(conn, &finder, id, &text)?;
            }
        }
    }
    Ok(())
}

fn row_exists(conn: &Connection, table: &str, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        &format!(
            "SELECT EXISTS (SELECT 1 FROM main.{} WHERE rowid = ?1)",
            ident(table)
        ),
        [id],
        |r| r.get(0),
    )?)
}

fn alias_owners(conn: &Connection, aliases: &BTreeSet<i64>) -> Result<BTreeSet<i64>> {
    let mut stmt = conn.prepare_cached("SELECT actor_id FROM actor_aliases WHERE id = ?1")?;
    let mut owners = BTreeSet::new();
    for id in aliases {
        if let Some(owner) = stmt.query_row([id], |r| r.get(0)).optional()? {
            owners.insert(owner);
        }
    }
    Ok(owners)
}

/// Whether an SQL error means the rows no longer fit the notebook (a constraint).
pub(crate) fn is_conflict(e: &StoreError) -> bool {
    matches!(e, StoreError::Sqlite(s)
        if s.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation))
}

impl Notebook {
    /// Starts recording a step of edits under `label` ("Add highlight"). Every change
    /// until [`Notebook::end_step`] is undone and redone as one.
    pub fn begin_step(&mut self, label: &str) -> Result<()> {
        // A step left open (a panic in the middle of an edit) is closed, so that it
        // does not swallow this one.
        self.end_step()?;
        self.conn.execute(
            "INSERT INTO temp.undo_steps (label, stack) VALUES (?1, 'undo')",
            [label],
        )?;
        set_recording(&self.conn, Some(self.conn.last_insert_rowid()))
    }

    /// Ends the step being recorded. A step that changed nothing is dropped; one that
    /// did clears the redo stack. Returns whether the step was kept.
    pub fn end_step(&mut self) -> Result<bool> {
        let Some(step) = recording(&self.conn)? else {
            return Ok(false);
        };
        set_recording(&self.conn, None)?;
        let changed: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM temp.undo_log WHERE step = ?1)",
            [step],
            |r| r.get(0),
        )?;
        if !changed {
            self.conn
                .execute("DELETE FROM temp.undo_steps WHERE id = ?1", [step])?;
            return Ok(false);
        }
        self.conn.execute_batch(&format!(
            "DELETE FROM temp.undo_log WHERE step IN
                 (SELECT id FROM temp.undo_steps WHERE stack = 'redo');
             DELETE FROM temp.undo_steps WHERE stack = 'redo';
             DELETE FROM temp.undo_log WHERE step IN
                 (SELECT id FROM temp.undo_steps WHERE stack = 'undo'
                  ORDER BY id DESC LIMIT -1 OFFSET {UNDO_LIMIT});
             DELETE FROM temp.undo_steps WHERE id IN
                 (SELECT id FROM temp.undo_steps WHERE stack = 'undo'
                  ORDER BY id DESC LIMIT -1 OFFSET {UNDO_LIMIT});"
        ))?;
        Ok(true)
    }

    /// Undoes the newest step; returns its label, or `None` when there is nothing to
    /// undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.replay("undo", "redo")
    }

    /// Redoes the newest undone step; returns its label, or `None` when there is
    /// nothing to redo.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.replay("redo", "undo")
    }

    /// The labels of what Undo and Redo would do next.
    pub fn undo_state(&self) -> Result<UndoState> {
        let top = |stack: &str| -> Result<Option<String>> {
            Ok(self
                .conn
                .query_row(
                    "SELECT label FROM temp.undo_steps WHERE stack = ?1 ORDER BY id DESC LIMIT 1",
                    [stack],
                    |r| r.get(0),
                )
                .optional()?)
        };
        Ok(UndoState {
            undo: top("undo")?,
            redo: top("redo")?,
        })
    }

    /// Forgets the session's undo and redo steps.
    pub fn clear_undo_history(&mut self) -> Result<()> {
        self.conn.execute_batch(
            "DELETE FROM temp.undo_log WHERE step >= 0; DELETE FROM temp.undo_steps;",
        )?;
        Ok(())
    }

    /// Reverses the newest step of `from`, recording the reversal on `to`.
    fn replay(&mut self, from: &str, to: &str) -> Result<Option<String>> {
        // A step still open is finished first: Undo takes back what it did.
        self.end_step()?;
        let Some((step, label)): Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, label FROM temp.undo_steps WHERE stack = ?1 ORDER BY id DESC LIMIT 1",
                [from],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
        else {
            return Ok(None);
        };
        let todo = entries(&self.conn, step, 0)?;
        let result = (|| -> Result<()> {
            let tx = self.conn.transaction()?;
            tx.pragma_update(None, "defer_foreign_keys", true)?;
            tx.execute(
                "INSERT INTO temp.undo_steps (label, stack) VALUES (?1, ?2)",
                params![label, to],
            )?;
            set_recording(&tx, Some(tx.last_insert_rowid()))?;
            apply(&tx, &todo)?;
            set_recording(&tx, None)?;
            tx.execute("DELETE FROM temp.undo_log WHERE step = ?1", [step])?;
            tx.execute("DELETE FROM temp.undo_steps WHERE id = ?1", [step])?;
            tx.commit()?;
            Ok(())
        })();
        match result {
            Ok(()) => Ok(Some(label)),
            Err(e) if is_conflict(&e) => {
                // Rows came in since from another program or an import (taking an id
                // this step would put back): the history no longer fits the notebook.
                let _ = set_recording(&self.conn, None);
                self.clear_undo_history()?;
                Err(StoreError::Invalid(format!(
                    "cannot {from} “{label}”: the notebook was changed since in a way that \
                     conflicts with it (by an import or another program), so the undo \
                     history was cleared"
                )))
            }
            Err(e) => Err(e),
        }
    }
}
