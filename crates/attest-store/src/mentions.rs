//! Mentions of actors in articles: found by one automaton over every enabled name and
//! alias (`attest_core::mentions`), stored in `mentions`, kept current:
//! - an imported article is scanned in its own transaction;
//! - a change to actors or aliases rescans every article in the change's transaction,
//!   rewriting only the articles where the changed actors were or now are mentioned.
//!
//! The automaton is cached and rebuilt when the `actors_version` setting moves (every
//! actor change bumps it, whichever program made it).

use crate::{Notebook, Result};
use attest_core::mentions::{
    candidates, fold_pattern, name_parts, Folded, Found, MentionFinder, Pattern,
};
use attest_core::{ActorCandidate, ActorRef, Mention, MentionedArticle};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The automaton of the actors as they were at `version`.
#[derive(Default)]
pub(crate) struct FinderCache {
    cached: Option<(i64, Arc<MentionFinder>)>,
}

/// Bumps `actors_version`: cached automata (in this and other programs) are stale.
pub(crate) fn bump_actors_version(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('actors_version', '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        [],
    )?;
    Ok(())
}

fn actors_version(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'actors_version'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// The names and enabled aliases of every actor not merged into another, and the parts
/// of persons' names as weak aliases ("Dar" after "Ishaq Dar") unless an alias of the
/// same words says otherwise (switched off, or not weak).
pub(crate) fn patterns(conn: &Connection) -> Result<Vec<Pattern>> {
    let actors: Vec<(i64, String, bool)> = conn
        .prepare("SELECT id, name, kind = 'person' FROM actors WHERE merged_into IS NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // With the switched-off ones, which are not looked for.
    let aliases: Vec<(Pattern, bool)> = conn
        .prepare(
            "SELECT l.actor_id, l.alias, l.id, l.weak, l.disabled FROM actor_aliases l
             JOIN actors a ON a.id = l.actor_id
             WHERE a.merged_into IS NULL",
        )?
        .query_map([], |r| {
            let pattern = Pattern {
                actor_id: r.get(0)?,
                text: r.get(1)?,
                alias_id: Some(r.get(2)?),
                weak: r.get(3)?,
            };
            Ok((pattern, r.get(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (actor_id, name, person) in actors {
        if person {
            // An alias the analyst gave (or switched off) says how the part counts.
            let given: Vec<String> = aliases
                .iter()
                .filter(|(a, _)| a.actor_id == actor_id)
                .map(|(a, _)| fold_pattern(&a.text))
                .collect();
            out.extend(
                name_parts(&name)
                    .into_iter()
                    .filter(|part| !given.contains(&fold_pattern(part)))
                    .map(|part| Pattern {
                        actor_id,
                        text: part.to_owned(),
                        alias_id: None,
                        weak: true,
                    }),
            );
        }
        out.push(Pattern {
            actor_id,
            text: name,
            alias_id: None,
            weak: false,
        });
    }
    out.extend(
        aliases
            .into_iter()
            .filter(|(_, disabled)| !disabled)
            .map(|(a, _)| a),
    );
    Ok(out)
}

/// Replaces the stored mentions of one article.
fn write_article(conn: &Connection, article_id: i64, found: &[Found]) -> Result<()> {
    conn.prepare_cached("DELETE FROM mentions WHERE article_id = ?1")?
        .execute([article_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO mentions (article_id, actor_id, start, end, alias_id, resolved_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for f in found {
        insert.execute(params![
            article_id,
            f.actor_id,
            f.start,
            f.end,
            f.alias_id,
            f.resolved_from
        ])?;
    }
    Ok(())
}

/// Scans one article (inside the caller's transaction).
pub(crate) fn scan_article(
    conn: &Connection,
    finder: &MentionFinder,
    article_id: i64,
    text: &str,
) -> Result<()> {
    if finder.is_empty() {
        return Ok(());
    }
    let found = finder.find(text);
    if !found.is_empty() {
        write_article(conn, article_id, &found)?;
    }
    Ok(())
}

/// Rescans every article with the actors as `conn` sees them. With `scope`, only the
/// articles where one of those actors was or now is mentioned are rewritten (every
/// article's mentions are found again either way: an alias of one actor can take words
/// from another). Returns (articles rewritten, mentions stored in them).
pub(crate) fn rescan(conn: &Connection, scope: Option<&[i64]>) -> Result<(u32, u32)> {
    let finder = MentionFinder::new(patterns(conn)?)?;
    let scope: Option<HashSet<i64>> = scope.map(|s| s.iter().copied().collect());
    let mut before: HashSet<i64> = HashSet::new();
    match &scope {
        None => {
            conn.execute("DELETE FROM mentions", [])?;
        }
        Some(scope) => {
            let mut stmt = conn
                .prepare_cached("SELECT DISTINCT article_id FROM mentions WHERE actor_id = ?1")?;
            for id in scope {
                for a in stmt.query_map([id], |r| r.get(0))? {
                    before.insert(a?);
                }
            }
        }
    }
    if finder.is_empty() {
        if scope.is_some() {
            for id in &before {
                write_article(conn, *id, &[])?;
            }
        }
        return Ok((before.len() as u32, 0));
    }
    let mut buffer = Folded::default();
    let (mut articles, mut mentions) = (0u32, 0u32);
    let mut stmt = conn.prepare("SELECT id, text FROM articles ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let text: String = row.get(1)?;
        let found = finder.find_in(&text, &mut buffer);
        let touched = match &scope {
            None => !found.is_empty(),
            // Rewritten only when what is stored differs.
            Some(_) if before.contains(&id) => stored(conn, id)? != sorted(&found),
            Some(scope) => found.iter().any(|f| scope.contains(&f.actor_id)),
        };
        if touched {
            write_article(conn, id, &found)?;
            articles += 1;
            mentions += found.len() as u32;
        }
    }
    Ok((articles, mentions))
}

/// An article's stored mentions, in a fixed order.
fn stored(conn: &Connection, article_id: i64) -> Result<Vec<Found>> {
    let mut stmt = conn.prepare_cached(
        "SELECT start, end, actor_id, alias_id, resolved_from FROM mentions
         WHERE article_id = ?1 ORDER BY start, actor_id",
    )?;
    let rows = stmt.query_map([article_id], |r| {
        Ok(Found {
            start: r.get(0)?,
            end: r.get(1)?,
            actor_id: r.get(2)?,
            alias_id: r.get(3)?,
            resolved_from: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Found mentions in the order [`stored`] reads them.
fn sorted(found: &[Found]) -> Vec<Found> {
    let mut list = found.to_vec();
    list.sort_by_key(|f| (f.start, f.actor_id));
    list
}

impl Notebook {
    /// The automaton for the actors as they are now (cached).
    pub(crate) fn mention_finder(&mut self) -> Result<Arc<MentionFinder>> {
        let version = actors_version(&self.conn)?;
        if let Some((v, finder)) = &self.finder_cache.cached {
            if *v == version {
                return Ok(finder.clone());
            }
        }
        let finder = Arc::new(MentionFinder::new(patterns(&self.conn)?)?);
        self.finder_cache.cached = Some((version, finder.clone()));
        Ok(finder)
    }

    /// Finds every mention in every article again (one transaction). Returns the
    /// articles with mentions and the mentions stored.
    pub fn refresh_mentions(&mut self) -> Result<(u32, u32)> {
        let tx = self.conn.transaction()?;
        let counts = rescan(&tx, None)?;
        tx.execute("DELETE FROM settings WHERE key = 'mentions_pending'", [])?;
        tx.commit()?;
        Ok(counts)
    }

    /// Finds mentions in a notebook migrated from before mentions existed.
    pub(crate) fn find_pending_mentions(&mut self) -> Result<()> {
        let pending: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM settings WHERE key = 'mentions_pending')",
            [],
            |r| r.get(0),
        )?;
        if pending {
            self.refresh_mentions()?;
        }
        Ok(())
    }

    /// A number that changes whenever an actor, name or alias does.
    pub fn actors_version(&self) -> Result<i64> {
        actors_version(&self.conn)
    }

    /// The actors named in an article, in reading order.
    pub fn mentions(&self, article_id: i64) -> Result<Vec<Mention>> {
        self.article(article_id)?;
        let text: String = self.conn.query_row(
            "SELECT text FROM articles WHERE id = ?1",
            [article_id],
            |r| r.get(0),
        )?;
        let chars: Vec<char> = text.chars().collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.actor_id, a.name, m.start, m.end, m.alias_id, m.resolved_from,
                    coalesce(l.metonym, 0)
             FROM mentions m JOIN actors a ON a.id = m.actor_id
             LEFT JOIN actor_aliases l ON l.id = m.alias_id
             WHERE m.article_id = ?1 ORDER BY m.start, m.actor_id",
        )?;
        let rows = stmt.query_map([article_id], |r| {
            let (start, end): (u32, u32) = (r.get(2)?, r.get(3)?);
            let text: String = chars
                .get(start as usize..(end as usize).min(chars.len()))
                .unwrap_or_default()
                .iter()
                .collect();
            Ok(Mention {
                article_id,
                actor: ActorRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                },
                start,
                end,
                text,
                alias_id: r.get(4)?,
                resolved_from: r.get(5)?,
                metonym: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many times an actor is mentioned, in all.
    pub fn mention_count(&self, actor_id: i64) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM mentions WHERE actor_id = ?1",
            [actor_id],
            |r| r.get(0),
        )?)
    }

    /// Articles naming an actor, most mentions first.
    pub fn mentioned_in(&self, actor_id: i64) -> Result<Vec<MentionedArticle>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, coalesce(a.title, a.fallback_title), a.published, count(*) AS n
             FROM mentions m JOIN articles a ON a.id = m.article_id
             WHERE m.actor_id = ?1
             GROUP BY a.id ORDER BY n DESC, a.published IS NULL, a.published, a.id",
        )?;
        let rows = stmt.query_map([actor_id], |r| {
            Ok(MentionedArticle {
                article_id: r.get(0)?,
                display_title: r.get(1)?,
                published: r.get(2)?,
                mentions: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Names that may be actors not yet in the notebook (titled names, names next to
    /// speech verbs), in one article or all, most frequent first. Names an actor
    /// already goes by are left out.
    pub fn actor_candidates(&self, article_id: Option<i64>) -> Result<Vec<ActorCandidate>> {
        if let Some(id) = article_id {
            self.article(id)?;
        }
        let known: HashSet<String> = patterns(&self.conn)?
            .into_iter()
            .map(|p| attest_core::mentions::fold_pattern(&p.text))
            .collect();
        struct Tally {
            name: String,
            count: u32,
            articles: HashSet<i64>,
            first: i64,
            titles: HashMap<String, u32>,
        }
        let mut tallies: HashMap<String, Tally> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT id, text FROM articles WHERE ?1 IS NULL OR id = ?1 ORDER BY id")?;
        let mut rows = stmt.query([article_id])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let text: String = row.get(1)?;
            for c in candidates(&text) {
                let key = attest_core::mentions::fold_pattern(&c.name);
                if known.contains(&key) {
                    continue;
                }
                let t = tallies.entry(key).or_insert_with(|| Tally {
                    name: c.name.clone(),
                    count: 0,
                    articles: HashSet::new(),
                    first: id,
                    titles: HashMap::new(),
                });
                t.count += 1;
                t.articles.insert(id);
                if let Some(title) = c.title {
                    *t.titles.entry(title).or_default() += 1;
                }
            }
        }
        let mut out: Vec<ActorCandidate> = tallies
            .into_values()
            .map(|t| ActorCandidate {
                title: t
                    .titles
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|(title, _)| title),
                name: t.name,
                count: t.count,
                articles: t.articles.len() as u32,
                first_article_id: t.first,
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        Ok(out)
    }
}
