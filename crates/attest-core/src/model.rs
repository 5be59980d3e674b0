//! Domain types. Everything here is (de)serialisable and has a generated TypeScript
//! twin in `ui/src/bindings/`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `ALL`, `as_str` and `parse` for an enum stored in SQLite by name; the names are the
/// ones serde uses (checked by a test), so storage, JSON and the UI agree.
macro_rules! named_enum {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.as_str() == s)
            }
        }
    };
}

/// Metadata of an article, as found in the source or edited by the analyst.
/// `None` means "not known": importers never invent a value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleMeta {
    /// The headline, when the source has one.
    pub title: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    /// Publication date (ISO 8601 date or date-time).
    pub published: Option<String>,
    /// Place name of the dateline ("BEIJING").
    pub dateline: Option<String>,
    /// BCP 47 language tag ("en").
    pub language: Option<String>,
    pub url: Option<String>,
}

/// What import makes of one source before it is stored: exactly what
/// `attest inspect --json` prints under `"article"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleDraft {
    #[serde(flatten)]
    pub meta: ArticleMeta,
    /// The article text, verbatim: every non-whitespace character of the source, in order.
    pub text: String,
    /// A label for lists when there is no headline (first sentence or file name);
    /// shown as a placeholder the analyst can replace, never stored as the title.
    pub fallback_title: String,
    pub format: SourceFormat,
    /// Things the importer noticed but could recover from.
    pub warnings: Vec<String>,
}

/// The kind of file an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SourceFormat {
    Text,
    Markdown,
    /// A saved web page (`.html`, `.htm`, `.xhtml`): the article body, not the page.
    Html,
    /// A Word document (`.docx`): the body's paragraphs, tables and footnotes.
    Docx,
    /// An OpenDocument text (`.odt`).
    Odt,
    /// A PDF's text layer (`.pdf`).
    Pdf,
    /// A Rich Text Format document (`.rtf`).
    Rtf,
    /// An e-mail message (`.eml`, or one message of an `.mbox`).
    Email,
    /// A single-file web archive (`.mhtml`, `.mht`): its page, as for HTML.
    Mhtml,
    /// One chapter of an EPUB book (`.epub`).
    Epub,
}

named_enum!(SourceFormat {
    Text => "text",
    Markdown => "markdown",
    Html => "html",
    Docx => "docx",
    Odt => "odt",
    Pdf => "pdf",
    Rtf => "rtf",
    Email => "email",
    Mhtml => "mhtml",
    Epub => "epub",
});

/// A row of the article list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleSummary {
    pub id: i64,
    /// The headline, or the fallback label when there is none.
    pub display_title: String,
    /// True when `display_title` is the fallback, not a headline.
    pub title_is_fallback: bool,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub source_name: String,
    pub imported_at: String,
}

/// A stored article with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Article {
    pub id: i64,
    pub meta: ArticleMeta,
    pub fallback_title: String,
    pub text: String,
    pub format: SourceFormat,
    /// File name the article was imported from.
    pub source_name: String,
    pub imported_at: String,
}

/// An article that is a near-duplicate of another: the same wire story in another
/// outlet, a re-saved page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RelatedArticle {
    pub id: i64,
    pub display_title: String,
    pub outlet: Option<String>,
    /// Estimated share of five-word runs the two texts have in common (0–1).
    pub similarity: f32,
}

impl Article {
    pub fn display_title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.fallback_title)
    }
}

/// A range of code points `[start, end)` in an article's text, as the UI and the CLI
/// send it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// A stored anchor into an article: the W3C Web Annotation TextPositionSelector
/// (`start`, `end`, code points) together with a TextQuoteSelector (`exact`, `prefix`,
/// `suffix`), so the anchor can be found again if the text around it changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Anchor {
    pub start: u32,
    pub end: u32,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

impl Anchor {
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}

/// A highlighted passage with the analyst's note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Annotation {
    pub id: i64,
    pub article_id: i64,
    pub anchor: Anchor,
    pub note: String,
    pub created_at: String,
    /// Whether the anchor was found again when the article's text was replaced.
    #[serde(default)]
    pub anchor_status: AnchorStatus,
    /// The re-attachment's score in [0, 1] (1 for an anchor never re-attached).
    #[serde(default = "full_score")]
    pub anchor_score: f32,
    /// The analyst's tags, by path.
    #[serde(default)]
    pub tags: Vec<Tag>,
}

