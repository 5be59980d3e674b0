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

/// Runs the import pipeline on `paths` without storing anything.
pub fn extract(paths: &[PathBuf]) -> Figures {
    let started = Instant::now();
    let records = attest_api::inspect(paths);
    let seconds = started.elapsed().as_secs_f64();
    let failed = records.iter().filter(|r| !r.ok).count();
    Figures {
        files: records.len(),
        articles: records.len() - failed,
        failed,
        seconds,
        per_second: records.len() as f64 / seconds.max(1e-9),
        peak_rss_mb: peak_rss_mb(),
    }
}

/// The process's peak resident memory (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A small deterministic generator: the same seed writes the same articles.
struct SplitMix(u64);

impl SplitMix {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}
