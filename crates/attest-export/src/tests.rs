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
        stance: None,
        topics: vec![],
        created_at: "2026-05-02T00:00:00Z".into(),

        confidence: None,
        reported_via: None,
        date: None,
        addressees: vec![],
        targets: vec![],
        anchor_status: Default::default(),
    }
}

fn dossier(items: Vec<DossierItem>) -> DossierDetail {
    DossierDetail {
        dossier: Dossier {
            id: 1,
            title: "China & Pakistan: *ties*".into(),
            description: "What Beijing said.\n\nSecond paragraph.".into(),
            item_count: items.len() as u32,
            query: None,
            created_at: "2026-05-02T00:00:00Z".into(),
        },
        items,
    }
}

fn doc(d: &DossierDetail, articles: &Articles) -> Document {
    Document::build(d, articles, &default_citation_style()).unwrap()
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
                    anchor_status: Default::default(),
                    anchor_score: 1.0,
                    tags: vec![],
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
    insta::assert_snapshot!(markdown(&doc(&d, &articles)));
}

/// Every kind of item, for the snapshot of each document format.
fn full_dossier() -> DossierDetail {
    let mut article = article();
    article.meta.url = Some("https://example.org/a?x=1&y=2".into());
    dossier(vec![
        item(
            1,
            DossierEntry::Section {
                title: "Statements & <claims>".into(),
            },
            "",
        ),
        item(
            2,
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
            3,
            DossierEntry::Section {
                title: "Sources".into(),
            },
            "",
        ),
        item(
            4,
            DossierEntry::Article {
                article: ArticleSummary {
                    id: 1,
                    display_title: "Officials met".into(),
                    title_is_fallback: true,
                    byline: None,
                    outlet: None,
                    published: None,
                    source_name: "article.txt".into(),
                    imported_at: "x".into(),
                },
            },
            "",
        ),
        item(
            5,
            DossierEntry::Article {
                article: ArticleSummary {
                    id: 9,
                    display_title: "Deleted one".into(),
                    title_is_fallback: false,
                    byline: None,
                    outlet: None,
                    published: None,
                    source_name: "gone.txt".into(),
                    imported_at: "x".into(),
                },
            },
            "",
        ),
    ])
}

#[test]
fn html_is_self_contained_escaped_and_cites_in_notes() {
    let mut article = article();
    article.meta.url = Some("https://example.org/a?x=1&y=2".into());
    let articles = Articles::from([(1, article)]);
    let html = html(&doc(&full_dossier(), &articles));
    insta::assert_snapshot!(html);
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("src=") && !html.contains("<link"),
        "no external resource"
    );
    assert!(html.contains("We stand firmly with &lt;partners&gt; &amp; *friends*"));
    assert!(html.contains("x=1&amp;y=2"));
}

#[test]
fn sections_and_whole_articles_compile_in_markdown() {
    let articles = Articles::from([(1, article())]);
    let md = markdown(&doc(&full_dossier(), &articles));
    assert!(md.contains("## Statements \\& \\<claims\\>"), "{md}");
    assert!(md.contains("### Officials met[^2]"), "{md}");
    assert!(
        md.contains("BEIJING: Officials met."),
        "the article's text: {md}"
    );
    assert!(
        md.contains("“Deleted one” is no longer in the notebook"),
        "{md}"
    );
    assert!(
        md.contains("[^2]: News Desk, *untitled (article.txt)*, The Wire\\_Service, 2026-05-01."),
        "{md}"
    );
}

#[test]
fn every_built_in_citation_style_renders_every_field() {
    for style in citation_styles() {
        let runs = CitationFormatter::new(&style)
            .unwrap()
            .render(&Citation::sample())
            .unwrap();
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        for field in [
            "Ayesha Siddiqa",
            "Talks resume on the corridor",
            "The Daily Ledger",
            "2026-05-01",
            "3",
            "https://example.org/corridor",
        ] {
            assert!(text.contains(field), "{}: {text}", style.name);
        }
        assert!(
            runs.iter().any(|r| r.italic),
            "{}: something is in italics",
            style.name
        );
    }
}

