//! The use cases end to end on a real notebook file: the flow the app and the CLI run.

use super::*;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// A new notebook holding the seed article, and that article's id.
fn seed_notebook() -> (tempfile::TempDir, Api, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let reports = api.import(&[repo("../shared/corpus/seed/article.txt")]);
    let ImportOutcome::Imported { article_id, .. } = reports[0].outcome else {
        panic!("{reports:?}")
    };
    (dir, api, article_id)
}

fn span_of(text: &str, needle: &str) -> Span {
    text::find(text, needle).unwrap_or_else(|| panic!("{needle:?} not in text"))
}

#[test]
fn a_drop_with_bad_files_imports_the_good_ones_and_reports_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let binary = dir.path().join("photo.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9").unwrap();
    let huge = dir.path().join("huge.txt");
    // A real 50 MB text file, refused before it is read.
    let line = "The ministry said the talks would resume next week.\n";
    std::fs::write(&huge, line.repeat(50_000_000 / line.len() + 1)).unwrap();

    let good = repo("tests/fixtures/corridor.txt");
    let files = vec![
        empty,
        good.clone(),
        binary,
        latin1,
        huge,
        repo("tests/fixtures/budget-note.md"),
        good,
    ];
    let reports = api.import(&files);
    let statuses: Vec<&str> = reports
        .iter()
        .map(|r| match &r.outcome {
            ImportOutcome::Imported { .. } => "imported",
            ImportOutcome::Related { .. } => "related",
            ImportOutcome::Duplicate { .. } => "duplicate",
            ImportOutcome::Failed { .. } => "failed",
            ImportOutcome::Cancelled => "cancelled",
        })
        .collect();
    assert_eq!(
        statuses,
        [
            "failed",
            "imported",
            "failed",
            "imported",
            "failed",
            "imported",
            "duplicate"
        ]
    );
    let ImportOutcome::Failed { reason } = &reports[4].outcome else {
        panic!()
    };
    assert_eq!(
        reason,
        "the file is 50.0 MB; Attest imports article files up to 20.0 MB"
    );
    assert_eq!(
        api.info().unwrap().article_count,
        3,
        "Latin-1 text is decoded, not refused"
    );
}

#[test]
fn progress_after_each_file_and_cancel_between_batches() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let files = [
        repo("tests/fixtures/corridor.txt"),
        repo("tests/fixtures/budget-note.md"),
        repo("../shared/corpus/seed/article.txt"),
    ];
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut seen = Vec::new();
    let reports = api.import_with(&files, &cancel, |p| {
        seen.push((p.done, p.total));
        // The analyst presses Cancel while the first file is being reported.
        cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    // Files are stored in batches (as many as were read by then): the first batch
    // stays, reported file by file; the files after it are cancelled.
    let stored = seen.len();
    assert!(stored >= 1);
    assert_eq!(
        seen,
        (1..=stored as u32).map(|d| (d, 3)).collect::<Vec<_>>()
    );
    assert!(reports[..stored]
        .iter()
        .all(|r| matches!(r.outcome, ImportOutcome::Imported { .. })));
    assert!(reports[stored..]
        .iter()
        .all(|r| r.outcome == ImportOutcome::Cancelled));
    assert_eq!(
        api.info().unwrap().article_count as usize,
        stored,
        "what was done stays"
    );
}

#[test]
fn seed_statement_into_a_dossier_exported_as_markdown() {
    let (dir, mut api, article_id) = seed_notebook();
    let view = api.article_view(article_id).unwrap();
    let text = &view.article.text;
    let quote = "China stands firmly with Pakistan in safeguarding its sovereignty and territorial integrity";
    let wang = api
        .add_actor(&NewActor {
            name: "Wang Yi".into(),
            kind: ActorKind::Person,
            aliases: vec!["Wang".into()],
        })
        .unwrap();
    let s = api
        .add_statement(&NewStatement {
            speaker_actor_ids: vec![api.actor_named("wang").unwrap().id],
            speaker_mention: Some(span_of(text, "Wang declared")).map(|s| Span {
                end: s.start + 4,
                ..s
            }),
            cue: Some(span_of(text, "declared")),
            ..NewStatement::direct(article_id, vec![span_of(text, quote)])
        })
        .unwrap();
    assert_eq!(s.speakers[0].id, wang.id);
    let d = api.create_dossier("Seed dossier", "").unwrap();
    api.add_to_dossier(d.id, &[s.id]).unwrap();
    let item = api.dossier(d.id).unwrap().items[0].id;
    api.set_item_commentary(d.id, item, "Beijing’s strongest line.")
        .unwrap();

    let out = dir.path().join("seed.md");
    let report = api
        .export_dossier(d.id, ExportFormat::Markdown, &out)
        .unwrap();
    let md = std::fs::read_to_string(&out).unwrap();
    assert_eq!(report.bytes, md.len() as u64);
    assert!(md.contains(&format!("> “{quote}”[^1]")), "{md}");
    assert!(md.contains("— Wang Yi (direct quote)"), "{md}");
    assert!(
        md.contains("[^1]: News Desk, *untitled (article.txt)*, ¶5."),
        "{md}"
    );
    assert!(md.contains("Beijing’s strongest line."));

    let missing = dir.path().join("no-such-dir/x.md");
    let err = api
        .export_dossier(d.id, ExportFormat::Markdown, &missing)
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Io);
}

