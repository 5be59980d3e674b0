//! `attest reimport`, `attest anchors` and `attest tags`: replacing an article's text
//! from a corrected file, reviewing the anchors that could not be found again, and tags
//! on highlights.

use crate::Output;
use attest_api::{Api, ApiError};
use attest_core::{AnchorReview, AnchorTarget, ReattachReport, Span, Tag};
use clap::{Args, Subcommand};
use std::path::Path;

#[derive(Args)]
pub(crate) struct AnchorsArgs {
    /// Only this article's anchors.
    #[arg(long)]
    article: Option<i64>,
    #[command(subcommand)]
    action: Option<AnchorsAction>,
}

#[derive(Subcommand)]
enum AnchorsAction {
    /// Confirm an anchor at its proposed place, or at `--at START..END` (code points).
    Resolve {
        /// `annotation:ID` or `statement:ID:ROLE:ORD` (as `attest anchors` lists them).
        target: String,
        #[arg(long, value_name = "START..END", value_parser = span)]
        at: Option<Span>,
    },
}

#[derive(Subcommand)]
pub(crate) enum TagsCommand {
    /// Every tag with the number of highlights carrying it.
    List,
    /// Create a tag ("Economy/Trade" creates "Economy" too).
    Create {
        path: String,
        /// A colour as #rrggbb.
        #[arg(long)]
        colour: Option<String>,
    },
    /// Move a tag and the tags below it to a new path.
    Rename { path: String, new_path: String },
    /// Set a tag's colour (#rrggbb), or clear it when none is given.
    Colour {
        path: String,
        colour: Option<String>,
    },
    /// Delete a tag and the tags below it (highlights keep everything else).
    Delete { path: String },
    /// Set a highlight's tags (none: remove them all); missing tags are created.
    Set { annotation: i64, paths: Vec<String> },
}

fn span(s: &str) -> Result<Span, String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("“{s}” is not a span: write START..END"))?;
    let parse = |x: &str| {
        x.trim()
            .parse::<u32>()
            .map_err(|_| format!("“{x}” is not a position"))
    };
    Ok(Span {
        start: parse(a)?,
        end: parse(b)?,
    })
}

/// The name `attest anchors` prints for a target, and reads back.
fn target_name(t: &AnchorTarget) -> String {
    match t {
        AnchorTarget::Annotation { id } => format!("annotation:{id}"),
        AnchorTarget::StatementSpan {
            statement_id,
            role,
            ord,
        } => format!("statement:{statement_id}:{role}:{ord}"),
    }
}

fn parse_target(s: &str) -> Result<AnchorTarget, ApiError> {
    let parts: Vec<&str> = s.split(':').collect();
    let bad = || {
        ApiError::invalid(format!(
            "“{s}” names no anchor: write annotation:ID or statement:ID:ROLE:ORD"
        ))
    };
    let num = |x: &str| x.parse::<i64>().map_err(|_| bad());
    match parts.as_slice() {
        ["annotation", id] => Ok(AnchorTarget::Annotation { id: num(id)? }),
        ["statement", id, role, ord] => Ok(AnchorTarget::StatementSpan {
            statement_id: num(id)?,
            role: (*role).to_owned(),
            ord: ord.parse().map_err(|_| bad())?,
        }),
        _ => Err(bad()),
    }
}

pub(crate) fn report_line(r: &ReattachReport) -> String {
    let n = |k: u32, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    format!(
        "{} kept, {} moved, {} needs review",
        n(r.kept, "anchor", "anchors"),
        r.moved,
        r.needs_review
    )
}

fn review_line(r: &AnchorReview) -> String {
    format!(
        "{}  #{} {}  score {:.2}\n  was:      “{}”\n  proposed: {}..{} “{}”{}",
        target_name(&r.target),
        r.article_id,
        r.article_title,
        r.score,
        r.anchor.exact,
        r.anchor.start,
        r.anchor.end,
        r.proposed_text,
        if r.label.is_empty() {
            String::new()
        } else {
            format!("\n  note:     {}", r.label)
        }
    )
}

