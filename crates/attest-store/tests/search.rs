//! Notebook-wide search (articles, notes, statements) on real notebook files.

use attest_core::*;
use attest_store::{Notebook, StoreError};
use common::insert_text;
use proptest::prelude::*;

mod common;

fn notebook() -> (tempfile::TempDir, Notebook) {
    let dir = tempfile::tempdir().unwrap();
    let nb = Notebook::open(dir.path().join("n.attest")).unwrap();
    (dir, nb)
}

fn article(nb: &mut Notebook, title: &str, text: &str, meta: ArticleMeta) -> i64 {
    let meta = ArticleMeta {
        title: Some(title.into()),
        ..meta
    };
    insert_text(nb, text, meta)
}

fn plain(nb: &mut Notebook, title: &str, text: &str) -> i64 {
    article(nb, title, text, ArticleMeta::default())
}

fn span_of(text: &str, needle: &str) -> Span {
    text::find(text, needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"))
}

fn statement(nb: &mut Notebook, article_id: i64, text: &str, parts: &[&str]) -> Statement {
    nb.add_statement(&NewStatement::direct(
        article_id,
        parts.iter().map(|p| span_of(text, p)).collect(),
    ))
    .unwrap()
}

fn search(nb: &Notebook, q: SearchQuery) -> SearchResults {
    nb.search(&q)
        .unwrap_or_else(|e| panic!("{:?}: {e}", q.text))
}

/// (kind, article, statement or annotation id) of every hit on one page of 500.
fn found(nb: &Notebook, q: SearchQuery) -> Vec<(SearchHitKind, i64)> {
    let mut ids: Vec<_> = search(nb, SearchQuery { limit: 500, ..q })
        .hits
        .into_iter()
        .map(|h| {
            let id = h.statement_id.or(h.annotation_id).unwrap_or(h.article_id);
            (h.kind, id)
        })
        .collect();
    ids.sort();
    ids
}

fn articles(nb: &Notebook, text: &str) -> Vec<i64> {
    found(nb, SearchQuery::new(text))
        .into_iter()
        .filter(|(k, _)| *k == SearchHitKind::Article)
        .map(|(_, id)| id)
        .collect()
}

fn marked(parts: &[SnippetPart]) -> Vec<String> {
    parts
        .iter()
        .filter(|p| p.matched)
        .map(|p| p.text.clone())
        .collect()
}

#[test]
fn article_hits_carry_snippet_and_the_first_match_in_the_text() {
    let (_d, mut nb) = notebook();
    let text = "Officials met on Monday.\n\nThe delegation flew to São Paulo, where the \
                governor of São Paulo spoke about trade.";
    let id = article(
        &mut nb,
        "Talks in Brazil",
        text,
        ArticleMeta {
            outlet: Some("Folha".into()),
            published: Some("2026-03-04".into()),
            ..Default::default()
        },
    );
    plain(&mut nb, "Other", "Nothing to see here about anything.");

    // Diacritics folded both ways, as words and as a phrase.
    for q in ["Sao Paulo", "\"Sao Paulo\"", "são paulo", "SAO PAULO"] {
        let r = search(&nb, SearchQuery::new(q));
        assert_eq!(r.total, 1, "{q}");
        let hit = &r.hits[0];
        assert_eq!(hit.kind, SearchHitKind::Article);
        assert_eq!(hit.article_id, id);
        assert_eq!(hit.article_title, "Talks in Brazil");
        assert_eq!(hit.outlet.as_deref(), Some("Folha"));
        assert_eq!(hit.published.as_deref(), Some("2026-03-04"));
        assert!(hit.score < 0.0, "bm25 is negative, lower is better");
        // The span is the first match, in code points of the stored text.
        let span = hit.span.expect("a match in the text");
        let at = text::slice(text, span).unwrap();
        assert!(at == "São Paulo" || at == "São", "{q}: {at:?}");
        assert_eq!(span.start, span_of(text, "São").start);
        let words = marked(&hit.snippet);
        assert!(words.iter().any(|w| w.contains("São")), "{q}: {words:?}");
        let whole: String = hit.snippet.iter().map(|p| p.text.as_str()).collect();
        assert!(whole.contains("São Paulo"), "{whole}");
        assert!(!whole.contains('\u{E000}') && !whole.contains('\u{E001}'));
    }

    // A title-only match: found, without a span in the text.
    let r = search(&nb, SearchQuery::new("Brazil"));
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].span, None);
    assert_eq!(marked(&r.hits[0].snippet), ["Brazil"]);
}

