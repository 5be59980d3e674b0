//! The one sanctioned change of an article's text: replacing it (a corrected file
//! re-imported, a better extraction). Every anchor into the article — highlights and
//! statement spans — is re-attached by `attest_core::anchoring`; one that cannot be found
//! well enough is marked *needs review* and listed, never moved silently.

use crate::articles::{link_near_duplicates, SourceFile};
use crate::{found, Notebook, Result, StoreError};
use attest_core::anchoring::{Reattached, Target};
use attest_core::similarity::ArticleKeys;
use attest_core::{
    text, Anchor, AnchorReview, AnchorStatus, AnchorTarget, ArticleMeta, ReattachReport,
    SourceFormat, Span,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// What replaces an article's text.
pub struct TextReplacement<'a> {
    pub text: &'a str,
    /// New metadata; `None` keeps the stored metadata.
    pub meta: Option<&'a ArticleMeta>,
    /// The new source's format; `None` keeps the stored one.
    pub format: Option<SourceFormat>,
    /// The new source file; `None` keeps the stored one.
    pub source: Option<SourceFile<'a>>,
}

/// One stored anchor, as read for re-attachment.
struct Stored {
    target: AnchorTarget,
    anchor: Anchor,
}

/// The new values of one anchor after re-attachment.
fn reanchored(new_text: &str, anchor: &Anchor, found: &Reattached) -> (Anchor, AnchorStatus, f32) {
    match found.status {
        AnchorStatus::Ok | AnchorStatus::Moved => match text::anchor(new_text, found.span) {
            // Found: fresh quote and context from the new text.
            Ok(fresh) => (fresh, found.status, found.score),
            Err(_) => review(anchor, found.span, found.score),
        },
        AnchorStatus::NeedsReview => review(anchor, found.span, found.score),
    }
}

/// Needs review: the old quote and context are kept (they say what to look for), the
/// position is the proposed place.
fn review(anchor: &Anchor, span: Span, score: f32) -> (Anchor, AnchorStatus, f32) {
    let kept = Anchor {
        start: span.start,
        end: span.end,
        ..anchor.clone()
    };
    (kept, AnchorStatus::NeedsReview, score.clamp(0.0, 1.0))
}

fn stored_anchors(tx: &Transaction, article_id: i64) -> Result<Vec<Stored>> {
    let mut out = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT id, start, end, exact, prefix, suffix FROM annotations WHERE article_id = ?1",
    )?;
    let rows = stmt.query_map([article_id], |r| {
        Ok(Stored {
            target: AnchorTarget::Annotation { id: r.get(0)? },
            anchor: Anchor {
                start: r.get(1)?,
                end: r.get(2)?,
                exact: r.get(3)?,
                prefix: r.get(4)?,
                suffix: r.get(5)?,
            },
        })
    })?;
    for row in rows {
        out.push(row?);
    }
    let mut stmt = tx.prepare(
        "SELECT sp.statement_id, sp.role, sp.ord, sp.start, sp.end, sp.exact, sp.prefix,
                sp.suffix
         FROM statement_spans sp JOIN statements s ON s.id = sp.statement_id
         WHERE s.article_id = ?1",
    )?;
    let rows = stmt.query_map([article_id], |r| {
        Ok(Stored {
            target: AnchorTarget::StatementSpan {
                statement_id: r.get(0)?,
                role: r.get(1)?,
                ord: r.get(2)?,
            },
            anchor: Anchor {
                start: r.get(3)?,
                end: r.get(4)?,
                exact: r.get(5)?,
                prefix: r.get(6)?,
                suffix: r.get(7)?,
            },
        })
    })?;
    for row in rows {
        out.push(row?);
    }
    Ok(out)
}

fn write_anchor(
    conn: &Connection,
    target: &AnchorTarget,
    a: &Anchor,
    status: AnchorStatus,
    score: f32,
) -> Result<usize> {
    let n = match target {
        AnchorTarget::Annotation { id } => conn
            .prepare_cached(
                "UPDATE annotations SET start = ?2, end = ?3, exact = ?4, prefix = ?5,
                        suffix = ?6, anchor_status = ?7, anchor_score = ?8
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                a.start,
                a.end,
                a.exact,
                a.prefix,
                a.suffix,
                status.as_str(),
                f64::from(score)
            ])?,
        AnchorTarget::StatementSpan {
            statement_id,
            role,
            ord,
        } => conn
            .prepare_cached(
                "UPDATE statement_spans SET start = ?4, end = ?5, exact = ?6, prefix = ?7,
                        suffix = ?8, anchor_status = ?9, anchor_score = ?10
                 WHERE statement_id = ?1 AND role = ?2 AND ord = ?3",
            )?
            .execute(params![
                statement_id,
                role,
                ord,
                a.start,
                a.end,
                a.exact,
                a.prefix,
                a.suffix,
                status.as_str(),
                f64::from(score)
            ])?,
    };
    Ok(n)
}

