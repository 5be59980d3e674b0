//! Quote variants across the notebook: statements quoting nearly the same words, in one
//! article (a pull quote and the body's version) or in several (the same quote in two
//! outlets). The rules are `attest_core::variants`; here the quotes are read (rejected
//! statements left out) and grouped in one pass.

use crate::{Notebook, Result, StoreError};
use attest_core::variants::{
    compare, diff, group_variants, similarity, words, QuoteVariant, StatementVariants, MIN_WORDS,
};
use attest_core::ActorRef;

/// A statement's quote and what is shown with it.
struct Quoted {
    statement_id: i64,
    article_id: i64,
    article_title: String,
    speakers: Vec<ActorRef>,
    quote: String,
}

impl Quoted {
    /// `self` as a variant of `asked`.
    fn variant_of(&self, asked: &Quoted) -> QuoteVariant {
        QuoteVariant {
            statement_id: self.statement_id,
            article_id: self.article_id,
            article_title: self.article_title.clone(),
            speakers: self.speakers.clone(),
            quote: self.quote.clone(),
            similarity: similarity(&asked.quote, &self.quote),
            diff: diff(&asked.quote, &self.quote),
        }
    }
}

/// The most statements compared with one quote: a wire quote can stand in thousands of
/// articles, and comparing every copy held the reader back for seconds at 100,000
/// statements.
const MAX_VARIANT_CANDIDATES: i64 = 200;

/// The most variants listed for one quote: a wire quote can stand in thousands of
/// articles, and the reader shows a handful.
pub const MAX_VARIANTS_LISTED: usize = 20;

/// Variants of `asked` among `group` (which holds it), best first, at most
/// [`MAX_VARIANTS_LISTED`]; diffs only for those listed.
fn variants_in(quotes: &[Quoted], group: &[usize], asked: usize) -> Vec<QuoteVariant> {
    let mut ranked: Vec<(f32, usize)> = group
        .iter()
        .filter(|&&i| i != asked)
        .map(|&i| (similarity(&quotes[asked].quote, &quotes[i].quote), i))
        .collect();
    ranked.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(quotes[a.1].statement_id.cmp(&quotes[b.1].statement_id))
    });
    ranked.truncate(MAX_VARIANTS_LISTED);
    ranked
        .into_iter()
        .map(|(_, i)| quotes[i].variant_of(&quotes[asked]))
        .collect()
}

impl Notebook {
    /// Every statement's quote (content spans joined as `Statement::quote` joins them),
    /// rejected statements left out, in id order; one query.
    fn variant_quotes(&self) -> Result<Vec<Quoted>> {
        self.variant_quotes_where("1", [])
    }

