//! A small notebook for the data-export tests, shared by the unit tests and
//! `tests/data_readers.rs` (which includes this file by path): 3 actors, 2 articles,
//! 8 statements (one rejected), 2 annotations.
//!
//! The network it makes (dates from the articles):
//! - Wang (1): opposes tariffs and trade (s1, 05-01), uncoded on tariffs (s7, 05-01)
//! - Khan (2): supports border (s2, 05-01), opposes tariffs (s4, 05-10),
//!   supports trade in s5, which is rejected
//! - Ministry (3): supports trade and tariffs (s3, 05-10), neutral on border (s6,
//!   05-01), opposes trade (s8, 05-10)
//!
//! so Wang–Khan congruence on tariffs (1), Wang–Ministry conflict on tariffs and
//! trade (2) and congruence on trade (1), Khan–Ministry conflict on tariffs (1).

use attest_core::*;
use std::collections::HashMap;

/// Quotes with commas, straight quotes, a newline, `<`, `&` and Arabic.
pub const QUOTE1: &str = "We will not accept tariffs, \"ever\" — <never> & no,\nnot now, لا للرسوم";
/// Starts with a formula character: must stay verbatim.
pub const QUOTE2: &str = "+30% trade is the goal and the border must stay open";
pub const QUOTE3A: &str = "التجارة ستنمو";
pub const QUOTE3B: &str = "tariffs are fair";

/// Needs escaping in XML.
pub const MINISTRY: &str = "Ministry of Commerce & <Trade>";

pub const TEXT1: &str = concat!(
    "Talks on the corridor\n\n",
    "ISLAMABAD: Officials met on Monday.\n\n",
    "“We will not accept tariffs, \"ever\" — <never> & no,\nnot now, لا للرسوم,” Wang Yi said.\n\n",
    "Khan said: +30% trade is the goal and the border must stay open.\n\n",
    "The ministry said it was watching the border. Wang added that tariffs were a mistake.\n",
);

/// Emoji outside the Basic Multilingual Plane come before the quotes, so code-point
/// offsets differ from UTF-16 ones.
pub const TEXT2: &str = concat!(
    "@ministry: trade will grow\n\n",
    "🇵🇰 Commerce Ministry statement 🙂\n\n",
    "The ministry said التجارة ستنمو and tariffs will help, then added that tariffs are fair.\n\n",
    "Khan later said tariffs hurt farmers.\n\n",
    "Khan also said trade helps everyone.\n\n",
    "The ministry later warned that trade with the north must shrink.\n",
);

pub struct Fixture {
    pub statements: Vec<Statement>,
    pub annotations: Vec<Annotation>,
    pub articles: HashMap<i64, Article>,
    pub actors: HashMap<i64, Actor>,
}

pub fn text_of(article_id: i64) -> &'static str {
    if article_id == 1 {
        TEXT1
    } else {
        TEXT2
    }
}

/// The anchor of the first occurrence of `needle` in the article.
pub fn anchor(article_id: i64, needle: &str) -> Anchor {
    let text = text_of(article_id);
    let span = text::find(text, needle).expect("needle in text");
    text::anchor(text, span).expect("span in text")
}

fn actor(id: i64, name: &str, kind: ActorKind, aliases: &[&str]) -> (i64, Actor) {
    let actor = Actor {
        id,
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        statement_count: Some(0),
    };
    (id, actor)
}

pub struct Spec {
    pub id: i64,
    pub article_id: i64,
    pub speaker: (i64, &'static str),
    pub content: &'static [&'static str],
    pub mention: Option<&'static str>,
    pub cue: Option<&'static str>,
    pub kind: StatementKind,
    pub status: StatementStatus,
    pub stance: Option<Stance>,
    pub topics: &'static [&'static str],
}

use Stance::*;
use StatementKind::*;
use StatementStatus::*;