#[test]
fn non_latin_text_is_found_with_exact_spans() {
    let (_d, mut nb) = notebook();
    let ru = "В понедельник в Москве прошли переговоры. Министр заявил, что Москва готова.";
    let el = "Η Αθήνα και η Άγκυρα συζήτησαν για το Αιγαίο.";
    let ar = "قال الوزير في القاهرة إن المحادثات ستستمر.";
    let ru_id = plain(&mut nb, "Переговоры", ru);
    let el_id = plain(&mut nb, "Αιγαίο", el);
    let ar_id = plain(&mut nb, "القاهرة", ar);
    for (q, id, text, word) in [
        ("МОСКВА", ru_id, ru, "Москва"),
        ("москв*", ru_id, ru, "Москве"),
        // Greek case is folded (SQLite's unicode61 folds Latin diacritics only).
        ("ΆΓΚΥΡΑ", el_id, el, "Άγκυρα"),
        ("القاهرة", ar_id, ar, "القاهرة"),
    ] {
        let r = search(&nb, SearchQuery::new(q));
        assert_eq!(r.total, 1, "{q}");
        assert_eq!(r.hits[0].article_id, id);
        let span = r.hits[0].span.unwrap();
        assert_eq!(text::slice(text, span).unwrap(), word, "{q}");
    }
}

#[test]
fn phrase_prefix_and_boolean_queries() {
    let (_d, mut nb) = notebook();
    let a = plain(&mut nb, "a", "The trade war escalated as tariffs rose.");
    let b = plain(
        &mut nb,
        "b",
        "War and trade were discussed; China answered.",
    );
    let c = plain(&mut nb, "c", "Tariffs on steel from China.");
    let d = plain(&mut nb, "d", "The economy and economic policy.");
    assert_eq!(articles(&nb, "trade war"), [a, b]);
    assert_eq!(articles(&nb, "\"trade war\""), [a]);
    assert_eq!(articles(&nb, "trade OR tariffs"), [a, b, c]);
    assert_eq!(articles(&nb, "trade NOT china"), [a]);
    assert_eq!(articles(&nb, "(trade OR tariffs) china"), [b, c]);
    assert_eq!(articles(&nb, "(trade OR tariffs) AND steel"), [c]);
    assert_eq!(articles(&nb, "econom*"), [d]);
    assert_eq!(articles(&nb, "economy"), [d]);
    // Lower-case "or" is a word to find, not an operator.
    assert_eq!(articles(&nb, "trade or tariffs"), Vec::<i64>::new());
}

#[test]
fn punctuation_in_words_is_no_syntax_error() {
    let (_d, mut nb) = notebook();
    let a = plain(
        &mut nb,
        "a",
        "The U.S. said it don't expect COVID-19 cases to rise; AT&T agreed (mostly).",
    );
    for q in [
        "U.S.",
        "don't",
        "COVID-19",
        "AT&T",
        "rise;",
        "(mostly)",
        "U.S. - COVID-19",
    ] {
        assert_eq!(articles(&nb, q), [a], "{q}");
    }
}

#[test]
fn malformed_queries_get_a_sentence_saying_what_to_fix() {
    let (_d, mut nb) = notebook();
    plain(&mut nb, "a", "Trade and tariffs.");
    for (q, says) in [
        ("\"trade war", "a quotation mark is not closed"),
        ("trade OR", "OR needs a word on both sides"),
        ("AND tariffs", "AND needs a word on both sides"),
        ("NOT trade", "NOT needs something to find before it"),
        ("(trade OR tariffs", "a parenthesis is not closed"),
        ("trade)", "a closing parenthesis has no opening one"),
        ("trade ()", "parentheses holds nothing"),
        ("", "the search is empty"),
        ("?!", "no words in it"),
        ("*", "a * must end a word"),
    ] {
        match nb.search(&SearchQuery::new(q)) {
            Err(StoreError::Invalid(msg)) => {
                assert!(msg.contains(says), "{q:?}: {msg}");
                assert!(
                    !msg.contains("fts5"),
                    "{q:?}: SQLite's message leaked: {msg}"
                );
            }
            other => panic!("{q:?}: {other:?}"),
        }
    }
}

