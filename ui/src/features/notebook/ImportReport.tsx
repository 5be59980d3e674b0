import { useMemo } from "react";
import type { FileReport } from "../../bindings/FileReport";
import type { ImportOutcome } from "../../bindings/ImportOutcome";
import { countOf, pathComponents } from "../../lib/format";
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


/**
 * What each report row calls its file: the file's name, with as many of its folders as
 * tell it from the other files of the report (a dropped folder of saved pages holds a
 * "source.html" in each subfolder), and for an article inside a file (an archive entry,
 * a message, a chapter) "file › part".
 */
export function reportLabels(files: string[]): string[] {
  const pathOf = (file: string) => file.split(" › ")[0] ?? file;
  const components = new Map<string, string[]>();
  for (const file of files) {
    const path = pathOf(file);
    if (!components.has(path)) components.set(path, pathComponents(path));
  }
  // Each path starts with its name alone; the paths whose shown part another path
  // shares show one folder more, until none does (or a path has no folder left).
  const shown = new Map([...components.keys()].map((path) => [path, 1]));
  const suffix = (path: string) => components.get(path)!.slice(-shown.get(path)!).join("/");
  for (let clash = true; clash; ) {
    clash = false;
    const bySuffix = new Map<string, string[]>();
    for (const path of shown.keys()) {
      const key = suffix(path);
      const same = bySuffix.get(key);
      if (same) same.push(path);
      else bySuffix.set(key, [path]);
    }
    for (const paths of bySuffix.values()) {
      if (paths.length < 2) continue;
      for (const path of paths) {
        if (shown.get(path)! < components.get(path)!.length) {
          shown.set(path, shown.get(path)! + 1);
          clash = true;
        }
      }
    }
  }
  return files.map((file) => {
    const [path, ...parts] = file.split(" › ");
    // A path with no name at all ("", "/") is shown as it is.
    const name = components.get(pathOf(file))!.length > 0 ? suffix(pathOf(file)) : (path ?? file);
    return [name, ...parts].join(" › ");
  });
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
  const labels = useMemo(() => reportLabels(reports.map((r) => r.file)), [reports]);
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
              {labels[index]}
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
