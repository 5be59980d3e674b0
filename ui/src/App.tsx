import { useCallback, useEffect, useRef, useState } from "react";
import type { ArticleSummary } from "./bindings/ArticleSummary";
import type { FileReport } from "./bindings/FileReport";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { NotebookInfo } from "./bindings/NotebookInfo";
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
import { StatementsView } from "./features/statements/StatementsView";
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
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  // Bumped after every change to the notebook; views that load data depend on it.
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState<Tab>("articles");
  const [selectedArticleId, setSelectedArticleId] = useState<number | null>(null);
  const [importReport, setImportReport] = useState<FileReport[] | null>(null);
  // Non-null while an import runs; `done: 0` until the first file is finished.
  const [importProgress, setImportProgress] = useState<ImportProgress | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [showDiagnostics, setShowDiagnostics] = useState(false);
  // The notebook being merged in, while its dialog is open.
  const [mergingPath, setMergingPath] = useState<string | null>(null);
  // The notebook path whose cloud-folder warning the analyst dismissed.
  const [warningDismissedFor, setWarningDismissedFor] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<"palette" | "shortcuts" | null>(null);
  // Files that arrive while an import runs wait for it, then go in as one batch.
  const importing = useRef(false);
  const queuedPaths = useRef<string[]>([]);

  /** Reloads the notebook info and the article list; returns the articles. */
  const reloadAll = useCallback(async (): Promise<ArticleSummary[]> => {
    setVersion((v) => v + 1);
    try {
      setNotebook(await api.notebookInfo());
      setNoNotebookReason(null);
    } catch (err) {
      setNotebook(null);
      setNoNotebookReason(errorMessage(err));
      setArticles([]);
      return [];
    }
    try {
      const list = await api.listArticles();
      setArticles(list);
      return list;
    } catch (err) {
      showError(err);
      return [];
    }
  }, [showError]);

  useEffect(() => {
    reloadAll()
      .then((list) => setSelectedArticleId((current) => current ?? list[0]?.id ?? null))
      .finally(() => setReady(true));
  }, [reloadAll]);

  /** Shows a notebook that was just opened (or restored) from its start. */
  const showSwitchedNotebook = async () => {
    setImportReport(null);
    setTab("articles");
    // Before the reload: the old notebook's article id means nothing in the new one.
    setSelectedArticleId(null);
    const list = await reloadAll();
    setSelectedArticleId(list[0]?.id ?? null);
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
  });
  useCommandKeys(commands);

  const dragging = useNativeEvents({
    // The menu's items are commands of the same names.
    onMenu: (action) => commands.find((command) => command.id === action)?.run(),
    onDropFiles: (paths) => void importPaths(paths),
    onLaunch: () => void takeLaunchRequest(),
  });

  const openArticle = (id: number) => {
    setSelectedArticleId(id);
    setTab("articles");
  };

  return (
    <div className="app" data-testid={ready ? "app-ready" : "app-loading"}>
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
                <ArticleList articles={articles} selectedId={selectedArticleId} onSelect={setSelectedArticleId} version={version} />
                {selectedArticleId !== null ? (
                  <Reader
                    articleId={selectedArticleId}
                    version={version}
                    onArticleChanged={() => void reloadAll()}
                    onOpenArticle={setSelectedArticleId}
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
