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
                    .map(name_key)
                    .collect(),
                roles: roles.iter().map(|r| r.to_lowercase()).collect(),
            },
        );
    }
    (MentionFinder::new(patterns).unwrap(), map)
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

/// What the rules of `roles` find for a proposal: speaker, cue and content are the
/// first occurrences of those words. (reported via, addressees, targets)
fn roles_of(
    text: &str,
    speaker: &str,
    cue: &str,
    content: &str,
) -> (Option<String>, Vec<String>, Vec<String>) {
    let (finder, actors) = actors();
    let named: Vec<Named> = finder.find(text).iter().map(Into::into).collect();
    let p = ProposedStatement {
        speaker: Some(find(text, speaker).expect("speaker in text")),
        cue: Some(find(text, cue).expect("cue in text")),
        content: vec![find(text, content).expect("content in text")],
        kind: StatementKind::Indirect,
        confidence: 0.9,
    };
    let resolver = Resolver::new(text, &named, &actors);
    let r = resolver.roles(&p);
    let names = |ids: Vec<i64>| -> Vec<String> {
        ids.into_iter().map(|id| actors[&id].name.clone()).collect()
    };
    (
        r.reported_via.map(|s| resolver.slice(s)),
        names(r.addressees),
        names(r.targets),
    )
}

fn via(text: &str, speaker: &str, cue: &str, content: &str) -> Option<String> {
    roles_of(text, speaker, cue, content).0
}

fn to(text: &str, speaker: &str, cue: &str, content: &str) -> Vec<String> {
    roles_of(text, speaker, cue, content).1
}

fn about(text: &str, speaker: &str, cue: &str, content: &str) -> Vec<String> {
    roles_of(text, speaker, cue, content).2
}

#[test]
fn reported_via_is_the_channel_phrase_up_to_its_clause_edge() {
    let t = "According to a statement released by the Ministry of Trade, Ana Reyes said \
             tariffs would fall.";
    assert_eq!(
        via(t, "Ana Reyes", "said", "tariffs would fall").as_deref(),
        Some("a statement released by the Ministry of Trade")
    );
    // the channel inside the speaker words ("according to" as the cue)
    assert_eq!(
        via(
            t,
            "a statement released by the Ministry of Trade, Ana Reyes",
            "According to",
            "said tariffs would fall"
        )
        .as_deref(),
        Some("a statement released by the Ministry of Trade")
    );
    let t = "Ana Reyes said in a statement on Monday that tariffs would fall.";
    assert_eq!(
        via(t, "Ana Reyes", "said", "tariffs would fall").as_deref(),
        Some("a statement")
    );
    let t = "Ana Reyes said in a post on her blog late on Sunday that tariffs would fall.";
    assert_eq!(
        via(t, "Ana Reyes", "said", "tariffs would fall").as_deref(),
        Some("a post on her blog")
    );
    let t = "Ana Reyes, in an interview with Tom Berg, said tariffs would fall.";
    assert_eq!(
        roles_of(t, "Ana Reyes", "said", "tariffs would fall"),
        (
            Some("an interview with Tom Berg".into()),
            vec!["Tom Berg".into()],
            vec![]
        )
    );
}

#[test]
fn places_times_and_other_phrases_are_no_channel() {
    let t = "Ana Reyes said in Norland on Monday that tariffs would fall.";
    assert_eq!(via(t, "Ana Reyes", "said", "tariffs would fall"), None);
    let t = "Ana Reyes said in a bid to address the deficit that tariffs would fall.";
    assert_eq!(via(t, "Ana Reyes", "said", "tariffs would fall"), None);
    let t = "Ana Reyes, in a call for calm, said tariffs would fall.";
    assert_eq!(via(t, "Ana Reyes", "said", "tariffs would fall"), None);
    // a channel inside the content is what was said, not how
    let t = "Ana Reyes said the ministry would answer in a statement.";
    assert_eq!(
        via(
            t,
            "Ana Reyes",
            "said",
            "the ministry would answer in a statement"
        ),
        None
    );
}

