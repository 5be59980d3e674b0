//! The format-neutral compiled dossier. [`Document::build`] decides what a dossier
//! says — quotes verbatim, who said them, citations in the chosen style, commentary —
//! and each writer (Markdown, HTML, DOCX, PDF) only decides how it looks.

use crate::{Articles, Citation, ExportError};
use attest_core::{text, CitationStyle, DossierDetail, DossierEntry, StatementKind};

/// A compiled dossier: its title, description and blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// The dossier's description, one string per paragraph.
    pub description: Vec<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading; the blocks after it, up to the next one, belong to it.
    Section(String),
    /// A statement or a highlighted passage.
    Quote(Quote),
    /// A whole article: its headline, the citation and its text.
    Article {
        heading: String,
        citation: Vec<Run>,
        paragraphs: Vec<String>,
    },
    /// The analyst's own text, one string per paragraph.
    Commentary(Vec<String>),
    /// Something the dossier refers to that is no longer in the notebook.
    Notice(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The words exactly as the article has them (content spans joined by " … "),
    /// between quotation marks when the statement is a direct quote.
    pub text: String,
    /// "Wang Yi (direct quote)" for a statement; `None` for a passage.
    pub attribution: Option<String>,
    /// Where the words stand, in the citation style; a footnote in paged formats.
    pub citation: Vec<Run>,
    /// The analyst's note on the passage, one string per paragraph.
    pub note: Vec<String>,
}

/// A piece of citation text, set in italics or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            italic: false,
        }
    }
}

/// The citation styles Attest ships; the analyst may edit any into a custom one.
pub fn citation_styles() -> Vec<CitationStyle> {
    let style = |name: &str, template: &str| CitationStyle {
        name: name.into(),
        template: template.into(),
    };
    vec![
        style(
            "attest",
            "{{ [byline, title | italic, outlet, published, paragraph and '¶' ~ paragraph, url] \
             | select | join(', ') }}.",
        ),
        style(
            "chicago",
            "{% set rest = [outlet and (outlet | italic), published, \
             paragraph and 'para. ' ~ paragraph, url] | select | list %}\
             {% if byline %}{{ byline }}, {% endif %}\
             {% if rest %}“{{ title }},” {{ rest | join(', ') }}.{% else %}“{{ title }}.”{% endif %}",
        ),
        style(
            "apa",
            "{{ byline or outlet or title }} ({{ published or 'n.d.' }}). {{ title | italic }}.\
             {% if outlet and byline %} {{ outlet }}.{% endif %}\
             {% if paragraph %} Para. {{ paragraph }}.{% endif %}\
             {% if url %} {{ url }}{% endif %}",
        ),
    ]
}

/// The style used until the analyst picks one.
pub fn default_citation_style() -> CitationStyle {
    citation_styles().swap_remove(0)
}

// Private-use characters mark italics in a rendered template; field values are
// stripped of them first, so only the `italic` filter can place them.
const ITALIC_START: char = '\u{E000}';
const ITALIC_END: char = '\u{E001}';

/// A citation template ready to render.
pub struct CitationFormatter {
    env: minijinja::Environment<'static>,
}

impl CitationFormatter {
    pub fn new(style: &CitationStyle) -> Result<Self, ExportError> {
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Lenient);
        env.add_filter("italic", |value: String| {
            format!("{ITALIC_START}{value}{ITALIC_END}")
        });
        env.add_template_owned("citation", style.template.clone())
            .map_err(|e| ExportError::Template(e.to_string()))?;
        let formatter = CitationFormatter { env };
        // Fail now, on a sample, rather than halfway through a dossier.
        formatter.render(&Citation::sample())?;
        Ok(formatter)
    }

    pub fn render(&self, c: &Citation) -> Result<Vec<Run>, ExportError> {
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(|v| v.replace([ITALIC_START, ITALIC_END], ""))
        };
        let ctx = minijinja::context! {
            byline => clean(&c.byline),
            title => c.title_or_file().replace([ITALIC_START, ITALIC_END], ""),
            outlet => clean(&c.outlet),
            published => clean(&c.published),
            dateline => clean(&c.dateline),
            paragraph => c.paragraph,
            url => clean(&c.url),
        };
        let text = self
            .env
            .get_template("citation")
            .and_then(|t| t.render(ctx))
            .map_err(|e| ExportError::Template(e.to_string()))?;
        Ok(runs(text.trim()))
    }
}

