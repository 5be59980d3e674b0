import { OutletDateFields } from "../../components/OutletDateFields";
import { StanceSelect } from "../../components/StanceSelect";
import { api } from "../../lib/api";
import { useLoader } from "../../lib/useLoader";
import type { QueryDraft } from "./dossierQuery";

type QueryFilterFieldsProps = {
  draft: QueryDraft;
  onChange: (draft: QueryDraft) => void;
};

/** The filters of a saved-query dossier; each left empty matches everything. */
export function QueryFilterFields({ draft, onChange }: QueryFilterFieldsProps) {
  const actors = useLoader(() => api.listActors(), []);
  const set = <K extends keyof QueryDraft>(key: K, value: QueryDraft[K]) => onChange({ ...draft, [key]: value });

  return (
    <fieldset className="query-filters">
      <legend className="field-label">Statements that match</legend>
      <label className="field">
        <span className="field-label">Speaker</span>
        <select
          className="input"
          data-testid="query-actor"
          value={draft.actorId}
          onChange={(event) => set("actorId", event.target.value)}
        >
          <option value="">Any speaker</option>
          {(actors.data ?? []).map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Topic</span>
        <input
          className="input"
          data-testid="query-topic"
          placeholder="Any topic"
          value={draft.topic}
          onChange={(event) => set("topic", event.target.value)}
        />
      </label>
      <StanceSelect
        value={draft.stance}
        onChange={(stance) => set("stance", stance)}
        noneLabel="Any stance"
        testId="query-stance"
      />
      <OutletDateFields value={draft} onChange={onChange} testIdPrefix="query" />
    </fieldset>
  );
}
