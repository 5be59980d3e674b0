//! The desktop shell: Tauri commands that each call one `attest_api` function, the
//! File menu, and the notebook the window works on. No domain logic lives here.

mod commands;
mod state;

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{Emitter, Manager, Runtime};

pub use state::AppState;

/// Registers plugins and commands; shared by the real app and the command tests.
pub fn builder<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::notebook_info,
            commands::new_notebook,
            commands::open_notebook,
            commands::import_files,
            commands::cancel_import,
            commands::article_extensions,
            commands::list_articles,
            commands::search_articles,
            commands::get_article,
            commands::update_article_meta,
            commands::add_annotation,
            commands::list_actors,
            commands::add_actor,
            commands::add_alias,
            commands::add_statement,
            commands::list_statements,
            commands::list_dossiers,
            commands::create_dossier,
            commands::get_dossier,
            commands::add_to_dossier,
            commands::add_annotation_to_dossier,
            commands::add_commentary,
            commands::set_item_commentary,
            commands::move_dossier_item,
            commands::remove_dossier_item,
            commands::export_dossier,
            commands::add_article_to_dossier,
            commands::add_section,
            commands::create_query_dossier,
            commands::freeze_dossier,
            commands::update_dossier,
            commands::citation_style,
            commands::citation_styles,
            commands::set_citation_style,
            commands::preview_citation,
            commands::list_snapshots,
            commands::create_snapshot,
            commands::restore_snapshot,
            commands::take_launch_request,
            commands::diagnostics,
            commands::merge_plan,
            commands::merge_notebook,
            commands::actor_profile,
            commands::set_alias_flags,
            commands::merge_actors,
            commands::unmerge_actor,
            commands::undo,
            commands::redo,
            commands::undo_state,
            commands::list_trash,
            commands::restore_from_trash,
            commands::empty_trash,
            commands::delete_annotation,
            commands::delete_statement,
            commands::delete_actor,
            commands::delete_dossier,
            commands::delete_article,
            commands::add_alias_with,
            commands::accept_statement,
            commands::reject_statement,
            commands::article_variants,
            commands::set_statement_actors,
            commands::code_statement,
            commands::article_page,
            commands::article_position,
            commands::statement_page,
            commands::search,
            commands::reimport_article,
            commands::anchors_needing_review,
            commands::resolve_anchor,
            commands::tags,
            commands::create_tag,
            commands::rename_tag,
            commands::set_tag_colour,
            commands::delete_tag,
            commands::set_annotation_tags,
        ])
}

/// The log file's name in the app's log folder (`.log` added); older ones are kept
/// beside it, dated, up to `LOG_FILES_KEPT`.
pub const LOG_FILE: &str = "attest";
const LOG_FILES_KEPT: usize = 5;
const LOG_FILE_BYTES: u128 = 1_000_000;

/// The last `lines` lines of the log file, for diagnostics.
pub fn log_tail(file: &std::path::Path, lines: usize) -> String {
    let text = std::fs::read(file).unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

fn log_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_log::{RotationStrategy, Target, TargetKind};
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(TargetKind::LogDir {
            file_name: Some(LOG_FILE.into()),
        }))
        .target(Target::new(TargetKind::Stderr))
        .rotation_strategy(RotationStrategy::KeepSome(LOG_FILES_KEPT))
        .max_file_size(LOG_FILE_BYTES)
        .level(log::LevelFilter::Info)
        // Our own lines; the libraries' only when something is wrong.
        .level_for("tao", log::LevelFilter::Warn)
        .level_for("wry", log::LevelFilter::Warn)
        .level_for("zbus", log::LevelFilter::Warn)
        .level_for("tracing", log::LevelFilter::Warn)
        .build()
}

/// A second launch (`attest-desktop FILE…` while the app runs) ends at once and its
/// command line arrives here: the window comes forward and takes the files.
fn hand_over_launch<R: Runtime>(app: &tauri::AppHandle<R>, argv: Vec<String>, cwd: String) {
    let request = attest_api::launch_request(
        argv.into_iter().skip(1).map(std::ffi::OsString::from),
        std::path::Path::new(&cwd),
    );
    log::info!(
        "a second launch handed over {} file(s){}",
        request.files.len(),
        if request.notebook.is_some() {
            " and a notebook"
        } else {
            ""
        }
    );
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    app.state::<AppState>().queue_launch(request);
    let _ = app.emit("launch", ());
}

/// Panics go to the log too, so a crash report has its cause.
fn log_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        log::error!("panic: {info}");
        default(info);
    }));
}

/// Starts the app: `attest-desktop [NOTEBOOK.attest] [ARTICLE FILES…]` opens that
/// notebook (else the default one) and imports the files. While it runs, a second
/// launch hands its command line over instead of opening a second window.
pub fn run() {
    // First, so that a second launch ends before anything else starts.
    let single_instance = tauri_plugin_single_instance::init(hand_over_launch);
    builder(tauri::Builder::default().plugin(single_instance))
        .plugin(log_plugin())
        .setup(|app| {
            log_panics();
            log::info!(
                "Attest {} starting on {} {}",
                app.package_info().version,
                std::env::consts::OS,
                std::env::consts::ARCH
            );
            let cwd = std::env::current_dir().unwrap_or_default();
            let mut request = attest_api::launch_request(std::env::args_os().skip(1), &cwd);
            let path = match request.notebook.take() {
                Some(path) => std::path::PathBuf::from(path),
                None => app
                    .path()
                    .app_data_dir()?
                    .join(attest_core::DEFAULT_NOTEBOOK_FILE),
            };
            let state = AppState::open(&path);
            state.queue_launch(request);
            let handle = app.handle().clone();
            state.on_damage(move || {
                let _ = handle.emit("notebook-damaged", ());
            });
            app.manage(state);
            app.set_menu(app_menu(app.handle())?)?;
            Ok(())
        })
        .on_menu_event(|app, event| {
            // The UI owns the dialogs that follow, so menu and buttons share one path.
            let _ = app.emit("menu", event.id().0.as_str());
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Attest could not start: {e}");
            std::process::exit(1);
        });
}

fn app_menu<R: Runtime>(app: &tauri::AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = Submenu::with_items(
        app,
        "File",
        true,
        &[
            &MenuItem::with_id(
                app,
                "new-notebook",
                "New Notebook…",
                true,
                Some("CmdOrCtrl+N"),
            )?,
            &MenuItem::with_id(
                app,
                "open-notebook",
                "Open Notebook…",
                true,
                Some("CmdOrCtrl+O"),
            )?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "import", "Import Articles…", true, Some("CmdOrCtrl+I"))?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "merge", "Merge Another Notebook…", true, None::<&str>)?,
            &MenuItem::with_id(app, "restore", "Restore from Backup…", true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::quit(app, Some("Quit"))?,
        ],
    )?;
    let help = Submenu::with_items(
        app,
        "Help",
        true,
        &[&MenuItem::with_id(
            app,
            "diagnostics",
            "Diagnostics…",
            true,
            None::<&str>,
        )?],
    )?;
    Menu::with_items(app, &[&file, &help])
}