/// `anchor_score` is never NaN (a ratio of counts, or read back from a checked column).
impl Eq for Annotation {}

fn full_score() -> f32 {
    1.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActorKind {
    Person,
    Organization,
    State,
    Party,
    MediaOutlet,
    Other,
}

named_enum!(ActorKind {
    Person => "person",
    Organization => "organization",
    State => "state",
    Party => "party",
    MediaOutlet => "media_outlet",
    Other => "other",
});

/// A person, organisation or state whose statements the analyst follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Actor {
    pub id: i64,
    pub name: String,
    pub kind: ActorKind,
    /// Other names the actor goes by ("Wang", "Beijing").
    pub aliases: Vec<String>,
    /// Accepted statements with the actor as a speaker; `None` where the list was not
    /// counted (the pickers': counting reads every statement of a large notebook).
    pub statement_count: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewActor {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// How the content of a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StatementKind {
    /// Quoted word for word.
    Direct,
    /// Paraphrased.
    Indirect,
    /// Paraphrase with quoted fragments.
    Mixed,
}

named_enum!(StatementKind {
    Direct => "direct",
    Indirect => "indirect",
    Mixed => "mixed",
});

/// Whether the analyst has confirmed a statement (proposals come from extraction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StatementStatus {
    Proposed,
    Accepted,
    Rejected,
}

named_enum!(StatementStatus {
    Proposed => "proposed",
    Accepted => "accepted",
    Rejected => "rejected",
});

/// An actor as named on a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActorRef {
    pub id: i64,
    pub name: String,
}

/// Who said what, in which article: the speaker actor(s), the words naming the speaker,
/// the speech verb (cue) and one or more content spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Statement {
    pub id: i64,
    pub article_id: i64,
    pub article_title: String,
    pub speakers: Vec<ActorRef>,
    pub speaker_mention: Option<Anchor>,
    pub cue: Option<Anchor>,
    pub content: Vec<Anchor>,
    pub kind: StatementKind,
    pub status: StatementStatus,
    /// The speaker's position toward the statement's topics, when coded.
    pub stance: Option<Stance>,
    /// Topic tags, as the analyst writes them ("trade", "border security").
    pub topics: Vec<String>,
    pub created_at: String,
    /// 0–1 for a statement extraction proposed (rank by it; not a probability); `None`
    /// for one the analyst made.
    #[serde(default)]
    pub confidence: Option<f32>,
    /// What the statement was reported through ("a statement released by the ministry").
    #[serde(default)]
    pub reported_via: Option<String>,
    /// When it was said, if not on the article's date (ISO date).
    #[serde(default)]
    pub date: Option<String>,
    /// Whom the statement was addressed to ("told Blinken", "in a call with …").
    #[serde(default)]
    pub addressees: Vec<ActorRef>,
    /// Whom the statement is about or aimed at ("accused Japan of …").
    #[serde(default)]
    pub targets: Vec<ActorRef>,
    /// The worst status of its spans' anchors after the article's text was replaced.
    #[serde(default)]
    pub anchor_status: AnchorStatus,
}

/// `confidence` is never NaN (it is a logistic of a finite margin, or read back from a
/// column that checks 0 ≤ c ≤ 1), so equality is total.
impl Eq for Statement {}

impl Statement {
    /// The quoted words, content spans joined by " … ".
    pub fn quote(&self) -> String {
        let parts: Vec<&str> = self.content.iter().map(|a| a.exact.as_str()).collect();
        parts.join(" … ")
    }
}

/// A statement as the analyst records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewStatement {
    pub article_id: i64,
    pub content: Vec<Span>,
    pub speaker_actor_ids: Vec<i64>,
    pub speaker_mention: Option<Span>,
    pub cue: Option<Span>,
    pub kind: StatementKind,
    #[serde(default)]
    pub stance: Option<Stance>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub addressee_actor_ids: Vec<i64>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub target_actor_ids: Vec<i64>,
    /// What the statement was reported through ("a statement released by the ministry").
    #[serde(default)]
    #[ts(optional = nullable)]
    pub reported_via: Option<String>,
    /// When it was said, if not on the article's date (ISO date).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub date: Option<String>,
}

