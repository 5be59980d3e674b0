import type { ImportProgress } from "../../bindings/ImportProgress";
import { countOf, fileName } from "../../lib/format";

type ImportProgressPanelProps = {
  progress: ImportProgress;
  onCancel: () => void;
};

/** Files done of total, the file just finished and the rate, with Cancel: what is
 *  imported stays, the rest is reported as not imported. */
export function ImportProgressPanel({ progress, onCancel }: ImportProgressPanelProps) {
  const { done, total, current, rate } = progress;
  return (
    <section className="import-progress" data-testid="import-progress" aria-label="Import progress">
      <div className="import-progress-line">
        <strong>
          Importing {done} of {countOf(total, "file")}
        </strong>
        {done > 0 && <span className="muted small">{rate.toFixed(rate < 10 ? 1 : 0)} files/s</span>}
        <button type="button" className="button" data-testid="cancel-import" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <progress max={Math.max(total, 1)} value={done} aria-label="Files imported" />
      <div className="muted small import-progress-file" title={current}>
        {current ? fileName(current) : "Reading files…"}
      </div>
    </section>
  );
}