#[test]
fn notes_and_statements_are_found_where_they_are() {
    let (_d, mut nb) = notebook();
    let text = "Intro line.\n\n“We will not accept these tariffs,” the minister said, adding \
                that “the négociations are over” for now.";
    let id = plain(&mut nb, "Minister", text);
    let note_span = span_of(text, "the minister said");
    let note = nb
        .add_annotation(
            id,
            note_span,
            "Check whether the minister repeated this in Geneva",
        )
        .unwrap();
    let s = statement(
        &mut nb,
        id,
        text,
        &[
            "We will not accept these tariffs",
            "the négociations are over",
        ],
    );

    let r = search(&nb, SearchQuery::new("geneva"));
    assert_eq!(r.total, 1);
    let hit = &r.hits[0];
    assert_eq!(hit.kind, SearchHitKind::Note);
    assert_eq!(hit.annotation_id, Some(note.id));
    assert_eq!(hit.article_id, id);
    assert_eq!(hit.article_title, "Minister");
    assert_eq!(hit.span, Some(note_span), "a note opens at its highlight");
    assert_eq!(marked(&hit.snippet), ["Geneva"]);

    // A word of the second content part: the span is in the article's text.
    let q = SearchQuery {
        kinds: vec![SearchHitKind::Statement],
        ..SearchQuery::new("negociations")
    };
    let r = search(&nb, q);
    assert_eq!(r.total, 1);
    let hit = &r.hits[0];
    assert_eq!(hit.statement_id, Some(s.id));
    assert_eq!(
        text::slice(text, hit.span.unwrap()).unwrap(),
        "négociations"
    );
    assert_eq!(marked(&hit.snippet), ["négociations"]);

    // The same word in the article, the statement and nowhere in the note.
    assert_eq!(
        found(&nb, SearchQuery::new("tariffs")),
        [
            (SearchHitKind::Article, id),
            (SearchHitKind::Statement, s.id)
        ]
    );

    // The indexes follow edits and deletions.
    nb.set_annotation_note(note.id, "Ask the embassy in Bern")
        .unwrap();
    assert_eq!(search(&nb, SearchQuery::new("geneva")).total, 0);
    assert_eq!(search(&nb, SearchQuery::new("bern")).total, 1);
    nb.set_annotation_note(note.id, "").unwrap();
    assert_eq!(search(&nb, SearchQuery::new("bern")).total, 0);
    nb.delete_statement(s.id).unwrap();
    let only_statements = |q: &str| SearchQuery {
        kinds: vec![SearchHitKind::Statement],
        ..SearchQuery::new(q)
    };
    assert_eq!(search(&nb, only_statements("tariffs")).total, 0);
    let s2 = statement(&mut nb, id, text, &["We will not accept these tariffs"]);
    assert_eq!(
        found(&nb, only_statements("tariffs")),
        [(SearchHitKind::Statement, s2.id)]
    );
    nb.delete_article(id).unwrap();
    assert_eq!(search(&nb, SearchQuery::new("tariffs")).total, 0);
}

