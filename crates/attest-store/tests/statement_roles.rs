//! A statement's addressees, targets, reported-via and date, on real notebook files:
//! several actors per role in order, read back after reopening, replaced per role,
//! proposals carrying them, and actor merges and notebook merges keeping them.

mod common;

use attest_core::{
    text, ActorKind, ArticleMeta, NewActor, NewStatement, Span, Statement, StatementFilter,
    StatementKind, StatementRole, StatementStatus,
};
use attest_store::{Notebook, StoreError};
use common::{assert_healthy, insert_text};
use std::path::Path;

const TEXT: &str = "Talks\nBEIJING: Wang told Dar and Yu in a call that “we stand firmly”, \
                    according to a statement released by the ministry.";

fn add_article(nb: &mut Notebook, text: &str) -> i64 {
    let meta = ArticleMeta {
        title: Some("Talks".into()),
        ..ArticleMeta::default()
    };
    insert_text(nb, text, meta)
}

fn actor(nb: &mut Notebook, name: &str, kind: ActorKind) -> i64 {
    nb.add_actor(&NewActor {
        name: name.into(),
        kind,
        aliases: vec![],
    })
    .unwrap()
    .id
}

fn span(needle: &str) -> Span {
    text::find(TEXT, needle).unwrap()
}

/// Our notebook: the article and five actors (Wang, Dar, Yu, Japan, India).
struct Fixture {
    nb: Notebook,
    article: i64,
    wang: i64,
    dar: i64,
    yu: i64,
    japan: i64,
    india: i64,
}

fn fixture(path: &Path) -> Fixture {
    let mut nb = Notebook::open(path).unwrap();
    let article = add_article(&mut nb, TEXT);
    Fixture {
        wang: actor(&mut nb, "Wang Yi", ActorKind::Person),
        dar: actor(&mut nb, "Ishaq Dar", ActorKind::Person),
        yu: actor(&mut nb, "Yu Jianchao", ActorKind::Person),
        japan: actor(&mut nb, "Japan", ActorKind::State),
        india: actor(&mut nb, "India", ActorKind::State),
        nb,
        article,
    }
}

fn new_statement(f: &Fixture) -> NewStatement {
    NewStatement {
        article_id: f.article,
        content: vec![span("we stand firmly")],
        speaker_actor_ids: vec![f.wang],
        speaker_mention: Some(span("Wang")),
        cue: Some(span("told")),
        kind: StatementKind::Direct,
        stance: None,
        topics: vec![],
        addressee_actor_ids: vec![f.yu, f.dar],
        target_actor_ids: vec![f.japan, f.india],
        reported_via: Some(" a statement released by the ministry ".into()),
        date: Some("2025-05-12".into()),
    }
}

fn names(list: &[attest_core::ActorRef]) -> Vec<&str> {
    list.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn several_addressees_and_targets_are_kept_in_order_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let mut f = fixture(&path);
    let new = new_statement(&f);
    let s = f.nb.add_statement(&new).unwrap();
    assert_eq!(names(&s.speakers), ["Wang Yi"]);
    assert_eq!(names(&s.addressees), ["Yu Jianchao", "Ishaq Dar"]);
    assert_eq!(names(&s.targets), ["Japan", "India"]);
    assert_eq!(
        s.reported_via.as_deref(),
        Some("a statement released by the ministry")
    );
    assert_eq!(s.date.as_deref(), Some("2025-05-12"));
    assert_eq!(s.speaker_mention.as_ref().unwrap().exact, "Wang");
    let id = s.id;
    drop(f);

    // Read back from the file.
    let nb = Notebook::open(&path).unwrap();
    let again = nb.statement(id).unwrap();
    assert_eq!(again, s);
    // JSON round trip of the domain type.
    let json = serde_json::to_string(&again).unwrap();
    let back: Statement = serde_json::from_str(&json).unwrap();
    assert_eq!(back, again);
    // Listing by actor finds speakers, not addressees or targets.
    let by = |actor_id| {
        nb.statements(&StatementFilter {
            article_id: None,
            actor_id: Some(actor_id),
        })
        .unwrap()
        .len()
    };
    let (wang, dar) = (s.speakers[0].id, s.addressees[1].id);
    assert_eq!((by(wang), by(dar)), (1, 0));
    drop(nb);
    assert_healthy(&path);
}

