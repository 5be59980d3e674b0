//! Re-importing an article (a corrected file, a better extraction): the file is read as
//! an import reads it, and the article's text replaced with every anchor re-attached.
//! Also the review of anchors that could not be found, and tags on highlights.

use crate::import::labelled;
use crate::{Api, ApiError, Result};
use attest_core::similarity::Signature;
use attest_core::{
    variants, AnchorReview, AnchorTarget, Annotation, ArticleMeta, ReattachReport, Span, Tag,
    TagCount,
};
use attest_import::Imported;
use attest_store::{SourceFile, TextReplacement};
use std::path::Path;

/// Below this similarity to the article's text, no article of a file holding several is
/// taken for it.
const MIN_ENTRY_SIMILARITY: f32 = 0.3;

/// How alike two texts are: the MinHash estimate when both are long enough for one,
/// else word-level Dice.
fn text_similarity(a: &str, b: &str) -> f32 {
    match (Signature::of(a), Signature::of(b)) {
        (Some(x), Some(y)) => x.similarity(&y),
        _ => variants::similarity(a, b),
    }
}

/// The stored metadata with the fields it lacks taken from the new file: what the
/// analyst wrote stays.
fn filled(stored: &ArticleMeta, new: &ArticleMeta) -> Option<ArticleMeta> {
    let pick = |s: &Option<String>, n: &Option<String>| s.clone().or_else(|| n.clone());
    let merged = ArticleMeta {
        title: pick(&stored.title, &new.title),
        byline: pick(&stored.byline, &new.byline),
        outlet: pick(&stored.outlet, &new.outlet),
        published: pick(&stored.published, &new.published),
        dateline: pick(&stored.dateline, &new.dateline),
        language: pick(&stored.language, &new.language),
        url: pick(&stored.url, &new.url),
    };
    (merged != *stored).then_some(merged)
}

