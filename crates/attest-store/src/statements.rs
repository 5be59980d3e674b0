use crate::{found, touched, Notebook, Result, StoreError};
use attest_core::{
    text, ActorRef, Anchor, DossierQuery, NewStatement, Span, Stance, Statement, StatementCoding,
    StatementFilter, StatementKind, StatementRole, StatementStatus,
};
use rusqlite::{params, Transaction};
use std::collections::HashMap;

impl Notebook {
    /// Records a statement: its spans are anchored in the article's text and stored with
    /// the speakers in one transaction. Statements the analyst makes are accepted.
    pub fn add_statement(&mut self, new: &NewStatement) -> Result<Statement> {
        let text = self.article(new.article_id)?.text;
        for id in new
            .speaker_actor_ids
            .iter()
            .chain(&new.addressee_actor_ids)
            .chain(&new.target_actor_ids)
        {
            self.actor(*id)?;
        }
        let tx = self.conn.transaction()?;
        let id = insert_statement(&tx, &text, new, StatementStatus::Accepted, None)?;
        tx.commit()?;
        self.statement(id)
    }

    /// Records statements extraction proposed in one article, each with its confidence,
    /// in one transaction; returns them in the order given.
    pub fn add_proposed_statements(
        &mut self,
        article_id: i64,
        proposals: &[(NewStatement, f32)],
        status: StatementStatus,
    ) -> Result<Vec<Statement>> {
        let text = self.article(article_id)?.text;
        let tx = self.conn.transaction()?;
        let mut ids = Vec::with_capacity(proposals.len());
        for (new, confidence) in proposals {
            if new.article_id != article_id {
                return Err(StoreError::Invalid(
                    "a proposal belongs to another article".into(),
                ));
            }
            let confidence = confidence.clamp(0.0, 1.0);
            ids.push(insert_statement(&tx, &text, new, status, Some(confidence))?);
        }
        tx.commit()?;
        ids.into_iter().map(|id| self.statement(id)).collect()
    }

    /// Accepts or rejects a statement (or puts it back among the proposals).
    pub fn set_statement_status(&mut self, id: i64, status: StatementStatus) -> Result<Statement> {
        let n = self.conn.execute(
            "UPDATE statements SET status = ?2 WHERE id = ?1",
            params![id, status.as_str()],
        )?;
        touched(n, "statement", id)?;
        self.statement(id)
    }

    /// Replaces a statement's actors in one role (speakers, addressees or targets) by
    /// `actor_ids`, in that order, in one transaction. The words naming the speaker
    /// (`speaker_mention`) stay as they are.
    pub fn set_statement_actors(
        &mut self,
        statement_id: i64,
        role: StatementRole,
        actor_ids: &[i64],
    ) -> Result<Statement> {
        let tx = self.conn.transaction()?;
        replace_actors(&tx, statement_id, role, actor_ids)?;
        tx.commit()?;
        self.statement(statement_id)
    }

    /// Sets (or, with `None` or blank words, clears) what a statement was reported
    /// through ("a statement released by the ministry").
    pub fn set_statement_reported_via(
        &mut self,
        id: i64,
        reported_via: Option<&str>,
    ) -> Result<Statement> {
        let tx = self.conn.transaction()?;
        write_reported_via(&tx, id, reported_via)?;
        tx.commit()?;
        self.statement(id)
    }

    /// Articles extraction has not proposed statements in yet, oldest first.
    pub fn articles_without_proposals(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT id FROM articles a WHERE NOT EXISTS
               (SELECT 1 FROM statements s WHERE s.article_id = a.id AND s.confidence IS NOT NULL)
             ORDER BY id",
        )?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Every actor's role titles, (actor, title), for resolving descriptions
    /// ("the minister") to actors.
    pub fn role_titles(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT actor_id, title FROM actor_roles ORDER BY actor_id, id")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn statement(&self, id: i64) -> Result<Statement> {
        let mut list = self.query_statements("s.id = ?1", [id])?;
        found(
            list.pop().ok_or(rusqlite::Error::QueryReturnedNoRows),
            "statement",
            id,
        )
    }

    /// Sets a statement's stance and topic tags (replacing the old ones).
    pub fn set_statement_coding(
        &mut self,
        id: i64,
        stance: Option<Stance>,
        topics: &[String],
    ) -> Result<Statement> {
        let tx = self.conn.transaction()?;
        write_stance_and_topics(&tx, id, stance, topics)?;
        tx.commit()?;
        self.statement(id)
    }