#[test]
fn each_filter_narrows_the_hits() {
    let (_d, mut nb) = notebook();
    let meta = |outlet: &str, published: &str, language: &str| ArticleMeta {
        outlet: Some(outlet.into()),
        published: Some(published.into()),
        language: Some(language.into()),
        ..Default::default()
    };
    let t1 = "Ursula Reyes said the budget would pass. The budget vote is Friday.";
    let t2 = "Marco Bianchi criticised the budget in parliament.";
    let t3 = "Le budget a été adopté, selon Marco Bianchi.";
    let a1 = article(&mut nb, "One", t1, meta("Herald", "2026-01-15", "en"));
    let a2 = article(&mut nb, "Two", t2, meta("Tribune", "2026-02-20", "en"));
    let a3 = article(&mut nb, "Trois", t3, meta("Le Monde", "2026-03-05", "fr"));
    let reyes = nb
        .add_actor(&NewActor {
            name: "Ursula Reyes".into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap()
        .id;
    let bianchi = nb
        .add_actor(&NewActor {
            name: "Marco Bianchi".into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap()
        .id;
    let mut s1 = NewStatement {
        speaker_actor_ids: vec![reyes],
        speaker_mention: Some(span_of(t1, "Ursula Reyes")),
        kind: StatementKind::Indirect,
        topics: vec!["Economy/Budget".into()],
        ..NewStatement::direct(a1, vec![span_of(t1, "the budget would pass")])
    };
    let s1_id = nb.add_statement(&s1).unwrap().id;
    s1.article_id = a2;
    s1.content = vec![span_of(t2, "criticised the budget")];
    s1.speaker_actor_ids = vec![bianchi];
    s1.speaker_mention = None;
    s1.kind = StatementKind::Direct;
    s1.topics = vec![];
    let s2 = nb
        .add_proposed_statements(a2, &[(s1.clone(), 0.7)], StatementStatus::Proposed)
        .unwrap()[0]
        .id;
    s1.article_id = a3;
    s1.content = vec![span_of(t3, "Le budget a été adopté")];
    let s3 = nb
        .add_proposed_statements(a3, &[(s1, 0.6)], StatementStatus::Proposed)
        .unwrap()[0]
        .id;
    nb.set_statement_status(s3, StatementStatus::Rejected)
        .unwrap();
    let n1 = nb
        .add_annotation(a1, span_of(t1, "budget vote"), "budget timing")
        .unwrap()
        .id;
    let n3 = nb
        .add_annotation(a3, span_of(t3, "adopté"), "budget adopted")
        .unwrap()
        .id;

    use SearchHitKind::{Article as A, Note as N, Statement as S};
    let q = || SearchQuery::new("budget");
    // Rejected statements are left out unless asked for.
    assert_eq!(
        found(&nb, q()),
        [
            (A, a1),
            (A, a2),
            (A, a3),
            (N, n1),
            (N, n3),
            (S, s1_id),
            (S, s2)
        ]
    );
    let with = |f: &dyn Fn(&mut SearchQuery)| {
        let mut query = q();
        f(&mut query);
        found(&nb, query)
    };
    assert_eq!(
        with(&|q| q.outlet = Some("herald".into())),
        [(A, a1), (N, n1), (S, s1_id)]
    );
    assert_eq!(
        with(&|q| q.language = Some("fr".into())),
        [(A, a3), (N, n3)]
    );
    assert_eq!(
        with(&|q| q.from = Some("2026-02".into())),
        [(A, a2), (A, a3), (N, n3), (S, s2)]
    );
    assert_eq!(
        with(&|q| q.to = Some("2026-02-20".into())),
        [(A, a1), (A, a2), (N, n1), (S, s1_id), (S, s2)]
    );
    assert_eq!(
        with(&|q| {
            q.from = Some("2026-02-01".into());
            q.to = Some("2026-02-28".into());
        }),
        [(A, a2), (S, s2)]
    );
    // An actor: articles (and their notes) that mention them, statements they made.
    assert_eq!(
        with(&|q| q.actor_id = Some(bianchi)),
        [(A, a2), (A, a3), (N, n3), (S, s2)]
    );
    assert_eq!(
        with(&|q| q.actor_id = Some(reyes)),
        [(A, a1), (N, n1), (S, s1_id)]
    );
    // Statement kind and status leave only statements.
    assert_eq!(
        with(&|q| q.statement_kind = Some(StatementKind::Direct)),
        [(S, s2)]
    );
    assert_eq!(
        with(&|q| q.statement_status = Some(StatementStatus::Rejected)),
        [(S, s3)]
    );
    assert_eq!(
        with(&|q| q.statement_status = Some(StatementStatus::Accepted)),
        [(S, s1_id)]
    );
    // Kinds of hit.
    assert_eq!(with(&|q| q.kinds = vec![N]), [(N, n1), (N, n3)]);
    assert_eq!(
        with(&|q| q.kinds = vec![A, S]),
        [(A, a1), (A, a2), (A, a3), (S, s1_id), (S, s2)]
    );
    // Filters combine.
    assert_eq!(
        with(&|q| {
            q.actor_id = Some(bianchi);
            q.language = Some("en".into());
        }),
        [(A, a2), (S, s2)]
    );
    // A statement topic counts as its tag, sub-tags included.
    assert_eq!(with(&|q| q.tag = Some("economy".into())), [(S, s1_id)]);
    assert_eq!(with(&|q| q.tag = Some("Econ".into())), []);
    // An unknown actor is named.
    let e = nb
        .search(&SearchQuery {
            actor_id: Some(999),
            ..q()
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "no actor with id 999");
}

#[test]
fn tags_on_highlights_filter_notes_and_the_statements_they_cover() {
    let (dir, mut nb) = notebook();
    let text = "The minister said “exports will double” and left. Exports matter.";
    let id = plain(&mut nb, "Exports", text);
    let tagged = nb
        .add_annotation(id, span_of(text, "exports will double"), "exports claim")
        .unwrap()
        .id;
    let other = nb
        .add_annotation(id, span_of(text, "Exports matter"), "exports again")
        .unwrap()
        .id;
    let s = statement(&mut nb, id, text, &["exports will double"]).id;
    // The tag tables of migration 6, written as the tag editor writes them.
    let conn = rusqlite::Connection::open(dir.path().join("n.attest")).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO tags (id, path) VALUES (1, 'Economy'), (2, 'Economy/Trade'), (3, 'Politics');
         INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ({tagged}, 2), ({other}, 3);"
    ))
    .unwrap();
    drop(conn);
    use SearchHitKind::{Note as N, Statement as S};
    let tag = |t: &str| SearchQuery {
        tag: Some(t.into()),
        ..SearchQuery::new("exports")
    };
    assert_eq!(found(&nb, tag("economy")), [(N, tagged), (S, s)]);
    assert_eq!(found(&nb, tag("Economy/Trade")), [(N, tagged), (S, s)]);
    assert_eq!(found(&nb, tag("politics")), [(N, other)]);
    assert_eq!(found(&nb, tag("Economy/Other")), []);
}

#[test]
fn pages_cover_every_hit_once_best_first() {
    let (_d, mut nb) = notebook();
    let mut ids = Vec::new();
    for i in 0..23 {
        // More mentions of the word, better the score.
        let words = "ferry ".repeat(i % 5 + 1);
        ids.push(plain(
            &mut nb,
            &format!("t{i}"),
            &format!("Story {i}: {words}service resumed after the storm number {i}."),
        ));
    }
    let n0 = nb
        .add_annotation(ids[0], Span { start: 0, end: 5 }, "ferry note")
        .unwrap()
        .id;
    let mut seen = Vec::new();
    let mut scores = Vec::new();
    for offset in [0, 10, 20] {
        let r = search(
            &nb,
            SearchQuery {
                offset,
                limit: 10,
                ..SearchQuery::new("ferry")
            },
        );
        assert_eq!((r.total, r.offset, r.limit), (24, offset, 10));
        assert_eq!(r.hits.len(), if offset == 20 { 4 } else { 10 });
        for h in r.hits {
            seen.push((h.kind, h.annotation_id.unwrap_or(h.article_id)));
            scores.push(h.score);
        }
    }
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
    seen.sort();
    let mut want: Vec<_> = ids
        .iter()
        .map(|&id| (SearchHitKind::Article, id))
        .chain([(SearchHitKind::Note, n0)])
        .collect();
    want.sort();
    assert_eq!(seen, want);
    // Past the end: nothing, and still the count.
    let r = search(
        &nb,
        SearchQuery {
            offset: 40,
            ..SearchQuery::new("ferry")
        },
    );
    assert!(r.hits.is_empty());
    assert_eq!(r.total, 24);
}

#[test]
fn a_notebook_from_before_search_is_indexed_when_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.attest");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        attest_store::fixtures::apply_migrations_up_to(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, title, fallback_title, text, content_hash, format,
                                   source_name, source_path)
             VALUES (1, 'Old', 'f', 'Ancient text about lighthouses and keepers.', 'h', 'text',
                     'a.txt', '/a.txt');
             INSERT INTO annotations (id, article_id, start, end, exact, prefix, suffix, note)
             VALUES (1, 1, 0, 7, 'Ancient', '', '', 'remember the harbour');
             INSERT INTO statements (id, article_id, kind, status) VALUES (1, 1, 'direct', 'accepted');
             INSERT INTO statement_spans (statement_id, role, ord, start, end, exact, prefix, suffix)
             VALUES (1, 'content', 0, 19, 30, 'lighthouses', '', ''),
                    (1, 'content', 1, 35, 42, 'keepers', '', '');",
        )
        .unwrap();
    }
    let nb = Notebook::open(&path).unwrap();
    assert_eq!(
        found(&nb, SearchQuery::new("harbour")),
        [(SearchHitKind::Note, 1)]
    );
    let r = search(
        &nb,
        SearchQuery {
            kinds: vec![SearchHitKind::Statement],
            ..SearchQuery::new("keepers")
        },
    );
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].span, Some(Span { start: 35, end: 42 }));
}