impl Api {
    /// Replaces article `article_id`'s text with the article read from `path` (as an
    /// import reads it). A file holding several articles gives the one most like the
    /// current text. Every highlight and statement span is re-attached; those that
    /// cannot be found well enough are listed in the report as needing review.
    pub fn reimport_article(&mut self, article_id: i64, path: &Path) -> Result<ReattachReport> {
        let current = self.notebook.article(article_id)?;
        let file = path.display().to_string();
        let mut read = Vec::new();
        let mut failures = Vec::new();
        for entry in attest_import::import_file(path) {
            let label = labelled(&file, &entry);
            match entry.result {
                Ok(imported) => read.push((label, imported)),
                Err(e) => failures.push(format!("{label}: {e}")),
            }
        }
        let (label, imported) = match (read.len(), read.pop()) {
            (_, None) => {
                return Err(ApiError::invalid(match failures.first() {
                    Some(reason) => format!("cannot re-import {reason}"),
                    None => format!("{file} holds no article"),
                }))
            }
            (1, Some(only)) => only,
            (n, Some(last)) => {
                read.push(last);
                let mut scored: Vec<(f32, (String, Imported))> = read
                    .into_iter()
                    .map(|(l, i)| (text_similarity(&current.text, &i.draft.text), (l, i)))
                    .collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0));
                let (best, entry) = scored.swap_remove(0);
                if best < MIN_ENTRY_SIMILARITY {
                    return Err(ApiError::invalid(format!(
                        "{file} holds {n} articles and none is like this article's text \
                         (the closest shares {:.0} %); re-import from the article's own file",
                        best * 100.0
                    )));
                }
                entry
            }
        };
        let draft = &imported.draft;
        let meta = filled(&current.meta, &draft.meta);
        let replacement = TextReplacement {
            text: &draft.text,
            meta: meta.as_ref(),
            format: Some(draft.format),
            source: Some(SourceFile {
                name: &imported.source.name,
                path: &label,
                bytes: &imported.source.bytes,
                sha256: &imported.source.sha256,
            }),
        };
        Ok(self
            .notebook
            .replace_article_text(article_id, &replacement)?)
    }

    /// Anchors needing review: one article's, or the notebook's.
    pub fn anchors_needing_review(&self, article_id: Option<i64>) -> Result<Vec<AnchorReview>> {
        Ok(self.notebook.anchors_needing_review(article_id)?)
    }

    /// Confirms an anchor needing review at `span`, or at its proposed place.
    pub fn resolve_anchor(&mut self, target: &AnchorTarget, span: Option<Span>) -> Result<()> {
        Ok(self.notebook.resolve_anchor(target, span)?)
    }

    pub fn tags(&self) -> Result<Vec<TagCount>> {
        Ok(self.notebook.tags()?)
    }

    pub fn create_tag(&mut self, path: &str, colour: Option<&str>) -> Result<Tag> {
        Ok(self.notebook.create_tag(path, colour)?)
    }

    pub fn rename_tag(&mut self, id: i64, path: &str) -> Result<Tag> {
        Ok(self.notebook.rename_tag(id, path)?)
    }

    pub fn set_tag_colour(&mut self, id: i64, colour: Option<&str>) -> Result<Tag> {
        Ok(self.notebook.set_tag_colour(id, colour)?)
    }

    pub fn delete_tag(&mut self, id: i64) -> Result<()> {
        Ok(self.notebook.delete_tag(id)?)
    }

    pub fn set_annotation_tags(
        &mut self,
        annotation_id: i64,
        paths: &[String],
    ) -> Result<Annotation> {
        Ok(self.notebook.set_annotation_tags(annotation_id, paths)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use attest_core::AnchorStatus;

    const OLD: &str = "Officials met in Islamabad on Monday.\n\n\
        “China stands firmly with Pakistan,” Wang Yi said after the talks.\n\n\
        Analysts doubted the timetable.\n";

    fn api_with(dir: &Path, text: &str) -> (Api, i64) {
        let file = dir.join("talks.txt");
        std::fs::write(&file, text).unwrap();
        let mut api = Api::open(dir.join("n.attest")).unwrap();
        let reports = api.import(&[file]);
        let id = match &reports[0].outcome {
            attest_core::ImportOutcome::Imported { article_id, .. } => *article_id,
            other => panic!("{other:?}"),
        };
        (api, id)
    }

    fn find(api: &Api, id: i64, needle: &str) -> Span {
        attest_core::text::find(&api.notebook.article(id).unwrap().text, needle).unwrap()
    }

    #[test]
    fn a_corrected_file_replaces_the_text_and_flags_what_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let (mut api, id) = api_with(dir.path(), OLD);
        let quote = find(&api, id, "China stands firmly");
        let gone = find(&api, id, "doubted the timetable");
        api.notebook.add_annotation(id, quote, "").unwrap();
        api.notebook.add_annotation(id, gone, "").unwrap();
        let corrected = dir.path().join("talks-corrected.md");
        std::fs::write(
            &corrected,
            "ISLAMABAD — Officials met in Islamabad on Monday.\n\n\
             “China stands firmly with Pakistan,” Wang Yi said after the talks.\n",
        )
        .unwrap();
        let report = api.reimport_article(id, &corrected).unwrap();
        assert_eq!((report.moved, report.needs_review), (1, 1), "{report:?}");
        let article = api.notebook.article(id).unwrap();
        assert!(article.text.starts_with("ISLAMABAD"));
        assert_eq!(article.source_name, "talks-corrected.md");
        let flagged = api.anchors_needing_review(None).unwrap();
        assert_eq!(flagged[0].anchor.exact, "doubted the timetable");
        let annotations = api.notebook.annotations(id).unwrap();
        assert!(annotations
            .iter()
            .any(|a| a.anchor_status == AnchorStatus::Moved
                && a.anchor.exact == "China stands firmly"));
    }

    #[test]
    fn a_file_that_cannot_be_read_or_holds_nothing_alike_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (mut api, id) = api_with(dir.path(), OLD);
        let err = api
            .reimport_article(id, &dir.path().join("missing.txt"))
            .unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::Invalid);
        assert!(err.message.contains("missing.txt"), "{err}");
        // A mailbox of two unrelated messages: neither is this article.
        let mbox = dir.path().join("two.mbox");
        std::fs::write(
            &mbox,
            "From a@example.org Mon Jan  1 00:00:00 2026\nFrom: a@example.org\nSubject: One\n\n\
             Weather tomorrow will be sunny across the north with light winds.\n\n\
             From b@example.org Mon Jan  1 00:00:00 2026\nFrom: b@example.org\nSubject: Two\n\n\
             The football league announced its new schedule for the autumn season.\n",
        )
        .unwrap();
        let err = api.reimport_article(id, &mbox).unwrap_err();
        assert!(err.message.contains("holds 2 articles"), "{err}");
        assert_eq!(api.notebook.article(id).unwrap().text.trim(), OLD.trim());
    }

    #[test]
    fn metadata_the_analyst_set_is_kept_and_gaps_are_filled() {
        let stored = ArticleMeta {
            title: Some("Mine".into()),
            ..Default::default()
        };
        let new = ArticleMeta {
            title: Some("Theirs".into()),
            outlet: Some("Outlet".into()),
            ..Default::default()
        };
        let merged = filled(&stored, &new).unwrap();
        assert_eq!(merged.title.as_deref(), Some("Mine"));
        assert_eq!(merged.outlet.as_deref(), Some("Outlet"));
        assert_eq!(filled(&merged, &new), None);
    }
}
