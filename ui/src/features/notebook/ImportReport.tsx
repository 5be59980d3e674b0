import type { FileReport } from "../../bindings/FileReport";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import { useEscape } from "../../lib/useEscape";

function describe(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case "imported":
      return "Imported";
    case "duplicate":
      return `Duplicate of “${outcome.title}”`;
    case "failed":
      return `Failed — ${outcome.reason}`;
  }
}

/** Shows the file name, not the whole path: the path is in the tooltip. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

type ImportReportProps = {
  reports: FileReport[];
  onDismiss: () => void;
};

export function ImportReport({ reports, onDismiss }: ImportReportProps) {
  useEscape(onDismiss);
  const imported = reports.filter((r) => r.outcome.status === "imported").length;
  return (
    <section className="import-report" data-testid="import-report" aria-label="Import report">
      <header className="import-report-header">
        <h2>
          Import: {imported} of {reports.length} {reports.length === 1 ? "file" : "files"} imported
        </h2>
        <button type="button" className="button" onClick={onDismiss}>
          Dismiss
        </button>
      </header>
      <ul className="import-rows">
        {reports.map((report, index) => (
          <li key={`${report.file}-${index}`} className="import-row" data-testid="import-row" data-status={report.outcome.status}>
            <span className="import-file" title={report.file}>
              {fileName(report.file)}
            </span>
            <span className={`import-status status-${report.outcome.status}`}>{describe(report.outcome)}</span>
            {report.outcome.status === "imported" &&
              report.outcome.warnings.map((warning) => (
                <span key={warning} className="import-warning">
                  {warning}
                </span>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
