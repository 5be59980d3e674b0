//! The actor registry and mentions, on real notebook files.

use attest_core::*;
use attest_store::Notebook;
use common::insert_text;

mod common;

fn notebook() -> (tempfile::TempDir, Notebook) {
    let dir = tempfile::tempdir().unwrap();
    let nb = Notebook::open(dir.path().join("n.attest")).unwrap();
    (dir, nb)
}

fn import(nb: &mut Notebook, text: &str, published: &str) -> i64 {
    let meta = ArticleMeta {
        title: Some(text.chars().take(20).collect()),
        published: Some(published.into()),
        ..Default::default()
    };
    insert_text(nb, text, meta)
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

fn found(nb: &Notebook, article: i64) -> Vec<(String, String)> {
    nb.mentions(article)
        .unwrap()
        .into_iter()
        .map(|m| (m.text, m.actor.name))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn whole_words_and_unicode_case_on_import_and_on_actor_change() {
    let (_d, mut nb) = notebook();
    // An article stored before the actors exist is scanned when they are added.
    let early = import(
        &mut nb,
        "ÉMILE DURAND walked down Wangfujing with Wang.",
        "2026-01-01",
    );
    let emile = actor(&mut nb, "Émile Durand", ActorKind::Person, &[]);
    let wang = actor(&mut nb, "Wang", ActorKind::Person, &[]);
    assert_eq!(
        found(&nb, early),
        pairs(&[("ÉMILE DURAND", "Émile Durand"), ("Wang", "Wang")])
    );
    // An article imported afterwards is scanned in its own transaction.
    let later = import(&mut nb, "Later, émile durand met wang again.", "2026-01-02");
    assert_eq!(
        found(&nb, later),
        pairs(&[("émile durand", "Émile Durand"), ("wang", "Wang")])
    );
    let m = &nb.mentions(later).unwrap()[0];
    assert_eq!((m.start, m.end), (7, 19));
    // A new alias finds the old articles.
    nb.add_alias(emile, "Durand").unwrap();
    let text = "Durand stayed home.";
    let third = import(&mut nb, text, "2026-01-03");
    assert_eq!(found(&nb, third), pairs(&[("Durand", "Émile Durand")]));
    let profile = nb.actor_profile(emile).unwrap();
    assert_eq!(profile.mention_count, 3);
    assert_eq!(profile.articles.len(), 3);
    assert_eq!(nb.actor_profile(wang).unwrap().mention_count, 2);
}

#[test]
fn a_weak_alias_counts_after_the_full_name() {
    let (_d, mut nb) = notebook();
    let wang = actor(&mut nb, "Wang Yi", ActorKind::Person, &[]);
    nb.add_alias_with(
        wang,
        &NewAlias {
            alias: "Wang".into(),
            weak: true,
            ..Default::default()
        },
    )
    .unwrap();
    let alone = import(&mut nb, "Wang said the talks went well.", "2026-01-01");
    let named = import(
        &mut nb,
        "Foreign Minister Wang Yi arrived. Wang said the talks went well.",
        "2026-01-02",
    );
    assert!(found(&nb, alone).is_empty());
    let ms = nb.mentions(named).unwrap();
    assert_eq!(
        found(&nb, named),
        pairs(&[("Wang Yi", "Wang Yi"), ("Wang", "Wang Yi")])
    );
    assert_eq!(ms[1].resolved_from, Some(ms[0].start));
    assert!(ms[1].alias_id.is_some());
}

#[test]
fn gazetteer_metonyms_and_a_disabled_alias() {
    let (_d, mut nb) = notebook();
    let a = import(
        &mut nb,
        "BEIJING — Beijing rejected the claims; the White House and the U.S. said little to us. Chinese officials agreed.",
        "2026-01-01",
    );
    let report = nb.load_gazetteer().unwrap();
    assert!(report.states_added > 190, "{report:?}");
    assert_eq!(
        found(&nb, a),
        pairs(&[
            ("BEIJING", "China"),
            ("Beijing", "China"),
            ("White House", "United States"),
            ("U.S.", "United States"),
            ("Chinese", "China"),
        ])
    );
    assert!(nb.mentions(a).unwrap()[1].metonym);
    // Loading again adds nothing.
    let again = nb.load_gazetteer().unwrap();
    assert_eq!((again.states_added, again.aliases_added), (0, 0));

    let china = nb.find_actor("China").unwrap().unwrap();
    let demonym = nb
        .actor_aliases(china.id)
        .unwrap()
        .into_iter()
        .find(|x| x.alias == "Chinese")
        .unwrap();
    assert!(demonym.demonym);
    nb.set_alias_flags(demonym.id, false, false, true, true)
        .unwrap();
    assert_eq!(found(&nb, a).len(), 4);
    // Switched off stays off when the gazetteer is loaded again.
    nb.load_gazetteer().unwrap();
    assert!(nb.alias(demonym.id).unwrap().disabled);
    assert_eq!(found(&nb, a).len(), 4);
    // Offered once on first view.
    assert!(nb.offer_gazetteer().unwrap().is_none());
}

#[test]
fn merge_then_unmerge_restores_exactly() {
    let (_d, mut nb) = notebook();
    let a1 = import(
        &mut nb,
        "Wang Yi spoke in Beijing. Mr Wang, the minister, said more.",
        "2026-01-01",
    );
    let a2 = import(&mut nb, "Minister Wang spoke again.", "2026-01-02");
    let keep = actor(&mut nb, "Wang Yi", ActorKind::Person, &["Mr Wang"]);
    let dup = actor(
        &mut nb,
        "Minister Wang",
        ActorKind::Person,
        &["Wang the minister"],
    );
    let china = actor(&mut nb, "China", ActorKind::State, &["Beijing"]);
    let party = actor(&mut nb, "CPC", ActorKind::Party, &[]);
    nb.add_role(
        dup,
        &NewRole {
            title: "Foreign Minister".into(),
            of_actor_id: Some(china),
            from: Some("2023-07-25".into()),
            to: None,
        },
    )
    .unwrap();
    nb.add_membership(dup, party).unwrap();
    nb.add_membership(keep, party).unwrap();
    nb.set_actor_details(
        dup,
        &ActorDetails {
            notes: "the duplicate".into(),
            wikidata: Some("Q16183776".into()),
            colour: None,
        },
    )
    .unwrap();
    let span = |nb: &Notebook, article: i64, needle: &str| {
        text::find(&nb.article(article).unwrap().text, needle).unwrap()
    };
    let statement = |nb: &mut Notebook, article: i64, speakers: Vec<i64>| {
        let content = span(nb, article, "spoke");
        nb.add_statement(&NewStatement {
            speaker_actor_ids: speakers,
            kind: StatementKind::Indirect,
            ..NewStatement::direct(article, vec![content])
        })
        .unwrap()
    };
    statement(&mut nb, a2, vec![dup]);
    statement(&mut nb, a1, vec![keep, dup]);

    let before = (
        nb.actor_profile(keep).unwrap(),
        nb.actor_profile(dup).unwrap(),
        nb.actors().unwrap(),
        found(&nb, a1),
        found(&nb, a2),
    );
    assert_eq!(before.1.mention_count, 1);

    let query = DossierQuery {
        actor_id: Some(dup),
        ..Default::default()
    };
    assert_eq!(nb.statements_matching(&query).unwrap().len(), 2);
    nb.merge_actor(keep, dup).unwrap();
    // A saved query on the merged actor follows it.
    assert_eq!(nb.statements_matching(&query).unwrap().len(), 2);
    let merged = nb.actor_profile(keep).unwrap();
    let names: Vec<&str> = merged.aliases.iter().map(|a| a.alias.as_str()).collect();
    assert_eq!(names, ["Mr Wang", "Wang the minister", "Minister Wang"]);
    assert_eq!(merged.roles.len(), 1);
    assert_eq!(merged.member_of.len(), 1);
    assert_eq!(merged.statements.len(), 2);
    assert!(merged.statements.iter().all(|s| s.speakers.len() == 1));
    assert_eq!(merged.details.notes, "the duplicate");
    assert_eq!(merged.details.wikidata.as_deref(), Some("Q16183776"));
    assert_eq!(merged.merged.len(), 1);
    assert_eq!(merged.mention_count, before.0.mention_count + 1);
    assert_eq!(found(&nb, a2), pairs(&[("Minister Wang", "Wang Yi")]));
    assert!(nb.actors().unwrap().iter().all(|a| a.id != dup));
    assert!(nb.find_actor("Minister Wang").unwrap().unwrap().id == keep);
    let gone = nb.actor_profile(dup).unwrap();
    assert_eq!(gone.merged_into.as_ref().map(|a| a.id), Some(keep));

    nb.unmerge_actor(dup).unwrap();
    let after = (
        nb.actor_profile(keep).unwrap(),
        nb.actor_profile(dup).unwrap(),
        nb.actors().unwrap(),
        found(&nb, a1),
        found(&nb, a2),
    );
    assert_eq!(after, before);
}

#[test]
fn split_moves_the_chosen_aliases_to_a_new_actor() {
    let (_d, mut nb) = notebook();
    let a = import(
        &mut nb,
        "Wang Wenbin told reporters that Wang Yi would travel.",
        "2026-01-01",
    );
    let wang = actor(
        &mut nb,
        "Wang Yi",
        ActorKind::Person,
        &["Wang Wenbin", "Spokesman Wang"],
    );
    assert_eq!(
        found(&nb, a),
        pairs(&[("Wang Wenbin", "Wang Yi"), ("Wang Yi", "Wang Yi")])
    );
    let moving: Vec<i64> = nb
        .actor_aliases(wang)
        .unwrap()
        .into_iter()
        .filter(|x| x.alias != "Wang Yi")
        .map(|x| x.id)
        .collect();
    let new = nb.split_actor(wang, &moving, "Wang Wenbin", None).unwrap();
    assert_eq!(new.kind, ActorKind::Person);
    assert_eq!(new.aliases, ["Spokesman Wang"]);
    assert!(nb.actor(wang).unwrap().aliases.is_empty());
    assert_eq!(
        found(&nb, a),
        pairs(&[("Wang Wenbin", "Wang Wenbin"), ("Wang Yi", "Wang Yi")])
    );
    // An alias of another actor cannot be split off.
    assert!(nb.split_actor(wang, &moving, "Other", None).is_err());
}

#[test]
fn details_are_checked() {
    let (_d, mut nb) = notebook();
    let id = actor(&mut nb, "Ishaq Dar", ActorKind::Person, &[]);
    let set = |nb: &mut Notebook, wikidata: &str, colour: &str| {
        nb.set_actor_details(
            id,
            &ActorDetails {
                notes: " Deputy PM ".into(),
                wikidata: Some(wikidata.into()),
                colour: Some(colour.into()),
            },
        )
    };
    let ok = set(&mut nb, "https://www.wikidata.org/wiki/Q1348419", "#1F77B4").unwrap();
    assert_eq!(ok.wikidata.as_deref(), Some("Q1348419"));
    assert_eq!(ok.colour.as_deref(), Some("#1f77b4"));
    assert_eq!(ok.notes, "Deputy PM");
    for (w, c) in [
        ("Q0", "#000000"),
        ("X12", "#000000"),
        ("Q12", "red"),
        ("Q12", "#12345"),
    ] {
        let err = set(&mut nb, w, c).unwrap_err().to_string();
        assert!(err.contains("Wikidata") || err.contains("colour"), "{err}");
    }
    let role = nb.add_role(
        id,
        &NewRole {
            title: "Foreign Minister".into(),
            from: Some("2024-03".into()),
            to: Some("2023".into()),
            ..Default::default()
        },
    );
    assert!(role.unwrap_err().to_string().contains("before it starts"));
}

#[test]
fn candidates_with_counts_leave_known_actors_out() {
    let (_d, mut nb) = notebook();
    let a = import(
        &mut nb,
        "Deputy Prime Minister Ishaq Dar met Foreign Minister Wang Yi. Ishaq Dar said the talks were good.",
        "2026-01-01",
    );
    import(&mut nb, "Ishaq Dar told reporters nothing.", "2026-01-02");
    actor(&mut nb, "Wang Yi", ActorKind::Person, &[]);
    let c = nb.actor_candidates(None).unwrap();
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].name, "Ishaq Dar");
    assert_eq!(c[0].title.as_deref(), Some("Deputy Prime Minister"));
    assert_eq!(
        (c[0].count, c[0].articles, c[0].first_article_id),
        (3, 2, a)
    );
    assert_eq!(nb.actor_candidates(Some(a)).unwrap()[0].count, 2);
}

#[test]
fn a_persons_surname_counts_after_the_full_name_until_switched_off() {
    let (_d, mut nb) = notebook();
    let dar = actor(&mut nb, "Ishaq Dar", ActorKind::Person, &[]);
    let text = "Dar arrived early. Ishaq Dar met Wang Yi. Later Dar said the talks went well.";
    let article = import(&mut nb, text, "2026-01-01");
    // Not before the full name; after it, resolved to it.
    assert_eq!(
        found(&nb, article),
        pairs(&[("Ishaq Dar", "Ishaq Dar"), ("Dar", "Ishaq Dar")])
    );
    let ms = nb.mentions(article).unwrap();
    assert_eq!(ms[1].resolved_from, Some(ms[0].start));

    // An alias of the same word, switched off, stops it.
    nb.add_alias(dar, "Dar").unwrap();
    let alias = nb.actor_profile(dar).unwrap().aliases[0].id;
    nb.set_alias_flags(alias, false, false, false, true)
        .unwrap();
    assert_eq!(found(&nb, article), pairs(&[("Ishaq Dar", "Ishaq Dar")]));
}
