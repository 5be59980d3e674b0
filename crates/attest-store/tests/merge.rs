//! Merging another notebook into this one, on real files: articles matched by text,
//! actors by name and alias (conflicts decided by the analyst), statements, annotations
//! and dossiers carried over pointing at the right things — and the other notebook
//! never written.

mod common;
#[path = "fixtures/spec.rs"]
mod spec;

use attest_core::similarity::ArticleKeys;
use attest_core::{
    text, ActorDecision, ActorKind, ActorProposal, Anchor, ArticleDraft, ArticleMeta, DossierEntry,
    DossierQuery, MergeReport, NewActor, NewStatement, SnapshotReason, SourceFormat, Span,
    StatementFilter,
};
use attest_store::{InsertOutcome, Notebook, SourceFile, StoreError, SCHEMA_VERSION};
use common::*;
use std::path::{Path, PathBuf};

/// Our article as the target notebook holds it.
const MINE: &str = "Head line\nBEIJING: “We stand firmly,” Wang said.\n\nTalks resume on Monday.";
/// The same words, laid out with other white space, as the other notebook holds it.
const THEIRS: &str =
    "Head line\r\n\r\nBEIJING:  “We stand firmly,”\nWang said. \nTalks resume\ton Monday.\n";
/// An article only the other notebook holds.
const MOSCOW: &str = "Москва — «Мы против», заявил министр Lavrov.\n\nΚαλημέρα 🌍 café.";

fn add_article(nb: &mut Notebook, text: &str, title: &str, file: &str) -> i64 {
    let draft = ArticleDraft {
        meta: ArticleMeta {
            title: Some(title.into()),
            outlet: Some(format!("{title} Times")),
            ..ArticleMeta::default()
        },
        text: text.into(),
        fallback_title: title.into(),
        format: SourceFormat::Text,
        warnings: vec![],
    };
    let bytes = format!("original bytes of {file}");
    let source = SourceFile {
        name: file,
        path: file,
        bytes: bytes.as_bytes(),
        sha256: "sha",
    };
    match nb
        .insert_article(&draft, &source, &ArticleKeys::of(text))
        .unwrap()
    {
        InsertOutcome::Inserted { id, .. } => id,
        other => panic!("{other:?}"),
    }
}

fn actor(nb: &mut Notebook, name: &str, kind: ActorKind, aliases: &[&str]) -> i64 {
    nb.add_actor(&NewActor {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    })
    .unwrap()
    .id
}

