import { useCallback, useEffect, useState } from "react";
import type { NotebookInfo } from "../../bindings/NotebookInfo";
import type { Snapshot } from "../../bindings/Snapshot";
import type { SnapshotReason } from "../../bindings/SnapshotReason";
import { useFeedback } from "../../components/Feedback";
import { Modal } from "../../components/Modal";
import { api, errorMessage } from "../../lib/api";
import { fileName } from "../../lib/format";

export const SNAPSHOT_REASON_LABELS: Record<SnapshotReason, string> = {
  open: "Daily, on opening",
  manual: "Taken by you",
  migration: "Before an upgrade",
  merge: "Before a merge",
  "bulk-delete": "Before a bulk delete",
};

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const SIZE_FORMAT = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** When the snapshot was taken, in the reader's time zone and locale. */
export function snapshotDate(snapshot: Snapshot): string {
  const date = new Date(snapshot.created_at);
  return Number.isNaN(date.getTime()) ? snapshot.created_at : DATE_FORMAT.format(date);
}

/** The file size in megabytes, one decimal ("2.5 MB", "< 0.1 MB"). */
export function snapshotSize(snapshot: Snapshot): string {
  // ts-rs may type u64 as bigint; Number() accepts either.
  const megabytes = Number(snapshot.bytes) / 1_000_000;
  return megabytes < 0.1 ? `< ${SIZE_FORMAT.format(0.1)} MB` : `${SIZE_FORMAT.format(megabytes)} MB`;
}

type RestoreDialogProps = {
  /** Whether a notebook is open now (a snapshot can only be taken of an open one). */
  notebookOpen: boolean;
  onClose: () => void;
  /** Called after the back end put the snapshot in place and reopened the notebook. */
  onRestored: (info: NotebookInfo) => Promise<unknown> | void;
};

/**
 * Lists the notebook's snapshots and puts one in place of the notebook after the
 * analyst confirms. Also offered when the notebook could not be opened.
 */
export function RestoreDialog({ notebookOpen, onClose, onRestored }: RestoreDialogProps) {
  const { toast } = useFeedback();
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setSnapshots(await api.listSnapshots());
    } catch (err) {
      setSnapshots([]);
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const takeSnapshot = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const taken = await api.createSnapshot();
      toast(`Took a snapshot (${snapshotSize(taken)})`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (snapshot: Snapshot) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const info = await api.restoreSnapshot(snapshot.path);
      onClose();
      toast(`Restored the snapshot of ${snapshotDate(snapshot)}`);
      await onRestored(info);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal title="Restore from backup" onClose={onClose} testId="restore-dialog" wide>
      <div className="modal-body">
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="create-snapshot"
            disabled={busy || !notebookOpen}
            title={notebookOpen ? undefined : "A snapshot can only be taken of an open notebook."}
            onClick={() => void takeSnapshot()}
          >
            Take a snapshot now
          </button>
        </div>
        {error && (
          <p className="inline-error" role="alert" data-testid="restore-error">
            {error}
          </p>
        )}
        {snapshots === null ? (
          <p className="empty-hint">Loading…</p>
        ) : snapshots.length === 0 ? (
          <p className="empty-hint" data-testid="no-snapshots">
            No snapshots yet. Attest takes one each day you open a notebook that holds something, and before every
            upgrade.
          </p>
        ) : (
          <ul className="plain-list snapshot-list">
            {snapshots.map((snapshot) => (
              <li key={snapshot.path} className="snapshot-row" data-testid="snapshot-row">
                <div className="snapshot-text">
                  <span>
                    <strong>{snapshotDate(snapshot)}</strong> · {SNAPSHOT_REASON_LABELS[snapshot.reason] ?? snapshot.reason}{" "}
                    · <span className="muted">{snapshotSize(snapshot)}</span>
                  </span>
                  <span className="snapshot-file muted small" title={snapshot.path}>
                    {fileName(snapshot.path)}
                  </span>
                  {confirming === snapshot.path && (
                    <div className="snapshot-confirm" data-testid="restore-confirmation">
                      <p>
                        Replace the notebook with this snapshot from {snapshotDate(snapshot)}? The current file is kept
                        beside it.
                      </p>
                      <div className="button-row">
                        <button
                          type="button"
                          className="button button-danger"
                          data-testid="confirm-restore"
                          disabled={busy}
                          onClick={() => void restore(snapshot)}
                        >
                          Replace the notebook
                        </button>
                        <button type="button" className="button" disabled={busy} onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </div>
                    </div>
                  )}
                </div>
                {confirming !== snapshot.path && (
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="restore-snapshot"
                    disabled={busy}
                    onClick={() => setConfirming(snapshot.path)}
                  >
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}
