import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Statement } from "../../bindings/Statement";
import type { StatementStatus } from "../../bindings/StatementStatus";
import type { Handler } from "../../test/backend";
import { ACTORS, ARTICLE_TEXT, anchorFor, articleView, statement } from "../../test/fixtures";
import { findReaderText, renderApp, selectInReader } from "../../test/renderApp";
import { looksLikeSurname, nameFromSelection } from "./ActorPopover";
import { nextAfter, reviewAction } from "./ProposalReview";
import { compactDiff } from "./VariantNote";

const QUOTE = "“we will not back down”";
const REPORTED = "talks would continue";

/** Two proposals in reading order: a direct quote by "The minister", then reported speech. */
function proposals(): Statement[] {
  return [
    {
      ...statement(41, QUOTE),
      content: [anchorFor(ARTICLE_TEXT, QUOTE)],
      speakers: [],
      speaker_mention: anchorFor(ARTICLE_TEXT, "The minister"),
      cue: anchorFor(ARTICLE_TEXT, "said"),
      status: "proposed",
      confidence: 0.91,
    },
    {
      ...statement(42, REPORTED, "Xi Jinping"),
      speakers: [{ id: 1, name: "Xi Jinping" }],
      content: [anchorFor(ARTICLE_TEXT, REPORTED)],
      kind: "indirect",
      status: "proposed",
      confidence: 0.64,
    },
  ];
}

/** A back end that remembers what the review decided, as the real one does. */
function reviewBackend(): Record<string, Handler> {
  const statements = proposals();
  const setStatus = (id: number, status: StatementStatus) => {
    const found = statements.find((s) => s.id === id)!;
    found.status = status;
    return found;
  };
  return {
    get_article: () =>
      articleView({
        statements: structuredClone(statements),
        mentions: [
          {
            article_id: 1,
            actor: { id: 2, name: "Ministry of Foreign Affairs" },
            start: anchorFor(ARTICLE_TEXT, "Officials").start,
            end: anchorFor(ARTICLE_TEXT, "Officials").end,
            text: "Officials",
            alias_id: 3,
            resolved_from: null,
            metonym: false,
          },
        ],
      }),
    accept_statement: ({ id }) => setStatus(id as number, "accepted"),
    reject_statement: ({ id }) => setStatus(id as number, "rejected"),
    set_statement_actors: ({ id, actor_ids }) => {
      const found = statements.find((s) => s.id === id)!;
      found.speakers = (actor_ids as number[]).map((actorId) => ({ id: actorId, name: ACTORS.find((a) => a.id === actorId)?.name ?? "New" }));
      return found;
    },
    add_actor: ({ actor }) => ({ id: 9, statement_count: 0, ...(actor as object) }),
  };
}

async function openReview() {
  const backend = await renderApp(reviewBackend());
  await screen.findAllByTestId("proposal");
  return backend;
}

const focused = () => screen.getAllByTestId("proposal").find((item) => item.getAttribute("aria-current") === "true")!;

