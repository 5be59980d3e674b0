import type { Actor } from "../../bindings/Actor";
import type { ActorKind } from "../../bindings/ActorKind";
import { ACTOR_KIND_LABELS } from "../../lib/format";
import { ActorKindSelect } from "../actors/ActorKindSelect";

/** The speaker the analyst picked: someone known, or a name to create. */
export type SpeakerChoice =
  | { type: "existing"; actor: Actor }
  | { type: "new"; name: string; kind: ActorKind; aliases: string };

const MAX_OPTIONS = 8;

function normalise(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** Actors whose name or an alias contains the query, best (prefix) matches first. */
export function matchActors(actors: Actor[], query: string): Actor[] {
  const q = normalise(query);
  if (!q) return actors.slice(0, MAX_OPTIONS);
  const names = (actor: Actor) => [actor.name, ...actor.aliases].map(normalise);
  return actors
    .filter((actor) => names(actor).some((name) => name.includes(q)))
    .sort((a, b) => Number(!names(a).some((n) => n.startsWith(q))) - Number(!names(b).some((n) => n.startsWith(q))))
    .slice(0, MAX_OPTIONS);
}

/** The actor whose name or an alias is exactly `name` (case and outer spaces aside). */
export function actorNamed(actors: Actor[], name: string): Actor | undefined {
  const q = normalise(name);
  return actors.find((actor) => [actor.name, ...actor.aliases].some((n) => normalise(n) === q));
}

type SpeakerPickerProps = {
  actors: Actor[];
  query: string;
  onQuery: (query: string) => void;
  choice: SpeakerChoice | null;
  onChoice: (choice: SpeakerChoice | null) => void;
};

export function SpeakerPicker({ actors, query, onQuery, choice, onChoice }: SpeakerPickerProps) {
  const options = matchActors(actors, query);
  const canCreate = query.trim() !== "" && actorNamed(actors, query) === undefined;
  const createNew = () => onChoice({ type: "new", name: query.trim(), kind: "person", aliases: "" });

  return (
    <div className="speaker-picker">
      <label className="field">
        <span className="field-label">Speaker</span>
        <input
          className="input"
          data-testid="speaker-input"
          placeholder="Type a name or alias"
          autoComplete="off"
          autoFocus
          value={query}
          onChange={(event) => {
            onQuery(event.target.value);
            onChoice(null);
          }}
          onKeyDown={(event) => {
            // Enter picks the first suggestion rather than submitting without a speaker.
            if (event.key !== "Enter" || choice) return;
            event.preventDefault();
            if (options.length > 0 && query.trim()) onChoice({ type: "existing", actor: options[0] });
            else if (canCreate) createNew();
          }}
        />
      </label>

      {choice === null && (
        <ul className="speaker-options" aria-label="Matching actors">
          {options.map((actor) => (
            <li key={actor.id}>
              <button
                type="button"
                className="speaker-option"
                data-testid="speaker-option"
                onClick={() => {
                  onQuery(actor.name);
                  onChoice({ type: "existing", actor });
                }}
              >
                <span>{actor.name}</span>
                <span className="badge">{ACTOR_KIND_LABELS[actor.kind]}</span>
                {actor.aliases.length > 0 && <span className="muted small">also {actor.aliases.join(", ")}</span>}
              </button>
            </li>
          ))}
          {canCreate && (
            <li>
              <button type="button" className="speaker-option create-option" data-testid="create-speaker" onClick={createNew}>
                Create “{query.trim()}”
              </button>
            </li>
          )}
        </ul>
      )}

      {choice?.type === "existing" && (
        <p className="chosen-speaker">
          Speaker: <strong>{choice.actor.name}</strong> <span className="badge">{ACTOR_KIND_LABELS[choice.actor.kind]}</span>
        </p>
      )}

      {choice?.type === "new" && (
        <div className="new-speaker">
          <p className="chosen-speaker">
            New actor: <strong>{choice.name}</strong>
          </p>
          <div className="field-row">
            <ActorKindSelect value={choice.kind} onChange={(kind) => onChoice({ ...choice, kind })} />
            <label className="field grow">
              <span className="field-label">Aliases (comma separated, optional)</span>
              <input
                className="input"
                data-testid="alias-input"
                value={choice.aliases}
                onChange={(event) => onChoice({ ...choice, aliases: event.target.value })}
              />
            </label>
          </div>
        </div>
      )}
    </div>
  );
}
