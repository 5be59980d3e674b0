use crate::{found, Notebook, Result, StoreError};
use attest_core::{Actor, ActorKind, NewActor};
use rusqlite::{params, OptionalExtension, Row};
use std::collections::HashMap;

/// `statement_count` is what the actor said on the record: accepted statements with
/// the actor as a speaker (proposals still wait for review).
const COLUMNS: &str = "a.id, a.name, a.kind,
    (SELECT count(*) FROM statement_actors sa JOIN statements s ON s.id = sa.statement_id
     WHERE sa.actor_id = a.id AND sa.role = 'speaker' AND s.status = 'accepted')";

impl Notebook {
    /// Adds an actor with its aliases (one transaction). Names are unique regardless
    /// of case; blank and repeated aliases are dropped.
    pub fn add_actor(&mut self, new: &NewActor) -> Result<Actor> {
        let name = new.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("an actor needs a name".into()));
        }
        let tx = self.conn.transaction()?;
        let taken: Option<i64> = tx
            .query_row("SELECT id FROM actors WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?;
        if taken.is_some() {
            return Err(StoreError::Invalid(format!(
                "an actor named “{name}” already exists"
            )));
        }
        tx.execute(
            "INSERT INTO actors (name, kind) VALUES (?1, ?2)",
            params![name, new.kind.as_str()],
        )?;
        let id = tx.last_insert_rowid();
        for alias in &new.aliases {
            let alias = alias.trim();
            if !alias.is_empty() && !alias.eq_ignore_ascii_case(name) {
                tx.execute(
                    "INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)",
                    params![id, alias],
                )?;
            }
        }
        crate::mentions::bump_actors_version(&tx)?;
        crate::mentions::rescan(&tx, Some(&[id]))?;
        tx.commit()?;
        self.actor(id)
    }

    pub fn actor(&self, id: i64) -> Result<Actor> {
        let row = found(
            self.conn.query_row(
                &format!("SELECT {COLUMNS} FROM actors a WHERE a.id = ?1"),
                [id],
                actor_row,
            ),
            "actor",
            id,
        )?;
        self.with_aliases(row)
    }

    /// All actors by name (not those merged into another).
    pub fn actors(&self) -> Result<Vec<Actor>> {
        let mut actors = self.actors_uncounted()?;
        // One pass from the accepted statements (their status index, then each one's
        // speakers): a count per actor would read each speaker row and its statement.
        let mut stmt = self.conn.prepare(
            "SELECT sa.actor_id, count(*) FROM statements s
             CROSS JOIN statement_actors sa ON sa.statement_id = s.id AND sa.role = 'speaker'
             WHERE s.status = 'accepted' GROUP BY sa.actor_id",
        )?;
        let counts: HashMap<i64, u32> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for actor in &mut actors {
            actor.statement_count = Some(counts.get(&actor.id).copied().unwrap_or(0));
        }
        Ok(actors)
    }

    /// [`Notebook::actors`] without their statement counts (`None`), for pickers and
    /// for matching names in a text.
    pub fn actors_uncounted(&self) -> Result<Vec<Actor>> {
        self.live_actors("a.id, a.name, a.kind, NULL")
    }

    fn live_actors(&self, columns: &str) -> Result<Vec<Actor>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {columns} FROM actors a WHERE a.merged_into IS NULL
             ORDER BY a.name COLLATE NOCASE"
        ))?;
        let rows = stmt
            .query_map([], actor_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(|a| self.with_aliases(a)).collect()
    }

    /// The actor whose name, or else whose alias, is `name` (ignoring case); actors
    /// merged into another are not found.
    pub fn find_actor(&self, name: &str) -> Result<Option<Actor>> {
        let name = name.trim();
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM actors WHERE name = ?1 AND merged_into IS NULL
                 UNION ALL
                 SELECT l.actor_id FROM actor_aliases l JOIN actors a ON a.id = l.actor_id
                 WHERE l.alias = ?1 AND a.merged_into IS NULL
                 LIMIT 1",
                [name],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.actor(id)).transpose()
    }

    pub fn add_alias(&mut self, actor_id: i64, alias: &str) -> Result<Actor> {
        self.add_alias_with(
            actor_id,
            &attest_core::NewAlias {
                alias: alias.to_owned(),
                ..Default::default()
            },
        )
    }

    fn with_aliases(&self, mut actor: Actor) -> Result<Actor> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT alias FROM actor_aliases WHERE actor_id = ?1 ORDER BY id")?;
        actor.aliases = stmt
            .query_map([actor.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(actor)
    }
}

fn actor_row(r: &Row) -> rusqlite::Result<Actor> {
    let kind: String = r.get(2)?;
    Ok(Actor {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: ActorKind::parse(&kind).unwrap_or(ActorKind::Other),
        aliases: Vec::new(),
        statement_count: r.get(3)?,
    })
}
