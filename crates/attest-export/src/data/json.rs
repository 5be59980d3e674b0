//! Statements as one JSON document with every field nested.

use super::DataSet;
use crate::ExportError;
use attest_core::{ActorKind, Anchor, Stance, Statement, StatementKind, StatementStatus};
use serde::Serialize;

/// Bumped when a field changes meaning or goes away (adding fields does not bump it).
const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    attest_export: u32,
    statements: Vec<StatementOut<'a>>,
}

#[derive(Serialize)]
struct StatementOut<'a> {
    id: i64,
    status: StatementStatus,
    kind: StatementKind,
    stance: Option<Stance>,
    topics: &'a [String],
    speakers: Vec<Speaker<'a>>,
    /// The W3C TextPositionSelector (`start`, `end`) and TextQuoteSelector (`exact`,
    /// `prefix`, `suffix`) of each anchor, in code points.
    speaker_mention: Option<&'a Anchor>,
    cue: Option<&'a Anchor>,
    content: &'a [Anchor],
    /// The content parts joined by " … ", as citations show them.
    quote: String,
    paragraph: Option<u32>,
    article: ArticleOut<'a>,
    created_at: &'a str,
}

#[derive(Serialize)]
struct Speaker<'a> {
    id: i64,
    name: &'a str,
    /// `None` when the actor is not in the data set.
    kind: Option<ActorKind>,
    aliases: &'a [String],
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: i64,
    /// The headline; `None` when the article has none (see `display_title`).
    title: Option<&'a str>,
    display_title: &'a str,
    byline: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    dateline: Option<&'a str>,
    language: Option<&'a str>,
    url: Option<&'a str>,
    source_file: Option<&'a str>,
}

/// `{"attest_export": 1, "statements": [...]}`, pretty-printed UTF-8.
pub fn statements_json(data: &DataSet) -> Result<Vec<u8>, ExportError> {
    let export = Export {
        attest_export: FORMAT_VERSION,
        statements: data.statements.iter().map(|s| statement(data, s)).collect(),
    };
    serde_json::to_vec_pretty(&export).map_err(|e| ExportError::Write {
        format: "JSON",
        reason: e.to_string(),
    })
}

fn statement<'a>(data: &DataSet<'a>, s: &'a Statement) -> StatementOut<'a> {
    let article = data.article(s.article_id);
    let meta = article.map(|a| &a.meta);
    let field = |f: fn(&'a attest_core::ArticleMeta) -> &'a Option<String>| {
        meta.and_then(|m| f(m).as_deref())
    };
    StatementOut {
        id: s.id,
        status: s.status,
        kind: s.kind,
        stance: s.stance,
        topics: &s.topics,
        speakers: s
            .speakers
            .iter()
            .map(|r| {
                let actor = data.actors.get(&r.id);
                Speaker {
                    id: r.id,
                    name: &r.name,
                    kind: actor.map(|a| a.kind),
                    aliases: actor.map_or(&[], |a| a.aliases.as_slice()),
                }
            })
            .collect(),
        speaker_mention: s.speaker_mention.as_ref(),
        cue: s.cue.as_ref(),
        content: &s.content,
        quote: s.quote(),
        paragraph: data.paragraph(s),
        article: ArticleOut {
            id: s.article_id,
            title: field(|m| &m.title),
            display_title: article.map_or(&s.article_title, |a| a.display_title()),
            byline: field(|m| &m.byline),
            outlet: field(|m| &m.outlet),
            published: field(|m| &m.published),
            dateline: field(|m| &m.dateline),
            language: field(|m| &m.language),
            url: field(|m| &m.url),
            source_file: article.map(|a| a.source_name.as_str()),
        },
        created_at: &s.created_at,
    }
}
