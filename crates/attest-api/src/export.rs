//! Compiling dossiers into documents and data files, with the notebook's citation
//! style, written whole or not at all.

use crate::{Api, ApiError, ErrorKind, Result};
use attest_core::*;
use attest_export::{Articles, Document};
use std::path::Path;

/// How far an export has got: items gathered, then the file written.
pub type ExportStep<'a> = &'a mut dyn FnMut(&ExportProgress);

impl Api {
    /// The citation style in use: the analyst's choice, else Attest's default.
    pub fn citation_style(&self) -> Result<CitationStyle> {
        Ok(self
            .notebook
            .citation_style()?
            .unwrap_or_else(attest_export::default_citation_style))
    }

    /// The styles Attest ships, to start from.
    pub fn citation_styles(&self) -> Vec<CitationStyle> {
        attest_export::citation_styles()
    }

    /// How `style` cites a sample article: what the analyst sees while editing a
    /// template. A template that cannot be used is an error with the reason.
    pub fn preview_citation(&self, style: &CitationStyle) -> Result<Vec<CitationPart>> {
        let runs = attest_export::CitationFormatter::new(style)?
            .render(&attest_export::Citation::sample())?;
        Ok(runs
            .into_iter()
            .map(|r| CitationPart {
                text: r.text,
                italic: r.italic,
            })
            .collect())
    }

    /// Sets the citation style after checking that its template compiles.
    pub fn set_citation_style(&mut self, style: &CitationStyle) -> Result<CitationStyle> {
        attest_export::CitationFormatter::new(style)?;
        self.notebook.set_citation_style(style)?;
        self.citation_style()
    }

    /// The dossier compiled to `format`, as the bytes of the file.
    pub fn compile_dossier(&self, dossier_id: i64, format: ExportFormat) -> Result<Vec<u8>> {
        self.compile_dossier_with(dossier_id, format, &mut |_| {})
    }

    pub fn compile_dossier_with(
        &self,
        dossier_id: i64,
        format: ExportFormat,
        progress: ExportStep,
    ) -> Result<Vec<u8>> {
        let detail = self.dossier(dossier_id)?;
        let articles = self.cited_articles(&detail, progress)?;
        let document = || -> Result<Document> {
            Ok(Document::build(
                &detail,
                &articles,
                &self.citation_style()?,
            )?)
        };
        use attest_export::data;
        // Documents need the compiled dossier; data formats its statements, passages and
        // actors. Each format builds only what it uses.
        let data_set =
            |write: fn(&data::DataSet) -> Result<Vec<u8>, attest_export::ExportError>| {
                let (statements, annotations) = entries_of(&detail);
                let actors = self.actors()?.into_iter().map(|a| (a.id, a)).collect();
                Ok::<_, ApiError>(write(&data::DataSet {
                    statements: &statements,
                    annotations: &annotations,
                    articles: &articles,
                    actors: &actors,
                })?)
            };
        Ok(match format {
            ExportFormat::Markdown => attest_export::markdown(&document()?).into_bytes(),
            ExportFormat::Html => attest_export::html(&document()?).into_bytes(),
            ExportFormat::Docx => attest_export::docx(&document()?)?,
            ExportFormat::Pdf => attest_pdf::pdf(&document()?)?,
            ExportFormat::Csv => data_set(data::statements_csv)?,
            ExportFormat::Json => data_set(data::statements_json)?,
            ExportFormat::Jsonld => data_set(data::web_annotations_jsonld)?,
            ExportFormat::Graphml => data_set(|d| data::graphml(d, None))?,
            ExportFormat::Gexf => data_set(|d| data::gexf(d, None))?,
        })
    }

    /// Compiles a dossier and writes it to `path` whole or not at all (a temporary file
    /// renamed into place).
    pub fn export_dossier(
        &self,
        dossier_id: i64,
        format: ExportFormat,
        path: &Path,
    ) -> Result<ExportReport> {
        self.export_dossier_with(dossier_id, format, path, &mut |_| {})
    }

    pub fn export_dossier_with(
        &self,
        dossier_id: i64,
        format: ExportFormat,
        path: &Path,
        progress: ExportStep,
    ) -> Result<ExportReport> {
        let bytes = self.compile_dossier_with(dossier_id, format, progress)?;
        write_atomically(path, &bytes)?;
        Ok(ExportReport {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
        })
    }

    /// Every article the dossier's items stand in, read once each.
    fn cited_articles(&self, detail: &DossierDetail, progress: ExportStep) -> Result<Articles> {
        let total = detail.items.len() as u32;
        let mut articles = Articles::new();
        for (i, item) in detail.items.iter().enumerate() {
            let article_id = match &item.entry {
                DossierEntry::Statement { statement } => statement.article_id,
                DossierEntry::Annotation { annotation, .. } => annotation.article_id,
                DossierEntry::Article { article } => article.id,
                DossierEntry::Section { .. } | DossierEntry::Commentary | DossierEntry::Missing => {
                    continue
                }
            };
            if let std::collections::hash_map::Entry::Vacant(slot) = articles.entry(article_id) {
                slot.insert(self.notebook.article(article_id)?);
            }
            if i % 100 == 0 {
                progress(&ExportProgress {
                    done: i as u32,
                    total,
                });
            }
        }
        progress(&ExportProgress { done: total, total });
        Ok(articles)
    }
}

/// The statements and passages a dossier holds, in its order.
fn entries_of(detail: &DossierDetail) -> (Vec<Statement>, Vec<Annotation>) {
    let mut statements = Vec::new();
    let mut annotations = Vec::new();
    for item in &detail.items {
        match &item.entry {
            DossierEntry::Statement { statement } => statements.push(statement.clone()),
            DossierEntry::Annotation { annotation, .. } => annotations.push(annotation.clone()),
            _ => {}
        }
    }
    (statements, annotations)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |e: std::io::Error| {
        ApiError::new(
            ErrorKind::Io,
            format!("cannot write {}: {e}", path.display()),
        )
    };
    let name = path
        .file_name()
        .ok_or_else(|| ApiError::invalid(format!("{} is not a file name", path.display())))?;
    let tmp = path.with_file_name(format!(".{}.attest-tmp", name.to_string_lossy()));
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}
