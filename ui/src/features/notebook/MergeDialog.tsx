import { useEffect, useState } from "react";
import type { ActorDecision } from "../../bindings/ActorDecision";
import type { ActorMatch } from "../../bindings/ActorMatch";
import type { MergePlan } from "../../bindings/MergePlan";
import type { MergeReport } from "../../bindings/MergeReport";
import { Modal } from "../../components/Modal";
import { api, errorMessage } from "../../lib/api";
import { ACTOR_KIND_LABELS, countOf, fileName } from "../../lib/format";

/** The choice for one actor: the id of an actor here, "separate", or "" (not decided yet). */
type Choice = string;
const SEPARATE = "separate";

/** What the plan proposes, as a choice; a conflict starts undecided. */
function proposedChoice(match: ActorMatch): Choice {
  switch (match.proposal.type) {
    case "same":
      return String(match.proposal.target_id);
    case "new":
      return SEPARATE;
    case "conflict":
      return "";
  }
}

export function decisionsFor(plan: MergePlan, choices: Record<number, Choice>): ActorDecision[] {
  return plan.actors.map((match) => {
    const choice = choices[match.source_id] ?? proposedChoice(match);
    return { source_id: match.source_id, target_id: choice === SEPARATE || choice === "" ? null : Number(choice) };
  });
}

type MergeDialogProps = {
  /** The notebook to merge in. */
  path: string;
  onClose: () => void;
  /** Called after the merge, to reload what the window shows. */
  onMerged: (report: MergeReport) => Promise<unknown> | void;
};

/**
 * Merging another notebook: first what it would bring (nothing is written), with a
 * decision for every actor that may be one already here; then the merge, and what it did.
 */
export function MergeDialog({ path, onClose, onMerged }: MergeDialogProps) {
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<MergeReport | null>(null);

  useEffect(() => {
    api.mergePlan(path).then(setPlan, (err: unknown) => setError(errorMessage(err)));
  }, [path]);

  const conflicts = plan?.actors.filter((m) => m.proposal.type === "conflict") ?? [];
  const undecided = conflicts.filter((m) => !choices[m.source_id]).length;
  const matched = plan?.actors.filter((m) => m.proposal.type === "same") ?? [];
  const added = plan?.actors.filter((m) => m.proposal.type === "new") ?? [];

  const merge = async () => {
    if (!plan || busy || undecided > 0) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api.mergeNotebook(path, decisionsFor(plan, choices));
      setReport(done);
      await onMerged(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={`Merge ${fileName(path)}`} onClose={onClose} testId="merge-dialog" wide>
      <div className="modal-body">
        {error && (
          <p className="inline-error" role="alert" data-testid="merge-error">
            {error}
          </p>
        )}
        {!plan && !error && <p className="empty-hint">Reading {fileName(path)}…</p>}
        {plan && !report && (
          <>
            <p data-testid="merge-summary">
              {countOf(plan.articles_new, "new article")} and {plan.articles_existing} already here;{" "}
              {countOf(plan.statements, "statement")}, {countOf(plan.annotations, "annotation")} and{" "}
              {countOf(plan.dossiers, "dossier")}, linked to their articles and actors. What this notebook already
              holds is not added twice. A snapshot is taken first.
            </p>
            {conflicts.length > 0 && (
              <section className="merge-section">
                <h3>
                  {conflicts.length === 1 ? "One actor needs" : `${conflicts.length} actors need`} your decision
                </h3>
                <ul className="plain-list merge-conflicts">
                  {conflicts.map((match) => (
                    <ConflictRow
                      key={match.source_id}
                      match={match}
                      choice={choices[match.source_id] ?? ""}
                      onChoose={(choice) => setChoices((c) => ({ ...c, [match.source_id]: choice }))}
                    />
                  ))}
                </ul>
              </section>
            )}
            {matched.length > 0 && (
              <p className="muted" data-testid="merge-matched">
                The same as actors here: {matched.map((m) => m.name).join(", ")}.
              </p>
            )}
            {added.length > 0 && (
              <p className="muted" data-testid="merge-new-actors">
                New actors: {added.map((m) => m.name).join(", ")}.
              </p>
            )}
            <div className="button-row modal-actions">
              <button
                type="button"
                className="button button-primary"
                data-testid="confirm-merge"
                disabled={busy || undecided > 0}
                onClick={() => void merge()}
              >
                {busy ? "Merging…" : "Merge"}
              </button>
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>
              {undecided > 0 && <span className="muted">Decide for every actor above first.</span>}
            </div>
          </>
        )}
        {report && <MergeSummary report={report} onClose={onClose} />}
      </div>
    </Modal>
  );
}

type ConflictRowProps = { match: ActorMatch; choice: Choice; onChoose: (choice: Choice) => void };

function ConflictRow({ match, choice, onChoose }: ConflictRowProps) {
  return (
    <li className="merge-conflict" data-testid="merge-conflict">
      <div>
        <strong>{match.name}</strong> <span className="badge">{ACTOR_KIND_LABELS[match.kind]}</span>
        {match.aliases.length > 0 && <span className="muted small"> also {match.aliases.join(", ")}</span>}
      </div>
      <label className="small">
        <select value={choice} onChange={(event) => onChoose(event.target.value)} aria-label={`Decision for ${match.name}`}>
          <option value="">Choose…</option>
          {match.candidates.map((candidate) => (
            <option key={candidate.id} value={String(candidate.id)}>
              The same as {candidate.name} ({ACTOR_KIND_LABELS[candidate.kind]}
              {candidate.aliases.length > 0 ? `; also ${candidate.aliases.join(", ")}` : ""})
            </option>
          ))}
          <option value={SEPARATE}>A different actor: keep it separate</option>
        </select>
      </label>
    </li>
  );
}

function MergeSummary({ report, onClose }: { report: MergeReport; onClose: () => void }) {
  const skipped = report.statements_skipped + report.annotations_skipped + report.dossiers_skipped;
  return (
    <div data-testid="merge-report">
      <p>
        Merged: {countOf(report.articles_added, "article")} added ({report.articles_existing} already here),{" "}
        {countOf(report.actors_added, "actor")} added and {report.actors_matched} matched,{" "}
        {countOf(report.statements_added, "statement")}, {countOf(report.annotations_added, "annotation")} and{" "}
        {countOf(report.dossiers_added, "dossier")} added.
        {skipped > 0 && ` ${countOf(skipped, "item was", "items were")} already here and not added again.`}
      </p>
      {report.snapshot && (
        <p className="muted small">
          The notebook as it was before is kept as a snapshot ({fileName(report.snapshot.path)}): File › Restore from
          Backup… brings it back.
        </p>
      )}
      <div className="button-row modal-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
