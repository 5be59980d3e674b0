//! Search over the whole notebook: articles (title and text), notes and statements,
//! each in its FTS5 index (migrations 1 and 8), with filters, best first.
//!
//! Speed at 100,000 articles: each kind's best `offset + limit` rows are chosen with
//! only their ids and bm25 scores read (at most `RANK_WINDOW` of the newest matches
//! ranked when there are more); the kinds are merged by score and only the page's hits
//! get snippets and match spans, one query per kind. Matches are counted up to
//! `SearchResults::COUNT_LIMIT`. Filters join the metadata only when they are set, so
//! a plain count reads no table.

use crate::{Notebook, Result, StoreError};
use attest_core::search::{first_marked_span, fts_query, snippet_parts, MATCH_CLOSE, MATCH_OPEN};
use attest_core::{SearchHit, SearchHitKind, SearchQuery, SearchResults, Span};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

/// Words of context a snippet shows (FTS5 allows at most 64).
const SNIPPET_TOKENS: u32 = 24;
/// Article titles weigh more than their text: a word in the title says more.
const ARTICLE_WEIGHTS: &str = "4.0, 1.0";
/// The most matches of one kind ranked by bm25 (see `search`).
const RANK_WINDOW: u32 = 1000;

/// The filters, as named SQL parameters bound by every query that uses them.
struct Filters {
    params: Vec<(&'static str, Value)>,
}

impl Filters {
    fn new(notebook: &Notebook, q: &SearchQuery, fts: String) -> Result<Self> {
        let text = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::Text(s.to_owned()))
        };
        let mut params = vec![(":q", Value::Text(fts))];
        if let Some(id) = q.actor_id {
            // An actor merged into another stands for the one it was merged into.
            let actor: i64 = notebook
                .conn
                .query_row(
                    "SELECT coalesce(merged_into, id) FROM actors WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(StoreError::NotFound { what: "actor", id })?;
            params.push((":actor", Value::Integer(actor)));
        }
        for (name, value) in [
            (":outlet", &q.outlet),
            (":from", &q.from),
            (":to", &q.to),
            (":language", &q.language),
            (":tag", &q.tag),
        ] {
            if let Some(v) = text(value) {
                params.push((name, v));
            }
        }
        if let Some(kind) = q.statement_kind {
            params.push((":kind", Value::Text(kind.as_str().into())));
        }
        if let Some(status) = q.statement_status {
            params.push((":status", Value::Text(status.as_str().into())));
        }
        Ok(Filters { params })
    }

    fn has(&self, name: &str) -> bool {
        self.params.iter().any(|(n, _)| *n == name)
    }

    /// The conditions on an article's outlet and language that are set (on `a`).
    fn meta_conditions(&self) -> Vec<String> {
        let mut c = Vec::new();
        if self.has(":outlet") {
            c.push("a.outlet = :outlet COLLATE NOCASE".to_owned());
        }
        if self.has(":language") {
            c.push("a.language = :language COLLATE NOCASE".to_owned());
        }
        c
    }

    /// The conditions on `date` (ISO text) that are set. A bound may be a prefix
    /// ("2026-05"): `to` takes every date that starts with it ('~' sorts after the
    /// characters of ISO dates). Written as ranges so that an index serves them.
    fn date_conditions(&self, date: &str) -> Vec<String> {
        let mut c = Vec::new();
        if self.has(":from") {
            c.push(format!("{date} >= :from"));
        }
        if self.has(":to") {
            c.push(format!("{date} <= :to || '~'"));
        }
        c
    }

    /// A condition keeping rows whose article (`id`) passes the article filters, read
    /// from the articles' indexes into a set rather than joined row by row: an article
    /// row holds its text, and a common word matches most of them.
    fn article_condition(&self, id: &str) -> Option<String> {
        let mut c = self.meta_conditions();
        c.extend(self.date_conditions("a.published"));
        (!c.is_empty()).then(|| {
            format!(
                "+{id} IN (SELECT a.id FROM articles a WHERE {})",
                c.join(" AND ")
            )
        })
    }

