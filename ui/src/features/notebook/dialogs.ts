// Native file dialogs. Each returns null when the user cancels.
import { open, save } from "@tauri-apps/plugin-dialog";

const NOTEBOOK_FILTER = { name: "Attest notebook", extensions: ["attest"] };
const ARTICLE_FILTER = { name: "Articles", extensions: ["txt", "md", "markdown", "text"] };

export function chooseNewNotebookPath(): Promise<string | null> {
  return save({ filters: [NOTEBOOK_FILTER] });
}

export async function chooseNotebookToOpen(): Promise<string | null> {
  const picked = await open({ multiple: false, directory: false, filters: [NOTEBOOK_FILTER] });
  return typeof picked === "string" ? picked : null;
}

export async function chooseArticleFiles(): Promise<string[] | null> {
  const picked = await open({ multiple: true, directory: false, filters: [ARTICLE_FILTER] });
  if (picked === null) return null;
  return Array.isArray(picked) ? picked : [picked];
}

export function chooseMarkdownExportPath(title: string): Promise<string | null> {
  return save({ defaultPath: `${safeFileName(title)}.md`, filters: [{ name: "Markdown", extensions: ["md"] }] });
}

/** Keeps a dossier title usable as a file name on every platform. */
function safeFileName(title: string): string {
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, " ").replace(/\s+/g, " ").trim();
  return cleaned || "dossier";
}
