import { useCallback, useEffect, useState } from "react";
import type { TrashEntry } from "../../bindings/TrashEntry";
import type { TrashKind } from "../../bindings/TrashKind";
import { useFeedback } from "../../components/Feedback";
import { Modal } from "../../components/Modal";
import { api, errorMessage } from "../../lib/api";

/** A trash entry's kind in the analyst's words. */
export const TRASH_KIND_LABELS: Record<TrashKind, string> = {
  annotation: "Highlight",
  statement: "Statement",
  actor: "Actor",
  dossier: "Dossier",
  article: "Article",
};

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** When it was deleted, in the reader's time zone and locale. */
export function deletedAt(entry: TrashEntry): string {
  const date = new Date(entry.deleted_at);
  return Number.isNaN(date.getTime()) ? entry.deleted_at : DATE_FORMAT.format(date);
}

type TrashDialogProps = {
  onClose: () => void;
  /** Called after a restore changed the notebook: reload what is shown. */
  onRestored: (entry: TrashEntry) => Promise<unknown> | void;
};

/**
 * What was deleted, newest first: each can be put back (with what was deleted along
 * with it; the restore is itself undoable), or the trash emptied for good after the
 * analyst confirms.
 */
export function TrashDialog({ onClose, onRestored }: TrashDialogProps) {
  const { toast } = useFeedback();
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setEntries(await api.listTrash());
    } catch (err) {
      setEntries([]);
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const restore = (entry: TrashEntry) =>
    act(async () => {
      const restored = await api.restoreFromTrash(entry.id);
      toast(`Restored: ${TRASH_KIND_LABELS[restored.kind]} “${restored.label}”`);
      await load();
      await onRestored(restored);
    });

  const empty = () =>
    act(async () => {
      const count = await api.emptyTrash();
      setConfirmingEmpty(false);
      toast(`Emptied the trash (${count} ${count === 1 ? "item" : "items"} deleted for good)`);
      await load();
    });

  const count = entries?.length ?? 0;
  return (
    <Modal title="Trash" onClose={onClose} testId="trash-dialog" wide>
      <div className="modal-body">
        {error && (
          <p className="inline-error" role="alert" data-testid="trash-error">
            {error}
          </p>
        )}
        {entries === null ? (
          <p className="empty-hint">Loading…</p>
        ) : entries.length === 0 ? (
          <p className="empty-hint" data-testid="trash-empty">
            The trash is empty. Deleted highlights, statements, actors, dossiers and articles wait here until you empty
            it.
          </p>
        ) : (
          <ul className="plain-list trash-list">
            {entries.map((entry) => (
              <li key={entry.id} className="trash-row" data-testid="trash-row">
                <div className="trash-text">
                  <span>
                    <strong>{TRASH_KIND_LABELS[entry.kind] ?? entry.kind}</strong> “{entry.label}”
                  </span>
                  <span className="muted small">Deleted {deletedAt(entry)}</span>
                </div>
                <button
                  type="button"
                  className="button button-small"
                  data-testid="trash-restore"
                  disabled={busy}
                  onClick={() => void restore(entry)}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )}
        {count > 0 &&
          (confirmingEmpty ? (
            <div className="trash-confirm" data-testid="trash-empty-confirmation">
              <p>
                Delete {count === 1 ? "this item" : `these ${count} items`} for good? This cannot be undone.
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-danger"
                  data-testid="trash-confirm-empty"
                  disabled={busy}
                  onClick={() => void empty()}
                >
                  Empty the trash
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setConfirmingEmpty(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row modal-actions">
              <button
                type="button"
                className="button button-danger"
                data-testid="trash-empty-button"
                disabled={busy}
                onClick={() => setConfirmingEmpty(true)}
              >
                Empty the trash…
              </button>
            </div>
          ))}
      </div>
    </Modal>
  );
}
