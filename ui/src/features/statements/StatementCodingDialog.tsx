import { useState } from "react";
import type { Statement } from "../../bindings/Statement";
import { useFeedback } from "../../components/Feedback";
import { Modal } from "../../components/Modal";
import { api } from "../../lib/api";
import { parseList, quoted, quoteText, speakerLabel, truncate } from "../../lib/format";
import { StatementCodingFields } from "./StatementCodingFields";

type StatementCodingDialogProps = {
  statement: Statement;
  onClose: () => void;
  onSaved: (statement: Statement) => void;
};

/** Changes the stance and topics of a recorded statement. */
export function StatementCodingDialog({ statement, onClose, onSaved }: StatementCodingDialogProps) {
  const { showError } = useFeedback();
  const [stance, setStance] = useState(statement.stance);
  const [topics, setTopics] = useState(statement.topics.join(", "));
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      onSaved(await api.setStatementCoding(statement.id, stance, parseList(topics)));
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="Stance and topics" onClose={onClose} testId="coding-dialog">
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
