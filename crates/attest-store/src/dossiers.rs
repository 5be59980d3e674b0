use crate::{found, Notebook, Result, StoreError};
use attest_core::{Dossier, DossierDetail, DossierEntry, DossierItem};
use rusqlite::{params, Row, Transaction};

const COLUMNS: &str = "d.id, d.title, d.description, d.created_at,
    (SELECT count(*) FROM dossier_items i WHERE i.dossier_id = d.id)";

fn dossier(r: &Row) -> rusqlite::Result<Dossier> {
    Ok(Dossier {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        created_at: r.get(3)?,
        item_count: r.get(4)?,
    })
}

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

    pub fn dossier(&self, id: i64) -> Result<Dossier> {
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
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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
        let dossier = self.dossier(id)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, position, kind, statement_id, annotation_id, commentary
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
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut items = Vec::with_capacity(rows.len());
        for (item_id, position, kind, statement_id, annotation_id, commentary) in rows {
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
        self.dossier(dossier_id)?;
        for id in statement_ids {
            self.statement(*id)?;
        }
        let tx = self.conn.transaction()?;
        for id in statement_ids {
            append_item(&tx, dossier_id, "statement", Some(*id), None, "")?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn add_annotation_to_dossier(&mut self, dossier_id: i64, annotation_id: i64) -> Result<()> {
        self.dossier(dossier_id)?;
        self.annotation(annotation_id)?;
        let tx = self.conn.transaction()?;
        append_item(&tx, dossier_id, "annotation", None, Some(annotation_id), "")?;
        tx.commit()?;
        Ok(())
    }

    /// Appends a paragraph of the analyst's own text.
    pub fn add_commentary_to_dossier(&mut self, dossier_id: i64, text: &str) -> Result<()> {
        self.dossier(dossier_id)?;
        let tx = self.conn.transaction()?;
        append_item(&tx, dossier_id, "commentary", None, None, text)?;
        tx.commit()?;
        Ok(())
    }

    pub fn set_item_commentary(&mut self, item_id: i64, text: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE dossier_items SET commentary = ?2 WHERE id = ?1",
            params![item_id, text],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "dossier item",
                id: item_id,
            });
        }
        Ok(())
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
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "dossier item",
                id: item_id,
            });
        }
        Ok(())
    }
}

fn append_item(
    tx: &Transaction,
    dossier_id: i64,
    kind: &str,
    statement_id: Option<i64>,
    annotation_id: Option<i64>,
    commentary: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO dossier_items (dossier_id, position, kind, statement_id, annotation_id, commentary)
         VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM dossier_items WHERE dossier_id = ?1),
                 ?2, ?3, ?4, ?5)",
        params![dossier_id, kind, statement_id, annotation_id, commentary],
    )?;
    Ok(())
}