    /// Codes a statement in one transaction: stance, topics, addressees, targets and
    /// reported-via, each replacing what it had.
    pub fn code_statement(&mut self, id: i64, coding: &StatementCoding) -> Result<Statement> {
        let tx = self.conn.transaction()?;
        write_stance_and_topics(&tx, id, coding.stance, &coding.topics)?;
        replace_actors(
            &tx,
            id,
            StatementRole::Addressee,
            &coding.addressee_actor_ids,
        )?;
        replace_actors(&tx, id, StatementRole::Target, &coding.target_actor_ids)?;
        write_reported_via(&tx, id, coding.reported_via.as_deref())?;
        tx.commit()?;
        self.statement(id)
    }

    /// Statements a saved-query dossier holds: those matching `q`, oldest article
    /// first (by publication date, then import order), in reading order within one.
    /// An actor merged into another stands for the one it was merged into; the actor
    /// filter matches speakers. Only accepted statements: proposals wait for review.
    pub fn statements_matching(&self, q: &DossierQuery) -> Result<Vec<Statement>> {
        let mut list = self.query_statements(
            "(?1 IS NULL OR EXISTS (SELECT 1 FROM statement_actors sa
                                    WHERE sa.statement_id = s.id AND sa.role = 'speaker'
                                      AND sa.actor_id =
                                    coalesce((SELECT merged_into FROM actors WHERE id = ?1), ?1)))
             AND (?2 IS NULL OR EXISTS (SELECT 1 FROM statement_topics st
                                        WHERE st.statement_id = s.id AND st.topic = ?2))
             AND (?3 IS NULL OR s.stance = ?3)
             AND (?4 IS NULL OR a.outlet = ?4 COLLATE NOCASE)
             AND (?5 IS NULL OR substr(a.published, 1, length(?5)) >= ?5)
             AND (?6 IS NULL OR substr(a.published, 1, length(?6)) <= ?6)
             AND s.status = 'accepted'",
            params![
                q.actor_id,
                q.topic.as_deref().map(str::trim),
                q.stance.map(Stance::as_str),
                q.outlet.as_deref().map(str::trim),
                q.from.as_deref().map(str::trim),
                q.to.as_deref().map(str::trim),
            ],
        )?;
        // Stable: reading order within an article is kept.
        let published: std::collections::HashMap<i64, Option<String>> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT published FROM articles WHERE id = ?1")?;
            let mut map = std::collections::HashMap::new();
            for s in &list {
                if let std::collections::hash_map::Entry::Vacant(slot) = map.entry(s.article_id) {
                    slot.insert(stmt.query_row([s.article_id], |r| r.get::<_, Option<String>>(0))?);
                }
            }
            map
        };
        list.sort_by(|a, b| {
            (
                published[&a.article_id].is_none(),
                &published[&a.article_id],
                a.article_id,
            )
                .cmp(&(
                    published[&b.article_id].is_none(),
                    &published[&b.article_id],
                    b.article_id,
                ))
        });
        Ok(list)
    }

    /// Statements matching `filter` (the actor as a speaker), in article order then
    /// reading order.
    pub fn statements(&self, filter: &StatementFilter) -> Result<Vec<Statement>> {
        // Only the filters that are set: an `?1 IS NULL OR …` condition keeps SQLite
        // from using the article index, and the reader asks this on every open.
        let mut conditions = Vec::new();
        let mut args: Vec<i64> = Vec::new();
        if let Some(article) = filter.article_id {
            args.push(article);
            conditions.push(format!("s.article_id = ?{}", args.len()));
        }
        if let Some(actor) = filter.actor_id {
            args.push(actor);
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM statement_actors sa
                         WHERE sa.statement_id = s.id AND sa.role = 'speaker'
                           AND sa.actor_id = ?{})",
                args.len()
            ));
        }
        if conditions.is_empty() {
            conditions.push("1".to_owned());
        }
        self.query_statements(&conditions.join(" AND "), rusqlite::params_from_iter(args))
    }

    fn query_statements(
        &self,
        condition: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<Statement>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT s.id, s.article_id, coalesce(a.title, a.fallback_title), s.kind, s.status,
                    s.created_at, s.stance, s.confidence, s.reported_via, s.date
             FROM statements s JOIN articles a ON a.id = s.article_id
             WHERE {condition}
             ORDER BY s.article_id,
                      (SELECT min(start) FROM statement_spans sp
                       WHERE sp.statement_id = s.id AND sp.role = 'content'),
                      s.id"
        ))?;
        let rows = stmt
            .query_map(args, |r| {
                let kind: String = r.get(3)?;
                let status: String = r.get(4)?;
                let stance: Option<String> = r.get(6)?;
                Ok(Statement {
                    id: r.get(0)?,
                    article_id: r.get(1)?,
                    article_title: r.get(2)?,
                    speakers: Vec::new(),
                    speaker_mention: None,
                    cue: None,
                    content: Vec::new(),
                    kind: StatementKind::parse(&kind).unwrap_or(StatementKind::Direct),
                    status: StatementStatus::parse(&status).unwrap_or(StatementStatus::Proposed),
                    stance: stance.as_deref().and_then(Stance::parse),
                    topics: Vec::new(),
                    created_at: r.get(5)?,
                    confidence: r.get::<_, Option<f64>>(7)?.map(|c| c as f32),
                    reported_via: r.get(8)?,
                    date: r.get(9)?,
                    addressees: Vec::new(),
                    targets: Vec::new(),
                    anchor_status: attest_core::AnchorStatus::Ok,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        self.fill_statements(rows)
    }

    /// Adds spans, actors and topics to `list`: three queries for the whole list, not
    /// three per statement (an article may hold hundreds).
    fn fill_statements(&self, mut list: Vec<Statement>) -> Result<Vec<Statement>> {
        if list.is_empty() {
            return Ok(list);
        }
        let index: HashMap<i64, usize> = list.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let ids = serde_json::to_string(&list.iter().map(|s| s.id).collect::<Vec<_>>())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut spans = self.conn.prepare_cached(
            "SELECT statement_id, role, start, end, exact, prefix, suffix, anchor_status
             FROM statement_spans
             WHERE statement_id IN (SELECT value FROM json_each(?1))
             ORDER BY statement_id, role, ord",
        )?;
        let rows = spans.query_map([&ids], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                Anchor {
                    start: r.get(2)?,
                    end: r.get(3)?,
                    exact: r.get(4)?,
                    prefix: r.get(5)?,
                    suffix: r.get(6)?,
                },
                r.get::<_, String>(7)?,
            ))
        })?;
        for row in rows {
            let (id, role, anchor, anchor_status) = row?;
            let Some(&i) = index.get(&id) else { continue };
            let s = &mut list[i];
            // The statement shows its worst span (ok < moved < needs review).
            let anchor_status =
                attest_core::AnchorStatus::parse(&anchor_status).unwrap_or_default();
            s.anchor_status = s.anchor_status.max(anchor_status);
            match role.as_str() {
                "speaker" => s.speaker_mention = Some(anchor),
                "cue" => s.cue = Some(anchor),
                _ => s.content.push(anchor),
            }
        }
        let mut actors = self.conn.prepare_cached(
            "SELECT sa.statement_id, sa.role, a.id, a.name FROM statement_actors sa
             JOIN actors a ON a.id = sa.actor_id
             WHERE sa.statement_id IN (SELECT value FROM json_each(?1))
             ORDER BY sa.statement_id, sa.role, sa.ord",
        )?;
        let rows = actors.query_map([&ids], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                ActorRef {
                    id: r.get(2)?,
                    name: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (id, role, actor) = row?;
            let Some(&i) = index.get(&id) else { continue };
            let s = &mut list[i];
            match StatementRole::parse(&role) {
                Some(StatementRole::Speaker) => s.speakers.push(actor),
                Some(StatementRole::Addressee) => s.addressees.push(actor),
                Some(StatementRole::Target) => s.targets.push(actor),
                None => {}
            }
        }
        let mut topics = self.conn.prepare_cached(
            "SELECT statement_id, topic FROM statement_topics
             WHERE statement_id IN (SELECT value FROM json_each(?1))
             ORDER BY statement_id, ord",
        )?;
        let rows = topics.query_map([&ids], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))?;
        for row in rows {
            let (id, topic) = row?;
            if let Some(&i) = index.get(&id) {
                list[i].topics.push(topic);
            }
        }
        Ok(list)
    }

    /// Deletes a statement (spans, actors, topics with it) into the trash.
    pub fn delete_statement(&mut self, id: i64) -> Result<()> {
        self.move_to_trash(attest_core::TrashKind::Statement, id)
            .map(|_| ())
    }
}

