import type { FileReport } from "../../bindings/FileReport";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import { countOf, fileName } from "../../lib/format";
import { useEscape } from "../../lib/useEscape";

const LABELS: Record<ImportOutcome["status"], string> = {
  imported: "Imported",
  related: "Related",
  duplicate: "Duplicate",
  failed: "Failed",
  cancelled: "Not imported",
};

/** The back end's reasons are clauses ("the file is empty"); shown alone they read as sentences. */
function sentence(clause: string): string {
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
}

/** The sentences under a file's name: why it failed, what it duplicates, warnings. */
function details(outcome: ImportOutcome): string[] {
  switch (outcome.status) {
    case "imported":
      return outcome.warnings.map(sentence);
    case "related":
      return [
        `Imported; ${Math.round(outcome.related.similarity * 100)} % like “${outcome.related.display_title}”, linked as related.`,
        ...outcome.warnings.map(sentence),
      ];
    case "duplicate":
      return [`Already in the notebook as “${outcome.title}”; skipped.`];
    case "failed":
      return [sentence(outcome.reason)];
    case "cancelled":
      return ["The import was cancelled before this file."];
  }
}


/** A file's name, or for an article inside one (an archive entry, a message, a chapter) "file › part". */
export function reportLabel(file: string): string {
  const [path, ...parts] = file.split(" › ");
  return [fileName(path ?? file), ...parts].join(" › ");
}

/** "3 imported, 1 related, 2 duplicates, 1 failed": the outcomes that occurred, in the report's order of importance. */
export function summary(count: (status: ImportOutcome["status"]) => number): string {
  const parts: [number, string, string][] = [
    [count("imported"), "imported", "imported"],
    [count("related"), "related", "related"],
    [count("duplicate"), "duplicate", "duplicates"],
    [count("failed"), "failed", "failed"],
    [count("cancelled"), "not imported", "not imported"],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => countOf(n, one, many));
  return said.length > 0 ? said.join(", ") : "nothing to import";
}

type ImportReportProps = {
  reports: FileReport[];
  onDismiss: () => void;
};

export function ImportReport({ reports, onDismiss }: ImportReportProps) {
  useEscape(onDismiss);
  const count = (status: ImportOutcome["status"]) => reports.filter((r) => r.outcome.status === status).length;
  return (
    <section className="import-report" data-testid="import-report" aria-label="Import report">
      <header className="import-report-header">
        <h2>
          Import: {summary(count)}
          {count("cancelled") > 0 && " (cancelled)"}
        </h2>
        <button type="button" className="button" onClick={onDismiss}>
          Dismiss
        </button>
      </header>
      <ul className="import-rows">
        {reports.map((report, index) => (
          <li key={`${report.file}-${index}`} className="import-row" data-testid="import-row" data-status={report.outcome.status}>
            <span className="import-file" title={report.file}>
              {reportLabel(report.file)}
            </span>
            <span className={`import-status status-${report.outcome.status}`}>{LABELS[report.outcome.status]}</span>
            {details(report.outcome).map((detail) => (
              <span key={detail} className={`import-detail detail-${report.outcome.status}`}>
                {detail}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
