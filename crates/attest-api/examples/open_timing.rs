//! Times opening one article the way the reader does (`open_article`, then the JSON the
//! window receives), and each part of the view apart, to see where the time goes.
//! `cargo run --release -p attest-api --example open_timing -- NOTEBOOK ARTICLE_ID [RUNS]`

use attest_api::Api;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, notebook, id, rest @ ..] = args.as_slice() else {
        return Err("usage: open_timing NOTEBOOK ARTICLE_ID [RUNS]".into());
    };
    let id: i64 = id.parse()?;
    let runs: usize = rest.first().map_or(Ok(5), |r| r.parse())?;
    let mut api = Api::open_for_app(std::path::Path::new(notebook))?;
    for run in 0..runs {
        let t = Instant::now();
        let view = api.open_article(id)?;
        let opened = t.elapsed();
        let json = serde_json::to_string(&view)?;
        if let Ok(dump) = std::env::var("OPEN_TIMING_DUMP") {
            std::fs::write(dump, &json)?;
        }
        let t2 = Instant::now();
        api.article_view(id)?;
        println!(
            "  article_view alone {:.1} ms",
            t2.elapsed().as_secs_f64() * 1e3
        );
        let t3 = Instant::now();
        let variants = api.article_variants(id)?;
        println!(
            "  article_variants {:.1} ms ({} quotes with variants)",
            t3.elapsed().as_secs_f64() * 1e3,
            variants.len()
        );
        let t4 = Instant::now();
        let actors = api.actor_view(false)?;
        println!(
            "  actors uncounted {:.1} ms ({})",
            t4.elapsed().as_secs_f64() * 1e3,
            actors.len()
        );
        let t4 = Instant::now();
        api.actor_view(true)?;
        println!(
            "  actors counted {:.1} ms",
            t4.elapsed().as_secs_f64() * 1e3
        );
        println!(
            "run {run}: open_article {:.1} ms, JSON {:.1} ms, {} bytes ({} annotations, {} statements, {} mentions, {} paragraphs)",
            opened.as_secs_f64() * 1e3,
            (t.elapsed() - opened).as_secs_f64() * 1e3,
            json.len(),
            view.annotations.len(),
            view.statements.len(),
            view.mentions.len(),
            view.paragraphs.len()
        );
    }
    Ok(())
}