pub const SPECS: &[Spec] = &[
    Spec {
        id: 1,
        article_id: 1,
        speaker: (1, "Wang Yi"),
        content: &[QUOTE1],
        mention: Some("Wang Yi"),
        cue: Some("said"),
        kind: Direct,
        status: Accepted,
        stance: Some(Opposes),
        topics: &["tariffs", "trade"],
    },
    Spec {
        id: 2,
        article_id: 1,
        speaker: (2, "Imran Khan"),
        content: &[QUOTE2],
        mention: Some("Khan"),
        cue: None,
        kind: Direct,
        status: Accepted,
        stance: Some(Supports),
        topics: &["border"],
    },
    Spec {
        id: 3,
        article_id: 2,
        speaker: (3, MINISTRY),
        content: &[QUOTE3A, QUOTE3B],
        mention: Some("The ministry"),
        cue: Some("said"),
        kind: Mixed,
        status: Accepted,
        stance: Some(Supports),
        topics: &["trade", "tariffs"],
    },
    Spec {
        id: 4,
        article_id: 2,
        speaker: (2, "Imran Khan"),
        content: &["tariffs hurt farmers"],
        mention: None,
        cue: None,
        kind: Indirect,
        status: Accepted,
        stance: Some(Opposes),
        topics: &["tariffs"],
    },
    Spec {
        id: 5,
        article_id: 2,
        speaker: (2, "Imran Khan"),
        content: &["trade helps everyone"],
        mention: None,
        cue: None,
        kind: Indirect,
        status: Rejected,
        stance: Some(Supports),
        topics: &["trade"],
    },
    Spec {
        id: 6,
        article_id: 1,
        speaker: (3, MINISTRY),
        content: &["it was watching the border"],
        mention: None,
        cue: None,
        kind: Indirect,
        status: Proposed,
        stance: Some(Neutral),
        topics: &["border"],
    },
    Spec {
        id: 7,
        article_id: 1,
        speaker: (1, "Wang Yi"),
        content: &["tariffs were a mistake"],
        mention: None,
        cue: None,
        kind: Indirect,
        status: Accepted,
        stance: None,
        // Stray spaces: kept in the CSV, trimmed in the network.
        topics: &[" tariffs "],
    },
    Spec {
        id: 8,
        article_id: 2,
        speaker: (3, MINISTRY),
        content: &["trade with the north must shrink"],
        mention: None,
        cue: Some("warned"),
        kind: Indirect,
        status: Accepted,
        stance: Some(Opposes),
        topics: &["trade"],
    },
];

pub fn statement(spec: &Spec) -> Statement {
    let a = spec.article_id;
    Statement {
        id: spec.id,
        article_id: a,
        article_title: if a == 1 {
            "Talks on the corridor".into()
        } else {
            "@ministry: trade will grow".into()
        },
        speakers: vec![ActorRef {
            id: spec.speaker.0,
            name: spec.speaker.1.into(),
        }],
        speaker_mention: spec.mention.map(|m| anchor(a, m)),
        cue: spec.cue.map(|c| anchor(a, c)),
        content: spec.content.iter().map(|c| anchor(a, c)).collect(),
        kind: spec.kind,
        status: spec.status,
        stance: spec.stance,
        topics: spec.topics.iter().map(|t| t.to_string()).collect(),
        created_at: format!("2026-05-11T10:0{}:00Z", spec.id),

        confidence: None,
        reported_via: None,
        date: None,
        addressees: vec![],
        targets: vec![],
        anchor_status: Default::default(),
    }
}

pub fn fixture() -> Fixture {
    let article1 = Article {
        id: 1,
        meta: ArticleMeta {
            title: Some("Talks on the corridor".into()),
            byline: Some("Staff Reporter".into()),
            // A real outlet name that a spreadsheet would take for a formula.
            outlet: Some("+972 Magazine".into()),
            published: Some("2026-05-01".into()),
            dateline: Some("ISLAMABAD".into()),
            language: Some("en".into()),
            url: Some("https://example.org/talks?a=1&b=2".into()),
        },
        fallback_title: "Talks on the corridor".into(),
        text: TEXT1.into(),
        format: SourceFormat::Text,
        source_name: "talks.txt".into(),
        imported_at: "2026-05-11T09:00:00Z".into(),
    };
    let article2 = Article {
        id: 2,
        meta: ArticleMeta {
            title: Some("@ministry: trade will grow".into()),
            published: Some("2026-05-10T08:00:00Z".into()),
            language: Some("ar".into()),
            ..Default::default()
        },
        fallback_title: "@ministry: trade will grow".into(),
        text: TEXT2.into(),
        format: SourceFormat::Html,
        source_name: "ministry <statement>.html".into(),
        imported_at: "2026-05-11T09:00:00Z".into(),
    };
    Fixture {
        statements: SPECS.iter().map(statement).collect(),
        annotations: vec![
            Annotation {
                id: 1,
                article_id: 1,
                anchor: anchor(1, "Officials met on Monday"),
                note: "Check <this> & \"that\"".into(),
                created_at: "2026-05-11T11:00:00Z".into(),
                anchor_status: Default::default(),
                anchor_score: 1.0,
                tags: vec![],
            },
            Annotation {
                id: 2,
                article_id: 2,
                anchor: anchor(2, "Commerce Ministry statement 🙂"),
                note: String::new(),
                created_at: "2026-05-11T11:01:00Z".into(),
                anchor_status: Default::default(),
                anchor_score: 1.0,
                tags: vec![],
            },
        ],
        articles: HashMap::from([(1, article1), (2, article2)]),
        actors: HashMap::from([
            actor(1, "Wang Yi", ActorKind::Person, &["Wang", "王毅"]),
            actor(2, "Imran Khan", ActorKind::Person, &[]),
            // A control character XML 1.0 forbids: dropped from the network files.
            actor(
                3,
                "Ministry of Commerce & <Trade>\u{7}",
                ActorKind::Organization,
                &["MoC"],
            ),
        ]),
    }
}
