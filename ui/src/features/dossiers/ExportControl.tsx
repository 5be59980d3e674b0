import { useState } from "react";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { ExportProgress } from "../../bindings/ExportProgress";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { EXPORT_FORMAT_GROUPS, exportFormatInfo, exportFormatsIn } from "../../lib/exportFormats";
import { formatCount } from "../../lib/format";
import { chooseExportPath } from "../notebook/dialogs";

// The format last chosen, for as long as the app runs: analysts tend to export
// every dossier the same way.
let lastFormat: ExportFormat = "markdown";

type ExportControlProps = {
  dossierId: number;
  /** Suggests the file name. */
  title: string;
};

/** A format select and Export…: the save dialog, then the export with its progress. */
export function ExportControl({ dossierId, title }: ExportControlProps) {
  const { toast, showError } = useFeedback();
  const [format, setFormat] = useState<ExportFormat>(lastFormat);
  // Non-null while an export runs; total is 0 until the first message.
  const [progress, setProgress] = useState<ExportProgress | null>(null);

  const chooseFormat = (next: ExportFormat) => {
    lastFormat = next;
    setFormat(next);
  };

  const runExport = async () => {
    let running = false;
    try {
      const path = await chooseExportPath(title, format);
      if (!path) return;
      running = true;
      setProgress({ done: 0, total: 0 });
      // A message that arrives after the answer must not bring the progress back.
      const report = await api.exportDossier(dossierId, path, format, (next) => {
        if (running) setProgress(next);
      });
      toast(`Exported to ${report.path}`);
    } catch (err) {
      showError(err);
    } finally {
      running = false;
      setProgress(null);
    }
  };

  return (
    <div className="export-control">
      <div className="inline-form">
        <select
          className="input"
          aria-label="Export format"
          data-testid="export-format"
          value={format}
          disabled={progress !== null}
          onChange={(event) => chooseFormat(event.target.value as ExportFormat)}
        >
          {EXPORT_FORMAT_GROUPS.map((group) => (
            <optgroup key={group} label={group}>
              {exportFormatsIn(group).map((option) => (
                <option key={option} value={option}>
                  {exportFormatInfo(option).label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          className="button button-primary"
          data-testid="export-dossier"
          disabled={progress !== null}
          onClick={() => void runExport()}
        >
          Export…
        </button>
      </div>
      {progress && <ExportProgressLine progress={progress} />}
    </div>
  );
}

function ExportProgressLine({ progress: { done, total } }: { progress: ExportProgress }) {
  const gathering = total === 0 || done < total;
  return (
    <div className="export-progress muted small" data-testid="export-progress" aria-live="polite">
      <progress max={Math.max(total, 1)} value={total === 0 ? undefined : done} aria-label="Sources gathered" />
      <span>
        {gathering ? "Gathering sources…" : "Writing the file…"}
        {total > 0 && gathering && ` ${formatCount(done)} / ${formatCount(total)}`}
      </span>
    </div>
  );
}
