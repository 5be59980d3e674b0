import type { Command } from "../../lib/shortcuts";
import type { Tab } from "../notebook/TopBar";

/** What the app's commands act on; App supplies it. */
export type AppActions = {
  notebookOpen: boolean;
  showTab: (tab: Tab) => void;
  /** Moves the article selection by `delta` in the article list's order. */
  stepArticle?: (delta: 1 | -1) => void;
  focusSearch?: () => void;
  importFiles: () => void;
  newNotebook: () => void;
  openNotebook: () => void;
  mergeNotebook: () => void;
  restore: () => void;
  diagnostics: () => void;
  undo?: () => void;
  redo?: () => void;
  showTrash?: () => void;
  showPalette: () => void;
  showShortcuts: () => void;
};

/** Every command the app offers, with its keys (see `lib/shortcuts.ts`). */
export function appCommands(a: AppActions): Command[] {
  const open = a.notebookOpen;
  return [
    { id: "tab-articles", label: "Go to Articles", group: "Navigate", keys: ["Ctrl+1"], run: () => a.showTab("articles"), enabled: open, whileTyping: true },
    { id: "tab-actors", label: "Go to Actors", group: "Navigate", keys: ["Ctrl+2"], run: () => a.showTab("actors"), enabled: open, whileTyping: true },
    { id: "tab-statements", label: "Go to Statements", group: "Navigate", keys: ["Ctrl+3"], run: () => a.showTab("statements"), enabled: open, whileTyping: true },
    { id: "tab-dossiers", label: "Go to Dossiers", group: "Navigate", keys: ["Ctrl+4"], run: () => a.showTab("dossiers"), enabled: open, whileTyping: true },
    { id: "tab-search", label: "Search the notebook", group: "Navigate", keys: ["Ctrl+5", "/", "Ctrl+F"], run: () => a.focusSearch?.(), enabled: open && !!a.focusSearch, whileTyping: true },
    { id: "next-article", label: "Next article", group: "Navigate", keys: ["]"], run: () => a.stepArticle?.(1), enabled: open && !!a.stepArticle },
    { id: "previous-article", label: "Previous article", group: "Navigate", keys: ["["], run: () => a.stepArticle?.(-1), enabled: open && !!a.stepArticle },
    { id: "undo", label: "Undo", group: "Edit", keys: ["Ctrl+Z"], run: () => a.undo?.(), enabled: open && !!a.undo },
    { id: "redo", label: "Redo", group: "Edit", keys: ["Ctrl+Shift+Z", "Ctrl+Y"], run: () => a.redo?.(), enabled: open && !!a.redo },
    { id: "trash", label: "Open the trash…", group: "Edit", run: () => a.showTrash?.(), enabled: open && !!a.showTrash },
    { id: "import", label: "Import articles…", group: "Notebook", keys: ["Ctrl+I"], run: a.importFiles, enabled: open, menuKeys: true },
    { id: "new-notebook", label: "New notebook…", group: "Notebook", run: a.newNotebook },
    { id: "open-notebook", label: "Open notebook…", group: "Notebook", run: a.openNotebook },
    { id: "merge", label: "Merge another notebook…", group: "Notebook", run: a.mergeNotebook, enabled: open },
    { id: "restore", label: "Restore from backup…", group: "Notebook", run: a.restore },
    { id: "diagnostics", label: "Copy diagnostics…", group: "Help", run: a.diagnostics },
    { id: "palette", label: "Command palette", group: "Help", keys: ["Ctrl+K", "Ctrl+Shift+P"], run: a.showPalette, whileTyping: true },
    { id: "shortcuts", label: "Keyboard shortcuts", group: "Help", keys: ["?"], run: a.showShortcuts },
  ];
}
