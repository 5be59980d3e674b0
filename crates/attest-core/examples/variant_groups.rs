//! Quote variants over a real corpus: the content spans of the attribution events in
//! PolNeAR's brat files (`shared/corpus/polnear-train/attributions/*.ann`), grouped by
//! `attest_core::variants::group_variants`. Prints the number of groups (within one
//! article and across articles) and a sample of pairs with their diffs, to check by eye
//! that they are the same quote reported twice.
//!
//! `cargo run --release -p attest-core --example variant_groups [CORPUS_DIR] [SAMPLE]`

use attest_core::variants::{compare, diff, group_variants, DiffKind};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

/// One quote: the article (file stem without the annotator) and the content.
struct Quote {
    article: String,
    event: String,
    text: String,
}

/// The content of every attribution event of one `.ann` file, its parts joined by " … ".
fn contents(ann: &str) -> Vec<(String, String)> {
    let spans: HashMap<&str, &str> = ann
        .lines()
        .filter_map(|l| {
            let mut f = l.splitn(3, '\t');
            let (id, kind, text) = (f.next()?, f.next()?, f.next()?);
            (id.starts_with('T') && kind.starts_with("Content ")).then_some((id, text))
        })
        .collect();
    ann.lines()
        .filter(|l| l.starts_with('E'))
        .filter_map(|l| {
            let (id, args) = l.split_once('\t')?;
            let parts: Vec<&str> = args
                .split_whitespace()
                .filter_map(|a| {
                    let (role, t) = a.split_once(':')?;
                    role.starts_with("Content").then(|| spans.get(t).copied())?
                })
                .collect();
            (!parts.is_empty()).then(|| (id.to_string(), parts.join(" … ")))
        })
        .collect()
}

fn shown(parts: &[attest_core::variants::DiffPart]) -> String {
    parts
        .iter()
        .map(|p| match p.kind {
            DiffKind::Same => p.text.clone(),
            DiffKind::Removed => format!("[-{}-]", p.text),
            DiffKind::Added => format!("{{+{}+}}", p.text),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/polnear-train")
    });
    let sample: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(15);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    files.sort();
    // An article annotated twice (two annotators) is read once: the first file.
    let mut quotes = Vec::new();
    let mut seen_articles = std::collections::HashSet::new();
    for f in &files {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let article = stem
            .rsplit_once('_')
            .map_or(stem.clone(), |(a, _)| a.to_string());
        if !seen_articles.insert(article.clone()) {
            continue;
        }
        let ann = std::fs::read_to_string(f).unwrap();
        for (event, text) in contents(&ann) {
            quotes.push(Quote {
                article: article.clone(),
                event,
                text,
            });
        }
    }
    let started = Instant::now();
    let texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
    let groups = group_variants(&texts);
    let took = started.elapsed();

    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    let (mut within, mut across) = (0, 0);
    for g in &groups {
        *sizes.entry(g.len()).or_default() += 1;
        if g.iter().all(|&i| quotes[i].article == quotes[g[0]].article) {
            within += 1;
        } else {
            across += 1;
        }
    }
    let in_groups: usize = groups.iter().map(Vec::len).sum();
    println!(
        "{} articles, {} content spans; grouped in {:.1?}",
        seen_articles.len(),
        quotes.len(),
        took
    );
    println!(
        "{} variant groups ({within} within one article, {across} across articles), \
         {in_groups} spans in them; sizes {sizes:?}",
        groups.len()
    );
    if let Some(big) = groups.iter().max_by_key(|g| g.len()) {
        println!("\nthe largest group ({}):", big.len());
        for &i in big {
            println!(
                "  {} {}: {}",
                quotes[i].article, quotes[i].event, quotes[i].text
            );
        }
    }
    // A sample of pairs, evenly over the groups: each group's first quote against its
    // next member.
    println!("\nsample of {sample} pairs (first → variant):");
    let step = (groups.len() / sample.max(1)).max(1);
    for g in groups.iter().step_by(step).take(sample) {
        let (a, b) = (&quotes[g[0]], &quotes[g[1]]);
        let similarity = compare(&a.text, &b.text).unwrap_or(0.0);
        println!(
            "\n{:.2}  {} {}  →  {} {}{}",
            similarity,
            a.article,
            a.event,
            if a.article == b.article {
                "(same)"
            } else {
                &b.article
            },
            b.event,
            if g.len() > 2 {
                format!("  (group of {})", g.len())
            } else {
                String::new()
            }
        );
        println!("  {}", a.text);
        println!("  {}", shown(&diff(&a.text, &b.text)));
    }
}
