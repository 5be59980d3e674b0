//! `attest search` (the notebook-wide search with its filters) and `attest bench search`
//! (its speed on a realistic mix of queries drawn from the notebook's own words).

use crate::bench::SplitMix;
use attest_api::{Api, ApiError};
use attest_core::{
    SearchHit, SearchHitKind, SearchQuery, SearchResults, StatementKind, StatementStatus,
};
use clap::Args;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

#[derive(Args)]
pub struct SearchArgs {
    /// Words (all of them), "a phrase", prefix*, AND / OR / NOT, (parentheses).
    pub query: String,
    /// Articles that mention the actor, statements the actor made (name or alias).
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    #[arg(long)]
    pub outlet: Option<String>,
    /// Earliest publication date, inclusive (2026-05-01, 2026-05 or 2026).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Latest publication date, inclusive.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// A tag; its sub-tags count too ("Economy" finds "Economy/Trade").
    #[arg(long)]
    pub tag: Option<String>,
    /// Statements of this kind only: direct, indirect or mixed.
    #[arg(long, value_parser = statement_kind)]
    pub kind: Option<StatementKind>,
    /// Statements with this status only: proposed, accepted or rejected.
    #[arg(long, value_parser = statement_status)]
    pub status: Option<StatementStatus>,
    /// Language code of the article (en, fr…).
    #[arg(long)]
    pub language: Option<String>,
    /// Which hits to show: article, note, statement (comma-separated; all by default).
    #[arg(long, value_delimiter = ',', value_parser = hit_kind)]
    pub hits: Vec<SearchHitKind>,
    /// Hits to skip (for the next page).
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
    /// Hits to show.
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
}

fn one_of<T: Copy>(s: &str, all: &[T], name: fn(T) -> &'static str) -> Result<T, String> {
    all.iter().copied().find(|v| name(*v) == s).ok_or_else(|| {
        let names: Vec<_> = all.iter().map(|v| name(*v)).collect();
        format!("expected one of: {}", names.join(", "))
    })
}

fn statement_kind(s: &str) -> Result<StatementKind, String> {
    one_of(s, StatementKind::ALL, StatementKind::as_str)
}

fn statement_status(s: &str) -> Result<StatementStatus, String> {
    one_of(s, StatementStatus::ALL, StatementStatus::as_str)
}

fn hit_kind(s: &str) -> Result<SearchHitKind, String> {
    one_of(s, SearchHitKind::ALL, SearchHitKind::as_str)
}

/// `attest search`: a page of hits, as text or as one JSON object.
pub fn search(api: &Api, json: bool, args: SearchArgs) -> Result<bool, ApiError> {
    let actor_id = args
        .actor
        .map(|name| api.actor_named(&name))
        .transpose()?
        .map(|a| a.id);
    let query = SearchQuery {
        text: args.query,
        actor_id,
        outlet: args.outlet,
        from: args.from,
        to: args.to,
        tag: args.tag,
        statement_kind: args.kind,
        statement_status: args.status,
        language: args.language,
        kinds: args.hits,
        offset: args.offset,
        limit: args.limit,
    };
    let results = api.search(&query)?;
    if json {
        println!("{}", serde_json::to_string(&results).unwrap_or_default());
    } else {
        print!("{}", human(&results));
    }
    Ok(true)
}

/// The text form: a line per hit with its snippet under it, matched words in [brackets].
fn human(r: &SearchResults) -> String {
    let mut s = String::new();
    for hit in &r.hits {
        s.push_str(&hit_line(hit));
        s.push('\n');
    }
    let shown = r.hits.len() as u32;
    let total = if r.total_is_lower_bound {
        format!("more than {}", r.total)
    } else {
        r.total.to_string()
    };
    s.push_str(&match (r.total, shown) {
        (0, _) => "no hits\n".to_owned(),
        (_, 0) => format!("{total} hits; none from {}\n", r.offset + 1),
        (_, n) => format!("{total} hits; {}–{} shown\n", r.offset + 1, r.offset + n),
    });
    s
}

