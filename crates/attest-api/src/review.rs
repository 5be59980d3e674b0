//! The reader's review of proposed statements: an article opened for the first time
//! gets its proposals, and proposals whose speaker no actor matched are resolved again
//! once actors change. Accepting, rejecting and correcting them live in `suggest`.

use crate::suggest::{Named, Resolver};
use crate::{Api, Result};
use attest_core::{
    Anchor, ArticleView, Span, Statement, StatementFilter, StatementRole, StatementStatus,
};
use attest_extract::ProposedStatement;

impl Api {
    /// The reader's view of an article. The first time an article is opened, extraction
    /// reads it and its proposed statements are stored (a few milliseconds); later opens
    /// only read (but for an article where extraction found nothing, read again each time).
    pub fn open_article(&mut self, id: i64) -> Result<ArticleView> {
        // States, their capitals and demonyms are there before the first proposals, so
        // that "Beijing said" has a speaker.
        self.notebook.offer_gazetteer()?;
        let statements = self.notebook.statements(&StatementFilter {
            article_id: Some(id),
            actor_id: None,
        })?;
        // A proposal, even a rejected one, means extraction has read the article.
        let changed = if !statements.iter().any(|s| s.confidence.is_some()) {
            self.suggest_statements(id)?;
            true
        } else {
            self.resolve_unattributed(id, &statements)?
        };
        if changed {
            return self.article_view(id);
        }
        self.article_view_with(id, statements)
    }

    /// The actors named in an article, for speaker resolution.
    pub(crate) fn named_in(&self, article_id: i64) -> Result<Vec<Named>> {
        Ok(self
            .notebook
            .mentions(article_id)?
            .iter()
            .map(|m| Named {
                start: m.start,
                end: m.end,
                actor: m.actor.id,
            })
            .collect())
    }

    /// Resolves again the speakers of the article's proposals that have none: an actor
    /// made since (a name selected in the reader) may be the one their words name.
    /// Whether a speaker was set.
    fn resolve_unattributed(&mut self, article_id: i64, statements: &[Statement]) -> Result<bool> {
        let unattributed: Vec<&Statement> = statements
            .iter()
            .filter(|s| {
                s.status == StatementStatus::Proposed
                    && s.speakers.is_empty()
                    && s.speaker_mention.is_some()
            })
            .collect();
        let version = self.notebook.actors_version()?;
        if unattributed.is_empty() || self.resolved_at.get(&article_id) == Some(&version) {
            return Ok(false);
        }
        self.resolved_at.insert(article_id, version);
        let actors = self.speaker_actors()?;
        let text = self.notebook.article(article_id)?.text;
        let mentions = self.named_in(article_id)?;
        let resolver = Resolver::new(&text, &mentions, &actors);
        let span = |a: &Anchor| Span {
            start: a.start,
            end: a.end,
        };
        let found: Vec<(i64, Vec<i64>)> = unattributed
            .iter()
            .map(|s| {
                let proposal = ProposedStatement {
                    speaker: s.speaker_mention.as_ref().map(span),
                    cue: s.cue.as_ref().map(span),
                    content: s.content.iter().map(span).collect(),
                    kind: s.kind,
                    confidence: s.confidence.unwrap_or_default(),
                };
                (s.id, resolver.resolve(&proposal))
            })
            .filter(|(_, ids)| !ids.is_empty())
            .collect();
        for (id, speakers) in &found {
            self.notebook
                .set_statement_actors(*id, StatementRole::Speaker, speakers)?;
        }
        Ok(!found.is_empty())
    }
}
