import { useState } from "react";
import type { Actor } from "../../bindings/Actor";
import type { ActorRef } from "../../bindings/ActorRef";
import type { Statement } from "../../bindings/Statement";
import type { StatementCoding } from "../../bindings/StatementCoding";
import { useFeedback } from "../../components/Feedback";
import { Modal } from "../../components/Modal";
import { api } from "../../lib/api";
import { parseList, quoted, quoteText, speakerLabel, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";
import { ActorChips } from "./ActorChips";
import { StatementCodingFields } from "./StatementCodingFields";

type StatementCodingDialogProps = {
  statement: Statement;
  onClose: () => void;
  onSaved: (statement: Statement) => void;
};

/** The actor list, or until it loads, the actors the statement names. */
function knownActors(loaded: Actor[] | null, named: ActorRef[]): Actor[] {
  return loaded ?? named.map((actor) => ({ ...actor, kind: "other", aliases: [], statement_count: null }));
}

/** Codes a recorded statement: stance, topics, to whom, about whom, reported via what. */
export function StatementCodingDialog({ statement, onClose, onSaved }: StatementCodingDialogProps) {
  const { showError } = useFeedback();
  const actors = useLoader(() => api.listActors(), []);
  const [stance, setStance] = useState(statement.stance);
  const [topics, setTopics] = useState(statement.topics.join(", "));
  const [addressees, setAddressees] = useState(statement.addressees.map((actor) => actor.id));
  const [targets, setTargets] = useState(statement.targets.map((actor) => actor.id));
  const [reportedVia, setReportedVia] = useState(statement.reported_via ?? "");
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      const coding: StatementCoding = {
        stance,
        topics: parseList(topics),
        addressee_actor_ids: addressees,
        target_actor_ids: targets,
        reported_via: reportedVia.trim() || null,
      };
      onSaved(await api.codeStatement(statement.id, coding));
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="Code the statement" onClose={onClose} testId="coding-dialog">
      <form
        className="modal-body"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <blockquote className="statement-quote">{quoted(truncate(quoteText(statement.content), 400))}</blockquote>
        <p className="muted small chosen-speaker">— {speakerLabel(statement)}</p>
        <StatementCodingFields stance={stance} onStance={setStance} topics={topics} onTopics={setTopics} />
        {/* Actors the statement may already name that the list has not loaded yet stay chosen. */}
        <div className="field-row">
          <ActorChips label="Addressed to" testId="addressees" actors={knownActors(actors.data, statement.addressees)} value={addressees} onChange={setAddressees} />
          <ActorChips label="About (target)" testId="targets" actors={knownActors(actors.data, statement.targets)} value={targets} onChange={setTargets} />
        </div>
        <label className="field">
          <span className="field-label">Reported via</span>
          <input
            className="input"
            data-testid="reported-via-input"
            placeholder="a statement released by the ministry"
            value={reportedVia}
            onChange={(event) => setReportedVia(event.target.value)}
          />
        </label>
        <div className="button-row modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="save-coding" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
