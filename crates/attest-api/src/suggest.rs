//! Proposed statements: `attest_extract` reads an article's text and proposes who said
//! what; each proposal's speaker mention ("Wang", "he", "the minister") is resolved to
//! the notebook's actors here, and the proposals are stored with status `proposed`.
//!
//! Speaker resolution, first rule that answers:
//! 1. the speaker words overlap actor mentions (the mention finder's): that actor — of
//!    several, not a possessor ("China’s" in "China’s Foreign Minister Wang Yi"), a
//!    person before others, else the last;
//! 2. the words (less "Mr", "Dr"…) are exactly a name or alias of one actor — a weak
//!    alias too, since a speech verb next to a surname is evidence enough;
//! 3. "he", "she", "his", "her", "him": the nearest person mentioned before, in the same
//!    sentence or the [`PRONOUN_REACH`] before it (not inside the statement's own words);
//! 4. "they", "them", "their": the nearest organisation, state or party mentioned so;
//! 5. "both sides", "the two men": the two nearest actors mentioned so (persons unless
//!    the noun is "countries", "governments"…);
//! 6. a description ("the minister", "the foreign ministry"): the nearest actor mentioned
//!    before whose role titles or names hold the head noun; else, for an organisation
//!    noun ("ministry", "government"), the nearest organisation or state; else the
//!    nearest person;
//! 7. otherwise no actor (the speaker words are kept).
//!
//! Reported-via ("according to a statement released by …"), addressees ("told Y", "in a
//! call with Y", "urged Y to") and targets ("accused Y of") come from rules over the
//! statement's sentence, in [`roles`].

use crate::{Api, Result};
use attest_core::mentions::{fold_pattern, name_parts, Found};
use attest_core::{
    ActorKind, NewStatement, Span, Statement, StatementFilter, StatementRole, StatementStatus,
};
use attest_extract::{overlapping, propose_statements, ProposedStatement};
use std::collections::HashMap;

mod roles;

/// How many sentences before its own a pronoun looks back for its actor.
pub const PRONOUN_REACH: usize = 3;

/// What speaker resolution knows of an actor.
#[derive(Debug, Clone)]
pub(crate) struct SpeakerActor {
    pub name: String,
    pub kind: ActorKind,
    /// Name and aliases, each folded as the mention finder folds them and written as
    /// its words joined by one space ([`name_key`]), so that comparing is cheap: a
    /// proposal is compared with every actor's names.
    pub names: Vec<String>,
    /// Role titles, lower case ("foreign minister").
    pub roles: Vec<String>,
}

/// The actors speaker resolution may choose from, by id.
pub(crate) type SpeakerActors = HashMap<i64, SpeakerActor>;

/// A mention of an actor: code points of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named {
    pub start: u32,
    pub end: u32,
    pub actor: i64,
}

impl From<&Found> for Named {
    fn from(f: &Found) -> Self {
        Named {
            start: f.start,
            end: f.end,
            actor: f.actor_id,
        }
    }
}

const PERSON_PRONOUNS: &[&str] = &["he", "she", "his", "her", "him"];
const GROUP_PRONOUNS: &[&str] = &["they", "them", "their"];
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "prof", "sir", "madam"];
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "its", "their"];
/// Head nouns naming an organisation or a state rather than a person.
const GROUP_NOUNS: &[&str] = &[
    "ministry",
    "government",
    "office",
    "department",
    "agency",
    "party",
    "embassy",
    "council",
    "committee",
    "army",
    "military",
    "police",
    "company",
    "group",
    "administration",
    "cabinet",
    "parliament",
    "commission",
    "country",
    "countries",
    "nation",
    "nations",
    "state",
    "states",
    "governments",
    "ministries",
];

/// Sentence starts in code points: after ". ", "! ", "? " (closing quotes allowed in
/// between) and at every line break.
fn sentence_starts(chars: &[char]) -> Vec<u32> {
    let mut starts = vec![0u32];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            starts.push(i as u32 + 1);
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            if j < chars.len() && chars[j].is_whitespace() {
                starts.push(j as u32 + 1);
                i = j;
            }
        }
        i += 1;
    }
    starts.dedup();
    starts
}

fn sentence_of(starts: &[u32], pos: u32) -> usize {
    starts.partition_point(|&s| s <= pos).saturating_sub(1)
}

/// Lower-case words of `s` (letters and digits; "China’s" is "china", "s").
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Speaker resolution over one text: its mentions (in reading order) and sentences.
pub(crate) struct Resolver<'a> {
    chars: Vec<char>,
    sentences: Vec<u32>,
    mentions: &'a [Named],
    actors: &'a SpeakerActors,
}

