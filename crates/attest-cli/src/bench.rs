//! `attest bench`: the speed figures, measured the way anyone can repeat them.
//!
//! - `generate` writes news-length `.txt` articles built from a folder of real ones
//!   (PolNeAR's `text/`): each a random draw of paragraphs from the whole pool, so no
//!   two are duplicates or near-duplicates of each other, as in a real notebook.
//! - `import` imports files into a fresh notebook and reports articles per second and
//!   peak memory, exactly as `attest import` does the work.
//! - `extract` runs the import pipeline without a notebook (web pages → text and
//!   metadata) and reports files per second.

use attest_api::{Api, ApiError};
use attest_core::ImportOutcome;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The figures one run measured.
#[derive(Debug, Serialize)]
pub struct Figures {
    pub files: usize,
    pub articles: usize,
    pub failed: usize,
    pub seconds: f64,
    pub per_second: f64,
    pub peak_rss_mb: Option<f64>,
}

impl Figures {
    pub fn line(&self) -> String {
        let rss = self
            .peak_rss_mb
            .map_or_else(|| "unknown".to_owned(), |mb| format!("{mb:.0} MB"));
        format!(
            "{} files, {} articles ({} failed) in {:.2} s: {:.0} per second; peak memory {rss}",
            self.files, self.articles, self.failed, self.seconds, self.per_second
        )
    }
}

/// Writes `count` articles of 8–20 paragraphs drawn from the `.txt` files in `from`.
pub fn generate(from: &Path, count: usize, out: &Path, seed: u64) -> Result<usize, ApiError> {
    let io = |e: std::io::Error| ApiError::invalid(format!("{e}"));
    let pool = paragraph_pool(from)?;
    std::fs::create_dir_all(out).map_err(io)?;
    let mut rng = SplitMix(seed);
    for i in 0..count {
        let paragraphs = 8 + rng.below(13);
        let body: Vec<&str> = (0..paragraphs)
            .map(|_| pool[rng.below(pool.len())].as_str())
            .collect();
        let text = format!("Generated article {i}\n\n{}\n", body.join("\n\n"));
        std::fs::write(out.join(format!("article-{i:06}.txt")), text).map_err(io)?;
    }
    Ok(count)
}

/// Imports `paths` into the notebook at `notebook` and measures it.
pub fn import(notebook: &Path, paths: &[PathBuf]) -> Result<Figures, ApiError> {
    let mut api = Api::open(notebook)?;
    let started = Instant::now();
    let reports = api.import(paths);
    let seconds = started.elapsed().as_secs_f64();
    let articles = reports
        .iter()
        .filter(|r| {
            matches!(
                r.outcome,
                ImportOutcome::Imported { .. } | ImportOutcome::Related { .. }
            )
        })
        .count();
    let failed = reports
        .iter()
        .filter(|r| matches!(r.outcome, ImportOutcome::Failed { .. }))
        .count();
    Ok(Figures {
        files: reports.len(),
        articles,
        failed,
        seconds,
        per_second: articles as f64 / seconds.max(1e-9),
        peak_rss_mb: peak_rss_mb(),
    })
}

/// Runs the import's reading on `paths` (text and metadata, on the reader threads)
/// without storing anything, nor proposing statements (which happens on opening).
pub fn extract(paths: &[PathBuf]) -> Result<Figures, ApiError> {
    let started = Instant::now();
    let (articles, failed) = attest_api::read_only(paths);
    let seconds = started.elapsed().as_secs_f64();
    Ok(Figures {
        files: articles + failed,
        articles,
        failed,
        seconds,
        per_second: (articles + failed) as f64 / seconds.max(1e-9),
        peak_rss_mb: peak_rss_mb(),
    })
}

/// The process's peak resident memory (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A small deterministic generator: the same seed writes the same articles.
pub(crate) struct SplitMix(pub(crate) u64);

