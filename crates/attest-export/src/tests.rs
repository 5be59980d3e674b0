use super::*;
use attest_core::*;

const TEXT: &str = "Headline-less pull quote\nNews Desk\nBEIJING: Officials met.\n“We stand firmly with <partners> & *friends*,” Wang said.\nMore text.";

fn article() -> Article {
    Article {
        id: 1,
        meta: ArticleMeta {
            byline: Some("News Desk".into()),
            outlet: Some("The Wire_Service".into()),
            published: Some("2026-05-01".into()),
            dateline: Some("BEIJING".into()),
            ..Default::default()
        },
        fallback_title: "Officials met".into(),
        text: TEXT.into(),
        format: SourceFormat::Text,
        source_name: "article.txt".into(),
        imported_at: "2026-05-02T00:00:00Z".into(),
    }
}

fn anchor_of(needle: &str) -> Anchor {
    text::anchor(TEXT, text::find(TEXT, needle).unwrap()).unwrap()
}

fn statement(id: i64, needle: &str, kind: StatementKind) -> Statement {
    Statement {
        id,
        article_id: 1,
        article_title: "Officials met".into(),
        speakers: vec![ActorRef {
            id: 1,
            name: "Wang Yi".into(),
        }],
        speaker_mention: None,
        cue: None,
        content: vec![anchor_of(needle)],
        kind,
        status: StatementStatus::Accepted,
        created_at: "2026-05-02T00:00:00Z".into(),
    }
}

fn dossier(items: Vec<DossierItem>) -> DossierDetail {
    DossierDetail {
        dossier: Dossier {
            id: 1,
            title: "China & Pakistan: *ties*".into(),
            description: "What Beijing said.\n\nSecond paragraph.".into(),
            item_count: items.len() as u32,
            created_at: "2026-05-02T00:00:00Z".into(),
        },
        items,
    }
}

fn item(id: i64, entry: DossierEntry, commentary: &str) -> DossierItem {
    DossierItem {
        id,
        position: id as u32,
        entry,
        commentary: commentary.into(),
    }
}

#[test]
fn compiles_quotes_with_citations_and_commentary() {
    let articles = Articles::from([(1, article())]);
    let d = dossier(vec![
        item(
            1,
            DossierEntry::Statement {
                statement: statement(
                    1,
                    "We stand firmly with <partners> & *friends*",
                    StatementKind::Direct,
                ),
            },
            "The strongest line of the visit.",
        ),
        item(
            2,
            DossierEntry::Annotation {
                annotation: Annotation {
                    id: 1,
                    article_id: 1,
                    anchor: anchor_of("Officials met."),
                    note: "Who met whom?".into(),
                    created_at: "x".into(),
                },
                article_title: "Officials met".into(),
            },
            "",
        ),
        item(
            3,
            DossierEntry::Commentary,
            "- a closing thought_with underscores",
        ),
        item(4, DossierEntry::Missing, ""),
    ]);
    insta::assert_snapshot!(markdown(&d, &articles));
}

#[test]
fn a_quote_survives_markdown_rendering_verbatim() {
    let articles = Articles::from([(1, article())]);
    let exact = "We stand firmly with <partners> & *friends*";
    let d = dossier(vec![item(
        1,
        DossierEntry::Statement {
            statement: statement(1, exact, StatementKind::Indirect),
        },
        "",
    )]);
    let md = markdown(&d, &articles);
    let line = md.lines().find(|l| l.starts_with("> We")).unwrap();
    let unescaped: String = {
        let mut out = String::new();
        let mut chars = line[2..].chars();
        while let Some(c) = chars.next() {
            out.push(if c == '\\' { chars.next().unwrap() } else { c });
        }
        out
    };
    assert_eq!(unescaped, exact);
    assert!(md.contains("¶4"), "{md}");
}

#[test]
fn empty_dossier_and_deleted_article_say_so() {
    let md = markdown(&dossier(vec![]), &Articles::new());
    assert!(md.contains("no items yet"));
    let d = dossier(vec![item(
        1,
        DossierEntry::Statement {
            statement: statement(1, "Officials met", StatementKind::Indirect),
        },
        "",
    )]);
    let md = markdown(&d, &Articles::new());
    assert!(md.contains("no longer in the notebook"), "{md}");
}
