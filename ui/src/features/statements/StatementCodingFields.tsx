import type { Stance } from "../../bindings/Stance";
import { StanceSelect } from "../../components/StanceSelect";

type StatementCodingFieldsProps = {
  stance: Stance | null;
  onStance: (stance: Stance | null) => void;
  /** Comma-separated, as typed; `parseList` makes the tags. */
  topics: string;
  onTopics: (topics: string) => void;
};

/** Stance and topic tags of a statement, side by side. */
export function StatementCodingFields({ stance, onStance, topics, onTopics }: StatementCodingFieldsProps) {
  return (
    <div className="field-row statement-coding">
      <StanceSelect value={stance} onChange={onStance} noneLabel="No stance" testId="stance-select" />
      <label className="field grow">
        <span className="field-label">Topics</span>
        <input
          className="input"
          data-testid="topics-input"
          placeholder="trade, border security"
          value={topics}
          onChange={(event) => onTopics(event.target.value)}
        />
      </label>
    </div>
  );
}