#[test]
fn an_old_client_without_the_new_fields_still_records_a_statement() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = fixture(&dir.path().join("n.attest"));
    let json = serde_json::json!({
        "article_id": f.article,
        "content": [span("we stand firmly")],
        "speaker_actor_ids": [f.wang],
        "speaker_mention": null,
        "cue": null,
        "kind": "direct",
        "stance": null,
        "topics": [],
    });
    let new: NewStatement = serde_json::from_value(json).unwrap();
    let s = f.nb.add_statement(&new).unwrap();
    assert!(s.addressees.is_empty() && s.targets.is_empty());
    assert_eq!((s.reported_via, s.date), (None, None));
}

#[test]
fn setting_one_role_replaces_it_and_leaves_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let mut f = fixture(&path);
    let s = f.nb.add_statement(&new_statement(&f)).unwrap();

    let s2 =
        f.nb.set_statement_actors(s.id, StatementRole::Addressee, &[f.dar])
            .unwrap();
    assert_eq!(names(&s2.addressees), ["Ishaq Dar"]);
    assert_eq!(names(&s2.targets), ["Japan", "India"]);
    assert_eq!(names(&s2.speakers), ["Wang Yi"]);

    let s3 =
        f.nb.set_statement_actors(s.id, StatementRole::Target, &[f.india, f.japan, f.india])
            .unwrap();
    assert_eq!(names(&s3.targets), ["India", "Japan"], "repeats dropped");

    // Speakers: replaced, the words naming the speaker kept.
    let s4 =
        f.nb.set_statement_actors(s.id, StatementRole::Speaker, &[f.yu, f.wang])
            .unwrap();
    assert_eq!(names(&s4.speakers), ["Yu Jianchao", "Wang Yi"]);
    assert_eq!(s4.speaker_mention, s.speaker_mention);
    assert_eq!(names(&s4.addressees), ["Ishaq Dar"]);

    // Cleared.
    let s5 =
        f.nb.set_statement_actors(s.id, StatementRole::Addressee, &[])
            .unwrap();
    assert!(s5.addressees.is_empty());

    // An unknown actor or statement changes nothing.
    let err =
        f.nb.set_statement_actors(s.id, StatementRole::Target, &[f.japan, 999])
            .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                what: "actor",
                id: 999
            }
        ),
        "{err}"
    );
    assert_eq!(f.nb.statement(s.id).unwrap(), s5);
    let err =
        f.nb.set_statement_actors(999, StatementRole::Target, &[f.japan])
            .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                what: "statement",
                ..
            }
        ),
        "{err}"
    );

    // Reported-via: set, blank clears, None clears.
    let v =
        f.nb.set_statement_reported_via(s.id, Some("an interview with the BBC"))
            .unwrap();
    assert_eq!(v.reported_via.as_deref(), Some("an interview with the BBC"));
    let v = f.nb.set_statement_reported_via(s.id, Some("  ")).unwrap();
    assert_eq!(v.reported_via, None);
    f.nb.set_statement_reported_via(s.id, Some("a letter"))
        .unwrap();
    assert_eq!(
        f.nb.set_statement_reported_via(s.id, None)
            .unwrap()
            .reported_via,
        None
    );
    assert!(matches!(
        f.nb.set_statement_reported_via(999, None).unwrap_err(),
        StoreError::NotFound { .. }
    ));
    drop(f);
    let nb = Notebook::open(&path).unwrap();
    assert_eq!(
        names(&nb.statement(s.id).unwrap().speakers),
        ["Yu Jianchao", "Wang Yi"]
    );
    drop(nb);
    assert_healthy(&path);
}

#[test]
fn proposals_carry_their_roles() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = fixture(&dir.path().join("n.attest"));
    let mut new = new_statement(&f);
    new.target_actor_ids.clear();
    new.date = None;
    let list =
        f.nb.add_proposed_statements(f.article, &[(new, 0.8)], StatementStatus::Proposed)
            .unwrap();
    assert_eq!(names(&list[0].addressees), ["Yu Jianchao", "Ishaq Dar"]);
    assert!(list[0].targets.is_empty());
    assert_eq!(
        list[0].reported_via.as_deref(),
        Some("a statement released by the ministry")
    );
    assert_eq!(list[0].status, StatementStatus::Proposed);
}

