use crate::{found, touched, Notebook, Result, StoreError};
use attest_core::similarity::{ArticleKeys, Signature, RELATED_THRESHOLD};
use attest_core::{
    Article, ArticleDraft, ArticleMeta, ArticleSummary, RelatedArticle, SourceFormat,
};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql, Transaction};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// The file an article was imported from.
pub struct SourceFile<'a> {
    /// File name shown to the analyst.
    pub name: &'a str,
    /// Full path as given at import.
    pub path: &'a str,
    pub bytes: &'a [u8],
    pub sha256: &'a str,
}

/// Page cache during [`Notebook::bulk_writes`], in KiB: a batch's pages (its articles,
/// sources and index segments) and the index pages FTS5 merges, without spilling.
/// 16 MB measured as fast as 32 or 64 MB on 10,000 articles.
pub const BULK_CACHE_KIB: i64 = 16 << 10;

/// FTS5's in-memory term buffer during [`Notebook::bulk_writes`], in bytes: a batch of
/// 256 news-length articles' terms (with the prefix index's) fit, so each batch writes
/// one index segment.
pub const BULK_FTS_HASH: i64 = 16 << 20;

/// FTS5's own default for the buffer (`FTS5_DEFAULT_HASHSIZE`).
const FTS_DEFAULT_HASH: i64 = 1 << 20;

/// FTS5's own default `automerge`: a level's segments are merged once it holds four.
const FTS_DEFAULT_AUTOMERGE: i64 = 4;

/// An FTS5 setting of the articles' index, `default` when the file has none.
fn fts_setting(conn: &Connection, key: &str, default: i64) -> Option<i64> {
    conn.query_row(
        "SELECT coalesce((SELECT v FROM articles_fts_config WHERE k = ?1), ?2)",
        params![key, default],
        |r| r.get(0),
    )
    .ok()
}

fn set_fts(conn: &Connection, key: &str, value: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES (?1, ?2)",
        params![key, value],
    )
}

/// Merges the articles' index segments as `automerge` would have while they were
/// written: every level holding four or more is merged, until none does. One
/// transaction.
fn merge_index(conn: &Connection) -> rusqlite::Result<usize> {
    // The rank is the most pages of work to do: no limit.
    set_fts(conn, "merge", i64::from(i32::MAX))
}

/// Puts back the index merging that [`Notebook::bulk_writes`] turns off during an
/// import, when a crash kept it from doing so (Attest never turns merging off
/// otherwise). Only the setting: the segments left over stay until the next import
/// merges them all at its end (search reads them meanwhile). A full merge
/// here would hold the write lock for seconds at an open, and "off" may as well mean
/// that another connection is importing right now (the app's background check opens
/// the notebook while the user's import runs): its writer would time out waiting.
pub(crate) fn restore_index_merging(conn: &Connection) -> rusqlite::Result<()> {
    if fts_setting(conn, "automerge", FTS_DEFAULT_AUTOMERGE) == Some(0) {
        set_fts(conn, "automerge", FTS_DEFAULT_AUTOMERGE)?;
    }
    Ok(())
}

/// An article for [`Notebook::insert_articles`].
pub struct NewArticle<'a> {
    pub draft: &'a ArticleDraft,
    pub source: SourceFile<'a>,
    /// `ArticleKeys::of(&draft.text)`.
    pub keys: &'a ArticleKeys,
}

/// What storing a draft did.
#[derive(Debug, Clone, PartialEq)]
pub enum InsertOutcome {
    Inserted {
        id: i64,
        /// The most similar article already stored, when the new one is a near-duplicate
        /// of it (the same wire story elsewhere, a re-saved page); both are linked.
        related: Option<RelatedArticle>,
    },
    /// The same text (white space aside) is already in the notebook.
    Duplicate { id: i64, title: String },
}

/// Stores `id`'s signature and band keys, links it to every stored article at least
/// [`RELATED_THRESHOLD`] similar, and returns the most similar of them.
pub(crate) fn link_near_duplicates(
    tx: &Transaction,
    id: i64,
    signature: Option<&Signature>,
    pending: &PendingBands,
) -> Result<Option<RelatedArticle>> {
    let stored = stored_bands(tx, signature.into_iter())?;
    link_with_pending(tx, id, signature, &[&stored, pending])
}

