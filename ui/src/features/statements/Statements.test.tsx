import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DOSSIER, DOSSIER_ITEMS, dossierDetail, statement } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";

describe("Statements", () => {
  it("adds the checked statements to the chosen dossier", async () => {
    const backend = await renderApp({
      list_dossiers: () => [DOSSIER],
      list_statements: () => [statement(21, "one"), statement(22, "two", "Li Qiang"), statement(23, "three")],
      add_to_dossier: () => dossierDetail(DOSSIER_ITEMS),
    });
    fireEvent.click(screen.getByRole("tab", { name: "Statements" }));
    const rows = await screen.findAllByTestId("statement-row");
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain("Li Qiang");
    expect(rows[1].textContent).toContain("“two”");
    expect(backend.callsTo("list_statements")).toContainEqual({ filter: { article_id: null, actor_id: null } });

    const add = screen.getByTestId<HTMLButtonElement>("add-to-dossier");
    expect(add.disabled).toBe(true);
    fireEvent.click(rows[2].querySelector("input[type=checkbox]")!);
    fireEvent.click(rows[0].querySelector("input[type=checkbox]")!);
    await waitFor(() => expect(screen.getByTestId("dossier-select").querySelectorAll("option")).toHaveLength(2));
    fireEvent.change(screen.getByTestId("dossier-select"), { target: { value: "3" } });
    expect(add.disabled).toBe(false);
    fireEvent.click(add);

    await screen.findByText("Added 2 statements to “Red lines”");
    expect(backend.callsTo("add_to_dossier")).toEqual([{ dossier_id: 3, statement_ids: [21, 23] }]);
  });
});
