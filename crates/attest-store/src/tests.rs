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
            speaker_actor_ids: vec![wang.id],
            speaker_mention: Some(cp(TEXT, "Wang")),
            cue: Some(cp(TEXT, "said")),
            ..NewStatement::direct(id, vec![cp(TEXT, "We stand firmly")])
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
    assert_eq!(nb.actor(wang.id).unwrap().statement_count, Some(1));
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
        .add_statement(&NewStatement::direct(
            id,
            vec![cp(TEXT, "We"), Span { start: 5, end: 999 }],
        ))
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
            kind: StatementKind::Indirect,
            ..NewStatement::direct(id, vec![cp(TEXT, needle)])
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
            DossierEntry::Article { .. } | DossierEntry::Section { .. } => "other",
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
fn migration_11_keeps_the_band_keys_and_writes_those_a_crash_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let texts = [numbered_text(1, 200), numbered_text(2, 200)];
    {
        // Schema 10: article 1's keys written, article 2's lost in a crash.
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations::apply_up_to(&mut conn, 10).unwrap();
        for (i, text) in texts.iter().enumerate() {
            let id = i as i64 + 1;
            let signature = attest_core::similarity::Signature::of(text).unwrap();
            conn.execute(
                "INSERT INTO articles (id, fallback_title, text, content_hash, format,
                                       source_name, source_path)
                 VALUES (?1, 'a', ?2, ?3, 'text', 'a.txt', '/tmp/a.txt')",
                rusqlite::params![id, text, text::content_hash(text)],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO article_signatures (article_id, signature) VALUES (?1, ?2)",
                rusqlite::params![id, signature.to_bytes()],
            )
            .unwrap();
            if id == 1 {
                for key in signature.band_keys() {
                    conn.execute(
                        "INSERT INTO article_bands (band_key, article_id) VALUES (?1, ?2)",
                        rusqlite::params![key, id],
                    )
                    .unwrap();
                }
            }
        }
    }
    let mut nb = Notebook::open(&path).unwrap();
    let bands = attest_core::similarity::BANDS as i64;
    assert_eq!(count(&nb, "article_bands"), 2 * bands);
    let through: String = nb
        .conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'bands_through'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(through, "2");
    // Both are found by their keys.
    for (i, text) in texts.iter().enumerate() {
        let copy = format!("{text} one more line");
        let Ok(InsertOutcome::Inserted {
            related: Some(related),
            ..
        }) = nb.insert_article(&draft(&copy), &source(b"c"), &ArticleKeys::of(&copy))
        else {
            panic!("copy of {} not linked", i + 1)
        };
        assert_eq!(related.id, i as i64 + 1);
    }
}

#[test]
fn an_id_given_again_gets_its_band_keys_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let mut nb = Notebook::open(&path).unwrap();
    let (a, b) = (numbered_text(1, 200), numbered_text(2, 200));
    let Ok(InsertOutcome::Inserted { id, .. }) =
        nb.insert_article(&draft(&a), &source(b"a"), &ArticleKeys::of(&a))
    else {
        panic!()
    };
    nb.flush_bands().unwrap();
    nb.delete_article(id).unwrap();
    let Ok(InsertOutcome::Inserted { id: again, .. }) =
        nb.insert_article(&draft(&b), &source(b"b"), &ArticleKeys::of(&b))
    else {
        panic!()
    };
    assert_eq!(again, id, "SQLite gives the largest id + 1");
    // The process dies before the flush.
    std::mem::forget(nb);
    let mut nb = Notebook::open(&path).unwrap();
    let copy = format!("{b} one more line");
    let Ok(InsertOutcome::Inserted {
        related: Some(related),
        ..
    }) = nb.insert_article(&draft(&copy), &source(b"c"), &ArticleKeys::of(&copy))
    else {
        panic!("not linked to the article whose keys the crash lost")
    };
    assert_eq!(related.id, again);
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

/// A notebook with one article holding TEXT and the actor Wang Yi.
fn notebook_with_article() -> (tempfile::TempDir, Notebook, i64, i64) {
    let (d, mut nb) = notebook();
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
            aliases: vec![],
        })
        .unwrap();
    (d, nb, id, wang.id)
}

fn coded_statement(
    article_id: i64,
    speaker: i64,
    needle: &str,
    stance: Stance,
    topics: &[&str],
) -> NewStatement {
    NewStatement {
        article_id,
        content: vec![cp(TEXT, needle)],
        speaker_actor_ids: vec![speaker],
        speaker_mention: None,
        cue: None,
        kind: StatementKind::Direct,
        stance: Some(stance),
        topics: topics.iter().map(|t| t.to_string()).collect(),
        addressee_actor_ids: vec![],
        target_actor_ids: vec![],
        reported_via: None,
        date: None,
    }
}

