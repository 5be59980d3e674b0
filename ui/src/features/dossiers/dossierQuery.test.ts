import { describe, expect, it } from "vitest";
import { EMPTY_QUERY_DRAFT, describeDossierQuery, queryFromDraft } from "./dossierQuery";

const NO_FILTER = { actor_id: null, topic: null, stance: null, outlet: null, from: null, to: null };

describe("saved-query dossiers", () => {
  it("sends null for every filter left empty and trims the rest", () => {
    expect(queryFromDraft(EMPTY_QUERY_DRAFT)).toEqual(NO_FILTER);
    expect(queryFromDraft({ ...EMPTY_QUERY_DRAFT, actorId: "7", topic: "  border security ", to: "2026-06-30" })).toEqual({
      ...NO_FILTER,
      actor_id: 7,
      topic: "border security",
      to: "2026-06-30",
    });
  });

  it("describes a query in one line", () => {
    const query = {
      ...NO_FILTER,
      actor_id: 7,
      topic: "trade",
      stance: "supports" as const,
      from: "2026-01-01",
      to: "2026-06-30",
    };
    expect(describeDossierQuery(query, "Wang Yi")).toBe(
      "Statements by Wang Yi on ‘trade’, supports, 2026-01-01 – 2026-06-30",
    );
    expect(describeDossierQuery({ ...query, topic: null, stance: null, to: null }, null)).toBe(
      "Statements by actor #7, from 2026-01-01",
    );
    expect(describeDossierQuery({ ...NO_FILTER, outlet: "The Daily", to: "2026-06-30" }, null)).toBe(
      "Statements in The Daily, until 2026-06-30",
    );
    expect(describeDossierQuery(NO_FILTER, null)).toBe("All statements");
  });
});