/// The band keys already written of the articles sharing one with `signatures`, in one
/// query: a batch's keys looked up one by one cost a statement each (32 an article).
fn stored_bands<'a>(
    conn: &Connection,
    signatures: impl Iterator<Item = &'a Signature>,
) -> Result<PendingBands> {
    let mut keys: Vec<i64> = signatures.flat_map(|s| s.band_keys()).collect();
    let mut found = PendingBands::default();
    if keys.is_empty() {
        return Ok(found);
    }
    // In key order, the index is read front to back. Each key is looked up straight
    // from the list (`IN rarray(…)` first copied the list into a temporary index).
    keys.sort_unstable();
    keys.dedup();
    let keys: Vec<Value> = keys.into_iter().map(Value::Integer).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT b.band_key, b.article_id
         FROM rarray(?1) AS k CROSS JOIN article_bands AS b ON b.band_key = k.value",
    )?;
    let mut rows = stmt.query([Rc::new(keys)])?;
    while let Some(row) = rows.next()? {
        found
            .by_key
            .entry(row.get(0)?)
            .or_default()
            .push(row.get(1)?);
    }
    Ok(found)
}

/// [`link_near_duplicates`] against the band keys in `known`, the stored ones among them
/// (which may hold a deleted article's keys under an id given again to `id`).
fn link_with_pending(
    tx: &Transaction,
    id: i64,
    signature: Option<&Signature>,
    known: &[&PendingBands],
) -> Result<Option<RelatedArticle>> {
    let Some(signature) = signature else {
        // Too short to compare: an empty signature says it was looked at.
        tx.prepare_cached(
            "INSERT INTO article_signatures (article_id, signature) VALUES (?1, x'')",
        )?
        .execute([id])?;
        return Ok(None);
    };
    let keys = signature.band_keys();
    let mut candidates: Vec<i64> = known
        .iter()
        .flat_map(|p| p.matching(&keys))
        .filter(|&other| other != id)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<RelatedArticle> = None;
    for other in candidates {
        let (bytes, title, outlet): (Vec<u8>, String, Option<String>) = tx
            .prepare_cached(
                "SELECT s.signature, coalesce(a.title, a.fallback_title), a.outlet
                 FROM article_signatures s JOIN articles a ON a.id = s.article_id
                 WHERE s.article_id = ?1",
            )?
            .query_row([other], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
            .unwrap_or_default();
        let Some(theirs) = Signature::from_bytes(&bytes) else {
            continue;
        };
        let similarity = signature.similarity(&theirs);
        if similarity < RELATED_THRESHOLD {
            continue;
        }
        tx.prepare_cached(
            "INSERT OR IGNORE INTO related_articles (article_id, related_id, similarity)
             VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, other, similarity])?;
        if best.as_ref().is_none_or(|b| similarity > b.similarity) {
            best = Some(RelatedArticle {
                id: other,
                display_title: title,
                outlet,
                similarity,
            });
        }
    }
    tx.prepare_cached("INSERT INTO article_signatures (article_id, signature) VALUES (?1, ?2)")?
        .execute(params![id, signature.to_bytes()])?;
    Ok(best)
}

/// Band keys waiting to be written. Each key lands on a random page of the band index,
/// so writing an article's 32 keys in its own transaction rewrites about 32 index pages
/// — measured, that halved the import rate. Batched and sorted, a page is written once
/// per flush. The keys are an index, not data: an article whose keys a crash lost
/// still has its signature, and `sign_unsigned_articles` writes them on the next open.
#[derive(Default)]
pub(crate) struct PendingBands {
    /// Band key → the articles with it.
    by_key: HashMap<i64, Vec<i64>, BuildHasherDefault<KeyHasher>>,
    articles: usize,
}

/// Hashes a band key as itself: keys are already well-mixed 64-bit hashes, and SipHash
/// of 320,000 keys per 10,000 articles showed in the writer's profile.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_i64` is used; any other input is folded in byte by byte.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_i64(&mut self, key: i64) {
        self.0 = key as u64;
    }
}

impl PendingBands {
    /// Articles per flush. A flush's keys land on most pages of the key index, so a
    /// flush rewrites nearly all of it: the fewer flushes, the fewer rewrites.
    const CAPACITY: usize = 2048;

    fn add(&mut self, id: i64, signature: &Signature) {
        for key in signature.band_keys() {
            self.by_key.entry(key).or_default().push(id);
        }
        self.articles += 1;
    }

    fn is_full(&self) -> bool {
        self.articles >= Self::CAPACITY
    }

    /// Articles with one of `keys`.
    fn matching(&self, keys: &[i64]) -> Vec<i64> {
        keys.iter()
            .filter_map(|key| self.by_key.get(key))
            .flatten()
            .copied()
            .collect()
    }

    /// Adds the keys of `other` (a batch just committed).
    fn absorb(&mut self, other: PendingBands) {
        for (key, ids) in other.by_key {
            self.by_key.entry(key).or_default().extend(ids);
        }
        self.articles += other.articles;
    }