pub(crate) fn reimport(
    out: &Output,
    api: &mut Api,
    article_id: i64,
    file: &Path,
) -> Result<(), ApiError> {
    let report = api.reimport_article(article_id, file)?;
    out.print(&report, || {
        let mut lines = vec![format!(
            "replaced the text of #{article_id} from {}: {}",
            file.display(),
            report_line(&report)
        )];
        lines.extend(report.review.iter().map(review_line));
        lines.join("\n")
    });
    Ok(())
}

pub(crate) fn anchors(out: &Output, api: &mut Api, args: AnchorsArgs) -> Result<(), ApiError> {
    match args.action {
        None => {
            let list = api.anchors_needing_review(args.article)?;
            for r in &list {
                out.print(r, || review_line(r));
            }
            if !out.json {
                eprintln!(
                    "{} anchor{} need{} review",
                    list.len(),
                    if list.len() == 1 { "" } else { "s" },
                    if list.len() == 1 { "s" } else { "" }
                );
            }
        }
        Some(AnchorsAction::Resolve { target, at }) => {
            let target = parse_target(&target)?;
            api.resolve_anchor(&target, at)?;
            out.print(&serde_json::json!({ "resolved": target }), || {
                format!("{} resolved", target_name(&target))
            });
        }
    }
    Ok(())
}

/// The tag at `path` (case and spaces around levels aside).
fn tag_named(api: &Api, path: &str) -> Result<Tag, ApiError> {
    let wanted = attest_store_path(path)?;
    api.tags()?
        .into_iter()
        .map(|t| t.tag)
        .find(|t| t.path.eq_ignore_ascii_case(&wanted))
        .ok_or_else(|| ApiError::invalid(format!("no tag “{wanted}”")))
}

fn attest_store_path(path: &str) -> Result<String, ApiError> {
    Ok(attest_api::normalise_tag_path(path)?)
}

fn tag_line(t: &Tag) -> String {
    match &t.colour {
        Some(c) => format!("{}  {c}", t.path),
        None => t.path.clone(),
    }
}

pub(crate) fn tags(out: &Output, api: &mut Api, command: TagsCommand) -> Result<(), ApiError> {
    match command {
        TagsCommand::List => {
            for t in api.tags()? {
                out.print(&t, || {
                    let depth = t.tag.path.matches('/').count();
                    let name = t.tag.path.rsplit('/').next().unwrap_or(&t.tag.path);
                    let colour = t.tag.colour.as_deref().unwrap_or("");
                    format!(
                        "{}{name}  ({} highlights) {colour}",
                        "  ".repeat(depth),
                        t.annotations
                    )
                    .trim_end()
                    .to_owned()
                });
            }
        }
        TagsCommand::Create { path, colour } => {
            let t = api.create_tag(&path, colour.as_deref())?;
            out.print(&t, || tag_line(&t));
        }
        TagsCommand::Rename { path, new_path } => {
            let id = tag_named(api, &path)?.id;
            let t = api.rename_tag(id, &new_path)?;
            out.print(&t, || tag_line(&t));
        }
        TagsCommand::Colour { path, colour } => {
            let id = tag_named(api, &path)?.id;
            let t = api.set_tag_colour(id, colour.as_deref())?;
            out.print(&t, || tag_line(&t));
        }
        TagsCommand::Delete { path } => {
            let t = tag_named(api, &path)?;
            api.delete_tag(t.id)?;
            out.print(&t, || format!("deleted {} and the tags below it", t.path));
        }
        TagsCommand::Set { annotation, paths } => {
            let a = api.set_annotation_tags(annotation, &paths)?;
            out.print(&a, || {
                let tags: Vec<&str> = a.tags.iter().map(|t| t.path.as_str()).collect();
                format!("highlight #{}: {}", a.id, tags.join(", "))
            });
        }
    }
    Ok(())
}