    /// Runs `sql` with the parameters it names.
    fn rows<T>(
        &self,
        conn: &Connection,
        sql: &str,
        extra: &[(&'static str, Value)],
        row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let params: Vec<(&str, &dyn rusqlite::ToSql)> = self
            .params
            .iter()
            .chain(extra)
            .filter(|(name, _)| sql.contains(name))
            .map(|(name, v)| (*name, v as &dyn rusqlite::ToSql))
            .collect();
        let rows = stmt
            .query_map(params.as_slice(), row)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<T>>>());
        rows.map_err(fts_error)
    }
}

/// `fts_query` leaves FTS5 nothing to refuse; should it refuse anyway, the analyst
/// still reads a sentence.
fn fts_error(e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(f, Some(msg)) if f.code == rusqlite::ErrorCode::Unknown => {
            StoreError::Invalid(format!(
                "the search could not be read ({msg}); put words with punctuation in \
                 quotation marks"
            ))
        }
        other => other.into(),
    }
}

/// Whether a tag path matches `:tag` or is below it ("Economy" → "Economy/Trade").
fn tag_matches(path: &str) -> String {
    format!(
        "({path} = :tag COLLATE NOCASE
          OR substr({path}, 1, length(:tag) + 1) = (:tag || '/') COLLATE NOCASE)"
    )
}

/// FROM and WHERE of one kind's matches with the filters that are set.
fn matches_sql(kind: SearchHitKind, f: &Filters) -> (String, String, Vec<String>) {
    let mut conditions = Vec::new();
    let (fts, from) = match kind {
        SearchHitKind::Article => {
            conditions.extend(f.article_condition("articles_fts.rowid"));
            let from = "articles_fts".to_owned();
            if f.has(":actor") {
                // A set read once from the actor's index, not a probe per match.
                conditions.push(
                    "+articles_fts.rowid IN (SELECT m.article_id FROM mentions m
                                             WHERE m.actor_id = :actor)"
                        .to_owned(),
                );
            }
            ("articles_fts", from)
        }
        SearchHitKind::Note => {
            conditions.extend(f.article_condition("n.article_id"));
            if f.has(":actor") {
                conditions.push(
                    "+n.article_id IN (SELECT m.article_id FROM mentions m
                                       WHERE m.actor_id = :actor)"
                        .to_owned(),
                );
            }
            if f.has(":tag") {
                conditions.push(format!(
                    "EXISTS (SELECT 1 FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
                             WHERE x.annotation_id = n.id AND {})",
                    tag_matches("t.path")
                ));
            }
            (
                "notes_fts",
                "notes_fts JOIN annotations n ON n.id = notes_fts.rowid".to_owned(),
            )
        }
        SearchHitKind::Statement => {
            let meta = f.meta_conditions();
            if !meta.is_empty() {
                conditions.push(format!(
                    "+s.article_id IN (SELECT a.id FROM articles a WHERE {})",
                    meta.join(" AND ")
                ));
            }
            let dates = f.date_conditions("a.published");
            if !dates.is_empty() {
                // A statement's own date when it has one, else its article's.
                conditions.push(format!(
                    "CASE WHEN s.date IS NULL
                          THEN s.article_id IN (SELECT a.id FROM articles a WHERE {})
                          ELSE {} END",
                    dates.join(" AND "),
                    f.date_conditions("s.date").join(" AND ")
                ));
            }
            conditions.push(if f.has(":status") {
                "s.status = :status".to_owned()
            } else {
                // Rejected proposals are noise unless asked for.
                "s.status <> 'rejected'".to_owned()
            });
            if f.has(":kind") {
                conditions.push("s.kind = :kind".to_owned());
            }
            if f.has(":actor") {
                // Checked on the index's rowid, before the statement's row is read.
                conditions.push(
                    "+statements_fts.rowid IN (SELECT sa.statement_id FROM statement_actors sa
                                               WHERE sa.actor_id = :actor AND sa.role = 'speaker')"
                        .to_owned(),
                );
            }
            if f.has(":tag") {
                // A tagged highlight over the statement's words, or its topic.
                conditions.push(format!(
                    "(EXISTS (SELECT 1 FROM statement_spans sp
                              JOIN annotations n ON n.article_id = s.article_id
                                AND n.start < sp.end AND n.end > sp.start
                              JOIN annotation_tags x ON x.annotation_id = n.id
                              JOIN tags t ON t.id = x.tag_id
                              WHERE sp.statement_id = s.id AND sp.role = 'content' AND {})
                      OR EXISTS (SELECT 1 FROM statement_topics st
                                 WHERE st.statement_id = s.id AND {}))",
                    tag_matches("t.path"),
                    tag_matches("st.topic")
                ));
            }
            let from = "statements_fts JOIN statements s ON s.id = statements_fts.rowid";
            ("statements_fts", from.to_owned())
        }
    };
    (fts.to_owned(), from, conditions)
}

