//! `attest`: the notebook from the command line. Every verb is a thin call into
//! `attest_api`, the same functions the desktop app's commands call.
//!
//! Exit status: 0 when everything went well, 1 when something failed (every file is
//! still reported), 2 on a usage error.

mod actors;
mod anchors;
mod bench;
mod bench_notebook;
mod search;
mod trash;
mod variants;

use attest_api::{
    cloud_warning, default_notebook_path, inspect_with, list_snapshots, notebook_diagnostics,
    restore_snapshot, Api, ApiError, InspectRecord, MentionLookup, Snapshot, SnapshotReason,
};
use attest_core::*;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

#[derive(Parser)]
#[command(
    name = "attest",
    version,
    about = "Attest research notebook, from the command line"
)]
struct Cli {
    /// Notebook file (default: the desktop app's default notebook).
    #[arg(long, global = true, value_name = "FILE")]
    notebook: Option<PathBuf>,
    /// Print JSON (one object per line) instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import article files (.txt, .md, .html, .pdf, .docx, .eml, .zip…), or folders of them, into the notebook.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the notebook's articles.
    Articles,
    /// Run the import pipeline on files without a notebook and print what would be stored.
    Inspect {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Report on the notebook for a bug report: sizes, counts, checks, snapshots (no
    /// article text). Works on a notebook that cannot be opened.
    Diagnose,
    /// Search articles, notes and statements (words, "phrases", prefix*, AND/OR/NOT,
    /// parentheses), with filters.
    Search(search::SearchArgs),
    /// People, organisations and states.
    #[command(subcommand)]
    Actors(ActorsCommand),
    /// Who said what.
    #[command(subcommand)]
    Statements(StatementsCommand),
    /// Ordered collections of statements.
    #[command(subcommand)]
    Dossiers(DossiersCommand),
    /// Compile a dossier (by id or title) into a document or a data file.
    Export {
        dossier: String,
        /// md, html, docx, pdf, csv, json, jsonld, graphml or gexf; by default the
        /// extension of --out.
        #[arg(long, value_parser = export_format)]
        format: Option<ExportFormat>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// How compiled dossiers cite their sources.
    #[command(subcommand)]
    CitationStyle(CitationStyleCommand),
    /// Snapshots of the notebook, kept in `<notebook file>.backups/` beside it.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Merge another notebook into this one: its articles (matched by text), actors,
    /// statements, annotations and dossiers. The other file is only read; this one is
    /// backed up first.
    Merge {
        /// The other notebook file.
        other: PathBuf,
        /// Print what would be merged and how each actor would be matched; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Their actor is one of ours: "Their name=Our name" (repeatable).
        #[arg(long = "same", value_name = "THEIRS=OURS")]
        same: Vec<String>,
        /// Keep their actor apart from ours, even where a name matches (repeatable).
        #[arg(long = "separate", value_name = "THEIRS")]
        separate: Vec<String>,
    },
    /// Deleted highlights, statements, actors, dossiers and articles, kept until the
    /// trash is emptied.
    #[command(subcommand)]
    Trash(trash::TrashCommand),
    /// Measure speed and memory (see BENCHMARKS.md).
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Replace an article's text with a corrected file (read as import reads it);
    /// highlights and statements are re-attached, and those not found are listed for
    /// review.
    Reimport { article_id: i64, file: PathBuf },
    /// Anchors needing review after an article's text was replaced, and resolving them.
    Anchors(anchors::AnchorsArgs),
    /// Tags on highlights ("Economy/Trade"), with colours.
    #[command(subcommand)]
    Tags(anchors::TagsCommand),
}

#[derive(Subcommand)]
enum BackupCommand {
    /// List the snapshots, newest first (works on a damaged notebook too).
    List,
    /// Take a snapshot now.
    Create,
    /// Put a snapshot in place of the notebook; the current file is kept beside it as
    /// `<notebook>.replaced-<time>`. Close the notebook in the app first.
    Restore {
        /// The snapshot: a path, or a file name from `attest backup list`.
        snapshot: PathBuf,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Show how many snapshots are kept, or set it (the oldest beyond it are deleted).
    Keep { n: Option<usize> },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Write news-length .txt articles drawn from a folder of real ones (--out), or
    /// build a notebook of them directly (--notebook, a new file): varied metadata,
    /// actors, statements, annotations and one 20,000-word article with 1,000
    /// highlights.
    Generate {
        /// Folder of .txt articles (e.g. ../shared/corpus/polnear-train/text).
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Import files into the notebook (give a fresh one with --notebook) and report the rate.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Build a dossier of real quotations in a fresh notebook (--notebook) and time
    /// its compilation to every format.
    Dossier {
        /// Folder of .txt articles (e.g. ../shared/corpus/polnear-train/text).
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        #[arg(long, default_value_t = 1_000)]
        statements: usize,
    },
    /// Time finding actor mentions: synthetic actors (five names each) over articles
    /// drawn from a folder of real ones, as `generate` draws them.
    Mentions {
        /// Folder of .txt articles (e.g. ../shared/corpus/polnear-train/text).
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        #[arg(long, default_value_t = 1_000)]
        actors: usize,
    },
    /// Time pages of the article list and statements table at random offsets and
    /// sorts in the notebook (e.g. one `generate --notebook` made).
    Lists {
        #[arg(long, default_value_t = 200)]
        runs: usize,
    },
    /// Time searches (a page of 20 hits with snippets) on a realistic mix of queries
    /// drawn from the notebook's own words; prints p50/p95/max in ms.
    Search {
        #[arg(long, default_value_t = 500)]
        queries: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Read and extract files as an import does (text and metadata), storing nothing, and report the rate.
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ActorsCommand {
    /// Add an actor.
    Add {
        name: String,
        /// person, organization, state, party, media_outlet or other.
        #[arg(long, default_value = "person", value_parser = actor_kind)]
        kind: ActorKind,
        /// Another name the actor goes by (repeatable).
        #[arg(long = "alias", value_name = "ALIAS")]
        aliases: Vec<String>,
        /// A name that counts only after the full name in the same article: a surname,
        /// "the minister" (repeatable).
        #[arg(long = "weak-alias", value_name = "ALIAS")]
        weak_aliases: Vec<String>,
        /// A place standing for the actor: "Beijing", "the White House" (repeatable).
        #[arg(long = "metonym", value_name = "ALIAS")]
        metonyms: Vec<String>,
    },
    /// Add an alias to an actor, or change one it has (flags, on/off, removal).
    Alias {
        /// The actor's name or an alias.
        actor: String,
        alias: String,
        /// Counts only after the actor's full name in the same article.
        #[arg(long)]
        weak: bool,
        /// A place standing for the actor.
        #[arg(long)]
        metonym: bool,
        /// What the actor's people are called ("Chinese").
        #[arg(long)]
        demonym: bool,
        /// Switch the alias off: it is no longer looked for in articles.
        #[arg(long, conflicts_with_all = ["enable", "remove"])]
        disable: bool,
        /// Switch a disabled alias on again.
        #[arg(long, conflicts_with = "remove")]
        enable: bool,
        /// Remove the alias.
        #[arg(long)]
        remove: bool,
    },
    /// Give an actor a role: "Foreign Minister" of China, from a date to a date.
    Role {
        actor: String,
        title: String,
        /// The actor the role is held in (a state, a party, an organisation).
        #[arg(long, value_name = "ACTOR")]
        of: Option<String>,
        /// 2023, 2023-07 or 2023-07-25.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
    },
    /// Record that an actor belongs to another (an organisation to a state).
    Member {
        actor: String,
        /// The state or organisation it belongs to.
        group: String,
        /// Remove the membership instead.
        #[arg(long)]
        remove: bool,
    },
    /// Set an actor's notes, Wikidata id and colour.
    Edit {
        actor: String,
        #[arg(long)]
        notes: Option<String>,
        /// Q and digits (Q148), or its wikidata.org URL; "" clears it.
        #[arg(long)]
        wikidata: Option<String>,
        /// #rrggbb; "" clears it.
        #[arg(long)]
        colour: Option<String>,
    },
    /// Merge an actor into another: its aliases, roles, mentions and statements become
    /// the other's. Undo with `unmerge`.
    Merge {
        /// The actor kept.
        into: String,
        /// The actor merged into it.
        merged: String,
    },
    /// Undo a merge: the merged actor and the one it went into are as before.
    Unmerge { actor: String },
    /// Move some of an actor's aliases to a new actor.
    Split {
        actor: String,
        /// The new actor's name.
        #[arg(long)]
        name: String,
        /// An alias to move (repeatable).
        #[arg(long = "alias", value_name = "ALIAS", required = true)]
        aliases: Vec<String>,
        /// The new actor's kind (by default the actor's own).
        #[arg(long, value_parser = actor_kind)]
        kind: Option<ActorKind>,
    },
    /// List actors.
    List,
    /// An actor's profile: aliases, roles, mentions, the articles naming it, and its
    /// statements by date.
    Show { actor: String },
    /// Load the built-in gazetteer of states (capitals as metonyms, demonyms, short names).
    Gazetteer,
    /// Names in the articles that may be actors not in the notebook yet, with counts.
    Candidates {
        #[arg(long)]
        article: Option<i64>,
    },
    /// The actors named in an article, in code points of its text.
    Mentions { article: i64 },
}

#[derive(Subcommand)]
enum StatementsCommand {
    /// Record a statement: content span in code points of the article's text.
    Add(AddStatement),
    /// Set a statement's stance and topics (replacing the old ones).
    Code {
        id: i64,
        #[command(flatten)]
        coding: Coding,
    },
    /// List statements.
    List {
        #[arg(long)]
        article: Option<i64>,
        /// Actor name or alias.
        #[arg(long = "actor", visible_alias = "speaker", value_name = "NAME")]
        speaker: Option<String>,
        /// proposed, accepted or rejected.
        #[arg(long, value_parser = statement_status)]
        status: Option<StatementStatus>,
    },
    /// Propose statements by extraction, speakers resolved to actors: in one article, or
    /// in every article not read yet. Proposals overlapping a statement already there
    /// are skipped.
    Suggest {
        #[arg(long)]
        article: Option<i64>,
        /// Store them as accepted rather than proposed.
        #[arg(long)]
        accept: bool,
    },
    /// Accept a proposed statement.
    Accept { id: i64 },
    /// Reject a statement (kept, so it is not proposed again; left out of dossiers).
    Reject { id: i64 },
    /// Near-identical quotes grouped as variants of one statement (a pull quote and the
    /// body's version, one quote in two outlets), with the words that differ.
    Variants {
        /// Only the groups holding a statement of this article.
        #[arg(long)]
        article: Option<i64>,
    },
}

#[derive(Args)]
struct AddStatement {
    #[arg(long)]
    article: i64,
    #[arg(long)]
    content_start: u32,
    #[arg(long)]
    content_end: u32,
    /// Speaker's name or alias (the actor must exist); repeat for joint statements.
    #[arg(long = "speaker", value_name = "SPEAKER", required = true)]
    speakers: Vec<String>,
    /// direct, indirect or mixed.
    #[arg(long, default_value = "direct", value_parser = statement_kind)]
    kind: StatementKind,
    #[command(flatten)]
    coding: Coding,
}

/// Stance and topics of a statement.
#[derive(Args)]
struct Coding {
    /// supports, opposes or neutral.
    #[arg(long, value_parser = stance)]
    stance: Option<Stance>,
    /// A topic tag (repeatable).
    #[arg(long = "topic", value_name = "TOPIC")]
    topics: Vec<String>,
}

/// Which statements a saved-query dossier holds.
#[derive(Args)]
struct QueryArgs {
    /// Keep the dossier current: its items are the statements matching the filters
    /// below (all statements when none is given).
    #[arg(long)]
    saved_query: bool,
    /// Speaker's name or alias.
    #[arg(long)]
    actor: Option<String>,
    #[arg(long)]
    topic: Option<String>,
    #[arg(long, value_parser = stance)]
    stance: Option<Stance>,
    #[arg(long)]
    outlet: Option<String>,
    /// Earliest publication date (2026-05-01, 2026-05 or 2026).
    #[arg(long)]
    from: Option<String>,
    /// Latest publication date.
    #[arg(long)]
    to: Option<String>,
}

#[derive(Subcommand)]
enum CitationStyleCommand {
    /// Print the style in use and the built-in ones.
    Show,
    /// Use a built-in style (attest, chicago, apa) or your own template.
    Set {
        #[arg(long, conflicts_with = "template")]
        preset: Option<String>,
        /// A minijinja template over byline, title, outlet, published, paragraph, url,
        /// dateline; `{{ title | italic }}` sets italics.
        #[arg(long)]
        template: Option<String>,
    },
}

#[derive(Subcommand)]
enum DossiersCommand {
    /// Create a dossier, or a saved-query dossier that stays current.
    Create {
        title: String,
        #[arg(long, default_value = "")]
        description: String,
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Rename a dossier or rewrite its description.
    Edit {
        dossier: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
    },
    /// Append a section heading.
    Section { dossier: String, title: String },
    /// Append a whole article.
    Article { dossier: String, article_id: i64 },
    /// Append a paragraph of your own.
    Comment { dossier: String, text: String },
    /// Turn a saved-query dossier into a fixed one with the statements matching now.
    Freeze { dossier: String },
    /// Append statements to a dossier (by id or title).
    Add {
        dossier: String,
        #[arg(required = true)]
        statement_ids: Vec<i64>,
    },
    /// List dossiers.
    List,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Runs one verb; `Ok(false)` when some part of it failed but was reported.
fn run(cli: Cli) -> Result<bool, ApiError> {
    let out = Output { json: cli.json };
    match cli.command {
        Command::Inspect { paths } => {
            // With a notebook, its actors' mentions; else the gazetteer's states.
            let lookup = match &cli.notebook {
                Some(path) => Api::open(path)?.mention_finder()?,
                None => MentionLookup::gazetteer()?,
            };
            Ok(inspect_files(&out, &paths, &lookup))
        }
        Command::Bench(BenchCommand::Generate {
            from,
            articles,
            out: dir,
            seed,
        }) => {
            if let Some(dir) = dir {
                let n = bench::generate(&from, articles, &dir, seed)?;
                out.print(&n, || format!("wrote {n} articles to {}", dir.display()));
                return Ok(true);
            }
            let notebook = cli.notebook.ok_or_else(|| {
                ApiError::invalid("give a folder with --out or a new notebook with --notebook")
            })?;
            let figures = bench_notebook::generate_notebook(&from, articles, &notebook, seed)?;
            out.print(&figures, || figures.line());
            Ok(true)
        }
        Command::Bench(BenchCommand::Lists { runs }) => {
            let notebook = cli
                .notebook
                .ok_or_else(|| ApiError::invalid("give the notebook to measure with --notebook"))?;
            for figure in bench_notebook::lists(&notebook, runs)? {
                out.print(&figure, || figure.line());
            }
            Ok(true)
        }
        Command::Bench(BenchCommand::Mentions {
            from,
            articles,
            actors,
        }) => {
            let figures = bench::mentions(&from, articles, actors)?;
            out.print(&figures, || figures.line());
            Ok(true)
        }
        Command::Bench(BenchCommand::Extract { paths }) => {
            let figures = bench::extract(&paths)?;
            out.print(&figures, || figures.line());
            Ok(true)
        }
        Command::Bench(BenchCommand::Dossier { from, statements }) => {
            let notebook = cli.notebook.ok_or_else(|| {
                ApiError::invalid(
                    "give a new notebook file to build the dossier in with --notebook",
                )
            })?;
            for figure in bench::dossier(&notebook, &from, statements)? {
                out.print(&figure, || figure.line());
            }
            Ok(true)
        }
        Command::Bench(BenchCommand::Search { queries, seed }) => {
            let notebook = cli
                .notebook
                .ok_or_else(|| ApiError::invalid("give the notebook to search with --notebook"))?;
            let figures = search::bench(&notebook, queries.max(1), seed)?;
            out.print(&figures, || figures.line());
            Ok(true)
        }
        Command::Bench(BenchCommand::Import { paths }) => {
            let notebook = cli.notebook.ok_or_else(|| {
                ApiError::invalid("give the notebook to import into with --notebook (a new file)")
            })?;
            let figures = bench::import(&notebook, &paths)?;
            out.print(&figures, || figures.line());
            Ok(true)
        }
        command => {
            let path = match cli.notebook {
                Some(p) => p,
                None => default_notebook_path()?,
            };
            match command {
                // Without opening the notebook: it may be the damaged one.
                Command::Backup(BackupCommand::List) => {
                    let snapshots = list_snapshots(&path)?;
                    if snapshots.is_empty() && !out.json {
                        println!("{} has no backups yet", path.display());
                    }
                    for s in &snapshots {
                        out.print(s, || snapshot_line(s));
                    }
                    Ok(true)
                }
                Command::Backup(BackupCommand::Restore { snapshot, yes }) => {
                    restore(&out, &path, &snapshot, yes)
                }
                // Also when the notebook cannot be opened: that is when it is wanted.
                Command::Diagnose => {
                    let opened = Api::open(&path);
                    print!("{}", notebook_diagnostics(&path, opened.as_ref()));
                    Ok(opened.is_ok())
                }
                command => {
                    if let Some(warning) = cloud_warning(&path) {
                        eprintln!("warning: {warning}");
                    }
                    run_on_notebook(&out, Api::open(&path)?, command)
                }
            }
        }
    }
}

/// `inspect`: the import pipeline without a notebook.
fn inspect_files(out: &Output, paths: &[PathBuf], lookup: &MentionLookup) -> bool {
    let mut all_ok = true;
    for record in inspect_with(paths, lookup) {
        all_ok &= record.ok;
        if out.json {
            out.line(&record);
        } else {
            match (&record.article, &record.error) {
                (Some(a), _) => println!(
                    "{}\n  title: {}\n  byline: {}\n  dateline: {}\n  characters: {}\n  mentions: {}",
                    label(&record),
                    a.meta.title.as_deref().unwrap_or("(none)"),
                    a.meta.byline.as_deref().unwrap_or("(none)"),
                    a.meta.dateline.as_deref().unwrap_or("(none)"),
                    text::char_len(&a.text),
                    mention_summary(&record.mentions)
                ),
                (None, error) => println!(
                    "{}\n  failed: {}",
                    label(&record),
                    error.as_deref().unwrap_or("")
                ),
            }
        }
    }
    all_ok
}

/// "China ×3, Pakistan" for `inspect`'s text output.
fn mention_summary(mentions: &[serde_json::Value]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in mentions {
        let actor = m["actor"].as_str().unwrap_or("").to_owned();
        match counts.iter_mut().find(|(a, _)| *a == actor) {
            Some((_, n)) => *n += 1,
            None => counts.push((actor, 1)),
        }
    }
    if counts.is_empty() {
        return "(none)".into();
    }
    let parts: Vec<String> = counts
        .into_iter()
        .map(|(a, n)| if n == 1 { a } else { format!("{a} ×{n}") })
        .collect();
    parts.join(", ")
}

/// The file, and the part of it when it holds several articles.
fn label(record: &InspectRecord) -> String {
    match &record.part {
        Some(part) => format!("{} › {part}", record.file),
        None => record.file.clone(),
    }
}

fn run_on_notebook(out: &Output, mut api: Api, command: Command) -> Result<bool, ApiError> {
    match command {
        Command::Inspect { paths } => {
            return Ok(inspect_files(out, &paths, &api.mention_finder()?))
        }
        // Handled in `run`, before a notebook is opened.
        Command::Bench(_)
        | Command::Diagnose
        | Command::Backup(BackupCommand::List | BackupCommand::Restore { .. }) => return Ok(false),
        Command::Merge {
            other,
            dry_run,
            same,
            separate,
        } => return merge(out, &mut api, &other, dry_run, &same, &separate),
        Command::Backup(BackupCommand::Create) => {
            let s = api.create_snapshot(SnapshotReason::Manual)?;
            out.print(&s, || {
                format!("backed up to {} ({})", s.path.display(), size(s.bytes))
            });
        }
        Command::Backup(BackupCommand::Keep { n }) => {
            if let Some(n) = n {
                api.set_backup_keep(n)?;
            }
            let keep = api.backup_keep()?;
            out.print(&serde_json::json!({ "keep": keep }), || {
                format!("keeps the newest {keep} backups")
            });
        }
        Command::Import { paths } => {
            let reports = import_with_progress(&mut api, &paths);
            for r in &reports {
                out.print(r, || match &r.outcome {
                    ImportOutcome::Imported {
                        article_id, title, ..
                    } => {
                        format!("imported   {}  → #{article_id} “{title}”", r.file)
                    }
                    ImportOutcome::Related {
                        article_id,
                        title,
                        related,
                        ..
                    } => format!(
                        "related    {}  → #{article_id} “{title}” ({:.0} % like #{} “{}”)",
                        r.file,
                        related.similarity * 100.0,
                        related.id,
                        related.display_title
                    ),
                    ImportOutcome::Duplicate { article_id, title } => {
                        format!("duplicate  {}  (already #{article_id} “{title}”)", r.file)
                    }
                    ImportOutcome::Failed { reason } => format!("failed     {}: {reason}", r.file),
                    ImportOutcome::Cancelled => format!("cancelled  {}", r.file),
                });
            }
            return Ok(!reports
                .iter()
                .any(|r| matches!(r.outcome, ImportOutcome::Failed { .. })));
        }
        Command::Articles => {
            for a in api.articles()? {
                out.print(&a, || summary_line(&a));
            }
        }
        Command::Search(args) => return search::search(&api, out.json, args),
        Command::Reimport { article_id, file } => {
            anchors::reimport(out, &mut api, article_id, &file)?
        }
        Command::Anchors(args) => anchors::anchors(out, &mut api, args)?,
        Command::Tags(command) => anchors::tags(out, &mut api, command)?,
        Command::Actors(ActorsCommand::Add {
            name,
            kind,
            aliases,
            weak_aliases,
            metonyms,
        }) => {
            let mut actor = api.add_actor(&NewActor {
                name,
                kind,
                aliases,
            })?;
            let flagged = weak_aliases
                .into_iter()
                .map(|a| (a, true, false))
                .chain(metonyms.into_iter().map(|a| (a, false, true)));
            for (alias, weak, metonym) in flagged {
                actor = api
                    .add_alias_with(
                        actor.id,
                        &NewAlias {
                            alias,
                            weak,
                            metonym,
                            demonym: false,
                        },
                    )?
                    .actor;
            }
            out.print(&actor, || actor_line(&actor));
        }
        Command::Actors(ActorsCommand::List) => {
            for a in api.actors()? {
                out.print(&a, || actor_line(&a));
            }
        }
        Command::Actors(command) => actors::actors(out, &mut api, command)?,
        Command::Trash(command) => trash::trash(out, &mut api, command)?,
        Command::Statements(StatementsCommand::Add(add)) => {
            let speaker_actor_ids = add
                .speakers
                .iter()
                .map(|name| api.actor_named(name).map(|a| a.id))
                .collect::<Result<_, _>>()?;
            let s = api.add_statement(&NewStatement {
                speaker_actor_ids,
                kind: add.kind,
                stance: add.coding.stance,
                topics: add.coding.topics,
                ..NewStatement::direct(
                    add.article,
                    vec![Span {
                        start: add.content_start,
                        end: add.content_end,
                    }],
                )
            })?;
            out.print(&s, || statement_line(&s));
        }
        Command::Statements(StatementsCommand::List {
            article,
            speaker,
            status,
        }) => {
            let actor_id = speaker
                .map(|name| api.actor_named(&name))
                .transpose()?
                .map(|a| a.id);
            for s in api.statements(&StatementFilter {
                article_id: article,
                actor_id,
            })? {
                if status.is_none_or(|st| st == s.status) {
                    out.print(&s, || statement_line(&s));
                }
            }
        }
        Command::Statements(StatementsCommand::Suggest { article, accept }) => {
            let status = if accept {
                StatementStatus::Accepted
            } else {
                StatementStatus::Proposed
            };
            let list = match article {
                Some(id) => api.suggest_statements_as(id, status)?,
                None => api.suggest_all_as(status)?,
            };
            for s in &list {
                out.print(s, || proposal_line(s));
            }
            if !out.json {
                eprintln!(
                    "{} statement{} {}",
                    list.len(),
                    if list.len() == 1 { "" } else { "s" },
                    if accept { "accepted" } else { "proposed" }
                );
            }
        }
        Command::Statements(StatementsCommand::Accept { id }) => {
            let s = api.accept_statement(id)?;
            out.print(&s, || statement_line(&s));
        }
        Command::Statements(StatementsCommand::Reject { id }) => {
            let s = api.reject_statement(id)?;
            out.print(&s, || statement_line(&s));
        }
        Command::Statements(StatementsCommand::Variants { article }) => {
            variants::variants(out, &api, article)?
        }
        Command::Dossiers(DossiersCommand::Create {
            title,
            description,
            query,
        }) => {
            let d = match dossier_query(&api, query)? {
                Some(q) => api.create_query_dossier(&title, &description, &q)?,
                None => api.create_dossier(&title, &description)?,
            };
            out.print(&d, || dossier_line(&d));
        }
        Command::Dossiers(DossiersCommand::Edit {
            dossier,
            title,
            description,
        }) => {
            let d = api.find_dossier(&dossier)?;
            let detail = api.update_dossier(
                d.id,
                title.as_deref().unwrap_or(&d.title),
                description.as_deref().unwrap_or(&d.description),
            )?;
            out.print(&detail.dossier, || dossier_line(&detail.dossier));
        }
        Command::Dossiers(DossiersCommand::Section { dossier, title }) => {
            let id = api.find_dossier(&dossier)?.id;
            let detail = api.add_section(id, &title)?;
            out.print(&detail.dossier, || dossier_line(&detail.dossier));
        }
        Command::Dossiers(DossiersCommand::Article {
            dossier,
            article_id,
        }) => {
            let id = api.find_dossier(&dossier)?.id;
            let detail = api.add_article_to_dossier(id, article_id)?;
            out.print(&detail.dossier, || dossier_line(&detail.dossier));
        }
        Command::Dossiers(DossiersCommand::Comment { dossier, text }) => {
            let id = api.find_dossier(&dossier)?.id;
            let detail = api.add_commentary(id, &text)?;
            out.print(&detail.dossier, || dossier_line(&detail.dossier));
        }
        Command::Dossiers(DossiersCommand::Freeze { dossier }) => {
            let id = api.find_dossier(&dossier)?.id;
            let detail = api.freeze_dossier(id)?;
            out.print(&detail.dossier, || dossier_line(&detail.dossier));
        }
        Command::Statements(StatementsCommand::Code { id, coding }) => {
            let s = api.set_statement_coding(id, coding.stance, &coding.topics)?;
            out.print(&s, || statement_line(&s));
        }
        Command::CitationStyle(CitationStyleCommand::Show) => {
            let style = api.citation_style()?;
            out.print(&style, || {
                let presets: Vec<String> = api
                    .citation_styles()
                    .into_iter()
                    .map(|p| format!("  {}: {}", p.name, p.template))
                    .collect();
                format!(
                    "in use: {}\n  {}\nbuilt in:\n{}",
                    style.name,
                    style.template,
                    presets.join("\n")
                )
            });
        }
        Command::CitationStyle(CitationStyleCommand::Set { preset, template }) => {
            let style = match (preset, template) {
                (_, Some(template)) => CitationStyle {
                    name: "custom".into(),
                    template,
                },
                (Some(name), None) => api
                    .citation_styles()
                    .into_iter()
                    .find(|s| s.name == name)
                    .ok_or_else(|| {
                        ApiError::invalid(format!(
                            "no built-in style “{name}” (attest, chicago, apa)"
                        ))
                    })?,
                (None, None) => {
                    return Err(ApiError::invalid("give --preset NAME or --template TEXT"))
                }
            };
            let style = api.set_citation_style(&style)?;
            out.print(&style, || format!("citation style: {}", style.name));
        }
        Command::Dossiers(DossiersCommand::Add {
            dossier,
            statement_ids,
        }) => {
            let id = api.find_dossier(&dossier)?.id;
            let detail = api.add_to_dossier(id, &statement_ids)?;
            out.print(&detail.dossier, || dossier_line(&detail.dossier));
        }
        Command::Dossiers(DossiersCommand::List) => {
            for d in api.dossiers()? {
                out.print(&d, || dossier_line(&d));
            }
        }
        Command::Export {
            dossier,
            format,
            out: file,
        } => {
            let format = match format {
                Some(f) => f,
                None => file
                    .extension()
                    .and_then(|e| ExportFormat::from_extension(&e.to_string_lossy()))
                    .ok_or_else(|| {
                        ApiError::invalid(format!(
                            "say which format with --format (the extension of {} does not tell)",
                            file.display()
                        ))
                    })?,
            };
            let id = api.find_dossier(&dossier)?.id;
            let report = api.export_dossier(id, format, &file)?;
            out.print(&report, || {
                format!("wrote {} ({} bytes)", report.path, report.bytes)
            });
        }
    }
    Ok(true)
}

/// `backup restore`: asks first on a terminal unless `--yes`.
fn restore(out: &Output, notebook: &Path, snapshot: &Path, yes: bool) -> Result<bool, ApiError> {
    // A bare name from `backup list` is looked up among the notebook's snapshots.
    let snapshot = if snapshot.exists() {
        snapshot.to_path_buf()
    } else {
        list_snapshots(notebook)?
            .into_iter()
            .find(|s| s.path.file_name() == Some(snapshot.as_os_str()))
            .map(|s| s.path)
            .unwrap_or_else(|| snapshot.to_path_buf())
    };
    if !yes {
        let question = format!(
            "Replace {} with the backup {}? The current file is kept beside it. [y/N] ",
            notebook.display(),
            snapshot.display()
        );
        if !std::io::stdin().is_terminal() {
            return Err(ApiError::invalid(format!(
                "restoring replaces {}: add --yes to go ahead",
                notebook.display()
            )));
        }
        eprint!("{question}");
        let mut answer = String::new();
        let _ = std::io::stdin().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            eprintln!("nothing changed");
            return Ok(false);
        }
    }
    let kept = restore_snapshot(&snapshot, notebook)?;
    let record = serde_json::json!({
        "notebook": notebook,
        "snapshot": snapshot,
        "kept_aside": kept,
    });
    out.print(&record, || {
        let kept = kept
            .as_ref()
            .map(|k| format!("; the replaced notebook is kept as {}", k.display()))
            .unwrap_or_default();
        format!(
            "restored {} from {}{kept}",
            notebook.display(),
            snapshot.display()
        )
    });
    Ok(true)
}

/// `merge`: the plan with `--dry-run`; else the merge, unless actors are undecided.
fn merge(
    out: &Output,
    api: &mut Api,
    other: &Path,
    dry_run: bool,
    same: &[String],
    separate: &[String],
) -> Result<bool, ApiError> {
    let plan = api.merge_plan(other)?;
    let decisions = merge_decisions(api, &plan, same, separate)?;
    let decided = |a: &ActorMatch| decisions.iter().rev().find(|d| d.source_id == a.source_id);
    if dry_run {
        out.print(&plan, || {
            let mut lines = vec![
                format!("merging {} would bring:", plan.source),
                format!(
                    "  articles: {} new, {} already here",
                    plan.articles_new, plan.articles_existing
                ),
                format!(
                    "  statements: {}, annotations: {}, dossiers: {} (those already here are \
                     skipped)",
                    plan.statements, plan.annotations, plan.dossiers
                ),
                format!("  actors: {}", plan.actors.len()),
            ];
            for a in &plan.actors {
                lines.push(format!("    {}", actor_match_line(a, decided(a), api)));
            }
            lines.join("\n")
        });
        return Ok(true);
    }
    let undecided: Vec<&ActorMatch> = plan
        .actors
        .iter()
        .filter(|a| a.proposal == ActorProposal::Conflict && decided(a).is_none())
        .collect();
    if !undecided.is_empty() {
        let n = undecided.len();
        eprintln!(
            "error: {n} {} of {} {} a decision before merging; nothing was merged:",
            if n == 1 { "actor" } else { "actors" },
            plan.source,
            if n == 1 { "needs" } else { "need" }
        );
        for a in undecided {
            eprintln!(
                "  “{}” [{}] may be {}; answer with one of:",
                a.name,
                a.kind.as_str(),
                candidates(a)
            );
            for c in &a.candidates {
                eprintln!("    --same \"{}={}\"", a.name, c.name);
            }
            eprintln!("    --separate \"{}\"", a.name);
        }
        return Ok(false);
    }
    let report = api.merge(other, &decisions)?;
    out.print(&report, || {
        let r = &report;
        let mut text = format!(
            "merged {}:\n  articles: {} added, {} already here\n  actors: {} added, {} \
             matched to ours\n  statements: {} added, {} already here\n  annotations: {} \
             added, {} already here\n  dossiers: {} added, {} already here",
            plan.source,
            r.articles_added,
            r.articles_existing,
            r.actors_added,
            r.actors_matched,
            r.statements_added,
            r.statements_skipped,
            r.annotations_added,
            r.annotations_skipped,
            r.dossiers_added,
            r.dossiers_skipped
        );
        if let Some(s) = &r.snapshot {
            text += &format!(
                "\nthe notebook as it was before is backed up at {}",
                s.path.display()
            );
        }
        text
    });
    Ok(true)
}

/// The decisions `--same "Theirs=Ours"` and `--separate "Theirs"` stand for.
fn merge_decisions(
    api: &Api,
    plan: &MergePlan,
    same: &[String],
    separate: &[String],
) -> Result<Vec<ActorDecision>, ApiError> {
    let theirs = |name: &str| -> Result<i64, ApiError> {
        let wanted = normalise(name);
        let by_name = plan.actors.iter().find(|a| normalise(&a.name) == wanted);
        let mut by_alias = plan
            .actors
            .iter()
            .filter(|a| a.aliases.iter().any(|x| normalise(x) == wanted));
        match (by_name, by_alias.next(), by_alias.next()) {
            (Some(a), _, _) | (None, Some(a), None) => Ok(a.source_id),
            (None, Some(_), Some(_)) => Err(ApiError::invalid(format!(
                "several actors of {} go by “{name}”: give the name",
                plan.source
            ))),
            (None, None, _) => Err(ApiError::invalid(format!(
                "{} has no actor named “{name}” (see them with --dry-run)",
                plan.source
            ))),
        }
    };
    let mut decisions = Vec::new();
    for pair in same {
        let Some((their_name, our_name)) = pair.split_once('=') else {
            return Err(ApiError::invalid(format!(
                "--same wants “Their name=Our name”, not “{pair}”"
            )));
        };
        let source_id = theirs(their_name.trim())?;
        let ours = api.actor_named(our_name.trim()).map_err(|_| {
            ApiError::invalid(format!(
                "this notebook has no actor named “{}”",
                our_name.trim()
            ))
        })?;
        decisions.push(ActorDecision {
            source_id,
            target_id: Some(ours.id),
        });
    }
    for name in separate {
        decisions.push(ActorDecision {
            source_id: theirs(name.trim())?,
            target_id: None,
        });
    }
    Ok(decisions)
}

/// Names compared as merging compares them: case and white space aside.
fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn candidates(a: &ActorMatch) -> String {
    let names: Vec<String> = a
        .candidates
        .iter()
        .map(|c| format!("#{} {} [{}]", c.id, c.name, c.kind.as_str()))
        .collect();
    names.join(" or ")
}

/// One actor of a merge plan: what is proposed, and what was decided.
fn actor_match_line(a: &ActorMatch, decided: Option<&ActorDecision>, api: &Api) -> String {
    let proposal = match &a.proposal {
        ActorProposal::New => "new".to_string(),
        ActorProposal::Same { target_id } => {
            let ours = a.candidates.iter().find(|c| c.id == *target_id);
            format!(
                "same as #{target_id} {}",
                ours.map(|c| c.name.as_str()).unwrap_or("")
            )
        }
        ActorProposal::Conflict => format!("needs a decision: may be {}", candidates(a)),
    };
    let decision = match decided {
        None if a.proposal == ActorProposal::Conflict => {
            format!(" (--same \"{}=…\" or --separate \"{}\")", a.name, a.name)
        }
        None => String::new(),
        Some(ActorDecision {
            target_id: None, ..
        }) => " → decided: kept apart".into(),
        Some(ActorDecision {
            target_id: Some(id),
            ..
        }) => {
            let name = api
                .actors()
                .ok()
                .and_then(|all| all.into_iter().find(|x| x.id == *id))
                .map(|x| x.name)
                .unwrap_or_default();
            format!(" → decided: same as #{id} {name}")
        }
    };
    format!("{} [{}]: {proposal}{decision}", a.name, a.kind.as_str())
}

fn snapshot_line(s: &Snapshot) -> String {
    format!(
        "{}  {:<11}  {:>9}  {}",
        s.created_at,
        s.reason.as_str(),
        size(s.bytes),
        s.path.display()
    )
}

/// Bytes as people read them.
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b if b < 1024 * 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b => format!("{:.2} GB", b as f64 / (1024.0 * 1024.0 * 1024.0)),
    }
}

/// Imports with a progress bar on standard error (drawn only on a terminal).
fn import_with_progress(api: &mut Api, paths: &[PathBuf]) -> Vec<FileReport> {
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} files, {per_sec} — {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let never = AtomicBool::new(false);
    let reports = api.import_with(paths, &never, |p| {
        bar.set_length(u64::from(p.total));
        bar.set_position(u64::from(p.done));
        bar.set_message(p.current.clone());
    });
    bar.finish_and_clear();
    reports
}

struct Output {
    json: bool,
}

impl Output {
    /// One record: a JSON line, or the text `human` makes.
    fn print<T: Serialize>(&self, value: &T, human: impl FnOnce() -> String) {
        if self.json {
            self.line(value);
        } else {
            println!("{}", human());
        }
    }

    fn line<T: Serialize>(&self, value: &T) {
        let mut stdout = std::io::stdout().lock();
        // Serialising our own types cannot fail; a closed pipe ends the output quietly.
        if let Ok(s) = serde_json::to_string(value) {
            let _ = writeln!(stdout, "{s}");
        }
    }
}

fn summary_line(a: &ArticleSummary) -> String {
    let title = if a.title_is_fallback {
        format!("[{}]", a.display_title)
    } else {
        a.display_title.clone()
    };
    let by = a
        .byline
        .as_deref()
        .map(|b| format!(" — {b}"))
        .unwrap_or_default();
    format!("#{}  {title}{by}  ({})", a.id, a.source_name)
}

fn dossier_line(d: &Dossier) -> String {
    let items = if d.item_count == 1 { "item" } else { "items" };
    let kind = if d.query.is_some() {
        ", saved query"
    } else {
        ""
    };
    format!("#{}  {} ({} {items}{kind})", d.id, d.title, d.item_count)
}

fn actor_line(a: &Actor) -> String {
    let aliases = if a.aliases.is_empty() {
        String::new()
    } else {
        format!(" (aliases: {})", a.aliases.join(", "))
    };
    format!("#{}  {} [{}]{aliases}", a.id, a.name, a.kind.as_str())
}

fn statement_line(s: &Statement) -> String {
    let speakers: Vec<&str> = s.speakers.iter().map(|a| a.name.as_str()).collect();
    format!(
        "#{}  {}: {} [{}] in #{} {}{}",
        s.id,
        speakers.join(", "),
        text::in_quote_marks(&s.quote()),
        s.kind.as_str(),
        s.article_id,
        s.article_title,
        roles_suffix(s)
    )
}

/// "; to Ishaq Dar; about Japan; via a statement released by …" (empty when none).
fn roles_suffix(s: &Statement) -> String {
    let names = |list: &[ActorRef]| {
        list.iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::new();
    if !s.addressees.is_empty() {
        out += &format!("; to {}", names(&s.addressees));
    }
    if !s.targets.is_empty() {
        out += &format!("; about {}", names(&s.targets));
    }
    if let Some(via) = &s.reported_via {
        out += &format!("; via {via}");
    }
    out
}

/// A proposal: "#id  he → Wang Yi, indirect, 0.93: “…”".
fn proposal_line(s: &Statement) -> String {
    let speakers: Vec<&str> = s.speakers.iter().map(|a| a.name.as_str()).collect();
    let who = match (&s.speaker_mention, speakers.is_empty()) {
        (Some(m), false) => format!("{} → {}", m.exact, speakers.join(", ")),
        (Some(m), true) => format!("{} → ?", m.exact),
        (None, false) => speakers.join(", "),
        (None, true) => "?".to_owned(),
    };
    format!(
        "#{}  {who}, {}, {:.2}: “{}”{}",
        s.id,
        s.kind.as_str(),
        s.confidence.unwrap_or(1.0),
        s.quote(),
        roles_suffix(s)
    )
}

/// Parses one of an enum's stored names, listing them all when `s` is none of them.
fn one_of<T: Copy>(s: &str, all: &[T], name: fn(T) -> &'static str) -> Result<T, String> {
    all.iter().copied().find(|v| name(*v) == s).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
        format!("expected one of: {}", names.join(", "))
    })
}

fn actor_kind(s: &str) -> Result<ActorKind, String> {
    one_of(s, ActorKind::ALL, ActorKind::as_str)
}

fn statement_status(s: &str) -> Result<StatementStatus, String> {
    one_of(s, StatementStatus::ALL, StatementStatus::as_str)
}

fn statement_kind(s: &str) -> Result<StatementKind, String> {
    one_of(s, StatementKind::ALL, StatementKind::as_str)
}

fn stance(s: &str) -> Result<Stance, String> {
    one_of(s, Stance::ALL, Stance::as_str)
}

fn export_format(s: &str) -> Result<ExportFormat, String> {
    ExportFormat::from_extension(s).ok_or_else(|| {
        "expected one of: md, html, docx, pdf, csv, json, jsonld, graphml, gexf".into()
    })
}

/// The saved query the flags describe, if they describe one.
fn dossier_query(api: &Api, q: QueryArgs) -> Result<Option<DossierQuery>, ApiError> {
    let any_filter = q.actor.is_some()
        || q.topic.is_some()
        || q.stance.is_some()
        || q.outlet.is_some()
        || q.from.is_some()
        || q.to.is_some();
    if !(q.saved_query || any_filter) {
        return Ok(None);
    }
    let actor_id = q
        .actor
        .map(|name| api.actor_named(&name))
        .transpose()?
        .map(|a| a.id);
    Ok(Some(DossierQuery {
        actor_id,
        topic: q.topic,
        stance: q.stance,
        outlet: q.outlet,
        from: q.from,
        to: q.to,
    }))
}
