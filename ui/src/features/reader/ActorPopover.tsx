import { useState } from "react";
import type { Actor } from "../../bindings/Actor";
import type { ActorKind } from "../../bindings/ActorKind";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { useEscape } from "../../lib/useEscape";
import { ActorKindSelect } from "../actors/ActorKindSelect";
import type { TextSelection } from "./ArticleText";
import { floatingPosition } from "./SelectionToolbar";
import { actorNamed, matchActors } from "./SpeakerPicker";

/** The name a selection stands for: no surrounding quotes or punctuation, no possessive ’s. */
export function nameFromSelection(selected: string): string {
  return selected
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, "")
    .replace(/[’']s$/u, "")
    .trim();
}

/** Whether `name` is a lone word of the actor's name: a surname, which should count only after the full name. */
export function looksLikeSurname(name: string, actor: Actor | undefined): boolean {
  if (!actor || /\s/u.test(name)) return false;
  const words = actor.name.toLocaleLowerCase().split(/\s+/u);
  return words.length > 1 && words.includes(name.toLocaleLowerCase());
}

type ActorPopoverProps = {
  anchor: TextSelection["anchor"];
  /** The selected words. */
  name: string;
  actors: Actor[];
  onClose: () => void;
  onSaved: (message: string) => void;
};

/** A selected name becomes a new actor, or another name of an actor the notebook has. */
export function ActorPopover({ anchor, name: selected, actors, onClose, onSaved }: ActorPopoverProps) {
  const { showError } = useFeedback();
  const [name, setName] = useState(() => nameFromSelection(selected));
  const [kind, setKind] = useState<ActorKind>("person");
  const [query, setQuery] = useState("");
  const [weakChoice, setWeakChoice] = useState<boolean | null>(null);
  const [saving, setSaving] = useState(false);
  useEscape(onClose);

  // Actors the typed query names, else those sharing a word with the selection.
  const matches = query.trim()
    ? matchActors(actors, query)
    : [...new Map(name.split(/\s+/u).flatMap((word) => (word.length > 2 ? matchActors(actors, word) : [])).map((a) => [a.id, a])).values()].slice(0, 6);
  const weak = weakChoice ?? looksLikeSurname(name, matches[0]);
  const known = actorNamed(actors, name);

  const run = async (action: () => Promise<string>) => {
    setSaving(true);
    try {
      onSaved(await action());
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };
  const create = () =>
    run(async () => {
      const actor = await api.addActor({ name: name.trim(), kind, aliases: [] });
      return `Actor “${actor.name}” created`;
    });
  const extend = (actor: Actor) =>
    run(async () => {
      await api.addAliasWith(actor.id, { alias: name.trim(), weak, metonym: false, demonym: false });
      return `“${name.trim()}” is now a name of ${actor.name}`;
    });

  return (
    <div className="popover actor-popover" role="dialog" aria-label="Actor from selection" data-testid="actor-popover" style={floatingPosition(anchor, 340)}>
      <label className="field">
        <span className="field-label">Name</span>
        <input className="input" data-testid="actor-name" autoFocus value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      {known ? (
        <p className="muted small" data-testid="actor-known">
          Already a name of <strong>{known.name}</strong>.
        </p>
      ) : (
        <>
          <div className="field-row">
            <ActorKindSelect value={kind} onChange={setKind} />
            <button type="button" className="button button-primary" data-testid="create-actor" disabled={saving || !name.trim()} onClick={() => void create()}>
              Create actor
            </button>
          </div>
          <div className="popover-section">
            <span className="field-label">Or another name of</span>
            <input
              className="input input-small"
              data-testid="extend-actor-query"
              placeholder="Find an actor"
              aria-label="Find an actor"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <ul className="speaker-options" aria-label="Actors">
              {matches.map((actor) => (
                <li key={actor.id}>
                  <button type="button" className="speaker-option" data-testid="extend-actor" disabled={saving} onClick={() => void extend(actor)}>
                    {actor.name}
                    {actor.aliases.length > 0 && <span className="muted small"> also {actor.aliases.slice(0, 3).join(", ")}</span>}
                  </button>
                </li>
              ))}
            </ul>
            <label className="checkbox small">
              <input type="checkbox" data-testid="alias-weak" checked={weak} onChange={(event) => setWeakChoice(event.target.checked)} />
              Counts only after the full name in the same article (a surname, a title)
            </label>
          </div>
        </>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