fn span(text: &str, needle: &str) -> Span {
    text::find(text, needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"))
}

fn statement(nb: &mut Notebook, article: i64, text: &str, quote: &str, speakers: &[i64]) -> i64 {
    nb.add_statement(&NewStatement {
        speaker_actor_ids: speakers.to_vec(),
        cue: text::find(text, "said"),
        topics: vec!["trade".into()],
        ..NewStatement::direct(article, vec![span(text, quote)])
    })
    .unwrap()
    .id
}

/// Our notebook: the article, four actors, a statement, a passage and a dossier.
struct Mine {
    path: PathBuf,
    wang_yi: i64,
    wang_wenbin: i64,
    xinhua: i64,
}

fn mine(dir: &Path) -> Mine {
    let path = dir.join("mine.attest");
    let mut nb = Notebook::open(&path).unwrap();
    let article = add_article(&mut nb, MINE, "Ministers meet", "mine.txt");
    let wang_yi = actor(&mut nb, "Wang Yi", ActorKind::Person, &["Wang"]);
    let wang_wenbin = actor(&mut nb, "Wang Wenbin", ActorKind::Person, &["Wang"]);
    let xinhua = actor(&mut nb, "Xinhua", ActorKind::MediaOutlet, &[]);
    actor(&mut nb, "China", ActorKind::State, &["Beijing"]);
    let s = statement(&mut nb, article, MINE, "We stand firmly", &[wang_yi]);
    nb.add_annotation(article, span(MINE, "Talks resume on Monday"), "mine")
        .unwrap();
    let d = nb.create_dossier("Trade talks", "ours").unwrap();
    nb.add_statements_to_dossier(d.id, &[s]).unwrap();
    Mine {
        path,
        wang_yi,
        wang_wenbin,
        xinhua,
    }
}

/// The other notebook's actor ids.
struct Theirs {
    path: PathBuf,
    wang: i64,
    xinhua: i64,
}

/// The other analyst's notebook: the same article laid out differently (and stored
/// second, so ids differ), an article of its own, overlapping and new actors.
fn theirs(dir: &Path) -> Theirs {
    let path = dir.join("theirs.attest");
    let mut nb = Notebook::open(&path).unwrap();
    let moscow = add_article(&mut nb, MOSCOW, "Москва", "moscow.html");
    let article = add_article(&mut nb, THEIRS, "Ministers meet (copy)", "theirs.txt");
    let lavrov = actor(&mut nb, "Sergei Lavrov", ActorKind::Person, &["Lavrov"]);
    let wang = actor(&mut nb, "Wang", ActorKind::Person, &[]);
    let xinhua = actor(&mut nb, "Xinhua", ActorKind::Organization, &["New China"]);
    let wang_yi = actor(
        &mut nb,
        "wang  yi",
        ActorKind::Person,
        &["Foreign Minister Wang"],
    );
    // The same statement as ours: skipped.
    let same = statement(&mut nb, article, THEIRS, "We stand firmly", &[wang_yi]);
    let talks = statement(&mut nb, article, THEIRS, "Talks resume\ton Monday", &[wang]);
    let outlet = statement(&mut nb, article, THEIRS, "Wang said.", &[xinhua]);
    let against = statement(&mut nb, moscow, MOSCOW, "Мы против", &[lavrov]);
    let gone = statement(&mut nb, moscow, MOSCOW, "Καλημέρα", &[lavrov]);
    // The same passage and note as ours (skipped), and new ones.
    nb.add_annotation(article, span(THEIRS, "Talks resume\ton Monday"), "mine")
        .unwrap();
    nb.add_annotation(article, span(THEIRS, "BEIJING:  “We"), "dateline")
        .unwrap();
    let greek = nb
        .add_annotation(moscow, span(MOSCOW, "Καλημέρα 🌍"), "greek")
        .unwrap();

    let trade = nb.create_dossier("Trade talks", "theirs").unwrap();
    nb.add_statements_to_dossier(trade.id, &[same, talks, outlet])
        .unwrap();
    let d = nb.create_dossier("Moscow", "what Moscow says").unwrap();
    nb.add_section_to_dossier(d.id, "Foreign ministry").unwrap();
    nb.add_statements_to_dossier(d.id, &[against, gone])
        .unwrap();
    nb.add_annotation_to_dossier(d.id, greek.id).unwrap();
    nb.add_article_to_dossier(d.id, moscow).unwrap();
    nb.add_commentary_to_dossier(d.id, "closing words").unwrap();
    let detail = nb.dossier_detail(d.id).unwrap();
    nb.set_item_commentary(detail.items[1].id, "the key line")
        .unwrap();
    nb.delete_statement(gone).unwrap();
    nb.create_query_dossier(
        "Lavrov said",
        "",
        &DossierQuery {
            actor_id: Some(lavrov),
            ..DossierQuery::default()
        },
    )
    .unwrap();
    Theirs { path, wang, xinhua }
}

fn decisions(m: &Mine, t: &Theirs) -> Vec<ActorDecision> {
    vec![
        ActorDecision {
            source_id: t.wang,
            target_id: Some(m.wang_wenbin),
        },
        ActorDecision {
            source_id: t.xinhua,
            target_id: None,
        },
    ]
}

/// Every anchor of the notebook holds the text it says, in the article it is in.
fn assert_anchors_hold(nb: &Notebook) {
    let check = |article: i64, a: &Anchor| {
        let text = nb.article(article).unwrap().text;
        assert_eq!(text::slice(&text, a.span()).unwrap(), a.exact);
        assert_eq!(text::anchor(&text, a.span()).unwrap(), *a);
    };
    for s in nb.statements(&StatementFilter::default()).unwrap() {
        for a in s.content.iter().chain(&s.speaker_mention).chain(&s.cue) {
            check(s.article_id, a);
        }
    }
    for a in nb.articles().unwrap() {
        for ann in nb.annotations(a.id).unwrap() {
            check(a.id, &ann.anchor);
        }
    }
}

fn side_files(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| PathBuf::from(format!("{}{s}", path.display())))
        .filter(|p| p.exists())
        .collect()
}

