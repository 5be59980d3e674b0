import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ActorProfile } from "../../bindings/ActorProfile";
import { ACTORS, statement } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";

const PROFILE: ActorProfile = {
  actor: ACTORS[0],
  details: { notes: "", wikidata: "Q15031", colour: "#aa3300" },
  gazetteer_code: null,
  aliases: [
    { id: 11, alias: "Xi", weak: true, metonym: false, demonym: false, disabled: false },
    { id: 12, alias: "President Xi", weak: false, metonym: false, demonym: false, disabled: false },
  ],
  roles: [{ id: 1, title: "President", of_actor: { id: 7, name: "China" }, from: "2013-03-14", to: null }],
  member_of: [],
  members: [],
  merged: [],
  merged_into: null,
  mention_count: 12,
  articles: [
    { article_id: 1, display_title: "Minister rules out concessions", published: "2024-03-05", mentions: 9 },
    { article_id: 2, display_title: "Talks resume", published: null, mentions: 3 },
  ],
  statements: [statement(21, "we will not back down", "Xi Jinping")],
};

describe("Actors", () => {
  it("lists actors, shows one's profile and statements, and adds an alias", async () => {
    let aliases = PROFILE.aliases;
    const backend = await renderApp({
      actor_profile: () => ({ ...PROFILE, aliases }),
      add_alias: ({ actor_id, alias }) => {
        aliases = [...aliases, { id: 13, alias: alias as string, weak: false, metonym: false, demonym: false, disabled: false }];
        return { ...ACTORS[0], id: actor_id, aliases: [...ACTORS[0].aliases, alias] };
      },
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
    expect(backend.callsTo("actor_profile")).toContainEqual({ actor_id: 1 });
    expect(within(detail).getByTestId("role-list").textContent).toBe("President of China, from 2013-03-14");
    expect(within(detail).getByTestId("mention-count").textContent).toBe("12 mentions in 2 articles");
    expect(within(detail).getByTestId("alias-list").textContent).toContain("Xi weak");

    fireEvent.change(within(detail).getByLabelText("New alias for Xi Jinping"), { target: { value: "Chairman Xi" } });
    fireEvent.click(within(detail).getByRole("button", { name: "Add alias" }));
    await waitFor(() => expect(backend.callsTo("add_alias")).toEqual([{ actor_id: 1, alias: "Chairman Xi" }]));
    await waitFor(() => expect(within(detail).getByTestId("alias-list").textContent).toContain("Chairman Xi"));
  });

  it("switches an alias off, and merges one actor into another with an undo", async () => {
    let merged = false;
    const backend = await renderApp({
      actor_profile: ({ actor_id }) =>
        actor_id === 2
          ? { ...PROFILE, actor: ACTORS[1], aliases: [], roles: [], statements: [], merged: merged ? [] : [] }
          : { ...PROFILE, merged: merged ? [{ id: 2, name: "Ministry of Foreign Affairs" }] : [] },
      set_alias_flags: ({ alias }) => alias,
      merge_actors: () => {
        merged = true;
        return { ...PROFILE, merged: [{ id: 2, name: "Ministry of Foreign Affairs" }] };
      },
      unmerge_actor: () => {
        merged = false;
        return { ...PROFILE, actor: ACTORS[1] };
      },
    });
    fireEvent.click(screen.getByRole("tab", { name: "Actors" }));
    fireEvent.click((await screen.findAllByTestId("actor-item"))[0]);
    let detail = await screen.findByTestId("actor-detail");
    fireEvent.click(await within(detail).findByRole("button", { name: "Switch off Xi" }));
    await waitFor(() =>
      expect(backend.callsTo("set_alias_flags")).toEqual([
        { alias: { id: 11, alias: "Xi", weak: true, metonym: false, demonym: false, disabled: true } },
      ]),
    );

    fireEvent.click(screen.getAllByTestId("actor-item")[1]);
    detail = await screen.findByTestId("actor-detail");
    fireEvent.change(within(detail).getByLabelText("Merge Ministry of Foreign Affairs into"), { target: { value: "1" } });
    fireEvent.click(within(detail).getByTestId("merge-actor"));
    await waitFor(() => expect(backend.callsTo("merge_actors")).toEqual([{ into: 1, merged: 2 }]));
    // The actor it went into is shown, with the undo.
    const merged_in = await screen.findByTestId("merged-actors");
    fireEvent.click(within(merged_in).getByRole("button", { name: "Unmerge" }));
    await waitFor(() => expect(backend.callsTo("unmerge_actor")).toEqual([{ merged: 2 }]));
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