/// One notebook for every case of the property below.
fn shared() -> &'static std::sync::Mutex<(tempfile::TempDir, Notebook)> {
    static SHARED: std::sync::OnceLock<std::sync::Mutex<(tempfile::TempDir, Notebook)>> =
        std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let (d, mut nb) = notebook();
        plain(
            &mut nb,
            "t",
            "The trade war in São Paulo: tariffs, ports and NEAR misses.",
        );
        let n = nb
            .add_annotation(1, Span { start: 0, end: 3 }, "trade note")
            .unwrap();
        assert_eq!(n.article_id, 1);
        std::sync::Mutex::new((d, nb))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// Whatever is typed, the search answers or says what to fix: never SQLite's error.
    #[test]
    fn any_query_answers_or_explains(q in r#"[a-zé"()*:^+\-. ]{0,24}|((AND|OR|NOT|NEAR|\(|\)|"|\*|:|\^| |trade|war|São)){0,8}"#) {
        let guard = shared().lock().unwrap();
        match guard.1.search(&SearchQuery::new(q.clone())) {
            Ok(_) => {}
            Err(StoreError::Invalid(msg)) => {
                prop_assert!(!msg.contains("fts5") && !msg.contains("syntax"), "{:?}: {}", q, msg);
            }
            Err(e) => prop_assert!(false, "{:?}: {:?}", q, e),
        }
    }
}