impl<'a> Resolver<'a> {
    pub fn new(text: &str, mentions: &'a [Named], actors: &'a SpeakerActors) -> Self {
        let chars: Vec<char> = text.chars().collect();
        Resolver {
            sentences: sentence_starts(&chars),
            chars,
            mentions,
            actors,
        }
    }

    fn slice(&self, s: Span) -> String {
        let (a, b) = (s.start as usize, (s.end as usize).min(self.chars.len()));
        self.chars.get(a..b).unwrap_or_default().iter().collect()
    }

    fn kind(&self, actor: i64) -> Option<ActorKind> {
        self.actors.get(&actor).map(|a| a.kind)
    }

    /// A possessive follows the mention ("China’s").
    fn possessive(&self, m: &Named) -> bool {
        let at = m.end as usize;
        matches!(self.chars.get(at), Some('’' | '\''))
            && matches!(self.chars.get(at + 1), Some('s' | 'S'))
            && !self.chars.get(at + 2).is_some_and(|c| c.is_alphanumeric())
    }

    /// Mentions before `pos`, nearest first, not inside `skip` (the statement's own
    /// words), from sentence `from_sentence` on.
    fn before<'b>(
        &'b self,
        pos: u32,
        skip: &'b [Span],
        from_sentence: usize,
    ) -> impl Iterator<Item = &'a Named> + 'b {
        let floor = self.sentences.get(from_sentence).copied().unwrap_or(0);
        self.mentions
            .iter()
            .rev()
            .filter(move |m| m.end <= pos && m.start >= floor)
            .filter(move |m| !skip.iter().any(|c| m.start < c.end && c.start < m.end))
    }

    /// The actors the proposal's speaker words name (none when they name nobody).
    pub fn resolve(&self, p: &ProposedStatement) -> Vec<i64> {
        let Some(speaker) = p.speaker else {
            return Vec::new();
        };
        let words = words(&self.slice(speaker));
        if words.is_empty() {
            return Vec::new();
        }
        let reach = sentence_of(&self.sentences, speaker.start).saturating_sub(PRONOUN_REACH);

        // 1. mentions inside the speaker words
        let inside: Vec<&Named> = self
            .mentions
            .iter()
            .filter(|m| m.start < speaker.end && speaker.start < m.end)
            .collect();
        let owners: Vec<&Named> = inside
            .iter()
            .copied()
            .filter(|m| !self.possessive(m))
            .collect();
        let pick = |list: &[&Named]| {
            list.iter()
                .find(|m| self.kind(m.actor) == Some(ActorKind::Person))
                .or(list.last())
                .map(|m| m.actor)
        };
        if let Some(actor) = pick(&owners) {
            return vec![actor];
        }

        // 2. a name or alias of exactly one actor
        let bare: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .skip_while(|w| HONORIFICS.contains(w))
            .collect();
        let key = name_key(&bare.join(" "));
        if !key.is_empty() {
            let mut named = self
                .actors
                .iter()
                .filter(|(_, a)| a.names.contains(&key))
                .map(|(id, _)| *id);
            if let (Some(id), None) = (named.next(), named.next()) {
                return vec![id];
            }
        }

        let text = words.join(" ");
        let head = words.last().cloned().unwrap_or_default();
        // 3. he, she
        if words.len() == 1 && PERSON_PRONOUNS.contains(&text.as_str()) {
            return self
                .before(speaker.start, &p.content, reach)
                .find(|m| self.kind(m.actor) == Some(ActorKind::Person))
                .map(|m| vec![m.actor])
                .unwrap_or_default();
        }
        // 4. they
        if words.len() == 1 && GROUP_PRONOUNS.contains(&text.as_str()) {
            return self
                .before(speaker.start, &p.content, reach)
                .find(|m| {
                    matches!(
                        self.kind(m.actor),
                        Some(ActorKind::Organization | ActorKind::State | ActorKind::Party)
                    )
                })
                .map(|m| vec![m.actor])
                .unwrap_or_default();
        }
        // 5. both sides, the two men
        let pair = words[0] == "both" || (words.len() > 2 && words[..2] == ["the", "two"]);
        if pair && words.len() >= 2 {
            let groups = GROUP_NOUNS.contains(&head.as_str());
            let wanted = |k: Option<ActorKind>| (k == Some(ActorKind::Person)) != groups;
            let mut two: Vec<i64> = Vec::new();
            for m in self.before(speaker.start, &p.content, reach) {
                if wanted(self.kind(m.actor)) && !two.contains(&m.actor) {
                    two.push(m.actor);
                    if two.len() == 2 {
                        break;
                    }
                }
            }
            if two.len() == 2 {
                two.reverse(); // in reading order
                return two;
            }
            return Vec::new();
        }
        // 6. a description
        // a possessor's thing ("China’s foreign ministry"), not a name ("Turkey’s Trade
        // Minister Selin Aydın", someone not in the notebook)
        let common_head = self
            .slice(speaker)
            .split_whitespace()
            .last()
            .is_some_and(|w| !w.chars().any(char::is_uppercase));
        let described = DETERMINERS.contains(&words[0].as_str())
            || (!inside.is_empty() && common_head)
            || self
                .slice(speaker)
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_lowercase);
        if described && !PERSON_PRONOUNS.contains(&head.as_str()) {
            let holds = |a: &SpeakerActor| {
                a.roles.iter().any(|r| self::words(r).contains(&head))
                    || a.names.iter().any(|n| n.split(' ').any(|w| w == head))
            };
            let mut earlier = self.before(speaker.start, &p.content, 0);
            if let Some(m) = earlier.find(|m| self.actors.get(&m.actor).is_some_and(holds)) {
                return vec![m.actor];
            }
            // the possessor, when the words were "China’s foreign ministry"
            if let Some(m) = inside.last() {
                return vec![m.actor];
            }
            let groups = GROUP_NOUNS.contains(&head.as_str());
            return self
                .before(speaker.start, &p.content, 0)
                .find(|m| (self.kind(m.actor) == Some(ActorKind::Person)) != groups)
                .map(|m| vec![m.actor])
                .unwrap_or_default();
        }
        Vec::new()
    }
}

