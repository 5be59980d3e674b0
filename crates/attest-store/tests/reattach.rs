//! Replacing an article's text on real notebook files: anchors re-attached (kept, moved,
//! needing review), the rest of the article's derived data brought up to date, review
//! and resolution, and tags on highlights.

use attest_core::*;
use attest_store::{Notebook, SourceFile, StoreError, TextReplacement};
use common::insert_text;

mod common;

const OLD: &str = "Officials met in Islamabad on Monday.\n\
“China stands firmly with Pakistan,” Wang Yi said after the talks.\n\
The corridor will be finished next year, the ministry added.\n\
Analysts doubted the timetable.";

/// The corrected file: a dateline paragraph first, a typo fixed in the quote's
/// sentence, and the analysts' paragraph gone.
const NEW: &str = "ISLAMABAD (Staff) — updated at 18:00.\n\
Officials met in Islamabad on Monday.\n\
“China stands firmly with Pakistan,” Wang Yi said after the talks.\n\
The corridor will be finished next year, the ministry added.";

fn notebook() -> (tempfile::TempDir, Notebook) {
    let dir = tempfile::tempdir().unwrap();
    let nb = Notebook::open(dir.path().join("n.attest")).unwrap();
    (dir, nb)
}

fn span(text: &str, needle: &str) -> Span {
    text::find(text, needle).unwrap_or_else(|| panic!("{needle:?} not in text"))
}

fn plain(text: &str) -> TextReplacement<'_> {
    TextReplacement {
        text,
        meta: None,
        format: None,
        source: None,
    }
}

fn statement(nb: &mut Notebook, article: i64, text: &str, quote: &str, speaker: i64) -> i64 {
    let s = span(text, quote);
    let m = span(text, "Wang Yi");
    let new: NewStatement = serde_json::from_value(serde_json::json!({
        "article_id": article,
        "content": [{"start": s.start, "end": s.end}],
        "speaker_actor_ids": [speaker],
        "speaker_mention": {"start": m.start, "end": m.end},
        "cue": null,
        "kind": "direct",
    }))
    .unwrap();
    nb.add_statement(&new).unwrap().id
}

struct Setup {
    article: i64,
    quote: i64,
    corridor: i64,
    analysts: i64,
    statement: i64,
}