impl SplitMix {
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// The time to compile one dossier to one format.
#[derive(Debug, Serialize)]
pub struct CompileFigure {
    pub format: String,
    pub items: usize,
    pub seconds: f64,
    pub bytes: usize,
}

impl CompileFigure {
    pub fn line(&self) -> String {
        format!(
            "{:<8} {} items in {:.3} s ({} bytes)",
            self.format, self.items, self.seconds, self.bytes
        )
    }
}

/// Builds a dossier of `statements` real quotations into the (fresh) notebook at
/// `notebook` — the `.txt` articles in `from` imported, every passage between
/// quotation marks made a statement of one of 20 speakers, with stances and topics,
/// a section every 50 items — then compiles it to every format and times each.
pub fn dossier(
    notebook: &Path,
    from: &Path,
    statements: usize,
) -> Result<Vec<CompileFigure>, ApiError> {
    use attest_core::*;
    let mut api = Api::open(notebook)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(from)
        .map_err(|e| ApiError::invalid(format!("{}: {e}", from.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    api.import(&files);
    let speakers: Vec<i64> = (0..20)
        .map(|i| {
            api.add_actor(&NewActor {
                name: format!("Speaker {i:02}"),
                kind: if i % 4 == 0 {
                    ActorKind::State
                } else {
                    ActorKind::Person
                },
                aliases: vec![],
            })
            .map(|a| a.id)
        })
        .collect::<Result<_, _>>()?;
    const TOPICS: [&str; 6] = ["trade", "security", "border", "energy", "elections", "aid"];
    let stances = Stance::ALL;
    let dossier = api.create_dossier("Benchmark dossier", "Real quotations, compiled.")?;
    let mut made = 0;
    'articles: for summary in api.articles()? {
        let text = api.article_view(summary.id)?.article.text;
        for span in quotations(&text) {
            if made == statements {
                break 'articles;
            }
            if made % 50 == 0 {
                api.add_section(dossier.id, &format!("Part {}", made / 50 + 1))?;
            }
            let s = api.add_statement(&NewStatement {
                speaker_actor_ids: vec![speakers[made % speakers.len()]],
                stance: Some(stances[made % stances.len()]),
                topics: vec![TOPICS[made % TOPICS.len()].to_owned()],
                ..NewStatement::direct(summary.id, vec![span])
            })?;
            api.add_to_dossier(dossier.id, &[s.id])?;
            made += 1;
        }
    }
    let items = api.dossier(dossier.id)?.items.len();
    ExportFormat::ALL
        .iter()
        .map(|&format| {
            let started = Instant::now();
            let bytes = api.compile_dossier(dossier.id, format)?;
            Ok(CompileFigure {
                format: format.as_str().to_owned(),
                items,
                seconds: started.elapsed().as_secs_f64(),
                bytes: bytes.len(),
            })
        })
        .collect()
}

/// Spans (code points) of the passages between “curly” or "straight" double quotes,
/// at least four words long.
pub(crate) fn quotations(text: &str) -> Vec<attest_core::Span> {
    let mut out = Vec::new();
    let mut open: Option<u32> = None;
    for (i, c) in text.chars().enumerate() {
        let i = i as u32;
        match (c, open) {
            ('“', _) | ('"', None) => open = Some(i + 1),
            ('”', Some(start)) | ('"', Some(start)) => {
                open = None;
                let words = text
                    .chars()
                    .skip(start as usize)
                    .take((i - start) as usize)
                    .filter(|c| *c == ' ')
                    .count();
                if words >= 3
                    && !text
                        .chars()
                        .skip(start as usize)
                        .take((i - start) as usize)
                        .any(|c| c == '\n')
                {
                    out.push(attest_core::Span { start, end: i });
                }
            }
            ('\n', _) => open = None,
            _ => {}
        }
    }
    out
}

/// What `bench mentions` measured.
#[derive(Debug, Serialize)]
pub struct MentionFigures {
    pub articles: usize,
    pub characters: usize,
    pub actors: usize,
    pub patterns: usize,
    /// Building the automaton.
    pub build_seconds: f64,
    /// Finding the mentions in every article (one core).
    pub seconds: f64,
    pub mentions: usize,
    pub articles_with_mentions: usize,
}

impl MentionFigures {
    pub fn line(&self) -> String {
        format!(
            "{} articles ({:.1} M characters), {} actors × 5 aliases ({} patterns): automaton \
             built in {:.3} s; mentions found in {:.2} s ({:.0} articles/s): {} mentions in {} \
             articles",
            self.articles,
            self.characters as f64 / 1e6,
            self.actors,
            self.patterns,
            self.build_seconds,
            self.seconds,
            self.articles as f64 / self.seconds.max(1e-9),
            self.mentions,
            self.articles_with_mentions
        )
    }
}

/// Finds the mentions of `actors` synthetic actors (five names each, half of them names
/// that occur in the corpus) in `count` articles drawn as `generate` draws them.
pub fn mentions(from: &Path, count: usize, actors: usize) -> Result<MentionFigures, ApiError> {
    use attest_core::mentions::{Folded, MentionFinder, Pattern};
    let pool = paragraph_pool(from)?;
    let mut rng = SplitMix(1);
    let articles: Vec<String> = (0..count)
        .map(|i| {
            let paragraphs = 8 + rng.below(13);
            let body: Vec<&str> = (0..paragraphs)
                .map(|_| pool[rng.below(pool.len())].as_str())
                .collect();
            format!("Generated article {i}\n\n{}\n", body.join("\n\n"))
        })
        .collect();

    // Names: pairs of capitalised words from the corpus, most frequent first, then
    // made-up ones.
    let real = corpus_name_pairs(&pool);
    let syllables = [
        "ka", "lo", "mi", "ren", "tas", "vu", "zhe", "dor", "an", "pel", "qui", "sor",
    ];
    let mut made_up = |parts: usize| {
        let mut s = String::new();
        for _ in 0..parts {
            s.push_str(syllables[rng.below(syllables.len())]);
        }
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    let mut patterns = Vec::new();
    for id in 0..actors {
        let (first, last) = match real.get(id) {
            Some(((a, b), _)) if id < actors / 2 => (a.clone(), b.clone()),
            _ => (made_up(2), made_up(3)),
        };
        let names = [
            (format!("{first} {last}"), false),
            (last.clone(), true),
            (format!("President {last}"), false),
            (format!("Minister {last}"), false),
            (format!("{} {last}", &first[..1]), false),
        ];
        for (alias, (text, weak)) in names.into_iter().enumerate() {
            patterns.push(Pattern {
                text,
                actor_id: id as i64,
                alias_id: Some((id * 5 + alias) as i64),
                weak,
            });
        }
    }
    let pattern_count = patterns.len();
    let started = Instant::now();
    let finder = MentionFinder::new(patterns).map_err(|e| ApiError::invalid(e.to_string()))?;
    let build_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut buffer = Folded::default();
    let (mut mentions, mut with) = (0, 0);
    for text in &articles {
        let found = finder.find_in(text, &mut buffer);
        mentions += found.len();
        with += usize::from(!found.is_empty());
    }
    let seconds = started.elapsed().as_secs_f64();
    Ok(MentionFigures {
        articles: articles.len(),
        characters: articles.iter().map(|a| a.chars().count()).sum(),
        actors,
        patterns: pattern_count,
        build_seconds,
        seconds,
        mentions,
        articles_with_mentions: with,
    })
}

/// Pairs of capitalised words in `pool` ("Donald Trump", "White House"), most
/// frequent first, with their counts.
pub(crate) fn corpus_name_pairs(pool: &[String]) -> Vec<((String, String), usize)> {
    let mut pairs: std::collections::HashMap<(String, String), usize> = Default::default();
    for p in pool {
        let words: Vec<&str> = p
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        for w in words.windows(2) {
            let cap = |s: &str| s.chars().next().is_some_and(char::is_uppercase) && s.len() > 2;
            if cap(w[0]) && cap(w[1]) {
                *pairs.entry((w[0].into(), w[1].into())).or_default() += 1;
            }
        }
    }
    let mut real: Vec<((String, String), usize)> = pairs.into_iter().collect();
    real.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    real
}

/// The paragraphs (of 8 words or more) of the `.txt` files in `from`, in file order:
/// what generated articles are made of.
pub(crate) fn paragraph_pool(from: &Path) -> Result<Vec<String>, ApiError> {
    let io = |e: std::io::Error| ApiError::invalid(format!("{e}"));
    let mut sources: Vec<PathBuf> = std::fs::read_dir(from)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    sources.sort();
    let mut pool = Vec::new();
    for path in &sources {
        let text = std::fs::read_to_string(path).map_err(io)?;
        pool.extend(
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| p.split_whitespace().count() >= 8)
                .map(str::to_owned),
        );
    }
    if pool.is_empty() {
        return Err(ApiError::invalid(format!(
            "no paragraphs in the .txt files of {}",
            from.display()
        )));
    }
    Ok(pool)
}