#[test]
fn a_word_in_more_articles_than_are_ranked_keeps_its_exact_count() {
    let (_d, mut nb) = notebook();
    let n = 1_020;
    for i in 0..n {
        let extra = if i == n - 1 {
            " harbour harbour harbour"
        } else {
            ""
        };
        plain(
            &mut nb,
            &format!("t{i}"),
            &format!(
                "Item {i} about the harbour{extra} and boats number {}.",
                i * 7
            ),
        );
    }
    let r = search(&nb, SearchQuery::new("harbour"));
    assert_eq!(r.total, n as u32);
    assert_eq!(r.hits.len(), 20);
    assert!(r.hits.windows(2).all(|w| w[0].score <= w[1].score));
    // The newest article says it most: it leads.
    assert_eq!(r.hits[0].article_title, format!("t{}", n - 1));
    for h in &r.hits {
        let span = h.span.unwrap();
        let text = nb.article(h.article_id).unwrap().text;
        assert_eq!(text::slice(&text, span).unwrap(), "harbour");
    }
}

/// Adds `n` short articles through SQL in one transaction (the FTS triggers index them
/// as an import would): `words(i)` is the text of the i-th.
fn bulk_articles(path: &std::path::Path, n: u32, words: impl Fn(u32) -> String) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO articles (title, fallback_title, outlet, text, content_hash, format,
                                       source_name, source_path)
                 VALUES (?1, ?1, ?2, ?3, ?1, 'text', 'a.txt', '/a.txt')",
            )
            .unwrap();
        for i in 0..n {
            let outlet = if i % 2 == 0 { "Even" } else { "Odd" };
            insert
                .execute(rusqlite::params![format!("t{i}"), outlet, words(i)])
                .unwrap();
        }
    }
    tx.commit().unwrap();
}

