//! Behaviour on sentences written for these tests, in the shapes news uses.

use super::*;
use attest_core::text::slice;
use proptest::prelude::*;

/// (speaker, cue, content joined by " … ", kind) of each proposal.
fn read(text: &str) -> Vec<(String, String, String, StatementKind)> {
    propose_statements(text)
        .into_iter()
        .map(|s| {
            let get = |sp: Option<Span>| {
                sp.map(|sp| slice(text, sp).unwrap().to_string())
                    .unwrap_or_default()
            };
            let content: Vec<&str> = s.content.iter().map(|c| slice(text, *c).unwrap()).collect();
            (get(s.speaker), get(s.cue), content.join(" … "), s.kind)
        })
        .collect()
}

/// The proposal whose content contains `words`.
fn find(text: &str, words: &str) -> (String, String, String, StatementKind) {
    let all = read(text);
    all.iter()
        .find(|s| s.2.contains(words))
        .cloned()
        .unwrap_or_else(|| panic!("no statement with {words:?} in {all:#?}"))
}

#[test]
fn direct_quote_before_its_cue() {
    let text = "The talks ended late. “We will not sign a deal that hurts our farmers,” the minister said on Tuesday.";
    let (speaker, cue, content, kind) = find(text, "hurts our farmers");
    assert_eq!(speaker, "the minister");
    assert_eq!(cue, "said");
    assert!(content.starts_with("“We will not sign"), "{content}");
    assert_eq!(kind, StatementKind::Direct);
}

#[test]
fn indirect_speech_with_that() {
    let text = "The ambassador said that negotiations on the water treaty would resume next month.";
    let (speaker, cue, content, kind) = find(text, "negotiations on the water treaty");
    assert_eq!(speaker, "The ambassador");
    assert_eq!(cue, "said");
    assert!(content.ends_with("next month"), "{content}");
    assert_eq!(kind, StatementKind::Indirect);
}

#[test]
fn according_to_names_the_source_after_the_cue() {
    let text =
        "According to the interior ministry, the northern border crossing will reopen on Monday.";
    let (speaker, cue, content, _) = find(text, "border crossing will reopen");
    assert_eq!(cue, "According to");
    assert_eq!(speaker, "the interior ministry");
    assert!(content.contains("on Monday"), "{content}");
}

#[test]
fn partial_quote_inside_reported_speech_is_mixed() {
    let text = "Senator Okafor told reporters that the budget was “a betrayal of working families” and promised to vote against it.";
    let (speaker, _, content, kind) = find(text, "the budget was");
    assert_eq!(speaker, "Senator Okafor");
    assert!(
        content.contains("“a betrayal of working families”"),
        "{content}"
    );
    assert_eq!(kind, StatementKind::Mixed);
}

#[test]
fn quote_resumes_after_the_cue() {
    let text = "“The harbour will be dredged by spring,” Mayor Lind said. “After that, the ferries come back. Nobody should doubt it.”";
    let statements = propose_statements(text);
    let s = statements
        .iter()
        .find(|s| s.cue.is_some_and(|c| slice(text, c) == Ok("said")))
        .expect("the statement");
    let parts: Vec<&str> = s.content.iter().map(|c| slice(text, *c).unwrap()).collect();
    assert!(
        parts.iter().any(|p| p.contains("dredged by spring")),
        "{parts:?}"
    );
    assert!(
        parts.iter().any(|p| p.contains("Nobody should doubt it")),
        "{parts:?}"
    );
    assert_eq!(slice(text, s.speaker.unwrap()), Ok("Mayor Lind"));
}

#[test]
fn quote_runs_across_paragraphs() {
    let text = "The governor was blunt. “The dam is safe and the inspections prove it,” she said. “We have checked every gate twice this year.\n\n“Anyone who says otherwise is spreading fear.”\n\nThe hearing continues today.";
    let statements = propose_statements(text);
    let s = statements
        .iter()
        .find(|s| s.cue.is_some_and(|c| slice(text, c) == Ok("said")))
        .expect("the statement");
    let parts: Vec<&str> = s.content.iter().map(|c| slice(text, *c).unwrap()).collect();
    assert!(
        parts.iter().any(|p| p.contains("spreading fear")),
        "{parts:?}"
    );
    assert_eq!(slice(text, s.speaker.unwrap()), Ok("she"));
}

#[test]
fn pronoun_and_description_speakers() {
    let text = "The spokesman for the railway said the strike had cost millions. He added that talks with the union would continue.";
    let (speaker, _, _, _) = find(text, "strike had cost millions");
    assert_eq!(speaker, "The spokesman for the railway");
    let (speaker, cue, content, _) = find(text, "talks with the union");
    assert_eq!(speaker, "He");
    assert_eq!(cue, "added");
    assert!(content.ends_with("would continue"), "{content}");
}

#[test]
fn quiet_on_text_without_attribution() {
    assert!(propose_statements("").is_empty());
    assert!(propose_statements("   \n\n ").is_empty());
    assert!(
        propose_statements("The river rose two metres overnight. Roads were closed.").is_empty()
    );
}

#[test]
fn offsets_are_code_points() {
    let text = "Émilie Durand (🙂) said the 中国 delegation had “left early.”";
    for s in propose_statements(text) {
        for sp in s.content.iter().chain(s.speaker.iter()).chain(s.cue.iter()) {
            assert!(slice(text, *sp).is_ok(), "{sp:?}");
        }
    }
    let (speaker, _, _, _) = find(text, "delegation");
    assert_eq!(speaker, "Émilie Durand");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn any_input_gives_spans_inside_the_text(text in "(\\PC|[ \\n“”\"'’:,.]){0,300}") {
        let len = attest_core::text::char_len(&text);
        for s in propose_statements(&text) {
            prop_assert!(!s.content.is_empty());
            prop_assert!((0.0..=1.0).contains(&s.confidence));
            for sp in s.content.iter().chain(s.speaker.iter()).chain(s.cue.iter()) {
                prop_assert!(sp.start < sp.end && sp.end <= len, "{:?} in {}", sp, len);
            }
        }
    }

    #[test]
    fn news_shaped_input_gives_spans_inside_the_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("“We agree,”"), Just(" he said"), Just(" said"), Just(" that"),
                Just(" the minister"), Just(". "), Just("\n\n"), Just(" according to"),
                Just(" Ms. Lind"), Just(": "), Just("\""), Just(" told reporters"),
                Just("”"), Just("“"), Just(" peace will come"), Just(","),
            ],
            0..40,
        )
    ) {
        let text: String = parts.concat();
        let len = attest_core::text::char_len(&text);
        for s in propose_statements(&text) {
            for sp in s.content.iter().chain(s.speaker.iter()).chain(s.cue.iter()) {
                prop_assert!(sp.start < sp.end && sp.end <= len);
            }
        }
    }
}
