//! Articles and statements made in memory rather than read from files — the
//! benchmark notebook `attest bench generate --notebook` builds — stored through the
//! same paths import and extraction use, so they cannot be told apart from theirs:
//! hashed, signed for near-duplicates, indexed for search, mentions found.

use crate::{Api, Result};
use attest_core::similarity::ArticleKeys;
use attest_core::{ArticleDraft, NewStatement, Statement, StatementStatus};
use attest_import::SourceBytes;
use attest_store::{InsertOutcome, SourceFile};

impl Api {
    /// Stores `draft` as if imported from a file named `source_name` holding its text;
    /// `None` when the same text is already in the notebook.
    pub fn store_draft(&mut self, draft: &ArticleDraft, source_name: &str) -> Result<Option<i64>> {
        let source = SourceBytes::new(source_name.to_owned(), draft.text.as_bytes().to_vec());
        let keys = ArticleKeys::of(&draft.text);
        let outcome = self.notebook.insert_article(
            draft,
            &SourceFile {
                name: &source.name,
                path: &source.name,
                bytes: &source.bytes,
                sha256: &source.sha256,
            },
            &keys,
        )?;
        Ok(match outcome {
            InsertOutcome::Inserted { id, .. } => Some(id),
            InsertOutcome::Duplicate { .. } => None,
        })
    }

    /// Stores statements of one article with their confidences and `status`, in one
    /// transaction, as extraction stores its proposals.
    pub fn store_statements(
        &mut self,
        article_id: i64,
        statements: &[(NewStatement, f32)],
        status: StatementStatus,
    ) -> Result<Vec<Statement>> {
        Ok(self
            .notebook
            .add_proposed_statements(article_id, statements, status)?)
    }

    /// Writes the near-duplicate keys still waiting (import does so when it ends).
    pub fn flush(&mut self) -> Result<()> {
        Ok(self.notebook.flush_bands()?)
    }
}
