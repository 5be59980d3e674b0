//! The actor use cases the desktop shell will call: the actor view (gazetteer offered
//! once), mentions after an import, a profile, a merge undone.

use attest_api::Api;
use attest_core::*;

#[test]
fn actor_view_mentions_profile_and_merge_through_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = Api::open(dir.path().join("n.attest")).unwrap();
    let states = api.actor_view(true).unwrap();
    assert!(states.len() > 190);
    let china = states.iter().find(|a| a.name == "China").unwrap().id;
    // Delete-proof: the view does not load the gazetteer a second time.
    api.actor_view(true).unwrap();
    assert_eq!(api.actors().unwrap().len(), states.len());

    let file = dir.path().join("a.txt");
    std::fs::write(
        &file,
        "Talks\n\nBEIJING — Foreign Minister Wang Yi said Beijing would help. Wang added more.\n",
    )
    .unwrap();
    let wang = api
        .add_actor(&NewActor {
            name: "Wang Yi".into(),
            kind: ActorKind::Person,
            aliases: vec![],
        })
        .unwrap()
        .id;
    let profile = api
        .add_alias_with(
            wang,
            &NewAlias {
                alias: "Wang".into(),
                weak: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert!(profile.aliases[0].weak);
    api.import(std::slice::from_ref(&file));
    let mentions = api.article_mentions(1).unwrap();
    let named: Vec<(&str, &str)> = mentions
        .iter()
        .map(|m| (m.text.as_str(), m.actor.name.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("BEIJING", "China"),
            ("Wang Yi", "Wang Yi"),
            ("Beijing", "China"),
            ("Wang", "Wang Yi")
        ]
    );

    let before = api.actor_profile(china).unwrap();
    api.merge_actors(china, wang).unwrap();
    assert_eq!(api.actor_profile(china).unwrap().mention_count, 4);
    api.unmerge_actor(wang).unwrap();
    assert_eq!(api.actor_profile(china).unwrap(), before);
    assert!(api.actor_candidates(Some(1)).unwrap().is_empty());
}