impl NewStatement {
    /// A direct statement of the words at `content` with nothing else recorded yet
    /// (speakers, cue, coding): callers name what they know and take the rest with `..`.
    pub fn direct(article_id: i64, content: Vec<Span>) -> Self {
        NewStatement {
            article_id,
            content,
            speaker_actor_ids: Vec::new(),
            speaker_mention: None,
            cue: None,
            kind: StatementKind::Direct,
            stance: None,
            topics: Vec::new(),
            addressee_actor_ids: Vec::new(),
            target_actor_ids: Vec::new(),
            reported_via: None,
            date: None,
        }
    }
}

/// How the analyst codes a statement beyond who said it: the whole coding at once, as
/// the coding dialog saves it (each field replaces what the statement had).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementCoding {
    pub stance: Option<Stance>,
    pub topics: Vec<String>,
    /// To whom it was said.
    pub addressee_actor_ids: Vec<i64>,
    /// Whom or what it is about (criticised, praised, urged).
    pub target_actor_ids: Vec<i64>,
    /// What it was reported through; blank clears it.
    pub reported_via: Option<String>,
}

/// The part an actor plays in a statement (`statement_actors.role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StatementRole {
    /// Who said it.
    Speaker,
    /// Whom it was said to.
    Addressee,
    /// Whom it is aimed at.
    Target,
}

named_enum!(StatementRole {
    Speaker => "speaker",
    Addressee => "addressee",
    Target => "target",
});

/// A speaker's position toward what the statement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stance {
    Supports,
    Opposes,
    Neutral,
}

named_enum!(Stance {
    Supports => "supports",
    Opposes => "opposes",
    Neutral => "neutral",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dossier {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub item_count: u32,
    /// Set for a saved-query dossier: its items are the statements matching it now.
    pub query: Option<DossierQuery>,
    pub created_at: String,
}

/// The statements a saved-query dossier holds; `None` fields do not filter. Dates are
/// compared as ISO text on the article's publication date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DossierQuery {
    #[serde(default)]
    pub actor_id: Option<i64>,
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub stance: Option<Stance>,
    #[serde(default)]
    pub outlet: Option<String>,
    /// Earliest publication date, inclusive (`2026-05-01`).
    #[serde(default)]
    pub from: Option<String>,
    /// Latest publication date, inclusive.
    #[serde(default)]
    pub to: Option<String>,
}

/// What a dossier item holds besides its commentary.
// A statement is the common entry and the list is short: boxing it would only cost
// every caller a `Box`.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum DossierEntry {
    Statement {
        statement: Statement,
    },
    Annotation {
        annotation: Annotation,
        article_title: String,
    },
    /// A whole article, cited as a source.
    Article {
        article: ArticleSummary,
    },
    /// Starts a section; the items after it, up to the next section, belong to it.
    Section {
        title: String,
    },
    /// Commentary only: a paragraph of the analyst's own text.
    Commentary,
    /// The statement or passage was deleted after it was added.
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DossierItem {
    pub id: i64,
    pub position: u32,
    pub entry: DossierEntry,
    pub commentary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DossierDetail {
    pub dossier: Dossier,
    pub items: Vec<DossierItem>,
}

/// What became of one file of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
#[ts(export)]
pub enum ImportOutcome {
    Imported {
        article_id: i64,
        title: String,
        warnings: Vec<String>,
    },
    Duplicate {
        article_id: i64,
        title: String,
    },
    /// Imported, and linked to a near-duplicate already in the notebook.
    Related {
        article_id: i64,
        title: String,
        warnings: Vec<String>,
        related: RelatedArticle,
    },
    Failed {
        reason: String,
    },
    /// Not reached: the import was cancelled first.
    Cancelled,
}

/// How far an import has got, sent after each file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    /// Files finished so far (imported, duplicate or failed).
    pub done: u32,
    pub total: u32,
    /// The file just finished.
    pub current: String,
    /// Files per second since the import began.
    pub rate: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FileReport {
    /// The path as given.
    pub file: String,
    pub outcome: ImportOutcome,
}

/// Where the open notebook lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotebookInfo {
    pub path: String,
    pub article_count: u32,
    /// Set when the notebook lives in a folder a sync service copies (Dropbox,
    /// OneDrive, Google Drive, …): a sentence saying why that risks the notebook.
    pub cloud_warning: Option<String>,
}

/// Files handed to the app on its command line, by the first launch or by a second
/// one (which then exits, leaving the work to the running window).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LaunchRequest {
    /// A notebook (`.attest`) to switch to.
    pub notebook: Option<String>,
    /// Article files and folders to import, as absolute paths.
    pub files: Vec<String>,
}

