import { useState } from "react";
import type { Dossier } from "../../bindings/Dossier";
import { FormCard } from "../../components/FormCard";
import { SelectableList } from "../../components/SelectableList";
import { api } from "../../lib/api";
import { useLoader } from "../../lib/useLoader";
import { DossierDetailView } from "./DossierDetailView";
import { EMPTY_QUERY_DRAFT, queryFromDraft, type QueryDraft } from "./dossierQuery";
import { QueryFilterFields } from "./QueryFilterFields";
import { countOf } from "../../lib/format";

export function DossiersView({ version }: { version: number }) {
  const dossiers = useLoader(() => api.listDossiers(), [version]);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = dossiers.data ?? [];
  const openDossierId = openId ?? list[0]?.id ?? null;

  return (
    <div className="two-columns" data-testid="dossiers">
      <section className="list-column">
        <NewDossierForm
          onCreated={(dossier) => {
            dossiers.setData([...list, dossier]);
            setOpenId(dossier.id);
          }}
        />
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
                {countOf(dossier.item_count, "item")}
                {dossier.query && (
                  <>
                    {" "}
                    <span className="badge" data-testid="saved-query-badge">
                      saved query
                    </span>
                  </>
                )}
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
            onDeleted={() => {
              setOpenId(null);
              dossiers.reload();
            }}
          />
        ) : (
          <p className="empty-hint">Create a dossier to collect statements and notes for export.</p>
        )}
      </section>
    </div>
  );
}

/** A title, and optionally the filters of a saved query that keeps the dossier current. */
function NewDossierForm({ onCreated }: { onCreated: (dossier: Dossier) => void }) {
  const [title, setTitle] = useState("");
  const [isSavedQuery, setIsSavedQuery] = useState(false);
  const [queryDraft, setQueryDraft] = useState<QueryDraft>(EMPTY_QUERY_DRAFT);

  return (
    <FormCard
      label="New dossier"
      onSubmit={async () => {
        if (!title.trim()) return;
        const dossier = isSavedQuery
          ? await api.createQueryDossier(title.trim(), "", queryFromDraft(queryDraft))
          : await api.createDossier(title.trim(), "");
        setTitle("");
        setQueryDraft(EMPTY_QUERY_DRAFT);
        onCreated(dossier);
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
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="query-toggle"
          checked={isSavedQuery}
          onChange={(event) => setIsSavedQuery(event.target.checked)}
        />
        Keep current (saved query)
      </label>
      {isSavedQuery && <QueryFilterFields draft={queryDraft} onChange={setQueryDraft} />}
      <button type="submit" className="button button-primary" data-testid="create-dossier" disabled={!title.trim()}>
        {isSavedQuery ? "Create saved-query dossier" : "Create dossier"}
      </button>
    </FormCard>
  );
}
