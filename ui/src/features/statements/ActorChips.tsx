import { useState } from "react";
import type { Actor } from "../../bindings/Actor";
import { matchActors } from "../reader/SpeakerPicker";

type ActorChipsProps = {
  label: string;
  testId: string;
  actors: Actor[];
  /** Chosen actor ids, in order. */
  value: number[];
  onChange: (ids: number[]) => void;
};

/** Several actors for one role: chips to remove, a name to type to add one (Enter takes the first match). */
export function ActorChips({ label, testId, actors, value, onChange }: ActorChipsProps) {
  const [query, setQuery] = useState("");
  const chosen = value.map((id) => actors.find((actor) => actor.id === id)).filter((actor): actor is Actor => actor !== undefined);
  const options = query.trim() ? matchActors(actors, query).filter((actor) => !value.includes(actor.id)) : [];
  const add = (actor: Actor) => {
    onChange([...value, actor.id]);
    setQuery("");
  };
  return (
    <div className="field actor-chips" data-testid={testId}>
      <span className="field-label">{label}</span>
      <div className="chip-row">
        {chosen.map((actor) => (
          <span key={actor.id} className="chip" data-testid={`${testId}-chip`}>
            {actor.name}
            <button type="button" className="chip-remove" aria-label={`Remove ${actor.name}`} onClick={() => onChange(value.filter((id) => id !== actor.id))}>
              ×
            </button>
          </span>
        ))}
        <input
          className="input input-small"
          aria-label={`Add to ${label.toLocaleLowerCase()}`}
          placeholder="Type a name"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              // Enter adds the first match rather than saving the dialog.
              event.preventDefault();
              if (options[0]) add(options[0]);
            }
          }}
        />
      </div>
      {options.length > 0 && (
        <ul className="speaker-options" aria-label={`Actors for ${label.toLocaleLowerCase()}`}>
          {options.map((actor) => (
            <li key={actor.id}>
              <button type="button" className="speaker-option" onClick={() => add(actor)}>
                {actor.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
