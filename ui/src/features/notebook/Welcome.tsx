type WelcomeProps = {
  reason: string | null;
  onNew: () => void;
  onOpen: () => void;
  /** Opens the list of snapshots: a damaged notebook is when one is needed. */
  onRestore: () => void;
  /** Opens the diagnostics report, for a bug report about why it could not open. */
  onDiagnostics: () => void;
};

/** Shown when no notebook is open (notebook_info failed). */
export function Welcome({ reason, onNew, onOpen, onRestore, onDiagnostics }: WelcomeProps) {
  return (
    <div className="welcome">
      <h1>No notebook is open</h1>
      {reason && <p className="muted">{reason}</p>}
      <p>
        Create a notebook to start collecting articles and statements, or open an existing one. A damaged notebook can
        be restored from one of its snapshots.
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onNew}>
          New notebook…
        </button>
        <button type="button" className="button" onClick={onOpen}>
          Open notebook…
        </button>
        <button type="button" className="button" data-testid="open-restore" onClick={onRestore}>
          Restore from backup…
        </button>
      </div>
      {reason && (
        <p>
          <button type="button" className="link-button" data-testid="open-diagnostics" onClick={onDiagnostics}>
            Diagnostics for a bug report…
          </button>
        </p>
      )}
    </div>
  );
}