/// A name as speaker resolution compares it: folded, then its words joined by one
/// space, so names equal word for word (punctuation aside: "Wang Yi" = "wang yi") have
/// the same key.
pub(crate) fn name_key(name: &str) -> String {
    words(&fold_pattern(name)).join(" ")
}

impl Api {
    /// What speaker resolution knows of the notebook's actors.
    pub(crate) fn speaker_actors(&self) -> Result<SpeakerActors> {
        let mut roles: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, title) in self.notebook.role_titles()? {
            roles.entry(id).or_default().push(title.to_lowercase());
        }
        Ok(self
            .notebook
            .actors_uncounted()?
            .into_iter()
            .map(|a| {
                // A person's surname alone is a name of theirs next to a speech verb.
                let parts = match a.kind {
                    ActorKind::Person => name_parts(&a.name),
                    _ => Vec::new(),
                };
                let names = std::iter::once(a.name.as_str())
                    .chain(a.aliases.iter().map(String::as_str))
                    .chain(parts)
                    .map(name_key)
                    .collect();
                let actor = SpeakerActor {
                    names,
                    kind: a.kind,
                    roles: roles.remove(&a.id).unwrap_or_default(),
                    name: a.name,
                };
                (a.id, actor)
            })
            .collect())
    }

    /// Proposes the statements of one article (extraction over its text), each speaker
    /// resolved to actors, and stores those not already there (a statement whose
    /// content overlaps one already in the article is skipped, so suggesting twice adds
    /// nothing) with status `proposed`, in one transaction. Returns the new ones.
    pub fn suggest_statements(&mut self, article_id: i64) -> Result<Vec<Statement>> {
        let actors = self.speaker_actors()?;
        self.suggest_with(article_id, &actors, StatementStatus::Proposed)
    }

    /// [`Api::suggest_statements`] for every article extraction has not read yet.
    pub fn suggest_all(&mut self) -> Result<Vec<Statement>> {
        self.suggest_all_as(StatementStatus::Proposed)
    }

    /// [`Api::suggest_all`], storing the proposals with `status` (accepted, for
    /// `attest statements suggest --accept`).
    pub fn suggest_all_as(&mut self, status: StatementStatus) -> Result<Vec<Statement>> {
        let actors = self.speaker_actors()?;
        let mut out = Vec::new();
        for id in self.notebook.articles_without_proposals()? {
            out.extend(self.suggest_with(id, &actors, status)?);
        }
        Ok(out)
    }

    /// [`Api::suggest_statements`] storing the proposals with `status`.
    pub fn suggest_statements_as(
        &mut self,
        article_id: i64,
        status: StatementStatus,
    ) -> Result<Vec<Statement>> {
        let actors = self.speaker_actors()?;
        self.suggest_with(article_id, &actors, status)
    }

    fn suggest_with(
        &mut self,
        article_id: i64,
        actors: &SpeakerActors,
        status: StatementStatus,
    ) -> Result<Vec<Statement>> {
        let text = self.notebook.article(article_id)?.text;
        let existing: Vec<Vec<Span>> = self
            .notebook
            .statements(&StatementFilter {
                article_id: Some(article_id),
                actor_id: None,
            })?
            .into_iter()
            .map(|s| {
                s.content
                    .iter()
                    .map(|a| Span {
                        start: a.start,
                        end: a.end,
                    })
                    .collect()
            })
            .collect();
        let mentions = self.named_in(article_id)?;
        let resolver = Resolver::new(&text, &mentions, actors);
        let proposals: Vec<(NewStatement, f32)> = propose_statements(&text)
            .into_iter()
            .filter(|p| !existing.iter().any(|e| overlapping(e, &p.content)))
            .map(|p| {
                let roles = resolver.roles(&p);
                let new = NewStatement {
                    article_id,
                    content: p.content.clone(),
                    speaker_actor_ids: resolver.resolve(&p),
                    speaker_mention: p.speaker,
                    cue: p.cue,
                    kind: p.kind,
                    stance: None,
                    topics: Vec::new(),
                    addressee_actor_ids: roles.addressees,
                    target_actor_ids: roles.targets,
                    reported_via: roles.reported_via.map(|s| resolver.slice(s)),
                    date: None,
                };
                (new, p.confidence)
            })
            .collect();
        if proposals.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self
            .notebook
            .add_proposed_statements(article_id, &proposals, status)?)
    }

    /// Accepts a statement (a proposal becomes part of the analyst's record).
    pub fn accept_statement(&mut self, id: i64) -> Result<Statement> {
        Ok(self
            .notebook
            .set_statement_status(id, StatementStatus::Accepted)?)
    }

    /// Replaces a statement's speakers, addressees or targets (`role`) by `actor_ids`;
    /// the speaker words stay.
    pub fn set_statement_actors(
        &mut self,
        id: i64,
        role: StatementRole,
        actor_ids: &[i64],
    ) -> Result<Statement> {
        Ok(self.notebook.set_statement_actors(id, role, actor_ids)?)
    }

    /// Sets or (with `None` or blank words) clears what a statement was reported through.
    pub fn set_statement_reported_via(
        &mut self,
        id: i64,
        reported_via: Option<&str>,
    ) -> Result<Statement> {
        Ok(self.notebook.set_statement_reported_via(id, reported_via)?)
    }

    /// Rejects a statement: it stays (so it is not proposed again) but leaves dossiers.
    pub fn reject_statement(&mut self, id: i64) -> Result<Statement> {
        Ok(self
            .notebook
            .set_statement_status(id, StatementStatus::Rejected)?)
    }
}

