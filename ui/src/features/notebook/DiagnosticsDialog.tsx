import { useEffect, useRef, useState } from "react";
import { Modal } from "../../components/Modal";
import { api, errorMessage } from "../../lib/api";

type DiagnosticsDialogProps = { onClose: () => void };

/**
 * Shows the diagnostics report (versions, the notebook's vital signs, the end of
 * the log) so the analyst can read it before copying it into a bug report.
 */
export function DiagnosticsDialog({ onClose }: DiagnosticsDialogProps) {
  const [report, setReport] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const pre = useRef<HTMLPreElement>(null);

  useEffect(() => {
    api.diagnostics().then(setReport, (err: unknown) => setError(errorMessage(err)));
  }, []);

  const copy = async () => {
    if (report === null) return;
    try {
      await navigator.clipboard.writeText(report);
    } catch {
      // Some web views refuse the async clipboard; the selection route still works.
      const range = document.createRange();
      range.selectNodeContents(pre.current!);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      document.execCommand("copy");
    }
    setCopied(true);
  };

  return (
    <Modal title="Diagnostics" onClose={onClose} testId="diagnostics-dialog" wide>
      <div className="modal-body">
        <p className="muted">
          For a bug report: Attest’s version, your notebook’s size, counts and checks, and the last lines of its log.
          It holds no article text, titles or notes, but it does name files and folders: read it before you share it.
        </p>
        {error && <p className="inline-error">{error}</p>}
        <pre ref={pre} className="diagnostics-report" data-testid="diagnostics-report">
          {report ?? (error ? "" : "Collecting…")}
        </pre>
        <div className="button-row modal-actions">
          <button type="button" className="button button-primary" disabled={report === null} onClick={() => void copy()}>
            Copy diagnostics
          </button>
          {copied && (
            <span className="muted" role="status">
              Copied to the clipboard
            </span>
          )}
        </div>
      </div>
    </Modal>
  );
}
