//! Times what undo costs: storing articles while the recording triggers are in place
//! (not recording), an edit step, and undoing / redoing the deletion of an article with
//! its highlights and statements.
//! `cargo run --release -p attest-store --example undo_timing -- 2000` (articles).

use attest_core::*;
use attest_store::{InsertOutcome, Notebook, OpenOptions, SourceFile};
use std::time::Instant;

fn text(i: usize) -> String {
    // ~3,000 characters of distinct words per article.
    (0..450)
        .map(|w| format!("w{}x{}", (i * 7919 + w * 104_729) % 50_000, w % 13))
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("timing.attest");
    let options = OpenOptions {
        daily_snapshot: false,
        ..Default::default()
    };
    let mut nb = Notebook::open_with(&path, &options)?;
    let start = Instant::now();
    let mut first = 0;
    for i in 0..n {
        let t = text(i);
        let draft = ArticleDraft {
            meta: ArticleMeta {
                title: Some(format!("Article {i}")),
                ..Default::default()
            },
            text: t.clone(),
            fallback_title: "f".into(),
            format: SourceFormat::Text,
            warnings: vec![],
        };
        let source = SourceFile {
            name: "a.txt",
            path: "/tmp/a.txt",
            bytes: t.as_bytes(),
            sha256: "00",
        };
        let keys = similarity::ArticleKeys::of(&t);
        if let InsertOutcome::Inserted { id, .. } = nb.insert_article(&draft, &source, &keys)? {
            if first == 0 {
                first = id;
            }
        }
    }
    nb.flush_bands()?;
    let import = start.elapsed();
    println!(
        "stored {n} articles in {:.2} s ({:.0} articles/s)",
        import.as_secs_f64(),
        n as f64 / import.as_secs_f64()
    );

    let t = nb.article(first)?.text;
    let words: Vec<usize> = t
        .match_indices(' ')
        .map(|(b, _)| t[..b].chars().count())
        .collect();
    let start = Instant::now();
    let steps = 200;
    for word in &words[..steps] {
        nb.begin_step("Add highlight")?;
        let s = *word as u32 + 1;
        nb.add_annotation(
            first,
            Span {
                start: s,
                end: s + 3,
            },
            "note",
        )?;
        nb.end_step()?;
    }
    println!(
        "an \"Add highlight\" step: {:.2} ms",
        start.elapsed().as_secs_f64() * 1e3 / steps as f64
    );
    for k in 0..50 {
        let s = words[300 + k] as u32 + 1;
        nb.add_statement(&NewStatement {
            topics: vec!["t".into()],
            ..NewStatement::direct(
                first,
                vec![Span {
                    start: s,
                    end: s + 3,
                }],
            )
        })?;
    }
    let timed = |what: &str, f: &mut dyn FnMut() -> attest_store::Result<()>| {
        let start = Instant::now();
        f().unwrap();
        println!("{what}: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    };
    timed(
        "delete an article (200 highlights, 50 statements) as a step",
        &mut || {
            nb.begin_step("Delete article")?;
            nb.delete_article(first)?;
            nb.end_step().map(|_| ())
        },
    );
    timed("undo it", &mut || nb.undo().map(|_| ()));
    timed("redo it", &mut || nb.redo().map(|_| ()));
    timed("restore it from the trash", &mut || {
        let id = nb.trash()?[0].id;
        nb.restore_from_trash(id).map(|_| ())
    });
    drop(nb);
    let start = Instant::now();
    let _nb = Notebook::open_with(&path, &options)?;
    println!(
        "open (with installing the triggers): {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}
