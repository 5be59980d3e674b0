import type { DossierQuery } from "../../bindings/DossierQuery";
import type { Stance } from "../../bindings/Stance";

/** The saved-query filters as the create form holds them: text, "" for "not set". */
export type QueryDraft = {
  actorId: string;
  topic: string;
  stance: Stance | null;
  outlet: string;
  /** YYYY-MM-DD, as a date input gives it. */
  from: string;
  to: string;
};

export const EMPTY_QUERY_DRAFT: QueryDraft = { actorId: "", topic: "", stance: null, outlet: "", from: "", to: "" };

function textOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed ? trimmed : null;
}

/** The query to send: every filter left empty is null, so it does not filter. */
export function queryFromDraft(draft: QueryDraft): DossierQuery {
  return {
    actor_id: draft.actorId ? Number(draft.actorId) : null,
    topic: textOrNull(draft.topic),
    stance: draft.stance,
    outlet: textOrNull(draft.outlet),
    from: textOrNull(draft.from),
    to: textOrNull(draft.to),
  };
}

function dateRange(from: string | null, to: string | null): string | null {
  if (from && to) return `${from} – ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return null;
}

/**
 * The query in one line: "Statements by Wang Yi on ‘trade’ in The Daily, supports,
 * 2026-01-01 – 2026-06-30". `actorName` is null while unknown (the id is shown then).
 */
export function describeDossierQuery(query: DossierQuery, actorName: string | null): string {
  let subject = "Statements";
  if (query.actor_id !== null) subject += ` by ${actorName ?? `actor #${query.actor_id}`}`;
  if (query.topic) subject += ` on ‘${query.topic}’`;
  if (query.outlet) subject += ` in ${query.outlet}`;
  const details = [query.stance, dateRange(query.from, query.to)].filter(Boolean);
  if (subject === "Statements" && details.length === 0) return "All statements";
  return [subject, ...details].join(", ");
}