/// A hit for `id` of `kind` before its snippet, span and article are read.
fn blank_hit(kind: SearchHitKind, id: i64) -> SearchHit {
    SearchHit {
        kind,
        article_id: if kind == SearchHitKind::Article {
            id
        } else {
            0
        },
        article_title: String::new(),
        outlet: None,
        published: None,
        statement_id: (kind == SearchHitKind::Statement).then_some(id),
        annotation_id: (kind == SearchHitKind::Note).then_some(id),
        snippet: Vec::new(),
        span: None,
        score: 0.0,
    }
}

/// A match chosen for the page, before its snippet is made.
struct Candidate {
    kind: SearchHitKind,
    id: i64,
    score: f64,
}

impl Notebook {
    /// Searches articles, notes and statements; hits best first (bm25), a page of them
    /// with snippets and where each match is, and the count of all (up to
    /// `SearchResults::COUNT_LIMIT`).
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults> {
        let fts = fts_query(&q.text).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let filters = Filters::new(self, q, fts)?;
        let limit = q.page_size();
        let wanted = i64::from(q.offset) + i64::from(limit);
        // Counted up to one past the limit, to know whether there are more.
        let count_to = SearchResults::COUNT_LIMIT + 1;
        let mut total = 0u32;
        let mut candidates = Vec::new();
        for &kind in SearchHitKind::ALL {
            if !q.includes(kind) {
                continue;
            }
            let (fts, from, conditions) = matches_sql(kind, &filters);
            let mut where_ = format!("{fts} MATCH :q");
            for c in &conditions {
                where_.push_str(" AND ");
                where_.push_str(c);
            }
            let rank = match kind {
                SearchHitKind::Article => format!("bm25({fts}, {ARTICLE_WEIGHTS})"),
                _ => format!("bm25({fts})"),
            };
            // bm25 costs a few µs a row: a word in most of 100,000 articles cannot be
            // ranked in time. The newest RANK_WINDOW matches (by id, read in index
            // order without a sort) are ranked; when there are fewer, that is all of
            // them, and their number is the count.
            let window = wanted <= i64::from(RANK_WINDOW);
            let sql = if window {
                format!(
                    "SELECT {fts}.rowid, {rank} FROM {from} WHERE {where_}
                     ORDER BY {fts}.rowid DESC LIMIT {RANK_WINDOW}"
                )
            } else {
                format!(
                    "SELECT {fts}.rowid, {rank} FROM {from} WHERE {where_}
                     ORDER BY 2 LIMIT :wanted"
                )
            };
            let mut best = filters.rows(
                &self.conn,
                &sql,
                &[(":wanted", Value::Integer(wanted))],
                |r| {
                    Ok(Candidate {
                        kind,
                        id: r.get(0)?,
                        score: r.get(1)?,
                    })
                },
            )?;
            let count = if window && best.len() < RANK_WINDOW as usize {
                best.len() as u32
            } else if total >= count_to {
                0 // Already more than the limit: not worth counting.
            } else {
                // The window holds the newest matches (the last is the oldest of them):
                // only older ones are left to count.
                let seen = window.then(|| (best.len() as u32, best.last().map(|c| c.id)));
                self.count_matches(&filters, kind, &fts, &from, &where_, seen, count_to - total)?
            };
            total = total.saturating_add(count);
            best.sort_by(|a, b| a.score.total_cmp(&b.score).then(a.id.cmp(&b.id)));
            best.truncate(wanted as usize);
            candidates.extend(best);
        }
        // Best first across kinds; ties in a stable order so pages do not overlap.
        candidates.sort_by(|a, b| {
            a.score
                .total_cmp(&b.score)
                .then((a.kind as u8).cmp(&(b.kind as u8)))
                .then(a.id.cmp(&b.id))
        });
        let page: Vec<&Candidate> = candidates
            .iter()
            .skip(q.offset as usize)
            .take(limit as usize)
            .collect();
        let hits = self.hits(&filters, &page)?;
        let total_is_lower_bound = total > SearchResults::COUNT_LIMIT;
        Ok(SearchResults {
            hits,
            total: total.min(SearchResults::COUNT_LIMIT),
            total_is_lower_bound,
            offset: q.offset,
            limit,
        })
    }

