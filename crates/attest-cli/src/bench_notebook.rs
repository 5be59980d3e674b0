//! `attest bench generate --notebook`: a large notebook built directly, for the figures
//! measured at 100,000 articles (start-up, lists, search, the reader), and `attest
//! bench lists`: page query times in such a notebook.
//!
//! The articles are drawn as `bench generate` draws its files (paragraphs of real
//! articles), with varied metadata, and stored through the import path
//! (`Api::store_draft`), so they are hashed, signed, FTS-indexed and their mentions
//! found as an imported article's are. Actors are the gazetteer's states and the
//! corpus's most frequent names; statements are the text's quotations attributed to
//! the actor mentioned last before each, a third of the articles' accepted, the rest
//! proposed; every tenth article has annotations with notes. One long article (20,000+
//! words, 1,000 highlights) is stored last for the reader benchmark.

use crate::bench::{corpus_name_pairs, paragraph_pool, quotations, SplitMix};
use attest_api::{Api, ApiError};
use attest_core::*;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

/// What `bench generate --notebook` made.
#[derive(Debug, Serialize)]
pub struct NotebookFigures {
    pub articles: usize,
    pub actors: usize,
    pub statements: usize,
    pub accepted: usize,
    pub annotations: usize,
    pub long_article_id: i64,
    pub long_article_words: usize,
    pub long_article_highlights: usize,
    pub seconds: f64,
    pub bytes: u64,
}

impl NotebookFigures {
    pub fn line(&self) -> String {
        format!(
            "{} articles, {} actors, {} statements ({} accepted), {} annotations in {:.1} s \
             ({:.0} articles/s); notebook {:.1} MB\nlong article: id {} ({} words, {} \
             highlights)",
            self.articles,
            self.actors,
            self.statements,
            self.accepted,
            self.annotations,
            self.seconds,
            self.articles as f64 / self.seconds.max(1e-9),
            self.bytes as f64 / 1e6,
            self.long_article_id,
            self.long_article_words,
            self.long_article_highlights
        )
    }
}

const OUTLETS: &[&str] = &[
    "The Daily",
    "Reuters",
    "Associated Press",
    "The Guardian",
    "The New York Times",
    "The Washington Post",
    "Le Monde",
    "Der Spiegel",
    "El País",
    "Xinhua",
    "South China \
    Morning Post",
    "Al Jazeera",
    "BBC News",
    "CNN",
    "Fox News",
    "Politico",
    "The Hill",
    "Bloomberg",
    "Financial Times",
    "The Economist",
    "NPR",
    "USA Today",
    "Los Angeles Times",
    "Chicago Tribune",
    "The Atlantic",
    "Nikkei Asia",
    "The Hindu",
    "Sydney Morning Herald",
    "Globe and Mail",
    "Frankfurter Allgemeine",
    "Corriere della Sera",
    "NRC",
    "Dagens Nyheter",
    "Haaretz",
    "Daily Nation",
    "Mail & Guardian",
    "Folha de S.Paulo",
    "Yonhap",
    "TASS",
    "Agence France-Presse",
];
/// Mostly English (the texts are), with other tags as a multilingual notebook has.
const LANGUAGES: &[&str] = &[
    "en", "en", "en", "en", "en", "en", "en", "en", "en-GB", "en-US", "de", "fr", "es", "zh", "ar",
    "ru",
];
const FIRST_NAMES: &[&str] = &[
    "Anna", "Ben", "Chen", "Dmitri", "Elena", "Fatima", "Gustavo", "Hana", "Ibrahim", "Julia",
    "Kwame", "Léa", "Mateo", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Sven", "Tomás",
    "Ursula", "Víctor", "Wei", "Yuki", "Zoë",
];
const SURNAMES: &[&str] = &[
    "Abbott", "Becker", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Hoffmann",
    "Ivanova", "Jensen", "Kowalski", "Li", "Müller", "Nakamura", "O'Brien", "Petrov", "Quintero",
    "Rossi", "Schmidt", "Tanaka", "Urquhart", "Varga", "Wang", "Xu", "Zhang",
];
const NOTES: &[&str] = &[
    "Check against the wire copy",
    "Contradicts the ministry's statement",
    "Key claim — verify the figures",
    "Same wording as the press release",
    "Follow up with the correspondent",
    "Compare with the earlier report",
];
/// Words that make a frequent capitalised pair a place or a body, not a person.
const NOT_A_PERSON: &[&str] = &[
    "United",
    "States",
    "New",
    "York",
    "White",
    "House",
    "North",
    "South",
    "Korea",
    "Supreme",
    "Court",
    "Department",
    "Party",
    "National",
    "Security",
    "Council",
    "Street",
    "Hong",
    "Kong",
    "Middle",
    "East",
    "Republican",
    "Democratic",
    "Senate",
    "Congress",
    "Times",
    "Post",
    "American",
    "Fox",
    "News",
    "Air",
    "Force",
    "Los",
    "Angeles",
    "Washington",
    "Committee",
    "Affairs",
    "Foreign",
    "Ministry",
    "Office",
    "Union",
    "European",
    "Islamic",
    "State",
    "Trump",
];

