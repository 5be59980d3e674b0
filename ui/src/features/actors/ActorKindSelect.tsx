import type { ActorKind } from "../../bindings/ActorKind";
import { ACTOR_KIND_LABELS } from "../../lib/format";

const KINDS = Object.keys(ACTOR_KIND_LABELS) as ActorKind[];

type ActorKindSelectProps = {
  value: ActorKind;
  onChange: (kind: ActorKind) => void;
  label?: string;
};

export function ActorKindSelect({ value, onChange, label = "Kind" }: ActorKindSelectProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select className="input" value={value} onChange={(event) => onChange(event.target.value as ActorKind)}>
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {ACTOR_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
    </label>
  );
}