#[test]
fn whom_the_speaker_told_is_an_addressee_when_an_actor_is_named() {
    let t = "Ana Reyes told Lena Holt that tariffs would fall.";
    assert_eq!(
        to(t, "Ana Reyes", "told", "tariffs would fall"),
        ["Lena Holt"]
    );
    let t = "Ana Reyes told Lena Holt, Tom Berg and reporters that tariffs would fall.";
    assert_eq!(
        to(t, "Ana Reyes", "told", "tariffs would fall"),
        ["Lena Holt", "Tom Berg"]
    );
    let t = "Ana Reyes told reporters in Norland that tariffs would fall.";
    assert!(to(t, "Ana Reyes", "told", "tariffs would fall").is_empty());
    // a possessor or a modifier is not whom she told
    let t = "Ana Reyes told Norland’s trade minister that tariffs would fall.";
    assert!(to(t, "Ana Reyes", "told", "tariffs would fall").is_empty());
    let t = "Ana Reyes told the Norlandic minister that tariffs would fall.";
    assert!(to(t, "Ana Reyes", "told", "tariffs would fall").is_empty());
    // an appositive name
    let t = "Ana Reyes told the opposition leader, Lena Holt, that tariffs would fall.";
    assert_eq!(
        to(t, "Ana Reyes", "told", "tariffs would fall"),
        ["Lena Holt"]
    );
}

#[test]
fn said_to_wrote_to_a_call_with_and_urged_to_give_addressees() {
    let t = "Ana Reyes wrote to Lena Holt on Friday, saying tariffs would fall.";
    assert_eq!(
        to(t, "Ana Reyes", "wrote", "tariffs would fall"),
        ["Lena Holt"]
    );
    let t = "Ana Reyes said in a telephone call with Tom Berg that tariffs would fall.";
    assert_eq!(
        roles_of(t, "Ana Reyes", "said", "tariffs would fall"),
        (
            Some("a telephone call with Tom Berg".into()),
            vec!["Tom Berg".into()],
            vec![]
        )
    );
    let t = "During a meeting with Lena Holt, Ana Reyes said tariffs would fall.";
    assert_eq!(
        roles_of(t, "Ana Reyes", "said", "tariffs would fall"),
        (None, vec!["Lena Holt".into()], vec![])
    );
    let t = "Ana Reyes urged Norland to cut tariffs.";
    assert_eq!(to(t, "Ana Reyes", "urged", "to cut tariffs"), ["Norland"]);
    let t = "Ana Reyes called on Lena Holt to resign.";
    assert_eq!(to(t, "Ana Reyes", "called on", "to resign"), ["Lena Holt"]);
    // no "to" after the object: what was urged, not whom
    let t = "Ana Reyes urged deeper cooperation with Norland in trade.";
    assert!(to(t, "Ana Reyes", "urged", "deeper cooperation with Norland").is_empty());
}

#[test]
fn whom_the_speaker_accused_is_a_target() {
    let t = "Ana Reyes accused Norland of dumping steel.";
    assert_eq!(
        about(t, "Ana Reyes", "accused", "of dumping steel"),
        ["Norland"]
    );
    // the object may be inside the content
    assert_eq!(
        about(t, "Ana Reyes", "accused", "Norland of dumping steel"),
        ["Norland"]
    );
    let t = "Ana Reyes sharply criticised Tom Berg and Lena Holt for the delay.";
    assert_eq!(
        about(t, "Ana Reyes", "criticised", "for the delay"),
        ["Tom Berg", "Lena Holt"]
    );
    let t = "Ana Reyes criticised the Norlandic minister for the delay.";
    assert!(about(t, "Ana Reyes", "criticised", "for the delay").is_empty());
    // an ordinary speech verb gives no target, whoever the content names
    let t = "Ana Reyes said Norland was dumping steel.";
    assert_eq!(
        roles_of(t, "Ana Reyes", "said", "Norland was dumping steel"),
        (None, vec![], vec![])
    );
}
