//! One Tauri command per use case: convert arguments, call `attest_api`, return its
//! result. Argument names are snake_case on both sides of the bridge.

use crate::AppState;
use attest_api::{Api, ApiError, ErrorKind};
use attest_core::*;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use tauri::ipc::Channel;
use tauri::{Manager, Runtime, State};

type Result<T> = std::result::Result<T, ApiError>;

#[tauri::command(rename_all = "snake_case")]
pub async fn notebook_info(state: State<'_, AppState>) -> Result<NotebookInfo> {
    state.with(|api| api.info())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn new_notebook<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> Result<NotebookInfo> {
    switch_notebook(&app, &state, PathBuf::from(path))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn open_notebook<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> Result<NotebookInfo> {
    let path = PathBuf::from(path);
    if !path.is_file() {
        return Err(ApiError::new(
            ErrorKind::NotFound,
            format!("there is no notebook at {}", path.display()),
        ));
    }
    switch_notebook(&app, &state, path)
}

fn switch_notebook<R: Runtime>(
    app: &tauri::AppHandle<R>,
    state: &AppState,
    path: PathBuf,
) -> Result<NotebookInfo> {
    state.switch_to(&path)?;
    if let Some(window) = app.get_webview_window("main") {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let _ = window.set_title(&format!("{} — Attest", name.unwrap_or_default()));
    }
    state.with(|api| api.info())
}

/// Imports on a blocking thread with its own connection, so the window stays
/// responsive; each file is its own transaction. Progress goes to `on_progress` after
/// every file; `cancel_import` stops it between files.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_files(
    state: State<'_, AppState>,
    paths: Vec<String>,
    on_progress: Channel<ImportProgress>,
) -> Result<Vec<FileReport>> {
    let notebook = state.notebook_path()?;
    let cancel = state.import_cancel.clone();
    cancel.store(false, Ordering::Relaxed);
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    log::info!("import of {} paths started", paths.len());
    let started = std::time::Instant::now();
    let reports = tauri::async_runtime::spawn_blocking(move || {
        Api::open(&notebook).map(|mut api| {
            api.import_with(&paths, &cancel, |progress| {
                // A closed window cannot take progress; the import goes on.
                let _ = on_progress.send(progress.clone());
            })
        })
    })
    .await
    .map_err(|e| ApiError::new(ErrorKind::Internal, format!("the import stopped: {e}")))?;
    match &reports {
        Ok(reports) => log_import(reports, started.elapsed()),
        Err(e) => log::error!("import could not start: {e}"),
    }
    reports
}

/// The outcome counts, and each failure with its reason (file names, never text).
fn log_import(reports: &[FileReport], took: std::time::Duration) {
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for report in reports {
        let outcome = match &report.outcome {
            ImportOutcome::Imported { .. } => "imported",
            ImportOutcome::Duplicate { .. } => "duplicate",
            ImportOutcome::Related { .. } => "related",
            ImportOutcome::Cancelled => "cancelled",
            ImportOutcome::Failed { reason } => {
                log::warn!("import failed: {}: {reason}", report.file);
                "failed"
            }
        };
        *counts.entry(outcome).or_default() += 1;
    }
    log::info!("import finished in {:.1} s: {counts:?}", took.as_secs_f64());
}

/// What the command line asked for (files to import, a notebook to switch to) that
/// the window has not taken yet: at start, and after a second launch's `launch` event.
#[tauri::command(rename_all = "snake_case")]
pub fn take_launch_request(state: State<'_, AppState>) -> LaunchRequest {
    state.take_launch()
}

/// "Copy diagnostics": versions, the notebook's vital signs and the end of the log,
/// shown to the user before they share it.
#[tauri::command(rename_all = "snake_case")]
pub async fn diagnostics<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<String> {
    use std::fmt::Write;
    let mut out = format!(
        "Attest {} ({} build) on {} {}\n",
        app.package_info().version,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        std::env::consts::OS,
        std::env::consts::ARCH,
    );
    if let Ok(webview) = tauri::webview_version() {
        let _ = writeln!(out, "Web view: {webview}");
    }
    out.push_str(&state.diagnostics());
    match app.path().app_log_dir() {
        Ok(dir) => {
            let file = dir.join(crate::LOG_FILE).with_extension("log");
            let _ = writeln!(out, "Log: {}", file.display());
            let tail = crate::log_tail(&file, 40);
            if !tail.is_empty() {
                let _ = writeln!(out, "Last lines of the log:\n{tail}");
            }
        }
        Err(e) => {
            let _ = writeln!(out, "Log: no log folder ({e})");
        }
    }
    Ok(out)
}

#[tauri::command(rename_all = "snake_case")]
pub fn article_extensions() -> Vec<String> {
    attest_api::article_extensions()
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cancel_import(state: State<'_, AppState>) -> Result<()> {
    state.import_cancel.store(true, Ordering::Relaxed);
    Ok(())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_articles(state: State<'_, AppState>) -> Result<Vec<ArticleSummary>> {
    state.with(|api| api.articles())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn search_articles(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<ArticleSummary>> {
    state.with(|api| api.search_articles(&query))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_article(state: State<'_, AppState>, id: i64) -> Result<ArticleView> {
    // Opened for the first time, an article gets its proposed statements.
    state
        .with(|api| api.open_article(id))
        .map(ArticleView::without_anchor_context)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_article_meta(
    state: State<'_, AppState>,
    id: i64,
    meta: ArticleMeta,
) -> Result<Article> {
    state.edit("Edit article details", |api| {
        api.update_article_meta(id, &meta)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_annotation(
    state: State<'_, AppState>,
    article_id: i64,
    span: Span,
    note: String,
) -> Result<Annotation> {
    state.edit("Add highlight", |api| {
        api.add_annotation(article_id, span, &note)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_actors(state: State<'_, AppState>, counted: Option<bool>) -> Result<Vec<Actor>> {
    // The first time, the built-in gazetteer of states comes in.
    state.with(|api| api.actor_view(counted.unwrap_or(false)))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_actor(state: State<'_, AppState>, actor: NewActor) -> Result<Actor> {
    state.edit("Add actor", |api| api.add_actor(&actor))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_alias(state: State<'_, AppState>, actor_id: i64, alias: String) -> Result<Actor> {
    state.edit("Add alias", |api| api.add_alias(actor_id, &alias))
}

/// Adds a name to an actor with its flags (a weak alias counts only after the full
/// name); mentions follow.
#[tauri::command(rename_all = "snake_case")]
pub async fn add_alias_with(
    state: State<'_, AppState>,
    actor_id: i64,
    alias: NewAlias,
) -> Result<ActorProfile> {
    state.edit("Add alias", |api| api.add_alias_with(actor_id, &alias))
}

/// A proposed statement becomes part of the analyst's record.
#[tauri::command(rename_all = "snake_case")]
pub async fn accept_statement(state: State<'_, AppState>, id: i64) -> Result<Statement> {
    state.edit("Accept statement", |api| api.accept_statement(id))
}

/// Near-identical quotes of the article's statements, here or in other articles, with
/// the words that differ.
#[tauri::command(rename_all = "snake_case")]
pub async fn article_variants(
    state: State<'_, AppState>,
    article_id: i64,
) -> Result<Vec<attest_core::variants::StatementVariants>> {
    state.article_variants(article_id)
}

/// The coding dialog's save: stance, topics, addressees, targets, reported-via.
#[tauri::command(rename_all = "snake_case")]
pub async fn code_statement(
    state: State<'_, AppState>,
    id: i64,
    coding: StatementCoding,
) -> Result<Statement> {
    state.edit("Code statement", |api| api.code_statement(id, &coding))
}

/// Replaces a statement's actors in one role (speakers, addressees or targets).
#[tauri::command(rename_all = "snake_case")]
pub async fn set_statement_actors(
    state: State<'_, AppState>,
    id: i64,
    role: StatementRole,
    actor_ids: Vec<i64>,
) -> Result<Statement> {
    let label = match role {
        StatementRole::Speaker => "Change speakers",
        StatementRole::Addressee => "Change addressees",
        StatementRole::Target => "Change targets",
    };
    state.edit(label, |api| api.set_statement_actors(id, role, &actor_ids))
}

/// A proposal the analyst turned down: kept, so it is not proposed again.
#[tauri::command(rename_all = "snake_case")]
pub async fn reject_statement(state: State<'_, AppState>, id: i64) -> Result<Statement> {
    state.edit("Reject statement", |api| api.reject_statement(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_statement(
    state: State<'_, AppState>,
    statement: NewStatement,
) -> Result<Statement> {
    state.edit("Add statement", |api| api.add_statement(&statement))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_statements(
    state: State<'_, AppState>,
    filter: StatementFilter,
) -> Result<Vec<Statement>> {
    state.with(|api| api.statements(&filter))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_dossiers(state: State<'_, AppState>) -> Result<Vec<Dossier>> {
    state.with(|api| api.dossiers())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_dossier(
    state: State<'_, AppState>,
    title: String,
    description: String,
) -> Result<Dossier> {
    state.edit("New dossier", |api| {
        api.create_dossier(&title, &description)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_dossier(state: State<'_, AppState>, id: i64) -> Result<DossierDetail> {
    state.with(|api| api.dossier(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_to_dossier(
    state: State<'_, AppState>,
    dossier_id: i64,
    statement_ids: Vec<i64>,
) -> Result<DossierDetail> {
    state.edit("Add to dossier", |api| {
        api.add_to_dossier(dossier_id, &statement_ids)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_annotation_to_dossier(
    state: State<'_, AppState>,
    dossier_id: i64,
    annotation_id: i64,
) -> Result<DossierDetail> {
    state.edit("Add highlight to dossier", |api| {
        api.add_annotation_to_dossier(dossier_id, annotation_id)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_commentary(
    state: State<'_, AppState>,
    dossier_id: i64,
    text: String,
) -> Result<DossierDetail> {
    state.edit("Add commentary", |api| {
        api.add_commentary(dossier_id, &text)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_item_commentary(
    state: State<'_, AppState>,
    dossier_id: i64,
    item_id: i64,
    text: String,
) -> Result<DossierDetail> {
    state.edit("Edit commentary", |api| {
        api.set_item_commentary(dossier_id, item_id, &text)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn move_dossier_item(
    state: State<'_, AppState>,
    dossier_id: i64,
    item_id: i64,
    new_index: u32,
) -> Result<DossierDetail> {
    state.edit("Move dossier item", |api| {
        api.move_dossier_item(dossier_id, item_id, new_index)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn remove_dossier_item(
    state: State<'_, AppState>,
    dossier_id: i64,
    item_id: i64,
) -> Result<DossierDetail> {
    state.edit("Remove from dossier", |api| {
        api.remove_dossier_item(dossier_id, item_id)
    })
}

/// Compiles on a blocking thread with its own connection, so a large dossier does not
/// hold up the window; progress (items gathered) goes to `on_progress`.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_dossier(
    state: State<'_, AppState>,
    dossier_id: i64,
    format: ExportFormat,
    path: String,
    on_progress: Channel<ExportProgress>,
) -> Result<ExportReport> {
    let notebook = state.notebook_path()?;
    let started = std::time::Instant::now();
    let report = tauri::async_runtime::spawn_blocking(move || {
        let api = Api::open(&notebook)?;
        api.export_dossier_with(dossier_id, format, &PathBuf::from(&path), &mut |p| {
            let _ = on_progress.send(p.clone());
        })
    })
    .await
    .map_err(|e| ApiError::new(ErrorKind::Internal, format!("the export stopped: {e}")))?;
    match &report {
        Ok(_) => log::info!(
            "exported dossier {dossier_id} as {} in {:.1} s",
            format.as_str(),
            started.elapsed().as_secs_f64()
        ),
        Err(e) => log::error!(
            "export of dossier {dossier_id} as {} failed: {e}",
            format.as_str()
        ),
    }
    report
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_article_to_dossier(
    state: State<'_, AppState>,
    dossier_id: i64,
    article_id: i64,
) -> Result<DossierDetail> {
    state.edit("Add article to dossier", |api| {
        api.add_article_to_dossier(dossier_id, article_id)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_section(
    state: State<'_, AppState>,
    dossier_id: i64,
    title: String,
) -> Result<DossierDetail> {
    state.edit("Add section", |api| api.add_section(dossier_id, &title))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_query_dossier(
    state: State<'_, AppState>,
    title: String,
    description: String,
    query: DossierQuery,
) -> Result<Dossier> {
    state.edit("New saved-search dossier", |api| {
        api.create_query_dossier(&title, &description, &query)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_dossier(
    state: State<'_, AppState>,
    id: i64,
    title: String,
    description: String,
) -> Result<DossierDetail> {
    state.edit("Edit dossier", |api| {
        api.update_dossier(id, &title, &description)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn freeze_dossier(state: State<'_, AppState>, id: i64) -> Result<DossierDetail> {
    state.edit("Freeze dossier", |api| api.freeze_dossier(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn citation_style(state: State<'_, AppState>) -> Result<CitationStyle> {
    state.with(|api| api.citation_style())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn citation_styles(state: State<'_, AppState>) -> Result<Vec<CitationStyle>> {
    state.with(|api| Ok(api.citation_styles()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn preview_citation(
    state: State<'_, AppState>,
    style: CitationStyle,
) -> Result<Vec<CitationPart>> {
    state.with(|api| api.preview_citation(&style))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_citation_style(
    state: State<'_, AppState>,
    style: CitationStyle,
) -> Result<CitationStyle> {
    state.edit("Change citation style", |api| {
        api.set_citation_style(&style)
    })
}

/// The snapshots of the window's notebook, newest first (also when it could not be
/// opened: that is when they are wanted most).
#[tauri::command(rename_all = "snake_case")]
pub async fn list_snapshots(state: State<'_, AppState>) -> Result<Vec<Snapshot>> {
    attest_api::list_snapshots(&state.path())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_snapshot(state: State<'_, AppState>) -> Result<Snapshot> {
    state.with(|api| api.create_snapshot(SnapshotReason::Manual))
}

/// Puts a snapshot in place of the notebook and reopens it; the replaced file is kept
/// beside it. Answers with the reopened notebook.
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_snapshot(state: State<'_, AppState>, path: String) -> Result<NotebookInfo> {
    state.restore(&PathBuf::from(path))?;
    state.with(|api| api.info())
}

/// What merging the notebook at `path` into the open one would do; writes nothing.
#[tauri::command(rename_all = "snake_case")]
pub async fn merge_plan(state: State<'_, AppState>, path: String) -> Result<MergePlan> {
    let notebook = state.notebook_path()?;
    tauri::async_runtime::spawn_blocking(move || {
        Api::open(&notebook)?.merge_plan(&PathBuf::from(path))
    })
    .await
    .map_err(|e| {
        ApiError::new(
            ErrorKind::Internal,
            format!("reading the notebook stopped: {e}"),
        )
    })?
}

/// Merges the notebook at `path` into the open one (after a snapshot, in one
/// transaction), on a blocking thread: a large notebook takes a while.
#[tauri::command(rename_all = "snake_case")]
pub async fn merge_notebook(
    state: State<'_, AppState>,
    path: String,
    decisions: Vec<ActorDecision>,
) -> Result<MergeReport> {
    let notebook = state.notebook_path()?;
    let other = PathBuf::from(path);
    log::info!("merge of {} started", other.display());
    let report = tauri::async_runtime::spawn_blocking(move || {
        Api::open(&notebook)?.merge(&other, &decisions)
    })
    .await
    .map_err(|e| ApiError::new(ErrorKind::Internal, format!("the merge stopped: {e}")))?;
    match &report {
        Ok(r) => log::info!(
            "merge finished: {} articles, {} actors, {} statements, {} annotations, {} dossiers added",
            r.articles_added,
            r.actors_added,
            r.statements_added,
            r.annotations_added,
            r.dossiers_added
        ),
        Err(e) => log::error!("merge failed: {e}"),
    }
    report
}

/// An actor's page: profile, aliases, roles, where mentioned, statements by date.
#[tauri::command(rename_all = "snake_case")]
pub async fn actor_profile(state: State<'_, AppState>, actor_id: i64) -> Result<ActorProfile> {
    state.with(|api| api.actor_profile(actor_id))
}

/// Sets an alias's flags (`disabled` switches it off); mentions follow.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_alias_flags(state: State<'_, AppState>, alias: ActorAlias) -> Result<ActorAlias> {
    state.edit("Change alias", |api| {
        api.set_alias_flags(
            alias.id,
            alias.weak,
            alias.metonym,
            alias.demonym,
            alias.disabled,
        )
    })
}

/// Merges `merged` into `into`: names, roles, mentions and statements move over.
#[tauri::command(rename_all = "snake_case")]
pub async fn merge_actors(
    state: State<'_, AppState>,
    into: i64,
    merged: i64,
) -> Result<ActorProfile> {
    state.edit("Merge actors", |api| api.merge_actors(into, merged))
}

/// Undoes a merge: both actors are as they were before it.
#[tauri::command(rename_all = "snake_case")]
pub async fn unmerge_actor(state: State<'_, AppState>, merged: i64) -> Result<ActorProfile> {
    state.edit("Unmerge actor", |api| api.unmerge_actor(merged))
}

/// One page of the article list, sorted and filtered (the list fetches pages as it
/// scrolls).
#[tauri::command(rename_all = "snake_case")]
pub async fn article_page(
    state: State<'_, AppState>,
    query: ArticlePageQuery,
) -> Result<ArticlePage> {
    state.with(|api| api.article_page(&query))
}

/// Where an article stands in the sorted, filtered list (`None`: filtered out).
#[tauri::command(rename_all = "snake_case")]
pub async fn article_position(
    state: State<'_, AppState>,
    query: ArticlePageQuery,
    id: i64,
) -> Result<Option<u32>> {
    state.with(|api| api.article_position(&query, id))
}

/// One page of the statements table, sorted and filtered.
#[tauri::command(rename_all = "snake_case")]
pub async fn statement_page(
    state: State<'_, AppState>,
    query: StatementPageQuery,
) -> Result<StatementPage> {
    state.with(|api| api.statement_page(&query))
}

/// Search over articles, notes and statements with filters: a page of hits with
/// snippets and where each match is (a malformed query is an `invalid` error saying
/// what to fix).
#[tauri::command(rename_all = "snake_case")]
pub async fn search(
    state: State<'_, AppState>,
    query: attest_core::SearchQuery,
) -> Result<attest_core::SearchResults> {
    state.with(|api| api.search(&query))
}

/// Undoes the session's newest edit step; answers with its label ("Add highlight"), or
/// `null` when there is nothing to undo.
#[tauri::command(rename_all = "snake_case")]
pub async fn undo(state: State<'_, AppState>) -> Result<Option<String>> {
    state.with(|api| api.undo())
}

/// Redoes the newest undone step; answers with its label, or `null`.
#[tauri::command(rename_all = "snake_case")]
pub async fn redo(state: State<'_, AppState>) -> Result<Option<String>> {
    state.with(|api| api.redo())
}

/// The labels of what Undo and Redo would do next (for the Edit menu's items).
#[tauri::command(rename_all = "snake_case")]
pub async fn undo_state(state: State<'_, AppState>) -> Result<UndoState> {
    state.with(|api| api.undo_state())
}

/// The trash, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_trash(state: State<'_, AppState>) -> Result<Vec<TrashEntry>> {
    state.with(|api| api.trash())
}

/// Puts a deleted thing back with what was deleted along with it (an undoable step).
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_from_trash(state: State<'_, AppState>, id: i64) -> Result<TrashEntry> {
    state.with(|api| {
        let label = api.restore_label(id)?;
        api.step(&label, |api| api.restore_from_trash(id))
    })
}

/// Empties the trash for good; answers with how many entries it held.
#[tauri::command(rename_all = "snake_case")]
pub async fn empty_trash(state: State<'_, AppState>) -> Result<u32> {
    state.with(|api| api.empty_trash())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_annotation(state: State<'_, AppState>, id: i64) -> Result<TrashEntry> {
    state.edit("Delete highlight", |api| api.delete_annotation(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_statement(state: State<'_, AppState>, id: i64) -> Result<TrashEntry> {
    state.edit("Delete statement", |api| api.delete_statement(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_actor(state: State<'_, AppState>, id: i64) -> Result<TrashEntry> {
    state.edit("Delete actor", |api| api.delete_actor(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_dossier(state: State<'_, AppState>, id: i64) -> Result<TrashEntry> {
    state.edit("Delete dossier", |api| api.delete_dossier(id))
}

/// Deletes an article with its highlights and statements (dossier items citing them
/// stay, shown missing until it is restored).
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_article(state: State<'_, AppState>, id: i64) -> Result<TrashEntry> {
    state.edit("Delete article", |api| {
        api.move_to_trash(TrashKind::Article, id)
    })
}

/// Replaces an article's text with the article read from `path` (the native dialog's
/// choice); anchors are re-attached and those not found listed in the report.
#[tauri::command(rename_all = "snake_case")]
pub async fn reimport_article(
    state: State<'_, AppState>,
    article_id: i64,
    path: String,
) -> Result<ReattachReport> {
    state.edit("Replace article text", |api| {
        api.reimport_article(article_id, std::path::Path::new(&path))
    })
}

/// Anchors needing review: one article's, or (without `article_id`) the notebook's.
#[tauri::command(rename_all = "snake_case")]
pub async fn anchors_needing_review(
    state: State<'_, AppState>,
    article_id: Option<i64>,
) -> Result<Vec<AnchorReview>> {
    state.with(|api| api.anchors_needing_review(article_id))
}

/// Confirms an anchor at `span`, or at its proposed place when `span` is null.
#[tauri::command(rename_all = "snake_case")]
pub async fn resolve_anchor(
    state: State<'_, AppState>,
    target: AnchorTarget,
    span: Option<Span>,
) -> Result<()> {
    state.edit("Re-anchor", |api| api.resolve_anchor(&target, span))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn tags(state: State<'_, AppState>) -> Result<Vec<TagCount>> {
    state.with(|api| api.tags())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_tag(
    state: State<'_, AppState>,
    path: String,
    colour: Option<String>,
) -> Result<Tag> {
    state.edit("Create tag", |api| api.create_tag(&path, colour.as_deref()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn rename_tag(state: State<'_, AppState>, id: i64, path: String) -> Result<Tag> {
    state.edit("Rename tag", |api| api.rename_tag(id, &path))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_tag_colour(
    state: State<'_, AppState>,
    id: i64,
    colour: Option<String>,
) -> Result<Tag> {
    state.edit("Change tag colour", |api| {
        api.set_tag_colour(id, colour.as_deref())
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_tag(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.edit("Delete tag", |api| api.delete_tag(id))
}

/// Replaces a highlight's tags with `paths`, creating missing tags.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_annotation_tags(
    state: State<'_, AppState>,
    annotation_id: i64,
    paths: Vec<String>,
) -> Result<Annotation> {
    state.edit("Tag highlight", |api| {
        api.set_annotation_tags(annotation_id, &paths)
    })
}
