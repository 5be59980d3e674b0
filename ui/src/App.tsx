import { useCallback, useEffect, useRef, useState } from "react";
import type { FileReport } from "./bindings/FileReport";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { NotebookInfo } from "./bindings/NotebookInfo";
import type { Span } from "./bindings/Span";
import { useFeedback } from "./components/Feedback";
import { ActorsView } from "./features/actors/ActorsView";
import { appCommands } from "./features/commands/appCommands";
import { CommandPalette } from "./features/commands/CommandPalette";
import { ShortcutSheet } from "./features/commands/ShortcutSheet";
import { ArticleList } from "./features/articles/ArticleList";
import { DossiersView } from "./features/dossiers/DossiersView";
import { CloudWarning } from "./features/notebook/CloudWarning";
import { DiagnosticsDialog } from "./features/notebook/DiagnosticsDialog";
import { MergeDialog } from "./features/notebook/MergeDialog";
import { chooseArticleFiles, chooseNewNotebookPath, chooseNotebookToOpen } from "./features/notebook/dialogs";
import { DropOverlay } from "./features/notebook/DropOverlay";
import { ImportReport } from "./features/notebook/ImportReport";
import { ImportProgressPanel } from "./features/notebook/ImportProgressPanel";
import { RestoreDialog } from "./features/notebook/RestoreDialog";
import { TopBar, type Tab } from "./features/notebook/TopBar";
import { useNativeEvents } from "./features/notebook/useNativeEvents";
import { Welcome } from "./features/notebook/Welcome";
import { Reader } from "./features/reader/Reader";
import { SearchView, type SearchViewHandle } from "./features/search/SearchView";
import { StatementsView } from "./features/statements/StatementsView";
import { TrashDialog } from "./features/undo/TrashDialog";
import { useUndoShortcuts } from "./features/undo/useUndoShortcuts";
import { api, errorMessage } from "./lib/api";
import { useCommandKeys } from "./lib/shortcuts";

function firstImportedId(reports: FileReport[]): number | null {
  for (const { outcome } of reports) {
    if (outcome.status === "imported" || outcome.status === "related") return outcome.article_id;
  }
  return null;
}

