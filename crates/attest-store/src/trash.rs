//! The trash: deleting an annotation, statement, actor, dossier or article records, by
//! the undo triggers (`undo.rs`), the statements that put back every row the deletion
//! took (cascades included: an article's source, highlights and statements; rows that
//! only pointed at it, such as dossier items, get their link back) and keeps them in
//! the `trash` table, in the deletion's transaction. Restoring runs them in one
//! transaction; when the notebook no longer fits them (the article a highlight was on
//! is gone) nothing changes and the message says why.
//!
//! Inside an undo step the trash row itself is recorded, so undoing a deletion also
//! takes its entry out of the trash, and undoing a restore puts it back.

use crate::undo::{self, ident, Entry, CAPTURE_STEP};
use crate::{found, Notebook, Result, StoreError};
use attest_core::{TrashEntry, TrashKind};
use rusqlite::{params, Connection, Row};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// Labels longer than this are cut (with "…").
const LABEL_CHARS: usize = 80;

fn table(kind: TrashKind) -> &'static str {
    match kind {
        TrashKind::Annotation => "annotations",
        TrashKind::Statement => "statements",
        TrashKind::Actor => "actors",
        TrashKind::Dossier => "dossiers",
        TrashKind::Article => "articles",
    }
}

/// The thing's words, for the trash list.
fn describe(conn: &Connection, kind: TrashKind, id: i64) -> Result<String> {
    let sql = match kind {
        TrashKind::Annotation => "SELECT exact FROM annotations WHERE id = ?1",
        TrashKind::Statement => {
            "SELECT coalesce((SELECT exact FROM statement_spans
                              WHERE statement_id = s.id AND role = 'content'
                              ORDER BY ord LIMIT 1), '')
             FROM statements s WHERE id = ?1"
        }
        TrashKind::Actor => "SELECT name FROM actors WHERE id = ?1",
        TrashKind::Dossier => "SELECT title FROM dossiers WHERE id = ?1",
        TrashKind::Article => "SELECT coalesce(title, fallback_title) FROM articles WHERE id = ?1",
    };
    let text: String = found(conn.query_row(sql, [id], |r| r.get(0)), kind.as_str(), id)?;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(if text.chars().count() > LABEL_CHARS {
        text.chars().take(LABEL_CHARS - 1).collect::<String>() + "…"
    } else {
        text
    })
}

fn what(kind: TrashKind) -> &'static str {
    match kind {
        TrashKind::Annotation => "highlight",
        TrashKind::Statement => "statement",
        TrashKind::Actor => "actor",
        TrashKind::Dossier => "dossier",
        TrashKind::Article => "article",
    }
}

/// What a missing parent row means to the analyst.
fn missing(parent: &str) -> &'static str {
    match parent {
        "articles" => "the article it belongs to is no longer in the notebook",
        "actors" => "an actor it names is no longer in the notebook",
        "statements" => "a statement it holds is no longer in the notebook",
        "annotations" => "a highlight it holds is no longer in the notebook",
        "dossiers" => "the dossier it belongs to is no longer in the notebook",
        _ => "something it refers to is no longer in the notebook",
    }
}

fn entry(r: &Row) -> rusqlite::Result<TrashEntry> {
    let kind: String = r.get(1)?;
    Ok(TrashEntry {
        id: r.get(0)?,
        kind: TrashKind::parse(&kind).unwrap_or(TrashKind::Annotation),
        item_id: r.get(2)?,
        label: r.get(3)?,
        deleted_at: r.get(4)?,
    })
}

const COLUMNS: &str = "id, kind, item_id, label, deleted_at";

impl Notebook {
    /// Deletes a highlight into the trash.
    pub fn delete_annotation(&mut self, id: i64) -> Result<TrashEntry> {
        self.move_to_trash(TrashKind::Annotation, id)
    }

    /// Deletes an actor into the trash, with its aliases, roles and memberships; its
    /// statements lose it as speaker, addressee or target until it is restored.
    pub fn delete_actor(&mut self, id: i64) -> Result<TrashEntry> {
        self.move_to_trash(TrashKind::Actor, id)
    }

    /// Deletes a dossier with its items into the trash.
    pub fn delete_dossier(&mut self, id: i64) -> Result<TrashEntry> {
        self.move_to_trash(TrashKind::Dossier, id)
    }

