import type { DossierItem } from "../../bindings/DossierItem";
import { api } from "../../lib/api";
import { quoted, quoteText, speakerLabel, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";
import { Picker } from "./Picker";

type StatementPickerProps = {
  version: number;
  items: DossierItem[];
  onAdd: (statementId: number) => void;
};

/**
 * Every accepted statement not yet in the dossier (proposals wait for review in the
 * reader), with a filter over speaker, quote and article.
 */
export function StatementPicker({ version, items, onAdd }: StatementPickerProps) {
  const statements = useLoader(() => api.listStatements(), [version]);
  const inDossier = new Set(items.flatMap((item) => (item.entry.type === "statement" ? [item.entry.statement.id] : [])));

  return (
    <Picker
      heading="Add statements"
      filterLabel="Filter statements"
      filterPlaceholder="Filter by speaker, quote or article"
      candidates={(statements.data ?? []).filter((s) => s.status === "accepted" && !inDossier.has(s.id))}
      searchText={(s) => [speakerLabel(s), quoteText(s.content), s.article_title]}
      emptyHint="No other statements to add."
      addTestId="dossier-add-statement"
      onAdd={onAdd}
      renderCandidate={(statement) => (
        <>
          <strong>{speakerLabel(statement)}</strong> — {quoted(truncate(quoteText(statement.content), 160))}
          <span className="muted small"> · {statement.article_title}</span>
        </>
      )}
    />
  );
}