#[test]
fn statements_keep_stance_and_topics() {
    let (_d, mut nb, article, wang) = notebook_with_article();
    let s = nb
        .add_statement(&coded_statement(
            article,
            wang,
            "We stand firmly",
            Stance::Supports,
            &[" Trade ", "trade", "", "CPEC"],
        ))
        .unwrap();
    assert_eq!(s.stance, Some(Stance::Supports));
    assert_eq!(
        s.topics,
        ["Trade", "CPEC"],
        "trimmed, empty and repeated (any case) dropped"
    );
    let s = nb
        .set_statement_coding(s.id, None, &["border".into()])
        .unwrap();
    assert_eq!(
        (s.stance, s.topics.as_slice()),
        (None, ["border".to_string()].as_slice())
    );
    assert!(matches!(
        nb.set_statement_coding(999, None, &[]),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn sections_and_whole_articles_are_dossier_items() {
    let (_d, mut nb, article, _) = notebook_with_article();
    let d = nb.create_dossier("Brief", "").unwrap();
    nb.add_section_to_dossier(d.id, "  Background ").unwrap();
    nb.add_article_to_dossier(d.id, article).unwrap();
    assert!(nb.add_section_to_dossier(d.id, " ").is_err());
    assert!(nb.add_article_to_dossier(d.id, 999).is_err());
    let items = nb.dossier_detail(d.id).unwrap().items;
    assert_eq!(
        items[0].entry,
        DossierEntry::Section {
            title: "Background".into()
        }
    );
    let DossierEntry::Article { article: summary } = &items[1].entry else {
        panic!("{items:?}")
    };
    assert_eq!(summary.id, article);
    nb.delete_article(article).unwrap();
    let items = nb.dossier_detail(d.id).unwrap().items;
    assert_eq!(
        items[1].entry,
        DossierEntry::Missing,
        "the item stays, marked missing"
    );
}

#[test]
fn a_saved_query_dossier_follows_the_notebook_until_frozen() {
    let (_d, mut nb, article, wang) = notebook_with_article();
    let other = nb
        .add_actor(&NewActor {
            name: "Ishaq Dar".into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap();
    nb.add_statement(&coded_statement(
        article,
        wang,
        "We stand firmly",
        Stance::Supports,
        &["trade"],
    ))
    .unwrap();
    nb.add_statement(&coded_statement(
        article,
        other.id,
        "agrees",
        Stance::Opposes,
        &["trade"],
    ))
    .unwrap();
    let query = DossierQuery {
        topic: Some("TRADE".into()),
        stance: Some(Stance::Supports),
        ..Default::default()
    };
    let d = nb.create_query_dossier("Trade, for", "", &query).unwrap();
    assert_eq!(d.query, Some(query.clone()));
    let detail = nb.dossier_detail(d.id).unwrap();
    assert_eq!(detail.items.len(), 1);
    assert!(nb
        .add_commentary_to_dossier(d.id, "x")
        .unwrap_err()
        .to_string()
        .contains("freeze it"));

    // A new matching statement shows up without touching the dossier.
    let s3 = nb
        .add_statement(&coded_statement(
            article,
            other.id,
            "中国",
            Stance::Supports,
            &["trade"],
        ))
        .unwrap();
    assert_eq!(nb.dossier_detail(d.id).unwrap().items.len(), 2);
    let by_actor = DossierQuery {
        actor_id: Some(other.id),
        ..Default::default()
    };
    let d2 = nb.create_query_dossier("Dar", "", &by_actor).unwrap();
    assert_eq!(nb.dossier_detail(d2.id).unwrap().items.len(), 2);
    let dated = DossierQuery {
        from: Some("2027".into()),
        ..Default::default()
    };
    let d3 = nb.create_query_dossier("Later", "", &dated).unwrap();
    assert!(
        nb.dossier_detail(d3.id).unwrap().items.is_empty(),
        "the article has no date"
    );

    let frozen = nb.freeze_dossier(d.id).unwrap();
    assert_eq!((frozen.query, frozen.item_count), (None, 2));
    nb.set_statement_coding(s3.id, Some(Stance::Opposes), &[])
        .unwrap();
    let items = nb.dossier_detail(d.id).unwrap().items;
    assert_eq!(items.len(), 2, "frozen: no longer follows the query");
    assert!(items.iter().all(|i| i.id > 0), "stored items");
    assert!(nb.freeze_dossier(d.id).is_err());
}

#[test]
fn the_citation_style_is_a_notebook_setting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let style = CitationStyle {
        name: "custom".into(),
        template: "{{ title }}".into(),
    };
    {
        let mut nb = Notebook::open(&path).unwrap();
        assert_eq!(nb.citation_style().unwrap(), None);
        nb.set_citation_style(&style).unwrap();
        nb.set_citation_style(&style).unwrap();
    }
    assert_eq!(
        Notebook::open(&path).unwrap().citation_style().unwrap(),
        Some(style)
    );
}

#[test]
fn a_version_2_notebook_keeps_its_dossiers_through_migration_3() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.attest");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations::apply_up_to(&mut conn, 2).unwrap();
        conn.execute_batch(
            "INSERT INTO dossiers (id, title) VALUES (1, 'Old');
             INSERT INTO dossier_items (dossier_id, position, kind, commentary) VALUES (1, 0, 'commentary', 'kept');",
        )
        .unwrap();
    }
    let mut nb = Notebook::open(&path).unwrap();
    assert_eq!(nb.schema_version().unwrap(), SCHEMA_VERSION);
    let detail = nb.dossier_detail(1).unwrap();
    assert_eq!(
        (detail.items.len(), detail.items[0].commentary.as_str()),
        (1, "kept")
    );
    nb.add_section_to_dossier(1, "New").unwrap();
    let check: String = nb
        .conn
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .unwrap_or_else(|_| "ok".into());
    assert_eq!(check, "ok");
}

/// From now on, writes that need the notebook to grow fail as on a full disk
/// (`max_page_count` makes SQLite answer SQLITE_FULL, as a disk without room does).
fn fill_the_disk(nb: &Notebook) {
    let pages: i64 = nb
        .conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    nb.conn
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    // The free pages too: a full disk has no room anywhere.
    nb.conn
        .execute_batch("CREATE TABLE IF NOT EXISTS filler (b BLOB)")
        .unwrap();
    while nb
        .conn
        .execute("INSERT INTO filler VALUES (zeroblob(1000))", [])
        .is_ok()
    {}
}

fn free_the_disk(nb: &Notebook) {
    nb.conn
        .pragma_update(None, "max_page_count", 1_000_000)
        .unwrap();
}

/// A distinct article of about `words` words, long enough for near-duplicate keys.
fn numbered_text(i: usize, words: usize) -> String {
    (0..words)
        .map(|w| format!("w{}x{} ", (w * 7919 + i * 104_729) % 100_003, i))
        .collect()
}

fn count(nb: &Notebook, table: &str) -> i64 {
    nb.conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_full_disk_refuses_an_article_whole_and_takes_it_once_there_is_room() {
    let (_d, mut nb) = notebook();
    nb.insert_article(&draft(WIRE), &source(b"a"), &ArticleKeys::of(WIRE))
        .unwrap();
    nb.flush_bands().unwrap();
    fill_the_disk(&nb);
    let text = numbered_text(1, 3000);
    let err = nb
        .insert_article(&draft(&text), &source(b"b"), &ArticleKeys::of(&text))
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err}");
    assert!(err
        .to_string()
        .starts_with("the disk holding the notebook is full: this change was not saved"));
    for table in [
        "articles",
        "article_sources",
        "article_signatures",
        "articles_fts",
    ] {
        assert_eq!(count(&nb, table), 1, "{table}");
    }
    free_the_disk(&nb);
    nb.insert_article(&draft(&text), &source(b"b"), &ArticleKeys::of(&text))
        .unwrap();
    assert_eq!(nb.article_count().unwrap(), 2);
}

#[test]
fn band_keys_that_do_not_fit_wait_for_the_next_flush() {
    let (_d, mut nb) = notebook();
    let n = 40;
    for i in 0..n {
        let text = numbered_text(i, 150);
        nb.insert_article(&draft(&text), &source(b"s"), &ArticleKeys::of(&text))
            .unwrap();
    }
    fill_the_disk(&nb);
    assert!(matches!(nb.flush_bands(), Err(StoreError::DiskFull)));
    assert_eq!(count(&nb, "article_bands"), 0);
    free_the_disk(&nb);
    nb.flush_bands().unwrap();
    assert_eq!(
        count(&nb, "article_bands") as usize,
        n * attest_core::similarity::BANDS,
        "the batch was kept, not lost"
    );
}

#[test]
fn a_wal_that_a_checkpoint_could_not_empty_is_folded_back_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let mut nb = Notebook::open(&path).unwrap();
    nb.insert_article(&draft(WIRE), &source(b"a"), &ArticleKeys::of(WIRE))
        .unwrap();
    nb.flush_bands().unwrap();
    // Copied while open: the copy's -wal holds the article, as a -wal does when the
    // checkpoint on closing failed for want of room.
    let copy = dir.path().join("copy.attest");
    let wal = |p: &Path| PathBuf::from(format!("{}-wal", p.display()));
    std::fs::copy(&path, &copy).unwrap();
    std::fs::copy(wal(&path), wal(&copy)).unwrap();
    assert!(std::fs::metadata(wal(&copy)).unwrap().len() > 0);
    let reopened = Notebook::open(&copy).unwrap();
    assert_eq!(reopened.article_count().unwrap(), 1);
    assert_eq!(
        std::fs::metadata(wal(&copy)).unwrap().len(),
        0,
        "the -wal is emptied as the notebook opens, not left to grow"
    );
    drop(nb);
}