#[test]
fn errors_reach_the_user_as_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let e = api.article_view(42).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert_eq!(e.message, "no article with id 42");
    let e = api.actor_named("Nobody").unwrap_err();
    assert!(e.message.contains("add it first"));
    let e = api.create_dossier("  ", "").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    let e = api.search_articles("\"open").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    let json = serde_json_value(&e);
    assert_eq!(json["kind"], "invalid");
}

fn serde_json_value(e: &ApiError) -> serde_json::Value {
    serde_json::to_value(e).unwrap()
}

#[test]
fn inspect_reports_without_a_notebook() {
    let records = inspect(&[repo("tests/fixtures/corridor.txt")]).unwrap();
    let rec = &records[0];
    assert!(rec.ok);
    let json = serde_json::to_value(rec).unwrap();
    assert_eq!(json["article"]["byline"], "Staff Reporter");
    assert_eq!(json["article"]["dateline"], "ANKARA");
    assert!(json["article"]["title"].is_null());
    // Proposed statements; a named person not among the actors (only the gazetteer's
    // states here) stays unresolved rather than given to the state before the name.
    let statements = json["statements"].as_array().unwrap();
    assert!(!statements.is_empty());
    for st in statements {
        if st["speaker"]["text"]
            .as_str()
            .is_some_and(|s| s.ends_with("Selin Aydın"))
        {
            assert_eq!(st["actor"], serde_json::Value::Null, "{st}");
        }
    }
    let records = inspect(&[repo("tests/fixtures/nope.txt")]).unwrap();
    let rec = &records[0];
    assert!(
        !rec.ok
            && rec
                .error
                .as_ref()
                .unwrap()
                .starts_with("cannot read the file")
    );
}

/// The same wire story as two outlets print it: another headline and intro, a cut
/// last paragraph, one word changed.
fn wire_story(outlet: &str, intro: &str, last: &str) -> String {
    format!(
        "{outlet}\n\n{intro}\n\nThe corridor between Ankara and Baku will open to freight in the \
         spring after two years of talks over customs rules and rail gauges, Trade Minister Selin \
         Aydın told reporters on Tuesday after meeting her Azerbaijani counterpart.\n\nThe route \
         would cut the journey for goods from the Caspian to the Mediterranean by four days, she \
         said, and the first trains could run in April if the last inspections of the line are \
         finished on time.\n\nBusiness groups welcomed the plan but warned that tariffs on some \
         goods were still unresolved, and that the customs posts at the border were short of \
         staff.{last}\n"
    )
}

#[test]
fn near_duplicates_are_imported_and_linked_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let write = |name: &str, text: String| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let first = write(
        "wire.txt",
        wire_story(
            "Wire Service",
            "ANKARA — A new freight route is near.",
            " More talks are planned.",
        ),
    );
    let second = write(
        "daily.txt",
        wire_story(
            "The Daily",
            "Freight corridor to open in spring, minister says.",
            "",
        ),
    );
    let unrelated = write(
        "bank.txt",
        "The central bank kept its main interest rate unchanged on Thursday and said inflation \
         would ease slowly over the coming year as energy prices fell back from their peak."
            .into(),
    );
    let reports = api.import(&[first, second, unrelated]);
    let ImportOutcome::Imported { article_id: a, .. } = reports[0].outcome else {
        panic!("{reports:?}")
    };
    let ImportOutcome::Related {
        article_id: b,
        ref related,
        ..
    } = reports[1].outcome
    else {
        panic!("{reports:?}")
    };
    assert_eq!(related.id, a);
    assert!(related.similarity >= 0.5, "{}", related.similarity);
    assert!(matches!(reports[2].outcome, ImportOutcome::Imported { .. }));
    assert_eq!(api.info().unwrap().article_count, 3, "nothing dropped");
    let ids = |id| -> Vec<i64> {
        api.article_view(id)
            .unwrap()
            .related
            .iter()
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(ids(a), [b]);
    assert_eq!(ids(b), [a]);
}

