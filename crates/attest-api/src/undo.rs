//! Undo and redo of the session's edits, and the trash (see `attest_store`'s `undo`
//! and `trash`). The app opens a step around every command that changes the notebook
//! ([`Api::step`]); the command line has no session, so only the trash there.

use crate::{Api, ApiError, Result};
use attest_core::{TrashEntry, TrashKind, UndoState};

impl Api {
    /// Starts a step of edits that Undo takes back as one ("Add highlight").
    pub fn begin_step(&mut self, label: &str) -> Result<()> {
        Ok(self.notebook.begin_step(label)?)
    }

    /// Ends the step; a step that changed nothing leaves no trace.
    pub fn end_step(&mut self) -> Result<()> {
        self.notebook.end_step()?;
        Ok(())
    }

    /// Runs `edit` as one undoable step labelled `label`. The step is closed whatever
    /// `edit` returns (what it committed before failing stays undoable).
    pub fn step<T>(&mut self, label: &str, edit: impl FnOnce(&mut Api) -> Result<T>) -> Result<T> {
        self.begin_step(label)?;
        let out = edit(self);
        let ended = self.end_step();
        let out = out?;
        ended?;
        Ok(out)
    }

    /// Undoes the newest step: its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        Ok(self.notebook.undo()?)
    }

    /// Redoes the newest undone step: its label, or `None` when there is nothing to
    /// redo.
    pub fn redo(&mut self) -> Result<Option<String>> {
        Ok(self.notebook.redo()?)
    }

    /// What Undo and Redo would do next.
    pub fn undo_state(&self) -> Result<UndoState> {
        Ok(self.notebook.undo_state()?)
    }

    /// Deletes a highlight, statement, actor, dossier or article into the trash.
    pub fn move_to_trash(&mut self, kind: TrashKind, id: i64) -> Result<TrashEntry> {
        Ok(self.notebook.move_to_trash(kind, id)?)
    }

    pub fn delete_annotation(&mut self, id: i64) -> Result<TrashEntry> {
        self.move_to_trash(TrashKind::Annotation, id)
    }

    pub fn delete_statement(&mut self, id: i64) -> Result<TrashEntry> {
        self.move_to_trash(TrashKind::Statement, id)
    }

    pub fn delete_actor(&mut self, id: i64) -> Result<TrashEntry> {
        self.move_to_trash(TrashKind::Actor, id)
    }

    pub fn delete_dossier(&mut self, id: i64) -> Result<TrashEntry> {
        self.move_to_trash(TrashKind::Dossier, id)
    }

    /// What the trash holds, newest first.
    pub fn trash(&self) -> Result<Vec<TrashEntry>> {
        Ok(self.notebook.trash()?)
    }

    /// Puts a deleted thing back (one transaction; nothing changes when it cannot be,
    /// and the message says why).
    pub fn restore_from_trash(&mut self, trash_id: i64) -> Result<TrashEntry> {
        Ok(self.notebook.restore_from_trash(trash_id)?)
    }

    /// The label of the step that restores `trash_id` ("Restore highlight").
    pub fn restore_label(&self, trash_id: i64) -> Result<String> {
        let entry = self
            .trash()?
            .into_iter()
            .find(|e| e.id == trash_id)
            .ok_or_else(|| {
                ApiError::new(
                    crate::ErrorKind::NotFound,
                    format!("no trash entry with id {trash_id}"),
                )
            })?;
        Ok(format!("Restore {}", noun(entry.kind)))
    }

    /// Empties the trash for good; returns how many entries it held.
    pub fn empty_trash(&mut self) -> Result<u32> {
        Ok(self.notebook.empty_trash()?)
    }
}

/// A kind in the analyst's words ("highlight", not "annotation").
pub fn noun(kind: TrashKind) -> &'static str {
    match kind {
        TrashKind::Annotation => "highlight",
        TrashKind::Statement => "statement",
        TrashKind::Actor => "actor",
        TrashKind::Dossier => "dossier",
        TrashKind::Article => "article",
    }
}

#[cfg(test)]
mod tests {
    use crate::Api;
    use attest_core::{Span, TrashKind, UndoState};

    fn api_with_article() -> (tempfile::TempDir, Api, i64) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "Wang Yi said: “We will never accept this.”\n").unwrap();
        let mut api = Api::open(dir.path().join("n.attest")).unwrap();
        api.import(&[file]);
        let id = api.articles().unwrap()[0].id;
        (dir, api, id)
    }

    #[test]
    fn a_step_undoes_and_redoes_as_one_and_failures_leave_no_step() {
        let (_d, mut api, a) = api_with_article();
        let span = Span { start: 0, end: 7 };
        let h = api
            .step("Add highlight", |api| api.add_annotation(a, span, "note"))
            .unwrap();
        let err = api
            .step("Add highlight", |api| {
                api.add_annotation(a, Span { start: 3, end: 3 }, "")
            })
            .unwrap_err();
        assert!(!err.message.is_empty());
        assert_eq!(
            api.undo_state().unwrap(),
            UndoState {
                undo: Some("Add highlight".into()),
                redo: None
            }
        );
        assert_eq!(api.undo().unwrap().as_deref(), Some("Add highlight"));
        assert!(api.article_view(a).unwrap().annotations.is_empty());
        assert_eq!(api.redo().unwrap().as_deref(), Some("Add highlight"));
        assert_eq!(api.article_view(a).unwrap().annotations[0].id, h.id);
    }

    #[test]
    fn deleting_to_the_trash_and_restoring_as_a_step() {
        let (_d, mut api, a) = api_with_article();
        let h = api
            .add_annotation(a, Span { start: 0, end: 7 }, "")
            .unwrap();
        let entry = api
            .step("Delete highlight", |api| api.delete_annotation(h.id))
            .unwrap();
        assert_eq!(
            (entry.kind, entry.label.as_str()),
            (TrashKind::Annotation, "Wang Yi")
        );
        assert_eq!(api.restore_label(entry.id).unwrap(), "Restore highlight");
        let label = api.restore_label(entry.id).unwrap();
        api.step(&label, |api| api.restore_from_trash(entry.id))
            .unwrap();
        assert_eq!(api.article_view(a).unwrap().annotations.len(), 1);
        assert!(api.trash().unwrap().is_empty());
        assert_eq!(api.undo().unwrap().as_deref(), Some("Restore highlight"));
        assert!(api.article_view(a).unwrap().annotations.is_empty());
        assert_eq!(api.trash().unwrap().len(), 1);
        assert_eq!(api.empty_trash().unwrap(), 1);
        let err = api.restore_from_trash(entry.id).unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::NotFound);
    }
}
