use crate::{found, touched, Notebook, Result, StoreError};
use attest_core::{Dossier, DossierDetail, DossierEntry, DossierItem, DossierQuery};
use rusqlite::{params, Row, Transaction};

const COLUMNS: &str = "d.id, d.title, d.description, d.created_at,
    (SELECT count(*) FROM dossier_items i WHERE i.dossier_id = d.id), d.query";

fn dossier(r: &Row) -> rusqlite::Result<Dossier> {
    let query: Option<String> = r.get(5)?;
    Ok(Dossier {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        created_at: r.get(3)?,
        item_count: r.get(4)?,
        // Written by `create_query_dossier` from the same type; unreadable means a
        // newer field set, shown as no query rather than failing the whole list.
        query: query.and_then(|q| serde_json::from_str(&q).ok()),
    })
}

/// The citation style setting's key.
const CITATION_STYLE: &str = "citation_style";

impl Notebook {
    pub fn create_dossier(&mut self, title: &str, description: &str) -> Result<Dossier> {
        let title = title.trim();
        if title.is_empty() {
            return Err(StoreError::Invalid("a dossier needs a title".into()));
        }
        self.conn.execute(
            "INSERT INTO dossiers (title, description) VALUES (?1, ?2)",
            params![title, description],
        )?;
        self.dossier(self.conn.last_insert_rowid())
    }

    /// A dossier that holds the statements matching `query`, as they are when read.
    pub fn create_query_dossier(
        &mut self,
        title: &str,
        description: &str,
        query: &DossierQuery,
    ) -> Result<Dossier> {
        let title = title.trim();
        if title.is_empty() {
            return Err(StoreError::Invalid("a dossier needs a title".into()));
        }
        let json = serde_json::to_string(query)
            .map_err(|e| StoreError::Invalid(format!("cannot store the query: {e}")))?;
        self.conn.execute(
            "INSERT INTO dossiers (title, description, query) VALUES (?1, ?2, ?3)",
            params![title, description, json],
        )?;
        self.dossier(self.conn.last_insert_rowid())
    }

    /// Turns a saved-query dossier into a fixed one holding the statements that match
    /// now, in the same order; later edits no longer follow the query.
    pub fn freeze_dossier(&mut self, id: i64) -> Result<Dossier> {
        let d = self.dossier(id)?;
        let Some(query) = d.query else {
            return Err(StoreError::Invalid(format!(
                "“{}” is not a saved-query dossier",
                d.title
            )));
        };
        let statements = self.statements_matching(&query)?;
        let tx = self.conn.transaction()?;
        for s in &statements {
            append_item(&tx, id, NewItem::statement(s.id))?;
        }
        tx.execute("UPDATE dossiers SET query = NULL WHERE id = ?1", [id])?;
        tx.commit()?;
        self.dossier(id)
    }

    pub fn dossier(&self, id: i64) -> Result<Dossier> {
        self.with_live_count(self.stored_dossier(id)?)
    }

    /// The dossier's row; a saved-query dossier's count is not worked out.
    fn stored_dossier(&self, id: i64) -> Result<Dossier> {
        found(
            self.conn.query_row(
                &format!("SELECT {COLUMNS} FROM dossiers d WHERE d.id = ?1"),
                [id],
                dossier,
            ),
            "dossier",
            id,
        )
    }

    /// A saved-query dossier counts the statements matching it now.
    fn with_live_count(&self, mut d: Dossier) -> Result<Dossier> {
        if let Some(q) = &d.query {
            d.item_count = self.statements_matching(q)?.len() as u32;
        }
        Ok(d)
    }

    /// The dossier whose id or title (ignoring case) is `key`.
    pub fn find_dossier(&self, key: &str) -> Result<Dossier> {
        if let Ok(id) = key.trim().parse::<i64>() {
            return self.dossier(id);
        }
        let mut matches = self
            .dossiers()?
            .into_iter()
            .filter(|d| d.title.eq_ignore_ascii_case(key.trim()));
        match (matches.next(), matches.next()) {
            (Some(d), None) => Ok(d),
            (None, _) => Err(StoreError::Invalid(format!("no dossier titled “{key}”"))),
            (Some(_), Some(_)) => Err(StoreError::Invalid(format!(
                "several dossiers are titled “{key}”: name it by id"
            ))),
        }
    }

