import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { TrashEntry } from "../../bindings/TrashEntry";
import { FeedbackProvider } from "../../components/Feedback";
import { useCommandKeys } from "../../lib/shortcuts";
import { apiError, fakeBackend, type Handler } from "../../test/backend";
import { appCommands } from "../commands/appCommands";
import { TrashDialog } from "./TrashDialog";
import { useUndoShortcuts } from "./useUndoShortcuts";

function Harness({ onChange }: { onChange: () => void }) {
  const actions = useUndoShortcuts({ onChange });
  // The way App wires it: the command table binds the keys and calls the actions.
  useCommandKeys(
    appCommands({
          notebookOpen: true,
          showTab: () => {},
          importFiles: () => {},
          newNotebook: () => {},
          openNotebook: () => {},
          mergeNotebook: () => {},
          restore: () => {},
          diagnostics: () => {},
          showPalette: () => {},
          showShortcuts: () => {},
          undo: () => void actions.undo(),
          redo: () => void actions.redo(),
        }),
  );
  return <input data-testid="field" />;
}

function setup(handlers: Record<string, Handler>) {
  const backend = fakeBackend(handlers);
  const onChange = vi.fn();
  render(
    <FeedbackProvider>
      <Harness onChange={onChange} />
    </FeedbackProvider>,
  );
  return { backend, onChange };
}

const press = (key: string, init: KeyboardEventInit = {}, target: Element = document.body) =>
  act(() => {
    fireEvent.keyDown(target, { key, ctrlKey: true, ...init });
  });

describe("undo and redo keys", () => {
  it("Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, each with a toast and a reload", async () => {
    const { backend, onChange } = setup(
      { undo: () => "Add highlight", redo: () => "Add highlight" },
    );
    await press("z");
    expect(await screen.findByText("Undone: Add highlight")).toBeTruthy();
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    await press("Z", { shiftKey: true });
    await press("y");
    await waitFor(() => expect(backend.callsTo("redo")).toHaveLength(2));
    expect((await screen.findAllByText("Redone: Add highlight")).length).toBeGreaterThan(0);
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(3));
    expect(backend.callsTo("undo")).toHaveLength(1);
  });

  it("leaves Ctrl+Z to a text field being typed in", async () => {
    const { backend } = setup({ undo: () => "Add highlight" });
    await press("z", {}, screen.getByTestId("field"));
    expect(backend.callsTo("undo")).toHaveLength(0);
  });
});

describe("undo and redo outcomes", () => {
  it("says when there is nothing to undo, and does not reload", async () => {
    const { onChange } = setup({ undo: () => null });
    await press("z");
    expect(await screen.findByText("Nothing to undo")).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it("shows why an undo failed", async () => {
    const message =
      "cannot undo “Delete article”: the notebook was changed since in a way that conflicts with it";
    setup({ undo: () => apiError("invalid", message) });
    await press("z");
    expect((await screen.findByRole("alert")).textContent).toContain(message);
  });

  it("runs quick presses one after another, in order", async () => {
    const labels = ["Edit note", "Add highlight"];
    let resolveFirst: (v: string) => void = () => {};
    const { backend } = setup({
      undo: () =>
        backend.callsTo("undo").length === 1
          ? new Promise<string>((resolve) => (resolveFirst = resolve))
          : labels[1],
    });
    await press("z");
    await press("z");
    // The second waits for the first.
    expect(backend.callsTo("undo")).toHaveLength(1);
    await act(async () => resolveFirst(labels[0]));
    await waitFor(() => expect(backend.callsTo("undo")).toHaveLength(2));
    expect(await screen.findByText("Undone: Add highlight")).toBeTruthy();
  });
});

const ENTRIES: TrashEntry[] = [
  { id: 3, kind: "article", item_id: 12, label: "Talks resume in Geneva", deleted_at: "2026-05-02T09:00:00Z" },
  { id: 2, kind: "annotation", item_id: 40, label: "never accept", deleted_at: "2026-05-02T08:00:00Z" },
];

function openTrash(handlers: Record<string, Handler>) {
  const backend = fakeBackend(handlers);
  const onRestored = vi.fn();
  const onClose = vi.fn();
  render(
    <FeedbackProvider>
      <TrashDialog onClose={onClose} onRestored={onRestored} />
    </FeedbackProvider>,
  );
  return { backend, onRestored, onClose };
}

describe("Trash", () => {
  it("lists what was deleted, newest first, with its kind and words", async () => {
    openTrash({ list_trash: () => ENTRIES });
    const rows = await screen.findAllByTestId("trash-row");
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("Article");
    expect(rows[0].textContent).toContain("“Talks resume in Geneva”");
    expect(rows[1].textContent).toContain("Highlight");
  });

  it("restores one, reloads the list and tells the app", async () => {
    let entries = ENTRIES;
    const { backend, onRestored } = openTrash({
      list_trash: () => entries,
      restore_from_trash: ({ id }) => {
        const entry = entries.find((e) => e.id === id)!;
        entries = entries.filter((e) => e.id !== id);
        return entry;
      },
    });
    const rows = await screen.findAllByTestId("trash-row");
    fireEvent.click(within(rows[1]).getByTestId("trash-restore"));
    await waitFor(() => expect(onRestored).toHaveBeenCalledWith(ENTRIES[1]));
    expect(backend.callsTo("restore_from_trash")).toEqual([{ id: 2 }]);
    expect(await screen.findByText("Restored: Highlight “never accept”")).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId("trash-row")).toHaveLength(1));
  });

  it("says why a restore cannot be done and keeps the entry", async () => {
    const message = "cannot restore the highlight “never accept”: the article it belongs to is no longer in the notebook";
    const { onRestored } = openTrash({
      list_trash: () => ENTRIES,
      restore_from_trash: () => apiError("invalid", message),
    });
    const rows = await screen.findAllByTestId("trash-row");
    fireEvent.click(within(rows[1]).getByTestId("trash-restore"));
    expect((await screen.findByTestId("trash-error")).textContent).toBe(message);
    expect(onRestored).not.toHaveBeenCalled();
    expect(screen.getAllByTestId("trash-row")).toHaveLength(2);
  });

  it("empties only after confirmation", async () => {
    let entries = ENTRIES;
    const { backend } = openTrash({
      list_trash: () => entries,
      empty_trash: () => {
        const n = entries.length;
        entries = [];
        return n;
      },
    });
    fireEvent.click(await screen.findByTestId("trash-empty-button"));
    const confirmation = screen.getByTestId("trash-empty-confirmation");
    expect(confirmation.textContent).toContain("Delete these 2 items for good?");
    fireEvent.click(within(confirmation).getByText("Cancel"));
    expect(backend.callsTo("empty_trash")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("trash-empty-button"));
    fireEvent.click(screen.getByTestId("trash-confirm-empty"));
    expect(await screen.findByTestId("trash-empty")).toBeTruthy();
    expect(backend.callsTo("empty_trash")).toHaveLength(1);
    expect(screen.getByText("Emptied the trash (2 items deleted for good)")).toBeTruthy();
    expect(screen.queryByTestId("trash-empty-button")).toBeNull();
  });
});