fn setup(nb: &mut Notebook) -> Setup {
    let wang = nb
        .add_actor(&NewActor {
            name: "Wang Yi".into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap()
        .id;
    let article = insert_text(nb, OLD, ArticleMeta::default());
    let quote = nb
        .add_annotation(
            article,
            span(OLD, "China stands firmly with Pakistan"),
            "pull quote",
        )
        .unwrap()
        .id;
    let corridor = nb
        .add_annotation(article, span(OLD, "finished next year"), "date?")
        .unwrap()
        .id;
    let analysts = nb
        .add_annotation(
            article,
            span(OLD, "Analysts doubted the timetable."),
            "sceptics",
        )
        .unwrap()
        .id;
    let statement = statement(nb, article, OLD, "China stands firmly with Pakistan", wang);
    Setup {
        article,
        quote,
        corridor,
        analysts,
        statement,
    }
}

#[test]
fn replacing_the_text_reattaches_every_anchor_and_flags_the_lost_one() {
    let (dir, mut nb) = notebook();
    let s = setup(&mut nb);
    let report = nb.replace_article_text(s.article, &plain(NEW)).unwrap();
    // Highlights: quote and corridor moved; analysts gone. Statement: content and speaker
    // moved.
    assert_eq!(
        (report.kept, report.moved, report.needs_review),
        (0, 4, 1),
        "{report:?}"
    );
    assert_eq!(report.review.len(), 1);
    assert_eq!(
        report.review[0].target,
        AnchorTarget::Annotation { id: s.analysts }
    );
    assert_eq!(
        report.review[0].anchor.exact,
        "Analysts doubted the timetable."
    );
    assert_eq!(report.review[0].label, "sceptics");

    let quote = nb.annotation(s.quote).unwrap();
    assert_eq!(quote.anchor_status, AnchorStatus::Moved);
    assert_eq!(
        quote.anchor.span(),
        span(NEW, "China stands firmly with Pakistan")
    );
    // Fresh context from the new text.
    assert!(quote.anchor.prefix.ends_with("Monday.\n“"));
    let lost = nb.annotation(s.analysts).unwrap();
    assert_eq!(lost.anchor_status, AnchorStatus::NeedsReview);
    assert!(lost.anchor_score < attest_core::anchoring::REVIEW_THRESHOLD);
    assert!(lost.anchor.end as usize <= NEW.chars().count());

    let st = nb.statement(s.statement).unwrap();
    assert_eq!(st.anchor_status, AnchorStatus::Moved);
    assert_eq!(
        st.content[0].span(),
        span(NEW, "China stands firmly with Pakistan")
    );
    assert_eq!(st.speaker_mention.unwrap().span(), span(NEW, "Wang Yi"));

    // The text, its index, hash, mentions and near-duplicates follow.
    assert_eq!(nb.article(s.article).unwrap().text, NEW);
    let hits = |nb: &Notebook, q: &str| -> Vec<i64> {
        nb.search_articles(q)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect()
    };
    assert!(hits(&nb, "timetable").is_empty());
    assert!(hits(&nb, "updated").contains(&s.article));
    let mentions = nb.mentions(s.article).unwrap();
    assert_eq!(mentions.len(), 1);
    assert_eq!(report.mentions, 1);
    assert_eq!((mentions[0].start, mentions[0].end), {
        let m = span(NEW, "Wang Yi");
        (m.start, m.end)
    });
    // The old text is no longer this article's: importing it again adds an article.
    insert_text(&mut nb, OLD, ArticleMeta::default());

    // Statuses are stored, not computed.
    drop(nb);
    let nb = Notebook::open(dir.path().join("n.attest")).unwrap();
    assert_eq!(
        nb.annotation(s.analysts).unwrap().anchor_status,
        AnchorStatus::NeedsReview
    );
    assert_eq!(nb.anchors_needing_review(None).unwrap().len(), 1);
    common::assert_healthy(&dir.path().join("n.attest"));
}

#[test]
fn the_same_text_keeps_everything_in_place() {
    let (_dir, mut nb) = notebook();
    let s = setup(&mut nb);
    let before = nb.annotations(s.article).unwrap();
    // White space changes only: the same content hash, a new text.
    let reflowed = OLD.replace('\n', "\n\n");
    let report = nb
        .replace_article_text(s.article, &plain(&reflowed))
        .unwrap();
    assert_eq!(report.needs_review, 0, "{report:?}");
    let after = nb.annotations(s.article).unwrap();
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.anchor.exact, a.anchor.exact);
    }
    let report = nb
        .replace_article_text(s.article, &plain(&reflowed))
        .unwrap();
    assert_eq!((report.kept, report.moved, report.needs_review), (5, 0, 0));
}

