//! Quote variants through the API: the seed article, imported and read by extraction,
//! has its pull quote and the body's version of it as variants of one statement, with
//! "defending" / "safeguarding" shown as the words that differ.

use attest_api::Api;
use attest_core::variants::DiffKind;
use attest_core::*;
use std::path::PathBuf;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seed")
}

#[test]
fn the_seed_pull_quote_and_body_quote_are_variants() {
    let seed = seed_dir().join("article.txt");
    if !seed.exists() {
        eprintln!("no seed at {}: skipped", seed.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    api.load_gazetteer().unwrap();
    api.add_actor(&NewActor {
        name: "Wang Yi".into(),
        kind: ActorKind::Person,
        aliases: vec!["Wang".into()],
    })
    .unwrap();
    assert_eq!(api.import(&[seed]).len(), 1);
    let proposed = api.suggest_all().unwrap();
    let article = api.articles().unwrap()[0].id;
    let find = |word: &str| {
        proposed
            .iter()
            .find(|s| {
                s.quote()
                    .contains(&format!("Pakistan in {word} its sovereignty"))
            })
            .unwrap_or_else(|| panic!("no proposal quoting “{word}”"))
            .id
    };
    let (pull, body) = (find("defending"), find("safeguarding"));

    let variants = api.statement_variants(pull).unwrap();
    let v = variants
        .iter()
        .find(|v| v.statement_id == body)
        .expect("the body quote is a variant of the pull quote");
    assert!(v.similarity >= attest_core::variants::MIN_SIMILARITY);
    let changed = |kind: DiffKind| -> Vec<&str> {
        v.diff
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.text.as_str())
            .collect()
    };
    assert_eq!(changed(DiffKind::Removed), ["defending"]);
    assert_eq!(changed(DiffKind::Added), ["safeguarding"]);
    assert_eq!(
        v.speakers
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["Wang Yi"]
    );

    let by_article = api.article_variants(article).unwrap();
    assert!(by_article
        .iter()
        .any(|s| s.statement_id == pull && s.variants.iter().any(|v| v.statement_id == body)));

    // The window reads them on a second, read-only connection beside the writer's:
    // the same answer, no writing through it, and an answer nobody waits for is
    // given up.
    let mut reader = Api::open_reader(api.notebook_path()).unwrap();
    assert_eq!(
        reader
            .article_variants_while(article, &|| true)
            .unwrap()
            .unwrap(),
        by_article
    );
    assert_eq!(
        reader.article_variants_while(article, &|| false).unwrap(),
        None
    );
    assert!(
        reader.reject_statement(pull).is_err(),
        "the reader cannot write"
    );
    assert!(api
        .variant_groups()
        .unwrap()
        .iter()
        .any(|g| g.contains(&pull) && g.contains(&body)));

    // Rejecting the body quote leaves the pull quote without variants.
    api.reject_statement(body).unwrap();
    assert!(api
        .statement_variants(pull)
        .unwrap()
        .iter()
        .all(|v| v.statement_id != body));
}
