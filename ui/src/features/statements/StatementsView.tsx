import { useState } from "react";
import type { Statement } from "../../bindings/Statement";
import type { StatementStatus } from "../../bindings/StatementStatus";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { countOf, quoted, quoteText, speakerLabel, STANCE_LABELS, statementContext, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";
import { StatementCodingDialog } from "./StatementCodingDialog";

const STATUS_CHOICES: { value: StatementStatus | "all"; label: string }[] = [
  { value: "accepted", label: "Accepted" },
  { value: "proposed", label: "To review" },
  { value: "rejected", label: "Rejected" },
  { value: "all", label: "All" },
];

type StatementsViewProps = {
  version: number;
  onOpenArticle: (articleId: number) => void;
};

export function StatementsView({ version, onOpenArticle }: StatementsViewProps) {
  const { toast, showError } = useFeedback();
  const statements = useLoader(() => api.listStatements(), [version]);
  const dossiers = useLoader(() => api.listDossiers(), [version]);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [dossierId, setDossierId] = useState<number | "">("");
  const [coding, setCoding] = useState<Statement | null>(null);
  const [status, setStatus] = useState<StatementStatus | "all">("accepted");
  const all = statements.data ?? [];
  const rows = status === "all" ? all : all.filter((s) => s.status === status);
  // A saved-query dossier fills itself; statements go only into fixed ones.
  const fixedDossiers = dossiers.data?.filter((dossier) => dossier.query === null) ?? null;
  const allChecked = rows.length > 0 && rows.every((s) => checked.has(s.id));

  const toggle = (id: number) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const addToDossier = async () => {
    if (dossierId === "" || checked.size === 0) return;
    try {
      // Keep the table's order, which is the order the analyst sees.
      const ids = rows.filter((s) => checked.has(s.id)).map((s) => s.id);
      const detail = await api.addToDossier(dossierId, ids);
      toast(`Added ${countOf(ids.length, "statement")} to “${detail.dossier.title}”`);
      setChecked(new Set());
      dossiers.reload();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div className="page" data-testid="statements">
      <header className="page-header">
        <h1 className="page-title">Statements ({rows.length})</h1>
        <select
          className="input"
          aria-label="Which statements"
          data-testid="status-filter"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as StatementStatus | "all");
            setChecked(new Set());
          }}
        >
          {STATUS_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label} ({choice.value === "all" ? all.length : all.filter((s) => s.status === choice.value).length})
            </option>
          ))}
        </select>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void addToDossier();
          }}
        >
          <select
            className="input"
            aria-label="Dossier"
            data-testid="dossier-select"
            value={dossierId}
            onChange={(event) => setDossierId(event.target.value ? Number(event.target.value) : "")}
          >
            <option value="">Choose a dossier…</option>
            {(fixedDossiers ?? []).map((dossier) => (
              <option key={dossier.id} value={dossier.id}>
                {dossier.title}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button-primary"
            data-testid="add-to-dossier"
            disabled={dossierId === "" || checked.size === 0}
          >
            Add to dossier{checked.size > 0 ? ` (${checked.size})` : ""}…
          </button>
        </form>
      </header>
      {fixedDossiers?.length === 0 && (
        <p className="muted small">Create a dossier in the Dossiers tab to collect statements.</p>
      )}
      {rows.length === 0 && !statements.loading ? (
        <p className="empty-hint">
          {all.length === 0
            ? "No statements yet. Open an article to review the statements Attest proposes, or select text and choose Statement."
            : "None with this status."}
        </p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th className="check-cell">
                <input
                  type="checkbox"
                  aria-label="Select all statements"
                  checked={allChecked}
                  onChange={() => setChecked(allChecked ? new Set() : new Set(rows.map((s) => s.id)))}
                />
              </th>
              <th>Speaker</th>
              <th>Quote</th>
              <th>Kind</th>
              <th>Stance</th>
              <th>Topics</th>
              <th>Article</th>
              <th>
                <span className="visually-hidden">Coding</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((statement) => (
              <tr key={statement.id} data-testid="statement-row" className={checked.has(statement.id) ? "selected" : undefined}>
                <td className="check-cell">
                  <input
                    type="checkbox"
                    aria-label={`Select statement by ${speakerLabel(statement)}`}
                    checked={checked.has(statement.id)}
                    onChange={() => toggle(statement.id)}
                  />
                </td>
                <td className="speaker-cell">{speakerLabel(statement)}</td>
                <td className="quote-cell">
                  {quoted(truncate(quoteText(statement.content), 240))}
                  {statementContext(statement) && (
                    <span className="muted small statement-context" data-testid="statement-context">
                      {statementContext(statement)}
                    </span>
                  )}
                </td>
                <td>
                  <span className="badge">{statement.kind}</span>
                </td>
                <td data-testid="statement-stance">
                  {statement.stance && (
                    <span className={`stance stance-${statement.stance}`}>{STANCE_LABELS[statement.stance]}</span>
                  )}
                </td>
                <td data-testid="statement-topics">
                  {statement.topics.map((topic) => (
                    <span key={topic} className="topic-tag">
                      {topic}
                    </span>
                  ))}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpenArticle(statement.article_id)}>
                    {statement.article_title}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="edit-coding"
                    aria-label={`Code the statement by ${speakerLabel(statement)}`}
                    onClick={() => setCoding(statement)}
                  >
                    Edit…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {coding && (
        <StatementCodingDialog
          statement={coding}
          onClose={() => setCoding(null)}
          onSaved={(saved) => {
            statements.setData(rows.map((s) => (s.id === saved.id ? saved : s)));
            setCoding(null);
            toast("Coding saved");
          }}
        />
      )}
    </div>
  );
}