#[test]
fn resolving_confirms_the_proposed_place_or_the_analysts_choice() {
    let (_dir, mut nb) = notebook();
    let s = setup(&mut nb);
    // Both highlighted sentences rewritten beyond recognition.
    let new = "ISLAMABAD — Officials met on Monday.\n\
               Beijing's envoy repeated support for Pakistan.\n\
               Work on the corridor continues.";
    let report = nb.replace_article_text(s.article, &plain(new)).unwrap();
    assert!(report.needs_review >= 3, "{report:?}");
    let review = nb.anchors_needing_review(Some(s.article)).unwrap();
    assert_eq!(review.len() as u32, report.needs_review);
    for r in &review {
        let chars: Vec<char> = new.chars().collect();
        let proposed: String = chars[r.anchor.start as usize..r.anchor.end as usize]
            .iter()
            .collect();
        assert_eq!(r.proposed_text, proposed);
    }

    // The analyst chooses the words for the corridor highlight…
    let choice = span(new, "continues");
    nb.resolve_anchor(&AnchorTarget::Annotation { id: s.corridor }, Some(choice))
        .unwrap();
    let c = nb.annotation(s.corridor).unwrap();
    assert_eq!(c.anchor_status, AnchorStatus::Ok);
    assert_eq!(c.anchor.exact, "continues");
    assert!(c
        .anchor
        .prefix
        .ends_with("Pakistan.\nWork on the corridor "));
    assert_eq!(c.note, "date?");
    // … and accepts the proposed place for the statement's content.
    let content = AnchorTarget::StatementSpan {
        statement_id: s.statement,
        role: "content".into(),
        ord: 0,
    };
    if review.iter().any(|r| r.target == content) {
        nb.resolve_anchor(&content, None).unwrap();
        let st = nb.statement(s.statement).unwrap();
        assert_eq!(st.content[0].exact, {
            let r = review.iter().find(|r| r.target == content).unwrap();
            r.proposed_text.clone()
        });
    }
    let left = nb.anchors_needing_review(Some(s.article)).unwrap();
    assert!(left
        .iter()
        .all(|r| r.target != AnchorTarget::Annotation { id: s.corridor }));
    assert!(left.iter().all(|r| r.target != content));
    // A bad choice is refused with the reason.
    let err = nb
        .resolve_anchor(
            &AnchorTarget::Annotation { id: s.quote },
            Some(Span {
                start: 5,
                end: 5000,
            }),
        )
        .unwrap_err();
    assert!(err.to_string().contains("runs past the end"), "{err}");
    let _ = s.quote;
}

