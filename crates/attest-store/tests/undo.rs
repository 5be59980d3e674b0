//! Undo, redo and the trash, on real notebook files: after undo the notebook's data is
//! exactly as before the step (whole table dumps compared), after redo exactly as
//! after it.

use attest_core::*;
use attest_store::{Notebook, StoreError};
use common::{insert_text, read_only};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

mod common;

const TEXT: &str = "Wang Yi said on Monday: “We will never accept this.” \
                    The European Union replied that it regrets the decision. \
                    Later, Mr. Wang told Ursula von der Leyen: “Talks must go on.”";
const OTHER: &str = "Ursula von der Leyen spoke in Brussels. \
                     She said the Union “stands ready” and Wang Yi agreed.";

fn notebook() -> (tempfile::TempDir, PathBuf, Notebook) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.attest");
    let nb = Notebook::open(&path).unwrap();
    (dir, path, nb)
}

fn import(nb: &mut Notebook, text: &str, title: &str) -> i64 {
    let meta = ArticleMeta {
        title: Some(title.into()),
        outlet: Some("Wire".into()),
        published: Some("2026-03-02".into()),
        ..Default::default()
    };
    insert_text(nb, text, meta)
}

/// Code-point span of `needle` in `text`.
fn span(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count() as u32;
    Span {
        start,
        end: start + needle.chars().count() as u32,
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

fn statement(nb: &mut Notebook, article: i64, text: &str, quote: &str, speakers: &[i64]) -> i64 {
    nb.add_statement(&NewStatement {
        speaker_actor_ids: speakers.to_vec(),
        cue: Some(span(text, "said")),
        stance: Some(Stance::Opposes),
        topics: vec!["trade".into()],
        ..NewStatement::direct(article, vec![span(text, quote)])
    })
    .unwrap()
    .id
}

/// The statements and highlight notes a search finds (their own FTS indexes follow
/// undo and restore through the notebook's triggers).
fn search_hits(nb: &Notebook, text: &str) -> Vec<(SearchHitKind, Option<i64>, Option<i64>)> {
    let q = SearchQuery {
        text: text.into(),
        kinds: vec![SearchHitKind::Note, SearchHitKind::Statement],
        ..Default::default()
    };
    nb.search(&q)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.kind, h.statement_id, h.annotation_id))
        .collect()
}

/// Runs `f` as one undo step.
fn step<T>(nb: &mut Notebook, label: &str, f: impl FnOnce(&mut Notebook) -> T) -> T {
    nb.begin_step(label).unwrap();
    let out = f(nb);
    nb.end_step().unwrap();
    out
}

/// Every row of every table the analyst's work lives in, read through another
/// connection (so only committed data counts). Left out: the FTS index's shadow
/// tables (its contents are checked by searching) and the store's bookkeeping settings
/// (`actors_version` moves forward on every actor change, undone or not).
fn dump(path: &Path) -> Vec<String> {
    let conn = read_only(path);
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list
             WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite%'
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let filter = if table == "settings" {
            " WHERE key NOT IN ('actors_version', 'mentions_pending', 'gazetteer_offered')"
        } else {
            ""
        };
        let columns = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .unwrap()
            .column_count();
        let order: Vec<String> = (1..=columns).map(|i| i.to_string()).collect();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT * FROM \"{table}\"{filter} ORDER BY {}",
                order.join(", ")
            ))
            .unwrap();
        let n = stmt.column_count();
        let rows: Vec<String> = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        out.extend(rows.into_iter().map(|r| format!("{table}: {r}")));
    }
    out
}

/// Runs `edit` as a step and checks that undo gives back exactly `dump` before it and
/// redo exactly the dump after it (twice over).
fn undo_redo_exact(
    nb: &mut Notebook,
    path: &Path,
    label: &str,
    edit: impl FnOnce(&mut Notebook),
) -> (Vec<String>, Vec<String>) {
    let before = dump(path);
    step(nb, label, edit);
    let after = dump(path);
    assert_ne!(before, after, "{label} changed nothing");
    for _ in 0..2 {
        assert_eq!(nb.undo().unwrap().as_deref(), Some(label));
        assert_eq!(dump(path), before, "undo of {label}");
        assert_eq!(nb.redo().unwrap().as_deref(), Some(label));
        assert_eq!(dump(path), after, "redo of {label}");
    }
    common::assert_healthy(path);
    (before, after)
}

