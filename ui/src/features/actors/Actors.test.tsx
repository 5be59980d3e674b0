import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ACTORS, statement } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";

describe("Actors", () => {
  it("lists actors, shows one's statements and adds an alias", async () => {
    const backend = await renderApp({
      list_statements: () => [statement(21, "we will not back down", "Xi Jinping")],
      add_alias: ({ actor_id, alias }) => ({ ...ACTORS[0], id: actor_id, aliases: [...ACTORS[0].aliases, alias] }),
    });
    fireEvent.click(screen.getByRole("tab", { name: "Actors" }));
    const items = await screen.findAllByTestId("actor-item");
    expect(items[0].textContent).toContain("Xi Jinping");
    expect(items[0].textContent).toContain("Person");
    expect(items[0].textContent).toContain("Xi, President Xi");
    expect(items[0].textContent).toContain("4 statements");

    fireEvent.click(items[0]);
    const detail = await screen.findByTestId("actor-detail");
    await within(detail).findByText("“we will not back down”");
    expect(backend.callsTo("list_statements")).toContainEqual({ filter: { actor_id: 1, article_id: null } });

    fireEvent.change(within(detail).getByLabelText("New alias for Xi Jinping"), { target: { value: "Chairman Xi" } });
    fireEvent.click(within(detail).getByRole("button", { name: "Add alias" }));
    await waitFor(() => expect(backend.callsTo("add_alias")).toEqual([{ actor_id: 1, alias: "Chairman Xi" }]));
    await within(detail).findByText("Also known as Xi, President Xi, Chairman Xi");
  });

  it("adds an actor with kind and aliases", async () => {
    const backend = await renderApp({
      add_actor: ({ actor }) => ({ id: 9, statement_count: 0, ...(actor as object) }),
    });
    fireEvent.click(screen.getByRole("tab", { name: "Actors" }));
    const form = await screen.findByRole("form", { name: "Add actor" });
    fireEvent.change(within(form).getByTestId("actor-name-input"), { target: { value: "Xinhua" } });
    fireEvent.change(within(form).getByLabelText("Kind"), { target: { value: "media_outlet" } });
    fireEvent.change(within(form).getByLabelText("Aliases (comma separated)"), { target: { value: "New China, NCNA" } });
    fireEvent.click(within(form).getByTestId("add-actor"));
    await waitFor(() =>
      expect(backend.callsTo("add_actor")).toEqual([{ actor: { name: "Xinhua", kind: "media_outlet", aliases: ["New China", "NCNA"] } }]),
    );
    expect(await screen.findByTestId("actor-detail")).toBeTruthy();
  });
});