/// Which statements to list; `None` fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementFilter {
    pub article_id: Option<i64>,
    pub actor_id: Option<i64>,
}

/// Everything the reader shows for one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleView {
    pub article: Article,
    /// Paragraph spans, numbered from 1 in this order (citations use the numbers).
    pub paragraphs: Vec<Span>,
    pub annotations: Vec<Annotation>,
    pub statements: Vec<Statement>,
    /// Near-duplicates in the notebook, most similar first.
    pub related: Vec<RelatedArticle>,
    /// The actors named in the text, in reading order (the reader underlines them).
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

impl ArticleView {
    /// The view as the reader needs it: each anchor's position and words without its
    /// TextQuote context (`prefix`, `suffix` left empty). The reader places highlights by
    /// position; re-attaching, the one thing that reads the context, happens in the back
    /// end. On a long article the context is a fifth of the view's bytes, and the view
    /// crosses to the webview on every open.
    pub fn without_anchor_context(mut self) -> Self {
        fn clear(anchor: &mut Anchor) {
            anchor.prefix = String::new();
            anchor.suffix = String::new();
        }
        for annotation in &mut self.annotations {
            clear(&mut annotation.anchor);
        }
        for statement in &mut self.statements {
            statement.content.iter_mut().for_each(clear);
            statement.cue.iter_mut().for_each(clear);
            statement.speaker_mention.iter_mut().for_each(clear);
        }
        self
    }
}

/// Document formats a dossier compiles to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Markdown,
    Html,
    Docx,
    Pdf,
    /// Statements, one row each.
    Csv,
    /// Statements with every field.
    Json,
    /// Statements and passages as W3C Web Annotations.
    Jsonld,
    /// Actor network (actor–topic and actor–actor edges).
    Graphml,
    Gexf,
}

named_enum!(ExportFormat {
    Markdown => "markdown",
    Html => "html",
    Docx => "docx",
    Pdf => "pdf",
    Csv => "csv",
    Json => "json",
    Jsonld => "jsonld",
    Graphml => "graphml",
    Gexf => "gexf",
});

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Jsonld => "jsonld",
            other => other.as_str(),
        }
    }

    /// The format a file name's extension asks for (`md`, `markdown`, `html`, …).
    pub fn from_extension(ext: &str) -> Option<Self> {
        let ext = ext.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "htm" | "html" => Some(ExportFormat::Html),
            "json-ld" | "jsonld" => Some(ExportFormat::Jsonld),
            _ => Self::parse(&ext),
        }
    }
}

/// A piece of a rendered citation, in italics or not (a preview of a style).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CitationPart {
    pub text: String,
    pub italic: bool,
}

/// Why a snapshot of a notebook was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum SnapshotReason {
    /// The first open of the day.
    Open,
    /// Asked for.
    Manual,
    /// Before the notebook was upgraded to a newer schema (a copy at the old version).
    Migration,
    /// Before merging another notebook in.
    Merge,
    /// Before deleting many things at once.
    BulkDelete,
}

named_enum!(SnapshotReason {
    Open => "open",
    Manual => "manual",
    Migration => "migration",
    Merge => "merge",
    BulkDelete => "bulk-delete",
});

/// One snapshot file: a complete notebook that opens on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Snapshot {
    pub path: std::path::PathBuf,
    /// When it was taken, UTC, ISO 8601 (`2026-05-01T09:30:00Z`).
    pub created_at: String,
    pub reason: SnapshotReason,
    pub bytes: u64,
}

