import type { NotebookInfo } from "../../bindings/NotebookInfo";

export type Tab = "articles" | "actors" | "statements" | "dossiers" | "search";

const TABS: { id: Tab; label: string }[] = [
  { id: "articles", label: "Articles" },
  { id: "actors", label: "Actors" },
  { id: "statements", label: "Statements" },
  { id: "dossiers", label: "Dossiers" },
  { id: "search", label: "Search" },
];

type TopBarProps = {
  notebook: NotebookInfo | null;
  tab: Tab;
  onTab: (tab: Tab) => void;
  onImport: () => void;
};

export function TopBar({ notebook, tab, onTab, onImport }: TopBarProps) {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-name">Attest</span>
        <span className="notebook-path" data-testid="notebook-path" title={notebook?.path}>
          {/* Right-to-left clipping keeps the file name visible; <bdi> keeps the path itself left-to-right. */}
          <bdi>{notebook ? notebook.path : "No notebook open"}</bdi>
        </span>
      </div>
      {notebook && (
        <nav className="tabs" role="tablist" aria-label="Sections">
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? "tab tab-active" : "tab"}
              data-testid={`tab-${id}`}
              onClick={() => onTab(id)}
            >
              {label}
            </button>
          ))}
        </nav>
      )}
      <div className="top-actions">
        <button type="button" className="button button-primary" onClick={onImport} disabled={!notebook}>
          Import…
        </button>
      </div>
    </header>
  );
}
