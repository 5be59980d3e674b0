// Native file dialogs. Each returns null when the user cancels.
import { open, save } from "@tauri-apps/plugin-dialog";
import type { ExportFormat } from "../../bindings/ExportFormat";
import { api } from "../../lib/api";
import { exportFormatInfo } from "../../lib/exportFormats";

const NOTEBOOK_FILTER = { name: "Attest notebook", extensions: ["attest"] };

export function chooseNewNotebookPath(): Promise<string | null> {
  return save({ filters: [NOTEBOOK_FILTER] });
}

export async function chooseNotebookToOpen(): Promise<string | null> {
  const picked = await open({ multiple: false, directory: false, filters: [NOTEBOOK_FILTER] });
  return typeof picked === "string" ? picked : null;
}

export async function chooseArticleFiles(): Promise<string[] | null> {
  const picked = await open({ multiple: true, directory: false, filters: [await articleFilter()] });
  if (picked === null) return null;
  return Array.isArray(picked) ? picked : [picked];
}

/** One article file (a corrected version of an article's source). */
export async function chooseArticleFile(): Promise<string | null> {
  const picked = await open({ multiple: false, directory: false, filters: [await articleFilter()] });
  return typeof picked === "string" ? picked : null;
}

// The back end says which file types it reads, so the filter never drifts from it.
async function articleFilter() {
  return { name: "Articles", extensions: await api.articleExtensions() };
}

/** Where to write a dossier titled `title` in `format`; the file name is suggested from the title. */
export function chooseExportPath(title: string, format: ExportFormat): Promise<string | null> {
  const { extension, filterName } = exportFormatInfo(format);
  return save({
    defaultPath: `${safeFileName(title)}.${extension}`,
    filters: [{ name: filterName, extensions: [extension] }],
  });
}

/** Keeps a dossier title usable as a file name on every platform. */
function safeFileName(title: string): string {
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, " ").replace(/\s+/g, " ").trim();
  return cleaned || "dossier";
}
