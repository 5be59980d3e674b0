//! Merging another notebook into the open one: how two analysts combine their work.
//! First the plan (what would be added, which actors are the same, which need the
//! analyst's decision), then the merge with the decisions. The other notebook is only
//! read; the open one is snapshotted first and changed in one transaction.

use crate::{Api, Result};
use attest_core::{ActorDecision, MergePlan, MergeReport};
use std::path::Path;

impl Api {
    /// What merging the notebook at `other` into this one would do; writes nothing.
    /// A file that is not a notebook, is damaged or comes from a newer Attest is refused
    /// with the message opening it would give.
    pub fn merge_plan(&self, other: &Path) -> Result<MergePlan> {
        Ok(self.notebook.merge_plan(other)?)
    }

    /// Merges the notebook at `other` into this one. `decisions` answer the plan's
    /// conflicting actors (and may override its other proposals); a conflict left
    /// unanswered is an `Invalid` error naming the actors, and nothing is written.
    pub fn merge(&mut self, other: &Path, decisions: &[ActorDecision]) -> Result<MergeReport> {
        let report = self.notebook.merge(other, decisions)?;
        // The articles and actors that came in: their mentions.
        self.notebook.refresh_mentions()?;
        Ok(report)
    }
}
