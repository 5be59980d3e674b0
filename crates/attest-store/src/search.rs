//! Search over the whole notebook: articles (title and text), notes and statements,
//! each in its FTS5 index (migrations 1 and 8), with filters, best first.
//!
//! Speed at 100,000 articles: each kind's best `offset + limit` rows are chosen with
//! only their ids and bm25 scores read (at most `RANK_WINDOW` of the newest matches
//! ranked when there are more); the kinds are merged by score and only the page's hits
//! get snippets and match spans, one query per kind. Matches are counted up to
//! `SearchResults::COUNT_LIMIT`. Filters join the metadata only when they are set, so
//! a plain count reads no table. Where two plans find the same hits, `PLAN` says which
//! one a query takes (a filter most articles pass; a page scattered over the index).

use crate::{Notebook, Result, StoreError};
use attest_core::search::{
    first_marked_span, fts_query, prefix_words, snippet_parts, MATCH_CLOSE, MATCH_OPEN,
};
use attest_core::{SearchHit, SearchHitKind, SearchQuery, SearchResults, Span};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

/// Words of context a snippet shows (FTS5 allows at most 64).
const SNIPPET_TOKENS: u32 = 24;
/// Article titles weigh more than their text: a word in the title says more.
const ARTICLE_WEIGHTS: &str = "4.0, 1.0";
/// The prefix lengths articles_fts keeps lists for (migration 10's `prefix = '4 5'`).
const ARTICLE_PREFIXES: [usize; 2] = [4, 5];
/// Where the search switches between plans that find the same hits (tests force each).
#[derive(Debug, Clone, Copy)]
struct Plan {
    /// Article filters (outlet, language, dates) keeping at least this many articles are
    /// checked on each match rather than read into a set first (see `matches_sql`).
    broad_filter: u32,
    /// A page's article hits are read by seeking each row when their ids spread over
    /// more than this fraction of the articles' (see `hits`).
    seek_spread: f64,
}

/// Measured at 100,000 articles (`attest bench search`): reading a set of 50,000 ids
/// costs ~10 ms, checking 2,000 matches in the listing index ~1 ms; a seek costs about
/// as much as reading 1,000 matches in order.
const PLAN: Plan = Plan {
    broad_filter: 10_000,
    seek_spread: 0.25,
};
/// The most matches of one kind ranked by bm25 (see `search`).
const RANK_WINDOW: u32 = 1000;

/// The filters, as named SQL parameters bound by every query that uses them.
struct Filters {
    params: Vec<(&'static str, Value)>,
    /// The last word of each prefix term (see `seeks_articles`).
    prefixes: Vec<String>,
    plan: Plan,
    /// Whether the article filters keep at least `plan.broad_filter` articles.
    broad: bool,
}

impl Filters {
    fn new(notebook: &Notebook, q: &SearchQuery, fts: String, plan: Plan) -> Result<Self> {
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
        let mut filters = Filters {
            params,
            prefixes: prefix_words(&q.text),
            plan,
            broad: false,
        };
        let mut c = filters.meta_conditions();
        c.extend(filters.date_conditions("a.published"));
        if !c.is_empty() {
            filters.broad = filters.keeps(&notebook.conn, &c, plan.broad_filter)?;
        }
        Ok(filters)
    }

    /// Whether FTS5 can find one article's matches by seeking it. A prefix term makes
    /// it merge every word starting with the prefix at each seek, unless the index
    /// keeps lists of prefixes of that length (migration 10).
    fn seeks_articles(&self) -> bool {
        self.prefixes
            .iter()
            .all(|w| ARTICLE_PREFIXES.contains(&w.chars().count()))
    }

