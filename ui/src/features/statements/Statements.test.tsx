import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DOSSIER, DOSSIER_ITEMS, dossierDetail, statement } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";

const ANY_STATEMENT = { actor_id: null, topic: null, stance: null, outlet: null, from: null, to: null };

describe("Statements", () => {
  it("adds the checked statements to the chosen dossier", async () => {
    const backend = await renderApp({
      list_dossiers: () => [DOSSIER, { ...DOSSIER, id: 4, title: "Every statement", query: ANY_STATEMENT }],
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
    // A saved-query dossier fills itself, so it is not offered.
    await waitFor(() => expect(screen.getByTestId("dossier-select").querySelectorAll("option")).toHaveLength(2));
    fireEvent.change(screen.getByTestId("dossier-select"), { target: { value: "3" } });
    expect(add.disabled).toBe(false);
    fireEvent.click(add);

    await screen.findByText("Added 2 statements to “Red lines”");
    expect(backend.callsTo("add_to_dossier")).toEqual([{ dossier_id: 3, statement_ids: [21, 23] }]);
  });

  it("shows each statement's stance and topics and edits them", async () => {
    const coded = { ...statement(21, "one"), stance: "supports" as const, topics: ["trade", "Taiwan"] };
    const backend = await renderApp({
      list_statements: () => [coded, statement(22, "two", "Li Qiang")],
      set_statement_coding: ({ id, stance, topics }) => ({ ...coded, id, stance, topics }),
    });
    fireEvent.click(screen.getByRole("tab", { name: "Statements" }));
    const rows = await screen.findAllByTestId("statement-row");
    expect(within(rows[0]).getByTestId("statement-stance").textContent).toBe("Supports");
    expect(Array.from(within(rows[0]).getByTestId("statement-topics").children).map((tag) => tag.textContent)).toEqual([
      "trade",
      "Taiwan",
    ]);
    expect(within(rows[1]).getByTestId("statement-stance").textContent).toBe("");

    fireEvent.click(within(rows[0]).getByTestId("edit-coding"));
    const dialog = screen.getByTestId("coding-dialog");
    const stance = within(dialog).getByTestId<HTMLSelectElement>("stance-select");
    const topics = within(dialog).getByTestId<HTMLInputElement>("topics-input");
    expect(stance.value).toBe("supports");
    expect(topics.value).toBe("trade, Taiwan");
    fireEvent.change(stance, { target: { value: "" } });
    fireEvent.change(topics, { target: { value: "trade, , border security " } });
    fireEvent.click(within(dialog).getByTestId("save-coding"));

    await screen.findByText("Stance and topics saved");
    expect(backend.callsTo("set_statement_coding")).toEqual([{ id: 21, stance: null, topics: ["trade", "border security"] }]);
    expect(screen.queryByTestId("coding-dialog")).toBeNull();
    const updated = screen.getAllByTestId("statement-row")[0];
    expect(within(updated).getByTestId("statement-stance").textContent).toBe("");
    expect(within(updated).getByTestId("statement-topics").textContent).toBe("tradeborder security");
  });
});