    /// How many matches of `kind` pass the filters, counted up to `at_most`. `seen`:
    /// how many of the newest matches were read already, and the id of the oldest of
    /// them, so that counting goes on from there rather than reading them again.
    /// Statements without filters of their own are counted from the index alone, less
    /// the rejected ones (found from the status index): joining every match to its row
    /// would read them all.
    #[allow(clippy::too_many_arguments)]
    fn count_matches(
        &self,
        f: &Filters,
        kind: SearchHitKind,
        fts: &str,
        from: &str,
        where_: &str,
        seen: Option<(u32, Option<i64>)>,
        at_most: u32,
    ) -> Result<u32> {
        let one = |sql: &str, extra: &[(&'static str, Value)]| -> Result<u32> {
            Ok(f.rows(&self.conn, sql, extra, |r| r.get(0))?
                .first()
                .copied()
                .unwrap_or(0))
        };
        let unfiltered_statements = kind == SearchHitKind::Statement
            && ![
                ":status",
                ":kind",
                ":actor",
                ":tag",
                ":outlet",
                ":language",
                ":from",
                ":to",
            ]
            .iter()
            .any(|p| f.has(p));
        if unfiltered_statements {
            let all = one(
                "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH :q",
                &[],
            )?;
            let rejected = one(
                "SELECT count(*) FROM statements s WHERE s.status = 'rejected'
                 AND s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH :q)",
                &[],
            )?;
            return Ok(all.saturating_sub(rejected).min(at_most));
        }
        let (read, below) = match seen {
            Some((read, Some(oldest))) => (read, Some(oldest)),
            _ => (0, None),
        };
        let left = at_most.saturating_sub(read);
        if left == 0 {
            return Ok(at_most);
        }
        // Counting stops at `at_most`: a common word's count reads only that far.
        let (older, cut) = match below {
            Some(id) => (
                format!(" AND {fts}.rowid < :cut"),
                vec![(":cut", Value::Integer(id))],
            ),
            None => (String::new(), vec![]),
        };
        let rest = one(
            &format!(
                "SELECT count(*) FROM (SELECT 1 FROM {from} WHERE {where_}{older} LIMIT {left})"
            ),
            &cut,
        )?;
        Ok(read + rest)
    }