/// A notebook holding the corridor fixture and a dossier of `n` statements on it (plus,
/// when `extras`, a section, a passage and the whole article). Returns the dossier id.
fn dossier_of(api: &mut Api, n: usize, extras: bool) -> (i64, i64) {
    api.import(&[repo("tests/fixtures/corridor.txt")]);
    let article = api.articles().unwrap()[0].id;
    let text = api.article_view(article).unwrap().article.text;
    let speaker = api
        .add_actor(&NewActor {
            name: "Selin Aydın".into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap();
    let d = api.create_dossier("Corridor <&> *brief*", "").unwrap();
    let quote = span_of(&text, "We will not let paperwork stand between our farmers");
    let ids: Vec<i64> = (0..n)
        .map(|i| {
            api.add_statement(&NewStatement {
                speaker_actor_ids: vec![speaker.id],
                stance: Some(Stance::ALL[i % 3]),
                topics: vec![format!("topic {}", i % 7)],
                ..NewStatement::direct(article, vec![quote])
            })
            .unwrap()
            .id
        })
        .collect();
    if extras {
        api.add_section(d.id, "Passages").unwrap();
        let note = api
            .add_annotation(article, span_of(&text, "paperwork"), "why <this>?")
            .unwrap();
        api.add_annotation_to_dossier(d.id, note.id).unwrap();
        api.add_article_to_dossier(d.id, article).unwrap();
    }
    api.add_to_dossier(d.id, &ids).unwrap();
    (d.id, article)
}

#[test]
fn a_dossier_whose_article_was_deleted_still_compiles_to_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let (d, article) = dossier_of(&mut api, 2, true);
    for &format in ExportFormat::ALL {
        assert!(
            !api.compile_dossier(d, format).unwrap().is_empty(),
            "{format:?}"
        );
    }
    api.delete_article(article).unwrap();
    for &format in ExportFormat::ALL {
        let bytes = api.compile_dossier(d, format).unwrap();
        assert!(!bytes.is_empty(), "{format:?}");
    }
    let md = String::from_utf8(api.compile_dossier(d, ExportFormat::Markdown).unwrap()).unwrap();
    assert_eq!(
        md.matches("was deleted from the notebook").count(),
        4,
        "{md}"
    );
}

#[test]
fn an_empty_dossier_compiles_to_every_format_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let d = api.create_dossier("Nothing yet", "").unwrap();
    for &format in ExportFormat::ALL {
        assert!(
            !api.compile_dossier(d.id, format).unwrap().is_empty(),
            "{format:?}"
        );
    }
    let html = String::from_utf8(api.compile_dossier(d.id, ExportFormat::Html).unwrap()).unwrap();
    assert!(html.contains("no items yet"));
}

#[test]
fn ten_thousand_items_compile_to_every_data_and_text_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let (d, _) = dossier_of(&mut api, 10_000, false);
    for format in [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Docx,
        ExportFormat::Csv,
    ] {
        let bytes = api.compile_dossier(d, format).unwrap();
        assert!(
            bytes.len() > 10_000 * 50,
            "{format:?}: {} bytes",
            bytes.len()
        );
    }
    // The network sums them up: one speaker, seven topics, 10,000 statements.
    let graph = String::from_utf8(api.compile_dossier(d, ExportFormat::Graphml).unwrap()).unwrap();
    assert!(graph.contains(">10000<"), "{graph}");
    let md = String::from_utf8(api.compile_dossier(d, ExportFormat::Markdown).unwrap()).unwrap();
    assert!(md.contains("[^10000]: "), "every quote has its footnote");
}