#[test]
fn annotations_added_edited_deleted_undo_and_redo_exactly() {
    let (_d, path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    let id = undo_redo_exact(&mut nb, &path, "Add highlight", |nb| {
        nb.add_annotation(a, span(TEXT, "never accept"), "firm")
            .unwrap();
    });
    let _ = id;
    let ann = nb.annotations(a).unwrap()[0].id;
    undo_redo_exact(&mut nb, &path, "Edit note", |nb| {
        nb.set_annotation_note(ann, "very firm — «quoted»' \"x\"")
            .unwrap();
    });
    undo_redo_exact(&mut nb, &path, "Delete highlight", |nb| {
        nb.delete_annotation(ann).unwrap();
    });
    assert!(nb.annotations(a).unwrap().is_empty());
    assert_eq!(nb.trash().unwrap().len(), 1);
    assert!(search_hits(&nb, "firm").is_empty());
    // Undoing the deletion takes it out of the trash again.
    nb.undo().unwrap();
    assert_eq!(
        search_hits(&nb, "firm"),
        [(SearchHitKind::Note, None, Some(ann))]
    );
    assert_eq!(
        nb.annotations(a).unwrap()[0].note,
        "very firm — «quoted»' \"x\""
    );
    assert!(nb.trash().unwrap().is_empty());
}

#[test]
fn statements_with_spans_actors_and_coding() {
    let (_d, path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    let wang = actor(&mut nb, "Wang Yi", ActorKind::Person, &["Mr. Wang"]);
    let eu = actor(&mut nb, "European Union", ActorKind::Organization, &["EU"]);
    undo_redo_exact(&mut nb, &path, "Add statement", |nb| {
        statement(nb, a, TEXT, "We will never accept this.", &[wang]);
    });
    let s = nb.statements(&StatementFilter::default()).unwrap()[0].id;
    undo_redo_exact(&mut nb, &path, "Code statement", |nb| {
        nb.code_statement(
            s,
            &StatementCoding {
                stance: Some(Stance::Supports),
                topics: vec!["talks".into(), "trade".into()],
                addressee_actor_ids: vec![eu],
                target_actor_ids: vec![eu],
                reported_via: Some("a statement released by the ministry".into()),
            },
        )
        .unwrap();
    });
    undo_redo_exact(&mut nb, &path, "Reject statement", |nb| {
        nb.set_statement_status(s, StatementStatus::Rejected)
            .unwrap();
    });
    undo_redo_exact(&mut nb, &path, "Delete statement", |nb| {
        nb.delete_statement(s).unwrap();
    });
    assert!(nb
        .statements(&StatementFilter::default())
        .unwrap()
        .is_empty());
    assert!(search_hits(&nb, "accept").is_empty());
    // Back, and no longer rejected (search leaves rejected statements out).
    assert_eq!(nb.undo().unwrap().as_deref(), Some("Delete statement"));
    assert_eq!(nb.undo().unwrap().as_deref(), Some("Reject statement"));
    assert_eq!(
        search_hits(&nb, "accept"),
        [(SearchHitKind::Statement, Some(s), None)]
    );
}

#[test]
fn actors_aliases_merge_unmerge_and_delete_with_mentions() {
    let (_d, path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    let b = import(&mut nb, OTHER, "Brussels");
    // The dump holds `mentions`: they must come back as they were too.
    undo_redo_exact(&mut nb, &path, "Add actor", |nb| {
        actor(nb, "Wang Yi", ActorKind::Person, &["Mr. Wang"]);
    });
    assert!(!nb.mentions(a).unwrap().is_empty());
    let wang = nb.find_actor("Wang Yi").unwrap().unwrap().id;
    let ursula = actor(&mut nb, "Ursula von der Leyen", ActorKind::Person, &[]);
    let vdl = actor(&mut nb, "von der Leyen", ActorKind::Person, &["VDL"]);
    undo_redo_exact(&mut nb, &path, "Add alias", |nb| {
        nb.add_alias(wang, "Foreign Minister Wang").unwrap();
    });
    let s = statement(&mut nb, a, TEXT, "Talks must go on.", &[vdl]);
    undo_redo_exact(&mut nb, &path, "Merge actors", |nb| {
        nb.merge_actor(ursula, vdl).unwrap();
    });
    undo_redo_exact(&mut nb, &path, "Unmerge actor", |nb| {
        nb.unmerge_actor(vdl).unwrap();
    });
    undo_redo_exact(&mut nb, &path, "Delete actor", |nb| {
        nb.delete_actor(wang).unwrap();
    });
    assert!(nb.mentions(b).unwrap().iter().all(|m| m.actor.id != wang));
    nb.undo().unwrap();
    assert!(nb.mentions(b).unwrap().iter().any(|m| m.actor.id == wang));
    assert_eq!(nb.statement(s).unwrap().speakers.len(), 1);
}

#[test]
fn dossiers_and_items() {
    let (_d, path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    let s1 = statement(&mut nb, a, TEXT, "We will never accept this.", &[]);
    let s2 = statement(&mut nb, a, TEXT, "Talks must go on.", &[]);
    undo_redo_exact(&mut nb, &path, "New dossier", |nb| {
        nb.create_dossier("Brief", "for the desk").unwrap();
    });
    let d = nb.dossiers().unwrap()[0].id;
    undo_redo_exact(&mut nb, &path, "Add to dossier", |nb| {
        nb.add_statements_to_dossier(d, &[s1, s2]).unwrap();
        nb.add_commentary_to_dossier(d, "Note well.").unwrap();
    });
    let items = nb.dossier_detail(d).unwrap().items;
    undo_redo_exact(&mut nb, &path, "Move item", |nb| {
        nb.move_dossier_item(items[2].id, 0).unwrap();
    });
    undo_redo_exact(&mut nb, &path, "Edit commentary", |nb| {
        nb.set_item_commentary(items[0].id, "Key quote").unwrap();
        nb.update_dossier(d, "Brief 2", "").unwrap();
    });
    undo_redo_exact(&mut nb, &path, "Remove item", |nb| {
        nb.remove_dossier_item(items[1].id).unwrap();
    });
    // A deleted statement leaves its item behind, unlinked; undo links it again.
    undo_redo_exact(&mut nb, &path, "Delete statement", |nb| {
        nb.delete_statement(s1).unwrap();
    });
    undo_redo_exact(&mut nb, &path, "Delete dossier", |nb| {
        nb.delete_dossier(d).unwrap();
    });
}

#[test]
fn article_metadata_and_deletion_with_cascades_and_search() {
    let (_d, path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks in Geneva");
    let b = import(&mut nb, OTHER, "Brussels");
    actor(&mut nb, "Wang Yi", ActorKind::Person, &[]);
    nb.add_annotation(a, span(TEXT, "regrets"), "").unwrap();
    let s = statement(&mut nb, a, TEXT, "Talks must go on.", &[]);
    let d = nb.create_dossier("Brief", "").unwrap().id;
    nb.add_statements_to_dossier(d, &[s]).unwrap();
    nb.add_article_to_dossier(d, a).unwrap();
    undo_redo_exact(&mut nb, &path, "Edit article details", |nb| {
        nb.update_article_meta(
            a,
            &ArticleMeta {
                title: Some("Talks in Lausanne".into()),
                byline: Some("A. Writer".into()),
                ..Default::default()
            },
        )
        .unwrap();
    });
    let found = |nb: &Notebook, q: &str| -> Vec<i64> {
        nb.search_articles(q)
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect()
    };
    assert_eq!(found(&nb, "Lausanne"), [a]);
    nb.undo().unwrap();
    assert_eq!(found(&nb, "Geneva"), [a]);
    assert!(found(&nb, "Lausanne").is_empty());
    nb.redo().unwrap();

    undo_redo_exact(&mut nb, &path, "Delete article", |nb| {
        nb.delete_article(a).unwrap();
    });
    assert!(found(&nb, "regrets").is_empty());
    nb.undo().unwrap();
    // Back whole: text searchable, highlights, statements, dossier links, mentions.
    assert_eq!(found(&nb, "regrets"), [a]);
    assert_eq!(found(&nb, "Lausanne"), [a]);
    assert_eq!(nb.annotations(a).unwrap().len(), 1);
    assert!(!nb.mentions(a).unwrap().is_empty());
    assert_eq!(found(&nb, "Brussels"), [b]);
}

#[test]
fn steps_labels_empty_steps_and_the_redo_stack() {
    let (_d, _path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    assert_eq!(nb.undo_state().unwrap(), UndoState::default());
    assert_eq!(nb.undo().unwrap(), None);
    // Outside a step nothing is recorded.
    nb.add_annotation(a, span(TEXT, "Monday"), "").unwrap();
    assert_eq!(nb.undo().unwrap(), None);
    // A step that changed nothing (a failed edit) leaves no trace.
    step(&mut nb, "Add highlight", |nb| {
        assert!(nb.add_annotation(a, Span { start: 5, end: 5 }, "").is_err());
    });
    assert_eq!(nb.undo_state().unwrap(), UndoState::default());
    let h1 = step(&mut nb, "Add highlight", |nb| {
        nb.add_annotation(a, span(TEXT, "never"), "").unwrap().id
    });
    step(&mut nb, "Edit note", |nb| {
        nb.set_annotation_note(h1, "n").unwrap();
    });
    assert_eq!(
        nb.undo_state().unwrap(),
        UndoState {
            undo: Some("Edit note".into()),
            redo: None
        }
    );
    assert_eq!(nb.undo().unwrap().as_deref(), Some("Edit note"));
    assert_eq!(
        nb.undo_state().unwrap(),
        UndoState {
            undo: Some("Add highlight".into()),
            redo: Some("Edit note".into())
        }
    );
    // A new edit clears the redo stack.
    step(&mut nb, "Add highlight", |nb| {
        nb.add_annotation(a, span(TEXT, "decision"), "").unwrap();
    });
    assert_eq!(nb.undo_state().unwrap().redo, None);
    assert_eq!(nb.redo().unwrap(), None);
    assert_eq!(nb.annotation(h1).unwrap().note, "");
    // A step left open is closed by the next step or by Undo, which takes it back.
    nb.begin_step("Left open").unwrap();
    let h2 = nb.add_annotation(a, span(TEXT, "Monday"), "").unwrap().id;
    nb.begin_step("Edit note").unwrap();
    nb.set_annotation_note(h2, "x").unwrap();
    assert_eq!(nb.undo().unwrap().as_deref(), Some("Edit note"));
    assert_eq!(nb.undo().unwrap().as_deref(), Some("Left open"));
    assert!(nb.annotation(h2).is_err());
    // The history is the session's: a reopened notebook starts with none.
    let path = nb.path().to_path_buf();
    drop(nb);
    let nb = Notebook::open(&path).unwrap();
    assert_eq!(nb.undo_state().unwrap(), UndoState::default());
}

#[test]
fn the_undo_stack_is_capped() {
    let (_d, _path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    let h = nb.add_annotation(a, span(TEXT, "never"), "").unwrap().id;
    for i in 0..attest_store::UNDO_LIMIT + 5 {
        step(&mut nb, &format!("Edit {i}"), |nb| {
            nb.set_annotation_note(h, &i.to_string()).unwrap();
        });
    }
    let mut undone = 0;
    while nb.undo().unwrap().is_some() {
        undone += 1;
    }
    assert_eq!(undone, attest_store::UNDO_LIMIT);
    assert_eq!(nb.annotation(h).unwrap().note, "4");
}

#[test]
fn trash_lists_restores_after_other_edits_and_empties() {
    let (_d, path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    let b = import(&mut nb, OTHER, "Brussels");
    let wang = actor(&mut nb, "Wang Yi", ActorKind::Person, &["Mr. Wang"]);
    let h = nb
        .add_annotation(a, span(TEXT, "regrets"), "why")
        .unwrap()
        .id;
    let s = statement(&mut nb, a, TEXT, "Talks must go on.", &[wang]);
    let d = nb.create_dossier("Brief", "").unwrap().id;
    nb.add_statements_to_dossier(d, &[s]).unwrap();
    let full = dump(&path);

    // Outside any step (as the CLI does): no undo, but the trash.
    nb.delete_statement(s).unwrap();
    nb.delete_annotation(h).unwrap();
    nb.delete_actor(wang).unwrap();
    let listed: Vec<(TrashKind, i64, String)> = nb
        .trash()
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.item_id, e.label))
        .collect();
    assert_eq!(
        listed,
        [
            (TrashKind::Actor, wang, "Wang Yi".into()),
            (TrashKind::Annotation, h, "regrets".into()),
            (TrashKind::Statement, s, "Talks must go on.".into()),
        ]
    );
    assert_eq!(nb.undo().unwrap(), None);

    // Other edits in between do not stop a restore, even those that took the ids
    // SQLite gives again once free: the highlight and the statement come back under
    // new ids, with their spans, actors, topics and dossier item following.
    let h2 = nb
        .add_annotation(b, span(OTHER, "Brussels"), "")
        .unwrap()
        .id;
    let s2 = statement(&mut nb, b, OTHER, "stands ready", &[]);
    assert_eq!((h2, s2), (h, s));
    nb.create_dossier("Other", "").unwrap();
    let trash = nb.trash().unwrap();
    // Restored as steps (undoable), newest first: the statement names the actor
    // deleted after it.
    let mut back = Vec::new();
    for entry in &trash {
        back.push(step(&mut nb, "Restore", |nb| {
            nb.restore_from_trash(entry.id).unwrap()
        }));
    }
    assert!(nb.trash().unwrap().is_empty());
    let (new_s, new_h) = (back[2].item_id, back[1].item_id);
    assert!(new_s != s && new_h != h);
    assert_eq!(back[0].item_id, wang);
    let restored = dump(&path);
    for row in &full {
        let moved = ["trash:", "annotations:", "statement", "dossier_items:"];
        if !moved.iter().any(|t| row.starts_with(t)) {
            assert!(restored.contains(row), "not restored: {row}");
        }
    }
    let again = nb.statement(new_s).unwrap();
    assert_eq!(again.speakers.len(), 1);
    assert_eq!(again.topics, ["trade"]);
    assert_eq!(again.content[0].exact, "Talks must go on.");
    assert_eq!(nb.annotation(new_h).unwrap().note, "why");
    assert!(matches!(
        &nb.dossier_detail(d).unwrap().items[0].entry,
        DossierEntry::Statement { statement } if statement.id == new_s
    ));
    // Undo the last restore: the statement is deleted again and back in the trash.
    assert_eq!(nb.undo().unwrap().as_deref(), Some("Restore"));
    assert_eq!(nb.trash().unwrap()[0].item_id, s);
    assert!(nb.statement(new_s).is_err());
    assert!(nb.statement(s2).is_ok());
    assert_eq!(nb.empty_trash().unwrap(), 1);
    assert!(nb.trash().unwrap().is_empty());
    common::assert_healthy(&path);
}

#[test]
fn a_restore_that_no_longer_fits_says_why_and_changes_nothing() {
    let (_d, path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    let h = nb.add_annotation(a, span(TEXT, "regrets"), "").unwrap().id;
    nb.delete_annotation(h).unwrap();
    nb.delete_article(a).unwrap();
    let before = dump(&path);
    let highlight = nb
        .trash()
        .unwrap()
        .into_iter()
        .find(|e| e.kind == TrashKind::Annotation)
        .unwrap();
    let err = nb.restore_from_trash(highlight.id).unwrap_err().to_string();
    assert_eq!(
        err,
        "cannot restore the highlight “regrets”: the article it belongs to is no longer in \
         the notebook"
    );
    assert_eq!(dump(&path), before);
    // Its article first, then it.
    let article = nb.trash().unwrap()[0].id;
    nb.restore_from_trash(article).unwrap();
    nb.restore_from_trash(highlight.id).unwrap();
    assert_eq!(nb.annotations(a).unwrap().len(), 1);

    // A name taken since.
    let x = actor(&mut nb, "Wang Yi", ActorKind::Person, &[]);
    nb.delete_actor(x).unwrap();
    actor(&mut nb, "wang yi", ActorKind::Person, &[]);
    let entry = nb.trash().unwrap()[0].id;
    let err = nb.restore_from_trash(entry).unwrap_err().to_string();
    assert!(
        err.starts_with("cannot restore the actor “Wang Yi”: it clashes"),
        "{err}"
    );
    assert!(matches!(
        nb.restore_from_trash(999),
        Err(StoreError::NotFound { .. })
    ));
}

/// One random edit of the property test.
#[derive(Debug, Clone)]
enum Edit {
    Highlight(u8, u8),
    Note(u8),
    DeleteHighlight(u8),
    Statement(u8),
    DeleteStatement(u8),
    Actor(u8),
    Alias(u8),
    DeleteActor(u8),
    Dossier,
    AddToDossier(u8, u8),
    DeleteDossier(u8),
    Undo,
    Redo,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Edit::Highlight(a, b)),
        any::<u8>().prop_map(Edit::Note),
        any::<u8>().prop_map(Edit::DeleteHighlight),
        any::<u8>().prop_map(Edit::Statement),
        any::<u8>().prop_map(Edit::DeleteStatement),
        any::<u8>().prop_map(Edit::Actor),
        any::<u8>().prop_map(Edit::Alias),
        any::<u8>().prop_map(Edit::DeleteActor),
        Just(Edit::Dossier),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Edit::AddToDossier(a, b)),
        any::<u8>().prop_map(Edit::DeleteDossier),
        Just(Edit::Undo),
        Just(Edit::Undo),
        Just(Edit::Redo),
    ]
}

const NAMES: &[&str] = &[
    "Wang Yi",
    "European Union",
    "Ursula von der Leyen",
    "Brussels",
];

fn pick(ids: &[i64], n: u8) -> Option<i64> {
    (!ids.is_empty()).then(|| ids[n as usize % ids.len()])
}

/// Applies one edit as a step (undo/redo as themselves); what it did not apply to is
/// skipped.
fn run(nb: &mut Notebook, a: i64, e: &Edit) {
    let highlights: Vec<i64> = nb.annotations(a).unwrap().iter().map(|x| x.id).collect();
    let statements: Vec<i64> = nb
        .statements(&StatementFilter::default())
        .unwrap()
        .iter()
        .map(|x| x.id)
        .collect();
    let actors: Vec<i64> = nb.actors().unwrap().iter().map(|x| x.id).collect();
    let dossiers: Vec<i64> = nb.dossiers().unwrap().iter().map(|x| x.id).collect();
    let len = TEXT.chars().count() as u32;
    step(nb, &format!("{e:?}"), |nb| {
        let _ = match *e {
            Edit::Highlight(x, y) => {
                let start = x as u32 % (len - 1);
                let end = start + 1 + y as u32 % 20;
                nb.add_annotation(
                    a,
                    Span {
                        start,
                        end: end.min(len),
                    },
                    "",
                )
                .map(|_| ())
            }
            Edit::Note(n) => match pick(&highlights, n) {
                Some(h) => nb.set_annotation_note(h, &format!("note {n}")).map(|_| ()),
                None => Ok(()),
            },
            Edit::DeleteHighlight(n) => match pick(&highlights, n) {
                Some(h) => nb.delete_annotation(h).map(|_| ()),
                None => Ok(()),
            },
            Edit::Statement(n) => {
                let quotes = ["We will never accept this.", "Talks must go on."];
                let speakers: Vec<i64> = pick(&actors, n).into_iter().collect();
                let quote = quotes[n as usize % 2];
                nb.add_statement(&NewStatement {
                    speaker_actor_ids: speakers,
                    topics: vec![format!("t{}", n % 3)],
                    ..NewStatement::direct(a, vec![span(TEXT, quote)])
                })
                .map(|_| ())
            }
            Edit::DeleteStatement(n) => match pick(&statements, n) {
                Some(s) => nb.delete_statement(s),
                None => Ok(()),
            },
            Edit::Actor(n) => nb
                .add_actor(&NewActor {
                    name: NAMES[n as usize % NAMES.len()].into(),
                    kind: ActorKind::Person,
                    aliases: vec![],
                })
                .map(|_| ()),
            Edit::Alias(n) => match pick(&actors, n) {
                Some(x) => nb
                    .add_alias(x, ["Mr. Wang", "EU", "Union"][n as usize % 3])
                    .map(|_| ()),
                None => Ok(()),
            },
            Edit::DeleteActor(n) => match pick(&actors, n) {
                Some(x) => nb.delete_actor(x).map(|_| ()),
                None => Ok(()),
            },
            Edit::Dossier => nb.create_dossier("D", "").map(|_| ()),
            Edit::AddToDossier(x, y) => match (pick(&dossiers, x), pick(&statements, y)) {
                (Some(d), Some(s)) => nb.add_statements_to_dossier(d, &[s]),
                _ => Ok(()),
            },
            Edit::DeleteDossier(n) => match pick(&dossiers, n) {
                Some(d) => nb.delete_dossier(d).map(|_| ()),
                None => Ok(()),
            },
            Edit::Undo | Edit::Redo => Ok(()),
        };
    });
    match e {
        Edit::Undo => {
            nb.undo().unwrap();
        }
        Edit::Redo => {
            nb.redo().unwrap();
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any sequence of edits, undos and redos, then undoing everything, gives back the
    /// notebook as it was; redoing as many steps gives the state the undos started from.
    #[test]
    fn random_edits_undo_to_the_start_and_redo_to_the_end(
        edits in proptest::collection::vec(edit(), 1..25)
    ) {
        let (_d, path, mut nb) = notebook();
        let a = import(&mut nb, TEXT, "Talks");
        import(&mut nb, OTHER, "Brussels");
        let start = dump(&path);
        for e in &edits {
            run(&mut nb, a, e);
        }
        let end = dump(&path);
        let mut undone = 0;
        while nb.undo().unwrap().is_some() {
            undone += 1;
        }
        prop_assert_eq!(dump(&path), start);
        for _ in 0..undone {
            prop_assert!(nb.redo().unwrap().is_some());
        }
        prop_assert_eq!(dump(&path), end);
        common::assert_healthy(&path);
    }
}

/// Real numbers come back bit for bit (an f32 confidence needs 17 digits as f64).
#[test]
fn proposed_statements_keep_their_exact_confidence() {
    let (_d, path, mut nb) = notebook();
    let a = import(&mut nb, TEXT, "Talks");
    let new = NewStatement::direct(a, vec![span(TEXT, "Talks must go on.")]);
    let s = nb
        .add_proposed_statements(a, &[(new, 0.7)], StatementStatus::Proposed)
        .unwrap()[0]
        .id;
    let before = dump(&path);
    undo_redo_exact(&mut nb, &path, "Delete statement", |nb| {
        nb.delete_statement(s).unwrap();
    });
    let entry = nb.trash().unwrap()[0].id;
    nb.restore_from_trash(entry).unwrap();
    assert_eq!(dump(&path), before);
    assert_eq!(nb.statement(s).unwrap().confidence, Some(0.7));
}
