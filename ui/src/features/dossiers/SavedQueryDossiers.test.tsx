import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Dossier } from "../../bindings/Dossier";
import type { DossierQuery } from "../../bindings/DossierQuery";
import { openDossiers } from "../../test/dossiers";
import { DOSSIER, DOSSIER_ITEMS, dossierDetail, statement } from "../../test/fixtures";

const QUERY: DossierQuery = {
  actor_id: 1,
  topic: "trade",
  stance: "supports",
  outlet: null,
  from: "2026-01-01",
  to: "2026-06-30",
};

const STATEMENT_ITEMS = DOSSIER_ITEMS.slice(0, 1);

describe("Saved-query dossiers", () => {
  it("creates one from the filters, sending null for those left empty", async () => {
    const backend = await openDossiers({
      create_query_dossier: ({ title, description, query }) =>
        ({ ...DOSSIER, id: 4, title, description, query, item_count: 2 }) as Dossier,
    });
    fireEvent.change(screen.getByTestId("dossier-title-input"), { target: { value: "Xi on trade" } });
    expect(screen.queryByTestId("query-topic")).toBeNull();
    fireEvent.click(screen.getByTestId("query-toggle"));

    const actor = screen.getByTestId<HTMLSelectElement>("query-actor");
    await waitFor(() => expect(actor.querySelectorAll("option")).toHaveLength(3));
    fireEvent.change(actor, { target: { value: "1" } });
    fireEvent.change(screen.getByTestId("query-topic"), { target: { value: " trade " } });
    fireEvent.change(screen.getByTestId("query-stance"), { target: { value: "supports" } });
    fireEvent.change(screen.getByTestId("query-from"), { target: { value: "2026-01-01" } });
    fireEvent.click(screen.getByTestId("create-dossier"));

    await waitFor(() =>
      expect(backend.callsTo("create_query_dossier")).toEqual([
        {
          title: "Xi on trade",
          description: "",
          query: { actor_id: 1, topic: "trade", stance: "supports", outlet: null, from: "2026-01-01", to: null },
        },
      ]),
    );
    expect(backend.callsTo("create_dossier")).toEqual([]);
    const listed = screen.getAllByTestId("dossier-list-item");
    expect(within(listed[0]).queryByTestId("saved-query-badge")).toBeNull();
    expect(within(listed[1]).getByTestId("saved-query-badge").textContent).toBe("saved query");
  });

  it("shows the query, keeps the items read-only and freezes on request", async () => {
    const backend = await openDossiers(
      {
        list_dossiers: () => [{ ...DOSSIER, query: QUERY }],
        get_dossier: () => ({ ...dossierDetail(STATEMENT_ITEMS), dossier: { ...DOSSIER, item_count: 1, query: QUERY } }),
        list_statements: () => [statement(22, "talks would continue", "Li Qiang")],
        freeze_dossier: () => dossierDetail(STATEMENT_ITEMS),
      },
      STATEMENT_ITEMS,
    );
    const banner = screen.getByTestId("query-banner");
    await waitFor(() =>
      expect(banner.textContent).toContain("Statements by Xi Jinping on ‘trade’, supports, 2026-01-01 – 2026-06-30"),
    );
    expect(screen.getByTestId("saved-query-badge")).toBeTruthy();

    const item = screen.getByTestId("dossier-item");
    expect(within(item).queryByRole("button")).toBeNull();
    expect(within(item).queryByTestId("item-commentary")).toBeNull();
    expect(item.getAttribute("draggable")).toBeNull();
    for (const form of ["commentary-input", "section-title-input", "dossier-add-statement", "dossier-add-article"]) {
      expect(screen.queryByTestId(form)).toBeNull();
    }
    // Exporting does not need a fixed dossier.
    expect(screen.getByTestId<HTMLButtonElement>("export-dossier").disabled).toBe(false);

    fireEvent.click(screen.getByTestId("freeze-dossier"));
    await waitFor(() => expect(screen.queryByTestId("query-banner")).toBeNull());
    expect(backend.callsTo("freeze_dossier")).toEqual([{ id: 3 }]);
    expect(within(screen.getByTestId("dossier-item")).getByRole("button", { name: "Remove" })).toBeTruthy();
    expect(screen.getByTestId("section-title-input")).toBeTruthy();
    await screen.findByTestId("dossier-add-statement");
    // The list no longer marks it.
    expect(screen.queryByTestId("saved-query-badge")).toBeNull();
  });
});