fn hit_line(h: &SearchHit) -> String {
    let what = match (h.kind, h.statement_id, h.annotation_id) {
        (SearchHitKind::Statement, Some(id), _) => format!("statement #{id} in"),
        (SearchHitKind::Note, _, Some(id)) => format!("note #{id} in"),
        _ => "article".to_owned(),
    };
    let meta: Vec<&str> = [h.outlet.as_deref(), h.published.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let meta = if meta.is_empty() {
        String::new()
    } else {
        format!(" ({})", meta.join(", "))
    };
    let at = h
        .span
        .map(|s| format!(" @{}–{}", s.start, s.end))
        .unwrap_or_default();
    let snippet: String = h
        .snippet
        .iter()
        .map(|p| {
            if p.matched {
                format!("[{}]", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect();
    let snippet = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{what} #{} “{}”{meta}{at}\n    {snippet}",
        h.article_id, h.article_title
    )
}

/// What `attest bench search` measured.
#[derive(Debug, Serialize)]
pub struct SearchFigures {
    pub articles: u32,
    pub queries: usize,
    pub filtered: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// Hits per query, on average (the count of all, not the page).
    pub mean_total: f64,
    /// The five slowest queries with their filters and times, to see what costs.
    pub slowest: Vec<String>,
    /// p50 and p95 by shape of query (word, prefix…, and those with filters).
    pub shapes: Vec<String>,
}

impl SearchFigures {
    pub fn line(&self) -> String {
        format!(
            "{} queries ({} with filters) over {} articles, a page of 20 with snippets: \
             p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; {:.0} hits per query on average",
            self.queries,
            self.filtered,
            self.articles,
            self.p50_ms,
            self.p95_ms,
            self.max_ms,
            self.mean_total
        )
    }
}

/// Words too common to be searched for on their own.
const STOPWORDS: &[&str] = &[
    "that", "with", "from", "this", "have", "were", "they", "their", "there", "which", "would",
    "been", "also", "will", "about", "said", "into", "than", "them", "when", "what", "more",
];

/// The words of `text` a person might search for, in order.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// The query mix: words, two words, phrases, prefixes and booleans, a third of them
/// with filters; words and filter values drawn from the notebook itself.
struct Mix {
    texts: Vec<Vec<String>>,
    outlets: Vec<String>,
    dates: Vec<String>,
    languages: Vec<String>,
    actors: Vec<i64>,
    rng: SplitMix,
}

impl Mix {
    fn pick<'a, T>(&mut self, list: &'a [T]) -> Option<&'a T> {
        (!list.is_empty()).then(|| &list[self.rng.below(list.len())])
    }

    /// A word and the words after it in one article.
    fn run_of_words(&mut self, n: usize) -> Vec<String> {
        let texts = std::mem::take(&mut self.texts);
        let words = loop {
            let t = self.pick(&texts).expect("texts");
            if t.len() > n {
                break t;
            }
        };
        let start = self.rng.below(words.len() - n);
        let run = words[start..start + n].to_vec();
        self.texts = texts;
        run
    }

    fn word(&mut self) -> String {
        self.run_of_words(1).remove(0)
    }

    fn query(&mut self, i: usize) -> SearchQuery {
        let text = match i % SHAPES.len() {
            0 => self.word(),
            1 => format!("{} {}", self.word(), self.word()),
            2 => {
                let n = 2 + self.rng.below(2);
                format!("\"{}\"", self.run_of_words(n).join(" "))
            }
            3 => {
                let w = self.word();
                let stem: String = w.chars().take(4 + self.rng.below(2)).collect();
                format!("{stem}*")
            }
            4 => format!("{} OR {}", self.word(), self.word()),
            _ => format!("({} OR {}) NOT {}", self.word(), self.word(), self.word()),
        };
        let mut q = SearchQuery::new(text);
        if self.rng.below(3) == 0 {
            match self.rng.below(5) {
                0 => q.outlet = self.pick(&self.outlets.clone()).cloned(),
                1 => {
                    if let Some(d) = self.pick(&self.dates.clone()) {
                        // A month from a date found in the notebook.
                        let month: String = d.chars().take(7).collect();
                        q.from = Some(month.clone());
                        q.to = Some(month);
                    }
                }
                2 => q.language = self.pick(&self.languages.clone()).cloned(),
                3 => q.actor_id = self.pick(&self.actors.clone()).copied(),
                _ => q.kinds = vec![SearchHitKind::Article],
            }
        }
        q
    }
}

/// The shapes of query `Mix::query` takes in turn.
const SHAPES: &[&str] = &["word", "two words", "phrase", "prefix", "OR", "OR NOT"];

fn filtered(q: &SearchQuery) -> bool {
    q.outlet.is_some()
        || q.from.is_some()
        || q.language.is_some()
        || q.actor_id.is_some()
        || !q.kinds.is_empty()
}

/// `attest bench search`: times `queries` searches (a page of 20 hits, snippets and
/// spans included) on the notebook at `notebook`, after a few unmeasured ones.
pub fn bench(notebook: &Path, queries: usize, seed: u64) -> Result<SearchFigures, ApiError> {
    // No daily snapshot: copying a large notebook is not what is measured.
    let api = Api::open_for_app(notebook)?;
    let summaries = api.articles()?;
    if summaries.is_empty() {
        return Err(ApiError::invalid(
            "the notebook has no articles to search; import some first (attest bench generate)",
        ));
    }
    let mut rng = SplitMix(seed);
    let mut texts = Vec::new();
    for _ in 0..summaries.len().min(300) {
        let id = summaries[rng.below(summaries.len())].id;
        let view = api.article_view(id)?;
        let w = words(&view.article.text);
        if w.len() > 4 {
            texts.push(w);
        }
    }
    if texts.is_empty() {
        return Err(ApiError::invalid(
            "the articles have too few words to search for",
        ));
    }
    let distinct = |values: Vec<Option<String>>| {
        let mut v: Vec<String> = values.into_iter().flatten().collect();
        v.sort();
        v.dedup();
        v
    };
    let outlets = distinct(summaries.iter().map(|s| s.outlet.clone()).collect());
    let dates = distinct(summaries.iter().map(|s| s.published.clone()).collect());
    let languages = distinct(
        (0..texts.len().min(50))
            .map(|i| {
                let id = summaries[(i * 7919) % summaries.len()].id;
                api.article_view(id)
                    .ok()
                    .and_then(|v| v.article.meta.language)
            })
            .collect(),
    );
    let actors = api.actors()?.into_iter().map(|a| a.id).collect();
    let mut mix = Mix {
        texts,
        outlets,
        dates,
        languages,
        actors,
        rng,
    };
    for i in 0..10 {
        api.search(&mix.query(i))?;
    }
    let mut times = Vec::with_capacity(queries);
    let mut slow = Vec::with_capacity(queries);
    let mut by_shape: Vec<Vec<f64>> = vec![Vec::new(); SHAPES.len() + 1];
    let (mut with_filters, mut totals) = (0, 0u64);
    for i in 0..queries {
        let q = mix.query(i);
        with_filters += usize::from(filtered(&q));
        let started = Instant::now();
        let r = api.search(&q)?;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        by_shape[i % SHAPES.len()].push(ms);
        if filtered(&q) {
            by_shape[SHAPES.len()].push(ms);
        }
        totals += u64::from(r.total);
        // Only the filters that are set.
        let filters = match serde_json::to_value(&q) {
            Ok(serde_json::Value::Object(mut fields)) => {
                fields.retain(|name, v| {
                    !matches!(name.as_str(), "text" | "offset" | "limit")
                        && !v.is_null()
                        && v.as_array().is_none_or(|a| !a.is_empty())
                });
                serde_json::Value::Object(fields).to_string()
            }
            _ => String::new(),
        };
        slow.push((
            ms,
            format!("{:.1} ms {} ({} hits) {filters}", ms, q.text, r.total),
        ));
    }
    slow.sort_by(|a, b| b.0.total_cmp(&a.0));
    times.sort_by(f64::total_cmp);
    let at = |p: f64| percentile(&times, p);
    let shapes = SHAPES
        .iter()
        .chain(&["with filters"])
        .zip(&mut by_shape)
        .map(|(name, t)| {
            t.sort_by(f64::total_cmp);
            format!(
                "{name}: p50 {:.1} ms, p95 {:.1} ms ({} queries)",
                percentile(t, 0.5),
                percentile(t, 0.95),
                t.len()
            )
        })
        .collect();
    Ok(SearchFigures {
        articles: summaries.len() as u32,
        queries,
        filtered: with_filters,
        p50_ms: at(0.50),
        p95_ms: at(0.95),
        max_ms: times.last().copied().unwrap_or(0.0),
        mean_total: totals as f64 / queries.max(1) as f64,
        slowest: slow.into_iter().take(5).map(|(_, line)| line).collect(),
        shapes,
    })
}

/// The `p` quantile of sorted `times` (0 when there are none).
fn percentile(times: &[f64], p: f64) -> f64 {
    let i = ((times.len() as f64 * p).ceil() as usize).saturating_sub(1);
    times.get(i).copied().unwrap_or(0.0)
}