export function App() {
  const { showError } = useFeedback();
  const [ready, setReady] = useState(false);
  const [notebook, setNotebook] = useState<NotebookInfo | null>(null);
  const [noNotebookReason, setNoNotebookReason] = useState<string | null>(null);
  // Bumped after every change to the notebook; views that load data depend on it.
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState<Tab>("articles");
  const [selectedArticleId, setSelectedArticleId] = useState<number | null>(null);
  // Where a search result opened the reader (code points), until another article is chosen.
  const [match, setMatch] = useState<{ articleId: number; span: Span } | null>(null);
  const searchView = useRef<SearchViewHandle>(null);
  const [importReport, setImportReport] = useState<FileReport[] | null>(null);
  // Non-null while an import runs; `done: 0` until the first file is finished.
  const [importProgress, setImportProgress] = useState<ImportProgress | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [showDiagnostics, setShowDiagnostics] = useState(false);
  // The notebook being merged in, while its dialog is open.
  const [mergingPath, setMergingPath] = useState<string | null>(null);
  // The notebook path whose cloud-folder warning the analyst dismissed.
  const [warningDismissedFor, setWarningDismissedFor] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<"palette" | "shortcuts" | "trash" | null>(null);
  // Files that arrive while an import runs wait for it, then go in as one batch.
  const importing = useRef(false);
  const queuedPaths = useRef<string[]>([]);
  // The article list's "open the next/previous article", while it is shown.
  const stepArticle = useRef<((delta: 1 | -1) => void) | null>(null);

  /**
   * Reloads the notebook info; views that load data (the article list's pages among
   * them) fetch again because the version moves.
   */
  const reloadAll = useCallback(async (): Promise<void> => {
    setVersion((v) => v + 1);
    try {
      setNotebook(await api.notebookInfo());
      setNoNotebookReason(null);
    } catch (err) {
      setNotebook(null);
      setNoNotebookReason(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void reloadAll().finally(() => setReady(true));
  }, [reloadAll]);

  /** Shows a notebook that was just opened (or restored) from its start. */
  const showSwitchedNotebook = async () => {
    setImportReport(null);
    setTab("articles");
    // Before the reload: the old notebook's article id means nothing in the new one.
    // The list opens its first article when its first page arrives.
    setSelectedArticleId(null);
    await reloadAll();
  };

  const switchNotebook = async (choosePath: () => Promise<string | null>, open: (path: string) => Promise<NotebookInfo>) => {
    try {
      const path = await choosePath();
      if (!path) return;
      await open(path);
      await showSwitchedNotebook();
    } catch (err) {
      showError(err);
    }
  };
  const newNotebook = () => switchNotebook(chooseNewNotebookPath, api.newNotebook);
  const openNotebook = () => switchNotebook(chooseNotebookToOpen, api.openNotebook);

  const importPaths = async (paths: string[]) => {
    if (paths.length === 0) return;
    if (importing.current) {
      queuedPaths.current.push(...paths);
      return;
    }
    importing.current = true;
    setImportReport(null);
    setImportProgress({ done: 0, total: paths.length, current: "", rate: 0 });
    try {
      const reports = await api.importFiles(paths, setImportProgress);
      setImportReport(reports);
      await reloadAll();
      const imported = firstImportedId(reports);
      if (imported !== null) {
        setSelectedArticleId(imported);
        setTab("articles");
      }
    } catch (err) {
      showError(err);
    } finally {
      setImportProgress(null);
      importing.current = false;
    }
    const queued = queuedPaths.current.splice(0);
    if (queued.length > 0) await importPaths(queued);
  };
  const importViaDialog = async () => {
    try {
      const paths = await chooseArticleFiles();
      if (paths) await importPaths(paths);
    } catch (err) {
      showError(err);
    }
  };

  /** Does what the command line asked: switch notebook, then import the files. */
  const takeLaunchRequest = async () => {
    try {
      const request = await api.takeLaunchRequest();
      if (request.notebook) {
        const notebookPath = request.notebook;
        await switchNotebook(async () => notebookPath, api.openNotebook);
      }
      await importPaths(request.files);
    } catch (err) {
      showError(err);
    }
  };
  // The first launch's files, once the window is ready for them.
  useEffect(() => {
    if (ready) void takeLaunchRequest();
  }, [ready]);

  const undoRedo = useUndoShortcuts({ onChange: reloadAll });
  const commands = appCommands({
    notebookOpen: notebook !== null,
    showTab: setTab,
    importFiles: () => void importViaDialog(),
    newNotebook: () => void newNotebook(),
    openNotebook: () => void openNotebook(),
    mergeNotebook: () => void chooseNotebookToOpen().then(setMergingPath, showError),
    restore: () => setRestoring(true),
    diagnostics: () => setShowDiagnostics(true),
    showPalette: () => setOverlay("palette"),
    showShortcuts: () => setOverlay("shortcuts"),
    undo: () => void undoRedo.undo(),
    redo: () => void undoRedo.redo(),
    showTrash: () => setOverlay("trash"),
    stepArticle: tab === "articles" ? (delta) => stepArticle.current?.(delta) : undefined,
    focusSearch: () => {
      setTab("search");
      // After the tab shows (it stays mounted, so its query and results are kept).
      requestAnimationFrame(() => searchView.current?.focus());
    },
  });
  useCommandKeys(commands);

  const { dragging, listening } = useNativeEvents({
    // The menu's items are commands of the same names.
    onMenu: (action) => commands.find((command) => command.id === action)?.run(),
    onDropFiles: (paths) => void importPaths(paths),
    onLaunch: () => void takeLaunchRequest(),
    // The reload finds no notebook and shows why, with the snapshots to restore.
    onNotebookDamaged: () => void reloadAll(),
  });

  const openArticle = (id: number) => {
    setSelectedArticleId(id);
    setTab("articles");
  };

  return (
    <div className="app" data-testid={ready && listening ? "app-ready" : "app-loading"}>
      <TopBar notebook={notebook} tab={tab} onTab={setTab} onImport={() => void importViaDialog()} />
      {notebook?.cloud_warning && warningDismissedFor !== notebook.path && (
        <CloudWarning warning={notebook.cloud_warning} onDismiss={() => setWarningDismissedFor(notebook.path)} />
      )}
      <main className="main">
        {!ready ? (
          <p className="empty-hint">Opening notebook…</p>
        ) : !notebook ? (
          <Welcome
            reason={noNotebookReason}
            onNew={() => void newNotebook()}
            onOpen={() => void openNotebook()}
            onRestore={() => setRestoring(true)}
            onDiagnostics={() => setShowDiagnostics(true)}
          />
        ) : (
          <>
            {tab === "articles" && (
              <div className="articles-layout">
                <ArticleList
                  selectedId={selectedArticleId}
                  onSelect={setSelectedArticleId}
                  version={version}
                  onFirstArticle={(first) => setSelectedArticleId((current) => current ?? first?.id ?? null)}
                  stepRef={stepArticle}
                />
                {selectedArticleId !== null ? (
                  <Reader
                    articleId={selectedArticleId}
                    version={version}
                    onArticleChanged={() => void reloadAll()}
                    onOpenArticle={setSelectedArticleId}
                    match={match?.articleId === selectedArticleId ? match.span : null}
                    onArticleDeleted={() => {
                      // The list opens its (new) first article.
                      setSelectedArticleId(null);
                      void reloadAll();
                    }}
                  />
                ) : (
                  <div className="reader reader-empty">
                    <p className="empty-hint">Import articles with Import… or by dropping files onto the window.</p>
                  </div>
                )}
              </div>
            )}
            {tab === "actors" && <ActorsView version={version} onOpenArticle={openArticle} />}
            {tab === "statements" && <StatementsView version={version} onOpenArticle={openArticle} />}
            {tab === "dossiers" && <DossiersView version={version} />}
            <div className="search-tab" hidden={tab !== "search"}>
              <SearchView
                ref={searchView}
                version={version}
                onOpenAt={(articleId, span) => {
                  setMatch(span ? { articleId, span } : null);
                  openArticle(articleId);
                }}
              />
            </div>
          </>
        )}
      </main>
      {importProgress && <ImportProgressPanel progress={importProgress} onCancel={() => void api.cancelImport()} />}
      {importReport && <ImportReport reports={importReport} onDismiss={() => setImportReport(null)} />}
      {dragging && <DropOverlay />}
      {mergingPath && (
        <MergeDialog path={mergingPath} onClose={() => setMergingPath(null)} onMerged={() => reloadAll()} />
      )}
      {showDiagnostics && <DiagnosticsDialog onClose={() => setShowDiagnostics(false)} />}
      {overlay === "palette" && <CommandPalette commands={commands} onClose={() => setOverlay(null)} />}
      {overlay === "shortcuts" && <ShortcutSheet commands={commands} onClose={() => setOverlay(null)} />}
      {overlay === "trash" && <TrashDialog onClose={() => setOverlay(null)} onRestored={() => void reloadAll()} />}
      {restoring && (
        <RestoreDialog
          notebookOpen={notebook !== null}
          onClose={() => setRestoring(false)}
          onRestored={showSwitchedNotebook}
        />
      )}
    </div>
  );
}