    /// Puts back rows [`take`](Self::take) gave that could not be written.
    fn restore(&mut self, rows: Vec<(i64, i64)>) {
        let mut articles = std::collections::HashSet::new();
        for (key, id) in rows {
            self.by_key.entry(key).or_default().push(id);
            articles.insert(id);
        }
        self.articles += articles.len();
    }

    /// All (key, article) rows, emptying the batch.
    fn take(&mut self) -> Vec<(i64, i64)> {
        self.articles = 0;
        std::mem::take(&mut self.by_key)
            .into_iter()
            .flat_map(|(key, ids)| ids.into_iter().map(move |id| (key, id)))
            .collect()
    }
}

/// Writes band rows in one transaction, and marks the last article written.
fn insert_bands(conn: &mut Connection, rows: &[(i64, i64)]) -> Result<()> {
    let tx = conn.transaction()?;
    {
        // No check that the article is still there: keys of a deleted one are harmless.
        // BAND_ROWS rows a statement, the statement kept prepared: a statement a row
        // cost twice the row's own insert.
        const BAND_ROWS: usize = 64;
        let insert = |n: usize| {
            let values = vec!["(?, ?)"; n].join(", ");
            format!("INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES {values}")
        };
        let mut chunks = rows.chunks_exact(BAND_ROWS);
        let mut many = tx.prepare_cached(&insert(BAND_ROWS))?;
        for chunk in &mut chunks {
            let values: Vec<&dyn ToSql> = chunk
                .iter()
                .flat_map(|(key, id)| [key as &dyn ToSql, id])
                .collect();
            many.execute(values.as_slice())?;
        }
        let mut one = tx.prepare_cached(&insert(1))?;
        for (key, id) in chunks.remainder() {
            one.execute(params![key, id])?;
        }
    }
    if let Some(last) = rows.iter().map(|&(_, id)| id).max() {
        tx.prepare_cached(
            "INSERT INTO settings (key, value) VALUES ('bands_through', ?1)
             ON CONFLICT (key) DO UPDATE
             SET value = max(CAST(value AS INTEGER), excluded.value)",
        )?
        .execute([last])?;
    }
    tx.commit()?;
    Ok(())
}

/// The title lists show: the headline, else the fallback.
fn display_title(draft: &ArticleDraft) -> String {
    draft
        .meta
        .title
        .clone()
        .unwrap_or_else(|| draft.fallback_title.clone())
}

/// The `articles` and `article_sources` rows of `new` (outcome index, id, article), in as
/// few statements as SQLite's limit on parameters allows (a mailbox may hold thousands).
fn insert_rows(tx: &Transaction, new: &[(usize, i64, &NewArticle)]) -> Result<()> {
    let formats: Vec<&str> = new
        .iter()
        .map(|(_, _, a)| a.draft.format.as_str())
        .collect();
    insert_batched(
        tx,
        "articles (id, title, fallback_title, byline, outlet, published, dateline, language,
                   url, text, content_hash, format, source_name, source_path)",
        14,
        new,
        |i, (_, id, a), values| {
            let (d, m) = (a.draft, &a.draft.meta);
            values.extend_from_slice(&[
                id as &dyn ToSql,
                &m.title,
                &d.fallback_title,
                &m.byline,
                &m.outlet,
                &m.published,
                &m.dateline,
                &m.language,
                &m.url,
                &d.text,
                &a.keys.content_hash,
                &formats[i],
                &a.source.name,
                &a.source.path,
            ])
        },
    )?;
    // One statement per article cost more than writing its source's bytes.
    insert_batched(
        tx,
        "article_sources (article_id, bytes, sha256)",
        3,
        new,
        |_, (_, id, a), values| {
            values.extend_from_slice(&[id as &dyn ToSql, &a.source.bytes, &a.source.sha256])
        },
    )
}

/// Inserts a row per item into `into` (`"table (columns)"`, `width` of them), a few
/// hundred rows a statement; `push` adds an item's values (given its index in `items`).
fn insert_batched<'a, T>(
    tx: &Transaction,
    into: &str,
    width: usize,
    items: &'a [T],
    push: impl Fn(usize, &'a T, &mut Vec<&'a dyn ToSql>),
) -> Result<()> {
    const ROWS: usize = 256;
    let row = format!("({})", vec!["?"; width].join(", "));
    for (n, chunk) in items.chunks(ROWS).enumerate() {
        let sql = format!(
            "INSERT INTO {into} VALUES {}",
            vec![row.as_str(); chunk.len()].join(", ")
        );
        let mut values: Vec<&dyn ToSql> = Vec::with_capacity(chunk.len() * width);
        for (i, item) in chunk.iter().enumerate() {
            push(n * ROWS + i, item, &mut values);
        }
        // Not cached: the statement differs with the batch's size.
        tx.prepare(&sql)?.execute(values.as_slice())?;
    }
    Ok(())
}