    /// The hits for the chosen matches, in their order: snippets and match spans read
    /// with one query per kind. A query per hit would evaluate the search again for
    /// each, which for a prefix means merging every word that starts with it.
    fn hits(&self, f: &Filters, page: &[&Candidate]) -> Result<Vec<SearchHit>> {
        let (open, close) = (MATCH_OPEN, MATCH_CLOSE);
        let mut found: Vec<Option<SearchHit>> = vec![None; page.len()];
        for &kind in SearchHitKind::ALL {
            let ids: Vec<i64> = page
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| c.id)
                .collect();
            let (Some(&lo), Some(&hi)) = (ids.iter().min(), ids.iter().max()) else {
                continue;
            };
            // The rowid range lets FTS5 seek; the list keeps only the page's rows, so
            // snippets are made for those alone.
            let params = [
                (":lo", Value::Integer(lo)),
                (":hi", Value::Integer(hi)),
                (
                    ":ids",
                    Value::Text(serde_json::Value::from(ids.clone()).to_string()),
                ),
            ];
            let chosen = |fts: &str| {
                format!(
                    "{fts} MATCH :q AND {fts}.rowid BETWEEN :lo AND :hi
                     AND +{fts}.rowid IN (SELECT value FROM json_each(:ids))"
                )
            };
            let mut made: Vec<(i64, SearchHit)> = Vec::new();
            let blank = |id: i64| blank_hit(kind, id);
            match kind {
                SearchHitKind::Article => {
                    let rows = f.rows(
                        &self.conn,
                        &format!(
                            "SELECT rowid,
                                    snippet(articles_fts, -1, '{open}', '{close}', '…', {SNIPPET_TOKENS}),
                                    highlight(articles_fts, 1, '{open}', '{close}')
                             FROM articles_fts WHERE {}",
                            chosen("articles_fts")
                        ),
                        &params,
                        |r| Ok((r.get(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
                    )?;
                    for (id, snippet, marked) in rows {
                        let mut hit = blank(id);
                        hit.snippet = snippet_parts(&snippet);
                        hit.span = first_marked_span(&marked);
                        hit.article_id = id;
                        made.push((id, hit));
                    }
                }
                SearchHitKind::Note => {
                    let rows = f.rows(
                        &self.conn,
                        &format!(
                            "SELECT notes_fts.rowid,
                                    snippet(notes_fts, 0, '{open}', '{close}', '…', {SNIPPET_TOKENS}),
                                    n.article_id, n.start, n.end
                             FROM notes_fts JOIN annotations n ON n.id = notes_fts.rowid
                             WHERE {}",
                            chosen("notes_fts")
                        ),
                        &params,
                        |r| {
                            Ok((
                                r.get(0)?,
                                r.get::<_, String>(1)?,
                                r.get(2)?,
                                Span {
                                    start: r.get(3)?,
                                    end: r.get(4)?,
                                },
                            ))
                        },
                    )?;
                    for (id, snippet, article_id, span) in rows {
                        let mut hit = blank(id);
                        hit.snippet = snippet_parts(&snippet);
                        hit.article_id = article_id;
                        hit.span = Some(span);
                        made.push((id, hit));
                    }
                }
                SearchHitKind::Statement => {
                    let rows = f.rows(
                        &self.conn,
                        &format!(
                            "SELECT statements_fts.rowid,
                                    snippet(statements_fts, 0, '{open}', '{close}', '…', {SNIPPET_TOKENS}),
                                    highlight(statements_fts, 0, '{open}', '{close}'),
                                    s.article_id
                             FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid
                             WHERE {}",
                            chosen("statements_fts")
                        ),
                        &params,
                        |r| {
                            Ok((
                                r.get(0)?,
                                r.get::<_, String>(1)?,
                                r.get::<_, String>(2)?,
                                r.get(3)?,
                            ))
                        },
                    )?;
                    for (id, snippet, marked, article_id) in rows {
                        let mut hit = blank(id);
                        hit.snippet = snippet_parts(&snippet);
                        hit.article_id = article_id;
                        hit.span = self.statement_match_span(id, &marked)?;
                        made.push((id, hit));
                    }
                }
            }
            for (id, hit) in made {
                for (slot, c) in found.iter_mut().zip(page) {
                    if c.kind == kind && c.id == id {
                        *slot = Some(hit.clone());
                    }
                }
            }
        }
        let mut title = self.conn.prepare_cached(
            "SELECT coalesce(title, fallback_title), outlet, published FROM articles WHERE id = ?1",
        )?;
        let mut hits = Vec::with_capacity(page.len());
        for (slot, c) in found.into_iter().zip(page) {
            let mut hit = slot.unwrap_or_else(|| blank_hit(c.kind, c.id));
            hit.score = c.score;
            let (t, outlet, published) =
                title.query_row([hit.article_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            hit.article_title = t;
            hit.outlet = outlet;
            hit.published = published;
            hits.push(hit);
        }
        Ok(hits)
    }

    /// Maps the first match in a statement's indexed words (`marked`: its content
    /// spans joined by line breaks, as migration 8 joins them, with the matches marked)
    /// to the article's text. Should the index hold other words than the spans (it
    /// never should), the statement's first content span stands for the match.
    fn statement_match_span(&self, statement_id: i64, marked: &str) -> Result<Option<Span>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT start, end, exact FROM statement_spans
             WHERE statement_id = ?1 AND role = 'content' ORDER BY ord",
        )?;
        let spans = stmt
            .query_map([statement_id], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let indexed: String = marked
            .chars()
            .filter(|&c| c != MATCH_OPEN && c != MATCH_CLOSE)
            .collect();
        let joined = spans
            .iter()
            .map(|(_, _, exact)| exact.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let first = spans.first().map(|&(start, end, _)| Span { start, end });
        let Some(m) = first_marked_span(marked).filter(|_| indexed == joined) else {
            return Ok(first);
        };
        let mut at = m.start;
        for (start, _, exact) in &spans {
            let len = attest_core::text::char_len(exact);
            if at < len {
                // A match never crosses the line break between two parts.
                let end = (at + (m.end - m.start)).min(len);
                return Ok(Some(Span {
                    start: start + at,
                    end: start + end,
                }));
            }
            at = at.saturating_sub(len + 1);
        }
        Ok(first)
    }
}
