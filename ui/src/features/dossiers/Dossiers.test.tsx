import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DossierItem } from "../../bindings/DossierItem";
import type { Handler } from "../../test/backend";
import { DOSSIER, DOSSIER_ITEMS, dossierDetail, statement } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";

/** Moves an item the way the back end does, so the UI shows the new order. */
function moved(items: DossierItem[], itemId: number, newIndex: number): DossierItem[] {
  const rest = items.filter((item) => item.id !== itemId);
  rest.splice(newIndex, 0, items.find((item) => item.id === itemId)!);
  return rest.map((item, position) => ({ ...item, position }));
}

async function openDossiers(overrides: Record<string, Handler> = {}) {
  let items = DOSSIER_ITEMS;
  const backend = await renderApp({
    list_dossiers: () => [DOSSIER],
    get_dossier: () => dossierDetail(items),
    list_statements: () => [statement(21, "we will not back down"), statement(22, "talks would continue", "Li Qiang")],
    move_dossier_item: ({ item_id, new_index }) => {
      items = moved(items, item_id as number, new_index as number);
      return dossierDetail(items);
    },
    ...overrides,
  });
  fireEvent.click(screen.getByRole("tab", { name: "Dossiers" }));
  await screen.findByTestId("dossiers");
  await waitFor(() => expect(screen.getAllByTestId("dossier-item")).toHaveLength(3));
  return backend;
}

const itemIds = () => screen.getAllByTestId("dossier-item").map((el) => Number(el.getAttribute("data-item-id")));

describe("Dossiers", () => {
  it("shows statements, commentary and deleted statements in order", async () => {
    await openDossiers();
    const [quote, commentary, missing] = screen.getAllByTestId("dossier-item");
    expect(quote.querySelector("blockquote")!.textContent).toBe("“we will not back down”");
    expect(quote.textContent).toContain("Wang Yi");
    expect(quote.textContent).toContain("Minister rules out concessions");
    expect(within(commentary).getByTestId<HTMLTextAreaElement>("item-commentary").value).toBe("Compare with last year.");
    expect(missing.textContent).toContain("This statement was deleted");
  });

  it("moves items with Up and Down", async () => {
    const backend = await openDossiers();
    const first = screen.getAllByTestId("dossier-item")[0];
    expect(within(first).getByRole<HTMLButtonElement>("button", { name: "Move up" }).disabled).toBe(true);
    fireEvent.click(within(first).getByRole("button", { name: "Move down" }));
    await waitFor(() => expect(itemIds()).toEqual([11, 10, 12]));
    expect(backend.callsTo("move_dossier_item")).toEqual([{ dossier_id: 3, item_id: 10, new_index: 1 }]);

    const last = screen.getAllByTestId("dossier-item")[2];
    expect(within(last).getByRole<HTMLButtonElement>("button", { name: "Move down" }).disabled).toBe(true);
    fireEvent.click(within(last).getByRole("button", { name: "Move up" }));
    await waitFor(() => expect(itemIds()).toEqual([11, 12, 10]));
    expect(backend.callsTo("move_dossier_item")[1]).toEqual({ dossier_id: 3, item_id: 12, new_index: 1 });
  });

  it("saves item commentary when the field loses focus, only if it changed", async () => {
    const backend = await openDossiers({
      set_item_commentary: ({ item_id, text }) =>
        dossierDetail(DOSSIER_ITEMS.map((item) => (item.id === item_id ? { ...item, commentary: text as string } : item))),
    });
    const field = within(screen.getAllByTestId("dossier-item")[0]).getByTestId("item-commentary");
    fireEvent.blur(field);
    expect(backend.callsTo("set_item_commentary")).toEqual([]);
    fireEvent.change(field, { target: { value: "Said twice that week." } });
    fireEvent.blur(field);
    await waitFor(() =>
      expect(backend.callsTo("set_item_commentary")).toEqual([{ dossier_id: 3, item_id: 10, text: "Said twice that week." }]),
    );
  });

  it("adds only statements that are not in the dossier yet", async () => {
    const backend = await openDossiers({
      add_to_dossier: () => dossierDetail(DOSSIER_ITEMS),
    });
    const addButtons = await screen.findAllByTestId("dossier-add-statement");
    // Statement 21 is already the first item.
    expect(addButtons).toHaveLength(1);
    expect(addButtons[0].closest("li")!.textContent).toContain("Li Qiang");
    fireEvent.click(addButtons[0]);
    await waitFor(() => expect(backend.callsTo("add_to_dossier")).toEqual([{ dossier_id: 3, statement_ids: [22] }]));
  });

  it("creates a dossier", async () => {
    const backend = await openDossiers({
      create_dossier: ({ title, description }) => ({ ...DOSSIER, id: 4, title, description, item_count: 0 }),
    });
    fireEvent.change(screen.getByTestId("dossier-title-input"), { target: { value: "Trade" } });
    fireEvent.click(screen.getByTestId("create-dossier"));
    await waitFor(() => expect(backend.callsTo("create_dossier")).toEqual([{ title: "Trade", description: "" }]));
    await waitFor(() => expect(backend.callsTo("get_dossier")).toContainEqual({ id: 4 }));
  });

  it("exports Markdown to the chosen path", async () => {
    const backend = await openDossiers({
      "plugin:dialog|save": () => "/home/analyst/Red lines.md",
      export_dossier: ({ path }) => ({ path, bytes: 812 }),
    });
    fireEvent.click(screen.getByTestId("export-markdown"));
    await screen.findByText("Exported to /home/analyst/Red lines.md");
    expect(backend.callsTo("plugin:dialog|save")[0].options).toEqual({
      defaultPath: "Red lines.md",
      filters: [{ name: "Markdown", extensions: ["md"] }],
    });
    expect(backend.callsTo("export_dossier")).toEqual([
      { dossier_id: 3, format: "markdown", path: "/home/analyst/Red lines.md" },
    ]);
  });
});
