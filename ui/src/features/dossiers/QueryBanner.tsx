import type { DossierQuery } from "../../bindings/DossierQuery";
import { api } from "../../lib/api";
import { useLoader } from "../../lib/useLoader";
import { describeDossierQuery } from "./dossierQuery";

type QueryBannerProps = {
  query: DossierQuery;
  onFreeze: () => void;
};

/** Says what a saved-query dossier collects, and offers to fix its contents. */
export function QueryBanner({ query, onFreeze }: QueryBannerProps) {
  const actors = useLoader(() => (query.actor_id === null ? Promise.resolve([]) : api.listActors()), [query.actor_id]);
  const actorName = actors.data?.find((actor) => actor.id === query.actor_id)?.name ?? null;

  return (
    <section className="query-banner" data-testid="query-banner" aria-label="Saved query">
      <div>
        <p className="query-banner-text">
          <span className="badge">saved query</span> {describeDossierQuery(query, actorName)}
        </p>
        <p className="muted small">
          This dossier keeps itself current: statements you code later appear here by themselves. Freeze it to reorder,
          remove, comment on or add items.
        </p>
      </div>
      <button type="button" className="button" data-testid="freeze-dossier" onClick={onFreeze}>
        Freeze into a fixed dossier
      </button>
    </section>
  );
}