/// `{"start", "end", "text"}` of a span of `chars`.
pub(crate) fn span_json(chars: &[char], s: Span) -> serde_json::Value {
    let (a, b) = (s.start as usize, (s.end as usize).min(chars.len()));
    let text: String = chars.get(a..b).unwrap_or_default().iter().collect();
    serde_json::json!({ "start": s.start, "end": s.end, "text": text })
}

/// The proposals of `text` as `inspect` prints them.
pub(crate) fn statements_json(
    text: &str,
    mentions: &[Named],
    actors: &SpeakerActors,
) -> Vec<serde_json::Value> {
    let chars: Vec<char> = text.chars().collect();
    let resolver = Resolver::new(text, mentions, actors);
    propose_statements(text)
        .into_iter()
        .map(|p| {
            let name_of = |ids: Vec<i64>| -> Vec<String> {
                ids.into_iter()
                    .filter_map(|id| actors.get(&id).map(|a| a.name.clone()))
                    .collect()
            };
            let names = name_of(resolver.resolve(&p));
            let roles = resolver.roles(&p);
            serde_json::json!({
                "speaker": p.speaker.map(|s| span_json(&chars, s)),
                "cue": p.cue.map(|s| span_json(&chars, s)),
                "content": p.content.iter().map(|s| span_json(&chars, *s)).collect::<Vec<_>>(),
                "kind": p.kind.as_str(),
                "actor": names.first(),
                "actors": names,
                "confidence": p.confidence,
                "addressees": name_of(roles.addressees),
                "targets": name_of(roles.targets),
                "reported_via": roles.reported_via.map(|s| span_json(&chars, s)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