    /// Whether at least `bound` articles pass `conditions` (on `a`). Counting from the
    /// filters' indexes stops at the bound: a fraction of a millisecond.
    fn keeps(&self, conn: &Connection, conditions: &[String], bound: u32) -> Result<bool> {
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {} LIMIT {bound})",
            conditions.join(" AND ")
        );
        let kept: Vec<u32> = self.rows(conn, &sql, &[], |r| r.get(0))?;
        Ok(kept.first() == Some(&bound))
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
            let from = if f.broad {
                // A filter most articles pass: a set of them would cost more to read
                // than checking each match in the compact index of the listing.
                conditions.extend(f.meta_conditions());
                conditions.extend(f.date_conditions("a.published"));
                "articles_fts JOIN articles a INDEXED BY articles_listing
                   ON a.id = articles_fts.rowid"
                    .to_owned()
            } else {
                conditions.extend(f.article_condition("articles_fts.rowid"));
                "articles_fts".to_owned()
            };
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
        self.search_with(q, PLAN)
    }

    fn search_with(&self, q: &SearchQuery, plan: Plan) -> Result<SearchResults> {
        let fts = fts_query(&q.text).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let filters = Filters::new(self, q, fts, plan)?;
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
            // Seeking costs about as much per row as reading 1,000 matches in order, so
            // it pays only when the page's rows are scattered over the index (ranked
            // over all matches) rather than among the newest (the window).
            let scattered = kind == SearchHitKind::Article
                && f.seeks_articles()
                && (hi - lo) as f64 > self.max_article_id()? as f64 * f.plan.seek_spread;
            let chosen = |fts: &str| {
                if scattered {
                    // FTS5 seeks each chosen row: the search is evaluated at 20 rows.
                    format!("{fts} MATCH :q AND {fts}.rowid IN (SELECT value FROM json_each(:ids))")
                } else {
                    format!(
                        "{fts} MATCH :q AND {fts}.rowid BETWEEN :lo AND :hi
                         AND +{fts}.rowid IN (SELECT value FROM json_each(:ids))"
                    )
                }
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

    fn max_article_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT coalesce(max(id), 0) FROM articles")?
            .query_row([], |r| r.get(0))?)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{InsertOutcome, SourceFile};
    use attest_core::similarity::ArticleKeys;
    use attest_core::*;

    const WORDS: &[&str] = &[
        "harbour",
        "ferry",
        "tariff",
        "trade",
        "minister",
        "election",
        "ballot",
        "quay",
        "presidency",
        "president",
        "press",
        "council",
    ];

    /// Articles in three outlets, two languages and several months, with statements and
    /// notes, in a notebook file.
    fn notebook() -> (tempfile::TempDir, Notebook) {
        let dir = tempfile::tempdir().unwrap();
        let mut nb = Notebook::open(dir.path().join("n.attest")).unwrap();
        for i in 0..90usize {
            let words: Vec<&str> = (0..12)
                .map(|k| WORDS[(i * 7 + k * k + k) % WORDS.len()])
                .collect();
            let text = format!("{}. Article {i} on the {}.", words.join(" "), WORDS[i % 5]);
            let draft = ArticleDraft {
                meta: ArticleMeta {
                    title: Some(format!("{} {i}", WORDS[i % 4])),
                    outlet: Some(["Daily", "Weekly", "Herald"][i % 3].into()),
                    language: Some(if i % 10 == 0 { "de" } else { "en" }.into()),
                    published: Some(format!("2026-0{}-1{}", 1 + i % 4, i % 10)),
                    ..Default::default()
                },
                text: text.clone(),
                fallback_title: "f".into(),
                format: SourceFormat::Text,
                warnings: vec![],
            };
            let source = SourceFile {
                name: "a.txt",
                path: "/a.txt",
                bytes: text.as_bytes(),
                sha256: "00",
            };
            let id = match nb
                .insert_article(&draft, &source, &ArticleKeys::of(&text))
                .unwrap()
            {
                InsertOutcome::Inserted { id, .. } => id,
                other => panic!("{other:?}"),
            };
            let first = Span {
                start: 0,
                end: text::char_len(words[0]) as u32,
            };
            if i % 3 == 0 {
                nb.add_annotation(id, first, &format!("note on {}", words[1]))
                    .unwrap();
            }
            if i % 2 == 0 {
                nb.add_statement(&NewStatement::direct(
                    id,
                    vec![Span {
                        start: 0,
                        end: text::char_len(&text) as u32,
                    }],
                ))
                .unwrap();
            }
        }
        (dir, nb)
    }

    #[test]
    fn every_plan_finds_the_same_hits_in_the_same_order() {
        let (_dir, nb) = notebook();
        // Filters checked on each match and hits read by seeking, against filters read
        // into sets and hits read over a range.
        let row_by_row = Plan {
            broad_filter: 0,
            seek_spread: 0.0,
        };
        let sets = Plan {
            broad_filter: u32::MAX,
            seek_spread: f64::INFINITY,
        };
        let texts = [
            "harbour",
            "trade tariff",
            "\"minister election\"",
            "pres*",
            "presid*",
            "ferry OR quay",
            "(ballot OR council) NOT press",
        ];
        let filters: Vec<fn(&mut SearchQuery)> = vec![
            |_| {},
            |q| q.outlet = Some("weekly".into()),
            |q| q.language = Some("en".into()),
            |q| q.language = Some("DE".into()),
            |q| {
                q.from = Some("2026-02".into());
                q.to = Some("2026-03".into());
            },
            |q| {
                q.outlet = Some("Herald".into());
                q.from = Some("2026-01-15".into());
            },
            |q| q.kinds = vec![SearchHitKind::Article],
        ];
        let mut compared = 0;
        for text in texts {
            for filter in &filters {
                for (offset, limit) in [(0, 20), (10, 5), (0, 500)] {
                    let mut q = SearchQuery {
                        offset,
                        limit,
                        ..SearchQuery::new(text)
                    };
                    filter(&mut q);
                    let a = nb.search_with(&q, row_by_row).unwrap();
                    let b = nb.search_with(&q, sets).unwrap();
                    assert_eq!(a, b, "{q:?}");
                    compared += usize::from(!a.hits.is_empty());
                }
            }
        }
        // Most of them find something, so the comparison is not of empty pages.
        assert!(compared > 100, "{compared}");
    }

    /// The same comparison on a large notebook (`ATTEST_SEARCH_CHECK=path cargo test
    /// --release -p attest-store plans_agree -- --ignored`): filters from its own articles.
    #[test]
    #[ignore]
    fn plans_agree_on_a_large_notebook() {
        let path = std::env::var("ATTEST_SEARCH_CHECK").expect("ATTEST_SEARCH_CHECK=notebook");
        let nb = Notebook::open_reader(path).unwrap();
        let values = |sql: &str| -> Vec<String> {
            let mut stmt = nb.conn.prepare(sql).unwrap();
            let rows = stmt.query_map([], |r| r.get(0)).unwrap();
            rows.collect::<rusqlite::Result<_>>().unwrap()
        };
        let outlets =
            values("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL LIMIT 6");
        let languages = values("SELECT DISTINCT language FROM articles WHERE language IS NOT NULL");
        let months = values("SELECT DISTINCT substr(published, 1, 7) FROM articles WHERE published IS NOT NULL LIMIT 6");
        let (on_each, sets) = (
            Plan {
                broad_filter: 0,
                seek_spread: 0.0,
            },
            Plan {
                broad_filter: u32::MAX,
                seek_spread: f64::INFINITY,
            },
        );
        let texts = [
            "clinton",
            "\"clinton state\"",
            "presi*",
            "people OR compliment",
            "(state OR argue) NOT kraft",
            "donald trump",
        ];
        let mut queries = Vec::new();
        for text in texts {
            queries.push(SearchQuery::new(text));
            for o in &outlets {
                queries.push(SearchQuery {
                    outlet: Some(o.clone()),
                    ..SearchQuery::new(text)
                });
            }
            for l in &languages {
                queries.push(SearchQuery {
                    language: Some(l.clone()),
                    ..SearchQuery::new(text)
                });
            }
            for m in &months {
                queries.push(SearchQuery {
                    from: Some(m.clone()),
                    to: Some(m.clone()),
                    ..SearchQuery::new(text)
                });
            }
        }
        for q in &queries {
            assert_eq!(
                nb.search_with(q, on_each).unwrap(),
                nb.search_with(q, sets).unwrap(),
                "{q:?}"
            );
        }
        eprintln!("{} queries agree", queries.len());
    }
}
