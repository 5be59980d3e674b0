import { useState } from "react";
import type { Dossier } from "../../bindings/Dossier";

type DossierHeadingProps = {
  dossier: Dossier;
  /** Saves a new title and description; resolves false when the back end refused. */
  onSave: (title: string, description: string) => Promise<boolean>;
};

/** The dossier's title and description, which open into a small form to edit them. */
export function DossierHeading({ dossier, onSave }: DossierHeadingProps) {
  const [draft, setDraft] = useState<{ title: string; description: string } | null>(null);

  if (!draft) {
    return (
      <div>
        <h1 className="page-title">{dossier.title}</h1>
        {dossier.description ? (
          <p className="muted dossier-description">{dossier.description}</p>
        ) : (
          <p className="muted">No description: it opens the compiled document when you add one.</p>
        )}
        <button
          type="button"
          className="button button-small"
          data-testid="edit-dossier"
          onClick={() => setDraft({ title: dossier.title, description: dossier.description })}
        >
          Edit title and description
        </button>
      </div>
    );
  }

  return (
    <form
      className="dossier-heading-form"
      aria-label="Edit the dossier's title and description"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(draft.title.trim(), draft.description.trim()).then((saved) => saved && setDraft(null));
      }}
    >
      <label className="field">
        <span className="field-label">Title</span>
        <input
          className="input"
          data-testid="dossier-edit-title"
          value={draft.title}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">Description (blank lines separate paragraphs)</span>
        <textarea
          className="input"
          rows={3}
          data-testid="dossier-edit-description"
          value={draft.description}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="save-dossier" disabled={!draft.title.trim()}>
          Save
        </button>
        <button type="button" className="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