#[test]
fn merging_and_unmerging_actors_carries_addressees_and_targets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let mut f = fixture(&path);
    let dup = actor(&mut f.nb, "Dar (duplicate)", ActorKind::Person);
    let mut new = new_statement(&f);
    new.addressee_actor_ids = vec![dup];
    new.target_actor_ids = vec![dup, f.japan];
    let only_dup = f.nb.add_statement(&new).unwrap();
    // Here Dar is an addressee already: the duplicate's row goes.
    new.addressee_actor_ids = vec![f.dar, dup];
    new.content = vec![span("according to")];
    let both = f.nb.add_statement(&new).unwrap();

    f.nb.merge_actor(f.dar, dup).unwrap();
    let a = f.nb.statement(only_dup.id).unwrap();
    assert_eq!(names(&a.addressees), ["Ishaq Dar"]);
    assert_eq!(names(&a.targets), ["Ishaq Dar", "Japan"]);
    let b = f.nb.statement(both.id).unwrap();
    assert_eq!(names(&b.addressees), ["Ishaq Dar"]);

    f.nb.unmerge_actor(dup).unwrap();
    assert_eq!(f.nb.statement(only_dup.id).unwrap(), only_dup);
    assert_eq!(f.nb.statement(both.id).unwrap(), both);
    drop(f);
    assert_healthy(&path);
}

#[test]
fn merging_notebooks_carries_addressees_targets_and_reported_via() {
    let dir = tempfile::tempdir().unwrap();
    let theirs_path = dir.path().join("theirs.attest");
    let mut theirs = fixture(&theirs_path);
    let s = theirs.nb.add_statement(&new_statement(&theirs)).unwrap();
    drop(theirs);

    // Ours holds the same article and only Wang and Dar.
    let path = dir.path().join("ours.attest");
    let mut nb = Notebook::open(&path).unwrap();
    add_article(&mut nb, TEXT);
    actor(&mut nb, "Wang Yi", ActorKind::Person);
    actor(&mut nb, "Ishaq Dar", ActorKind::Person);
    let report = nb.merge(&theirs_path, &[]).unwrap();
    assert_eq!(report.statements_added, 1, "{report:?}");
    let list = nb.statements(&StatementFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    let got = &list[0];
    assert_eq!(names(&got.speakers), names(&s.speakers));
    assert_eq!(names(&got.addressees), names(&s.addressees));
    assert_eq!(names(&got.targets), names(&s.targets));
    assert_eq!(got.reported_via, s.reported_via);
    assert_eq!(got.date, s.date);
    // A second merge adds nothing.
    assert_eq!(nb.merge(&theirs_path, &[]).unwrap().statements_added, 0);
    drop(nb);
    assert_healthy(&path);
}

#[test]
fn the_coding_dialog_saves_everything_in_one_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = fixture(&dir.path().join("n.attest"));
    let mut new = new_statement(&f);
    (
        new.addressee_actor_ids,
        new.target_actor_ids,
        new.reported_via,
    ) = (vec![], vec![], None);
    let id = f.nb.add_statement(&new).unwrap().id;

    let coding = attest_core::StatementCoding {
        stance: Some(attest_core::Stance::Opposes),
        topics: vec!["ceasefire".into()],
        addressee_actor_ids: vec![f.dar],
        target_actor_ids: vec![f.india, f.japan],
        reported_via: Some("a telephone call".into()),
    };
    let coded = f.nb.code_statement(id, &coding).unwrap();
    assert_eq!(coded.stance, Some(attest_core::Stance::Opposes));
    assert_eq!(coded.topics, ["ceasefire"]);
    assert_eq!(names(&coded.addressees), ["Ishaq Dar"]);
    assert_eq!(names(&coded.targets), ["India", "Japan"]);
    assert_eq!(coded.reported_via.as_deref(), Some("a telephone call"));
    assert_eq!(
        names(&coded.speakers),
        ["Wang Yi"],
        "speakers are not coding"
    );

    // An unknown target: nothing of the new coding is written.
    let bad = attest_core::StatementCoding {
        stance: None,
        topics: vec![],
        addressee_actor_ids: vec![],
        target_actor_ids: vec![9999],
        reported_via: None,
    };
    let err = f.nb.code_statement(id, &bad).unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound { what: "actor", .. }),
        "{err:?}"
    );
    assert_eq!(f.nb.statement(id).unwrap(), coded);

    // Empty coding clears it all.
    let cleared = f.nb.code_statement(id, &Default::default()).unwrap();
    assert!(cleared.stance.is_none() && cleared.topics.is_empty());
    assert!(cleared.addressees.is_empty() && cleared.targets.is_empty());
    assert!(cleared.reported_via.is_none());
}
