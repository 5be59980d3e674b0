//! Attest's use cases: the one place that combines import, the notebook store and
//! export. Every Tauri command and every CLI verb is a thin call into [`Api`] (or the
//! free functions here), so the app and the command line cannot drift apart.
//!
//! Invariant: nothing here knows about Tauri, windows or terminals.

mod actors;
mod bulk;
mod diagnostics;
mod error;
mod export;
mod import;
mod launch;
mod lists;
mod location;
mod merge;
mod reattach;
mod review;
mod search;
mod suggest;
mod undo;
mod variants;

use attest_core::*;
use attest_store::Notebook;
use std::path::{Path, PathBuf};

pub use actors::MentionLookup;
/// Tag paths as the notebook stores them ("Economy / Trade/" → "Economy/Trade").
pub use attest_store::normalise_tag_path;
pub use attest_store::{Snapshot, SnapshotReason};
pub use diagnostics::notebook_diagnostics;
pub use error::{ApiError, ErrorKind};
pub use import::{
    article_extensions, import_files, import_files_with, inspect, inspect_with, read_only,
    InspectRecord,
};
pub use launch::launch_request;
pub use location::{cloud_warning, sync_service};
pub use suggest::PRONOUN_REACH;
pub use undo::noun as trash_noun;

pub type Result<T, E = ApiError> = std::result::Result<T, E>;

/// The default notebook: `default.attest` in the app's data folder (the folder Tauri's
/// `app_data_dir` names on each platform), shared by the app and the CLI.
pub fn default_notebook_path() -> Result<PathBuf> {
    directories::BaseDirs::new()
        .map(|d| {
            d.data_dir()
                .join(APP_IDENTIFIER)
                .join(DEFAULT_NOTEBOOK_FILE)
        })
        .ok_or_else(|| ApiError::new(ErrorKind::Io, "cannot find the home folder"))
}

/// The snapshots of the notebook at `notebook`, newest first, without opening it (so
/// they can be listed when it is damaged).
pub fn list_snapshots(notebook: &Path) -> Result<Vec<Snapshot>> {
    Ok(attest_store::list_snapshots(notebook)?)
}

/// The app's work after opening, on a connection of its own: the damage check that
/// [`Api::open_for_app`] leaves out (an error naming the newest snapshot when the file
/// is damaged), then the day's snapshot unless one was taken today or the notebook is
/// empty.
pub fn check_and_snapshot(notebook: &Path) -> Result<Option<Snapshot>> {
    attest_store::check_for_damage(notebook)?;
    let options = attest_store::OpenOptions {
        daily_snapshot: false,
        integrity_check: false,
        ..Default::default()
    };
    Ok(Notebook::open_with(notebook, &options)?.daily_snapshot()?)
}

/// Puts a snapshot in place of the notebook at `notebook`, which must not be open. The
/// replaced file is kept beside it as `<notebook>.replaced-<timestamp>`; returns that
/// path (`None` when there was no notebook file).
pub fn restore_snapshot(snapshot: &Path, notebook: &Path) -> Result<Option<PathBuf>> {
    Ok(attest_store::restore_snapshot(snapshot, notebook)?)
}

/// An open notebook and what can be done with it.
pub struct Api {
    notebook: Notebook,
    /// For each article opened: the actors' version its unattributed proposals were
    /// last resolved against (resolving again only helps once actors change).
    resolved_at: std::collections::HashMap<i64, i64>,
    /// The statements table's order for the last query paged through.
    statement_order: Option<lists::StatementOrder>,
}

impl Api {
    fn over(notebook: Notebook) -> Self {
        Api {
            notebook,
            resolved_at: Default::default(),
            statement_order: None,
        }
    }

