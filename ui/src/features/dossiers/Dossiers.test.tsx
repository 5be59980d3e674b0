import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError } from "../../test/backend";
import { openDossiers } from "../../test/dossiers";
import { DOSSIER, DOSSIER_ITEMS, SECTION_AND_ARTICLE_ITEMS, SUMMARIES, dossierDetail } from "../../test/fixtures";

const itemIds = () => screen.getAllByTestId("dossier-item").map((el) => Number(el.getAttribute("data-item-id")));

describe("Dossiers", () => {
  it("shows statements, commentary and deleted statements in order", async () => {
    await openDossiers();
    const [quote, commentary, missing] = screen.getAllByTestId("dossier-item");
    expect(quote.querySelector("blockquote")!.textContent).toBe("“we will not back down”");
    expect(quote.textContent).toContain("Wang Yi");
    expect(quote.textContent).toContain("Minister rules out concessions");
    expect(within(commentary).getByTestId<HTMLTextAreaElement>("item-commentary").value).toBe("Compare with last year.");
    expect(missing.textContent).toContain("was deleted from the notebook");
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

  it("shows sections as headings and whole articles with their source", async () => {
    await openDossiers({}, SECTION_AND_ARTICLE_ITEMS);
    const [section, article] = screen.getAllByTestId("dossier-item");
    expect(within(section).getByTestId("dossier-section").textContent).toBe("Reactions in Beijing");
    // A heading has no commentary of its own, but moves and goes like any item.
    expect(within(section).queryByTestId("item-commentary")).toBeNull();
    expect(within(section).getByRole("button", { name: "Move down" })).toBeTruthy();
    expect(within(section).getByRole("button", { name: "Remove" })).toBeTruthy();
    expect(section.getAttribute("draggable")).toBe("true");

    expect(article.textContent).toContain("Minister rules out concessions");
    expect(article.textContent).toContain("Jane Doe · The Daily · 2024-03-05");
    expect(article.textContent).toContain("minister.md");
    expect(within(article).getByTestId<HTMLTextAreaElement>("item-commentary").value).toBe("Read in full.");
    expect(within(article).getByRole("button", { name: "Remove" })).toBeTruthy();
  });

  it("adds a section heading and keeps the text when adding fails", async () => {
    let fail = true;
    const backend = await openDossiers({
      add_section: ({ title }) => {
        if (fail) apiError("not_found", "The dossier is gone");
        const section = { id: 15, position: 3, entry: { type: "section", title: title as string }, commentary: "" } as const;
        return dossierDetail([...DOSSIER_ITEMS, section]);
      },
    });
    const input = screen.getByTestId<HTMLInputElement>("section-title-input");
    fireEvent.change(input, { target: { value: "  Reactions abroad " } });
    fireEvent.click(screen.getByTestId("add-section"));
    expect((await screen.findByRole("alert")).textContent).toContain("The dossier is gone");
    expect(input.value).toBe("  Reactions abroad ");

    fail = false;
    fireEvent.click(screen.getByTestId("add-section"));
    const sectionTitles = () => screen.queryAllByTestId("dossier-section").map((el) => el.textContent);
    await waitFor(() => expect(sectionTitles()).toEqual(["Reactions abroad"]));
    expect(backend.callsTo("add_section")).toEqual([
      { dossier_id: 3, title: "Reactions abroad" },
      { dossier_id: 3, title: "Reactions abroad" },
    ]);
    expect(input.value).toBe("");
  });

  it("adds whole articles that are not in the dossier yet, filtered by title or outlet", async () => {
    const backend = await openDossiers(
      { add_article_to_dossier: () => dossierDetail(SECTION_AND_ARTICLE_ITEMS) },
      [SECTION_AND_ARTICLE_ITEMS[1]],
    );
    // Article 1 is already in the dossier.
    const picker = screen.getByRole("region", { name: "Add articles" });
    const rows = await within(picker).findAllByTestId("dossier-add-article");
    expect(rows).toHaveLength(1);
    expect(rows[0].closest("li")!.textContent).toContain(SUMMARIES[1].display_title);

    fireEvent.change(within(picker).getByLabelText("Filter articles"), { target: { value: "daily" } });
    expect(within(picker).queryAllByTestId("dossier-add-article")).toHaveLength(0);
    fireEvent.change(within(picker).getByLabelText("Filter articles"), { target: { value: "untitled" } });
    fireEvent.click(within(picker).getByTestId("dossier-add-article"));
    await waitFor(() => expect(backend.callsTo("add_article_to_dossier")).toEqual([{ dossier_id: 3, article_id: 2 }]));
    await waitFor(() => expect(screen.getAllByTestId("dossier-item")).toHaveLength(3));
  });

  it("renames the dossier and rewrites its description", async () => {
    const backend = await openDossiers({
      update_dossier: ({ title, description }) => {
        const detail = dossierDetail(DOSSIER_ITEMS);
        return { ...detail, dossier: { ...detail.dossier, title: title as string, description: description as string } };
      },
    });
    fireEvent.click(screen.getByTestId("edit-dossier"));
    fireEvent.change(screen.getByTestId("dossier-edit-title"), { target: { value: " Corridor brief " } });
    fireEvent.change(screen.getByTestId("dossier-edit-description"), { target: { value: "For the minister." } });
    fireEvent.click(screen.getByTestId("save-dossier"));
    expect(await screen.findByRole("heading", { name: "Corridor brief" })).toBeTruthy();
    expect(screen.getByText("For the minister.")).toBeTruthy();
    expect(backend.callsTo("update_dossier")).toEqual([{ id: 3, title: "Corridor brief", description: "For the minister." }]);
    expect(screen.queryByTestId("dossier-edit-title")).toBeNull();
  });
});
