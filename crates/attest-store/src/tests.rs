//! Store tests on real SQLite files in temporary folders.

use super::*;
use attest_core::similarity::ArticleKeys;
use attest_core::*;

fn draft(text: &str) -> ArticleDraft {
    ArticleDraft {
        meta: ArticleMeta {
            byline: Some("News Desk".into()),
            ..Default::default()
        },
        text: text.into(),
        fallback_title: "fallback".into(),
        format: SourceFormat::Text,
        warnings: vec![],
    }
}

fn source(bytes: &[u8]) -> SourceFile<'_> {
    SourceFile {
        name: "a.txt",
        path: "/tmp/a.txt",
        bytes,
        sha256: "00",
    }
}

fn notebook() -> (tempfile::TempDir, Notebook) {
    let dir = tempfile::tempdir().unwrap();
    let nb = Notebook::open(dir.path().join("sub/notebook.attest")).unwrap();
    (dir, nb)
}

const TEXT: &str = "Head line\nBEIJING: “We stand firmly,” Wang said. 中国 agrees.";

fn cp(text: &str, needle: &str) -> Span {
    text::find(text, needle).unwrap()
}

#[test]
fn opens_in_wal_with_foreign_keys_and_current_schema() {
    let (_d, nb) = notebook();
    let mode: String = nb
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: bool = nb
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert!(fk);
    assert_eq!(nb.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    {
        let mut nb = Notebook::open(&path).unwrap();
        nb.insert_article(&draft(TEXT), &source(b"x"), &ArticleKeys::of(TEXT))
            .unwrap();
    }
    let nb = Notebook::open(&path).unwrap();
    assert_eq!(nb.article_count().unwrap(), 1);
}

#[test]
fn refuses_a_newer_notebook_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    {
        let nb = Notebook::open(&path).unwrap();
        nb.conn
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let err = Notebook::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err}");
    assert!(err.to_string().contains("newer version of Attest"));
}

#[test]
fn refuses_a_file_that_is_not_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    std::fs::write(&path, vec![b'x'; 4096]).unwrap();
    let err = Notebook::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NotANotebook { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), vec![b'x'; 4096]);
}

#[test]
fn duplicate_text_is_skipped_even_when_reflowed() {
    let (_d, mut nb) = notebook();
    let first = nb
        .insert_article(&draft(TEXT), &source(b"1"), &ArticleKeys::of(TEXT))
        .unwrap();
    let InsertOutcome::Inserted { id, .. } = first else {
        panic!("{first:?}")
    };
    let reflowed = TEXT.replace('\n', "\r\n\r\n");
    let again = nb
        .insert_article(
            &draft(&reflowed),
            &source(b"2"),
            &ArticleKeys::of(&reflowed),
        )
        .unwrap();
    assert_eq!(
        again,
        InsertOutcome::Duplicate {
            id,
            title: "fallback".into()
        }
    );
    assert_eq!(nb.article_count().unwrap(), 1);
    assert_eq!(nb.article_source(id).unwrap(), b"1");
}

#[test]
fn article_round_trips_verbatim_and_is_searchable() {
    let (_d, mut nb) = notebook();
    let InsertOutcome::Inserted { id, .. } = nb
        .insert_article(&draft(TEXT), &source(b"x"), &ArticleKeys::of(TEXT))
        .unwrap()
    else {
        panic!()
    };
    let a = nb.article(id).unwrap();
    assert_eq!(a.text, TEXT);
    assert_eq!(a.display_title(), "fallback");
    assert_eq!(nb.search_articles("firmly").unwrap().len(), 1);
    assert_eq!(nb.search_articles("absent").unwrap().len(), 0);
    let err = nb.search_articles("\"unclosed").err().unwrap();
    assert!(err.to_string().contains("search query"), "{err}");

    let mut meta = a.meta.clone();
    meta.title = Some("  Real headline ".into());
    nb.update_article_meta(id, &meta).unwrap();
    let list = nb.articles().unwrap();
    assert_eq!(list[0].display_title, "Real headline");
    assert!(!list[0].title_is_fallback);
    assert_eq!(nb.search_articles("headline").unwrap().len(), 1);
}