    /// A read-only second connection to a notebook already open (see
    /// [`Notebook::open_reader`]), for slow reads beside the writer.
    pub fn open_reader(path: impl AsRef<Path>) -> Result<Self> {
        Ok(Api::over(Notebook::open_reader(path)?))
    }

    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Ok(Api::over(Notebook::open(path)?))
    }

    /// Opens without the whole-file damage check and the day's snapshot, for the app,
    /// which runs both on another thread with [`check_and_snapshot`]: each reads the
    /// whole file, seconds for a large notebook, and opening must not wait for them.
    pub fn open_for_app(path: impl AsRef<Path>) -> Result<Self> {
        let options = attest_store::OpenOptions {
            daily_snapshot: false,
            integrity_check: false,
            ..Default::default()
        };
        Ok(Api::over(Notebook::open_with(path, &options)?))
    }

    pub fn notebook_path(&self) -> &Path {
        self.notebook.path()
    }

    pub fn info(&self) -> Result<NotebookInfo> {
        Ok(NotebookInfo {
            path: self.notebook.path().display().to_string(),
            article_count: self.notebook.article_count()?,
            cloud_warning: location::cloud_warning(self.notebook.path()),
        })
    }

    /// Imports files one transaction each; a failed file is reported, the rest go in.
    pub fn import(&mut self, paths: &[PathBuf]) -> Vec<FileReport> {
        import_files(&mut self.notebook, paths)
    }

    /// [`Api::import`] with progress after each file and cancellation between files.
    pub fn import_with(
        &mut self,
        paths: &[PathBuf],
        cancel: &std::sync::atomic::AtomicBool,
        progress: impl FnMut(&ImportProgress),
    ) -> Vec<FileReport> {
        import_files_with(&mut self.notebook, paths, cancel, progress)
    }

    /// Takes a snapshot now (and deletes the oldest beyond the notebook's keep count).
    pub fn create_snapshot(&self, reason: SnapshotReason) -> Result<Snapshot> {
        Ok(self.notebook.create_snapshot(reason)?)
    }

    /// The notebook's snapshots, newest first.
    pub fn snapshots(&self) -> Result<Vec<Snapshot>> {
        Ok(self.notebook.snapshots()?)
    }

    /// How many snapshots the notebook keeps.
    pub fn backup_keep(&self) -> Result<usize> {
        Ok(self.notebook.backup_keep()?)
    }

    /// Sets how many snapshots the notebook keeps (at least 1), deleting extra ones now.
    pub fn set_backup_keep(&mut self, keep: usize) -> Result<()> {
        Ok(self.notebook.set_backup_keep(keep)?)
    }

    pub fn articles(&self) -> Result<Vec<ArticleSummary>> {
        Ok(self.notebook.articles()?)
    }

    pub fn search_articles(&self, query: &str) -> Result<Vec<ArticleSummary>> {
        if query.trim().is_empty() {
            return self.articles();
        }
        Ok(self.notebook.search_articles(query)?)
    }

    pub fn article_view(&self, id: i64) -> Result<ArticleView> {
        let statements = self.notebook.statements(&StatementFilter {
            article_id: Some(id),
            actor_id: None,
        })?;
        self.article_view_with(id, statements)
    }

    /// The view of an article whose statements were just read.
    fn article_view_with(&self, id: i64, statements: Vec<Statement>) -> Result<ArticleView> {
        let article = self.notebook.article(id)?;
        Ok(ArticleView {
            paragraphs: text::paragraphs(&article.text),
            annotations: self.notebook.annotations(id)?,
            statements,
            related: self.notebook.related_articles(id)?,
            mentions: self.notebook.mentions(id)?,
            article,
        })
    }

    pub fn update_article_meta(&mut self, id: i64, meta: &ArticleMeta) -> Result<Article> {
        self.notebook.update_article_meta(id, meta)?;
        Ok(self.notebook.article(id)?)
    }

    pub fn add_annotation(
        &mut self,
        article_id: i64,
        span: Span,
        note: &str,
    ) -> Result<Annotation> {
        Ok(self.notebook.add_annotation(article_id, span, note)?)
    }

    pub fn actors(&self) -> Result<Vec<Actor>> {
        Ok(self.notebook.actors()?)
    }

    pub fn add_actor(&mut self, actor: &NewActor) -> Result<Actor> {
        Ok(self.notebook.add_actor(actor)?)
    }

    pub fn add_alias(&mut self, actor_id: i64, alias: &str) -> Result<Actor> {
        Ok(self.notebook.add_alias(actor_id, alias)?)
    }

    /// The actor named `name` (or with that alias).
    pub fn actor_named(&self, name: &str) -> Result<Actor> {
        self.notebook.find_actor(name)?.ok_or_else(|| {
            ApiError::new(
                ErrorKind::NotFound,
                format!("no actor is named “{name}”; add it first (attest actors add)"),
            )
        })
    }

    pub fn add_statement(&mut self, statement: &NewStatement) -> Result<Statement> {
        Ok(self.notebook.add_statement(statement)?)
    }

    pub fn statements(&self, filter: &StatementFilter) -> Result<Vec<Statement>> {
        Ok(self.notebook.statements(filter)?)
    }

    pub fn dossiers(&self) -> Result<Vec<Dossier>> {
        Ok(self.notebook.dossiers()?)
    }

    pub fn create_dossier(&mut self, title: &str, description: &str) -> Result<Dossier> {
        Ok(self.notebook.create_dossier(title, description)?)
    }

    /// A dossier by id or exact title.
    pub fn find_dossier(&self, key: &str) -> Result<Dossier> {
        Ok(self.notebook.find_dossier(key)?)
    }

    pub fn dossier(&self, id: i64) -> Result<DossierDetail> {
        Ok(self.notebook.dossier_detail(id)?)
    }

    pub fn add_to_dossier(
        &mut self,
        dossier_id: i64,
        statement_ids: &[i64],
    ) -> Result<DossierDetail> {
        self.notebook
            .add_statements_to_dossier(dossier_id, statement_ids)?;
        self.dossier(dossier_id)
    }

    pub fn add_annotation_to_dossier(
        &mut self,
        dossier_id: i64,
        annotation_id: i64,
    ) -> Result<DossierDetail> {
        self.notebook
            .add_annotation_to_dossier(dossier_id, annotation_id)?;
        self.dossier(dossier_id)
    }

    pub fn add_commentary(&mut self, dossier_id: i64, text: &str) -> Result<DossierDetail> {
        self.notebook.add_commentary_to_dossier(dossier_id, text)?;
        self.dossier(dossier_id)
    }

    pub fn set_item_commentary(
        &mut self,
        dossier_id: i64,
        item_id: i64,
        text: &str,
    ) -> Result<DossierDetail> {
        self.notebook.set_item_commentary(item_id, text)?;
        self.dossier(dossier_id)
    }

    pub fn move_dossier_item(
        &mut self,
        dossier_id: i64,
        item_id: i64,
        new_index: u32,
    ) -> Result<DossierDetail> {
        self.notebook.move_dossier_item(item_id, new_index)?;
        self.dossier(dossier_id)
    }

    pub fn remove_dossier_item(&mut self, dossier_id: i64, item_id: i64) -> Result<DossierDetail> {
        self.notebook.remove_dossier_item(item_id)?;
        self.dossier(dossier_id)
    }

    /// Deletes an article; dossier items that cited it stay, marked missing.
    pub fn delete_article(&mut self, id: i64) -> Result<()> {
        Ok(self.notebook.delete_article(id)?)
    }

    pub fn set_statement_coding(
        &mut self,
        id: i64,
        stance: Option<Stance>,
        topics: &[String],
    ) -> Result<Statement> {
        Ok(self.notebook.set_statement_coding(id, stance, topics)?)
    }

    /// Stance, topics, addressees, targets and reported-via at once (one transaction).
    pub fn code_statement(&mut self, id: i64, coding: &StatementCoding) -> Result<Statement> {
        Ok(self.notebook.code_statement(id, coding)?)
    }

    pub fn create_query_dossier(
        &mut self,
        title: &str,
        description: &str,
        query: &DossierQuery,
    ) -> Result<Dossier> {
        Ok(self
            .notebook
            .create_query_dossier(title, description, query)?)
    }

    /// Renames a dossier and rewrites its description.
    pub fn update_dossier(
        &mut self,
        id: i64,
        title: &str,
        description: &str,
    ) -> Result<DossierDetail> {
        self.notebook.update_dossier(id, title, description)?;
        self.dossier(id)
    }

    pub fn freeze_dossier(&mut self, id: i64) -> Result<DossierDetail> {
        self.notebook.freeze_dossier(id)?;
        self.dossier(id)
    }

    pub fn add_article_to_dossier(
        &mut self,
        dossier_id: i64,
        article_id: i64,
    ) -> Result<DossierDetail> {
        self.notebook
            .add_article_to_dossier(dossier_id, article_id)?;
        self.dossier(dossier_id)
    }

    pub fn add_section(&mut self, dossier_id: i64, title: &str) -> Result<DossierDetail> {
        self.notebook.add_section_to_dossier(dossier_id, title)?;
        self.dossier(dossier_id)
    }
}

#[cfg(test)]
mod tests;
