import { useState } from "react";
import type { Dossier } from "../../bindings/Dossier";
import type { DossierDetail } from "../../bindings/DossierDetail";
import type { DossierItem } from "../../bindings/DossierItem";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { useLoader } from "../../lib/useLoader";
import { DeleteButton } from "../../components/DeleteButton";
import { AddCommentaryForm, AddSectionForm } from "./AddItemForms";
import { ArticlePicker } from "./ArticlePicker";
import { CitationStyleDialog } from "./CitationStyleDialog";
import { DossierHeading } from "./DossierHeading";
import { DossierItemCard, type ItemEditing } from "./DossierItemCard";
import { ExportControl } from "./ExportControl";
import { QueryBanner } from "./QueryBanner";
import { StatementPicker } from "./StatementPicker";

type DossierDetailViewProps = {
  dossierId: number;
  version: number;
  /** The dossier's summary (item count, saved query) changed. */
  onDossierChanged: (dossier: Dossier) => void;
  /** The dossier went to the trash. */
  onDeleted: () => void;
};

export function DossierDetailView({ dossierId, version, onDossierChanged, onDeleted }: DossierDetailViewProps) {
  const { showError } = useFeedback();
  const detail = useLoader(() => api.getDossier(dossierId), [dossierId, version]);
  const [dragged, setDragged] = useState<number | null>(null);
  const [citationStyleOpen, setCitationStyleOpen] = useState(false);

  /** Every dossier command answers with the whole dossier: show that. False when the command failed. */
  const apply = async (change: Promise<DossierDetail>): Promise<boolean> => {
    try {
      const next = await change;
      detail.setData(next);
      onDossierChanged(next.dossier);
      return true;
    } catch (err) {
      showError(err);
      return false;
    }
  };

  if (!detail.data) return <p className="empty-hint">{detail.error ? "This dossier could not be opened." : "Loading…"}</p>;
  const { dossier, items } = detail.data;
  // A saved-query dossier's items follow its query: nothing to edit until it is frozen.
  const isFixed = dossier.query === null;
  const move = (itemId: number, newIndex: number) => apply(api.moveDossierItem(dossierId, itemId, newIndex));
  const editingOf = (item: DossierItem, index: number): ItemEditing => ({
    isFirst: index === 0,
    isLast: index === items.length - 1,
    onMoveUp: () => void move(item.id, index - 1),
    onMoveDown: () => void move(item.id, index + 1),
    onRemove: () => void apply(api.removeDossierItem(dossierId, item.id)),
    onCommentary: (text) => void apply(api.setItemCommentary(dossierId, item.id, text)),
    onDragStart: () => setDragged(item.id),
    onDropHere: () => {
      if (dragged !== null && dragged !== item.id) void move(dragged, index);
      setDragged(null);
    },
  });

  return (
    <div className="dossier-detail" data-testid="dossier-detail">
      <header className="page-header">
        <DossierHeading
          dossier={dossier}
          onSave={(title, description) => apply(api.updateDossier(dossierId, title, description))}
        />
        <div className="dossier-actions">
          <DeleteButton label="Delete dossier" testId="delete-dossier" remove={() => api.deleteDossier(dossierId)} onDeleted={onDeleted} />
          <button type="button" className="button" data-testid="citation-style" onClick={() => setCitationStyleOpen(true)}>
            Citation style…
          </button>
          <ExportControl dossierId={dossierId} title={dossier.title} />
        </div>
      </header>

      {dossier.query && <QueryBanner query={dossier.query} onFreeze={() => void apply(api.freezeDossier(dossierId))} />}

      {items.length === 0 && (
        <p className="empty-hint">
          {isFixed
            ? "This dossier is empty. Add statements, articles and sections below, or statements from the Statements tab."
            : "No statements match this query yet."}
        </p>
      )}
      <ol className="dossier-items">
        {items.map((item, index) => (
          <DossierItemCard key={item.id} item={item} editing={isFixed ? editingOf(item, index) : null} />
        ))}
      </ol>

      {isFixed && (
        <>
          <div className="dossier-add-forms">
            <AddCommentaryForm onAdd={(text) => apply(api.addCommentary(dossierId, text))} />
            <AddSectionForm onAdd={(title) => apply(api.addSection(dossierId, title))} />
          </div>
          <StatementPicker
            version={version}
            items={items}
            onAdd={(statementId) => void apply(api.addToDossier(dossierId, [statementId]))}
          />
          <ArticlePicker
            version={version}
            items={items}
            onAdd={(articleId) => void apply(api.addArticleToDossier(dossierId, articleId))}
          />
        </>
      )}

      {citationStyleOpen && <CitationStyleDialog onClose={() => setCitationStyleOpen(false)} />}
    </div>
  );
}
