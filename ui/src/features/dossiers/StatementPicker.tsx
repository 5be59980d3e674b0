import { useState } from "react";
import type { DossierItem } from "../../bindings/DossierItem";
import { api } from "../../lib/api";
import { quoted, quoteText, speakerLabel, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";

type StatementPickerProps = {
  version: number;
  items: DossierItem[];
  onAdd: (statementId: number) => void;
};

/** Every statement not yet in the dossier, with a filter over speaker, quote and article. */
export function StatementPicker({ version, items, onAdd }: StatementPickerProps) {
  const statements = useLoader(() => api.listStatements(), [version]);
  const [filter, setFilter] = useState("");
  const inDossier = new Set(items.flatMap((item) => (item.entry.type === "statement" ? [item.entry.statement.id] : [])));
  const needle = filter.trim().toLocaleLowerCase();
  const candidates = (statements.data ?? []).filter(
    (s) =>
      !inDossier.has(s.id) &&
      (!needle ||
        [speakerLabel(s), quoteText(s.content), s.article_title].some((text) => text.toLocaleLowerCase().includes(needle))),
  );

  return (
    <section className="card statement-picker" aria-label="Add statements">
      <h2 className="section-heading">Add statements</h2>
      <input
        className="input"
        type="search"
        aria-label="Filter statements"
        placeholder="Filter by speaker, quote or article"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {candidates.length === 0 && <p className="empty-hint">No other statements to add.</p>}
      <ul className="plain-list picker-list">
        {candidates.map((statement) => (
          <li key={statement.id} className="picker-row">
            <span className="picker-text">
              <strong>{speakerLabel(statement)}</strong> — {quoted(truncate(quoteText(statement.content), 160))}
              <span className="muted small"> · {statement.article_title}</span>
            </span>
            <button
              type="button"
              className="button button-small"
              data-testid="dossier-add-statement"
              onClick={() => onAdd(statement.id)}
            >
              Add
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