#[test]
fn a_text_already_in_the_notebook_or_an_empty_one_is_refused_and_nothing_changes() {
    let (_dir, mut nb) = notebook();
    let s = setup(&mut nb);
    let other = insert_text(&mut nb, NEW, ArticleMeta::default());
    let err = nb.replace_article_text(s.article, &plain(NEW)).unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(m) if m.contains(&format!("article {other}"))),
        "{err}"
    );
    assert!(nb.replace_article_text(s.article, &plain("  \n")).is_err());
    assert_eq!(nb.article(s.article).unwrap().text, OLD);
    assert!(nb.anchors_needing_review(None).unwrap().is_empty());
    assert!(matches!(
        nb.replace_article_text(999, &plain("Some text.")),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn the_source_file_and_metadata_are_replaced_when_given() {
    let (_dir, mut nb) = notebook();
    let s = setup(&mut nb);
    let meta = ArticleMeta {
        title: Some("Talks in Islamabad".into()),
        outlet: Some("The Staff".into()),
        ..Default::default()
    };
    nb.replace_article_text(
        s.article,
        &TextReplacement {
            text: NEW,
            meta: Some(&meta),
            format: Some(SourceFormat::Markdown),
            source: Some(SourceFile {
                name: "talks.md",
                path: "/tmp/talks.md",
                bytes: NEW.as_bytes(),
                sha256: "11",
            }),
        },
    )
    .unwrap();
    let a = nb.article(s.article).unwrap();
    assert_eq!(a.meta.title.as_deref(), Some("Talks in Islamabad"));
    assert_eq!(a.format, SourceFormat::Markdown);
    assert_eq!(a.source_name, "talks.md");
    assert_eq!(nb.article_source(s.article).unwrap(), NEW.as_bytes());
}

#[test]
fn tags_form_a_hierarchy_with_colours() {
    let (dir, mut nb) = notebook();
    let s = setup(&mut nb);
    let trade = nb.create_tag(" Economy / Trade ", Some("#C0392B")).unwrap();
    assert_eq!(trade.path, "Economy/Trade");
    assert_eq!(trade.colour.as_deref(), Some("#c0392b"));
    let paths: Vec<String> = nb.tags().unwrap().into_iter().map(|t| t.tag.path).collect();
    assert_eq!(paths, ["Economy", "Economy/Trade"]);
    // Creating again returns the same tag, case aside.
    assert_eq!(nb.create_tag("economy/trade", None).unwrap().id, trade.id);
    assert!(nb.create_tag("x", Some("red; x: url(y)")).is_err());

    let a = nb
        .set_annotation_tags(s.quote, &["Economy/Trade".into(), "Security/Border".into()])
        .unwrap();
    let tags: Vec<&str> = a.tags.iter().map(|t| t.path.as_str()).collect();
    assert_eq!(tags, ["Economy/Trade", "Security/Border"]);
    nb.set_annotation_tags(s.corridor, &["Economy/Trade".into()])
        .unwrap();
    let counts: Vec<(String, u32)> = nb
        .tags()
        .unwrap()
        .into_iter()
        .map(|t| (t.tag.path, t.annotations))
        .collect();
    assert_eq!(
        counts,
        [
            ("Economy".to_string(), 0),
            ("Economy/Trade".to_string(), 2),
            ("Security".to_string(), 0),
            ("Security/Border".to_string(), 1)
        ]
    );

    // Renaming a parent carries its children; a clash is refused.
    let economy = nb.tags().unwrap()[0].tag.id;
    nb.rename_tag(economy, "Policy/Economics").unwrap();
    assert_eq!(nb.tag(trade.id).unwrap().path, "Policy/Economics/Trade");
    assert_eq!(
        nb.annotation(s.corridor).unwrap().tags[0].path,
        "Policy/Economics/Trade"
    );
    let security = nb
        .tags()
        .unwrap()
        .into_iter()
        .find(|t| t.tag.path == "Security")
        .unwrap()
        .tag
        .id;
    let err = nb.rename_tag(security, "policy/economics").unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert!(nb
        .rename_tag(economy, "Policy/Economics/Trade/Sub")
        .is_err());
    nb.set_tag_colour(trade.id, None).unwrap();
    assert_eq!(nb.tag(trade.id).unwrap().colour, None);

    // Deleting a parent deletes its children; highlights only lose the tags.
    nb.delete_tag(security).unwrap();
    let a = nb.annotation(s.quote).unwrap();
    assert_eq!(a.tags.len(), 1);
    assert_eq!(a.note, "pull quote");
    let paths: Vec<String> = nb.tags().unwrap().into_iter().map(|t| t.tag.path).collect();
    assert_eq!(
        paths,
        ["Policy", "Policy/Economics", "Policy/Economics/Trade"]
    );
    // Tags go with their highlight.
    nb.set_annotation_tags(s.analysts, &["Sceptics".into()])
        .unwrap();
    nb.set_annotation_tags(s.analysts, &[]).unwrap();
    assert!(nb.annotation(s.analysts).unwrap().tags.is_empty());
    common::assert_healthy(&dir.path().join("n.attest"));
}

fn words(seed: u32, n: usize) -> String {
    (0..n)
        .map(|i| format!("w{}", (seed * 7919 + i as u32 * 104_729) % 100_003))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn near_duplicate_links_follow_the_new_text() {
    let (_dir, mut nb) = notebook();
    let x = words(1, 80);
    let y = words(2, 80);
    let a = insert_text(&mut nb, &x, ArticleMeta::default());
    let b = insert_text(&mut nb, &format!("{x} w1 w2 w3"), ArticleMeta::default());
    let c = insert_text(&mut nb, &y, ArticleMeta::default());
    let related = |nb: &Notebook, id: i64| -> Vec<i64> {
        nb.related_articles(id)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(related(&nb, a), [b]);
    nb.replace_article_text(a, &plain(&format!("{y} w4 w5 w6")))
        .unwrap();
    assert_eq!(related(&nb, a), [c]);
    assert!(related(&nb, b).is_empty());
    // The band index holds the new keys: a later import like the new text finds it.
    let d = insert_text(&mut nb, &format!("{y} w7 w8"), ArticleMeta::default());
    let mut found = related(&nb, d);
    found.sort();
    assert_eq!(found, [a, c]);
}
