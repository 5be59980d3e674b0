import type { Stance } from "../bindings/Stance";
import { STANCE_LABELS } from "../lib/format";

const STANCES = Object.keys(STANCE_LABELS) as Stance[];

type StanceSelectProps = {
  value: Stance | null;
  onChange: (stance: Stance | null) => void;
  /** What the empty choice means here: "No stance" when coding, "Any stance" when filtering. */
  noneLabel: string;
  label?: string;
  testId?: string;
};

/** A labelled select over the stances, with an empty choice for null. */
export function StanceSelect({ value, onChange, noneLabel, label = "Stance", testId }: StanceSelectProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select
        className="input"
        data-testid={testId}
        value={value ?? ""}
        onChange={(event) => onChange((event.target.value || null) as Stance | null)}
      >
        <option value="">{noneLabel}</option>
        {STANCES.map((stance) => (
          <option key={stance} value={stance}>
            {STANCE_LABELS[stance]}
          </option>
        ))}
      </select>
    </label>
  );
}