describe("Reviewing proposed statements", () => {
  it("lists proposals beside the text, highlights the one under review and underlines actors", async () => {
    await openReview();
    const items = screen.getAllByTestId("proposal");
    expect(items).toHaveLength(2);
    // The first in reading order is under review; its speaker words found no actor.
    expect(focused()).toBe(items[0]);
    expect(items[0].textContent).toContain("“The minister” — no actor");
    expect(items[0].textContent).toContain("91 %");
    expect(items[1].textContent).toContain("Xi Jinping");
    const reader = screen.getByTestId("reader");
    await waitFor(() => expect(reader.querySelector("mark.highlight-focus")?.textContent).toBe(QUOTE));
    expect(reader.querySelector("mark.highlight-cue")?.textContent).toBe("said");
    expect(reader.querySelector("mark.highlight-speaker")?.textContent).toBe("The minister");
    expect(reader.querySelector("mark.highlight-proposed")?.textContent).toBe(REPORTED);
    const mention = reader.querySelector("mark.highlight-mention")!;
    expect(mention.textContent).toBe("Officials");
    expect(mention.getAttribute("title")).toBe("Ministry of Foreign Affairs");
  });

  it("accepts with A and rejects with R, moving on to the next proposal", async () => {
    const backend = await openReview();
    fireEvent.keyDown(document, { key: "a" });
    await screen.findByText("Statement accepted");
    expect(backend.callsTo("accept_statement")).toEqual([{ id: 41 }]);
    await waitFor(() => expect(screen.getAllByTestId("proposal")).toHaveLength(1));
    expect(focused().textContent).toContain("Xi Jinping");
    // The accepted one is now among the article's statements.
    await waitFor(() => expect(screen.getByTestId("side-statement").textContent).toContain(QUOTE));

    fireEvent.keyDown(document, { key: "r" });
    await screen.findByText("Proposal rejected");
    expect(backend.callsTo("reject_statement")).toEqual([{ id: 42 }]);
    await waitFor(() => expect(screen.queryAllByTestId("proposal")).toHaveLength(0));
    expect(screen.getByText("No proposed statements left in this article.")).toBeTruthy();
    expect(await screen.findByText("1 rejected proposal hidden.")).toBeTruthy();
  });

  it("moves with J and K and leaves keys typed in a field alone", async () => {
    const backend = await openReview();
    fireEvent.keyDown(document, { key: "j" });
    await waitFor(() => expect(focused().textContent).toContain("Xi Jinping"));
    fireEvent.keyDown(document, { key: "k" });
    await waitFor(() => expect(focused().textContent).toContain("The minister"));
    const search = document.createElement("input");
    document.body.append(search);
    fireEvent.keyDown(search, { key: "a" });
    expect(backend.callsTo("accept_statement")).toEqual([]);
    search.remove();
  });

  it("changes the speaker by typing: Enter takes the matching actor", async () => {
    const backend = await openReview();
    fireEvent.keyDown(document, { key: "s" });
    const input = await screen.findByTestId<HTMLInputElement>("proposal-speaker-input");
    // It starts from the words the text used.
    expect(input.value).toBe("The minister");
    fireEvent.change(input, { target: { value: "mfa" } });
    expect(screen.getAllByTestId("proposal-speaker-option").map((o) => o.textContent)).toEqual([expect.stringContaining("Ministry of Foreign Affairs")]);
    fireEvent.keyDown(input, { key: "Enter" });
    await screen.findByText("Speaker: Ministry of Foreign Affairs");
    expect(backend.callsTo("set_statement_actors")).toEqual([{ id: 41, role: "speaker", actor_ids: [2] }]);
    await waitFor(() => expect(focused().textContent).toContain("Ministry of Foreign Affairs"));
    // Still under review until accepted; the review keys work again.
    fireEvent.keyDown(document, { key: "a" });
    await screen.findByText("Statement accepted");
    expect(backend.callsTo("accept_statement")).toEqual([{ id: 41 }]);
  });

  it("creates the actor typed when none matches", async () => {
    const backend = await openReview();
    fireEvent.click(within(focused()).getByTestId("change-speaker"));
    const input = await screen.findByTestId("proposal-speaker-input");
    fireEvent.change(input, { target: { value: "Yu Jun" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await screen.findByText("Speaker: Yu Jun");
    expect(backend.callsTo("add_actor")).toEqual([{ actor: { name: "Yu Jun", kind: "person", aliases: [] } }]);
    expect(backend.callsTo("set_statement_actors")).toEqual([{ id: 41, role: "speaker", actor_ids: [9] }]);
  });

  it("Escape leaves the speaker as it was", async () => {
    const backend = await openReview();
    fireEvent.keyDown(document, { key: "s" });
    fireEvent.keyDown(await screen.findByTestId("proposal-speaker-input"), { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("proposal-speaker-input")).toBeNull());
    expect(backend.callsTo("set_statement_actors")).toEqual([]);
  });
});

describe("Quote variants", () => {
  it("shows where a near-identical quote is and the words that differ", async () => {
    const backend = await renderApp({
      ...reviewBackend(),
      article_variants: () => [
        {
          statement_id: 41,
          variants: [
            {
              statement_id: 77,
              article_id: 2,
              article_title: "Minister holds firm",
              speakers: [{ id: 1, name: "Xi Jinping" }],
              quote: "we will never back down",
              similarity: 0.8,
              diff: [
                { kind: "same", text: "“we will" },
                { kind: "removed", text: "not" },
                { kind: "added", text: "never" },
                { kind: "same", text: "back down”" },
              ],
            },
          ],
        },
      ],
    });
    const variant = await screen.findByTestId("variant");
    expect(variant.textContent).toContain("Minister holds firm");
    expect(variant.querySelector("del")?.textContent).toBe("not");
    expect(variant.querySelector("ins")?.textContent).toBe("never");
    expect(within(variant).getByTestId("variant-diff").textContent).toBe("“we will not never back down” ");
    fireEvent.click(within(variant).getByRole("button", { name: "Minister holds firm" }));
    await waitFor(() => expect(backend.callsTo("get_article").at(-1)).toEqual({ id: 2 }));
  });

  it("keeps a few words around each change", () => {
    const long = "one two three four five six seven eight nine ten";
    expect(
      compactDiff([
        { kind: "same", text: long },
        { kind: "removed", text: "defending" },
        { kind: "added", text: "safeguarding" },
        { kind: "same", text: long },
      ]).map((part) => part.text),
    ).toEqual(["… eight nine ten", "defending", "safeguarding", "one two three …"]);
  });
});

describe("A selected name", () => {
  it("becomes a new actor", async () => {
    const backend = await renderApp({ add_actor: ({ actor }) => ({ id: 9, statement_count: 0, ...(actor as object) }) });
    await findReaderText();
    selectInReader("Officials");
    fireEvent.click(screen.getByTestId("make-actor"));
    const popover = screen.getByTestId("actor-popover");
    fireEvent.change(within(popover).getByLabelText("Kind"), { target: { value: "organization" } });
    fireEvent.click(within(popover).getByTestId("create-actor"));
    await screen.findByText("Actor “Officials” created");
    expect(backend.callsTo("add_actor")).toEqual([{ actor: { name: "Officials", kind: "organization", aliases: [] } }]);
  });

  it("extends an actor with another name, weak for a lone surname", async () => {
    const backend = await renderApp({ add_alias_with: () => ({}) });
    await findReaderText();
    selectInReader("minister");
    fireEvent.click(screen.getByTestId("make-actor"));
    const popover = screen.getByTestId("actor-popover");
    fireEvent.change(within(popover).getByTestId("extend-actor-query"), { target: { value: "xi" } });
    expect(within(popover).getByTestId<HTMLInputElement>("alias-weak").checked).toBe(false);
    fireEvent.click(within(popover).getByTestId("alias-weak"));
    fireEvent.click(within(popover).getAllByTestId("extend-actor")[0]);
    await screen.findByText("“minister” is now a name of Xi Jinping");
    expect(backend.callsTo("add_alias_with")).toEqual([{ actor_id: 1, alias: { alias: "minister", weak: true, metonym: false, demonym: false } }]);
  });
});

describe("review helpers", () => {
  const key = (k: string, target: EventTarget | null = null) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target });

  it("maps keys to review actions, not with modifiers or in a field", () => {
    expect(reviewAction(key("a"))).toBe("accept");
    expect(reviewAction(key("R"))).toBe("reject");
    expect(reviewAction(key("j"))).toBe("next");
    expect(reviewAction({ ...key("a"), ctrlKey: true })).toBeNull();
    expect(reviewAction(key("a", document.createElement("textarea")))).toBeNull();
    expect(reviewAction(key("x"))).toBeNull();
  });

  it("goes on to the next proposal, else the one before", () => {
    const list = proposals();
    expect(nextAfter(list, 41)).toBe(42);
    expect(nextAfter(list, 42)).toBe(41);
    expect(nextAfter(list.slice(0, 1), 41)).toBeNull();
  });

  it("reads a name out of a selection", () => {
    expect(nameFromSelection(" China’s ")).toBe("China");
    expect(nameFromSelection("“Wang Yi,")).toBe("Wang Yi");
    expect(looksLikeSurname("Wang", { id: 1, name: "Wang Yi", kind: "person", aliases: [], statement_count: 0 })).toBe(true);
    expect(looksLikeSurname("Beijing", { id: 2, name: "China", kind: "state", aliases: [], statement_count: 0 })).toBe(false);
  });
});