#[test]
fn statement_with_speaker_and_spans() {
    let (_d, mut nb) = notebook();
    let InsertOutcome::Inserted { id, .. } = nb
        .insert_article(&draft(TEXT), &source(b"x"), &ArticleKeys::of(TEXT))
        .unwrap()
    else {
        panic!()
    };
    let wang = nb
        .add_actor(&NewActor {
            name: "Wang Yi".into(),
            kind: ActorKind::Person,
            aliases: vec!["Wang".into(), " ".into(), "wang yi".into()],
        })
        .unwrap();
    assert_eq!(wang.aliases, ["Wang"]);
    assert_eq!(nb.find_actor("WANG").unwrap().unwrap().id, wang.id);
    assert!(nb
        .add_actor(&NewActor {
            name: "wang yi".into(),
            kind: ActorKind::Person,
            aliases: vec![]
        })
        .is_err());

    let s = nb
        .add_statement(&NewStatement {
            article_id: id,
            content: vec![cp(TEXT, "We stand firmly")],
            speaker_actor_ids: vec![wang.id],
            speaker_mention: Some(cp(TEXT, "Wang")),
            cue: Some(cp(TEXT, "said")),
            kind: StatementKind::Direct,
        })
        .unwrap();
    assert_eq!(s.quote(), "We stand firmly");
    assert_eq!(s.content[0].prefix, "Head line\nBEIJING: “");
    assert_eq!(s.speakers[0].name, "Wang Yi");
    assert_eq!(s.cue.as_ref().unwrap().exact, "said");
    assert_eq!(s.status, StatementStatus::Accepted);
    let by_actor = nb
        .statements(&StatementFilter {
            actor_id: Some(wang.id),
            article_id: None,
        })
        .unwrap();
    assert_eq!(by_actor, vec![s.clone()]);
    assert_eq!(nb.actor(wang.id).unwrap().statement_count, 1);
}

#[test]
fn bad_spans_store_nothing() {
    let (_d, mut nb) = notebook();
    let InsertOutcome::Inserted { id, .. } = nb
        .insert_article(&draft(TEXT), &source(b"x"), &ArticleKeys::of(TEXT))
        .unwrap()
    else {
        panic!()
    };
    let err = nb
        .add_statement(&NewStatement {
            article_id: id,
            content: vec![cp(TEXT, "We"), Span { start: 5, end: 999 }],
            speaker_actor_ids: vec![],
            speaker_mention: None,
            cue: None,
            kind: StatementKind::Direct,
        })
        .err()
        .unwrap();
    assert!(err.to_string().contains("past the end"), "{err}");
    assert!(nb
        .statements(&StatementFilter::default())
        .unwrap()
        .is_empty());
    assert!(nb
        .add_annotation(id, Span { start: 9, end: 10 }, "")
        .is_err());
}

#[test]
fn dossier_items_keep_order_and_survive_deletion() {
    let (_d, mut nb) = notebook();
    let InsertOutcome::Inserted { id, .. } = nb
        .insert_article(&draft(TEXT), &source(b"x"), &ArticleKeys::of(TEXT))
        .unwrap()
    else {
        panic!()
    };
    let mk = |nb: &mut Notebook, needle| {
        nb.add_statement(&NewStatement {
            article_id: id,
            content: vec![cp(TEXT, needle)],
            speaker_actor_ids: vec![],
            speaker_mention: None,
            cue: None,
            kind: StatementKind::Indirect,
        })
        .unwrap()
        .id
    };
    let (s1, s2) = (mk(&mut nb, "We stand"), mk(&mut nb, "agrees"));
    let note = nb.add_annotation(id, cp(TEXT, "中国"), "China").unwrap();
    let d = nb.create_dossier("Seed", "").unwrap();
    nb.add_statements_to_dossier(d.id, &[s1, s2]).unwrap();
    nb.add_annotation_to_dossier(d.id, note.id).unwrap();
    nb.add_commentary_to_dossier(d.id, "My reading.").unwrap();
    let items = nb.dossier_detail(d.id).unwrap().items;
    assert_eq!(items.len(), 4);
    nb.move_dossier_item(items[3].id, 0).unwrap();
    nb.set_item_commentary(items[0].id, "First quote.").unwrap();
    nb.delete_statement(s2).unwrap();

    let items = nb.dossier_detail(d.id).unwrap().items;
    let kinds: Vec<&str> = items
        .iter()
        .map(|i| match &i.entry {
            DossierEntry::Statement { .. } => "statement",
            DossierEntry::Annotation { .. } => "annotation",
            DossierEntry::Commentary => "commentary",
            DossierEntry::Missing => "missing",
        })
        .collect();
    assert_eq!(kinds, ["commentary", "statement", "missing", "annotation"]);
    assert_eq!(items[1].commentary, "First quote.");
    assert_eq!(nb.find_dossier("seed").unwrap().id, d.id);
    assert!(nb.add_statements_to_dossier(d.id, &[s1, 999]).is_err());
    assert_eq!(nb.dossier(d.id).unwrap().item_count, 4);
}

