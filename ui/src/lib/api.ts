// Typed wrappers around the Tauri commands of the back end. Argument keys are
// snake_case because that is what the Rust commands declare.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { Actor } from "../bindings/Actor";
import type { Annotation } from "../bindings/Annotation";
import type { ApiError } from "../bindings/ApiError";
import type { Article } from "../bindings/Article";
import type { ArticleMeta } from "../bindings/ArticleMeta";
import type { ArticleSummary } from "../bindings/ArticleSummary";
import type { ArticleView } from "../bindings/ArticleView";
import type { Dossier } from "../bindings/Dossier";
import type { DossierDetail } from "../bindings/DossierDetail";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportReport } from "../bindings/ExportReport";
import type { FileReport } from "../bindings/FileReport";
import type { ImportProgress } from "../bindings/ImportProgress";
import type { NewActor } from "../bindings/NewActor";
import type { NewStatement } from "../bindings/NewStatement";
import type { NotebookInfo } from "../bindings/NotebookInfo";
import type { Span } from "../bindings/Span";
import type { Statement } from "../bindings/Statement";
import type { StatementFilter } from "../bindings/StatementFilter";

export const ALL_STATEMENTS: StatementFilter = { article_id: null, actor_id: null };

export const api = {
  notebookInfo: () => invoke<NotebookInfo>("notebook_info"),
  newNotebook: (path: string) => invoke<NotebookInfo>("new_notebook", { path }),
  openNotebook: (path: string) => invoke<NotebookInfo>("open_notebook", { path }),

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
  getArticle: (id: number) => invoke<ArticleView>("get_article", { id }),
  updateArticleMeta: (id: number, meta: ArticleMeta) => invoke<Article>("update_article_meta", { id, meta }),

  addAnnotation: (articleId: number, span: Span, note: string) =>
    invoke<Annotation>("add_annotation", { article_id: articleId, span, note }),

  listActors: () => invoke<Actor[]>("list_actors"),
  addActor: (actor: NewActor) => invoke<Actor>("add_actor", { actor }),
  addAlias: (actorId: number, alias: string) => invoke<Actor>("add_alias", { actor_id: actorId, alias }),

  addStatement: (statement: NewStatement) => invoke<Statement>("add_statement", { statement }),
  listStatements: (filter: StatementFilter = ALL_STATEMENTS) => invoke<Statement[]>("list_statements", { filter }),

  listDossiers: () => invoke<Dossier[]>("list_dossiers"),
  createDossier: (title: string, description: string) => invoke<Dossier>("create_dossier", { title, description }),
  getDossier: (id: number) => invoke<DossierDetail>("get_dossier", { id }),
  addToDossier: (dossierId: number, statementIds: number[]) =>
    invoke<DossierDetail>("add_to_dossier", { dossier_id: dossierId, statement_ids: statementIds }),
  addAnnotationToDossier: (dossierId: number, annotationId: number) =>
    invoke<DossierDetail>("add_annotation_to_dossier", { dossier_id: dossierId, annotation_id: annotationId }),
  addCommentary: (dossierId: number, text: string) =>
    invoke<DossierDetail>("add_commentary", { dossier_id: dossierId, text }),
  setItemCommentary: (dossierId: number, itemId: number, text: string) =>
    invoke<DossierDetail>("set_item_commentary", { dossier_id: dossierId, item_id: itemId, text }),
  moveDossierItem: (dossierId: number, itemId: number, newIndex: number) =>
    invoke<DossierDetail>("move_dossier_item", { dossier_id: dossierId, item_id: itemId, new_index: newIndex }),
  removeDossierItem: (dossierId: number, itemId: number) =>
    invoke<DossierDetail>("remove_dossier_item", { dossier_id: dossierId, item_id: itemId }),
  exportDossier: (dossierId: number, path: string, format: ExportFormat = "markdown") =>
    invoke<ExportReport>("export_dossier", { dossier_id: dossierId, format, path }),
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
