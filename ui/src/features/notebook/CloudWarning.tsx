type CloudWarningProps = { warning: string; onDismiss: () => void };

/** Says, until dismissed, that the notebook sits in a folder a sync service copies. */
export function CloudWarning({ warning, onDismiss }: CloudWarningProps) {
  return (
    <div className="warning-banner" role="alert" data-testid="cloud-warning">
      <p>{warning}</p>
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