const WIRE: &str = "Trade Minister Selin Aydın said on Tuesday that the corridor between Ankara \
    and Baku would open to freight in the spring, after two years of talks over customs rules \
    and rail gauges, and that the first trains could run in April if inspections end on time.";

#[test]
fn near_duplicates_are_linked_and_unsigned_articles_are_signed_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let mut nb = Notebook::open(&path).unwrap();
    let InsertOutcome::Inserted { id: a, related } = nb
        .insert_article(&draft(WIRE), &source(b"a"), &ArticleKeys::of(WIRE))
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(related, None);
    let reprinted = format!("BAKU (Wire) — {WIRE} Officials declined to comment.");
    let InsertOutcome::Inserted { id: b, related } = nb
        .insert_article(
            &draft(&reprinted),
            &source(b"b"),
            &ArticleKeys::of(&reprinted),
        )
        .unwrap()
    else {
        panic!()
    };
    let related = related.expect("linked to the first");
    assert_eq!(related.id, a);
    assert!(related.similarity >= 0.5);
    assert_eq!(nb.related_articles(a).unwrap()[0].id, b);

    // A notebook written before near-duplicates were tracked: no signatures, no links.
    nb.flush_bands().unwrap();
    nb.conn
        .execute_batch("DELETE FROM related_articles; DELETE FROM article_bands; DELETE FROM article_signatures;")
        .unwrap();
    drop(nb);
    let nb = Notebook::open(&path).unwrap();
    assert_eq!(
        nb.related_articles(b).unwrap()[0].id,
        a,
        "signed and linked on open"
    );
    let signed: i64 = nb
        .conn
        .query_row("SELECT count(*) FROM article_signatures", [], |r| r.get(0))
        .unwrap();
    assert_eq!(signed, 2);
}

#[test]
fn band_keys_lost_in_a_crash_are_written_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let mut nb = Notebook::open(&path).unwrap();
    nb.insert_article(&draft(WIRE), &source(b"a"), &ArticleKeys::of(WIRE))
        .unwrap();
    let bands = |nb: &Notebook| -> i64 {
        nb.conn
            .query_row("SELECT count(*) FROM article_bands", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(bands(&nb), 0, "batched, not yet written");
    // The process dies: no flush on drop.
    std::mem::forget(nb);
    let nb = Notebook::open(&path).unwrap();
    assert_eq!(bands(&nb) as usize, attest_core::similarity::BANDS);
}

#[test]
fn a_text_too_short_to_compare_is_still_marked_as_looked_at() {
    let (_dir, mut nb) = notebook();
    let text = "Too short.";
    let InsertOutcome::Inserted { id, related } = nb
        .insert_article(&draft(text), &source(b"s"), &ArticleKeys::of(text))
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(related, None);
    let marker: Vec<u8> = nb
        .conn
        .query_row(
            "SELECT signature FROM article_signatures WHERE article_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(marker.is_empty(), "every article has its signature row");
}
