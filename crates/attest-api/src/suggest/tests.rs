//! Speaker resolution, one rule at a time, on our own sentences.

use super::*;
use attest_core::mentions::{MentionFinder, Pattern};
use attest_core::text::find;
use attest_core::StatementKind;

/// Actors: 1 Ana Reyes (person, weak alias "Reyes", role Trade Minister), 2 Tom Berg
/// (person, role spokesman of the ministry), 3 Norland (state), 4 Ministry of Trade
/// (organisation), 5 Lena Holt (person, weak alias "Holt").
/// An actor of the tests: id, name, kind, aliases (with the weak flag), role titles.
type TestActor = (
    i64,
    &'static str,
    ActorKind,
    &'static [(&'static str, bool)],
    &'static [&'static str],
);

fn actors() -> (MentionFinder, SpeakerActors) {
    let list: &[TestActor] = &[
        (
            1,
            "Ana Reyes",
            ActorKind::Person,
            &[("Reyes", true)],
            &["Trade Minister"],
        ),
        (2, "Tom Berg", ActorKind::Person, &[], &["Spokesman"]),
        (3, "Norland", ActorKind::State, &[("Norlandic", false)], &[]),
        (4, "Ministry of Trade", ActorKind::Organization, &[], &[]),
        (5, "Lena Holt", ActorKind::Person, &[("Holt", true)], &[]),
    ];
    let mut patterns = Vec::new();
    let mut map = SpeakerActors::new();
    for (id, name, kind, aliases, roles) in list {
        patterns.push(Pattern {
            text: (*name).into(),
            actor_id: *id,
            alias_id: None,
            weak: false,
        });
        for (a, weak) in *aliases {
            patterns.push(Pattern {
                text: (*a).into(),
                actor_id: *id,
                alias_id: Some(*id * 10),
                weak: *weak,
            });
        }
        map.insert(
            *id,
            SpeakerActor {
                name: (*name).into(),
                kind: *kind,
                names: std::iter::once(*name)
                    .chain(aliases.iter().map(|(a, _)| *a))
                    .map(fold_pattern)
                    .collect(),
                roles: roles.iter().map(|r| r.to_lowercase()).collect(),
            },
        );
    }
    (MentionFinder::new(patterns), map)
}

/// Resolves a proposal whose speaker words are the `nth` (0-based) `speaker` in `text`
/// and whose content is `content`.
fn resolve(text: &str, speaker: &str, nth: usize, content: &str) -> Vec<String> {
    let (finder, actors) = actors();
    let named: Vec<Named> = finder.find(text).iter().map(Into::into).collect();
    let chars: Vec<char> = text.chars().collect();
    let s: Vec<char> = speaker.chars().collect();
    let starts: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i..].starts_with(&s))
        .filter(|&i| !chars.get(i + s.len()).is_some_and(|c| c.is_alphanumeric()))
        .filter(|&i| i == 0 || !chars[i - 1].is_alphanumeric())
        .collect();
    let start = starts[nth] as u32;
    let p = ProposedStatement {
        speaker: Some(Span {
            start,
            end: start + s.len() as u32,
        }),
        cue: None,
        content: vec![find(text, content).expect("content in text")],
        kind: StatementKind::Indirect,
        confidence: 0.9,
    };
    Resolver::new(text, &named, &actors)
        .resolve(&p)
        .into_iter()
        .map(|id| actors[&id].name.clone())
        .collect()
}

#[test]
fn a_mention_in_the_speaker_words_is_the_speaker_not_its_possessor() {
    let text = "Norland’s Trade Minister Ana Reyes said exports would rise.";
    assert_eq!(
        resolve(
            text,
            "Norland’s Trade Minister Ana Reyes",
            0,
            "exports would rise"
        ),
        ["Ana Reyes"]
    );
    let text = "Ana Reyes met envoys. Later, Reyes said talks would go on.";
    assert_eq!(
        resolve(text, "Reyes", 1, "talks would go on"),
        ["Ana Reyes"]
    );
}

#[test]
fn a_weak_alias_before_the_full_name_is_still_its_actor() {
    // "Holt" is weak and comes before "Lena Holt": no mention, but one actor's alias.
    let text = "“We will not wait,” Holt said. Lena Holt leads the opposition.";
    assert_eq!(resolve(text, "Holt", 0, "We will not wait"), ["Lena Holt"]);
    let text = "“We will not wait,” Mr Holt said.";
    assert_eq!(
        resolve(text, "Mr Holt", 0, "We will not wait"),
        ["Lena Holt"]
    );
}

#[test]
fn a_pronoun_is_the_nearest_person_before_it() {
    let text = "Ana Reyes spoke after Tom Berg. Norland was silent. He said the deal was done.";
    assert_eq!(resolve(text, "He", 0, "the deal was done"), ["Tom Berg"]);
    // not a person named inside the statement's own words
    let text = "Ana Reyes arrived. “I spoke with Tom Berg,” she said.";
    assert_eq!(
        resolve(text, "she", 0, "I spoke with Tom Berg"),
        ["Ana Reyes"]
    );
}

#[test]
fn a_pronoun_does_not_reach_past_a_few_sentences() {
    let text = "Tom Berg left. One. Two. Three. Four. He said nothing changed.";
    assert!(resolve(text, "He", 0, "nothing changed").is_empty());
}

#[test]
fn they_is_the_nearest_group_before_it() {
    let text = "Tom Berg wrote to the Ministry of Trade. Ana Reyes replied. They said no.";
    assert_eq!(resolve(text, "They", 0, "no"), ["Ministry of Trade"]);
}

#[test]
fn both_sides_are_the_two_nearest_people() {
    let text = "Ana Reyes met Tom Berg in Norland. Both sides agreed the talks had helped.";
    assert_eq!(
        resolve(text, "Both sides", 0, "the talks had helped"),
        ["Ana Reyes", "Tom Berg"]
    );
}

#[test]
fn a_description_is_the_nearest_actor_whose_role_holds_its_noun() {
    let text = "Ana Reyes and Tom Berg met Lena Holt. The minister said prices would fall.";
    assert_eq!(
        resolve(text, "The minister", 0, "prices would fall"),
        ["Ana Reyes"]
    );
    let text = "Ana Reyes and Tom Berg met Lena Holt. The spokesman said prices would fall.";
    assert_eq!(
        resolve(text, "The spokesman", 0, "prices would fall"),
        ["Tom Berg"]
    );
}

#[test]
fn a_description_falls_back_to_the_nearest_person_or_group() {
    let text = "Ana Reyes met Lena Holt. The official said prices would fall.";
    assert_eq!(
        resolve(text, "The official", 0, "prices would fall"),
        ["Lena Holt"]
    );
    let text =
        "The Ministry of Trade wrote to Norland and Lena Holt. The agency said prices would fall.";
    assert_eq!(
        resolve(text, "The agency", 0, "prices would fall"),
        ["Norland"]
    );
    // an organisation's name holds the noun
    let text = "Lena Holt wrote to the Ministry of Trade. The ministry said prices would fall.";
    assert_eq!(
        resolve(text, "The ministry", 0, "prices would fall"),
        ["Ministry of Trade"]
    );
}

#[test]
fn unknown_speakers_stay_unresolved() {
    let text = "Ana Reyes arrived. John Park said prices would fall.";
    assert!(resolve(text, "John Park", 0, "prices would fall").is_empty());
}