/// The long article's length and highlights (the reader benchmark's case).
const LONG_WORDS: usize = 20_500;
const LONG_HIGHLIGHTS: usize = 1_000;

fn pick<'a, T: ?Sized>(rng: &mut SplitMix, list: &'a [&'a T]) -> &'a T {
    list[rng.below(list.len())]
}

fn person(rng: &mut SplitMix) -> String {
    format!("{} {}", pick(rng, FIRST_NAMES), pick(rng, SURNAMES))
}

/// A headline from a paragraph's words: its first 5–14, capitalised.
fn headline(paragraph: &str, rng: &mut SplitMix) -> String {
    let n = 5 + rng.below(10);
    let words: Vec<&str> = paragraph.split_whitespace().take(n).collect();
    let mut title = words
        .join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_owned();
    if let Some(first) = title.chars().next() {
        title.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    title
}

/// An ISO date between 2015 and 2024; some with a time of day.
fn date(rng: &mut SplitMix) -> String {
    let (y, m, d) = (2015 + rng.below(10), 1 + rng.below(12), 1 + rng.below(28));
    if rng.below(5) == 0 {
        format!(
            "{y}-{m:02}-{d:02}T{:02}:{:02}:00Z",
            rng.below(24),
            rng.below(60)
        )
    } else {
        format!("{y}-{m:02}-{d:02}")
    }
}

/// Builds a notebook of `count` articles (plus the long one) in the new file
/// `notebook` from the `.txt` articles in `from`.
pub fn generate_notebook(
    from: &Path,
    count: usize,
    notebook: &Path,
    seed: u64,
) -> Result<NotebookFigures, ApiError> {
    if std::fs::metadata(notebook).is_ok_and(|m| m.len() > 0) {
        return Err(ApiError::invalid(format!(
            "{} exists already: give a new notebook file to generate into",
            notebook.display()
        )));
    }
    let pool = paragraph_pool(from)?;
    let started = Instant::now();
    let mut api = Api::open(notebook)?;
    let mut rng = SplitMix(seed);

    // Actors first, so that storing an article finds their mentions as import does.
    api.load_gazetteer()?;
    for ((first, last), _) in corpus_name_pairs(&pool)
        .into_iter()
        .filter(|((a, b), _)| {
            !NOT_A_PERSON.contains(&a.as_str()) && !NOT_A_PERSON.contains(&b.as_str())
        })
        .take(150)
    {
        // A pair may already be a name (a state's) or differ only in case.
        let _ = api.add_actor(&NewActor {
            name: format!("{first} {last}"),
            kind: ActorKind::Person,
            aliases: vec![],
        });
    }
    let actors = api.actors()?.len();

    let (mut statements, mut accepted, mut annotations) = (0, 0, 0);
    let mut stored = 0;
    for i in 0..count {
        let paragraphs = 8 + rng.below(13);
        let body: Vec<&str> = (0..paragraphs)
            .map(|_| pool[rng.below(pool.len())].as_str())
            .collect();
        let title = headline(pool[rng.below(pool.len())].as_str(), &mut rng);
        let name = format!("article-{i:06}.txt");
        let meta = ArticleMeta {
            // One in twenty has no headline: the list shows the fallback.
            title: (rng.below(20) != 0).then(|| title.clone()),
            byline: match rng.below(10) {
                0 | 1 => None,
                2 => Some(format!("{} and {}", person(&mut rng), person(&mut rng))),
                _ => Some(person(&mut rng)),
            },
            outlet: (rng.below(30) != 0).then(|| pick(&mut rng, OUTLETS).to_owned()),
            published: (rng.below(25) != 0).then(|| date(&mut rng)),
            dateline: None,
            language: Some(pick(&mut rng, LANGUAGES).to_owned()),
            url: None,
        };
        let draft = ArticleDraft {
            meta,
            text: format!("{title}\n\n{}\n", body.join("\n\n")),
            fallback_title: name.clone(),
            format: SourceFormat::Text,
            warnings: vec![],
        };
        let Some(id) = api.store_draft(&draft, &name)? else {
            continue;
        };
        stored += 1;
        let status = if i % 3 == 0 {
            StatementStatus::Accepted
        } else {
            StatementStatus::Proposed
        };
        let made = quoted_statements(&mut api, id, &draft.text, &mut rng)?;
        if !made.is_empty() {
            statements += made.len();
            if status == StatementStatus::Accepted {
                accepted += made.len();
            }
            api.store_statements(id, &made, status)?;
        }
        if i % 10 == 0 {
            let starts = paragraph_starts(&draft.text);
            for _ in 0..1 + rng.below(3) {
                let (start, len) = starts[rng.below(starts.len())];
                let span = Span {
                    start,
                    end: start + len.min(120),
                };
                api.add_annotation(id, span, pick(&mut rng, NOTES))?;
                annotations += 1;
            }
        }
        if (i + 1) % 10_000 == 0 {
            eprintln!(
                "{} articles in {:.0} s",
                i + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }

    let (long_article_id, long_article_words) = long_article(&mut api, &pool, &mut rng)?;
    api.flush()?;
    drop(api);
    let seconds = started.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(notebook).map(|m| m.len()).unwrap_or(0);
    Ok(NotebookFigures {
        articles: stored + 1,
        actors,
        statements,
        accepted,
        annotations: annotations + LONG_HIGHLIGHTS,
        long_article_id,
        long_article_words,
        long_article_highlights: LONG_HIGHLIGHTS,
        seconds,
        bytes,
    })
}

/// (start, length) of each paragraph, in code points.
fn paragraph_starts(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut at = 0u32;
    for paragraph in text.split("\n\n") {
        let len = paragraph.chars().count() as u32;
        if len > 0 {
            out.push((at, len));
        }
        at += len + 2;
    }
    out
}

/// The article's quotations (at most four) as statements, each attributed to the actor
/// mentioned last before it (none when no actor is), with a confidence.
fn quoted_statements(
    api: &mut Api,
    id: i64,
    text: &str,
    rng: &mut SplitMix,
) -> Result<Vec<(NewStatement, f32)>, ApiError> {
    let quotes = quotations(text);
    if quotes.is_empty() {
        return Ok(Vec::new());
    }
    let mentions = api.article_mentions(id)?;
    Ok(quotes
        .into_iter()
        .take(4)
        .map(|content| {
            let speaker = mentions.iter().rev().find(|m| m.end <= content.start);
            let statement = NewStatement {
                speaker_actor_ids: speaker.map(|m| vec![m.actor.id]).unwrap_or_default(),
                speaker_mention: speaker.map(|m| Span {
                    start: m.start,
                    end: m.end,
                }),
                ..NewStatement::direct(id, vec![content])
            };
            (statement, 0.5 + rng.below(50) as f32 / 100.0)
        })
        .collect())
}

/// Stores an article of [`LONG_WORDS`]+ words with [`LONG_HIGHLIGHTS`] highlights spread
/// through it; returns its id and word count.
fn long_article(
    api: &mut Api,
    pool: &[String],
    rng: &mut SplitMix,
) -> Result<(i64, usize), ApiError> {
    let mut body = Vec::new();
    let mut words = 0;
    while words < LONG_WORDS {
        let p = pool[rng.below(pool.len())].as_str();
        words += p.split_whitespace().count();
        body.push(p);
    }
    let title = "Long read: a year of statements, annotated";
    let draft = ArticleDraft {
        meta: ArticleMeta {
            title: Some(title.into()),
            byline: Some("Benchmark Desk".into()),
            outlet: Some("The Daily".into()),
            published: Some("2024-12-31".into()),
            dateline: None,
            language: Some("en".into()),
            url: None,
        },
        text: format!("{title}\n\n{}\n", body.join("\n\n")),
        fallback_title: "long-read.txt".into(),
        format: SourceFormat::Text,
        warnings: vec![],
    };
    let id = api
        .store_draft(&draft, "long-read.txt")?
        .ok_or_else(|| ApiError::invalid("the long article was already in the notebook"))?;
    // A highlight of up to eight words at the start of each of 1,000 equal stretches.
    let chars: Vec<char> = draft.text.chars().collect();
    let stretch = chars.len() / LONG_HIGHLIGHTS;
    for k in 0..LONG_HIGHLIGHTS {
        let mut start = k * stretch;
        while start < chars.len() && !chars[start].is_alphanumeric() {
            start += 1;
        }
        let mut end = start;
        let mut spaces = 0;
        while end < chars.len() && end < start + stretch - 1 && chars[end] != '\n' {
            if chars[end] == ' ' {
                spaces += 1;
                if spaces == 8 {
                    break;
                }
            }
            end += 1;
        }
        let span = Span {
            start: start as u32,
            end: end.max(start + 1) as u32,
        };
        api.add_annotation(id, span, NOTES[k % NOTES.len()])?;
    }
    Ok((id, draft.text.split_whitespace().count()))
}

/// What `bench lists` measured for one kind of query.
#[derive(Debug, Serialize)]
pub struct ListFigure {
    pub query: String,
    pub runs: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

impl ListFigure {
    pub fn line(&self) -> String {
        format!(
            "{:<44} {:>4} runs: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            self.query, self.runs, self.p50_ms, self.p95_ms, self.max_ms
        )
    }
}

fn figure(query: &str, mut times: Vec<f64>) -> ListFigure {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    ListFigure {
        query: query.to_owned(),
        runs: times.len(),
        p50_ms: at(0.5),
        p95_ms: at(0.95),
        max_ms: at(1.0),
    }
}

/// Times pages of 100 rows at random offsets of the article list (every sort, both
/// ways, unfiltered and filtered), the selected article's position, and pages of the
/// statements table, `runs` of each.
pub fn lists(notebook: &Path, runs: usize) -> Result<Vec<ListFigure>, ApiError> {
    let mut api = Api::open(notebook)?;
    let mut rng = SplitMix(7);
    let time = |f: &mut dyn FnMut() -> Result<(), ApiError>| -> Result<f64, ApiError> {
        let started = Instant::now();
        f()?;
        Ok(started.elapsed().as_secs_f64() * 1e3)
    };
    let total = api.article_page(&ArticlePageQuery::default())?.total as usize;
    if total == 0 {
        return Err(ApiError::invalid("the notebook has no articles to list"));
    }
    let mut out = Vec::new();
    let filters: [(&str, ArticlePageQuery); 4] = [
        ("articles, unfiltered", ArticlePageQuery::default()),
        (
            "articles, outlet filter",
            ArticlePageQuery {
                outlet: Some("Reuters".into()),
                ..Default::default()
            },
        ),
        (
            "articles, title/byline contains \"trump\"",
            ArticlePageQuery {
                contains: Some("trump".into()),
                ..Default::default()
            },
        ),
        (
            "articles, 2019 and English",
            ArticlePageQuery {
                from: Some("2019".into()),
                to: Some("2019".into()),
                language: Some("en".into()),
                ..Default::default()
            },
        ),
    ];
    for (label, base) in filters {
        let matching = api
            .article_page(&ArticlePageQuery {
                limit: 0,
                ..base.clone()
            })?
            .total as usize;
        let mut times = Vec::new();
        for _ in 0..runs {
            let q = ArticlePageQuery {
                sort: ArticleSort::ALL[rng.below(ArticleSort::ALL.len())],
                descending: rng.below(2) == 0,
                offset: rng.below(matching.max(1)) as u32,
                limit: 100,
                ..base.clone()
            };
            times.push(time(&mut || api.article_page(&q).map(drop))?);
        }
        out.push(figure(&format!("{label} ({matching})"), times));
    }
    let mut times = Vec::new();
    for _ in 0..runs.min(50) {
        let q = ArticlePageQuery {
            sort: ArticleSort::ALL[rng.below(ArticleSort::ALL.len())],
            descending: rng.below(2) == 0,
            ..Default::default()
        };
        let id = 1 + rng.below(total) as i64;
        times.push(time(&mut || api.article_position(&q, id).map(drop))?);
    }
    out.push(figure("article position in a sort", times));
    let statements = api.statement_page(&StatementPageQuery::default())?.total as usize;
    for status in [None, Some(StatementStatus::Accepted)] {
        let matching = api
            .statement_page(&StatementPageQuery {
                status,
                ..Default::default()
            })?
            .total as usize;
        for &sort in StatementSort::ALL {
            // A page after the order changed (each run flips the direction, so the
            // order is read again), then a page further down the same order (scrolling).
            let (mut sorted, mut scrolled) = (Vec::new(), Vec::new());
            for run in 0..runs.min(30) {
                let mut q = StatementPageQuery {
                    status,
                    sort,
                    descending: run % 2 == 0,
                    offset: rng.below(matching.max(1)) as u32,
                    limit: 100,
                    ..Default::default()
                };
                sorted.push(time(&mut || api.statement_page(&q).map(drop))?);
                q.offset = rng.below(matching.max(1)) as u32;
                scrolled.push(time(&mut || api.statement_page(&q).map(drop))?);
            }
            let which = match status {
                None => format!("all ({statements})"),
                Some(_) => format!("accepted ({matching})"),
            };
            let label = format!("statements, {which}, by {}", sort.as_str());
            out.push(figure(&format!("{label}, sort changed"), sorted));
            out.push(figure(&format!("{label}, scrolled"), scrolled));
        }
    }
    Ok(out)
}