#[test]
fn the_plan_proposes_and_the_merge_carries_everything_over() {
    let dir = tempfile::tempdir().unwrap();
    let m = mine(dir.path());
    let t = theirs(dir.path());
    let before = std::fs::read(&t.path).unwrap();
    assert_eq!(side_files(&t.path), Vec::<PathBuf>::new());

    let mut nb = Notebook::open(&m.path).unwrap();
    let plan = nb.merge_plan(&t.path).unwrap();
    assert_eq!(plan.source, t.path.display().to_string());
    assert_eq!((plan.articles_new, plan.articles_existing), (1, 1));
    assert_eq!(
        (plan.statements, plan.annotations, plan.dossiers),
        (4, 3, 3)
    );
    let proposals: Vec<(&str, &ActorProposal, Vec<&str>)> = plan
        .actors
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                &a.proposal,
                a.candidates.iter().map(|c| c.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        proposals,
        [
            ("Sergei Lavrov", &ActorProposal::New, vec![]),
            (
                "Wang",
                &ActorProposal::Conflict,
                vec!["Wang Wenbin", "Wang Yi"]
            ),
            (
                "wang  yi",
                &ActorProposal::Same {
                    target_id: m.wang_yi
                },
                vec!["Wang Yi"]
            ),
            ("Xinhua", &ActorProposal::Conflict, vec!["Xinhua"]),
        ]
    );

    let report = nb.merge(&t.path, &decisions(&m, &t)).unwrap();
    let snapshot = report.snapshot.clone().expect("a snapshot before merging");
    assert_eq!(snapshot.reason, SnapshotReason::Merge);
    assert!(snapshot.path.is_file());
    assert_eq!(
        MergeReport {
            snapshot: None,
            ..report
        },
        MergeReport {
            articles_added: 1,
            articles_existing: 1,
            actors_added: 2,
            actors_matched: 2,
            statements_added: 3,
            statements_skipped: 1,
            annotations_added: 2,
            annotations_skipped: 1,
            dossiers_added: 3,
            dossiers_skipped: 0,
            snapshot: None,
        }
    );

    // The other notebook: not a byte changed, nothing left beside it.
    assert_eq!(std::fs::read(&t.path).unwrap(), before);
    assert_eq!(side_files(&t.path), Vec::<PathBuf>::new());

    // Articles: ours kept as it is, theirs added with its metadata and source file.
    assert_eq!(nb.article_count().unwrap(), 2);
    assert_eq!(nb.article(1).unwrap().text, MINE);
    let moscow = nb.article(2).unwrap();
    assert_eq!(moscow.text, MOSCOW);
    assert_eq!(moscow.meta.title.as_deref(), Some("Москва"));
    assert_eq!(moscow.meta.outlet.as_deref(), Some("Москва Times"));
    assert_eq!(moscow.source_name, "moscow.html");
    assert_eq!(
        nb.article_source(2).unwrap(),
        b"original bytes of moscow.html"
    );
    assert_eq!(nb.search_articles("Москва").unwrap().len(), 1, "indexed");
    assert_anchors_hold(&nb);

    // Actors: matched ones gained the names they did not have; new ones are added,
    // a kept-apart one renamed after the other notebook.
    let wang_yi = nb.actor(m.wang_yi).unwrap();
    assert_eq!(wang_yi.aliases, ["Wang", "Foreign Minister Wang"]);
    assert_eq!(nb.actor(m.wang_wenbin).unwrap().aliases, ["Wang"]);
    let lavrov = nb.find_actor("Sergei Lavrov").unwrap().unwrap();
    assert_eq!(lavrov.aliases, ["Lavrov"]);
    let copy = nb.find_actor("Xinhua (theirs)").unwrap().unwrap();
    assert_eq!(copy.kind, ActorKind::Organization);
    assert_eq!(copy.aliases, ["Xinhua", "New China"]);
    assert_eq!(nb.actor(m.xinhua).unwrap().kind, ActorKind::MediaOutlet);
    assert_eq!(nb.actors().unwrap().len(), 6);

    // Statements re-anchored in our text, with the right speakers.
    let on_ours = nb
        .statements(&StatementFilter {
            article_id: Some(1),
            actor_id: None,
        })
        .unwrap();
    let got: Vec<(String, Vec<i64>, Option<String>)> = on_ours
        .iter()
        .map(|s| {
            (
                s.quote(),
                s.speakers.iter().map(|a| a.id).collect(),
                s.cue.as_ref().map(|c| c.exact.clone()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "We stand firmly".into(),
                vec![m.wang_yi],
                Some("said".into())
            ),
            ("Wang said.".into(), vec![copy.id], Some("said".into())),
            (
                "Talks resume on Monday".into(),
                vec![m.wang_wenbin],
                Some("said".into())
            ),
        ]
    );
    assert_eq!(on_ours[1].topics, ["trade"]);
    let against = &nb
        .statements(&StatementFilter {
            article_id: Some(2),
            actor_id: None,
        })
        .unwrap()[0];
    assert_eq!(against.quote(), "Мы против");
    assert_eq!(against.speakers[0].id, lavrov.id);

    // Annotations: ours, and their two new ones.
    let notes: Vec<(String, String)> = nb
        .annotations(1)
        .unwrap()
        .into_iter()
        .map(|a| (a.anchor.exact, a.note))
        .collect();
    assert_eq!(
        notes,
        [
            ("BEIJING: “We".to_string(), "dateline".to_string()),
            ("Talks resume on Monday".into(), "mine".into()),
        ]
    );

    // Dossiers: a title taken by another dossier gets the other notebook's name.
    let titles: Vec<String> = nb
        .dossiers()
        .unwrap()
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Trade talks",
            "Trade talks (from theirs)",
            "Moscow",
            "Lavrov said"
        ]
    );
    let trade = nb.find_dossier("Trade talks (from theirs)").unwrap();
    let quotes: Vec<String> = nb
        .dossier_detail(trade.id)
        .unwrap()
        .items
        .iter()
        .map(|i| match &i.entry {
            DossierEntry::Statement { statement } => statement.quote(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        quotes,
        ["We stand firmly", "Talks resume on Monday", "Wang said."]
    );
    let moscow_dossier = nb.find_dossier("Moscow").unwrap();
    let detail = nb.dossier_detail(moscow_dossier.id).unwrap();
    assert_eq!(detail.dossier.description, "what Moscow says");
    let items: Vec<(String, &str)> = detail
        .items
        .iter()
        .map(|i| {
            let what = match &i.entry {
                DossierEntry::Section { title } => format!("section {title}"),
                DossierEntry::Statement { statement } => format!("statement {}", statement.quote()),
                DossierEntry::Annotation { annotation, .. } => {
                    assert_eq!(annotation.article_id, 2);
                    format!("annotation {}", annotation.anchor.exact)
                }
                DossierEntry::Article { article } => format!("article #{}", article.id),
                DossierEntry::Commentary => "commentary".into(),
                DossierEntry::Missing => "missing".into(),
            };
            (what, i.commentary.as_str())
        })
        .collect();
    assert_eq!(
        items,
        [
            ("section Foreign ministry".to_string(), ""),
            ("statement Мы против".into(), "the key line"),
            ("missing".into(), ""),
            ("annotation Καλημέρα 🌍".into(), ""),
            ("article #2".into(), ""),
            ("commentary".into(), "closing words"),
        ]
    );
    let saved = nb.find_dossier("Lavrov said").unwrap();
    assert_eq!(saved.query.as_ref().unwrap().actor_id, Some(lavrov.id));
    assert_eq!(saved.item_count, 1);
    drop(nb);
    assert_healthy(&m.path);

    // Merging the same notebook again adds nothing. The alias-only match still needs
    // its decision; the kept-apart copy is recognised.
    let mut nb = Notebook::open(&m.path).unwrap();
    let plan = nb.merge_plan(&t.path).unwrap();
    assert_eq!((plan.articles_new, plan.articles_existing), (0, 2));
    let xinhua = plan.actors.iter().find(|a| a.name == "Xinhua").unwrap();
    assert_eq!(xinhua.proposal, ActorProposal::Same { target_id: copy.id });
    let again = nb.merge(&t.path, &decisions(&m, &t)[..1]).unwrap();
    assert_eq!(
        MergeReport {
            snapshot: None,
            ..again
        },
        MergeReport {
            articles_added: 0,
            articles_existing: 2,
            actors_added: 0,
            actors_matched: 4,
            statements_added: 0,
            statements_skipped: 4,
            annotations_added: 0,
            annotations_skipped: 3,
            dossiers_added: 0,
            dossiers_skipped: 3,
            snapshot: None,
        }
    );
    // Deciding "keep apart" again reuses the copy too.
    let third = nb.merge(&t.path, &decisions(&m, &t)).unwrap();
    assert_eq!((third.actors_added, third.statements_added), (0, 0));
    assert_eq!(nb.actors().unwrap().len(), 6);
    assert_eq!(nb.dossiers().unwrap().len(), 4);
    assert_eq!(std::fs::read(&t.path).unwrap(), before);
}

#[test]
fn a_merge_that_fails_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let m = mine(dir.path());
    let t = theirs(dir.path());
    let mut nb = Notebook::open(&m.path).unwrap();
    let snapshots = nb.snapshots().unwrap();
    let dump_before = dump(&m.path);

    // Conflicts left undecided: named, with what they match.
    let err = nb.merge(&t.path, &[]).unwrap_err();
    assert!(matches!(err, StoreError::UndecidedActors { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "2 actors need a decision before merging: “Wang” (matches Wang Wenbin, Wang Yi), \
         “Xinhua” (matches Xinhua)"
    );
    // A decision about an actor that is not there.
    let err = nb
        .merge(
            &t.path,
            &[ActorDecision {
                source_id: 99,
                target_id: None,
            }],
        )
        .unwrap_err();
    assert!(err.to_string().contains("no actor with id 99"), "{err}");
    let mut bad_target = decisions(&m, &t);
    bad_target[0].target_id = Some(999);
    let err = nb.merge(&t.path, &bad_target).unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
    assert_eq!(nb.snapshots().unwrap(), snapshots, "no snapshot either");

    // A failure halfway through (a passage of their last article that runs past its
    // end, written behind the app's back): everything written before it is undone.
    {
        let conn = rusqlite::Connection::open(&t.path).unwrap();
        conn.execute(
            "INSERT INTO annotations (article_id, start, end, exact, prefix, suffix, note)
             VALUES (2, 900, 905, 'x', '', '', 'broken')",
            [],
        )
        .unwrap();
    }
    let err = nb.merge(&t.path, &decisions(&m, &t)).unwrap_err();
    assert!(
        err.to_string().contains("cannot be placed in article #1"),
        "{err}"
    );
    assert_eq!(dump(&m.path), dump_before);
    assert_eq!(nb.article_count().unwrap(), 1);
    assert_eq!(nb.actors().unwrap().len(), 4);
}

#[test]
fn a_notebook_cannot_be_merged_into_itself() {
    let dir = tempfile::tempdir().unwrap();
    let m = mine(dir.path());
    let mut nb = Notebook::open(&m.path).unwrap();
    let dump_before = dump(&m.path);
    let other_spelling = dir.path().join(".").join("mine.attest");
    for path in [m.path.clone(), other_spelling] {
        let err = nb.merge(&path, &[]).unwrap_err();
        assert!(
            err.to_string().contains("cannot be merged into itself"),
            "{err}"
        );
        assert!(nb.merge_plan(&path).is_err());
    }
    assert_eq!(dump(&m.path), dump_before);
}

#[test]
fn files_that_are_not_notebooks_are_refused_as_opening_refuses_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut nb = Notebook::open(dir.path().join("mine.attest")).unwrap();

    let missing = dir.path().join("missing.attest");
    let err = nb.merge_plan(&missing).unwrap_err();
    assert!(err.to_string().contains("there is no notebook at"), "{err}");
    assert!(!missing.exists(), "not created");

    let letter = dir.path().join("letter.attest");
    std::fs::write(
        &letter,
        "Dear reader,\nthis is not a notebook.\n".repeat(50),
    )
    .unwrap();
    let err = nb.merge(&letter, &[]).unwrap_err();
    assert!(matches!(err, StoreError::NotANotebook { .. }), "{err:?}");

    let foreign = dir.path().join("foreign.attest");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
        .unwrap();
    let err = nb.merge(&foreign, &[]).unwrap_err();
    assert!(matches!(err, StoreError::NotANotebook { .. }), "{err:?}");

    let newer = copy_fixture(SCHEMA_VERSION, dir.path(), "newer.attest");
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let bytes = std::fs::read(&newer).unwrap();
    let err = nb.merge(&newer, &[]).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { .. }) && err.to_string().contains("update Attest"),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&newer).unwrap(), bytes);
    assert_eq!(side_files(&newer), Vec::<PathBuf>::new());
    assert_eq!(nb.article_count().unwrap(), 0);
}

