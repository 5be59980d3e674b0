//! `attest statements variants`: near-identical quotes grouped as variants of one
//! statement, with the words that differ.

use crate::Output;
use attest_api::{Api, ApiError};
use attest_core::variants::{DiffKind, QuoteVariant};
use serde::Serialize;

/// One group as `--json` prints it: its statements' ids and each member with its diff
/// from the first.
#[derive(Serialize)]
struct Group<'a> {
    statement_ids: Vec<i64>,
    variants: &'a [QuoteVariant],
}

/// Prints every variant group (with `article`, those holding a statement of it).
pub(crate) fn variants(out: &Output, api: &Api, article: Option<i64>) -> Result<(), ApiError> {
    let groups = api.variant_group_quotes(article)?;
    for (n, group) in groups.iter().enumerate() {
        let json = Group {
            statement_ids: group.iter().map(|v| v.statement_id).collect(),
            variants: group,
        };
        out.print(&json, || group_text(n + 1, group));
    }
    if !out.json {
        eprintln!(
            "{} group{} of variants",
            groups.len(),
            if groups.len() == 1 { "" } else { "s" }
        );
    }
    Ok(())
}

/// "group 1 (2 statements)", then a line per statement and, under each variant, the
/// words that differ from the first: "[-defending-] {+safeguarding+}".
fn group_text(n: usize, group: &[QuoteVariant]) -> String {
    let mut lines = vec![format!("group {n} ({} statements)", group.len())];
    for (i, v) in group.iter().enumerate() {
        let speakers: Vec<&str> = v.speakers.iter().map(|a| a.name.as_str()).collect();
        let speakers = if speakers.is_empty() {
            "?".to_string()
        } else {
            speakers.join(", ")
        };
        let similarity = if i == 0 {
            String::new()
        } else {
            format!(" ({:.2})", v.similarity)
        };
        lines.push(format!(
            "  #{}  {speakers} in #{} {}{similarity}: “{}”",
            v.statement_id, v.article_id, v.article_title, v.quote
        ));
        if i > 0 {
            let changes: Vec<String> = v
                .diff
                .iter()
                .filter_map(|p| match p.kind {
                    DiffKind::Same => None,
                    DiffKind::Removed => Some(format!("[-{}-]", p.text)),
                    DiffKind::Added => Some(format!("{{+{}+}}", p.text)),
                })
                .collect();
            let changes = if changes.is_empty() {
                "the same words".to_string()
            } else {
                changes.join(" ")
            };
            lines.push(format!("      {changes}"));
        }
    }
    lines.join("\n")
}