/// Inserts one statement (spans anchored in `text`, speakers, topics) inside `tx`.
fn insert_statement(
    tx: &Transaction,
    text: &str,
    new: &NewStatement,
    status: StatementStatus,
    confidence: Option<f32>,
) -> Result<i64> {
    if new.content.is_empty() {
        return Err(StoreError::Invalid(
            "a statement needs at least one content span".into(),
        ));
    }
    let anchor = |span: Span| text::anchor(text, span);
    let content: Vec<Anchor> = new
        .content
        .iter()
        .map(|s| anchor(*s))
        .collect::<Result<_, _>>()?;
    let speaker = new.speaker_mention.map(anchor).transpose()?;
    let cue = new.cue.map(anchor).transpose()?;
    tx.execute(
        "INSERT INTO statements (article_id, kind, status, stance, confidence, reported_via,
                                 date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new.article_id,
            new.kind.as_str(),
            status.as_str(),
            new.stance.map(Stance::as_str),
            confidence.map(f64::from),
            new.reported_via
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty()),
            new.date.as_deref().map(str::trim).filter(|v| !v.is_empty()),
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_topics(tx, id, &new.topics)?;
    let spans = speaker
        .iter()
        .map(|a| ("speaker", 0, a))
        .chain(cue.iter().map(|a| ("cue", 0, a)))
        .chain(content.iter().enumerate().map(|(i, a)| ("content", i, a)));
    for (role, ord, a) in spans {
        insert_span(tx, id, role, ord, a)?;
    }
    insert_actors(tx, id, StatementRole::Speaker, &new.speaker_actor_ids)?;
    insert_actors(tx, id, StatementRole::Addressee, &new.addressee_actor_ids)?;
    insert_actors(tx, id, StatementRole::Target, &new.target_actor_ids)?;
    Ok(id)
}