/// How a compiled dossier cites its sources: a template over the citation's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CitationStyle {
    /// `attest`, `chicago`, `apa`, or `custom` for the analyst's own template.
    pub name: String,
    /// A minijinja template; fields: `byline`, `title`, `outlet`, `published`,
    /// `paragraph`, `url`, `dateline`; the filter `italic` sets its text in italics.
    pub template: String,
}

/// How far a dossier export has got: items whose sources are gathered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportReport {
    pub path: String,
    pub bytes: u64,
}

/// What merging another notebook into this one would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MergePlan {
    /// The other notebook's path, as given.
    pub source: String,
    /// Articles of the other notebook this one does not hold (compared by text, white
    /// space aside).
    pub articles_new: u32,
    /// Articles both notebooks hold: the other's work on them is anchored in ours.
    pub articles_existing: u32,
    /// Statements, annotations and dossiers in the other notebook (those this one
    /// already holds are skipped when merging).
    pub statements: u32,
    pub annotations: u32,
    pub dossiers: u32,
    /// Every actor of the other notebook and what becomes of it.
    pub actors: Vec<ActorMatch>,
}

/// An actor of the other notebook, and the actors of this one it may be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActorMatch {
    /// Its id in the other notebook (what an [`ActorDecision`] names).
    pub source_id: i64,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub proposal: ActorProposal,
    /// Actors of this notebook whose name or an alias is one of its names (case and
    /// white space aside).
    pub candidates: Vec<Actor>,
}

/// What merging proposes for an actor of the other notebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum ActorProposal {
    /// No actor here goes by any of its names: it is added.
    New,
    /// One actor here has its name and kind, and no other matches: they are one.
    Same { target_id: i64 },
    /// A match by alias only, by name with another kind, or several candidates: the
    /// analyst decides.
    Conflict,
}

/// The analyst's answer for one actor of the other notebook; overrides the proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActorDecision {
    pub source_id: i64,
    /// The actor here it is; `None` keeps it as an actor of its own.
    pub target_id: Option<i64>,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MergeReport {
    pub articles_added: u32,
    /// Articles already here (their statements and annotations were re-anchored).
    pub articles_existing: u32,
    pub actors_added: u32,
    /// Actors of the other notebook that became actors already here.
    pub actors_matched: u32,
    pub statements_added: u32,
    /// Already here: same article, same content spans, same speakers.
    pub statements_skipped: u32,
    pub annotations_added: u32,
    /// Already here: same article, span and note.
    pub annotations_skipped: u32,
    pub dossiers_added: u32,
    /// Already here: same title and the same items.
    pub dossiers_skipped: u32,
    /// The snapshot taken just before merging (none when this notebook was empty).
    pub snapshot: Option<Snapshot>,
}

// ---- The actor registry and mentions (issue 4) ----

/// One name an actor goes by, and how it is found in articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActorAlias {
    pub id: i64,
    pub alias: String,
    /// Counts only after the actor was named in full in the same article (a surname,
    /// "the minister").
    pub weak: bool,
    /// A place standing for the actor ("Beijing" for China, "the White House").
    pub metonym: bool,
    /// What the actor's people are called ("Chinese").
    pub demonym: bool,
    /// Switched off by the analyst: not looked for.
    pub disabled: bool,
}

/// An alias as the analyst adds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewAlias {
    pub alias: String,
    #[serde(default)]
    pub weak: bool,
    #[serde(default)]
    pub metonym: bool,
    #[serde(default)]
    pub demonym: bool,
}

/// A position an actor holds: "Foreign Minister" of China, from 2023-07-25.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActorRole {
    pub id: i64,
    pub title: String,
    /// The actor the role is held in (a state, a party, an organisation).
    pub of_actor: Option<ActorRef>,
    /// ISO dates (or a year, a month), each optional.
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewRole {
    pub title: String,
    #[serde(default)]
    pub of_actor_id: Option<i64>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
}

/// The analyst's fields of an actor's profile; `None` clears a field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActorDetails {
    #[serde(default)]
    pub notes: String,
    /// A Wikidata item id (`Q148`).
    #[serde(default)]
    pub wikidata: Option<String>,
    /// `#rrggbb`.
    #[serde(default)]
    pub colour: Option<String>,
}

