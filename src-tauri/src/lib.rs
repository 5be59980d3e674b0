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
            commands::set_statement_coding,
            commands::citation_style,
            commands::citation_styles,
            commands::set_citation_style,
            commands::preview_citation,
            commands::list_snapshots,
            commands::create_snapshot,
            commands::restore_snapshot,
        ])
}

/// Starts the app on the default notebook (or the notebook file given as the first
/// argument).
pub fn run() {
    builder(tauri::Builder::default())
        .setup(|app| {
            let path = match std::env::args_os().nth(1) {
                Some(arg) => std::path::PathBuf::from(arg),
                None => app
                    .path()
                    .app_data_dir()?
                    .join(attest_core::DEFAULT_NOTEBOOK_FILE),
            };
            app.manage(AppState::open(&path));
            app.set_menu(file_menu(app.handle())?)?;
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

fn file_menu<R: Runtime>(app: &tauri::AppHandle<R>) -> tauri::Result<Menu<R>> {
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
            &MenuItem::with_id(app, "restore", "Restore from Backup…", true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::quit(app, Some("Quit"))?,
        ],
    )?;
    Menu::with_items(app, &[&file])
}
