//! Measures HTML import over a folder of saved pages (`*/source.html` beside
//! `*/expected-metadata.json`): per-field metadata accuracy and pages per second.
//!
//! ```text
//! cargo run --release -p attest-import --example web_pages -- ../shared/corpus/web-pages
//! cargo run --release -p attest-import --features compare-libraries --example web_pages -- ../shared/corpus/web-pages
//! ```
//! The second also scores the two candidate libraries on their own (their metadata as
//! they return it), the measurement behind the choice in ARCHITECTURE.md. `--dump OUT`
//! writes our text and metadata of each page to `OUT/PAGE.txt`, to diff two builds.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

/// The fields compared, as (expected-metadata key, label).
const FIELDS: [(&str, &str); 5] = [
    ("title", "title"),
    ("byline", "byline"),
    ("siteName", "outlet"),
    ("lang", "language"),
    ("publishedTime", "published"),
];

#[derive(Default, Clone)]
struct Got {
    title: Option<String>,
    byline: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
    published: Option<String>,
}

impl Got {
    fn field(&self, i: usize) -> Option<&str> {
        [
            &self.title,
            &self.byline,
            &self.outlet,
            &self.language,
            &self.published,
        ][i]
            .as_deref()
    }
}

struct Page {
    name: String,
    bytes: Vec<u8>,
    expected: serde_json::Value,
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/web-pages"));
    let verbose = std::env::args().any(|a| a == "-v");
    let dump = std::env::args()
        .skip_while(|a| a != "--dump")
        .nth(1)
        .map(PathBuf::from);
    let pages = load(&dir);
    println!("{} pages from {}", pages.len(), dir.display());
    if let Some(out) = &dump {
        std::fs::create_dir_all(out).expect("the dump folder");
        for p in &pages {
            let d =
                attest_import::extract(&p.bytes, "source.html", attest_core::SourceFormat::Html);
            let text = match d {
                Ok(d) => format!("{:#?}\n{:?}\n\n{}\n", d.meta, d.warnings, d.text),
                Err(e) => format!("error: {e}\n"),
            };
            std::fs::write(out.join(format!("{}.txt", p.name)), text).expect("a dump file");
        }
    }

    run("attest-import (extract)", &pages, verbose, |bytes| {
        let d =
            attest_import::extract(bytes, "source.html", attest_core::SourceFormat::Html).ok()?;
        Some((
            Got {
                title: d.meta.title,
                byline: d.meta.byline,
                outlet: d.meta.outlet,
                language: d.meta.language,
                published: d.meta.published,
            },
            d.text.len(),
        ))
    });
    #[cfg(feature = "compare-libraries")]
    {
        run("rs-trafilatura 0.2 alone", &pages, verbose, |bytes| {
            let r = rs_trafilatura::extract_bytes(bytes).ok()?;
            let m = r.metadata;
            Some((
                Got {
                    title: m.title,
                    byline: m.author,
                    outlet: m.sitename,
                    language: m.language,
                    published: m.date.map(|d| d.to_rfc3339()),
                },
                r.content_text.len(),
            ))
        });
        run("dom_smoothie 0.19 alone", &pages, verbose, |bytes| {
            let html = String::from_utf8_lossy(bytes);
            let mut r = dom_smoothie::Readability::new(html.as_ref(), None, None).ok()?;
            let a = r.parse().ok()?;
            Some((
                Got {
                    title: Some(a.title).filter(|t| !t.is_empty()),
                    byline: a.byline,
                    outlet: a.site_name,
                    language: a.lang,
                    published: a.published_time,
                },
                a.text_content.len(),
            ))
        });
    }
}

fn load(dir: &Path) -> Vec<Page> {
    common::page_dirs(dir, &[])
        .into_iter()
        .map(|(name, d)| Page {
            name,
            bytes: std::fs::read(d.join("source.html")).unwrap(),
            expected: std::fs::read(d.join("expected-metadata.json"))
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or(serde_json::Value::Null),
        })
        .collect()
}

fn run(label: &str, pages: &[Page], verbose: bool, f: impl Fn(&[u8]) -> Option<(Got, usize)>) {
    let start = Instant::now();
    let mut times = Vec::with_capacity(pages.len());
    let results: Vec<Option<(Got, usize)>> = pages
        .iter()
        .map(|p| {
            let t = Instant::now();
            let r = f(&p.bytes);
            times.push((t.elapsed().as_secs_f64(), p.name.as_str()));
            r
        })
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let failed = results.iter().filter(|r| r.is_none()).count();
    println!(
        "\n== {label}: {:.0} pages/s ({:.2} s, {failed} failed)",
        pages.len() as f64 / secs,
        secs
    );
    if verbose {
        times.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (t, name) in times.iter().take(5) {
            println!("  slowest: {name} {:.1} ms", t * 1000.0);
        }
    }
    for (i, (key, name)) in FIELDS.iter().enumerate() {
        let (mut right, mut total) = (0, 0);
        for (page, r) in pages.iter().zip(&results) {
            let Some(expected) = page.expected.get(key) else {
                continue; // the field is not part of this page's expectations
            };
            total += 1;
            let expected = expected.as_str();
            let got = r.as_ref().and_then(|(g, _)| g.field(i));
            if attest_import::quality::metadata_matches(key, expected, got) {
                right += 1;
            } else if verbose {
                println!("  {name:9} {:28} want {expected:?} got {got:?}", page.name);
            }
        }
        println!(
            "  {name:9} {right:3}/{total:3} = {:.3}",
            right as f64 / total.max(1) as f64
        );
    }
}