#[test]
fn missing_fields_leave_no_dangling_punctuation() {
    let bare = Citation {
        byline: None,
        outlet: None,
        published: None,
        url: None,
        dateline: None,
        paragraph: Some(2),
        ..Citation::sample()
    };
    let runs = CitationFormatter::new(&default_citation_style())
        .unwrap()
        .render(&bare)
        .unwrap();
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, "Talks resume on the corridor, ¶2.");
    assert_eq!(
        runs[0],
        Run {
            text: "Talks resume on the corridor".into(),
            italic: true
        }
    );
}

#[test]
fn every_built_in_style_punctuates_a_bare_citation_cleanly() {
    let bare = Citation {
        byline: None,
        outlet: None,
        published: None,
        url: None,
        dateline: None,
        paragraph: None,
        ..Citation::sample()
    };
    for style in citation_styles() {
        for c in [
            &bare,
            &Citation {
                paragraph: Some(4),
                ..bare.clone()
            },
            &Citation::sample(),
        ] {
            let runs = CitationFormatter::new(&style).unwrap().render(c).unwrap();
            let text: String = runs.iter().map(|r| r.text.as_str()).collect();
            for bad in [" .", ",.", ", ,", "..", ",”.", "  "] {
                assert!(!text.contains(bad), "{}: {text:?} has {bad:?}", style.name);
            }
            assert!(
                text.ends_with(['.', '”']) || text.ends_with("corridor"),
                "{}: {text:?}",
                style.name
            );
        }
    }
}

#[test]
fn a_broken_template_is_refused_with_the_reason() {
    let style = CitationStyle {
        name: "custom".into(),
        template: "{{ title | nosuchfilter }}".into(),
    };
    let err = CitationFormatter::new(&style).err().unwrap().to_string();
    assert!(
        err.starts_with("the citation template cannot be used"),
        "{err}"
    );
    let style = CitationStyle {
        name: "custom".into(),
        template: "{% if %}".into(),
    };
    assert!(CitationFormatter::new(&style).is_err());
}

#[test]
fn a_title_cannot_forge_italics() {
    let c = Citation {
        title: Some("Odd \u{E000}title\u{E001}".into()),
        ..Citation::sample()
    };
    let runs = CitationFormatter::new(&default_citation_style())
        .unwrap()
        .render(&c)
        .unwrap();
    assert_eq!(runs.iter().filter(|r| r.italic).count(), 1);
    assert!(runs.iter().any(|r| r.italic && r.text == "Odd title"));
}

#[test]
fn right_to_left_quotes_stay_verbatim() {
    let text = "القاهرة: قال الوزير إن «الحوار هو الطريق الوحيد» للمنطقة.";
    let mut a = article();
    a.text = text.into();
    let articles = Articles::from([(1, a)]);
    let span = text::find(text, "«الحوار هو الطريق الوحيد»").unwrap();
    let mut s = statement(1, "Officials met", StatementKind::Direct);
    s.content = vec![text::anchor(text, span).unwrap()];
    let d = dossier(vec![item(1, DossierEntry::Statement { statement: s }, "")]);
    let document = doc(&d, &articles);
    assert!(markdown(&document).contains("«الحوار هو الطريق الوحيد»"));
    assert!(html(&document).contains("«الحوار هو الطريق الوحيد»"));
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
    let md = markdown(&doc(&d, &articles));
    let line = md.lines().find(|l| l.starts_with("> We")).unwrap();
    let unescaped: String = {
        let mut out = String::new();
        let quote = line[2..].trim_end_matches("[^1]");
        let mut chars = quote.chars();
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
    let md = markdown(&doc(&dossier(vec![]), &Articles::new()));
    assert!(md.contains("no items yet"));
    let d = dossier(vec![item(
        1,
        DossierEntry::Statement {
            statement: statement(1, "Officials met", StatementKind::Indirect),
        },
        "",
    )]);
    let md = markdown(&doc(&d, &Articles::new()));
    assert!(md.contains("no longer in the notebook"), "{md}");
}
