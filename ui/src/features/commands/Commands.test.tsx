import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ARTICLE_TEXT, SUMMARIES, anchorFor, articleView, spanOf, statement } from "../../test/fixtures";
import { findReaderText, renderApp, selectInReader } from "../../test/renderApp";

const QUOTE = "“we will not back down”";

describe("keyboard commands", () => {
  it("? shows every shortcut, including the reader's review keys", async () => {
    await renderApp();
    await findReaderText();
    fireEvent.keyDown(document.body, { key: "?", shiftKey: true });
    const sheet = await screen.findByTestId("shortcut-sheet");
    expect(within(sheet).getByText("Command palette")).toBeTruthy();
    expect(within(sheet).getByText("Go to Statements")).toBeTruthy();
    expect(within(sheet).getByText("Proposal under review: accept")).toBeTruthy();
    fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("shortcut-sheet")).toBeNull());
  });

  it("Ctrl+K finds a command by name and Enter runs it", async () => {
    await renderApp();
    await findReaderText();
    fireEvent.keyDown(document.body, { key: "k", ctrlKey: true });
    const palette = await screen.findByTestId("command-palette");
    const input = within(palette).getByLabelText("Command");
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: "go dossiers" } });
    expect(within(palette).getAllByRole("option").map((o) => o.textContent)).toEqual([expect.stringContaining("Go to Dossiers")]);
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(screen.queryByTestId("command-palette")).toBeNull());
    expect(screen.getByTestId("tab-dossiers").getAttribute("aria-selected")).toBe("true");
  });

  it("Ctrl+3 switches to the statements table, even from a text field", async () => {
    await renderApp();
    const search = await screen.findByLabelText("Search articles");
    fireEvent.keyDown(search, { key: "3", ctrlKey: true });
    expect(screen.getByTestId("tab-statements").getAttribute("aria-selected")).toBe("true");
  });
});

describe("annotating from the keyboard", () => {
  it("N on the proposal under review opens a note on its words; Ctrl+Enter saves it", async () => {
    const backend = await renderApp({
      get_article: () =>
        articleView({
          statements: [{ ...statement(41, QUOTE), content: [anchorFor(ARTICLE_TEXT, QUOTE)], status: "proposed", confidence: 0.9 }],
        }),
      add_annotation: ({ span, note }) => ({ id: 9, article_id: 1, anchor: { ...(span as object), exact: QUOTE, prefix: "", suffix: "" }, note, created_at: "" }),
    });
    await findReaderText();
    await screen.findByTestId("proposal");
    fireEvent.keyDown(document.body, { key: "n" });
    const popover = await screen.findByTestId("note-popover");
    expect(within(popover).getByText(QUOTE)).toBeTruthy();
    const textarea = within(popover).getByRole("textbox");
    expect(document.activeElement).toBe(textarea);
    fireEvent.change(textarea, { target: { value: "firm line" } });
    fireEvent.keyDown(textarea, { key: "Enter", ctrlKey: true });
    await screen.findByText("Note saved");
    expect(backend.callsTo("add_annotation")).toEqual([{ article_id: 1, span: spanOf(ARTICLE_TEXT, QUOTE), note: "firm line" }]);
  });

  it("Q with text selected opens the statement dialog", async () => {
    await renderApp();
    await waitFor(() => expect(screen.getByTestId("reader").querySelector("[data-para-text]")).not.toBeNull());
    selectInReader(QUOTE);
    fireEvent.keyDown(document.body, { key: "q" });
    expect(await screen.findByTestId("statement-dialog")).toBeTruthy();
  });
});

describe("moving between articles", () => {
  it("] opens the next article in the list's order and [ the one before", async () => {
    const backend = await renderApp();
    await findReaderText();
    await waitFor(() => expect(backend.callsTo("get_article").at(-1)).toEqual({ id: SUMMARIES[0].id }));
    fireEvent.keyDown(document.body, { key: "]" });
    await waitFor(() => expect(backend.callsTo("get_article").at(-1)).toEqual({ id: SUMMARIES[1].id }));
    fireEvent.keyDown(document.body, { key: "[" });
    await waitFor(() => expect(backend.callsTo("get_article").at(-1)).toEqual({ id: SUMMARIES[0].id }));
  });
});

describe("search from the keyboard", () => {
  it("/ opens the search, a result opens the reader marked at the match", async () => {
    const at = spanOf(ARTICLE_TEXT, "back down");
    await renderApp({
      search: () => ({
        total: 1,
        hits: [
          {
            kind: "article",
            article_id: 1,
            article_title: "Minister rules out concessions",
            outlet: null,
            published: null,
            statement_id: null,
            annotation_id: null,
            snippet: [{ text: "we will not ", matched: false }, { text: "back down", matched: true }],
            span: at,
            score: -1,
          },
        ],
      }),
    });
    await findReaderText();
    fireEvent.keyDown(document.body, { key: "/" });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("search-input"));
    fireEvent.change(document.activeElement!, { target: { value: "back down" } });
    const hit = await screen.findByTestId("search-hit");
    fireEvent.click(hit);
    await waitFor(() => expect(screen.getByTestId("tab-articles").getAttribute("aria-selected")).toBe("true"));
    await waitFor(() => expect(document.querySelector("mark.highlight-match")?.textContent).toBe("back down"));
  });
});