/// Columns read by [`summary`], from `articles AS a`.
const SUMMARY_COLUMNS: &str = "a.id, coalesce(a.title, a.fallback_title), a.title IS NULL, \
                               a.byline, a.outlet, a.published, a.source_name, a.imported_at";

fn summary(row: &Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        display_title: row.get(1)?,
        title_is_fallback: row.get(2)?,
        byline: row.get(3)?,
        outlet: row.get(4)?,
        published: row.get(5)?,
        source_name: row.get(6)?,
        imported_at: row.get(7)?,
    })
}

impl Notebook {
    /// Stores an imported article and its source file in one transaction, unless the
    /// same text is already there.
    /// `keys` are `ArticleKeys::of(&draft.text)` (import works them out on its reader
    /// threads).
    pub fn insert_article(
        &mut self,
        draft: &ArticleDraft,
        source: &SourceFile,
        keys: &ArticleKeys,
    ) -> Result<InsertOutcome> {
        let article = NewArticle {
            draft,
            source: SourceFile { ..*source },
            keys,
        };
        let mut outcomes = self.insert_batch(std::slice::from_ref(&article))?;
        Ok(outcomes.remove(0))
    }

    /// Stores several articles as [`insert_article`](Self::insert_article) would one
    /// after the other, in one transaction: each article is whole or absent. When the
    /// transaction fails, each article is tried again in its own, so one that cannot be
    /// stored fails alone.
    pub fn insert_articles(&mut self, articles: &[NewArticle]) -> Vec<Result<InsertOutcome>> {
        match self.insert_batch(articles) {
            Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
            Err(_) => articles
                .iter()
                .map(|a| self.insert_article(a.draft, &a.source, a.keys))
                .collect(),
        }
    }