#[test]
fn a_count_stops_past_the_limit_and_says_so() {
    let (d, mut nb) = notebook();
    let limit = SearchResults::COUNT_LIMIT;
    // "harbour" in one article more than the limit, "ferry" in exactly the limit,
    // "quay" in every other one (some of each outlet).
    bulk_articles(&d.path().join("n.attest"), limit + 1, |i| {
        let ferry = if i < limit { " ferry" } else { "" };
        let quay = if i % 2 == 0 { " quay" } else { "" };
        format!("Item {i} about the harbour{ferry}{quay}.")
    });
    let r = search(&nb, SearchQuery::new("harbour"));
    assert_eq!((r.total, r.total_is_lower_bound), (limit, true));
    assert_eq!(r.hits.len(), 20);
    assert!(r.hits.windows(2).all(|w| w[0].score <= w[1].score));
    let r = search(&nb, SearchQuery::new("ferry"));
    assert_eq!((r.total, r.total_is_lower_bound), (limit, false));
    // A prefix, and a filter that leaves fewer than the limit: counted exactly.
    let r = search(&nb, SearchQuery::new("harb*"));
    assert_eq!((r.total, r.total_is_lower_bound), (limit, true));
    let even = |text: &str| SearchQuery {
        outlet: Some("even".into()),
        ..SearchQuery::new(text)
    };
    let r = search(&nb, even("harbour"));
    assert_eq!((r.total, r.total_is_lower_bound), (limit / 2 + 1, false));
    assert!(r.hits.iter().all(|h| h.outlet.as_deref() == Some("Even")));
    let r = search(&nb, even("quay OR ferry"));
    assert_eq!((r.total, r.total_is_lower_bound), (limit / 2 + 1, false));
    // Notes add to the count of articles, and past the limit it stops.
    let id = r.hits[0].article_id;
    nb.add_annotation(id, Span { start: 0, end: 4 }, "harbour note")
        .unwrap();
    let r = search(&nb, even("harbour"));
    assert_eq!((r.total, r.total_is_lower_bound), (limit / 2 + 2, false));
    let r = search(&nb, SearchQuery::new("ferry"));
    assert_eq!((r.total, r.total_is_lower_bound), (limit, false));
}

#[test]
fn prefixes_of_every_length_find_their_words_after_the_prefix_index_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.attest");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        attest_store::fixtures::apply_migrations_up_to(&mut conn, 9).unwrap();
        // No title: the index holds the fallback title, as the triggers write it.
        conn.execute_batch(
            "INSERT INTO articles (id, title, fallback_title, text, content_hash, format,
                                   source_name, source_path)
             VALUES (1, NULL, 'Presidential memo', 'The president presided over a press day.',
                     'h', 'text', 'a.txt', '/a.txt'),
                    (2, 'Other', 'f', 'Nothing of the kind here.', 'h2', 'text', 'b.txt', '/b.txt');",
        )
        .unwrap();
    }
    let mut nb = Notebook::open(&path).unwrap();
    for q in [
        "pr*",
        "pre*",
        "pres*",
        "presi*",
        "presid*",
        "president*",
        "memo*",
    ] {
        assert_eq!(articles(&nb, q), [1], "{q}");
    }
    assert_eq!(articles(&nb, "presidential"), [1]);
    assert_eq!(articles(&nb, "presx*"), Vec::<i64>::new());
    // The triggers are back: new and deleted articles are indexed.
    let id = plain(&mut nb, "Press", "A pressing matter.");
    assert_eq!(articles(&nb, "press*"), [1, id]);
    nb.delete_article(id).unwrap();
    assert_eq!(articles(&nb, "press*"), [1]);
    let conn = common::read_only(&path);
    let ok: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts' AND sql LIKE '%prefix%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ok, 1);
    drop(conn);
    // The index agrees with its content, titles included.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    let hit = &search(&nb, SearchQuery::new("memo")).hits[0];
    assert_eq!(marked(&hit.snippet), ["memo"]);
}
