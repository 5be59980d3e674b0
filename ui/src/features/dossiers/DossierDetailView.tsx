import { useState } from "react";
import type { Dossier } from "../../bindings/Dossier";
import type { DossierDetail } from "../../bindings/DossierDetail";
import { useFeedback } from "../../components/Feedback";
import { FormCard } from "../../components/FormCard";
import { api } from "../../lib/api";
import { useLoader } from "../../lib/useLoader";
import { chooseMarkdownExportPath } from "../notebook/dialogs";
import { DossierItemCard } from "./DossierItemCard";
import { StatementPicker } from "./StatementPicker";

type DossierDetailViewProps = {
  dossierId: number;
  version: number;
  /** The dossier's summary (item count) changed. */
  onDossierChanged: (dossier: Dossier) => void;
};

export function DossierDetailView({ dossierId, version, onDossierChanged }: DossierDetailViewProps) {
  const { toast, showError } = useFeedback();
  const detail = useLoader(() => api.getDossier(dossierId), [dossierId, version]);
  const [dragged, setDragged] = useState<number | null>(null);

  /** Every dossier command answers with the whole dossier: show that. */
  const apply = async (change: Promise<DossierDetail>) => {
    try {
      const next = await change;
      detail.setData(next);
      onDossierChanged(next.dossier);
    } catch (err) {
      showError(err);
    }
  };

  const exportMarkdown = async (title: string) => {
    try {
      const path = await chooseMarkdownExportPath(title);
      if (!path) return;
      const report = await api.exportDossier(dossierId, path);
      toast(`Exported to ${report.path}`);
    } catch (err) {
      showError(err);
    }
  };

  if (!detail.data) return <p className="empty-hint">{detail.error ? "This dossier could not be opened." : "Loading…"}</p>;
  const { dossier, items } = detail.data;
  const move = (itemId: number, newIndex: number) => apply(api.moveDossierItem(dossierId, itemId, newIndex));

  return (
    <div className="dossier-detail" data-testid="dossier-detail">
      <header className="page-header">
        <div>
          <h1 className="page-title">{dossier.title}</h1>
          {dossier.description && <p className="muted">{dossier.description}</p>}
        </div>
        <button type="button" className="button" data-testid="export-markdown" onClick={() => void exportMarkdown(dossier.title)}>
          Export Markdown…
        </button>
      </header>

      {items.length === 0 && <p className="empty-hint">This dossier is empty. Add statements below or from the Statements tab.</p>}
      <ol className="dossier-items">
        {items.map((item, index) => (
          <DossierItemCard
            key={item.id}
            item={item}
            isFirst={index === 0}
            isLast={index === items.length - 1}
            onMoveUp={() => void move(item.id, index - 1)}
            onMoveDown={() => void move(item.id, index + 1)}
            onRemove={() => void apply(api.removeDossierItem(dossierId, item.id))}
            onCommentary={(text) => void apply(api.setItemCommentary(dossierId, item.id, text))}
            onDragStart={() => setDragged(item.id)}
            onDropHere={() => {
              if (dragged !== null && dragged !== item.id) void move(dragged, index);
              setDragged(null);
            }}
          />
        ))}
      </ol>

      <AddCommentaryForm onAdd={(text) => apply(api.addCommentary(dossierId, text))} />
      <StatementPicker
        version={version}
        items={items}
        onAdd={(statementId) => void apply(api.addToDossier(dossierId, [statementId]))}
      />
    </div>
  );
}

function AddCommentaryForm({ onAdd }: { onAdd: (text: string) => Promise<void> }) {
  const [text, setText] = useState("");
  return (
    <FormCard
      label="Add commentary"
      onSubmit={async () => {
        if (!text.trim()) return;
        await onAdd(text.trim());
        setText("");
      }}
    >
      <label className="field">
        <span className="field-label">Commentary paragraph</span>
        <textarea
          className="input"
          rows={3}
          data-testid="commentary-input"
          placeholder="Your own words between the quotes"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit" className="button" data-testid="add-commentary" disabled={!text.trim()}>
        Add commentary paragraph
      </button>
    </FormCard>
  );
}
