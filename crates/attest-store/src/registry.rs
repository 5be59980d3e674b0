//! The actor registry beyond names: alias flags, roles, memberships, the analyst's
//! details, merging (undoable) and splitting actors, the built-in gazetteer of states,
//! and the profile page that gathers it all.
//!
//! Every change is one transaction that also rescans the articles for the actors it
//! touched (`mentions::rescan`), so mentions never lag behind the registry.

use crate::mentions::{bump_actors_version, rescan};
use crate::{found, touched, Notebook, Result, StoreError};
use attest_core::{
    gazetteer, Actor, ActorAlias, ActorDetails, ActorKind, ActorProfile, ActorRef, ActorRole,
    DossierQuery, GazetteerReport, NewAlias, NewRole,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// After a change to `actors`: caches are stale and their mentions are found again.
fn actors_changed(tx: &Transaction, actors: &[i64]) -> Result<()> {
    bump_actors_version(tx)?;
    rescan(tx, Some(actors))?;
    Ok(())
}

/// A Wikidata item id (`Q148`), also from its URL; `None` for blank.
pub fn wikidata_id(input: Option<&str>) -> Result<Option<String>> {
    let Some(raw) = input.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let id = raw.rsplit('/').next().unwrap_or(raw).trim();
    let digits = id.strip_prefix(['Q', 'q']).unwrap_or("");
    let valid = !digits.is_empty()
        && !digits.starts_with('0')
        && digits.chars().all(|c| c.is_ascii_digit());
    if !valid {
        return Err(StoreError::Invalid(format!(
            "“{raw}” is not a Wikidata item id (Q followed by digits, like Q148)"
        )));
    }
    Ok(Some(format!("Q{digits}")))
}

/// A colour `#rrggbb` (stored in lower case); `None` for blank.
pub fn colour(input: Option<&str>) -> Result<Option<String>> {
    let Some(raw) = input.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let hex = raw.strip_prefix('#').unwrap_or("");
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(StoreError::Invalid(format!(
            "“{raw}” is not a colour: write it as #rrggbb (like #1f77b4)"
        )));
    }
    Ok(Some(format!("#{}", hex.to_ascii_lowercase())))
}