/// Adds a statement's actors in one role, in the order given (repeats dropped).
fn write_stance_and_topics(
    tx: &Transaction,
    id: i64,
    stance: Option<Stance>,
    topics: &[String],
) -> Result<()> {
    let n = tx.execute(
        "UPDATE statements SET stance = ?2 WHERE id = ?1",
        params![id, stance.map(Stance::as_str)],
    )?;
    touched(n, "statement", id)?;
    tx.execute("DELETE FROM statement_topics WHERE statement_id = ?1", [id])?;
    insert_topics(tx, id, topics)
}

/// Blank words clear it.
fn write_reported_via(tx: &Transaction, id: i64, reported_via: Option<&str>) -> Result<()> {
    let value = reported_via.map(str::trim).filter(|v| !v.is_empty());
    let n = tx.execute(
        "UPDATE statements SET reported_via = ?2 WHERE id = ?1",
        params![id, value],
    )?;
    touched(n, "statement", id)
}

/// Replaces the statement's actors in `role` by `actor_ids` (each must exist).
fn replace_actors(
    tx: &Transaction,
    statement_id: i64,
    role: StatementRole,
    actor_ids: &[i64],
) -> Result<()> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM statements WHERE id = ?1)",
        [statement_id],
        |r| r.get(0),
    )?;
    touched(usize::from(exists), "statement", statement_id)?;
    for &id in actor_ids {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM actors WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        touched(usize::from(known), "actor", id)?;
    }
    tx.execute(
        "DELETE FROM statement_actors WHERE statement_id = ?1 AND role = ?2",
        params![statement_id, role.as_str()],
    )?;
    insert_actors(tx, statement_id, role, actor_ids)
}

fn insert_actors(
    tx: &Transaction,
    statement_id: i64,
    role: StatementRole,
    actor_ids: &[i64],
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO statement_actors (statement_id, actor_id, role, ord)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (ord, actor_id) in actor_ids.iter().enumerate() {
        insert.execute(params![statement_id, actor_id, role.as_str(), ord as i64])?;
    }
    Ok(())
}

fn insert_span(
    tx: &Transaction,
    statement_id: i64,
    role: &str,
    ord: usize,
    a: &Anchor,
) -> Result<()> {
    tx.execute(
        "INSERT INTO statement_spans (statement_id, role, ord, start, end, exact, prefix, suffix)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            statement_id,
            role,
            ord as i64,
            a.start,
            a.end,
            a.exact,
            a.prefix,
            a.suffix
        ],
    )?;
    Ok(())
}

/// Stores topic tags in the order given, trimmed, empty and repeated ones dropped.
fn insert_topics(tx: &Transaction, statement_id: i64, topics: &[String]) -> Result<()> {
    for (ord, topic) in topics
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        tx.execute(
            "INSERT OR IGNORE INTO statement_topics (statement_id, topic, ord) VALUES (?1, ?2, ?3)",
            params![statement_id, topic, ord as i64],
        )?;
    }
    Ok(())
}
