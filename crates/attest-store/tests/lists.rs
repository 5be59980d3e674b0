//! Paged, sorted and filtered article and statement lists, on real notebook files,
//! checked against the same lists sorted and filtered in Rust.

use attest_core::*;
use attest_store::{Notebook, MAX_PAGE};
use common::insert_text;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

mod common;

/// What the test stored for one article.
#[derive(Debug, Clone)]
struct Stored {
    id: i64,
    title: Option<String>,
    byline: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

impl Stored {
    /// `insert_text` stores "f" as every fallback title.
    fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or("f")
    }
}

const TITLES: &[Option<&str>] = &[
    Some("Minister rules out concessions"),
    Some("minister meets envoy"),
    None,
    Some("Über die Grenze"),
    Some("Переговоры продолжаются"),
    Some("外交部发言人答记者问"),
    Some("50% tariff_plan announced"),
    Some("Zebra crossing talks"),
    Some("apple harvest"),
    Some("Émile Durand speaks"),
];
const OUTLETS: &[Option<&str>] = &[
    Some("The Daily"),
    Some("the daily"),
    Some("Xinhua"),
    None,
    Some("Le Monde"),
];
const DATES: &[Option<&str>] = &[
    Some("2024-03-05"),
    Some("2023-12-31"),
    None,
    Some("2024-03-05T10:00:00Z"),
    Some("2024-01"),
    Some("2022-07-14"),
];
const LANGUAGES: &[Option<&str>] = &[Some("en"), Some("en-GB"), Some("de"), Some("zh"), None];
const BYLINES: &[Option<&str>] = &[Some("Jane Doe"), None, Some("Ли Вэй"), Some("Tariff Desk")];

/// A notebook of `n` articles cycling through the values above (with coprime cycle
/// lengths, so every combination occurs).
fn notebook(n: usize) -> (tempfile::TempDir, Notebook, Vec<Stored>) {
    let dir = tempfile::tempdir().unwrap();
    let mut nb = Notebook::open(dir.path().join("lists.attest")).unwrap();
    let mut stored = Vec::new();
    for i in 0..n {
        let meta = ArticleMeta {
            title: TITLES[i % TITLES.len()].map(str::to_owned),
            byline: BYLINES[i % BYLINES.len()].map(str::to_owned),
            outlet: OUTLETS[i % OUTLETS.len()].map(str::to_owned),
            published: DATES[i % DATES.len()].map(str::to_owned),
            language: LANGUAGES[i % LANGUAGES.len()].map(str::to_owned),
            ..Default::default()
        };
        // Distinct texts: the notebook refuses duplicates.
        let text = format!("Article number {i} of the list test, with words of its own: {i:x}.");
        let id = insert_text(&mut nb, &text, meta.clone());
        stored.push(Stored {
            id,
            title: meta.title,
            byline: meta.byline,
            outlet: meta.outlet,
            published: meta.published,
            language: meta.language,
        });
    }
    (dir, nb, stored)
}