/// Splits rendered text at the italic marks.
fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut italic = false;
    for piece in text.split_inclusive([ITALIC_START, ITALIC_END]) {
        let (body, mark) = match piece.chars().last() {
            Some(c @ (ITALIC_START | ITALIC_END)) => {
                (&piece[..piece.len() - c.len_utf8()], Some(c))
            }
            _ => (piece, None),
        };
        if !body.is_empty() {
            out.push(Run {
                text: body.to_owned(),
                italic,
            });
        }
        if let Some(mark) = mark {
            italic = mark == ITALIC_START;
        }
    }
    out
}

impl Document {
    /// Compiles `detail`, citing from `articles` (those missing are said to be gone).
    pub fn build(
        detail: &DossierDetail,
        articles: &Articles,
        style: &CitationStyle,
    ) -> Result<Document, ExportError> {
        let formatter = CitationFormatter::new(style)?;
        let cite = |article_id: i64, start: u32| -> Result<Vec<Run>, ExportError> {
            match articles.get(&article_id) {
                Some(article) => formatter.render(&Citation::at(article, start)),
                None => Ok(vec![Run {
                    text: "the article is no longer in the notebook".into(),
                    italic: true,
                }]),
            }
        };
        let mut blocks = Vec::with_capacity(detail.items.len() * 2);
        for item in &detail.items {
            match &item.entry {
                DossierEntry::Statement { statement: s } => {
                    let quote = s.quote();
                    let text = match s.kind {
                        StatementKind::Direct => text::in_quote_marks(&quote),
                        _ => quote,
                    };
                    let speakers: Vec<&str> = s.speakers.iter().map(|a| a.name.as_str()).collect();
                    let speaker = if speakers.is_empty() {
                        "Unattributed".to_owned()
                    } else {
                        speakers.join(", ")
                    };
                    let start = s.content.first().map_or(0, |a| a.start);
                    blocks.push(Block::Quote(Quote {
                        text: one_line(&text),
                        attribution: Some(format!("{speaker} ({})", kind_label(s.kind))),
                        citation: cite(s.article_id, start)?,
                        note: Vec::new(),
                    }));
                }
                DossierEntry::Annotation { annotation: a, .. } => {
                    blocks.push(Block::Quote(Quote {
                        text: one_line(&a.anchor.exact),
                        attribution: None,
                        citation: cite(a.article_id, a.anchor.start)?,
                        note: paragraphs(&a.note),
                    }));
                }
                DossierEntry::Article { article: summary } => match articles.get(&summary.id) {
                    Some(article) => blocks.push(Block::Article {
                        heading: article.display_title().to_owned(),
                        citation: formatter.render(&Citation::whole(article))?,
                        paragraphs: text::paragraphs(&article.text)
                            .into_iter()
                            .filter_map(|span| text::slice(&article.text, span).ok())
                            .map(str::to_owned)
                            .collect(),
                    }),
                    None => blocks.push(Block::Notice(format!(
                        "[The article “{}” is no longer in the notebook.]",
                        summary.display_title
                    ))),
                },
                DossierEntry::Section { title } => blocks.push(Block::Section(title.clone())),
                DossierEntry::Commentary => {}
                DossierEntry::Missing => blocks.push(Block::Notice(
                    "[This item's statement, passage or article was deleted from the notebook.]"
                        .into(),
                )),
            }
            let commentary = paragraphs(&item.commentary);
            if !commentary.is_empty() {
                blocks.push(Block::Commentary(commentary));
            }
        }
        Ok(Document {
            title: detail.dossier.title.trim().to_owned(),
            description: paragraphs(&detail.dossier.description),
            blocks,
        })
    }

    /// Number of quotes and articles, each of which carries one citation (footnote).
    pub fn citation_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| matches!(b, Block::Quote(_) | Block::Article { .. }))
            .count()
    }
}

fn kind_label(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Direct => "direct quote",
        StatementKind::Indirect => "paraphrase",
        StatementKind::Mixed => "partly quoted",
    }
}

/// A quote is one paragraph: its line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The analyst's text split at blank lines, each paragraph on one line.
fn paragraphs(s: &str) -> Vec<String> {
    s.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| one_line(p.trim()))
        .filter(|p| !p.is_empty())
        .collect()
}
