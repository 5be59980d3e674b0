import { useState } from "react";
import type { Span } from "../../bindings/Span";
import type { Stance } from "../../bindings/Stance";
import type { StatementKind } from "../../bindings/StatementKind";
import { Modal } from "../../components/Modal";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { parseList } from "../../lib/format";
import { sliceByCodePoints } from "../../lib/offsets";
import { useLoader } from "../../lib/useLoader";
import { StatementCodingFields } from "../statements/StatementCodingFields";
import { SpeakerPicker, type SpeakerChoice } from "./SpeakerPicker";
import { guessStatementKind } from "./statementKind";

const STATEMENT_KINDS: { value: StatementKind; label: string }[] = [
  { value: "direct", label: "Direct quote" },
  { value: "indirect", label: "Indirect (reported)" },
  { value: "mixed", label: "Mixed" },
];

type StatementDialogProps = {
  articleId: number;
  articleText: string;
  span: Span;
  onClose: () => void;
  onSaved: () => void;
};

export function StatementDialog({ articleId, articleText, span, onClose, onSaved }: StatementDialogProps) {
  const { showError } = useFeedback();
  const actors = useLoader(() => api.listActors(), []);
  const [query, setQuery] = useState("");
  const [choice, setChoice] = useState<SpeakerChoice | null>(null);
  const [kind, setKind] = useState<StatementKind>(() => guessStatementKind(articleText, span));
  const [stance, setStance] = useState<Stance | null>(null);
  const [topics, setTopics] = useState("");
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!choice || saving) return;
    setSaving(true);
    try {
      let speaker = choice.type === "existing" ? choice.actor : null;
      if (choice.type === "new") {
        speaker = await api.addActor({ name: choice.name, kind: choice.kind, aliases: parseList(choice.aliases) });
        // If the statement fails below, a retry must not create the actor twice.
        setChoice({ type: "existing", actor: speaker });
      }
      await api.addStatement({
        article_id: articleId,
        content: [span],
        speaker_actor_ids: [speaker!.id],
        speaker_mention: null,
        cue: null,
        kind,
        stance,
        topics: parseList(topics),
      });
      onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="New statement" onClose={onClose} testId="statement-dialog">
      <form
        className="modal-body"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <blockquote className="statement-quote" data-testid="statement-quote">
          {sliceByCodePoints(articleText, span.start, span.end)}
        </blockquote>

        <SpeakerPicker actors={actors.data ?? []} query={query} onQuery={setQuery} choice={choice} onChoice={setChoice} />

        <fieldset className="kind-choice">
          <legend className="field-label">Kind of statement</legend>
          {STATEMENT_KINDS.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name="statement-kind"
                value={option.value}
                checked={kind === option.value}
                onChange={() => setKind(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>

        <StatementCodingFields stance={stance} onStance={setStance} topics={topics} onTopics={setTopics} />

        <div className="button-row modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="save-statement" disabled={!choice || saving}>
            Save statement
          </button>
        </div>
      </form>
    </Modal>
  );
}