    pub fn dossiers(&self) -> Result<Vec<Dossier>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM dossiers d ORDER BY d.id"))?;
        let rows = stmt.query_map([], dossier)?;
        let list: Vec<Dossier> = rows.collect::<rusqlite::Result<_>>()?;
        list.into_iter().map(|d| self.with_live_count(d)).collect()
    }

    pub fn update_dossier(&mut self, id: i64, title: &str, description: &str) -> Result<Dossier> {
        if title.trim().is_empty() {
            return Err(StoreError::Invalid("a dossier needs a title".into()));
        }
        self.conn.execute(
            "UPDATE dossiers SET title = ?2, description = ?3 WHERE id = ?1",
            params![id, title.trim(), description],
        )?;
        self.dossier(id)
    }

    /// The dossier with its items in order.
    pub fn dossier_detail(&self, id: i64) -> Result<DossierDetail> {
        let mut dossier = self.stored_dossier(id)?;
        if let Some(query) = &dossier.query {
            let items = self
                .statements_matching(query)?
                .into_iter()
                .enumerate()
                .map(|(i, statement)| DossierItem {
                    // Not stored: negative so it never clashes with a stored item's id.
                    id: -statement.id,
                    position: i as u32,
                    entry: DossierEntry::Statement { statement },
                    commentary: String::new(),
                })
                .collect::<Vec<_>>();
            // Counted from the items just read rather than by a second query.
            dossier.item_count = items.len() as u32;
            return Ok(DossierDetail { dossier, items });
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, position, kind, statement_id, annotation_id, commentary, article_id, title
             FROM dossier_items WHERE dossier_id = ?1 ORDER BY position, id",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<i64>>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut items = Vec::with_capacity(rows.len());
        for (item_id, position, kind, statement_id, annotation_id, commentary, article_id, title) in
            rows
        {
            let entry = match (kind.as_str(), statement_id, annotation_id) {
                ("statement", Some(sid), _) => DossierEntry::Statement {
                    statement: self.statement(sid)?,
                },
                ("annotation", _, Some(aid)) => {
                    let annotation = self.annotation(aid)?;
                    let article_title = self
                        .article(annotation.article_id)?
                        .display_title()
                        .to_owned();
                    DossierEntry::Annotation {
                        annotation,
                        article_title,
                    }
                }
                ("article", _, _) => match article_id {
                    Some(aid) => DossierEntry::Article {
                        article: self.article_summary(aid)?,
                    },
                    None => DossierEntry::Missing,
                },
                ("section", _, _) => DossierEntry::Section { title },
                ("commentary", _, _) => DossierEntry::Commentary,
                _ => DossierEntry::Missing,
            };
            items.push(DossierItem {
                id: item_id,
                position,
                entry,
                commentary,
            });
        }
        Ok(DossierDetail { dossier, items })
    }

    /// Appends statements to a dossier, in the order given, in one transaction.
    pub fn add_statements_to_dossier(
        &mut self,
        dossier_id: i64,
        statement_ids: &[i64],
    ) -> Result<()> {
        self.editable_dossier(dossier_id)?;
        for id in statement_ids {
            self.statement(*id)?;
        }
        let tx = self.conn.transaction()?;
        for id in statement_ids {
            append_item(&tx, dossier_id, NewItem::statement(*id))?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn add_annotation_to_dossier(&mut self, dossier_id: i64, annotation_id: i64) -> Result<()> {
        self.editable_dossier(dossier_id)?;
        self.annotation(annotation_id)?;
        self.append(
            dossier_id,
            NewItem {
                kind: "annotation",
                annotation_id: Some(annotation_id),
                ..NewItem::default()
            },
        )
    }

    /// Appends a whole article, cited as a source.
    pub fn add_article_to_dossier(&mut self, dossier_id: i64, article_id: i64) -> Result<()> {
        self.editable_dossier(dossier_id)?;
        self.article_summary(article_id)?;
        self.append(
            dossier_id,
            NewItem {
                kind: "article",
                article_id: Some(article_id),
                ..NewItem::default()
            },
        )
    }

    /// Appends a section heading; the items after it belong to the section.
    pub fn add_section_to_dossier(&mut self, dossier_id: i64, title: &str) -> Result<()> {
        self.editable_dossier(dossier_id)?;
        if title.trim().is_empty() {
            return Err(StoreError::Invalid("a section needs a title".into()));
        }
        self.append(
            dossier_id,
            NewItem {
                kind: "section",
                title: title.trim(),
                ..NewItem::default()
            },
        )
    }

    /// Appends a paragraph of the analyst's own text.
    pub fn add_commentary_to_dossier(&mut self, dossier_id: i64, text: &str) -> Result<()> {
        self.editable_dossier(dossier_id)?;
        self.append(
            dossier_id,
            NewItem {
                kind: "commentary",
                commentary: text,
                ..NewItem::default()
            },
        )
    }

    /// The citation style compiled documents use; `None` until the analyst picks one.
    pub fn citation_style(&self) -> Result<Option<attest_core::CitationStyle>> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [CITATION_STYLE],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        Ok(value.and_then(|v| serde_json::from_str(&v).ok()))
    }

    pub fn set_citation_style(&mut self, style: &attest_core::CitationStyle) -> Result<()> {
        let json = serde_json::to_string(style)
            .map_err(|e| StoreError::Invalid(format!("cannot store the style: {e}")))?;
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![CITATION_STYLE, json],
        )?;
        Ok(())
    }

    /// The dossier, if its items can be edited (a saved-query dossier's cannot).
    fn editable_dossier(&self, id: i64) -> Result<Dossier> {
        let d = self.dossier(id)?;
        if d.query.is_some() {
            return Err(StoreError::Invalid(format!(
                "“{}” follows a saved query: freeze it to edit its items",
                d.title
            )));
        }
        Ok(d)
    }

    fn append(&mut self, dossier_id: i64, item: NewItem) -> Result<()> {
        let tx = self.conn.transaction()?;
        append_item(&tx, dossier_id, item)?;
        tx.commit()?;
        Ok(())
    }

    pub fn set_item_commentary(&mut self, item_id: i64, text: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE dossier_items SET commentary = ?2 WHERE id = ?1",
            params![item_id, text],
        )?;
        touched(n, "dossier item", item_id)
    }

    /// Moves an item to `new_index` (0-based) within its dossier; positions are
    /// renumbered in one transaction.
    pub fn move_dossier_item(&mut self, item_id: i64, new_index: u32) -> Result<()> {
        let tx = self.conn.transaction()?;
        let dossier_id: i64 = found(
            tx.query_row(
                "SELECT dossier_id FROM dossier_items WHERE id = ?1",
                [item_id],
                |r| r.get(0),
            ),
            "dossier item",
            item_id,
        )?;
        let mut order: Vec<i64> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM dossier_items WHERE dossier_id = ?1 ORDER BY position, id",
            )?;
            let ids = stmt.query_map([dossier_id], |r| r.get(0))?;
            ids.collect::<rusqlite::Result<_>>()?
        };
        order.retain(|id| *id != item_id);
        let at = (new_index as usize).min(order.len());
        order.insert(at, item_id);
        for (pos, id) in order.iter().enumerate() {
            tx.execute(
                "UPDATE dossier_items SET position = ?2 WHERE id = ?1",
                params![id, pos as i64],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn remove_dossier_item(&mut self, item_id: i64) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM dossier_items WHERE id = ?1", [item_id])?;
        touched(n, "dossier item", item_id)
    }
}

/// A dossier item to append: its kind and the columns that kind uses.
#[derive(Default)]
struct NewItem<'a> {
    kind: &'static str,
    statement_id: Option<i64>,
    annotation_id: Option<i64>,
    article_id: Option<i64>,
    title: &'a str,
    commentary: &'a str,
}

impl NewItem<'_> {
    fn statement(id: i64) -> Self {
        NewItem {
            kind: "statement",
            statement_id: Some(id),
            ..NewItem::default()
        }
    }
}

fn append_item(tx: &Transaction, dossier_id: i64, item: NewItem) -> Result<()> {
    tx.execute(
        "INSERT INTO dossier_items
             (dossier_id, position, kind, statement_id, annotation_id, article_id, title, commentary)
         VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM dossier_items WHERE dossier_id = ?1),
                 ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            dossier_id,
            item.kind,
            item.statement_id,
            item.annotation_id,
            item.article_id,
            item.title,
            item.commentary
        ],
    )?;
    Ok(())
}
