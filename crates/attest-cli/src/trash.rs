//! `attest trash …`: deleting into the trash, listing, restoring and emptying it. The
//! command line has no session, so no undo; the trash is in the notebook and is the
//! same one the app shows.

use crate::Output;
use attest_api::{trash_noun, Api, ApiError};
use attest_core::{TrashEntry, TrashKind};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum TrashCommand {
    /// What the trash holds, newest first.
    List,
    /// Delete a highlight, statement, actor, dossier or article (with what goes with
    /// it) into the trash.
    Delete {
        /// annotation, statement, actor, dossier or article.
        #[arg(value_parser = kind)]
        kind: TrashKind,
        id: i64,
    },
    /// Put a deleted thing back (by its trash id, from `trash list`).
    Restore { id: i64 },
    /// Delete everything in the trash for good.
    Empty,
}

fn kind(s: &str) -> Result<TrashKind, String> {
    TrashKind::parse(s).ok_or_else(|| {
        format!("“{s}” is not something the trash holds: annotation, statement, actor, dossier or article")
    })
}

fn line(e: &TrashEntry) -> String {
    format!(
        "{}\t{}\t{} {}\t{}",
        e.id,
        e.deleted_at,
        trash_noun(e.kind),
        e.item_id,
        e.label
    )
}

pub(crate) fn trash(out: &Output, api: &mut Api, command: TrashCommand) -> Result<(), ApiError> {
    match command {
        TrashCommand::List => {
            for e in api.trash()? {
                out.print(&e, || line(&e));
            }
        }
        TrashCommand::Delete { kind, id } => {
            let e = api.move_to_trash(kind, id)?;
            out.print(&e, || format!("moved to the trash: {}", line(&e)));
        }
        TrashCommand::Restore { id } => {
            let e = api.restore_from_trash(id)?;
            out.print(&e, || {
                format!("restored {} {}: {}", trash_noun(e.kind), e.item_id, e.label)
            });
        }
        TrashCommand::Empty => {
            let n = api.empty_trash()?;
            out.print(&serde_json::json!({ "deleted": n }), || {
                format!(
                    "emptied the trash ({n} entr{})",
                    if n == 1 { "y" } else { "ies" }
                )
            });
        }
    }
    Ok(())
}
