import { useState } from "react";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { useLoader } from "../../lib/useLoader";
import { DossierDetailView } from "./DossierDetailView";

export function DossiersView({ version }: { version: number }) {
  const { showError } = useFeedback();
  const dossiers = useLoader(() => api.listDossiers(), [version]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [title, setTitle] = useState("");
  const list = dossiers.data ?? [];
  const openDossierId = openId ?? list[0]?.id ?? null;

  return (
    <div className="two-columns" data-testid="dossiers">
      <section className="list-column">
        <form
          className="card form-card"
          aria-label="New dossier"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!title.trim()) return;
            try {
              const dossier = await api.createDossier(title.trim(), "");
              setTitle("");
              dossiers.setData([...list, dossier]);
              setOpenId(dossier.id);
            } catch (err) {
              showError(err);
            }
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
        </form>
        <h2 className="section-heading">Dossiers ({list.length})</h2>
        {list.length === 0 && !dossiers.loading && <p className="empty-hint">No dossiers yet.</p>}
        <ul className="plain-list">
          {list.map((dossier) => (
            <li key={dossier.id}>
              <button
                type="button"
                className={dossier.id === openDossierId ? "list-item selected" : "list-item"}
                data-testid="dossier-list-item"
                aria-current={dossier.id === openDossierId ? "true" : undefined}
                onClick={() => setOpenId(dossier.id)}
              >
                <span className="list-item-title">{dossier.title}</span>
                <span className="muted small">
                  {dossier.item_count} {dossier.item_count === 1 ? "item" : "items"}
                </span>
              </button>
            </li>
          ))}
        </ul>
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
