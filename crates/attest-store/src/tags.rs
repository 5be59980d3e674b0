//! Tags on highlights: hierarchical paths ("Economy/Trade"), each with an optional
//! colour. Creating a path creates its ancestors, so the hierarchy is always whole;
//! renaming or deleting a tag carries its descendants along.

use crate::{found, touched, Notebook, Result, StoreError};
use attest_core::{Annotation, Tag, TagCount};
use rusqlite::{params, Connection, OptionalExtension, Row};

/// Longest tag path accepted (code points).
const MAX_PATH: usize = 200;

fn tag(r: &Row) -> rusqlite::Result<Tag> {
    tag_at(r, 0)
}

/// The tag in the three columns from `first` (id, path, colour).
pub(crate) fn tag_at(r: &Row, first: usize) -> rusqlite::Result<Tag> {
    Ok(Tag {
        id: r.get(first)?,
        path: r.get(first + 1)?,
        colour: r.get(first + 2)?,
    })
}

/// `path` with each level trimmed and empty levels dropped ("Economy / Trade/" →
/// "Economy/Trade"); refused when nothing is left or it is too long.
pub fn normalise_path(path: &str) -> Result<String> {
    let levels: Vec<&str> = path
        .split('/')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if levels.is_empty() {
        return Err(StoreError::Invalid(
            "a tag needs a name (levels separated by \"/\", like Economy/Trade)".into(),
        ));
    }
    let path = levels.join("/");
    if path.chars().count() > MAX_PATH {
        return Err(StoreError::Invalid(format!(
            "a tag's path is at most {MAX_PATH} characters long"
        )));
    }
    Ok(path)
}

/// A colour the UI can put in a style safely: `#rgb` or `#rrggbb`.
fn check_colour(colour: Option<&str>) -> Result<Option<String>> {
    let Some(c) = colour.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let hex = c.strip_prefix('#').unwrap_or("");
    if (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|h| h.is_ascii_hexdigit()) {
        Ok(Some(c.to_ascii_lowercase()))
    } else {
        Err(StoreError::Invalid(format!(
            "“{c}” is not a colour: write it as #rrggbb (for example #c0392b)"
        )))
    }
}

/// The id of the tag at `path` (normalised), creating it and its ancestors if missing.
pub(crate) fn ensure_tag(conn: &Connection, path: &str) -> Result<i64> {
    let mut id = 0;
    let mut prefix = String::new();
    for level in path.split('/') {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(level);
        let existing: Option<i64> = conn
            .prepare_cached("SELECT id FROM tags WHERE path = ?1")?
            .query_row([&prefix], |r| r.get(0))
            .optional()?;
        id = match existing {
            Some(id) => id,
            None => {
                conn.prepare_cached("INSERT INTO tags (path) VALUES (?1)")?
                    .execute([&prefix])?;
                conn.last_insert_rowid()
            }
        };
    }
    Ok(id)
}

/// The condition "`path` is `?1` or below it" (case-insensitive like the column).
const SUBTREE: &str = "(path = ?1 OR lower(substr(path, 1, length(?1) + 1)) = lower(?1 || '/'))";