    /// [`Notebook::variant_quotes`] of the statements meeting `condition` (SQL over
    /// `s`, the statement) with its `params`.
    fn variant_quotes_where<P: rusqlite::Params>(
        &self,
        condition: &str,
        params: P,
    ) -> Result<Vec<Quoted>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT s.id, s.article_id, coalesce(a.title, a.fallback_title),
                    (SELECT json_group_array(json_object('id', ac.id, 'name', ac.name)
                                             ORDER BY sa.ord)
                     FROM statement_actors sa JOIN actors ac ON ac.id = sa.actor_id
                     WHERE sa.statement_id = s.id AND sa.role = 'speaker'),
                    (SELECT group_concat(sp.exact, ' … ' ORDER BY sp.ord)
                     FROM statement_spans sp
                     WHERE sp.statement_id = s.id AND sp.role = 'content')
             FROM statements s JOIN articles a ON a.id = s.article_id
             WHERE s.status != 'rejected' AND ({condition})
             ORDER BY s.id"
        ))?;
        let rows = stmt.query_map(params, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut quotes = Vec::new();
        for row in rows {
            let (statement_id, article_id, article_title, speakers, quote) = row?;
            let speakers = serde_json::from_str(&speakers)
                .map_err(|e| StoreError::Invalid(format!("speakers of a statement: {e}")))?;
            quotes.push(Quoted {
                statement_id,
                article_id,
                article_title,
                speakers,
                quote: quote.unwrap_or_default(),
            });
        }
        Ok(quotes)
    }

    /// The quotes and their variant groups (indices into the quotes).
    fn variant_grouping(&self) -> Result<(Vec<Quoted>, Vec<Vec<usize>>)> {
        let quotes = self.variant_quotes()?;
        let groups = group_variants(&quotes.iter().map(|q| q.quote.as_str()).collect::<Vec<_>>());
        Ok((quotes, groups))
    }

    /// The variants of a statement's quote anywhere in the notebook (the other
    /// statements of its group), best first; none for a rejected statement.
    pub fn quote_variants(&self, statement_id: i64) -> Result<Vec<QuoteVariant>> {
        // NotFound for an id that is no statement at all.
        self.conn
            .query_row(
                "SELECT 1 FROM statements WHERE id = ?1",
                [statement_id],
                |_| Ok(()),
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound {
                    what: "statement",
                    id: statement_id,
                },
                e => e.into(),
            })?;
        let (quotes, groups) = self.variant_grouping()?;
        let Some(asked) = quotes.iter().position(|q| q.statement_id == statement_id) else {
            return Ok(Vec::new());
        };
        Ok(groups
            .iter()
            .find(|g| g.contains(&asked))
            .map(|g| variants_in(&quotes, g, asked))
            .unwrap_or_default())
    }

    /// For every statement of an article that has variants (in the notebook, this
    /// article included), its variants best first; statements in id order.
    ///
    /// Asked each time the reader opens an article, so it does not group the whole
    /// notebook: candidates are the statements whose words contain one of this quote's
    /// word triples (the statements' full-text index), then each is compared. A variant
    /// keeps at least four words in five in order, so it keeps a whole triple unless
    /// its changes fall in every one; containment (ten words or more inside a longer
    /// quote) covers at least two.
    pub fn article_variants(&self, article_id: i64) -> Result<Vec<StatementVariants>> {
        self.article_variants_while(article_id, &|| true)?
            .ok_or_else(|| StoreError::Invalid("quote variants were not looked for".into()))
    }

    /// [`Notebook::article_variants`], giving up (`None`) between two statements once
    /// `wanted` says the answer is no longer wanted: an article with hundreds of
    /// statements takes seconds at 100,000 statements, and the reader may have moved on.
    pub fn article_variants_while(
        &self,
        article_id: i64,
        wanted: &dyn Fn() -> bool,
    ) -> Result<Option<Vec<StatementVariants>>> {
        self.article(article_id)?;
        let own = self.variant_quotes_where("s.article_id = ?1", [article_id])?;
        let mut found = Vec::new();
        for asked in &own {
            if !wanted() {
                return Ok(None);
            }
            let triples: Vec<String> = words(&asked.quote)
                .chunks_exact(3)
                .map(|c| format!("\"{}\"", c.join(" ").replace('"', "")))
                .collect();
            if words(&asked.quote).len() < MIN_WORDS || triples.is_empty() {
                continue;
            }
            let candidates: Vec<i64> = match self
                .conn
                .prepare_cached(
                    "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?1 LIMIT ?2",
                )?
                .query_map(
                    rusqlite::params![triples.join(" OR "), MAX_VARIANT_CANDIDATES],
                    |r| r.get(0),
                )
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<i64>>>())
            {
                Ok(ids) => ids,
                // Words the index reads otherwise (a script without spaces): no candidates.
                Err(_) => continue,
            };
            let ids = serde_json::to_string(&candidates)
                .map_err(|e| StoreError::Invalid(format!("statement ids: {e}")))?;
            let others = self.variant_quotes_where(
                "s.id IN (SELECT value FROM json_each(?1)) AND s.id != ?2",
                rusqlite::params![ids, asked.statement_id],
            )?;
            let mut ranked: Vec<(f32, &Quoted)> = others
                .iter()
                .filter_map(|other| Some((compare(&asked.quote, &other.quote)?, other)))
                .collect();
            if ranked.is_empty() {
                continue;
            }
            ranked.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then(a.1.statement_id.cmp(&b.1.statement_id))
            });
            ranked.truncate(MAX_VARIANTS_LISTED);
            found.push(StatementVariants {
                statement_id: asked.statement_id,
                variants: ranked
                    .into_iter()
                    .map(|(_, q)| q.variant_of(asked))
                    .collect(),
            });
        }
        Ok(Some(found))
    }

    /// Every group of two or more statements quoting nearly the same words, as
    /// statement ids (ascending; groups by their first id).
    pub fn variant_groups(&self) -> Result<Vec<Vec<i64>>> {
        let (quotes, groups) = self.variant_grouping()?;
        Ok(groups
            .into_iter()
            .map(|g| g.into_iter().map(|i| quotes[i].statement_id).collect())
            .collect())
    }

    /// The variant groups with what is shown of each member, for listing them: the
    /// group's first statement (similarity 1, no change) then the others with their
    /// diffs from it, best first. With `article_id`, only groups with a statement of
    /// that article.
    pub fn variant_group_quotes(&self, article_id: Option<i64>) -> Result<Vec<Vec<QuoteVariant>>> {
        if let Some(id) = article_id {
            self.article(id)?;
        }
        let (quotes, groups) = self.variant_grouping()?;
        Ok(groups
            .iter()
            .filter(|g| article_id.is_none_or(|a| g.iter().any(|&i| quotes[i].article_id == a)))
            .map(|g| {
                let head = g[0];
                let mut members = vec![quotes[head].variant_of(&quotes[head])];
                members.extend(variants_in(&quotes, g, head));
                members
            })
            .collect())
    }
}
