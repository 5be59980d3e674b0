import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DOSSIER, DOSSIER_ITEMS, dossierDetail, statement } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";
import type { Statement } from "../../bindings/Statement";
import type { StatementPageQuery } from "../../bindings/StatementPageQuery";

const ANY_STATEMENT = { actor_id: null, topic: null, stance: null, outlet: null, from: null, to: null };

/** The statements table's pages, cut from `rows`. */
function pages(rows: Statement[]) {
  return ({ query }: Record<string, unknown>) => {
    const { offset, limit } = query as StatementPageQuery;
    return { total: rows.length, offset, rows: rows.slice(offset, offset + limit) };
  };
}

describe("Statements", () => {
  it("adds the checked statements to the chosen dossier", async () => {
    const backend = await renderApp({
      list_dossiers: () => [DOSSIER, { ...DOSSIER, id: 4, title: "Every statement", query: ANY_STATEMENT }],
      statement_page: pages([statement(21, "one"), statement(22, "two", "Li Qiang"), statement(23, "three")]),
      add_to_dossier: () => dossierDetail(DOSSIER_ITEMS),
    });
    fireEvent.click(screen.getByRole("tab", { name: "Statements" }));
    const rows = await screen.findAllByTestId("statement-row");
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain("Li Qiang");
    expect(rows[1].textContent).toContain("“two”");
    expect(backend.callsTo("statement_page")).toContainEqual({
      query: { filter: { article_id: null, actor_id: null }, status: "accepted", sort: "article", descending: false, offset: 0, limit: 100 },
    });

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

  it("shows each statement's stance and topics and codes it: stance, topics, target, reported via", async () => {
    const coded = { ...statement(21, "one"), stance: "supports" as const, topics: ["trade", "Taiwan"] };
    const backend = await renderApp({
      statement_page: pages([coded, statement(22, "two", "Li Qiang")]),
      code_statement: ({ id, coding }) => {
        const { stance, topics, target_actor_ids, reported_via } = coding as { stance: null; topics: string[]; target_actor_ids: number[]; reported_via: string };
        return { ...coded, id, stance, topics, reported_via, targets: target_actor_ids.map((t) => ({ id: t, name: "Ministry of Foreign Affairs" })) };
      },
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
    // A target typed: Enter takes the first matching actor.
    const targetInput = within(within(dialog).getByTestId("targets")).getByRole("textbox");
    fireEvent.change(targetInput, { target: { value: "mfa" } });
    await within(dialog).findByRole("button", { name: "Ministry of Foreign Affairs" });
    fireEvent.keyDown(targetInput, { key: "Enter" });
    expect(within(dialog).getAllByTestId("targets-chip").map((chip) => chip.textContent)).toEqual(["Ministry of Foreign Affairs×"]);
    fireEvent.change(within(dialog).getByTestId("reported-via-input"), { target: { value: " a press conference " } });
    fireEvent.click(within(dialog).getByTestId("save-coding"));

    await screen.findByText("Coding saved");
    expect(within(screen.getAllByTestId("statement-row")[0]).getByTestId("statement-context").textContent).toBe(
      "about Ministry of Foreign Affairs · via a press conference",
    );
    expect(backend.callsTo("code_statement")).toEqual([
      {
        id: 21,
        coding: {
          stance: null,
          topics: ["trade", "border security"],
          addressee_actor_ids: [],
          target_actor_ids: [2],
          reported_via: "a press conference",
        },
      },
    ]);
    expect(screen.queryByTestId("coding-dialog")).toBeNull();
    const updated = screen.getAllByTestId("statement-row")[0];
    expect(within(updated).getByTestId("statement-stance").textContent).toBe("");
    expect(within(updated).getByTestId("statement-topics").textContent).toBe("tradeborder security");
  });
});