#[test]
fn notebooks_of_every_older_schema_merge_and_stay_as_they_were() {
    for version in 1..=SCHEMA_VERSION {
        let ctx = format!("v{version}");
        let dir = tempfile::tempdir().unwrap();
        let old = copy_fixture(version, dir.path(), "colleague.attest");
        let before = std::fs::read(&old).unwrap();

        let mut nb = Notebook::open(dir.path().join("mine.attest")).unwrap();
        // Their first article, with other line breaks and spacing.
        let relaid = spec::TEXT_1.replace(": ", ":\n  ").replace("\n\n", "\r\n");
        assert_ne!(relaid, spec::TEXT_1);
        add_article(&mut nb, &relaid, "Ours", "ours.txt");
        let plan = nb.merge_plan(&old).unwrap();
        assert_eq!((plan.articles_new, plan.articles_existing), (1, 1), "{ctx}");
        let report = nb.merge(&old, &[]).unwrap();
        assert_eq!(
            (
                report.articles_added,
                report.actors_added,
                report.statements_added,
                report.annotations_added,
                report.dossiers_added
            ),
            // From v4 the fixture also holds a state.
            (1, if version >= 4 { 2 } else { 1 }, 1, 1, 1),
            "{ctx}"
        );
        assert_eq!(
            std::fs::read(&old).unwrap(),
            before,
            "{ctx}: the fixture changed"
        );
        assert_eq!(side_files(&old), Vec::<PathBuf>::new(), "{ctx}");
        assert_eq!(user_version(&old), version, "{ctx}: not migrated");

        assert_anchors_hold(&nb);
        let statements = nb.statements(&StatementFilter::default()).unwrap();
        assert_eq!(statements[0].quote(), spec::QUOTE, "{ctx}");
        assert_eq!(statements[0].speakers[0].name, spec::ACTOR, "{ctx}");
        assert_eq!(
            nb.find_actor(spec::ALIAS).unwrap().unwrap().name,
            spec::ACTOR
        );
        assert_eq!(nb.article(2).unwrap().text, spec::TEXT_2, "{ctx}");
        assert_eq!(nb.article_source(2).unwrap(), spec::SOURCE_2, "{ctx}");
        let dossier = nb.find_dossier(spec::DOSSIER).unwrap();
        let kinds: Vec<(&str, String)> = nb
            .dossier_detail(dossier.id)
            .unwrap()
            .items
            .iter()
            .map(|i| {
                let kind = match &i.entry {
                    DossierEntry::Statement { .. } => "statement",
                    DossierEntry::Annotation { .. } => "annotation",
                    DossierEntry::Article { article } => {
                        assert_eq!(article.id, 2, "{ctx}");
                        "article"
                    }
                    DossierEntry::Section { .. } => "section",
                    DossierEntry::Commentary => "commentary",
                    DossierEntry::Missing => "missing",
                };
                (kind, i.commentary.clone())
            })
            .collect();
        let expected: Vec<(&str, String)> = spec::dossier_items(version)
            .into_iter()
            .map(|(k, c)| (k, c.to_string()))
            .collect();
        assert_eq!(kinds, expected, "{ctx}");
    }
}
