import { useState } from "react";
import { FormCard } from "../../components/FormCard";
import { SelectableList } from "../../components/SelectableList";
import { api } from "../../lib/api";
import { useLoader } from "../../lib/useLoader";
import { DossierDetailView } from "./DossierDetailView";

export function DossiersView({ version }: { version: number }) {
  const dossiers = useLoader(() => api.listDossiers(), [version]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [title, setTitle] = useState("");
  const list = dossiers.data ?? [];
  const openDossierId = openId ?? list[0]?.id ?? null;

  return (
    <div className="two-columns" data-testid="dossiers">
      <section className="list-column">
        <FormCard
          label="New dossier"
          onSubmit={async () => {
            if (!title.trim()) return;
            const dossier = await api.createDossier(title.trim(), "");
            setTitle("");
            dossiers.setData([...list, dossier]);
            setOpenId(dossier.id);
          }}
        >
          <h2 className="section-heading">New dossier</h2>
          <label className="field">
            <span className="field-label">Title</span>
            <input
              className="input"
              data-testid="dossier-title-input"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          </label>
          <button type="submit" className="button button-primary" data-testid="create-dossier" disabled={!title.trim()}>
            Create dossier
          </button>
        </FormCard>
        <SelectableList
          title="Dossiers"
          items={list}
          loading={dossiers.loading}
          emptyHint="No dossiers yet."
          selectedId={openDossierId}
          onSelect={setOpenId}
          itemTestId="dossier-list-item"
          renderItem={(dossier) => (
            <>
              <span className="list-item-title">{dossier.title}</span>
              <span className="muted small">
                {dossier.item_count} {dossier.item_count === 1 ? "item" : "items"}
              </span>
            </>
          )}
        />
      </section>
      <section className="detail-column">
        {openDossierId !== null ? (
          <DossierDetailView
            key={openDossierId}
            dossierId={openDossierId}
            version={version}
            onDossierChanged={(dossier) => dossiers.setData(list.map((d) => (d.id === dossier.id ? dossier : d)))}
          />
        ) : (
          <p className="empty-hint">Create a dossier to collect statements and notes for export.</p>
        )}
      </section>
    </div>
  );
}