impl Notebook {
    /// Every tag in path order, with the number of highlights carrying it.
    pub fn tags(&self) -> Result<Vec<TagCount>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.path, t.colour,
                    (SELECT count(*) FROM annotation_tags at WHERE at.tag_id = t.id)
             FROM tags t ORDER BY t.path COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TagCount {
                tag: tag(r)?,
                annotations: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn tag(&self, id: i64) -> Result<Tag> {
        found(
            self.conn
                .query_row("SELECT id, path, colour FROM tags WHERE id = ?1", [id], tag),
            "tag",
            id,
        )
    }

    /// Creates the tag at `path` (and its ancestors); an existing one is returned, with
    /// its colour changed when one is given.
    pub fn create_tag(&mut self, path: &str, colour: Option<&str>) -> Result<Tag> {
        let path = normalise_path(path)?;
        let colour = check_colour(colour)?;
        let tx = self.conn.transaction()?;
        let id = ensure_tag(&tx, &path)?;
        if colour.is_some() {
            tx.execute(
                "UPDATE tags SET colour = ?2 WHERE id = ?1",
                params![id, colour],
            )?;
        }
        tx.commit()?;
        self.tag(id)
    }

    /// Moves a tag, with every tag below it, to `new_path` ("Trade" → "Economy/Trade").
    pub fn rename_tag(&mut self, id: i64, new_path: &str) -> Result<Tag> {
        let new_path = normalise_path(new_path)?;
        let old = self.tag(id)?.path;
        if old == new_path {
            return self.tag(id);
        }
        let below_itself = new_path
            .to_lowercase()
            .starts_with(&format!("{}/", old.to_lowercase()));
        if below_itself {
            return Err(StoreError::Invalid(format!(
                "“{old}” cannot move below itself (“{new_path}”)"
            )));
        }
        let tx = self.conn.transaction()?;
        let clash: Option<String> = tx
            .query_row(
                "SELECT path FROM tags WHERE path = ?1 AND id <> ?2",
                params![new_path, id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(clash) = clash {
            return Err(StoreError::Invalid(format!(
                "a tag “{clash}” already exists; rename or delete it first"
            )));
        }
        // The subtree's paths, renamed from the deepest so no two rows ever clash.
        let subtree: Vec<(i64, String)> = tx
            .prepare(&format!(
                "SELECT id, path FROM tags WHERE {SUBTREE} ORDER BY length(path) DESC"
            ))?
            .query_map([&old], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let old_len = old.len();
        for (tid, path) in subtree {
            let renamed = format!("{new_path}{}", &path[old_len..]);
            let taken: Option<i64> = tx
                .query_row(
                    "SELECT id FROM tags WHERE path = ?1 AND id <> ?2",
                    params![renamed, tid],
                    |r| r.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Err(StoreError::Invalid(format!(
                    "a tag “{renamed}” already exists; rename or delete it first"
                )));
            }
            tx.execute(
                "UPDATE tags SET path = ?2 WHERE id = ?1",
                params![tid, renamed],
            )?;
        }
        // The new path's ancestors exist too.
        if let Some((parent, _)) = new_path.rsplit_once('/') {
            ensure_tag(&tx, parent)?;
        }
        tx.commit()?;
        self.tag(id)
    }

    /// Sets (or with `None` clears) a tag's colour.
    pub fn set_tag_colour(&mut self, id: i64, colour: Option<&str>) -> Result<Tag> {
        let colour = check_colour(colour)?;
        let n = self.conn.execute(
            "UPDATE tags SET colour = ?2 WHERE id = ?1",
            params![id, colour],
        )?;
        touched(n, "tag", id)?;
        self.tag(id)
    }

    /// Deletes a tag and every tag below it; highlights lose them, nothing else.
    pub fn delete_tag(&mut self, id: i64) -> Result<()> {
        let path = self.tag(id)?.path;
        self.conn
            .execute(&format!("DELETE FROM tags WHERE {SUBTREE}"), [&path])?;
        Ok(())
    }

    /// Replaces a highlight's tags with `paths`, creating the tags that are missing.
    pub fn set_annotation_tags(
        &mut self,
        annotation_id: i64,
        paths: &[String],
    ) -> Result<Annotation> {
        self.annotation(annotation_id)?;
        let paths = paths
            .iter()
            .map(|p| normalise_path(p))
            .collect::<Result<Vec<_>>>()?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM annotation_tags WHERE annotation_id = ?1",
            [annotation_id],
        )?;
        for path in &paths {
            let tag_id = ensure_tag(&tx, path)?;
            tx.execute(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?1, ?2)",
                params![annotation_id, tag_id],
            )?;
        }
        tx.commit()?;
        self.annotation(annotation_id)
    }

    /// `a` with its tags, in path order.
    pub(crate) fn with_tags(&self, mut a: Annotation) -> Result<Annotation> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id, t.path, t.colour FROM annotation_tags at
             JOIN tags t ON t.id = at.tag_id
             WHERE at.annotation_id = ?1 ORDER BY t.path COLLATE NOCASE",
        )?;
        a.tags = stmt
            .query_map([a.id], tag)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_trimmed_and_checked() {
        assert_eq!(
            normalise_path(" Economy / Trade/ ").unwrap(),
            "Economy/Trade"
        );
        assert!(normalise_path(" / ").is_err());
        assert_eq!(
            check_colour(Some("#C0392B")).unwrap().as_deref(),
            Some("#c0392b")
        );
        assert_eq!(check_colour(Some("")).unwrap(), None);
        assert!(check_colour(Some("red; background: url(x)")).is_err());
    }
}