/// SQLite's NOCASE: ASCII letters folded, then byte order (code point order).
fn nocase(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// The list `q` asks for, worked out in Rust: the ids in order, offset and limit aside.
fn expected(stored: &[Stored], q: &ArticlePageQuery) -> Vec<i64> {
    let blank = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let prefix_cmp = |date: &Option<String>, bound: &str| {
        date.as_deref()
            .map(|d| d.chars().take(bound.chars().count()).collect::<String>())
    };
    let mut rows: Vec<&Stored> = stored
        .iter()
        .filter(|a| {
            blank(&q.outlet)
                .is_none_or(|o| a.outlet.as_deref().is_some_and(|x| nocase(x) == nocase(&o)))
        })
        .filter(|a| {
            blank(&q.language).is_none_or(|l| {
                a.language
                    .as_deref()
                    .is_some_and(|x| nocase(x) == nocase(&l) || x.starts_with(&format!("{l}-")))
            })
        })
        .filter(|a| {
            blank(&q.from).is_none_or(|f| prefix_cmp(&a.published, &f).is_some_and(|d| d >= f))
        })
        .filter(|a| {
            blank(&q.to).is_none_or(|t| prefix_cmp(&a.published, &t).is_some_and(|d| d <= t))
        })
        .filter(|a| {
            blank(&q.contains).is_none_or(|w| {
                let w = nocase(&w);
                nocase(a.display_title()).contains(&w)
                    || a.byline.as_deref().is_some_and(|b| nocase(b).contains(&w))
            })
        })
        .collect();
    // Ascending with NULLs first, as SQLite orders; descending is the reverse.
    rows.sort_by(|a, b| {
        let key = |x: &Stored| match q.sort {
            ArticleSort::Imported => None,
            ArticleSort::Title => Some(Some(nocase(x.display_title()))),
            ArticleSort::Published => Some(x.published.clone()),
            ArticleSort::Outlet => Some(x.outlet.as_deref().map(nocase)),
        };
        (key(a), a.id).cmp(&(key(b), b.id))
    });
    if q.descending {
        rows.reverse();
    }
    rows.into_iter().map(|a| a.id).collect()
}

fn ids(page: &ArticlePage) -> Vec<i64> {
    page.rows.iter().map(|r| r.id).collect()
}

fn query(sort: ArticleSort, descending: bool) -> ArticlePageQuery {
    ArticlePageQuery {
        sort,
        descending,
        limit: MAX_PAGE,
        ..Default::default()
    }
}

#[test]
fn every_sort_both_ways_orders_as_expected() {
    let (_d, nb, stored) = notebook(40);
    for &sort in ArticleSort::ALL {
        for descending in [false, true] {
            let q = query(sort, descending);
            let page = nb.article_page(&q).unwrap();
            assert_eq!(page.total, 40);
            assert_eq!(
                ids(&page),
                expected(&stored, &q),
                "{sort:?} descending={descending}"
            );
        }
    }
    // Spot checks the model above could share a mistake with.
    let by_title = nb.article_page(&query(ArticleSort::Title, false)).unwrap();
    let titles: Vec<&str> = by_title
        .rows
        .iter()
        .map(|r| r.display_title.as_str())
        .collect();
    assert_eq!(titles.first(), Some(&"50% tariff_plan announced"));
    // Letter case aside for A–Z; other scripts after Latin, by code point.
    let apple = titles.iter().position(|t| *t == "apple harvest").unwrap();
    let minister = titles
        .iter()
        .position(|t| *t == "Minister rules out concessions")
        .unwrap();
    let zebra = titles
        .iter()
        .position(|t| *t == "Zebra crossing talks")
        .unwrap();
    let cyrillic = titles
        .iter()
        .position(|t| *t == "Переговоры продолжаются")
        .unwrap();
    let han = titles
        .iter()
        .position(|t| *t == "外交部发言人答记者问")
        .unwrap();
    assert!(apple < minister && minister < zebra && zebra < cyrillic && cyrillic < han);
    let newest_first = nb
        .article_page(&query(ArticleSort::Imported, true))
        .unwrap();
    assert_eq!(newest_first.rows[0].id, stored.last().unwrap().id);
    let latest = nb
        .article_page(&query(ArticleSort::Published, true))
        .unwrap();
    assert_eq!(
        latest.rows[0].published.as_deref(),
        Some("2024-03-05T10:00:00Z")
    );
    assert_eq!(latest.rows.last().unwrap().published, None);
}

#[test]
fn pages_join_up_to_the_whole_list_and_stop_at_its_end() {
    let (_d, nb, stored) = notebook(23);
    for &sort in ArticleSort::ALL {
        let whole = expected(&stored, &query(sort, true));
        let mut joined = Vec::new();
        let mut offset = 0;
        loop {
            let page = nb
                .article_page(&ArticlePageQuery {
                    offset,
                    limit: 5,
                    ..query(sort, true)
                })
                .unwrap();
            assert_eq!(page.total, 23);
            assert_eq!(page.offset, offset);
            if page.rows.is_empty() {
                break;
            }
            assert!(
                page.rows.len() == 5 || offset == 20,
                "a short page before the end"
            );
            joined.extend(ids(&page));
            offset += 5;
        }
        assert_eq!(joined, whole, "{sort:?}");
    }
    let at = |offset, limit| {
        nb.article_page(&ArticlePageQuery {
            offset,
            limit,
            ..Default::default()
        })
        .unwrap()
    };
    assert_eq!(at(22, 5).rows.len(), 1);
    assert!(at(23, 5).rows.is_empty());
    assert!(at(1_000_000, 5).rows.is_empty());
    assert!(at(0, 0).rows.is_empty());
    assert_eq!(at(0, 0).total, 23);
    let err = nb
        .article_page(&ArticlePageQuery {
            limit: MAX_PAGE + 1,
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a page holds at most 1000 rows (1001 were asked for)"
    );
}

#[test]
fn filters_narrow_the_list_and_its_total() {
    let (_d, nb, stored) = notebook(60);
    let check = |q: ArticlePageQuery, at_least: usize| {
        let page = nb.article_page(&q).unwrap();
        let want = expected(&stored, &q);
        assert!(
            want.len() >= at_least,
            "the test data has too few rows for {q:?}"
        );
        assert_eq!(ids(&page), want, "{q:?}");
        assert_eq!(page.total as usize, want.len(), "{q:?}");
        want
    };
    let some = |s: &str| Some(s.to_owned());
    // "The Daily" and "the daily" are one outlet.
    let daily = check(
        ArticlePageQuery {
            outlet: some(" THE DAILY "),
            ..query(ArticleSort::Title, false)
        },
        2,
    );
    assert_eq!(daily.len(), 60 * 2 / 5);
    // "en" takes "en-GB" too, not "de".
    let english = check(
        ArticlePageQuery {
            language: some("en"),
            ..query(ArticleSort::Imported, false)
        },
        2,
    );
    assert_eq!(english.len(), 60 * 2 / 5);
    // Date bounds compare the date's prefix: "2024" takes every day of 2024.
    check(
        ArticlePageQuery {
            from: some("2024"),
            ..query(ArticleSort::Published, false)
        },
        3,
    );
    check(
        ArticlePageQuery {
            to: some("2023-12"),
            ..query(ArticleSort::Published, true)
        },
        2,
    );
    let march = check(
        ArticlePageQuery {
            from: some("2024-03"),
            to: some("2024-03"),
            ..query(ArticleSort::Outlet, false)
        },
        2,
    );
    for id in &march {
        let a = stored.iter().find(|a| a.id == *id).unwrap();
        assert!(a.published.as_deref().unwrap().starts_with("2024-03-05"));
    }
    // Title or byline; wildcards literal; other scripts matched as written.
    check(
        ArticlePageQuery {
            contains: some("minister"),
            ..query(ArticleSort::Title, false)
        },
        2,
    );
    check(
        ArticlePageQuery {
            contains: some("tariff"),
            ..query(ArticleSort::Title, false)
        },
        2,
    );
    let percent = check(
        ArticlePageQuery {
            contains: some("0%"),
            ..query(ArticleSort::Imported, false)
        },
        2,
    );
    assert!(percent.iter().all(|id| stored
        .iter()
        .find(|a| a.id == *id)
        .unwrap()
        .display_title()
        .contains("50%")));
    assert!(check(
        ArticlePageQuery {
            contains: some("_"),
            ..query(ArticleSort::Imported, false)
        },
        1
    )
    .iter()
    .all(|id| stored
        .iter()
        .find(|a| a.id == *id)
        .unwrap()
        .display_title()
        .contains('_')));
    check(
        ArticlePageQuery {
            contains: some("发言人"),
            ..query(ArticleSort::Imported, false)
        },
        2,
    );
    check(
        ArticlePageQuery {
            contains: some("Вэй"),
            ..query(ArticleSort::Imported, false)
        },
        2,
    );
    check(
        ArticlePageQuery {
            contains: some("Über"),
            ..query(ArticleSort::Imported, false)
        },
        2,
    );
    // Combined, and a filter nothing passes.
    check(
        ArticlePageQuery {
            outlet: some("xinhua"),
            from: some("2023"),
            contains: some("e"),
            ..query(ArticleSort::Published, true)
        },
        1,
    );
    let none = nb
        .article_page(&ArticlePageQuery {
            outlet: some("Nobody's Gazette"),
            ..query(ArticleSort::Title, false)
        })
        .unwrap();
    assert_eq!((none.total, none.rows.len()), (0, 0));
    // Blank filters filter nothing.
    let blank = nb
        .article_page(&ArticlePageQuery {
            outlet: some("  "),
            contains: some(""),
            ..query(ArticleSort::Title, false)
        })
        .unwrap();
    assert_eq!(blank.total, 60);
}

#[test]
fn random_queries_match_the_model_and_positions_agree_with_pages() {
    let (_d, nb, stored) = notebook(45);
    let text =
        |choices: &'static [&'static str]| proptest::option::of(proptest::sample::select(choices));
    let strategy = (
        proptest::sample::select(ArticleSort::ALL),
        any::<bool>(),
        text(&["the daily", "Xinhua", "Le Monde"]),
        text(&["en", "de", "zh", "en-GB"]),
        text(&["2023", "2024-01", "2024-03-05"]),
        text(&["2023-12-31", "2024", "2022"]),
        text(&["min", "e", "Jane", "Гр", "%"]),
        0u32..50,
        0u32..20,
    );
    let mut runner = TestRunner::new(Config {
        cases: 200,
        ..Config::default()
    });
    runner
        .run(
            &strategy,
            |(sort, descending, outlet, language, from, to, contains, offset, limit)| {
                let q = ArticlePageQuery {
                    sort,
                    descending,
                    outlet: outlet.map(str::to_owned),
                    language: language.map(str::to_owned),
                    from: from.map(str::to_owned),
                    to: to.map(str::to_owned),
                    contains: contains.map(str::to_owned),
                    offset,
                    limit,
                };
                let page = nb.article_page(&q).unwrap();
                let want = expected(&stored, &q);
                prop_assert_eq!(page.total as usize, want.len());
                let window: Vec<i64> = want
                    .iter()
                    .copied()
                    .skip(offset as usize)
                    .take(limit as usize)
                    .collect();
                prop_assert_eq!(ids(&page), window);
                for a in &stored {
                    let position = nb.article_position(&q, a.id).unwrap();
                    prop_assert_eq!(
                        position,
                        want.iter().position(|id| *id == a.id).map(|p| p as u32)
                    );
                }
                Ok(())
            },
        )
        .unwrap();
    assert_eq!(
        nb.article_position(&ArticlePageQuery::default(), 999_999)
            .unwrap(),
        None
    );
}

#[test]
fn statement_pages_sort_filter_and_page() {
    let (_d, mut nb, stored) = notebook(6);
    let actor = |nb: &mut Notebook, name: &str| {
        nb.add_actor(&NewActor {
            name: name.into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap()
        .id
    };
    let zhou = actor(&mut nb, "Zhou Enlai");
    let abe = actor(&mut nb, "abe Shinzo");
    let merkel = actor(&mut nb, "Ångela Merkel");
    let kinds = [
        StatementKind::Direct,
        StatementKind::Indirect,
        StatementKind::Mixed,
    ];
    let mut made = Vec::new();
    for (i, a) in stored.iter().enumerate() {
        // Two statements an article, the second earlier in the text: reading order is
        // not creation order.
        for (j, start) in [(0, 20u32), (1, 2u32)] {
            let n = i * 2 + j;
            let speakers = match n % 4 {
                0 => vec![zhou],
                1 => vec![abe, zhou],
                2 => vec![merkel],
                _ => vec![],
            };
            let s = nb
                .add_statement(&NewStatement {
                    article_id: a.id,
                    content: vec![Span {
                        start,
                        end: start + 5,
                    }],
                    speaker_actor_ids: speakers,
                    speaker_mention: None,
                    cue: None,
                    kind: kinds[n % 3],
                    stance: None,
                    topics: vec![],
                    addressee_actor_ids: vec![],
                    target_actor_ids: vec![],
                    reported_via: None,
                    // Every third statement has its own date; the others take the article's.
                    date: (n % 3 == 0).then(|| format!("2021-01-{:02}", n + 1)),
                })
                .unwrap();
            if n % 5 == 1 {
                nb.set_statement_status(s.id, StatementStatus::Rejected)
                    .unwrap();
            }
            made.push(nb.statement(s.id).unwrap());
        }
    }
    let page = |q: StatementPageQuery| nb.statement_page(&q).unwrap();
    let all = |sort, descending| StatementPageQuery {
        sort,
        descending,
        limit: 100,
        ..Default::default()
    };
    let statement_ids = |p: &StatementPage| p.rows.iter().map(|s| s.id).collect::<Vec<_>>();

    // Article order: article, then the order recorded (not reading order: the
    // second statement of each article starts earlier in the text).
    let by_article = page(all(StatementSort::Article, false));
    assert_eq!(by_article.total, 12);
    let mut listed: Vec<i64> = made.iter().map(|s| s.id).collect();
    listed.sort_by_key(|id| (made.iter().find(|s| s.id == *id).unwrap().article_id, *id));
    assert_eq!(statement_ids(&by_article), listed);
    assert_eq!(by_article.rows[0].content[0].start, 20);
    let mut reversed = listed.clone();
    reversed.reverse();
    assert_eq!(
        statement_ids(&page(all(StatementSort::Article, true))),
        reversed
    );

    // By the article's date (undated first), then article, then statement.
    let date_of = |s: &Statement| {
        stored
            .iter()
            .find(|a| a.id == s.article_id)
            .unwrap()
            .published
            .clone()
    };
    let mut want = made.clone();
    want.sort_by_key(|s| (date_of(s), s.article_id, s.id));
    let want: Vec<i64> = want.iter().map(|s| s.id).collect();
    assert_eq!(statement_ids(&page(all(StatementSort::Date, false))), want);
    let mut newest_first = want.clone();
    newest_first.reverse();
    assert_eq!(
        statement_ids(&page(all(StatementSort::Date, true))),
        newest_first
    );
    let accepted_by_date = page(StatementPageQuery {
        status: Some(StatementStatus::Accepted),
        ..all(StatementSort::Date, false)
    });
    assert_eq!(
        statement_ids(&accepted_by_date),
        want.iter()
            .copied()
            .filter(|id| made
                .iter()
                .any(|s| s.id == *id && s.status == StatementStatus::Accepted))
            .collect::<Vec<_>>()
    );

    // The first speaker by name, letter case aside for A–Z; no speaker last both ways.
    let speaker_of = |s: &Statement| s.speakers.first().map(|a| nocase(&a.name));
    for descending in [false, true] {
        let mut want = made.clone();
        want.sort_by(|a, b| {
            let (ka, kb) = (speaker_of(a), speaker_of(b));
            let by_name = if descending { kb.cmp(&ka) } else { ka.cmp(&kb) };
            let by_id = if descending {
                b.id.cmp(&a.id)
            } else {
                a.id.cmp(&b.id)
            };
            (ka.is_none().cmp(&kb.is_none())).then(by_name).then(by_id)
        });
        let got = page(all(StatementSort::Speaker, descending));
        assert_eq!(
            statement_ids(&got),
            want.iter().map(|s| s.id).collect::<Vec<_>>(),
            "descending={descending}"
        );
        assert!(got.rows.last().unwrap().speakers.is_empty());
    }
    let first = page(all(StatementSort::Speaker, false));
    assert_eq!(first.rows[0].speakers[0].name, "abe Shinzo");

    let by_kind = page(all(StatementSort::Kind, false));
    let kinds_seen: Vec<&str> = by_kind.rows.iter().map(|s| s.kind.as_str()).collect();
    let mut sorted = kinds_seen.clone();
    sorted.sort();
    assert_eq!(kinds_seen, sorted);
    let by_status = page(all(StatementSort::Status, true));
    assert_eq!(by_status.rows[0].status, StatementStatus::Rejected);
    assert_eq!(
        by_status.rows.last().unwrap().status,
        StatementStatus::Accepted
    );

    // Filters: status, article, speaker; each with its total.
    let rejected = page(StatementPageQuery {
        status: Some(StatementStatus::Rejected),
        ..all(StatementSort::Article, false)
    });
    assert_eq!(
        rejected.total as usize,
        made.iter()
            .filter(|s| s.status == StatementStatus::Rejected)
            .count()
    );
    assert!(rejected
        .rows
        .iter()
        .all(|s| s.status == StatementStatus::Rejected));
    let in_article = page(StatementPageQuery {
        filter: StatementFilter {
            article_id: Some(stored[2].id),
            actor_id: None,
        },
        ..all(StatementSort::Article, false)
    });
    assert_eq!(in_article.total, 2);
    assert_eq!(in_article.rows[0].article_id, stored[2].id);
    let by_zhou = page(StatementPageQuery {
        filter: StatementFilter {
            article_id: None,
            actor_id: Some(zhou),
        },
        ..all(StatementSort::Speaker, false)
    });
    assert_eq!(
        by_zhou.total as usize,
        made.iter()
            .filter(|s| s.speakers.iter().any(|a| a.id == zhou))
            .count()
    );
    // A second speaker counts: "abe Shinzo, Zhou Enlai" statements come first.
    assert_eq!(by_zhou.rows[0].speakers[0].id, abe);

    // Paging.
    let window = page(StatementPageQuery {
        offset: 10,
        limit: 5,
        ..all(StatementSort::Article, false)
    });
    assert_eq!(statement_ids(&window), listed[10..].to_vec());
    assert_eq!(window.total, 12);
    assert!(page(StatementPageQuery {
        offset: 12,
        limit: 5,
        ..Default::default()
    })
    .rows
    .is_empty());
    assert!(nb
        .statement_page(&StatementPageQuery {
            limit: MAX_PAGE + 1,
            ..Default::default()
        })
        .is_err());

    // The whole order, and pages cut from it, are what the pages read alone give.
    for &sort in StatementSort::ALL {
        for descending in [false, true] {
            for status in [None, Some(StatementStatus::Accepted)] {
                let q = StatementPageQuery {
                    status,
                    ..all(sort, descending)
                };
                let order = nb.statement_order(&q).unwrap();
                assert_eq!(order, statement_ids(&nb.statement_page(&q).unwrap()));
                let window = StatementPageQuery {
                    offset: 3,
                    limit: 4,
                    ..q.clone()
                };
                assert_eq!(
                    nb.statement_page_of(&window, &order).unwrap(),
                    nb.statement_page(&window).unwrap()
                );
            }
        }
    }

    // The change mark moves with a write and only then.
    let before = nb.change_mark().unwrap();
    nb.statement_order(&all(StatementSort::Speaker, false))
        .unwrap();
    assert_eq!(nb.change_mark().unwrap(), before);
    nb.set_statement_status(made[0].id, StatementStatus::Accepted)
        .unwrap();
    assert_ne!(nb.change_mark().unwrap(), before);
}

#[test]
fn the_change_mark_sees_a_commit_through_another_connection() {
    let (dir, nb, _) = notebook(1);
    let before = nb.change_mark().unwrap();
    let mut other = Notebook::open(dir.path().join("lists.attest")).unwrap();
    other
        .add_actor(&NewActor {
            name: "Someone Else".into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap();
    assert_ne!(nb.change_mark().unwrap(), before);
}

#[test]
fn a_notebook_of_an_older_schema_gets_the_list_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.attest");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        attest_store::fixtures::apply_migrations_up_to(&mut conn, 8).unwrap();
    }
    let nb = Notebook::open(&path).unwrap();
    drop(nb);
    let indexes: Vec<String> = common::read_only(&path)
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'articles_by_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        indexes,
        [
            // Search's (migration 8), then the lists' (migration 9).
            "articles_by_language",
            "articles_by_outlet",
            "articles_by_published",
            "articles_by_title"
        ]
    );
}