    /// Runs `f`, a long run of [`insert_articles`](Self::insert_articles) batches (an
    /// import), with a larger page cache and search-index buffer and the search index's
    /// merging put off, and puts all three back afterwards. With SQLite's default 2 MB
    /// cache a batch's pages spilled to the `-wal` before its commit and FTS5's merges
    /// read their segments back from the file; with FTS5's default 1 MB buffer a batch's
    /// terms were written as several index segments, each merged again later. Measured
    /// on 10,000 news-length articles: the writer's CPU time 5.2–5.8 s → 3.9–4.9 s.
    /// Costs up to [`BULK_CACHE_KIB`] + [`BULK_FTS_HASH`] of memory while `f` runs.
    ///
    /// FTS5 merges a level's index segments once it holds four (`automerge`): with a
    /// segment per batch, each batch's terms were merged about twice more during an
    /// import. Here the batches' segments pile up (FTS5's own `crisismerge` still merges
    /// a level of 16) and are merged once at the end, down to fewer than four per level
    /// as merging as it goes would leave them, or fewer: search reads no more segments
    /// than before. See [`merge_index`].
    ///
    /// The buffer size and `automerge` are FTS5 configuration kept in the file, so they
    /// are set back even when `f` fails; a crash leaves the larger buffer, which only
    /// lets a write hold more terms in memory, and `automerge` off, which the next open
    /// puts back ([`restore_index_merging`]); the next import merges what was left.
    pub fn bulk_writes<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        // Best effort: a notebook that cannot take the settings (a full disk) is written
        // as it is.
        let cache: Option<i64> = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .ok();
        let _ = self.conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB);
        let hash = fts_setting(&self.conn, "hashsize", FTS_DEFAULT_HASH);
        let raised = hash.is_some() && set_fts(&self.conn, "hashsize", BULK_FTS_HASH).is_ok();
        // Another import running alongside may have left 0: never put that back.
        let automerge = fts_setting(&self.conn, "automerge", FTS_DEFAULT_AUTOMERGE)
            .filter(|&n| n != 0)
            .unwrap_or(FTS_DEFAULT_AUTOMERGE);
        let deferred = set_fts(&self.conn, "automerge", 0).is_ok();
        let result = f(self);
        if deferred {
            let _ = set_fts(&self.conn, "automerge", automerge);
            let _ = merge_index(&self.conn);
        }
        if let (true, Some(hash)) = (raised, hash) {
            let _ = set_fts(&self.conn, "hashsize", hash);
        }
        if let Some(cache) = cache {
            // Lowering the cache frees the pages past the new size.
            let _ = self.conn.pragma_update(None, "cache_size", cache);
        }
        result
    }

    /// One transaction for `articles`. Their rows go into `articles` in one statement:
    /// FTS5 writes its pending terms to disk at every statement that opens a savepoint
    /// (any insert running the index trigger), so one statement per article would write
    /// one small index segment per article, and merge them — most of an import's time.
    fn insert_batch(&mut self, articles: &[NewArticle]) -> Result<Vec<InsertOutcome>> {
        let finder = self.mention_finder()?;
        let tx = self.conn.transaction()?;
        // Ids as SQLite would give them one by one (no AUTOINCREMENT: the largest + 1).
        let mut next_id: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM articles", [], |r| {
                r.get(0)
            })?;
        let mut outcomes = Vec::with_capacity(articles.len());
        // (outcome index, id, article) of those to store.
        let mut new: Vec<(usize, i64, &NewArticle)> = Vec::new();
        let mut batch_hashes = std::collections::HashMap::new();
        for article in articles {
            let hash = &article.keys.content_hash;
            // Cached statements: an import runs these once per article.
            let existing = tx
                .prepare_cached(
                    "SELECT id, coalesce(title, fallback_title) FROM articles WHERE content_hash = ?1",
                )?
                .query_row([hash], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let earlier = batch_hashes
                .get(hash.as_str())
                .map(|&(id, a): &(i64, &NewArticle)| (id, display_title(a.draft)));
            if let Some((id, title)) = existing.or(earlier) {
                outcomes.push(InsertOutcome::Duplicate { id, title });
                continue;
            }
            batch_hashes.insert(hash.as_str(), (next_id, article));
            new.push((outcomes.len(), next_id, article));
            outcomes.push(InsertOutcome::Inserted {
                id: next_id,
                related: None,
            });
            next_id += 1;
        }
        if let Some(&(_, first, _)) = new.first() {
            insert_rows(&tx, &new)?;
            // An id given again (the last articles were deleted) is past the keys the
            // notebook holds for it: a crash before the flush must not skip its keys.
            tx.prepare_cached(
                "UPDATE settings SET value = ?1 - 1
                 WHERE key = 'bands_through' AND CAST(value AS INTEGER) >= ?1",
            )?
            .execute([first])?;
        }
        let stored = stored_bands(
            &tx,
            new.iter().filter_map(|(_, _, a)| a.keys.signature.as_ref()),
        )?;
        let mut bands = PendingBands::default();
        for &(at, id, article) in &new {
            let signature = article.keys.signature.as_ref();
            let related =
                link_with_pending(&tx, id, signature, &[&stored, &self.pending_bands, &bands])?;
            if let Some(signature) = signature {
                bands.add(id, signature);
            }
            crate::mentions::scan_article(&tx, &finder, id, &article.draft.text)?;
            outcomes[at] = InsertOutcome::Inserted { id, related };
        }
        tx.commit()?;
        self.pending_bands.absorb(bands);
        if self.pending_bands.is_full() {
            // The articles are committed whatever happens here: a batch that cannot be
            // written now (a full disk) stays pending for the next flush.
            let _ = self.flush_bands();
        }
        Ok(outcomes)
    }

    /// Articles related to `id` (near-duplicates either way), most similar first.
    pub fn related_articles(&self, id: i64) -> Result<Vec<RelatedArticle>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, coalesce(a.title, a.fallback_title), a.outlet, r.similarity
             FROM (SELECT related_id AS other, similarity FROM related_articles WHERE article_id = ?1
                   UNION ALL
                   SELECT article_id, similarity FROM related_articles WHERE related_id = ?1) r
             JOIN articles a ON a.id = r.other
             ORDER BY r.similarity DESC, a.id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(RelatedArticle {
                id: r.get(0)?,
                display_title: r.get(1)?,
                outlet: r.get(2)?,
                similarity: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes the band keys of the articles committed since the last flush, in one
    /// transaction. Called every [`PendingBands::CAPACITY`] articles, at the end of an
    /// import, and when the notebook is closed.
    pub fn flush_bands(&mut self) -> Result<()> {
        let mut rows = self.pending_bands.take();
        if rows.is_empty() {
            return Ok(());
        }
        // In key order, each index page is written once per flush.
        rows.sort_unstable();
        let written = insert_bands(&mut self.conn, &rows);
        if written.is_err() {
            // Kept for the next flush: a full disk may have room by then.
            self.pending_bands.restore(rows);
        }
        written
    }

    /// Signs the articles stored before near-duplicates were tracked (a notebook from
    /// schema 1), linking them as if imported now, in their import order; and writes the
    /// band keys that a crash kept from being flushed.
    pub(crate) fn sign_unsigned_articles(&mut self) -> Result<()> {
        // Both steps go in id order, as import does, so only the articles past the last
        // one done are looked at: opening a large notebook reads no article it need not.
        let unflushed: Vec<(i64, Vec<u8>)> = self
            .conn
            .prepare(
                "SELECT article_id, signature FROM article_signatures
                 WHERE article_id > (SELECT coalesce(max(CAST(value AS INTEGER)), 0)
                                     FROM settings WHERE key = 'bands_through')
                   AND length(signature) > 0
                 ORDER BY article_id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, bytes) in unflushed {
            if let Some(signature) = Signature::from_bytes(&bytes) {
                self.pending_bands.add(id, &signature);
            }
        }
        self.flush_bands()?;
        let unsigned: Vec<(i64, String)> = self
            .conn
            .prepare(
                "SELECT id, text FROM articles
                 WHERE id > (SELECT coalesce(max(article_id), 0) FROM article_signatures)
                 ORDER BY id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, text) in unsigned {
            let tx = self.conn.transaction()?;
            let signature = Signature::of(&text);
            link_near_duplicates(&tx, id, signature.as_ref(), &self.pending_bands)?;
            tx.commit()?;
            if let Some(signature) = &signature {
                self.pending_bands.add(id, signature);
            }
        }
        self.flush_bands()
    }

    /// All articles, newest import first.
    pub fn articles(&self) -> Result<Vec<ArticleSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles AS a ORDER BY a.imported_at DESC, a.id DESC"
        ))?;
        let rows = stmt.query_map([], summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes an article with its source file, passages and statements; dossier items
    /// that held them stay, shown as missing.
    /// It goes to the trash, from which it can be restored with all of them.
    pub fn delete_article(&mut self, id: i64) -> Result<()> {
        self.move_to_trash(attest_core::TrashKind::Article, id)
            .map(|_| ())
    }

    pub fn article_summary(&self, id: i64) -> Result<ArticleSummary> {
        found(
            self.conn.query_row(
                &format!("SELECT {SUMMARY_COLUMNS} FROM articles AS a WHERE a.id = ?1"),
                [id],
                summary,
            ),
            "article",
            id,
        )
    }

    pub fn article_count(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }

    pub fn article(&self, id: i64) -> Result<Article> {
        found(
            self.conn.query_row(
                "SELECT id, title, byline, outlet, published, dateline, language, url,
                        fallback_title, text, format, source_name, imported_at
                 FROM articles WHERE id = ?1",
                [id],
                |r| {
                    let format: String = r.get(10)?;
                    Ok(Article {
                        id: r.get(0)?,
                        meta: ArticleMeta {
                            title: r.get(1)?,
                            byline: r.get(2)?,
                            outlet: r.get(3)?,
                            published: r.get(4)?,
                            dateline: r.get(5)?,
                            language: r.get(6)?,
                            url: r.get(7)?,
                        },
                        fallback_title: r.get(8)?,
                        text: r.get(9)?,
                        format: SourceFormat::parse(&format).unwrap_or(SourceFormat::Text),
                        source_name: r.get(11)?,
                        imported_at: r.get(12)?,
                    })
                },
            ),
            "article",
            id,
        )
    }

    /// Replaces an article's metadata (the analyst's edits). The text never changes.
    pub fn update_article_meta(&mut self, id: i64, meta: &ArticleMeta) -> Result<()> {
        let blank_to_none = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let n = self.conn.execute(
            "UPDATE articles SET title = ?2, byline = ?3, outlet = ?4, published = ?5,
                    dateline = ?6, language = ?7, url = ?8
             WHERE id = ?1",
            params![
                id,
                blank_to_none(&meta.title),
                blank_to_none(&meta.byline),
                blank_to_none(&meta.outlet),
                blank_to_none(&meta.published),
                blank_to_none(&meta.dateline),
                blank_to_none(&meta.language),
                blank_to_none(&meta.url),
            ],
        )?;
        touched(n, "article", id)
    }

    /// The original file's bytes.
    pub fn article_source(&self, id: i64) -> Result<Vec<u8>> {
        found(
            self.conn.query_row(
                "SELECT bytes FROM article_sources WHERE article_id = ?1",
                [id],
                |r| r.get(0),
            ),
            "article source",
            id,
        )
    }

    /// Full-text search over titles and text (FTS5 query syntax), best match first.
    pub fn search_articles(&self, query: &str) -> Result<Vec<ArticleSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts)"
        ))?;
        let rows = stmt
            .query_map([query], summary)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>());
        rows.map_err(|e| match e {
            // SQLITE_ERROR here is FTS5 rejecting the query's syntax.
            rusqlite::Error::SqliteFailure(e, Some(msg))
                if e.code == rusqlite::ErrorCode::Unknown =>
            {
                StoreError::Invalid(format!("the search query is not valid: {msg}"))
            }
            other => other.into(),
        })
    }
}