#[test]
fn export_reports_progress_and_a_broken_style_is_refused_before_it_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let (d, _) = dossier_of(&mut api, 250, false);
    let mut seen = Vec::new();
    api.compile_dossier_with(d, ExportFormat::Csv, &mut |p| seen.push(p.done))
        .unwrap();
    assert_eq!((seen.first(), seen.last()), (Some(&0), Some(&250)));
    let broken = CitationStyle {
        name: "custom".into(),
        template: "{{ title ".into(),
    };
    assert_eq!(
        api.set_citation_style(&broken).unwrap_err().kind,
        ErrorKind::Invalid
    );
    assert_eq!(
        api.preview_citation(&broken).unwrap_err().kind,
        ErrorKind::Invalid
    );
    let preview = api.preview_citation(&api.citation_styles()[0]).unwrap();
    let text: String = preview.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        text,
        "Ayesha Siddiqa, Talks resume on the corridor, The Daily Ledger, 2026-05-01, ¶3, \
         https://example.org/corridor."
    );
    assert!(preview
        .iter()
        .any(|p| p.italic && p.text == "Talks resume on the corridor"));
    assert_eq!(api.citation_style().unwrap().name, "attest");
}

#[test]
fn the_app_opens_at_once_and_takes_the_days_snapshot_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    drop(Api::open_for_app(&path).unwrap());
    assert_eq!(
        check_and_snapshot(&path).unwrap(),
        None,
        "nothing to keep yet"
    );
    Api::open_for_app(&path)
        .unwrap()
        .import(&[repo("tests/fixtures/corridor.txt")]);
    let api = Api::open_for_app(&path).unwrap();
    assert!(
        list_snapshots(&path).unwrap().is_empty(),
        "opening took none"
    );
    let taken = check_and_snapshot(&path)
        .unwrap()
        .expect("the day's snapshot");
    assert_eq!(taken.reason, SnapshotReason::Open);
    assert_eq!(check_and_snapshot(&path).unwrap(), None, "once a day");
    assert_eq!(api.articles().unwrap().len(), 1);
}

#[test]
fn the_app_opens_a_damaged_notebook_at_once_and_the_check_after_finds_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let mut api = Api::open_for_app(&path).unwrap();
    // Enough articles for pages beyond the schema's, so damage can sit in the data.
    for i in 0..40 {
        let file = dir.path().join(format!("a{i}.txt"));
        std::fs::write(
            &file,
            format!("Article {i}\n\n{}", "The council met again. ".repeat(200)),
        )
        .unwrap();
        api.import(&[file]);
    }
    drop(api);
    // The articles table's root page zeroed: a b-tree page, which `quick_check` reads
    // (it does not read what overflow pages hold, so damage there goes unseen).
    let (root, page_size): (i64, i64) = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'articles'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (
            root,
            conn.pragma_query_value(None, "page_size", |r| r.get(0))
                .unwrap(),
        )
    };
    let mut bytes = std::fs::read(&path).unwrap();
    let (root, page_size) = (root as usize, page_size as usize);
    bytes[(root - 1) * page_size..root * page_size].fill(0);
    std::fs::write(&path, &bytes).unwrap();

    let err = check_and_snapshot(&path).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Notebook, "{err}");
    assert!(err.message.contains("is damaged"), "{err}");
    assert!(
        list_snapshots(&path).unwrap().is_empty(),
        "no snapshot of a damaged file"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is left as it is"
    );
}

