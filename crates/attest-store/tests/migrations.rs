//! Every notebook an older Attest wrote opens in this one with all its rows: one fixture
//! per schema version (made by `examples/make_fixtures.rs` from `fixtures/spec.rs`).

mod common;
#[path = "fixtures/spec.rs"]
mod spec;

use attest_core::{DossierEntry, StatementFilter};
use attest_store::{Notebook, SnapshotReason, SCHEMA_VERSION};
use common::*;

#[test]
fn there_is_a_fixture_for_every_schema_version() {
    for version in 1..=SCHEMA_VERSION {
        assert!(
            fixture(version).is_file(),
            "no migration fixture for schema version {version} ({}): add its rows to \
             crates/attest-store/tests/fixtures/spec.rs, run \
             `cargo run -p attest-store --example make_fixtures` and commit the new file",
            fixture(version).display()
        );
    }
}

#[test]
fn every_old_notebook_opens_with_all_its_rows() {
    for version in 1..=SCHEMA_VERSION {
        if !fixture(version).is_file() {
            continue; // Reported by there_is_a_fixture_for_every_schema_version.
        }
        let dir = tempfile::tempdir().unwrap();
        let path = copy_fixture(version, dir.path(), "notes.attest");
        assert_eq!(user_version(&path), version, "the fixture's own version");

        let nb = Notebook::open(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(nb.schema_version().unwrap(), SCHEMA_VERSION, "v{version}");
        check_rows(&nb, version);
        let snapshots = nb.snapshots().unwrap();
        drop(nb);
        assert_healthy(&path);

        // A snapshot of the file as it was, at its old version, before the upgrade.
        let migration: Vec<_> = snapshots
            .iter()
            .filter(|s| s.reason == SnapshotReason::Migration)
            .collect();
        if version < SCHEMA_VERSION {
            assert_eq!(migration.len(), 1, "v{version}: {snapshots:?}");
            let old = &migration[0].path;
            assert_eq!(user_version(old), version, "the snapshot is not migrated");
            assert_healthy(old);
            let text: String = read_only(old)
                .query_row("SELECT text FROM articles WHERE id = 2", [], |r| r.get(0))
                .unwrap();
            assert_eq!(text, spec::TEXT_2);
            // Read from a copy: reading a WAL file leaves -shm beside it, not in the source tree.
            let original = copy_fixture(version, dir.path(), "original.attest");
            assert_eq!(dump(old), dump(&original), "every row, as it was");
        } else {
            assert!(migration.is_empty(), "nothing to migrate: {snapshots:?}");
        }
        // And the day's snapshot, since the notebook has data.
        assert!(
            snapshots.iter().any(|s| s.reason == SnapshotReason::Open),
            "v{version}: {snapshots:?}"
        );

        // Opening again neither migrates nor snapshots again today.
        let nb = Notebook::open(&path).unwrap();
        check_rows(&nb, version);
        assert_eq!(nb.snapshots().unwrap(), snapshots);
    }
}

fn check_rows(nb: &Notebook, version: i64) {
    let ctx = format!("from v{version}");
    let one = nb.article(1).unwrap();
    assert_eq!(one.text, spec::TEXT_1, "{ctx}");
    assert_eq!(one.meta.title.as_deref(), Some("Ministers meet"), "{ctx}");
    assert_eq!(one.meta.byline.as_deref(), Some("News Desk"), "{ctx}");
    let two = nb.article(2).unwrap();
    assert_eq!(two.text.as_bytes(), spec::TEXT_2.as_bytes(), "{ctx}");
    assert_eq!(two.fallback_title, "Заголовок", "{ctx}");
    assert_eq!(nb.article_source(1).unwrap(), spec::SOURCE_1, "{ctx}");
    assert_eq!(nb.article_source(2).unwrap(), spec::SOURCE_2, "{ctx}");
    assert_eq!(nb.article_count().unwrap(), 2, "{ctx}");
    // Full-text search was built by the old triggers and still answers.
    assert_eq!(nb.search_articles("Москва").unwrap().len(), 1, "{ctx}");

    let annotations = nb.annotations(1).unwrap();
    assert_eq!(annotations.len(), 1, "{ctx}");
    assert_eq!(
        annotations[0].anchor.exact, "Talks resume on Monday",
        "{ctx}"
    );
    assert_eq!(annotations[0].note, spec::ANNOTATION_NOTE, "{ctx}");

    let actors = nb.actors().unwrap();
    assert_eq!(actors.len(), if version >= 4 { 2 } else { 1 }, "{ctx}");
    let wang = actors.iter().find(|a| a.name == spec::ACTOR).unwrap();
    assert_eq!(wang.aliases, [spec::ALIAS], "{ctx}");

    // Mentions: stored by v4, found on opening an older notebook.
    let mentions: Vec<(String, String)> = nb
        .mentions(1)
        .unwrap()
        .into_iter()
        .map(|m| (m.text, m.actor.name))
        .collect();
    let expected: Vec<(String, String)> = spec::mentions(version)
        .into_iter()
        .map(|(t, a)| (t.to_owned(), a.to_owned()))
        .collect();
    assert_eq!(mentions, expected, "{ctx}");
    let profile = nb.actor_profile(wang.id).unwrap();
    assert_eq!(profile.mention_count, 1, "{ctx}");
    assert_eq!(profile.statements.len(), 1, "{ctx}");
    assert!(
        !profile.aliases[0].weak && !profile.aliases[0].disabled,
        "{ctx}"
    );
    if version >= 4 {
        assert_eq!(profile.details.notes, spec::NOTES, "{ctx}");
        assert_eq!(
            profile.details.wikidata.as_deref(),
            Some(spec::WIKIDATA),
            "{ctx}"
        );
        assert_eq!(
            profile.details.colour.as_deref(),
            Some(spec::COLOUR),
            "{ctx}"
        );
        assert_eq!(profile.roles.len(), 1, "{ctx}");
        assert_eq!(profile.roles[0].title, spec::ROLE, "{ctx}");
        assert_eq!(
            profile.roles[0].of_actor.as_ref().unwrap().name,
            spec::STATE,
            "{ctx}"
        );
        assert_eq!(
            profile.roles[0].from.as_deref(),
            Some("2023-07-25"),
            "{ctx}"
        );
        let china = nb
            .actor_profile(actors.iter().find(|a| a.name == spec::STATE).unwrap().id)
            .unwrap();
        assert_eq!(china.gazetteer_code.as_deref(), Some("CN"), "{ctx}");
        let flags: Vec<(&str, bool, bool, bool)> = china
            .aliases
            .iter()
            .map(|a| (a.alias.as_str(), a.metonym, a.demonym, a.disabled))
            .collect();
        assert_eq!(
            flags,
            [
                ("Beijing", true, false, false),
                ("中国", false, false, false),
                ("Chinese", false, true, true)
            ],
            "{ctx}"
        );
    } else {
        assert_eq!(profile.details, Default::default(), "{ctx}");
        assert!(profile.roles.is_empty(), "{ctx}");
    }

    let statements = nb.statements(&StatementFilter::default()).unwrap();
    assert_eq!(statements.len(), 1, "{ctx}");
    let s = &statements[0];
    assert_eq!(s.quote(), spec::QUOTE, "{ctx}");
    assert_eq!(s.speakers[0].name, spec::ACTOR, "{ctx}");
    assert_eq!(s.speaker_mention.as_ref().unwrap().exact, "Wang", "{ctx}");
    assert_eq!(s.cue.as_ref().unwrap().exact, "said", "{ctx}");
    if version >= 3 {
        assert_eq!(s.stance, Some(attest_core::Stance::Supports), "{ctx}");
        assert_eq!(s.topics, ["trade", "border security"], "{ctx}");
        assert_eq!(nb.backup_keep().unwrap(), spec::BACKUP_KEEP, "{ctx}");
    } else {
        assert_eq!((s.stance, s.topics.len()), (None, 0), "{ctx}");
    }
    assert_eq!(s.confidence, None, "{ctx}: made by hand");
    if version >= 5 {
        assert_eq!(s.reported_via.as_deref(), Some(spec::REPORTED_VIA), "{ctx}");
        assert_eq!(s.date.as_deref(), Some(spec::STATEMENT_DATE), "{ctx}");
        // The addressee row survived, and is not a speaker.
        assert_eq!(s.speakers.len(), 1, "{ctx}");
    } else {
        assert_eq!(
            (s.reported_via.as_deref(), s.date.as_deref()),
            (None, None),
            "{ctx}"
        );
    }

    let detail = nb.dossier_detail(1).unwrap();
    assert_eq!(detail.dossier.title, spec::DOSSIER, "{ctx}");
    let items: Vec<(&str, &str)> = detail
        .items
        .iter()
        .map(|i| {
            let kind = match &i.entry {
                DossierEntry::Statement { statement } => {
                    assert_eq!(statement.quote(), spec::QUOTE, "{ctx}");
                    "statement"
                }
                DossierEntry::Annotation { annotation, .. } => {
                    assert_eq!(annotation.note, spec::ANNOTATION_NOTE, "{ctx}");
                    "annotation"
                }
                DossierEntry::Article { article } => {
                    assert_eq!(article.id, 2, "{ctx}");
                    "article"
                }
                DossierEntry::Section { title } => {
                    assert_eq!(title, "Background", "{ctx}");
                    "section"
                }
                DossierEntry::Commentary => "commentary",
                DossierEntry::Missing => "missing",
            };
            (kind, i.commentary.as_str())
        })
        .collect();
    assert_eq!(items, spec::dossier_items(version), "{ctx}");
}