#[cfg(test)]
mod batch_tests {
    use super::*;
    use attest_core::ArticleMeta;

    fn draft(text: &str) -> ArticleDraft {
        ArticleDraft {
            meta: ArticleMeta::default(),
            text: text.into(),
            fallback_title: text.lines().next().unwrap_or_default().into(),
            format: SourceFormat::Text,
            warnings: vec![],
        }
    }

    /// A news-length text of its own, naming `word` once.
    fn text(i: usize, word: &str) -> String {
        let body: Vec<String> = (0..120)
            .map(|k| {
                format!(
                    "clause{} term{} item{}",
                    (i * 7 + k) % 97,
                    (i * 13 + k * 3) % 89,
                    k
                )
            })
            .collect();
        format!("Story {i}\n\nIt says {word}. {}.", body.join(" and "))
    }

    fn store(nb: &mut Notebook, texts: &[String]) -> Vec<Result<InsertOutcome>> {
        let drafts: Vec<ArticleDraft> = texts.iter().map(|t| draft(t)).collect();
        let keys: Vec<ArticleKeys> = texts.iter().map(|t| ArticleKeys::of(t)).collect();
        let new: Vec<NewArticle> = drafts
            .iter()
            .zip(&keys)
            .map(|(draft, keys)| NewArticle {
                draft,
                source: SourceFile {
                    name: "a.txt",
                    path: "/tmp/a.txt",
                    bytes: draft.text.as_bytes(),
                    sha256: "00",
                },
                keys,
            })
            .collect();
        nb.insert_articles(&new)
    }