#[test]
fn two_analysts_merge_their_notebooks() {
    let dir = tempfile::tempdir().unwrap();
    let corridor = repo("tests/fixtures/corridor.txt");
    let budget = repo("tests/fixtures/budget-note.md");
    let quote = "We will not let paperwork stand between our farmers and their markets";

    // Theirs: both articles, a statement on each, a dossier.
    let theirs = dir.path().join("colleague.attest");
    {
        let mut api = Api::open(&theirs).unwrap();
        api.import(&[budget.clone(), corridor.clone()]);
        let actor = |api: &mut Api, name: &str, alias: &str| {
            api.add_actor(&NewActor {
                name: name.into(),
                kind: ActorKind::Person,
                aliases: vec![alias.into()],
            })
            .unwrap()
            .id
        };
        let aydin = actor(&mut api, "Aydın", "the minister");
        let weber = actor(&mut api, "Jonas Weber", "Weber");
        let mut ids = Vec::new();
        for (article, needle, speaker) in [
            (2, quote, aydin),
            (1, "the ministry would not raise income tax", weber),
        ] {
            let text = api.article_view(article).unwrap().article.text;
            let s = api
                .add_statement(&NewStatement {
                    speaker_actor_ids: vec![speaker],
                    stance: Some(Stance::Supports),
                    topics: vec!["trade".into()],
                    ..NewStatement::direct(article, vec![span_of(&text, needle)])
                })
                .unwrap();
            ids.push(s.id);
        }
        let d = api.create_dossier("Promises", "").unwrap();
        api.add_to_dossier(d.id, &ids).unwrap();
    }

    let mut api = Api::open(dir.path().join("mine.attest")).unwrap();
    api.import(std::slice::from_ref(&corridor));
    let selin = api
        .add_actor(&NewActor {
            name: "Selin Aydın".into(),
            kind: ActorKind::Person,
            aliases: vec!["Aydın".into()],
        })
        .unwrap();

    let plan = api.merge_plan(&theirs).unwrap();
    assert_eq!((plan.articles_new, plan.articles_existing), (1, 1));
    assert_eq!(plan.statements, 2);
    let aydin = &plan.actors[0];
    assert_eq!(aydin.name, "Aydın");
    assert_eq!(aydin.proposal, ActorProposal::Conflict);
    assert_eq!(aydin.candidates[0].id, selin.id);
    assert_eq!(plan.actors[1].proposal, ActorProposal::New);
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["actors"][0]["proposal"]["type"], "conflict");

    let e = api.merge(&theirs, &[]).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert_eq!(
        e.message,
        "1 actor needs a decision before merging: “Aydın” (matches Selin Aydın)"
    );
    assert_eq!(api.info().unwrap().article_count, 1, "nothing merged");

    let report = api
        .merge(
            &theirs,
            &[ActorDecision {
                source_id: aydin.source_id,
                target_id: Some(selin.id),
            }],
        )
        .unwrap();
    assert_eq!(
        (
            report.articles_added,
            report.actors_added,
            report.actors_matched,
            report.statements_added,
            report.dossiers_added
        ),
        (1, 1, 1, 2, 1)
    );
    assert!(report.snapshot.unwrap().path.is_file());
    let by_selin = api
        .statements(&StatementFilter {
            article_id: None,
            actor_id: Some(selin.id),
        })
        .unwrap();
    assert_eq!(by_selin.len(), 1);
    assert_eq!(by_selin[0].quote(), quote);
    assert_eq!(by_selin[0].stance, Some(Stance::Supports));
    assert_eq!(
        api.actor_named("the minister").unwrap().id,
        selin.id,
        "their names became aliases"
    );
    let promises = api.find_dossier("Promises").unwrap();
    assert_eq!(api.dossier(promises.id).unwrap().items.len(), 2);

    let not_a_notebook = dir.path().join("notes.attest");
    std::fs::write(&not_a_notebook, "plain text, not a notebook").unwrap();
    let e = api.merge_plan(&not_a_notebook).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Notebook);
    assert!(
        e.message.contains("is not an Attest notebook"),
        "{}",
        e.message
    );
    let e = api.merge_plan(&dir.path().join("mine.attest")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
}

#[test]
fn statement_pages_follow_changes_made_between_them() {
    let (_dir, mut api, article_id) = seed_notebook();
    let text = api.article_view(article_id).unwrap().article.text;
    let quote = |words: &str| NewStatement::direct(article_id, vec![span_of(&text, words)]);
    let by_speaker = StatementPageQuery {
        sort: StatementSort::Speaker,
        limit: 1,
        ..Default::default()
    };
    let first = api.add_statement(&quote("China stands firmly")).unwrap();
    let page = api.statement_page(&by_speaker).unwrap();
    assert_eq!((page.total, page.rows[0].id), (1, first.id));

    // A statement added, then a speaker given: the next pages see both.
    let second = api.add_statement(&quote("territorial integrity")).unwrap();
    let wang = api
        .add_actor(&NewActor {
            name: "Wang Yi".into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap();
    api.set_statement_actors(second.id, StatementRole::Speaker, &[wang.id])
        .unwrap();
    let page = api.statement_page(&by_speaker).unwrap();
    assert_eq!((page.total, page.rows[0].id), (2, second.id));
    let next = api
        .statement_page(&StatementPageQuery {
            offset: 1,
            ..by_speaker.clone()
        })
        .unwrap();
    assert_eq!(next.rows[0].id, first.id);

    // Deleted, it is gone from the order too.
    api.delete_statement(second.id).unwrap();
    let page = api.statement_page(&by_speaker).unwrap();
    assert_eq!((page.total, page.rows[0].id), (1, first.id));
    assert!(api
        .statement_page(&StatementPageQuery {
            limit: attest_store::MAX_PAGE + 1,
            ..by_speaker
        })
        .is_err());
}
