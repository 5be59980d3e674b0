import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Handler } from "../../test/backend";
import { defaultHandlers, renderApp, selectInReader } from "../../test/renderApp";
import { ACTORS, ARTICLE_TEXT, anchorFor, articleView, spanOf, statement } from "../../test/fixtures";

const QUOTE = "“we will not back down”";

async function openReader(overrides: Record<string, Handler> = {}) {
  const backend = await renderApp(overrides);
  const reader = await screen.findByTestId("reader");
  await waitFor(() => expect(reader.querySelectorAll("[data-para-text]")).toHaveLength(3));
  return backend;
}

describe("Reader", () => {
  it("records a statement by a new speaker with the selection's code point span", async () => {
    const backend = await openReader({
      add_actor: ({ actor }) => ({ id: 7, statement_count: 0, ...(actor as object) }),
      add_statement: ({ statement: s }) => ({ ...statement(30, QUOTE), ...(s as object) }),
    });
    selectInReader(QUOTE);
    fireEvent.click(screen.getByTestId("make-statement"));

    const dialog = screen.getByTestId("statement-dialog");
    expect(within(dialog).getByTestId("statement-quote").textContent).toBe(QUOTE);
    // The selection is next to quotation marks, so it is a direct quote.
    expect(within(dialog).getByLabelText<HTMLInputElement>("Direct quote").checked).toBe(true);

    fireEvent.change(within(dialog).getByTestId("speaker-input"), { target: { value: "Wang Yi" } });
    fireEvent.click(await within(dialog).findByTestId("create-speaker"));
    fireEvent.change(within(dialog).getByTestId("alias-input"), { target: { value: "Wang, FM Wang ," } });
    fireEvent.change(within(dialog).getByLabelText("Kind"), { target: { value: "state" } });
    fireEvent.change(within(dialog).getByTestId("stance-select"), { target: { value: "opposes" } });
    fireEvent.change(within(dialog).getByTestId("topics-input"), { target: { value: "concessions, , trade talks " } });
    fireEvent.click(within(dialog).getByTestId("save-statement"));

    await screen.findByText("Statement saved");
    expect(backend.callsTo("add_actor")).toEqual([{ actor: { name: "Wang Yi", kind: "state", aliases: ["Wang", "FM Wang"] } }]);
    // 𝕏, 🙂 and the flag 🇨🇳 (two code points, four UTF-16 units) come before
    // the quote, the flag in the same paragraph: UTF-16 offsets would be wrong.
    const expected = spanOf(ARTICLE_TEXT, QUOTE);
    expect(expected).toEqual({ start: 51, end: 74 });
    expect(backend.callsTo("add_statement")).toEqual([
      {
        statement: {
          article_id: 1,
          content: [expected],
          speaker_actor_ids: [7],
          speaker_mention: null,
          cue: null,
          kind: "direct",
          stance: "opposes",
          topics: ["concessions", "trade talks"],
        },
      },
    ]);
    expect(screen.queryByTestId("statement-dialog")).toBeNull();
    // The reader loads the article again to show the new highlight.
    await waitFor(() => expect(backend.callsTo("get_article").length).toBeGreaterThanOrEqual(2));
  });

  it("finds an existing speaker by alias and guesses indirect speech", async () => {
    const backend = await openReader({
      add_statement: ({ statement: s }) => ({ ...statement(31, "talks would continue"), ...(s as object) }),
    });
    selectInReader("talks would continue");
    fireEvent.click(screen.getByTestId("make-statement"));
    const dialog = screen.getByTestId("statement-dialog");

    fireEvent.change(within(dialog).getByTestId("speaker-input"), { target: { value: "president xi" } });
    const options = await within(dialog).findAllByTestId("speaker-option");
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining("Xi Jinping")]);
    // The typed text is a known alias, so there is nothing to create.
    expect(within(dialog).queryByTestId("create-speaker")).toBeNull();
    fireEvent.click(options[0]);
    expect(within(dialog).getByLabelText<HTMLInputElement>("Indirect (reported)").checked).toBe(true);
    fireEvent.click(within(dialog).getByTestId("save-statement"));

    await screen.findByText("Statement saved");
    expect(backend.callsTo("add_actor")).toEqual([]);
    expect(backend.callsTo("add_statement")[0]).toEqual({
      statement: expect.objectContaining({
        content: [spanOf(ARTICLE_TEXT, "talks would continue")],
        speaker_actor_ids: [ACTORS[0].id],
        kind: "indirect",
        // Left uncoded.
        stance: null,
        topics: [],
      }),
    });
  });

  it("keeps the dialog open and shows the error when saving fails", async () => {
    await openReader({
      add_statement: () => {
        throw { kind: "invalid", message: "The span is outside the article" };
      },
    });
    selectInReader("resumed");
    fireEvent.click(screen.getByTestId("make-statement"));
    fireEvent.change(screen.getByTestId("speaker-input"), { target: { value: "Xi" } });
    fireEvent.click((await screen.findAllByTestId("speaker-option"))[0]);
    fireEvent.click(screen.getByTestId("save-statement"));
    expect((await screen.findByRole("alert")).textContent).toContain("The span is outside the article");
    expect(screen.getByTestId("statement-dialog")).toBeTruthy();
    fireEvent.keyDown(document, { key: "Escape" });
    expect(screen.queryByTestId("statement-dialog")).toBeNull();
  });

  it("saves a note on the selected passage", async () => {
    const backend = await openReader({
      add_annotation: ({ span, note }) => ({
        id: 5,
        article_id: 1,
        anchor: { ...(span as object), exact: "resumed", prefix: "", suffix: "" },
        note,
        created_at: "",
      }),
    });
    // "resumed" follows 𝕏 and 🙂 in the same paragraph: UTF-16 index 20, code point 18.
    selectInReader("resumed");
    fireEvent.click(screen.getByTestId("make-note"));
    fireEvent.change(screen.getByLabelText("Note"), { target: { value: "Since when?" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Note saved");
    expect(backend.callsTo("add_annotation")).toEqual([{ article_id: 1, span: { start: 18, end: 25 }, note: "Since when?" }]);
  });

  it("does not offer tools for a selection outside the article text", async () => {
    await openReader();
    const title = screen.getByTestId("reader-title");
    const range = document.createRange();
    range.selectNodeContents(title);
    window.getSelection()!.addRange(range);
    fireEvent.mouseUp(screen.getByTestId("reader").querySelector(".article-text")!);
    expect(screen.queryByTestId("make-statement")).toBeNull();
  });

  it("highlights notes and statements and lists them beside the text", async () => {
    const quote = anchorFor(ARTICLE_TEXT, QUOTE);
    const view = articleView({
      annotations: [
        {
          id: 5,
          article_id: 1,
          anchor: anchorFor(ARTICLE_TEXT, "𝕏 city"),
          note: "Which city?",
          created_at: "",
          anchor_status: "ok",
          anchor_score: 1,
          tags: [],
        },
      ],
      statements: [{ ...statement(30, QUOTE), content: [quote] }],
    });
    await renderApp({ ...defaultHandlers(view) });
    const reader = await screen.findByTestId("reader");
    const marks = await waitFor(() => {
      const found = reader.querySelectorAll("mark");
      expect(found).toHaveLength(2);
      return found;
    });
    expect(marks[0].textContent).toBe("𝕏 city");
    expect(marks[0].className).toBe("highlight-note");
    expect(marks[0].getAttribute("title")).toBe("Note: Which city?");
    expect(marks[1].textContent).toBe(QUOTE);
    expect(marks[1].className).toBe("highlight-statement");
    expect(marks[1].getAttribute("title")).toBe("Wang Yi (direct)");
    // The side panel is drawn a frame after the text.
    expect((await screen.findByTestId("side-statement")).textContent).toContain(`Wang Yi — ${QUOTE}`);
    expect(screen.getByTestId("side-note").textContent).toContain("Which city?");
    // The paragraph text is unchanged by the highlights.
    expect(reader.querySelectorAll("[data-para-text]")[1].textContent).toBe(
      "The minister (🇨🇳) said “we will not back down” on Tuesday.",
    );
  });

  it("lists related articles and opens one", async () => {
    const related = [{ id: 2, display_title: "Corridor to open in spring", outlet: "Wire Service", similarity: 0.76 }];
    const backend = await renderApp({
      get_article: (args) => articleView({ related: (args as { id: number }).id === 1 ? related : [] }),
    });
    const item = await screen.findByTestId("side-related");
    expect(item.textContent).toContain("Corridor to open in spring");
    expect(item.textContent).toContain("Wire Service");
    expect(item.textContent).toContain("76 % alike");
    fireEvent.click(within(item).getByRole("button"));
    await waitFor(() => expect(backend.callsTo("get_article").at(-1)).toEqual({ id: 2 }));
  });
});
