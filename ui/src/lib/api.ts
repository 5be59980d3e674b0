// Typed wrappers around the Tauri commands of the back end. Argument keys are
// snake_case because that is what the Rust commands declare.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { Actor } from "../bindings/Actor";
import type { ActorAlias } from "../bindings/ActorAlias";
import type { ActorProfile } from "../bindings/ActorProfile";
import type { Annotation } from "../bindings/Annotation";
import type { AnchorReview } from "../bindings/AnchorReview";
import type { AnchorTarget } from "../bindings/AnchorTarget";
import type { ReattachReport } from "../bindings/ReattachReport";
import type { Tag } from "../bindings/Tag";
import type { TagCount } from "../bindings/TagCount";
import type { ApiError } from "../bindings/ApiError";
import type { Article } from "../bindings/Article";
import type { ArticleMeta } from "../bindings/ArticleMeta";
import type { ArticlePage } from "../bindings/ArticlePage";
import type { ArticlePageQuery } from "../bindings/ArticlePageQuery";
import type { StatementPage } from "../bindings/StatementPage";
import type { StatementPageQuery } from "../bindings/StatementPageQuery";
import type { ArticleSummary } from "../bindings/ArticleSummary";
import type { ArticleView } from "../bindings/ArticleView";
import type { CitationPart } from "../bindings/CitationPart";
import type { CitationStyle } from "../bindings/CitationStyle";
import type { Dossier } from "../bindings/Dossier";
import type { DossierDetail } from "../bindings/DossierDetail";
import type { DossierQuery } from "../bindings/DossierQuery";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportProgress } from "../bindings/ExportProgress";
import type { ExportReport } from "../bindings/ExportReport";
import type { FileReport } from "../bindings/FileReport";
import type { ImportProgress } from "../bindings/ImportProgress";
import type { MergePlan } from "../bindings/MergePlan";
import type { MergeReport } from "../bindings/MergeReport";
import type { ActorDecision } from "../bindings/ActorDecision";
import type { LaunchRequest } from "../bindings/LaunchRequest";
import type { NewActor } from "../bindings/NewActor";
import type { NewAlias } from "../bindings/NewAlias";
import type { NewStatement } from "../bindings/NewStatement";
import type { NotebookInfo } from "../bindings/NotebookInfo";
import type { Snapshot } from "../bindings/Snapshot";
import type { Span } from "../bindings/Span";
import type { Statement } from "../bindings/Statement";
import type { StatementCoding } from "../bindings/StatementCoding";
import type { StatementFilter } from "../bindings/StatementFilter";
import type { StatementRole } from "../bindings/StatementRole";
import type { TrashEntry } from "../bindings/TrashEntry";
import type { UndoState } from "../bindings/UndoState";
import type { StatementVariants } from "../bindings/StatementVariants";
import type { SearchQuery } from "../bindings/SearchQuery";
import type { SearchResults } from "../bindings/SearchResults";

export const ALL_STATEMENTS: StatementFilter = { article_id: null, actor_id: null };

