//! Measures article-body extraction over a folder of saved pages (`*/source.html` beside
//! `*/expected.txt`, the body a careful reader marks, paragraphs separated by blank
//! lines): precision, recall and F1 on 4-token shingles, by the public
//! article-extraction benchmark's definition (`attest_import::quality::body_scores`),
//! and pages per second.
//!
//! ```text
//! cargo run --release -p attest-import --example body_f1 -- tests/fixtures/pages
//! cargo run --release -p attest-import --features compare-libraries --example body_f1 -- tests/fixtures/pages
//! ```
//! The second also scores the two candidate libraries on their own (default options;
//! dom_smoothie's formatted text), the measurement behind the choice in ARCHITECTURE.md.
//! Pages scoring under 0.9 F1 are listed; `-v` lists every page; `--dump OUT` writes
//! each library's text of each page to `OUT/LIBRARY/PAGE.txt`, to diff against
//! `expected.txt`. Pages per second come from repeating the extraction for at least a
//! second (a small folder is gone in a few milliseconds).

use attest_import::quality::{body_scores, shingle_matches};
mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

struct Page {
    name: String,
    bytes: Vec<u8>,
    expected: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let dir = args
        .iter()
        .skip(1)
        .filter(|a| Some(PathBuf::from(a)) != dump)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("tests/fixtures/pages"));
    let pages = load(&dir);
    println!("{} pages from {}", pages.len(), dir.display());
    let opts = Opts { verbose, dump };

    run("attest-import", &pages, &opts, |bytes| {
        attest_import::extract(bytes, "source.html", attest_core::SourceFormat::Html)
            .ok()
            .map(|d| d.text)
    });
    #[cfg(feature = "compare-libraries")]
    {
        run("rs-trafilatura", &pages, &opts, |bytes| {
            rs_trafilatura::extract_bytes(bytes)
                .ok()
                .map(|r| r.content_text)
        });
        run("dom_smoothie", &pages, &opts, |bytes| {
            let html = String::from_utf8_lossy(bytes);
            // Formatted text: the raw text of `a<br><br>b` would fuse "ab" into one token.
            let config = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            let mut r = dom_smoothie::Readability::new(html.as_ref(), None, Some(config)).ok()?;
            r.parse().ok().map(|a| a.text_content.to_string())
        });
    }
}

fn load(dir: &Path) -> Vec<Page> {
    common::page_dirs(dir, &["expected.txt"])
        .into_iter()
        .map(|(name, d)| Page {
            name,
            bytes: std::fs::read(d.join("source.html")).unwrap(),
            expected: std::fs::read_to_string(d.join("expected.txt")).unwrap(),
        })
        .collect()
}

struct Opts {
    verbose: bool,
    dump: Option<PathBuf>,
}

/// Extracts every page with `f` (timed), then scores; a page `f` fails on scores as an
/// empty extraction.
fn run(label: &str, pages: &[Page], opts: &Opts, f: impl Fn(&[u8]) -> Option<String>) {
    let start = Instant::now();
    let extracted: Vec<Option<String>> = pages.iter().map(|p| f(&p.bytes)).collect();
    let mut rounds = 1;
    while start.elapsed().as_secs_f64() < 1.0 && !pages.is_empty() {
        for p in pages {
            std::hint::black_box(f(&p.bytes));
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let failed = extracted.iter().filter(|e| e.is_none()).count();
    println!(
        "\n== {label}: {:.0} pages/s ({rounds} rounds in {secs:.2} s), {failed} failed",
        (pages.len() * rounds) as f64 / secs,
    );
    if let Some(out) = &opts.dump {
        let dir = out.join(label);
        std::fs::create_dir_all(&dir).expect("the dump folder");
        for (p, e) in pages.iter().zip(&extracted) {
            let text = e.as_deref().unwrap_or_default();
            std::fs::write(dir.join(format!("{}.txt", p.name)), text).expect("a dump file");
        }
    }
    let pairs: Vec<(String, String)> = pages
        .iter()
        .zip(extracted)
        .map(|(p, e)| (p.expected.clone(), e.unwrap_or_default()))
        .collect();
    for (page, pair) in pages.iter().zip(&pairs) {
        let one = body_scores(std::slice::from_ref(pair));
        if opts.verbose || one.f1 < 0.9 {
            let [tp, fp, fn_] = shingle_matches(&pair.0, &pair.1);
            println!(
                "  {:32} P {:.3} R {:.3} F1 {:.3}  (tp {tp:.2} fp {fp:.2} fn {fn_:.2})",
                page.name, one.precision, one.recall, one.f1
            );
        }
    }
    let all = body_scores(&pairs);
    println!(
        "  all {} pages: precision {:.3}  recall {:.3}  F1 {:.3}",
        all.pages, all.precision, all.recall, all.f1
    );
}
