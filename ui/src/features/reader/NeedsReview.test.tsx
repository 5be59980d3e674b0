import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AnchorReview } from "../../bindings/AnchorReview";
import type { Annotation } from "../../bindings/Annotation";
import type { ReattachReport } from "../../bindings/ReattachReport";
import { defaultHandlers, findReaderText, renderApp, selectInReader } from "../../test/renderApp";
import { ARTICLE_TEXT, articleView, spanOf } from "../../test/fixtures";
import { reattachSummary } from "./NeedsReview";

/** A highlight the replaced text left on "Tuesday" (its old words are gone). */
function flagged(): Annotation {
  return {
    id: 5,
    article_id: 1,
    anchor: { ...spanOf(ARTICLE_TEXT, "Tuesday"), exact: "on Wednesday evening", prefix: "back down” ", suffix: "." },
    note: "Which day?",
    created_at: "",
    anchor_status: "needs_review",
    anchor_score: 0.52,
    tags: [],
  };
}

function review(): AnchorReview {
  const a = flagged();
  return {
    target: { kind: "annotation", id: 5 },
    article_id: 1,
    article_title: "Minister rules out concessions",
    anchor: a.anchor,
    proposed_text: "Tuesday",
    score: 0.52,
    label: "Which day?",
  };
}

async function openFlagged() {
  let pending = [review()];
  const backend = await renderApp({
    ...defaultHandlers(articleView({ annotations: [flagged()] })),
    anchors_needing_review: () => pending,
    resolve_anchor: () => {
      pending = [];
      return null;
    },
  });
  const list = await screen.findByTestId("needs-review");
  return { backend, list };
}

describe("Needs review", () => {
  it("lists a flagged highlight with its old quote and the proposed place, and marks it in the text", async () => {
    const { backend, list } = await openFlagged();
    expect(backend.callsTo("anchors_needing_review")[0]).toEqual({ article_id: 1 });
    const item = within(list).getByTestId("review-item");
    expect(item.textContent).toContain("Note: Which day?");
    expect(item.textContent).toContain("Was: “on Wednesday evening”");
    expect(item.textContent).toContain("Proposed: “Tuesday”");
    expect(item.textContent).toContain("52 % match");
    const mark = Array.from(screen.getByTestId("reader").querySelectorAll("mark")).find((m) => m.textContent === "Tuesday")!;
    expect(mark.className.split(" ")).toEqual(expect.arrayContaining(["highlight-note", "highlight-review"]));
    expect(mark.getAttribute("title")).toContain("Needs review");
    expect(screen.getByTestId("side-note").textContent).toContain("needs review");
  });

  it("confirms the proposed place", async () => {
    const { backend, list } = await openFlagged();
    fireEvent.click(within(list).getByTestId("confirm-proposed"));
    await screen.findByText("Proposed place confirmed");
    expect(backend.callsTo("resolve_anchor")).toEqual([{ target: { kind: "annotation", id: 5 }, span: null }]);
    await waitFor(() => expect(screen.queryByTestId("needs-review")).toBeNull());
  });

  it("re-anchors on the words selected in the article, counting code points", async () => {
    const { backend, list } = await openFlagged();
    const reanchor = within(list).getByTestId<HTMLButtonElement>("reanchor-here");
    expect(reanchor.disabled).toBe(true);
    // After 𝕏, 🙂 and the flag 🇨🇳: UTF-16 offsets would differ from code points.
    selectInReader("we will not back down");
    await waitFor(() => expect(reanchor.disabled).toBe(false));
    fireEvent.click(reanchor);
    await screen.findByText("Re-anchored on the selected text");
    expect(backend.callsTo("resolve_anchor")).toEqual([
      { target: { kind: "annotation", id: 5 }, span: spanOf(ARTICLE_TEXT, "we will not back down") },
    ]);
  });
});

describe("Replace text from file", () => {
  const report: ReattachReport = {
    article_id: 1,
    kept: 12,
    moved: 3,
    needs_review: 1,
    review: [review()],
    mentions: 4,
  };

  it("says what happened to the anchors", () => {
    expect(reattachSummary(report)).toBe("12 anchors kept, 3 moved, 1 needs review");
    expect(reattachSummary({ ...report, kept: 1, needs_review: 2 })).toBe("1 anchor kept, 3 moved, 2 need review");
  });

  it("takes the file from the native dialog, re-imports it and reports", async () => {
    const backend = await renderApp({
      "plugin:dialog|open": () => "/home/analyst/minister-corrected.md",
      reimport_article: () => report,
    });
    await findReaderText();
    const readsBefore = backend.callsTo("get_article").length;
    fireEvent.click(screen.getByTestId("replace-text"));
    await screen.findByText("Text replaced: 12 anchors kept, 3 moved, 1 needs review");
    expect(backend.callsTo("reimport_article")).toEqual([{ article_id: 1, path: "/home/analyst/minister-corrected.md" }]);
    // One file, among the types import reads.
    expect(backend.callsTo("plugin:dialog|open")[0]).toMatchObject({
      options: { multiple: false, directory: false, filters: [{ extensions: ["txt", "md", "docx"] }] },
    });
    await waitFor(() => expect(backend.callsTo("get_article").length).toBeGreaterThan(readsBefore));
  });

  it("does nothing when the dialog is cancelled and shows a refusal as a sentence", async () => {
    let answer: string | null = null;
    const backend = await renderApp({
      "plugin:dialog|open": () => answer,
      reimport_article: () => {
        throw { kind: "invalid", message: "the new text is empty: the article keeps its text" };
      },
    });
    await findReaderText();
    fireEvent.click(screen.getByTestId("replace-text"));
    await waitFor(() => expect(backend.callsTo("plugin:dialog|open")).toHaveLength(1));
    expect(backend.callsTo("reimport_article")).toEqual([]);
    answer = "/tmp/empty.txt";
    fireEvent.click(screen.getByTestId("replace-text"));
    expect((await screen.findByRole("alert")).textContent).toContain("the article keeps its text");
  });
});