export const api = {
  notebookInfo: () => invoke<NotebookInfo>("notebook_info"),
  newNotebook: (path: string) => invoke<NotebookInfo>("new_notebook", { path }),
  openNotebook: (path: string) => invoke<NotebookInfo>("open_notebook", { path }),
  /** Files and a notebook the command line asked for (this launch's or a later one's), once. */
  takeLaunchRequest: () => invoke<LaunchRequest>("take_launch_request"),
  /** An actor's page: profile, aliases, roles, where mentioned, statements by date. */
  actorProfile: (actorId: number) => invoke<ActorProfile>("actor_profile", { actor_id: actorId }),
  /** Sets an alias's flags; `disabled` switches it off. */
  setAliasFlags: (alias: ActorAlias) => invoke<ActorAlias>("set_alias_flags", { alias }),
  /** Merges `merged` into `into` (undone by `unmergeActor`). */
  mergeActors: (into: number, merged: number) => invoke<ActorProfile>("merge_actors", { into, merged }),
  unmergeActor: (merged: number) => invoke<ActorProfile>("unmerge_actor", { merged }),
  /** What merging the notebook at `path` into this one would do; writes nothing. */
  mergePlan: (path: string) => invoke<MergePlan>("merge_plan", { path }),
  /** Merges it, with a decision for every actor (after a snapshot, all or nothing). */
  mergeNotebook: (path: string, decisions: ActorDecision[]) =>
    invoke<MergeReport>("merge_notebook", { path, decisions }),
  /** A plain-text report for a bug report: versions, the notebook's vital signs, the log's end. */
  diagnostics: () => invoke<string>("diagnostics"),

  /** Snapshots of the window's notebook, newest first (also when it could not be opened). */
  listSnapshots: () => invoke<Snapshot[]>("list_snapshots"),
  /** Takes a snapshot of the open notebook now. */
  createSnapshot: () => invoke<Snapshot>("create_snapshot"),
  /** Puts the snapshot in place of the notebook (the replaced file is kept aside) and reopens it. */
  restoreSnapshot: (path: string) => invoke<NotebookInfo>("restore_snapshot", { path }),

  /** Imports files (and folders); `onProgress` hears after every file. */
  importFiles: (paths: string[], onProgress: (progress: ImportProgress) => void = () => {}) => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return invoke<FileReport[]>("import_files", { paths, on_progress: channel });
  },
  /** File name extensions the importer reads. */
  articleExtensions: () => invoke<string[]>("article_extensions"),
  /** Stops running imports before their next file; what is done stays. */
  cancelImport: () => invoke<void>("cancel_import"),
  listArticles: () => invoke<ArticleSummary[]>("list_articles"),
  searchArticles: (query: string) => invoke<ArticleSummary[]>("search_articles", { query }),
  /** One page of the article list, sorted and filtered, with the number matching. */
  articlePage: (query: ArticlePageQuery) => invoke<ArticlePage>("article_page", { query }),
  /** Where an article stands (from 0) in the sorted, filtered list; null when filtered out. */
  articlePosition: (query: ArticlePageQuery, id: number) => invoke<number | null>("article_position", { query, id }),
  /** One page of the statements table, sorted and filtered, with the number matching. */
  statementPage: (query: StatementPageQuery) => invoke<StatementPage>("statement_page", { query }),
  /** Search articles, notes and statements; rejects with an `invalid` ApiError saying how to fix a malformed query. */
  search: (query: SearchQuery) => invoke<SearchResults>("search", { query }),
  getArticle: (id: number) => invoke<ArticleView>("get_article", { id }),
  updateArticleMeta: (id: number, meta: ArticleMeta) => invoke<Article>("update_article_meta", { id, meta }),

  addAnnotation: (articleId: number, span: Span, note: string) =>
    invoke<Annotation>("add_annotation", { article_id: articleId, span, note }),

  /** `counted`: with each actor's statement count (the actor view); pickers go without, which is quicker. */
  listActors: (counted = false) => invoke<Actor[]>("list_actors", { counted }),
  addActor: (actor: NewActor) => invoke<Actor>("add_actor", { actor }),
  addAlias: (actorId: number, alias: string) => invoke<Actor>("add_alias", { actor_id: actorId, alias }),

  /** Adds a name to an actor with its flags (a weak one counts only after the full name). */
  addAliasWith: (actorId: number, alias: NewAlias) => invoke<ActorProfile>("add_alias_with", { actor_id: actorId, alias }),
  addStatement: (statement: NewStatement) => invoke<Statement>("add_statement", { statement }),
  /** A proposed statement becomes part of the record. */
  acceptStatement: (id: number) => invoke<Statement>("accept_statement", { id }),
  /** Stance, topics, addressees, targets and reported-via at once. */
  codeStatement: (id: number, coding: StatementCoding) => invoke<Statement>("code_statement", { id, coding }),
  /** Replaces a statement's actors in one role: its speakers, addressees or targets. */
  setStatementActors: (id: number, role: StatementRole, actorIds: number[]) =>
    invoke<Statement>("set_statement_actors", { id, role, actor_ids: actorIds }),
  /** Near-identical quotes of the article's statements, with the words that differ. */
  articleVariants: (articleId: number) => invoke<StatementVariants[]>("article_variants", { article_id: articleId }),
  /** A proposal turned down: kept, so it is not proposed again. */
  rejectStatement: (id: number) => invoke<Statement>("reject_statement", { id }),
  listStatements: (filter: StatementFilter = ALL_STATEMENTS) => invoke<Statement[]>("list_statements", { filter }),

  listDossiers: () => invoke<Dossier[]>("list_dossiers"),
  createDossier: (title: string, description: string) => invoke<Dossier>("create_dossier", { title, description }),
  /** A dossier that always holds the statements matching `query`, until frozen. */
  createQueryDossier: (title: string, description: string, query: DossierQuery) =>
    invoke<Dossier>("create_query_dossier", { title, description, query }),
  /** Turns a saved-query dossier into a fixed one holding the statements it matches now. */
  updateDossier: (id: number, title: string, description: string) =>
    invoke<DossierDetail>("update_dossier", { id, title, description }),
  freezeDossier: (id: number) => invoke<DossierDetail>("freeze_dossier", { id }),
  getDossier: (id: number) => invoke<DossierDetail>("get_dossier", { id }),
  addToDossier: (dossierId: number, statementIds: number[]) =>
    invoke<DossierDetail>("add_to_dossier", { dossier_id: dossierId, statement_ids: statementIds }),
  addAnnotationToDossier: (dossierId: number, annotationId: number) =>
    invoke<DossierDetail>("add_annotation_to_dossier", { dossier_id: dossierId, annotation_id: annotationId }),
  addArticleToDossier: (dossierId: number, articleId: number) =>
    invoke<DossierDetail>("add_article_to_dossier", { dossier_id: dossierId, article_id: articleId }),
  addSection: (dossierId: number, title: string) => invoke<DossierDetail>("add_section", { dossier_id: dossierId, title }),
  addCommentary: (dossierId: number, text: string) =>
    invoke<DossierDetail>("add_commentary", { dossier_id: dossierId, text }),
  setItemCommentary: (dossierId: number, itemId: number, text: string) =>
    invoke<DossierDetail>("set_item_commentary", { dossier_id: dossierId, item_id: itemId, text }),
  moveDossierItem: (dossierId: number, itemId: number, newIndex: number) =>
    invoke<DossierDetail>("move_dossier_item", { dossier_id: dossierId, item_id: itemId, new_index: newIndex }),
  removeDossierItem: (dossierId: number, itemId: number) =>
    invoke<DossierDetail>("remove_dossier_item", { dossier_id: dossierId, item_id: itemId }),
  /** Writes the dossier to `path`; `onProgress` hears as the cited sources are gathered. */
  exportDossier: (
    dossierId: number,
    path: string,
    format: ExportFormat,
    onProgress: (progress: ExportProgress) => void = () => {},
  ) => {
    const channel = new Channel<ExportProgress>();
    channel.onmessage = onProgress;
    return invoke<ExportReport>("export_dossier", { dossier_id: dossierId, format, path, on_progress: channel });
  },

  /** The citation style exports use now. */
  citationStyle: () => invoke<CitationStyle>("citation_style"),
  /** The built-in styles (attest, chicago, apa). */
  citationStyles: () => invoke<CitationStyle[]>("citation_styles"),
  /** Rejects with a readable message when the template does not compile. */
  /** How a style cites a sample article; rejects with the reason when the template cannot be used. */
  previewCitation: (style: CitationStyle) => invoke<CitationPart[]>("preview_citation", { style }),
  setCitationStyle: (style: CitationStyle) => invoke<CitationStyle>("set_citation_style", { style }),
  /** Undoes the session's newest edit; resolves to its label ("Add highlight"), or null when there is none. */
  undo: () => invoke<string | null>("undo"),
  /** Redoes the newest undone edit; resolves to its label, or null. */
  redo: () => invoke<string | null>("redo"),
  /** The labels of what Undo and Redo would do next. */
  undoState: () => invoke<UndoState>("undo_state"),
  /** The trash, newest first. */
  listTrash: () => invoke<TrashEntry[]>("list_trash"),
  /** Puts a deleted thing back (an undoable edit); rejects with the reason when it cannot be. */
  restoreFromTrash: (id: number) => invoke<TrashEntry>("restore_from_trash", { id }),
  /** Deletes everything in the trash for good; resolves to how many entries it held. */
  emptyTrash: () => invoke<number>("empty_trash"),
  /** Deletions go to the trash (and can be undone); each resolves to its trash entry. */
  deleteAnnotation: (id: number) => invoke<TrashEntry>("delete_annotation", { id }),
  deleteStatement: (id: number) => invoke<TrashEntry>("delete_statement", { id }),
  deleteActor: (id: number) => invoke<TrashEntry>("delete_actor", { id }),
  deleteDossier: (id: number) => invoke<TrashEntry>("delete_dossier", { id }),
  deleteArticle: (id: number) => invoke<TrashEntry>("delete_article", { id }),
  /** Replaces an article's text with the article in `path`; anchors are re-attached. */
  reimportArticle: (articleId: number, path: string) =>
    invoke<ReattachReport>("reimport_article", { article_id: articleId, path }),
  /** Anchors needing review: one article's, or the notebook's (`null`). */
  anchorsNeedingReview: (articleId: number | null) =>
    invoke<AnchorReview[]>("anchors_needing_review", { article_id: articleId }),
  /** Confirms an anchor at `span` (code points), or at its proposed place (`null`). */
  resolveAnchor: (target: AnchorTarget, span: Span | null) => invoke<void>("resolve_anchor", { target, span }),
  listTags: () => invoke<TagCount[]>("tags"),
  createTag: (path: string, colour: string | null) => invoke<Tag>("create_tag", { path, colour }),
  renameTag: (id: number, path: string) => invoke<Tag>("rename_tag", { id, path }),
  setTagColour: (id: number, colour: string | null) => invoke<Tag>("set_tag_colour", { id, colour }),
  deleteTag: (id: number) => invoke<void>("delete_tag", { id }),
  /** Replaces a highlight's tags with `paths` ("Economy/Trade"), creating missing tags. */
  setAnnotationTags: (annotationId: number, paths: string[]) =>
    invoke<Annotation>("set_annotation_tags", { annotation_id: annotationId, paths }),
};

function isApiError(error: unknown): error is ApiError {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** The sentence to show the user for anything a command (or a dialog) rejected with. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (typeof error === "string") return error;
  return "Something went wrong.";
}

/** The ApiError kind, when the rejection is one. */
export function errorKind(error: unknown): ApiError["kind"] | null {
  return isApiError(error) && typeof (error as ApiError).kind === "string" ? (error as ApiError).kind : null;
}