/// An article naming an actor, with how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MentionedArticle {
    pub article_id: i64,
    pub display_title: String,
    pub published: Option<String>,
    pub mentions: u32,
}

/// Everything known about one actor: the profile page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActorProfile {
    pub actor: Actor,
    pub details: ActorDetails,
    /// The gazetteer's code for a state loaded from it (`CN`).
    pub gazetteer_code: Option<String>,
    pub aliases: Vec<ActorAlias>,
    pub roles: Vec<ActorRole>,
    /// States or organisations it belongs to, and those belonging to it.
    pub member_of: Vec<ActorRef>,
    pub members: Vec<ActorRef>,
    /// Actors merged into this one (each can be unmerged).
    pub merged: Vec<ActorRef>,
    /// Set when this actor was merged into another.
    pub merged_into: Option<ActorRef>,
    pub mention_count: u32,
    /// Articles naming it, most mentions first.
    pub articles: Vec<MentionedArticle>,
    /// Its statements, by the article's publication date.
    pub statements: Vec<Statement>,
}

/// An actor named in an article: code points of the article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Mention {
    pub article_id: i64,
    pub actor: ActorRef,
    pub start: u32,
    pub end: u32,
    /// The words as written.
    pub text: String,
    /// The alias that matched; `None` for the actor's name.
    pub alias_id: Option<i64>,
    /// For a weak alias ("Wang"): where the actor was named in full before it.
    pub resolved_from: Option<u32>,
    pub metonym: bool,
}

/// A name in the articles that may be an actor not in the notebook yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActorCandidate {
    pub name: String,
    /// The title most often written before it ("Foreign Minister").
    pub title: Option<String>,
    /// Times it was found, and in how many articles.
    pub count: u32,
    pub articles: u32,
    /// The first article it was found in.
    pub first_article_id: i64,
}

/// What loading the gazetteer did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GazetteerReport {
    /// States added as actors.
    pub states_added: u32,
    /// States already here (by name or an earlier load) that got the gazetteer's names.
    pub states_existing: u32,
    pub aliases_added: u32,
}

/// Where an anchor stands after its article's text was replaced (W3C selectors tried
/// again): at the same place, found elsewhere, or waiting for the analyst.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AnchorStatus {
    #[default]
    Ok,
    Moved,
    NeedsReview,
}

named_enum!(AnchorStatus {
    Ok => "ok",
    Moved => "moved",
    NeedsReview => "needs_review",
});

/// A tag on highlights; `path` is hierarchical with "/" ("Economy/Trade").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Tag {
    pub id: i64,
    pub path: String,
    /// A CSS colour ("#c0392b"), if the analyst chose one.
    pub colour: Option<String>,
}

/// A tag with the number of highlights carrying it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TagCount {
    pub tag: Tag,
    pub annotations: u32,
}

/// Which stored anchor: a highlight, or one span of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum AnchorTarget {
    Annotation {
        id: i64,
    },
    StatementSpan {
        statement_id: i64,
        role: String,
        ord: u32,
    },
}

/// An anchor that needs the analyst's review after a text replacement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnchorReview {
    pub target: AnchorTarget,
    pub article_id: i64,
    pub article_title: String,
    /// The stored anchor: `exact`, `prefix` and `suffix` are the old quote and context;
    /// `start`..`end` is the proposed place in the new text.
    pub anchor: Anchor,
    /// The new text at the proposed place.
    pub proposed_text: String,
    pub score: f32,
    /// The highlight's note, or the statement's quote, to recognise it by.
    pub label: String,
}

/// What replacing an article's text did to its anchors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReattachReport {
    pub article_id: i64,
    /// Anchors at the same place.
    pub kept: u32,
    /// Anchors found elsewhere (or in changed words) and re-anchored there.
    pub moved: u32,
    pub needs_review: u32,
    /// Those needing review, for the list.
    pub review: Vec<AnchorReview>,
    /// Mentions found in the new text.
    pub mentions: u32,
}