/// The code points `span` of `text`, or "" when it does not fit.
fn chars_of(text: &str, span: Span) -> String {
    text.chars()
        .skip(span.start as usize)
        .take(span.end.saturating_sub(span.start) as usize)
        .collect()
}

const REVIEW_ANNOTATIONS: &str = "
    SELECT n.id, n.article_id, coalesce(a.title, a.fallback_title), a.text, n.start, n.end,
           n.exact, n.prefix, n.suffix, n.anchor_score, n.note
    FROM annotations n JOIN articles a ON a.id = n.article_id
    WHERE n.anchor_status = 'needs_review' AND (?1 IS NULL OR n.article_id = ?1)
    ORDER BY n.article_id, n.start, n.id";

const REVIEW_SPANS: &str = "
    SELECT sp.statement_id, sp.role, sp.ord, s.article_id, coalesce(a.title, a.fallback_title),
           a.text, sp.start, sp.end, sp.exact, sp.prefix, sp.suffix, sp.anchor_score
    FROM statement_spans sp JOIN statements s ON s.id = sp.statement_id
    JOIN articles a ON a.id = s.article_id
    WHERE sp.anchor_status = 'needs_review' AND (?1 IS NULL OR s.article_id = ?1)
    ORDER BY s.article_id, sp.start, sp.statement_id";

fn list_review(conn: &Connection, article_id: Option<i64>) -> Result<Vec<AnchorReview>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(REVIEW_ANNOTATIONS)?;
    let rows = stmt.query_map([article_id], |r| {
        let text: String = r.get(3)?;
        let anchor = Anchor {
            start: r.get(4)?,
            end: r.get(5)?,
            exact: r.get(6)?,
            prefix: r.get(7)?,
            suffix: r.get(8)?,
        };
        Ok(AnchorReview {
            target: AnchorTarget::Annotation { id: r.get(0)? },
            article_id: r.get(1)?,
            article_title: r.get(2)?,
            proposed_text: chars_of(&text, anchor.span()),
            anchor,
            score: r.get::<_, f64>(9)? as f32,
            label: r.get(10)?,
        })
    })?;
    for row in rows {
        out.push(row?);
    }
    let mut stmt = conn.prepare_cached(REVIEW_SPANS)?;
    let rows = stmt.query_map([article_id], |r| {
        let text: String = r.get(5)?;
        let role: String = r.get(1)?;
        let anchor = Anchor {
            start: r.get(6)?,
            end: r.get(7)?,
            exact: r.get(8)?,
            prefix: r.get(9)?,
            suffix: r.get(10)?,
        };
        let statement_id: i64 = r.get(0)?;
        Ok(AnchorReview {
            label: format!("statement {statement_id}, {role}"),
            target: AnchorTarget::StatementSpan {
                statement_id,
                role,
                ord: r.get(2)?,
            },
            article_id: r.get(3)?,
            article_title: r.get(4)?,
            proposed_text: chars_of(&text, anchor.span()),
            anchor,
            score: r.get::<_, f64>(11)? as f32,
        })
    })?;
    for row in rows {
        out.push(row?);
    }
    out.sort_by_key(|r| (r.article_id, r.anchor.start));
    Ok(out)
}

impl Notebook {
    /// Replaces an article's text (one transaction): the new text (full-text index by
    /// its triggers), content hash, source and metadata when given; every highlight and
    /// statement span re-attached with its status; mentions found again; the
    /// near-duplicate signature and links worked out again.
    pub fn replace_article_text(
        &mut self,
        article_id: i64,
        new: &TextReplacement,
    ) -> Result<ReattachReport> {
        if new.text.trim().is_empty() {
            return Err(StoreError::Invalid(
                "the new text is empty: the article keeps its text".into(),
            ));
        }
        // Band keys still pending may hold this article's old keys: write them first so
        // they are replaced with the rest below.
        self.flush_bands()?;
        let finder = self.mention_finder()?;
        let keys = ArticleKeys::of(new.text);
        let tx = self.conn.transaction()?;
        found(
            tx.query_row("SELECT id FROM articles WHERE id = ?1", [article_id], |r| {
                r.get::<_, i64>(0)
            }),
            "article",
            article_id,
        )?;
        let same: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, coalesce(title, fallback_title) FROM articles
                 WHERE content_hash = ?1 AND id <> ?2",
                params![keys.content_hash, article_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, title)) = same {
            return Err(StoreError::Invalid(format!(
                "the new text is already in the notebook as article {id} (“{title}”); \
                 the article keeps its text"
            )));
        }
        tx.execute(
            "UPDATE articles SET text = ?2, content_hash = ?3 WHERE id = ?1",
            params![article_id, new.text, keys.content_hash],
        )?;
        if let Some(m) = new.meta {
            tx.execute(
                "UPDATE articles SET title = ?2, byline = ?3, outlet = ?4, published = ?5,
                        dateline = ?6, language = ?7, url = ?8
                 WHERE id = ?1",
                params![
                    article_id,
                    m.title,
                    m.byline,
                    m.outlet,
                    m.published,
                    m.dateline,
                    m.language,
                    m.url
                ],
            )?;
        }
        if let Some(format) = new.format {
            tx.execute(
                "UPDATE articles SET format = ?2 WHERE id = ?1",
                params![article_id, format.as_str()],
            )?;
        }
        if let Some(src) = &new.source {
            tx.execute(
                "UPDATE articles SET source_name = ?2, source_path = ?3 WHERE id = ?1",
                params![article_id, src.name, src.path],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO article_sources (article_id, bytes, sha256)
                 VALUES (?1, ?2, ?3)",
                params![article_id, src.bytes, src.sha256],
            )?;
        }