    fn count(nb: &Notebook, sql: &str) -> i64 {
        nb.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn a_batch_stores_as_one_by_one_would() {
        let dir = tempfile::tempdir().unwrap();
        let mut nb = Notebook::open(dir.path().join("n.attest")).unwrap();
        let first = text(1, "alpha");
        // A near-duplicate of the first, and the same text again, in the same batch.
        let reprint = first.replace("It says alpha.", "It says alpha, reprinted.");
        let texts = [first.clone(), text(2, "beta"), reprint, first.clone()];
        let outcomes: Vec<InsertOutcome> = store(&mut nb, &texts)
            .into_iter()
            .map(|o| o.unwrap())
            .collect();
        let InsertOutcome::Inserted {
            id: a,
            related: None,
        } = outcomes[0]
        else {
            panic!("{outcomes:?}")
        };
        assert!(
            matches!(outcomes[1], InsertOutcome::Inserted { id, related: None } if id == a + 1)
        );
        let InsertOutcome::Inserted {
            id: c,
            related: Some(related),
        } = &outcomes[2]
        else {
            panic!("{outcomes:?}")
        };
        assert_eq!(
            (*c, related.id),
            (a + 2, a),
            "linked to the article before it"
        );
        assert_eq!(
            outcomes[3],
            InsertOutcome::Duplicate {
                id: a,
                title: "Story 1".into()
            }
        );
        // The next batch sees the last one's articles and keys.
        let again = store(&mut nb, &[text(2, "beta")]);
        assert!(matches!(again[0], Ok(InsertOutcome::Duplicate { id, .. }) if id == a + 1));
        nb.flush_bands().unwrap();
        assert_eq!(count(&nb, "SELECT count(*) FROM articles"), 3);
        assert_eq!(count(&nb, "SELECT count(*) FROM article_sources"), 3);
        assert_eq!(
            count(&nb, "SELECT count(DISTINCT article_id) FROM article_bands"),
            3
        );
        assert_eq!(nb.search_articles("beta").unwrap()[0].id, a + 1);
        assert_eq!(nb.article_source(a + 2).unwrap(), texts[2].as_bytes());
    }

    #[test]
    fn bulk_writes_put_the_cache_and_index_buffer_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut nb = Notebook::open(dir.path().join("n.attest")).unwrap();
        let cache = |nb: &Notebook| -> i64 {
            nb.conn
                .pragma_query_value(None, "cache_size", |r| r.get(0))
                .unwrap()
        };
        let hash = |nb: &Notebook| -> Option<i64> {
            nb.conn
                .query_row(
                    "SELECT v FROM articles_fts_config WHERE k = 'hashsize'",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .unwrap()
        };
        let before = cache(&nb);
        let texts: Vec<String> = (0..40).map(|i| text(i, &format!("word{i}"))).collect();
        let outcomes = nb.bulk_writes(|nb| {
            assert_eq!(
                (cache(nb), hash(nb), automerge(nb)),
                (-BULK_CACHE_KIB, Some(BULK_FTS_HASH), 0)
            );
            // A segment a batch, none merged while the import runs.
            let outcomes: Vec<_> = texts.chunks(5).flat_map(|t| store(nb, t)).collect();
            assert_eq!(segments(nb), 8);
            outcomes
        });
        assert!(outcomes.iter().all(|o| o.is_ok()));
        assert_eq!(cache(&nb), before);
        assert_eq!(hash(&nb), Some(FTS_DEFAULT_HASH));
        assert_eq!(automerge(&nb), FTS_DEFAULT_AUTOMERGE);
        // Merged at the end as merging along would have: fewer than four a level.
        assert_eq!(segments(&nb), 1);
        assert_eq!(nb.search_articles("word39").unwrap()[0].id, 40);
        assert_eq!(
            count(
                &nb,
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'story'"
            ),
            40
        );
        nb.conn
            .execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .unwrap();
    }

    fn automerge(nb: &Notebook) -> i64 {
        fts_setting(&nb.conn, "automerge", FTS_DEFAULT_AUTOMERGE).unwrap()
    }

    /// The articles' index segments (each has its rows in the `_idx` table).
    fn segments(nb: &Notebook) -> i64 {
        count(nb, "SELECT count(DISTINCT segid) FROM articles_fts_idx")
    }

    #[test]
    fn an_import_cut_short_gets_its_index_merging_back_on_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.attest");
        let mut nb = Notebook::open(&path).unwrap();
        let texts: Vec<String> = (0..30).map(|i| text(i, &format!("word{i}"))).collect();
        // As a crash in `bulk_writes` leaves it: merging off, a segment a batch.
        set_fts(&nb.conn, "automerge", 0).unwrap();
        for batch in texts.chunks(5) {
            assert!(store(&mut nb, batch).iter().all(|o| o.is_ok()));
        }
        assert_eq!(segments(&nb), 6);
        drop(nb);
        let mut nb = Notebook::open(&path).unwrap();
        assert_eq!(automerge(&nb), FTS_DEFAULT_AUTOMERGE);
        // The open only puts the setting back: no merge holds the write lock.
        assert_eq!(segments(&nb), 6);
        assert_eq!(nb.search_articles("word29").unwrap()[0].id, 30);
        // The next import merges what the one cut short left.
        let more = [text(30, "word30")];
        assert!(nb
            .bulk_writes(|nb| store(nb, &more))
            .iter()
            .all(|o| o.is_ok()));
        assert_eq!(segments(&nb), 1);
        assert_eq!(automerge(&nb), FTS_DEFAULT_AUTOMERGE);
        assert_eq!(nb.search_articles("word29").unwrap()[0].id, 30);
        assert_eq!(nb.search_articles("word30").unwrap()[0].id, 31);
    }

