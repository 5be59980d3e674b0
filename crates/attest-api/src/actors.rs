//! The actor registry and mentions: aliases and their flags, roles, memberships,
//! details, merging and splitting, the gazetteer, profiles, mentions and candidates.
//! Each is one call for the desktop shell and the CLI alike.

use crate::{Api, ApiError, Result};
use attest_core::*;

impl Api {
    /// The actors for the actor view (`counted`: with their statement counts) or a
    /// picker (without: counting reads every statement); the first time ever, the
    /// built-in gazetteer of states is loaded into the notebook first.
    pub fn actor_view(&mut self, counted: bool) -> Result<Vec<Actor>> {
        self.notebook.offer_gazetteer()?;
        if counted {
            self.actors()
        } else {
            Ok(self.notebook.actors_uncounted()?)
        }
    }

    /// Loads the built-in gazetteer of states (again: adds what is missing).
    pub fn load_gazetteer(&mut self) -> Result<GazetteerReport> {
        Ok(self.notebook.load_gazetteer()?)
    }

    pub fn actor_profile(&self, actor_id: i64) -> Result<ActorProfile> {
        Ok(self.notebook.actor_profile(actor_id)?)
    }

    /// An actor by name or alias, or else one merged into another by its name.
    pub fn actor_named_or_merged(&self, name: &str) -> Result<Actor> {
        match self.notebook.find_merged_actor(name)? {
            Some(a) => Ok(a),
            None => self.actor_named(name),
        }
    }

    /// Adds an alias with its flags, or sets the flags of one the actor has.
    pub fn add_alias_with(&mut self, actor_id: i64, alias: &NewAlias) -> Result<ActorProfile> {
        self.notebook.add_alias_with(actor_id, alias)?;
        self.actor_profile(actor_id)
    }

    /// Sets an alias's flags; `disabled` switches it off (it is no longer looked for).
    pub fn set_alias_flags(
        &mut self,
        alias_id: i64,
        weak: bool,
        metonym: bool,
        demonym: bool,
        disabled: bool,
    ) -> Result<ActorAlias> {
        Ok(self
            .notebook
            .set_alias_flags(alias_id, weak, metonym, demonym, disabled)?)
    }

    pub fn remove_alias(&mut self, alias_id: i64) -> Result<()> {
        Ok(self.notebook.remove_alias(alias_id)?)
    }

    /// Notes, Wikidata id (`Q` and digits, or its URL) and colour (`#rrggbb`).
    pub fn set_actor_details(
        &mut self,
        actor_id: i64,
        details: &ActorDetails,
    ) -> Result<ActorProfile> {
        self.notebook.set_actor_details(actor_id, details)?;
        self.actor_profile(actor_id)
    }

    pub fn add_role(&mut self, actor_id: i64, role: &NewRole) -> Result<ActorProfile> {
        self.notebook.add_role(actor_id, role)?;
        self.actor_profile(actor_id)
    }

    pub fn remove_role(&mut self, actor_id: i64, role_id: i64) -> Result<ActorProfile> {
        self.notebook.remove_role(role_id)?;
        self.actor_profile(actor_id)
    }

    /// `member` belongs to `group` (an organisation to a state).
    pub fn add_membership(&mut self, member: i64, group: i64) -> Result<ActorProfile> {
        self.notebook.add_membership(member, group)?;
        self.actor_profile(member)
    }

    pub fn remove_membership(&mut self, member: i64, group: i64) -> Result<ActorProfile> {
        self.notebook.remove_membership(member, group)?;
        self.actor_profile(member)
    }

    /// Merges `merged` into `into` (undone by [`Api::unmerge_actor`]).
    pub fn merge_actors(&mut self, into: i64, merged: i64) -> Result<ActorProfile> {
        self.notebook.merge_actor(into, merged)?;
        self.actor_profile(into)
    }

    /// Undoes a merge: the actor and the one it was merged into are as before it.
    pub fn unmerge_actor(&mut self, merged: i64) -> Result<ActorProfile> {
        self.notebook.unmerge_actor(merged)?;
        self.actor_profile(merged)
    }

    /// Moves the chosen aliases of an actor to a new actor named `name`.
    pub fn split_actor(
        &mut self,
        actor_id: i64,
        alias_ids: &[i64],
        name: &str,
        kind: Option<ActorKind>,
    ) -> Result<ActorProfile> {
        let new = self.notebook.split_actor(actor_id, alias_ids, name, kind)?;
        self.actor_profile(new.id)
    }

    /// The actors named in an article (for the reader's highlights).
    pub fn article_mentions(&self, article_id: i64) -> Result<Vec<Mention>> {
        Ok(self.notebook.mentions(article_id)?)
    }

    /// Names in one article, or all, that may be actors not in the notebook yet.
    pub fn actor_candidates(&self, article_id: Option<i64>) -> Result<Vec<ActorCandidate>> {
        Ok(self.notebook.actor_candidates(article_id)?)
    }

    /// Finds every mention in every article again; (articles with mentions, mentions).
    pub fn refresh_mentions(&mut self) -> Result<(u32, u32)> {
        Ok(self.notebook.refresh_mentions()?)
    }

    /// The mention finder for this notebook's actors, with what speaker resolution
    /// knows of them.
    pub fn mention_finder(&self) -> Result<MentionLookup> {
        Ok(MentionLookup {
            finder: mentions::MentionFinder::new(self.notebook.mention_patterns()?)
                .map_err(|e| ApiError::invalid(e.to_string()))?,
            actors: self.speaker_actors()?,
        })
    }
}

/// A mention finder and the actors it finds, for `inspect`.
pub struct MentionLookup {
    finder: mentions::MentionFinder,
    actors: crate::suggest::SpeakerActors,
}

impl MentionLookup {
    /// The built-in gazetteer's states, without a notebook.
    pub fn gazetteer() -> Result<Self> {
        let states = gazetteer::states();
        let patterns = gazetteer::patterns(&states);
        let mut actors: crate::suggest::SpeakerActors = states
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let actor = crate::suggest::SpeakerActor {
                    name: s.name.to_owned(),
                    kind: ActorKind::State,
                    names: Vec::new(),
                    roles: Vec::new(),
                };
                (i as i64, actor)
            })
            .collect();
        for p in &patterns {
            if let Some(a) = actors.get_mut(&p.actor_id) {
                a.names.push(crate::suggest::name_key(&p.text));
            }
        }
        Ok(MentionLookup {
            finder: mentions::MentionFinder::new(patterns)
                .map_err(|e| ApiError::invalid(e.to_string()))?,
            actors,
        })
    }

    /// `{"start", "end", "text", "actor"}` for every mention in `text` (code points).
    pub fn json(&self, text: &str) -> Vec<serde_json::Value> {
        let chars: Vec<char> = text.chars().collect();
        self.finder
            .find(text)
            .into_iter()
            .map(|m| {
                let words: String = chars[m.start as usize..m.end as usize].iter().collect();
                serde_json::json!({
                    "start": m.start,
                    "end": m.end,
                    "text": words,
                    "actor": self.actors.get(&m.actor_id).map(|a| a.name.clone()).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// The statements extraction proposes in `text`, speakers resolved against these
    /// actors: `{"speaker", "cue", "content", "kind", "actor", "actors", "confidence"}`,
    /// spans as `{"start", "end", "text"}` in code points.
    pub fn statements_json(&self, text: &str) -> Vec<serde_json::Value> {
        let named: Vec<crate::suggest::Named> =
            self.finder.find(text).iter().map(Into::into).collect();
        crate::suggest::statements_json(text, &named, &self.actors)
    }
}