        let target = Target::new(new.text);
        let (mut kept, mut moved, mut needs_review) = (0, 0, 0);
        for s in stored_anchors(&tx, article_id)? {
            let found = target.reattach(&s.anchor);
            let (anchor, status, score) = reanchored(new.text, &s.anchor, &found);
            write_anchor(&tx, &s.target, &anchor, status, score)?;
            match status {
                AnchorStatus::Ok => kept += 1,
                AnchorStatus::Moved => moved += 1,
                AnchorStatus::NeedsReview => needs_review += 1,
            }
        }

        tx.execute("DELETE FROM mentions WHERE article_id = ?1", [article_id])?;
        crate::mentions::scan_article(&tx, &finder, article_id, new.text)?;
        let mentions: u32 = tx.query_row(
            "SELECT count(*) FROM mentions WHERE article_id = ?1",
            [article_id],
            |r| r.get(0),
        )?;

        // Near-duplicates: the old signature and links go, the new ones come. The old
        // band keys may stay: a candidate is compared by its current signature.
        tx.execute(
            "DELETE FROM article_signatures WHERE article_id = ?1",
            [article_id],
        )?;
        tx.execute(
            "DELETE FROM related_articles WHERE article_id = ?1 OR related_id = ?1",
            [article_id],
        )?;
        link_near_duplicates(
            &tx,
            article_id,
            keys.signature.as_ref(),
            &self.pending_bands,
        )?;
        if let Some(signature) = &keys.signature {
            // One article's keys: written here rather than batched.
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?1, ?2)",
            )?;
            for key in signature.band_keys() {
                insert.execute(params![key, article_id])?;
            }
        }
        let review = list_review(&tx, Some(article_id))?;
        tx.commit()?;
        Ok(ReattachReport {
            article_id,
            kept,
            moved,
            needs_review,
            review,
            mentions,
        })
    }

    /// Anchors needing review: one article's, or (with `None`) the notebook's.
    pub fn anchors_needing_review(&self, article_id: Option<i64>) -> Result<Vec<AnchorReview>> {
        list_review(&self.conn, article_id)
    }

    /// Resolves an anchor needing review: at `span` when given (the analyst's choice),
    /// else at its proposed place. It is anchored afresh there (quote and context from
    /// the text) and no longer needs review.
    pub fn resolve_anchor(&mut self, target: &AnchorTarget, span: Option<Span>) -> Result<()> {
        let (article_id, proposed): (i64, Span) = match target {
            AnchorTarget::Annotation { id } => found(
                self.conn.query_row(
                    "SELECT article_id, start, end FROM annotations WHERE id = ?1",
                    [id],
                    article_and_span,
                ),
                "annotation",
                *id,
            )?,
            AnchorTarget::StatementSpan {
                statement_id,
                role,
                ord,
            } => found(
                self.conn.query_row(
                    "SELECT s.article_id, sp.start, sp.end FROM statement_spans sp
                     JOIN statements s ON s.id = sp.statement_id
                     WHERE sp.statement_id = ?1 AND sp.role = ?2 AND sp.ord = ?3",
                    params![statement_id, role, ord],
                    article_and_span,
                ),
                "statement span of statement",
                *statement_id,
            )?,
        };
        let text: String = self.conn.query_row(
            "SELECT text FROM articles WHERE id = ?1",
            [article_id],
            |r| r.get(0),
        )?;
        let fresh = text::anchor(&text, span.unwrap_or(proposed))?;
        write_anchor(&self.conn, target, &fresh, AnchorStatus::Ok, 1.0)?;
        Ok(())
    }
}

/// A row of (article id, start, end) as the article and the span.
fn article_and_span(r: &rusqlite::Row) -> rusqlite::Result<(i64, Span)> {
    Ok((
        r.get(0)?,
        Span {
            start: r.get(1)?,
            end: r.get(2)?,
        },
    ))
}