    #[test]
    fn a_batch_larger_than_one_statement_is_stored_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut nb = Notebook::open(dir.path().join("n.attest")).unwrap();
        // A mailbox's worth: more rows than one statement takes.
        let texts: Vec<String> = (0..600)
            .map(|i| format!("Message {i} says word{i}."))
            .collect();
        let outcomes = store(&mut nb, &texts);
        assert!(outcomes.iter().enumerate().all(
            |(i, o)| matches!(o, Ok(InsertOutcome::Inserted { id, .. }) if *id == i as i64 + 1)
        ));
        assert_eq!(nb.search_articles("word599").unwrap()[0].id, 600);
    }

    #[test]
    fn an_article_that_cannot_be_stored_fails_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut nb = Notebook::open(dir.path().join("n.attest")).unwrap();
        // A notebook that refuses one article half-way through its rows.
        nb.conn
            .execute_batch(
                "CREATE TRIGGER refuse AFTER INSERT ON article_sources
                 WHEN (SELECT text FROM articles WHERE id = new.article_id) LIKE '%gamma%'
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let texts = [
            text(1, "alpha"),
            text(2, "beta"),
            text(3, "gamma"),
            text(4, "delta"),
        ];
        let outcomes = store(&mut nb, &texts);
        assert!(outcomes[2]
            .as_ref()
            .is_err_and(|e| e.to_string().contains("refused")));
        let ids: Vec<i64> = [0, 1, 3]
            .map(|i| match outcomes[i] {
                Ok(InsertOutcome::Inserted { id, .. }) => id,
                ref other => panic!("{other:?}"),
            })
            .to_vec();
        assert_eq!(ids, [1, 2, 3], "the others are stored, in order");
        nb.flush_bands().unwrap();
        // Nothing of the refused article anywhere.
        assert!(nb.search_articles("gamma").unwrap().is_empty());
        for table in ["articles", "article_sources", "article_signatures"] {
            assert_eq!(
                count(&nb, &format!("SELECT count(*) FROM {table}")),
                3,
                "{table}"
            );
        }
        assert_eq!(
            count(&nb, "SELECT count(DISTINCT article_id) FROM article_bands"),
            3
        );
        assert_eq!(
            count(
                &nb,
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'story'"
            ),
            3
        );
    }
}
