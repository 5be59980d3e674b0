use crate::{found, Notebook, Result};
use attest_core::{text, Anchor, AnchorStatus, Annotation, Span};
use rusqlite::{params, Row};
use std::collections::HashMap;

const COLUMNS: &str = "id, article_id, start, end, exact, prefix, suffix, note, created_at, \
                       anchor_status, anchor_score";

fn annotation(r: &Row) -> rusqlite::Result<Annotation> {
    Ok(Annotation {
        id: r.get(0)?,
        article_id: r.get(1)?,
        anchor: Anchor {
            start: r.get(2)?,
            end: r.get(3)?,
            exact: r.get(4)?,
            prefix: r.get(5)?,
            suffix: r.get(6)?,
        },
        note: r.get(7)?,
        created_at: r.get(8)?,
        anchor_status: AnchorStatus::parse(&r.get::<_, String>(9)?).unwrap_or_default(),
        anchor_score: r.get::<_, f64>(10)? as f32,
        // Filled by `with_tags`.
        tags: Vec::new(),
    })
}

impl Notebook {
    /// Highlights `span` of an article with a note.
    pub fn add_annotation(
        &mut self,
        article_id: i64,
        span: Span,
        note: &str,
    ) -> Result<Annotation> {
        let article = self.article(article_id)?;
        let a = text::anchor(&article.text, span)?;
        self.conn.execute(
            "INSERT INTO annotations (article_id, start, end, exact, prefix, suffix, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![article_id, a.start, a.end, a.exact, a.prefix, a.suffix, note],
        )?;
        self.annotation(self.conn.last_insert_rowid())
    }

    pub fn annotation(&self, id: i64) -> Result<Annotation> {
        let a = found(
            self.conn.query_row(
                &format!("SELECT {COLUMNS} FROM annotations WHERE id = ?1"),
                [id],
                annotation,
            ),
            "annotation",
            id,
        )?;
        self.with_tags(a)
    }

    /// An article's annotations in reading order.
    pub fn annotations(&self, article_id: i64) -> Result<Vec<Annotation>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM annotations WHERE article_id = ?1 ORDER BY start, end, id"
        ))?;
        let mut list = stmt
            .query_map([article_id], annotation)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // The tags of all of them in one query: a long article has a thousand.
        let index: HashMap<i64, usize> = list.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
        let mut tags = self.conn.prepare_cached(
            "SELECT at.annotation_id, t.id, t.path, t.colour FROM annotations n
             JOIN annotation_tags at ON at.annotation_id = n.id
             JOIN tags t ON t.id = at.tag_id
             WHERE n.article_id = ?1 ORDER BY at.annotation_id, t.path COLLATE NOCASE",
        )?;
        let rows = tags.query_map([article_id], |r| {
            Ok((r.get::<_, i64>(0)?, crate::tags::tag_at(r, 1)?))
        })?;
        for row in rows {
            let (id, tag) = row?;
            if let Some(&i) = index.get(&id) {
                list[i].tags.push(tag);
            }
        }
        Ok(list)
    }

    pub fn set_annotation_note(&mut self, id: i64, note: &str) -> Result<Annotation> {
        self.conn.execute(
            "UPDATE annotations SET note = ?2 WHERE id = ?1",
            params![id, note],
        )?;
        self.annotation(id)
    }
}
