import { useState } from "react";
import type { Actor } from "../../bindings/Actor";
import type { ActorAlias } from "../../bindings/ActorAlias";
import type { ActorRef } from "../../bindings/ActorRef";
import type { ActorRole } from "../../bindings/ActorRole";
import type { ActorKind } from "../../bindings/ActorKind";
import { DeleteButton } from "../../components/DeleteButton";
import { useFeedback } from "../../components/Feedback";
import { FormCard } from "../../components/FormCard";
import { SelectableList } from "../../components/SelectableList";
import { api } from "../../lib/api";
import { ACTOR_KIND_LABELS, countOf, parseList, quoted, quoteText, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";
import { ActorKindSelect } from "./ActorKindSelect";

/** Actors whose name or an alias contains `filter`, ignoring case. */
export function filterActors(actors: Actor[], filter: string): Actor[] {
  const wanted = filter.trim().toLocaleLowerCase();
  if (!wanted) return actors;
  return actors.filter((actor) => [actor.name, ...actor.aliases].some((name) => name.toLocaleLowerCase().includes(wanted)));
}

type ActorsViewProps = { version: number; onOpenArticle: (articleId: number) => void };

export function ActorsView({ version, onOpenArticle }: ActorsViewProps) {
  const actors = useLoader(() => api.listActors(true), [version]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [filter, setFilter] = useState("");
  const list = actors.data ?? [];
  const selected = list.find((actor) => actor.id === selectedId) ?? null;
  const shown = filterActors(list, filter);

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
        <input
          className="input input-small list-filter"
          type="search"
          data-testid="actor-filter"
          aria-label="Filter actors"
          placeholder={`Filter ${countOf(list.length, "actor")} by name or alias`}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <SelectableList
          title="Actors"
          items={shown}
          loading={actors.loading}
          emptyHint={list.length === 0 ? "No actors yet." : "No actor goes by that name."}
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
                {actor.statement_count !== null && countOf(actor.statement_count, "statement")}
              </span>
            </>
          )}
        />
      </section>
      <section className="detail-column">
        {selected ? (
          <ActorDetail
            key={selected.id}
            actor={selected}
            actors={list}
            version={version}
            onChanged={replace}
            onMerged={(id) => {
              actors.reload();
              setSelectedId(id);
            }}
            onDeleted={() => {
              actors.reload();
              setSelectedId(null);
            }}
            onOpenArticle={onOpenArticle}
          />
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

type ActorDetailProps = {
  actor: Actor;
  /** Every actor, for "merge into". */
  actors: Actor[];
  version: number;
  onChanged: (actor: Actor) => void;
  /** After a merge or an unmerge: reload the list and show `actorId`. */
  onMerged: (actorId: number) => void;
  /** The actor went to the trash. */
  onDeleted: () => void;
  onOpenArticle: (articleId: number) => void;
};

function ActorDetail({ actor, actors, version, onChanged, onMerged, onDeleted, onOpenArticle }: ActorDetailProps) {
  const { showError, toast } = useFeedback();
  const profile = useLoader(() => api.actorProfile(actor.id), [actor.id, version]);
  const [alias, setAlias] = useState("");
  const [mergeTarget, setMergeTarget] = useState("");
  const data = profile.data;

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (err) {
      showError(err);
    }
  };
  const toggleAlias = (a: ActorAlias) =>
    run(async () => {
      await api.setAliasFlags({ ...a, disabled: !a.disabled });
      profile.reload();
    });
  const merge = () =>
    run(async () => {
      const into = Number(mergeTarget);
      const merged = await api.mergeActors(into, actor.id);
      toast(`Merged ${actor.name} into ${merged.actor.name}`);
      setMergeTarget("");
      onMerged(into);
    });
  const unmerge = (merged: ActorRef) =>
    run(async () => {
      await api.unmergeActor(merged.id);
      toast(`${merged.name} is an actor of its own again`);
      onMerged(merged.id);
    });

  return (
    <div className="actor-detail" data-testid="actor-detail">
      <h2 className="detail-title">
        {data?.details.colour && <span className="colour-dot" style={{ background: data.details.colour }} />}
        {actor.name} <span className="badge">{ACTOR_KIND_LABELS[actor.kind]}</span>
        <DeleteButton label="Delete actor" testId="delete-actor" remove={() => api.deleteActor(actor.id)} onDeleted={onDeleted} />
      </h2>
      {data && data.aliases.length > 0 ? (
        <ul className="alias-list" data-testid="alias-list">
          {data.aliases.map((a) => (
            <li key={a.id} className={a.disabled ? "alias alias-off" : "alias"}>
              <span>{a.alias}</span>
              {aliasFlags(a) && <span className="muted small"> {aliasFlags(a)}</span>}
              <button
                type="button"
                className="link-button small alias-toggle"
                aria-label={`${a.disabled ? "Switch on" : "Switch off"} ${a.alias}`}
                onClick={() => void toggleAlias(a)}
              >
                {a.disabled ? "switch on" : "switch off"}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No aliases</p>
      )}
      <form
        className="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!alias.trim()) return;
          await run(async () => {
            onChanged(await api.addAlias(actor.id, alias.trim()));
            setAlias("");
            profile.reload();
          });
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

      {data && data.roles.length > 0 && (
        <>
          <h3 className="section-heading">Roles</h3>
          <ul className="plain-list" data-testid="role-list">
            {data.roles.map((role) => (
              <li key={role.id}>{roleText(role)}</li>
            ))}
          </ul>
        </>
      )}
      {data?.details.notes && <p className="actor-notes">{data.details.notes}</p>}

      {data && (
        <>
          <h3 className="section-heading">Mentioned</h3>
          <p className="muted" data-testid="mention-count">
            {countOf(data.mention_count, "mention")} in {countOf(data.articles.length, "article")}
          </p>
          <ul className="plain-list">
            {data.articles.slice(0, 10).map((article) => (
              <li key={article.article_id}>
                <button type="button" className="link-button" onClick={() => onOpenArticle(article.article_id)}>
                  {article.display_title}
                </button>{" "}
                <span className="muted small">
                  {[article.published, countOf(article.mentions, "mention")].filter(Boolean).join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="section-heading">Statements</h3>
      {data?.statements.length === 0 && <p className="empty-hint">No statements attributed yet.</p>}
      <ul className="plain-list">
        {(data?.statements ?? []).map((statement) => (
          <li key={statement.id} className="quote-card">
            <blockquote>{quoted(truncate(quoteText(statement.content), 400))}</blockquote>
            <p className="muted small">
              {statement.kind} · {statement.article_title}
            </p>
          </li>
        ))}
      </ul>

      <h3 className="section-heading">The same as another actor?</h3>
      <div className="inline-form">
        <select
          aria-label={`Merge ${actor.name} into`}
          value={mergeTarget}
          onChange={(e) => setMergeTarget(e.target.value)}
        >
          <option value="">Merge into…</option>
          {actors
            .filter((other) => other.id !== actor.id)
            .map((other) => (
              <option key={other.id} value={String(other.id)}>
                {other.name}
              </option>
            ))}
        </select>
        <button type="button" className="button" data-testid="merge-actor" disabled={!mergeTarget} onClick={() => void merge()}>
          Merge
        </button>
      </div>
      {data && data.merged.length > 0 && (
        <ul className="plain-list" data-testid="merged-actors">
          {data.merged.map((m) => (
            <li key={m.id}>
              <span className="muted">Merged in: {m.name}</span>{" "}
              <button type="button" className="link-button small" onClick={() => void unmerge(m)}>
                Unmerge
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "weak, metonym": how an alias is matched, when not plainly. */
function aliasFlags(alias: ActorAlias): string {
  const flags = [alias.weak && "weak", alias.metonym && "place", alias.demonym && "people", alias.disabled && "off"];
  return flags.filter(Boolean).join(", ");
}

/** "Foreign Minister of China, from 2023-07-25". */
function roleText(role: ActorRole): string {
  const title = role.of_actor ? `${role.title} of ${role.of_actor.name}` : role.title;
  const dates = [role.from && `from ${role.from}`, role.to && `to ${role.to}`].filter(Boolean).join(" ");
  return dates ? `${title}, ${dates}` : title;
}