    /// Deletes a thing (and what cascades with it) in one transaction, keeping what
    /// puts it back in the trash.
    pub fn move_to_trash(&mut self, kind: TrashKind, id: i64) -> Result<TrashEntry> {
        let label = describe(&self.conn, kind, id)?;
        let tx = self.conn.transaction()?;
        let open_step = undo::recording(&tx)?;
        if open_step.is_none() {
            undo::set_recording(&tx, Some(CAPTURE_STEP))?;
        }
        let from = undo::last_seq(&tx)?;
        tx.execute(&format!("DELETE FROM {} WHERE id = ?1", table(kind)), [id])?;
        if kind == TrashKind::Actor {
            // Its mentions went with it; other actors' names may now be found where
            // its names took the words.
            crate::mentions::bump_actors_version(&tx)?;
            crate::mentions::rescan(&tx, None)?;
        }
        let restore: Vec<Value> = undo::entries(&tx, open_step.unwrap_or(CAPTURE_STEP), from)?
            .iter()
            .map(saved)
            .collect::<Result<_>>()?;
        if open_step.is_none() {
            tx.execute("DELETE FROM temp.undo_log WHERE step = ?1", [CAPTURE_STEP])?;
            undo::set_recording(&tx, None)?;
        }
        tx.execute(
            "INSERT INTO trash (kind, item_id, label, restore) VALUES (?1, ?2, ?3, ?4)",
            params![kind.as_str(), id, label, Value::Array(restore).to_string()],
        )?;
        let trash_id = tx.last_insert_rowid();
        let entry = tx.query_row(
            &format!("SELECT {COLUMNS} FROM trash WHERE id = ?1"),
            [trash_id],
            entry,
        )?;
        tx.commit()?;
        Ok(entry)
    }

