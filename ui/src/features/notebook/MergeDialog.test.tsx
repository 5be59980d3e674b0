import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { act } from "react";
import { describe, expect, it } from "vitest";
import type { MergePlan } from "../../bindings/MergePlan";
import type { MergeReport } from "../../bindings/MergeReport";
import { apiError } from "../../test/backend";
import { renderApp } from "../../test/renderApp";

const OTHER = "/home/colleague/pakistan-2024.attest";

const PLAN: MergePlan = {
  source: OTHER,
  articles_new: 3,
  articles_existing: 1,
  statements: 7,
  annotations: 2,
  dossiers: 1,
  actors: [
    {
      source_id: 11,
      name: "Wang",
      kind: "person",
      aliases: [],
      proposal: { type: "conflict" },
      candidates: [
        { id: 1, name: "Wang Yi", kind: "person", aliases: ["Wang"], statement_count: 4 },
        { id: 2, name: "Wang Wenbin", kind: "person", aliases: ["Wang"], statement_count: 1 },
      ],
    },
    {
      source_id: 12,
      name: "China",
      kind: "state",
      aliases: ["Beijing"],
      proposal: { type: "same", target_id: 3 },
      candidates: [{ id: 3, name: "China", kind: "state", aliases: [], statement_count: 2 }],
    },
    { source_id: 13, name: "Ishaq Dar", kind: "person", aliases: [], proposal: { type: "new" }, candidates: [] },
  ],
};

const REPORT: MergeReport = {
  articles_added: 3,
  articles_existing: 1,
  actors_added: 1,
  actors_matched: 2,
  statements_added: 6,
  statements_skipped: 1,
  annotations_added: 2,
  annotations_skipped: 0,
  dossiers_added: 1,
  dossiers_skipped: 0,
  snapshot: {
    path: "/home/analyst/china-2024.attest.backups/china-2024-20261202T040000Z-merge.attest",
    created_at: "2026-12-02T04:00:00Z",
    reason: "merge",
    bytes: 40_000,
  },
};

async function openMerge(overrides = {}) {
  const backend = await renderApp({
    "plugin:dialog|open": () => OTHER,
    merge_plan: () => PLAN,
    merge_notebook: () => REPORT,
    ...overrides,
  });
  await act(() => emit("menu", "merge"));
  const dialog = await screen.findByTestId("merge-dialog");
  return { backend, dialog };
}

describe("Merge another notebook", () => {
  it("shows what the other notebook brings and asks about the ambiguous actors", async () => {
    const { backend, dialog } = await openMerge();
    const summary = await within(dialog).findByTestId("merge-summary");
    expect(backend.callsTo("merge_plan")).toEqual([{ path: OTHER }]);
    expect(summary.textContent).toContain("3 new articles and 1 already here");
    expect(summary.textContent).toContain("7 statements");
    expect(within(dialog).getByText("One actor needs your decision")).toBeTruthy();
    const conflict = within(dialog).getByTestId("merge-conflict");
    const options = Array.from(conflict.querySelectorAll("option")).map((o) => o.textContent);
    expect(options).toEqual([
      "Choose…",
      "The same as Wang Yi (Person; also Wang)",
      "The same as Wang Wenbin (Person; also Wang)",
      "A different actor: keep it separate",
    ]);
    expect(within(dialog).getByTestId("merge-matched").textContent).toContain("China");
    expect(within(dialog).getByTestId("merge-new-actors").textContent).toContain("Ishaq Dar");
  });

  it("merges only once every conflict is decided, and sends every decision", async () => {
    const { backend, dialog } = await openMerge();
    const confirm = await within(dialog).findByTestId("confirm-merge");
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText("Decision for Wang"), { target: { value: "1" } });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    const listsBefore = backend.callsTo("article_page").length;
    fireEvent.click(confirm);

    const report = await within(dialog).findByTestId("merge-report");
    expect(backend.callsTo("merge_notebook")).toEqual([
      {
        path: OTHER,
        decisions: [
          { source_id: 11, target_id: 1 },
          { source_id: 12, target_id: 3 },
          { source_id: 13, target_id: null },
        ],
      },
    ]);
    expect(report.textContent).toContain("3 articles added");
    expect(report.textContent).toContain("1 item was already here");
    expect(report.textContent).toContain("china-2024-20261202T040000Z-merge.attest");
    // The window shows the merged notebook.
    await waitFor(() => expect(backend.callsTo("article_page").length).toBeGreaterThan(listsBefore));
  });

  it("says why a notebook cannot be merged", async () => {
    const { dialog } = await openMerge({
      merge_plan: () =>
        apiError("notebook", `${OTHER} was made by a newer version of Attest (schema 9); update Attest to open it`),
    });
    const error = await within(dialog).findByTestId("merge-error");
    expect(error.textContent).toContain("newer version of Attest");
    expect(within(dialog).queryByTestId("confirm-merge")).toBeNull();
  });
});
