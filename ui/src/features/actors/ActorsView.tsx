import { useState } from "react";
import type { Actor } from "../../bindings/Actor";
import type { ActorKind } from "../../bindings/ActorKind";
import { useFeedback } from "../../components/Feedback";
import { FormCard } from "../../components/FormCard";
import { SelectableList } from "../../components/SelectableList";
import { api } from "../../lib/api";
import { ACTOR_KIND_LABELS, countOf, parseList, quoted, quoteText, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";
import { ActorKindSelect } from "./ActorKindSelect";

export function ActorsView({ version }: { version: number }) {
  const actors = useLoader(() => api.listActors(), [version]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const list = actors.data ?? [];
  const selected = list.find((actor) => actor.id === selectedId) ?? null;

  // Commands return the updated actor; splice it in rather than reloading the list.
  const replace = (actor: Actor) => {
    const others = list.filter((a) => a.id !== actor.id);
    actors.setData([...others, actor].sort((a, b) => a.name.localeCompare(b.name)));
  };

  return (
    <div className="two-columns" data-testid="actors">
      <section className="list-column">
        <AddActorForm
          onAdded={(actor) => {
            replace(actor);
            setSelectedId(actor.id);
          }}
        />
        <SelectableList
          title="Actors"
          items={list}
          loading={actors.loading}
          emptyHint="No actors yet."
          selectedId={selectedId}
          onSelect={setSelectedId}
          itemTestId="actor-item"
          renderItem={(actor) => (
            <>
              <span className="list-item-title">
                {actor.name} <span className="badge">{ACTOR_KIND_LABELS[actor.kind]}</span>
              </span>
              {actor.aliases.length > 0 && <span className="muted small">{actor.aliases.join(", ")}</span>}
              <span className="muted small">
                {countOf(actor.statement_count, "statement")}
              </span>
            </>
          )}
        />
      </section>
      <section className="detail-column">
        {selected ? (
          <ActorDetail key={selected.id} actor={selected} version={version} onChanged={replace} />
        ) : (
          <p className="empty-hint">Choose an actor to see their statements.</p>
        )}
      </section>
    </div>
  );
}

function AddActorForm({ onAdded }: { onAdded: (actor: Actor) => void }) {
  const { toast } = useFeedback();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<ActorKind>("person");
  const [aliases, setAliases] = useState("");

  return (
    <FormCard
      label="Add actor"
      onSubmit={async () => {
        if (!name.trim()) return;
        const actor = await api.addActor({ name: name.trim(), kind, aliases: parseList(aliases) });
        setName("");
        setAliases("");
        toast(`Added ${actor.name}`);
        onAdded(actor);
      }}
    >
      <h2 className="section-heading">Add actor</h2>
      <label className="field">
        <span className="field-label">Name</span>
        <input className="input" data-testid="actor-name-input" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="field-row">
        <ActorKindSelect value={kind} onChange={setKind} />
        <label className="field grow">
          <span className="field-label">Aliases (comma separated)</span>
          <input className="input" value={aliases} onChange={(e) => setAliases(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="button button-primary" data-testid="add-actor" disabled={!name.trim()}>
        Add actor
      </button>
    </FormCard>
  );
}

function ActorDetail({ actor, version, onChanged }: { actor: Actor; version: number; onChanged: (actor: Actor) => void }) {
  const { showError } = useFeedback();
  const statements = useLoader(() => api.listStatements({ actor_id: actor.id, article_id: null }), [actor.id, version]);
  const [alias, setAlias] = useState("");

  return (
    <div className="actor-detail" data-testid="actor-detail">
      <h2 className="detail-title">
        {actor.name} <span className="badge">{ACTOR_KIND_LABELS[actor.kind]}</span>
      </h2>
      <p className="muted">{actor.aliases.length > 0 ? `Also known as ${actor.aliases.join(", ")}` : "No aliases"}</p>
      <form
        className="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!alias.trim()) return;
          try {
            onChanged(await api.addAlias(actor.id, alias.trim()));
            setAlias("");
          } catch (err) {
            showError(err);
          }
        }}
      >
        <input
          className="input"
          aria-label={`New alias for ${actor.name}`}
          placeholder="New alias"
          value={alias}
          onChange={(e) => setAlias(e.target.value)}
        />
        <button type="submit" className="button" disabled={!alias.trim()}>
          Add alias
        </button>
      </form>

      <h3 className="section-heading">Statements</h3>
      {statements.data?.length === 0 && <p className="empty-hint">No statements attributed yet.</p>}
      <ul className="plain-list">
        {(statements.data ?? []).map((statement) => (
          <li key={statement.id} className="quote-card">
            <blockquote>{quoted(truncate(quoteText(statement.content), 400))}</blockquote>
            <p className="muted small">
              {statement.kind} · {statement.article_title}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