    /// What the trash holds, newest first.
    pub fn trash(&self) -> Result<Vec<TrashEntry>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM trash ORDER BY id DESC"))?;
        let rows = stmt.query_map([], entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Puts a deleted thing back as it was, in one transaction, and takes it out of the
    /// trash. When it cannot be (what it belongs to was deleted since, its id or name
    /// is taken), nothing changes and the error says why.
    pub fn restore_from_trash(&mut self, trash_id: i64) -> Result<TrashEntry> {
        let (item, restore): (TrashEntry, String) = found(
            self.conn.query_row(
                &format!("SELECT {COLUMNS}, restore FROM trash WHERE id = ?1"),
                [trash_id],
                |r| Ok((entry(r)?, r.get(5)?)),
            ),
            "trash entry",
            trash_id,
        )?;
        let (kind, label) = (item.kind, item.label.clone());
        let cannot = |why: &str| {
            StoreError::Invalid(format!(
                "cannot restore the {} “{label}”: {why}",
                what(kind)
            ))
        };
        let rows: Vec<Saved> = serde_json::from_str::<Vec<Value>>(&restore)
            .ok()
            .and_then(|v| v.iter().map(Saved::from_json).collect())
            .ok_or_else(|| cannot("its trash entry is damaged"))?;
        let tx = self.conn.transaction()?;
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let (entries, moved) = rebuild(&tx, rows)?;
        let mut item = item;
        if let Some(new_id) = moved.get(&(table(item.kind).to_string(), item.item_id)) {
            item.item_id = *new_id;
        }
        match undo::apply(&tx, &entries) {
            Ok(()) => {}
            Err(e) if undo::is_conflict(&e) => {
                return Err(cannot(&format!(
                    "it clashes with what the notebook holds now ({})",
                    conflict_detail(&e)
                )))
            }
            Err(e) => return Err(e),
        }
        tx.execute("DELETE FROM trash WHERE id = ?1", [trash_id])?;
        // Checked here rather than at commit, to name what is missing.
        let tables: BTreeSet<&str> = entries.iter().map(|e| e.table.as_str()).collect();
        for t in tables {
            let parent: Option<String> = tx
                .prepare(&format!("PRAGMA foreign_key_check({})", ident(t)))?
                .query_map([], |r| r.get(2))?
                .next()
                .transpose()?;
            if let Some(parent) = parent {
                return Err(cannot(missing(&parent)));
            }
        }
        tx.commit()?;
        Ok(item)
    }

    /// Empties the trash for good; returns how many entries it held.
    pub fn empty_trash(&mut self) -> Result<u32> {
        Ok(self.conn.execute("DELETE FROM trash", [])? as u32)
    }
}

/// A constraint failure in words: a name or an id now taken.
fn conflict_detail(e: &StoreError) -> String {
    let text = e.to_string();
    if text.contains("actors.name") {
        "an actor with the same name exists now".into()
    } else if text.contains("UNIQUE") || text.contains("PRIMARY KEY") {
        "its number is now used by something made since".into()
    } else {
        "a rule of the notebook would be broken".into()
    }
}

/// A row change kept in the trash: a row to insert again (its old values) or old values
/// to set again on a row, as SQL literals by column.
struct Saved {
    table: String,
    row: i64,
    insert: bool,
    vals: Vec<(String, String)>,
}

/// A recorded entry as the trash keeps it. Only deletions (and the updates that
/// cascade from them) are recorded while deleting; anything else is refused.
fn saved(e: &Entry) -> Result<Value> {
    let vals = e.vals.as_deref().ok_or_else(|| {
        StoreError::Invalid(format!(
            "deleting added a row to {}, which the trash cannot keep",
            e.table
        ))
    })?;
    let vals: Value = serde_json::from_str(vals)
        .map_err(|err| StoreError::Invalid(format!("cannot keep a deleted row: {err}")))?;
    Ok(serde_json::json!({
        "table": e.table,
        "row": e.row,
        "insert": e.sql.starts_with("INSERT"),
        "vals": vals,
    }))
}

impl Saved {
    fn from_json(v: &Value) -> Option<Saved> {
        let vals = v
            .get("vals")?
            .as_object()?
            .iter()
            .map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
            .collect::<Option<_>>()?;
        Some(Saved {
            table: v.get("table")?.as_str()?.to_string(),
            row: v.get("row")?.as_i64()?,
            insert: v.get("insert")?.as_bool()?,
            vals,
        })
    }
}

/// New ids of restored rows whose ids were taken, by (table, old id).
type Moved = HashMap<(String, i64), i64>;

/// The statements that put the saved rows back. A row whose id was taken since (SQLite
/// gives the highest id again once it is free) gets a new one, and the rows that point
/// at it follow. Returns them with the ids that moved, by (table, old id).
fn rebuild(conn: &Connection, mut rows: Vec<Saved>) -> Result<(Vec<Entry>, Moved)> {
    let mut moved = Moved::new();
    let mut next: HashMap<String, i64> = HashMap::new();
    let mut keep_rowid = vec![true; rows.len()];
    for (i, r) in rows.iter_mut().enumerate() {
        if !r.insert || !row_taken(conn, &r.table, r.row)? {
            continue;
        }
        match id_column(conn, &r.table)? {
            Some(column) => {
                let new_id = match next.get(&r.table) {
                    Some(n) => *n,
                    None => conn.query_row(
                        &format!(
                            "SELECT coalesce(max(rowid), 0) + 1 FROM main.{}",
                            ident(&r.table)
                        ),
                        [],
                        |row| row.get(0),
                    )?,
                };
                next.insert(r.table.clone(), new_id + 1);
                moved.insert((r.table.clone(), r.row), new_id);
                for (c, v) in r.vals.iter_mut() {
                    if *c == column {
                        *v = new_id.to_string();
                    }
                }
                r.row = new_id;
            }
            // Nothing points at a rowid that is not a column: let SQLite pick one.
            None => keep_rowid[i] = false,
        }
    }
    let mut entries = Vec::with_capacity(rows.len());
    for (r, keep) in rows.into_iter().zip(keep_rowid) {
        let parents = foreign_keys(conn, &r.table)?;
        let row = if r.insert {
            r.row
        } else {
            *moved.get(&(r.table.clone(), r.row)).unwrap_or(&r.row)
        };
        let vals: Vec<(String, String)> = r
            .vals
            .into_iter()
            .map(|(c, v)| {
                let parent = parents.iter().find(|(from, _)| *from == c);
                let v = match (parent, v.parse::<i64>()) {
                    (Some((_, p)), Ok(id)) => moved
                        .get(&(p.clone(), id))
                        .map(|n| n.to_string())
                        .unwrap_or(v),
                    _ => v,
                };
                (c, v)
            })
            .collect();
        let t = ident(&r.table);
        let sql = if r.insert {
            let mut names: Vec<String> = vals.iter().map(|(c, _)| ident(c)).collect();
            let mut values: Vec<String> = vals.iter().map(|(_, v)| v.clone()).collect();
            if keep && id_column(conn, &r.table)?.is_none() {
                names.insert(0, "rowid".into());
                values.insert(0, row.to_string());
            }
            format!(
                "INSERT INTO main.{t} ({}) VALUES ({})",
                names.join(", "),
                values.join(", ")
            )
        } else {
            let sets: Vec<String> = vals
                .iter()
                .map(|(c, v)| format!("{} = {v}", ident(c)))
                .collect();
            format!(
                "UPDATE main.{t} SET {} WHERE rowid = {row}",
                sets.join(", ")
            )
        };
        entries.push(Entry {
            table: r.table,
            row,
            sql,
            vals: None,
        });
    }
    Ok((entries, moved))
}

fn row_taken(conn: &Connection, table: &str, row: i64) -> Result<bool> {
    Ok(conn.query_row(
        &format!(
            "SELECT EXISTS (SELECT 1 FROM main.{} WHERE rowid = ?1)",
            ident(table)
        ),
        [row],
        |r| r.get(0),
    )?)
}

/// The INTEGER PRIMARY KEY column (the rowid under a name), if the table has one.
fn id_column(conn: &Connection, table: &str) -> Result<Option<String>> {
    let keys: Vec<(String, String)> = conn
        .prepare_cached("SELECT name, type FROM pragma_table_info(?1) WHERE pk > 0")?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match keys.as_slice() {
        [(name, kind)] if kind.eq_ignore_ascii_case("INTEGER") => Some(name.clone()),
        _ => None,
    })
}

/// (column, parent table) of each foreign key of `table`.
fn foreign_keys(conn: &Connection, table: &str) -> Result<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}