fn actor_ref(conn: &Connection, id: i64) -> Result<ActorRef> {
    found(
        conn.query_row("SELECT id, name FROM actors WHERE id = ?1", [id], |r| {
            Ok(ActorRef {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        }),
        "actor",
        id,
    )
}

fn refs(conn: &Connection, sql: &str, id: i64) -> Result<Vec<ActorRef>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| {
        Ok(ActorRef {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn alias_row(r: &rusqlite::Row) -> rusqlite::Result<ActorAlias> {
    Ok(ActorAlias {
        id: r.get(0)?,
        alias: r.get(1)?,
        weak: r.get(2)?,
        metonym: r.get(3)?,
        demonym: r.get(4)?,
        disabled: r.get(5)?,
    })
}

const ALIAS_COLUMNS: &str = "id, alias, weak, metonym, demonym, disabled";

/// The actor's row, refused when it was merged into another.
fn live_actor(conn: &Connection, id: i64) -> Result<(String, Option<i64>)> {
    let (name, merged_into): (String, Option<i64>) = found(
        conn.query_row(
            "SELECT name, merged_into FROM actors WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ),
        "actor",
        id,
    )?;
    if let Some(into) = merged_into {
        return Err(StoreError::Invalid(format!(
            "“{name}” was merged into actor #{into}; unmerge it first"
        )));
    }
    Ok((name, merged_into))
}

/// Inserts an alias (or updates the flags of the one it repeats); returns its id, or
/// `None` when it is the actor's own name.
fn put_alias(tx: &Transaction, actor_id: i64, new: &NewAlias) -> Result<Option<i64>> {
    let alias = new.alias.split_whitespace().collect::<Vec<_>>().join(" ");
    if alias.is_empty() {
        return Err(StoreError::Invalid("an alias cannot be blank".into()));
    }
    let (name, _) = live_actor(tx, actor_id)?;
    if name.to_lowercase() == alias.to_lowercase() {
        return Ok(None);
    }
    tx.execute(
        "INSERT INTO actor_aliases (actor_id, alias, weak, metonym, demonym) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (actor_id, alias) DO UPDATE SET weak = ?3, metonym = ?4, demonym = ?5",
        params![actor_id, alias, new.weak, new.metonym, new.demonym],
    )?;
    Ok(Some(tx.query_row(
        "SELECT id FROM actor_aliases WHERE actor_id = ?1 AND alias = ?2",
        params![actor_id, alias],
        |r| r.get(0),
    )?))
}

impl Notebook {
    /// Adds an alias with its flags (or sets the flags of one the actor has).
    pub fn add_alias_with(&mut self, actor_id: i64, new: &NewAlias) -> Result<Actor> {
        let tx = self.conn.transaction()?;
        put_alias(&tx, actor_id, new)?;
        actors_changed(&tx, &[actor_id])?;
        tx.commit()?;
        self.actor(actor_id)
    }

    /// An alias's flags: weak, metonym, demonym, and whether it is switched off.
    pub fn set_alias_flags(
        &mut self,
        alias_id: i64,
        weak: bool,
        metonym: bool,
        demonym: bool,
        disabled: bool,
    ) -> Result<ActorAlias> {
        let tx = self.conn.transaction()?;
        let actor_id: i64 = found(
            tx.query_row(
                "SELECT actor_id FROM actor_aliases WHERE id = ?1",
                [alias_id],
                |r| r.get(0),
            ),
            "alias",
            alias_id,
        )?;
        tx.execute(
            "UPDATE actor_aliases SET weak = ?2, metonym = ?3, demonym = ?4, disabled = ?5
             WHERE id = ?1",
            params![alias_id, weak, metonym, demonym, disabled],
        )?;
        actors_changed(&tx, &[actor_id])?;
        tx.commit()?;
        self.alias(alias_id)
    }

    pub fn alias(&self, alias_id: i64) -> Result<ActorAlias> {
        found(
            self.conn.query_row(
                &format!("SELECT {ALIAS_COLUMNS} FROM actor_aliases WHERE id = ?1"),
                [alias_id],
                alias_row,
            ),
            "alias",
            alias_id,
        )
    }

    /// Removes an alias (its mentions go with it).
    pub fn remove_alias(&mut self, alias_id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let actor_id: i64 = found(
            tx.query_row(
                "SELECT actor_id FROM actor_aliases WHERE id = ?1",
                [alias_id],
                |r| r.get(0),
            ),
            "alias",
            alias_id,
        )?;
        tx.execute("DELETE FROM actor_aliases WHERE id = ?1", [alias_id])?;
        actors_changed(&tx, &[actor_id])?;
        tx.commit()?;
        Ok(())
    }

    /// An actor's aliases with their flags, in the order added.
    pub fn actor_aliases(&self, actor_id: i64) -> Result<Vec<ActorAlias>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ALIAS_COLUMNS} FROM actor_aliases WHERE actor_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([actor_id], alias_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn actor_details(&self, actor_id: i64) -> Result<ActorDetails> {
        found(
            self.conn.query_row(
                "SELECT notes, wikidata, colour FROM actors WHERE id = ?1",
                [actor_id],
                |r| {
                    Ok(ActorDetails {
                        notes: r.get(0)?,
                        wikidata: r.get(1)?,
                        colour: r.get(2)?,
                    })
                },
            ),
            "actor",
            actor_id,
        )
    }

    /// Sets notes, Wikidata id (checked: `Q` and digits) and colour (`#rrggbb`).
    pub fn set_actor_details(&mut self, actor_id: i64, d: &ActorDetails) -> Result<ActorDetails> {
        let wikidata = wikidata_id(d.wikidata.as_deref())?;
        let colour = colour(d.colour.as_deref())?;
        let n = self.conn.execute(
            "UPDATE actors SET notes = ?2, wikidata = ?3, colour = ?4 WHERE id = ?1",
            params![actor_id, d.notes.trim(), wikidata, colour],
        )?;
        touched(n, "actor", actor_id)?;
        self.actor_details(actor_id)
    }

    /// Adds a role: a title, held in another actor, between optional dates.
    pub fn add_role(&mut self, actor_id: i64, role: &NewRole) -> Result<ActorRole> {
        let title = role.title.trim();
        if title.is_empty() {
            return Err(StoreError::Invalid("a role needs a title".into()));
        }
        live_actor(&self.conn, actor_id)?;
        if let Some(of) = role.of_actor_id {
            live_actor(&self.conn, of)?;
        }
        let date = |d: &Option<String>| -> Result<Option<String>> {
            let d = d.as_deref().map(str::trim).filter(|d| !d.is_empty());
            if let Some(d) = d {
                let ok = d.len() >= 4
                    && d.chars().all(|c| c.is_ascii_digit() || c == '-')
                    && d[..4].chars().all(|c| c.is_ascii_digit());
                if !ok {
                    return Err(StoreError::Invalid(format!(
                        "“{d}” is not a date: write 2023, 2023-07 or 2023-07-25"
                    )));
                }
            }
            Ok(d.map(str::to_owned))
        };
        let (from, to) = (date(&role.from)?, date(&role.to)?);
        if let (Some(f), Some(t)) = (&from, &to) {
            if t < f {
                return Err(StoreError::Invalid(format!(
                    "the role ends ({t}) before it starts ({f})"
                )));
            }
        }
        self.conn.execute(
            "INSERT INTO actor_roles (actor_id, title, of_actor_id, start_date, end_date)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![actor_id, title, role.of_actor_id, from, to],
        )?;
        let id = self.conn.last_insert_rowid();
        let added = self.actor_roles(actor_id)?.into_iter().find(|r| r.id == id);
        found(
            added.ok_or(rusqlite::Error::QueryReturnedNoRows),
            "role",
            id,
        )
    }

    pub fn remove_role(&mut self, role_id: i64) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM actor_roles WHERE id = ?1", [role_id])?;
        touched(n, "role", role_id)
    }

    /// An actor's roles, latest first (open-ended ones first of all).
    pub fn actor_roles(&self, actor_id: i64) -> Result<Vec<ActorRole>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.title, o.id, o.name, r.start_date, r.end_date
             FROM actor_roles r LEFT JOIN actors o ON o.id = r.of_actor_id
             WHERE r.actor_id = ?1
             ORDER BY r.end_date IS NOT NULL, r.end_date DESC, r.start_date DESC, r.id",
        )?;
        let rows = stmt.query_map([actor_id], |r| {
            let of_id: Option<i64> = r.get(2)?;
            Ok(ActorRole {
                id: r.get(0)?,
                title: r.get(1)?,
                of_actor: match of_id {
                    Some(id) => Some(ActorRef {
                        id,
                        name: r.get(3)?,
                    }),
                    None => None,
                },
                from: r.get(4)?,
                to: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records that `member` belongs to `group` (an organisation to a state).
    pub fn add_membership(&mut self, member: i64, group: i64) -> Result<()> {
        if member == group {
            return Err(StoreError::Invalid(
                "an actor cannot be a member of itself".into(),
            ));
        }
        live_actor(&self.conn, member)?;
        live_actor(&self.conn, group)?;
        self.conn.execute(
            "INSERT OR IGNORE INTO actor_memberships (member_id, group_id) VALUES (?1, ?2)",
            params![member, group],
        )?;
        Ok(())
    }

    pub fn remove_membership(&mut self, member: i64, group: i64) -> Result<()> {
        self.conn.execute(
            "DELETE FROM actor_memberships WHERE member_id = ?1 AND group_id = ?2",
            params![member, group],
        )?;
        Ok(())
    }

    /// Merges actor `merged` into `into`: its aliases (and its name, as an alias), roles,
    /// memberships and statements become `into`'s, and so its mentions. `merged` stays
    /// as a row marked `merged_into`, with every link the merge moved listed, so
    /// [`unmerge_actor`](Self::unmerge_actor) restores both exactly.
    pub fn merge_actor(&mut self, into: i64, merged: i64) -> Result<Actor> {
        if into == merged {
            return Err(StoreError::Invalid(
                "an actor cannot be merged into itself".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let (into_name, _) = live_actor(&tx, into)?;
        let (merged_name, _) = live_actor(&tx, merged)?;
        let (notes, wikidata, colour): (String, Option<String>, Option<String>) = tx.query_row(
            "SELECT notes, wikidata, colour FROM actors WHERE id = ?1",
            [into],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        tx.execute(
            "INSERT INTO actor_merges (merged_id, into_id, into_notes, into_wikidata, into_colour)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![merged, into, notes, wikidata, colour],
        )?;
        let merge_id = tx.last_insert_rowid();
        let link = |link: &str, row: i64, role: Option<&str>, ord: Option<i64>| -> Result<()> {
            tx.execute(
                "INSERT INTO actor_merge_links (merge_id, link, row_id, role, ord)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![merge_id, link, row, role, ord],
            )?;
            Ok(())
        };
        let ids = |sql: &str| -> Result<Vec<i64>> {
            let mut stmt = tx.prepare(sql)?;
            let rows = stmt.query_map([merged, into], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };

        // Aliases, unless `into` goes by the name already.
        for id in ids(
            "SELECT l.id FROM actor_aliases l WHERE l.actor_id = ?1
               AND NOT EXISTS (SELECT 1 FROM actor_aliases o WHERE o.actor_id = ?2 AND o.alias = l.alias)
               AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = ?2 AND a.name = l.alias)",
        )? {
            tx.execute(
                "UPDATE actor_aliases SET actor_id = ?2 WHERE id = ?1",
                params![id, into],
            )?;
            link("alias_moved", id, None, None)?;
        }
        if into_name.to_lowercase() != merged_name.to_lowercase() {
            let n = tx.execute(
                "INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)",
                params![into, merged_name],
            )?;
            if n == 1 {
                link("alias_added", tx.last_insert_rowid(), None, None)?;
            }
        }
        // Roles held, and roles held in it.
        for id in ids("SELECT id FROM actor_roles WHERE actor_id = ?1 AND ?2 IS NOT NULL")? {
            tx.execute(
                "UPDATE actor_roles SET actor_id = ?2 WHERE id = ?1",
                params![id, into],
            )?;
            link("role_moved", id, None, None)?;
        }
        for id in ids("SELECT id FROM actor_roles WHERE of_actor_id = ?1 AND ?2 IS NOT NULL")? {
            tx.execute(
                "UPDATE actor_roles SET of_actor_id = ?2 WHERE id = ?1",
                params![id, into],
            )?;
            link("role_of_moved", id, None, None)?;
        }
        // Memberships that `into` does not have already.
        for id in ids(
            "SELECT m.id FROM actor_memberships m WHERE m.member_id = ?1 AND m.group_id <> ?2
               AND NOT EXISTS (SELECT 1 FROM actor_memberships o
                               WHERE o.member_id = ?2 AND o.group_id = m.group_id)",
        )? {
            tx.execute(
                "UPDATE actor_memberships SET member_id = ?2 WHERE id = ?1",
                params![id, into],
            )?;
            link("member_moved", id, None, None)?;
        }
        for id in ids(
            "SELECT m.id FROM actor_memberships m WHERE m.group_id = ?1 AND m.member_id <> ?2
               AND NOT EXISTS (SELECT 1 FROM actor_memberships o
                               WHERE o.group_id = ?2 AND o.member_id = m.member_id)",
        )? {
            tx.execute(
                "UPDATE actor_memberships SET group_id = ?2 WHERE id = ?1",
                params![id, into],
            )?;
            link("group_moved", id, None, None)?;
        }
        // Statements: `into` takes `merged`'s place, or is there already.
        let speaking: Vec<(i64, String, i64, bool)> = tx
            .prepare(
                "SELECT s.statement_id, s.role, s.ord,
                        EXISTS (SELECT 1 FROM statement_actors o WHERE o.statement_id = s.statement_id
                                AND o.role = s.role AND o.actor_id = ?2)
                 FROM statement_actors s WHERE s.actor_id = ?1",
            )?
            .query_map([merged, into], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (statement, role, ord, there) in speaking {
            if there {
                tx.execute(
                    "DELETE FROM statement_actors WHERE statement_id = ?1 AND role = ?2 AND actor_id = ?3",
                    params![statement, role, merged],
                )?;
                link("speaker_dropped", statement, Some(&role), Some(ord))?;
            } else {
                tx.execute(
                    "UPDATE statement_actors SET actor_id = ?4
                     WHERE statement_id = ?1 AND role = ?2 AND actor_id = ?3",
                    params![statement, role, merged, into],
                )?;
                link("speaker_moved", statement, Some(&role), Some(ord))?;
            }
        }
        // Details: notes joined, a Wikidata id or colour `into` lacks.
        tx.execute(
            "UPDATE actors SET
               notes = CASE WHEN (SELECT notes FROM actors WHERE id = ?2) = '' THEN notes
                            WHEN notes = '' THEN (SELECT notes FROM actors WHERE id = ?2)
                            ELSE notes || char(10) || char(10) || (SELECT notes FROM actors WHERE id = ?2) END,
               wikidata = coalesce(wikidata, (SELECT wikidata FROM actors WHERE id = ?2)),
               colour = coalesce(colour, (SELECT colour FROM actors WHERE id = ?2))
             WHERE id = ?1",
            params![into, merged],
        )?;
        tx.execute(
            "UPDATE actors SET merged_into = ?2 WHERE id = ?1",
            params![merged, into],
        )?;
        actors_changed(&tx, &[into, merged])?;
        tx.commit()?;
        self.actor(into)
    }

    /// Undoes the merge of `merged` into another actor: every row the merge moved goes
    /// back, what it added goes, and the other actor's details are as they were.
    pub fn unmerge_actor(&mut self, merged: i64) -> Result<Actor> {
        let tx = self.conn.transaction()?;
        let (name, into): (String, Option<i64>) = found(
            tx.query_row(
                "SELECT name, merged_into FROM actors WHERE id = ?1",
                [merged],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ),
            "actor",
            merged,
        )?;
        let into = into.ok_or_else(|| StoreError::Invalid(format!("“{name}” was not merged")))?;
        let (merge_id, notes, wikidata, colour): (i64, String, Option<String>, Option<String>) = tx
            .query_row(
                "SELECT id, into_notes, into_wikidata, into_colour FROM actor_merges
                 WHERE merged_id = ?1 AND into_id = ?2 ORDER BY id DESC LIMIT 1",
                params![merged, into],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
        let links: Vec<(String, i64, Option<String>, Option<i64>)> = tx
            .prepare(
                "SELECT link, row_id, role, ord FROM actor_merge_links WHERE merge_id = ?1
                 ORDER BY rowid DESC",
            )?
            .query_map([merge_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (link, row, role, ord) in links {
            let sql = match link.as_str() {
                "alias_moved" => "UPDATE actor_aliases SET actor_id = ?2 WHERE id = ?1",
                "alias_added" => "DELETE FROM actor_aliases WHERE id = ?1 AND ?2 IS NOT NULL",
                "role_moved" => "UPDATE actor_roles SET actor_id = ?2 WHERE id = ?1",
                "role_of_moved" => "UPDATE actor_roles SET of_actor_id = ?2 WHERE id = ?1",
                "member_moved" => "UPDATE actor_memberships SET member_id = ?2 WHERE id = ?1",
                "group_moved" => "UPDATE actor_memberships SET group_id = ?2 WHERE id = ?1",
                "speaker_moved" => {
                    tx.execute(
                        "UPDATE statement_actors SET actor_id = ?3
                         WHERE statement_id = ?1 AND role = ?2 AND actor_id = ?4",
                        params![row, role, merged, into],
                    )?;
                    continue;
                }
                "speaker_dropped" => {
                    tx.execute(
                        "INSERT OR IGNORE INTO statement_actors (statement_id, actor_id, role, ord)
                         SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM statements WHERE id = ?1)",
                        params![row, merged, role, ord],
                    )?;
                    continue;
                }
                _ => continue,
            };
            tx.execute(sql, params![row, merged])?;
        }
        tx.execute(
            "UPDATE actors SET notes = ?2, wikidata = ?3, colour = ?4 WHERE id = ?1",
            params![into, notes, wikidata, colour],
        )?;
        tx.execute(
            "UPDATE actors SET merged_into = NULL WHERE id = ?1",
            [merged],
        )?;
        tx.execute("DELETE FROM actor_merges WHERE id = ?1", [merge_id])?;
        actors_changed(&tx, &[into, merged])?;
        tx.commit()?;
        self.actor(merged)
    }

    /// Splits an actor: the chosen aliases go to a new actor named `name` (of `kind`,
    /// by default the actor's own); an alias equal to the new name becomes its name.
    pub fn split_actor(
        &mut self,
        actor_id: i64,
        alias_ids: &[i64],
        name: &str,
        kind: Option<ActorKind>,
    ) -> Result<Actor> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(StoreError::Invalid("the new actor needs a name".into()));
        }
        let tx = self.conn.transaction()?;
        live_actor(&tx, actor_id)?;
        let own_kind: String =
            tx.query_row("SELECT kind FROM actors WHERE id = ?1", [actor_id], |r| {
                r.get(0)
            })?;
        for id in alias_ids {
            let owner: Option<i64> = tx
                .query_row(
                    "SELECT actor_id FROM actor_aliases WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            if owner != Some(actor_id) {
                return Err(StoreError::Invalid(format!(
                    "alias #{id} is not one of actor #{actor_id}'s aliases"
                )));
            }
        }
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM actors WHERE name = ?1)",
            [&name],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::Invalid(format!(
                "an actor named “{name}” already exists"
            )));
        }
        tx.execute(
            "INSERT INTO actors (name, kind) VALUES (?1, ?2)",
            params![name, kind.map_or(own_kind, |k| k.as_str().to_owned())],
        )?;
        let new_id = tx.last_insert_rowid();
        for id in alias_ids {
            tx.execute(
                "UPDATE actor_aliases SET actor_id = ?2 WHERE id = ?1",
                params![id, new_id],
            )?;
        }
        tx.execute(
            "DELETE FROM actor_aliases WHERE actor_id = ?1 AND alias = ?2",
            params![new_id, name],
        )?;
        actors_changed(&tx, &[actor_id, new_id])?;
        tx.commit()?;
        self.actor(new_id)
    }

    /// Loads the built-in gazetteer: every state as a state actor (one already here by
    /// name, or from an earlier load, is completed rather than repeated), with its
    /// capital and seats of government as metonym aliases, its demonym and short names.
    /// Aliases the analyst switched off stay off; a state whose name another kind of
    /// actor holds is left out.
    pub fn load_gazetteer(&mut self) -> Result<GazetteerReport> {
        let mut report = GazetteerReport {
            states_added: 0,
            states_existing: 0,
            aliases_added: 0,
        };
        let tx = self.conn.transaction()?;
        let mut touched_ids = Vec::new();
        for state in gazetteer::states() {
            let existing: Option<(i64, String, Option<i64>)> = tx
                .query_row(
                    "SELECT id, kind, merged_into FROM actors WHERE gazetteer = ?1
                     UNION ALL
                     SELECT id, kind, merged_into FROM actors WHERE name = ?2
                     LIMIT 1",
                    params![state.code, state.name],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let id = match existing {
                Some((_, _, Some(_))) => continue,
                Some((id, kind, None)) if kind == "state" => {
                    tx.execute(
                        "UPDATE actors SET gazetteer = ?2 WHERE id = ?1 AND gazetteer IS NULL",
                        params![id, state.code],
                    )?;
                    report.states_existing += 1;
                    id
                }
                Some(_) => continue,
                None => {
                    tx.execute(
                        "INSERT INTO actors (name, kind, gazetteer) VALUES (?1, 'state', ?2)",
                        params![state.name, state.code],
                    )?;
                    report.states_added += 1;
                    tx.last_insert_rowid()
                }
            };
            touched_ids.push(id);
            let aliases = state
                .capital
                .map(|c| (c, true, false))
                .into_iter()
                .chain(state.demonym.map(|d| (d, false, true)))
                .chain(state.others.iter().map(|&(o, metonym)| (o, metonym, false)));
            for (alias, metonym, demonym) in aliases {
                if alias.eq_ignore_ascii_case(state.name) {
                    continue;
                }
                let n = tx.execute(
                    "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, metonym, demonym)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![id, alias, metonym, demonym],
                )?;
                report.aliases_added += n as u32;
            }
        }
        tx.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('gazetteer_offered', '1')",
            [],
        )?;
        bump_actors_version(&tx)?;
        rescan(&tx, Some(&touched_ids))?;
        tx.commit()?;
        Ok(report)
    }

    /// Loads the gazetteer the first time the actors are viewed (never again after, so
    /// states the analyst deleted stay deleted). `None` when it was offered before.
    pub fn offer_gazetteer(&mut self) -> Result<Option<GazetteerReport>> {
        let offered: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM settings WHERE key = 'gazetteer_offered')",
            [],
            |r| r.get(0),
        )?;
        if offered {
            return Ok(None);
        }
        self.load_gazetteer().map(Some)
    }

    /// Everything about one actor: details, aliases, roles, memberships, merges,
    /// mentions, and its statements by publication date.
    pub fn actor_profile(&self, id: i64) -> Result<ActorProfile> {
        let actor = self.actor(id)?;
        let (gazetteer_code, merged_into): (Option<String>, Option<i64>) = self.conn.query_row(
            "SELECT gazetteer, merged_into FROM actors WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(ActorProfile {
            details: self.actor_details(id)?,
            gazetteer_code,
            aliases: self.actor_aliases(id)?,
            roles: self.actor_roles(id)?,
            member_of: refs(
                &self.conn,
                "SELECT a.id, a.name FROM actor_memberships m JOIN actors a ON a.id = m.group_id
                 WHERE m.member_id = ?1 ORDER BY a.name",
                id,
            )?,
            members: refs(
                &self.conn,
                "SELECT a.id, a.name FROM actor_memberships m JOIN actors a ON a.id = m.member_id
                 WHERE m.group_id = ?1 ORDER BY a.name",
                id,
            )?,
            merged: refs(
                &self.conn,
                "SELECT id, name FROM actors WHERE merged_into = ?1 ORDER BY name",
                id,
            )?,
            merged_into: merged_into
                .map(|into| actor_ref(&self.conn, into))
                .transpose()?,
            mention_count: self.mention_count(id)?,
            articles: self.mentioned_in(id)?,
            statements: self.statements_matching(&DossierQuery {
                actor_id: Some(id),
                ..Default::default()
            })?,
            actor,
        })
    }
}

impl Notebook {
    /// An actor merged into another, by its name (to unmerge it).
    pub fn find_merged_actor(&self, name: &str) -> Result<Option<Actor>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM actors WHERE name = ?1 AND merged_into IS NOT NULL",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.actor(id)).transpose()
    }

    /// What the mention finder looks for now: every enabled name and alias.
    pub fn mention_patterns(&self) -> Result<Vec<attest_core::mentions::Pattern>> {
        crate::mentions::patterns(&self.conn)
    }
}