/// The order of the article list. `Imported` is import order (the row id).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ArticleSort {
    #[default]
    Imported,
    Title,
    /// Publication date; undated articles come first ascending, last descending.
    Published,
    Outlet,
}

named_enum!(ArticleSort {
    Imported => "imported",
    Title => "title",
    Published => "published",
    Outlet => "outlet",
});

/// One page of the article list: sort, filters (`None` or blank: no filter) and window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticlePageQuery {
    pub sort: ArticleSort,
    pub descending: bool,
    /// The outlet, exactly (letter case aside).
    pub outlet: Option<String>,
    /// The language tag, exactly ("en").
    pub language: Option<String>,
    /// Published on or after this date (a prefix of an ISO date: "2024", "2024-03").
    pub from: Option<String>,
    /// Published on or before this date (same form).
    pub to: Option<String>,
    /// Words the title or the byline contain (letter case aside for A–Z).
    pub contains: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

/// A page of the article list and how many articles match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticlePage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<ArticleSummary>,
}

/// The order of the statements table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StatementSort {
    /// Article import order, then the order the statements were recorded in
    /// (extraction records an article's proposals in reading order).
    #[default]
    Article,
    /// The article's publication date (undated articles first ascending), then as
    /// `Article`. A statement's own date does not count here: the order comes from
    /// an index, so a page stays fast among 300,000 statements.
    Date,
    /// The first speaker's name; statements without a speaker last ascending.
    Speaker,
    Kind,
    Status,
}

named_enum!(StatementSort {
    Article => "article",
    Date => "date",
    Speaker => "speaker",
    Kind => "kind",
    Status => "status",
});

/// One page of the statements table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementPageQuery {
    pub filter: StatementFilter,
    /// Only statements with this status (`None`: all).
    pub status: Option<StatementStatus>,
    pub sort: StatementSort,
    pub descending: bool,
    pub offset: u32,
    pub limit: u32,
}

/// A page of the statements table and how many statements match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<Statement>,
}

/// What the next Undo and Redo would do, by the labels of their steps ("Add highlight").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UndoState {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// The kind of thing a trash entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TrashKind {
    Annotation,
    Statement,
    Actor,
    Dossier,
    Article,
}

named_enum!(TrashKind {
    Annotation => "annotation",
    Statement => "statement",
    Actor => "actor",
    Dossier => "dossier",
    Article => "article",
});

/// A deleted thing that can be put back, with what was deleted along with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrashEntry {
    pub id: i64,
    pub kind: TrashKind,
    /// The id the thing had (and gets back when restored).
    pub item_id: i64,
    /// What it was, in words: a highlight's passage, an actor's name, a title.
    pub label: String,
    /// UTC, ISO 8601.
    pub deleted_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_names_match_serde<T: Serialize + Copy>(all: &[T], as_str: fn(T) -> &'static str) {
        for &v in all {
            assert_eq!(serde_json::to_value(v).unwrap(), as_str(v));
        }
    }

    #[test]
    fn stored_names_are_the_serde_names() {
        assert_names_match_serde(SourceFormat::ALL, SourceFormat::as_str);
        assert_names_match_serde(ActorKind::ALL, ActorKind::as_str);
        assert_names_match_serde(Stance::ALL, Stance::as_str);
        assert_names_match_serde(SnapshotReason::ALL, SnapshotReason::as_str);
        assert_names_match_serde(ExportFormat::ALL, ExportFormat::as_str);
        assert_names_match_serde(StatementKind::ALL, StatementKind::as_str);
        assert_names_match_serde(StatementStatus::ALL, StatementStatus::as_str);
        assert_names_match_serde(StatementRole::ALL, StatementRole::as_str);
        assert_names_match_serde(ArticleSort::ALL, ArticleSort::as_str);
        assert_names_match_serde(StatementSort::ALL, StatementSort::as_str);
        assert_names_match_serde(AnchorStatus::ALL, AnchorStatus::as_str);
        assert_names_match_serde(TrashKind::ALL, TrashKind::as_str);
        assert_eq!(
            ActorKind::parse("media_outlet"),
            Some(ActorKind::MediaOutlet)
        );
        assert_eq!(StatementStatus::parse("maybe"), None);
    }
}
