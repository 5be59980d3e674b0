import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { act } from "react";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../bindings/Snapshot";
import { apiError } from "../../test/backend";
import { NOTEBOOK } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";
import { snapshotDate } from "./RestoreDialog";

const SNAPSHOTS: Snapshot[] = [
  {
    path: "/home/analyst/.attest-snapshots/china-2024.2026-05-02T08-00-00Z.manual.attest",
    created_at: "2026-05-02T08:00:00Z",
    reason: "manual",
    bytes: 2_500_000,
  },
  {
    path: "/home/analyst/.attest-snapshots/china-2024.2026-05-01T09-30-00Z.open.attest",
    created_at: "2026-05-01T09:30:00Z",
    reason: "open",
    bytes: 12_340_000,
  },
  {
    path: "/home/analyst/.attest-snapshots/china-2024.2026-04-20T10-00-00Z.migration.attest",
    created_at: "2026-04-20T10:00:00Z",
    reason: "migration",
    bytes: 40_000,
  },
  {
    path: "/home/analyst/.attest-snapshots/china-2024.2026-04-10T10-00-00Z.merge.attest",
    created_at: "2026-04-10T10:00:00Z",
    reason: "merge",
    bytes: 1_000_000,
  },
  {
    path: "/home/analyst/.attest-snapshots/china-2024.2026-04-01T10-00-00Z.bulk-delete.attest",
    created_at: "2026-04-01T10:00:00Z",
    reason: "bulk-delete",
    bytes: 1_000_000,
  },
];

async function openFromMenu() {
  await act(() => emit("menu", "restore"));
  return screen.findByTestId("restore-dialog");
}

describe("Restore from backup", () => {
  it("lists the snapshots with a date, a reason, a size and the file name", async () => {
    await renderApp({ list_snapshots: () => SNAPSHOTS });
    const dialog = await openFromMenu();
    const rows = await within(dialog).findAllByTestId("snapshot-row");
    expect(rows).toHaveLength(5);
    expect(rows[0].textContent).toContain(snapshotDate(SNAPSHOTS[0]));
    expect(rows[0].textContent).toContain("Taken by you");
    expect(rows[0].textContent).toMatch(/2[.,]5 MB/);
    expect(rows[0].textContent).toContain("china-2024.2026-05-02T08-00-00Z.manual.attest");
    expect(rows[0].textContent).not.toContain(".attest-snapshots/");
    expect(rows[1].textContent).toContain("Daily, on opening");
    expect(rows[1].textContent).toMatch(/12[.,]3 MB/);
    expect(rows[2].textContent).toContain("Before an upgrade");
    expect(rows[2].textContent).toMatch(/< 0[.,]1 MB/);
    expect(rows[3].textContent).toContain("Before a merge");
    expect(rows[4].textContent).toContain("Before a bulk delete");
    // The date is shown in the reader's time zone, not as the raw UTC string.
    expect(rows[0].textContent).not.toContain("2026-05-02T08:00:00Z");
  });

  it("says so when there are no snapshots yet", async () => {
    await renderApp({ list_snapshots: () => [] });
    const dialog = await openFromMenu();
    expect((await within(dialog).findByTestId("no-snapshots")).textContent).toContain(
      "No snapshots yet. Attest takes one each day you open a notebook that holds something, and before every upgrade.",
    );
  });

  it("asks to confirm, restores the snapshot, reloads everything and says so", async () => {
    const backend = await renderApp({
      list_snapshots: () => SNAPSHOTS,
      restore_snapshot: () => NOTEBOOK,
    });
    const articleCalls = backend.callsTo("article_page").length;
    const dialog = await openFromMenu();
    const rows = await within(dialog).findAllByTestId("snapshot-row");

    fireEvent.click(within(rows[1]).getByTestId("restore-snapshot"));
    const confirmation = within(rows[1]).getByTestId("restore-confirmation");
    expect(confirmation.textContent).toContain(
      `Replace the notebook with this snapshot from ${snapshotDate(SNAPSHOTS[1])}? The current file is kept beside it.`,
    );
    // Nothing happens before the confirmation.
    expect(backend.callsTo("restore_snapshot")).toEqual([]);

    fireEvent.click(within(confirmation).getByTestId("confirm-restore"));
    await waitFor(() => expect(screen.queryByTestId("restore-dialog")).toBeNull());
    expect(backend.callsTo("restore_snapshot")).toEqual([{ path: SNAPSHOTS[1].path }]);
    await waitFor(() => expect(backend.callsTo("article_page").length).toBeGreaterThan(articleCalls));
    expect(screen.getByRole("status").textContent).toContain(`Restored the snapshot of ${snapshotDate(SNAPSHOTS[1])}`);
  });

  it("cancels a restore without calling the back end", async () => {
    const backend = await renderApp({ list_snapshots: () => SNAPSHOTS });
    const dialog = await openFromMenu();
    const rows = await within(dialog).findAllByTestId("snapshot-row");
    fireEvent.click(within(rows[0]).getByTestId("restore-snapshot"));
    fireEvent.click(within(rows[0]).getByRole("button", { name: "Cancel" }));
    expect(within(rows[0]).queryByTestId("restore-confirmation")).toBeNull();
    expect(backend.callsTo("restore_snapshot")).toEqual([]);
  });

  it("shows a failed restore inline and keeps the dialog open", async () => {
    await renderApp({
      list_snapshots: () => SNAPSHOTS,
      restore_snapshot: () => apiError("io", "Could not replace the notebook: permission denied"),
    });
    const dialog = await openFromMenu();
    const rows = await within(dialog).findAllByTestId("snapshot-row");
    fireEvent.click(within(rows[0]).getByTestId("restore-snapshot"));
    fireEvent.click(within(rows[0]).getByTestId("confirm-restore"));
    expect((await within(dialog).findByTestId("restore-error")).textContent).toBe(
      "Could not replace the notebook: permission denied",
    );
    expect(screen.getByTestId("restore-dialog")).toBeTruthy();
  });

  it("takes a snapshot now and refreshes the list", async () => {
    const taken: Snapshot = {
      path: "/home/analyst/.attest-snapshots/china-2024.2026-05-03T12-00-00Z.manual.attest",
      created_at: "2026-05-03T12:00:00Z",
      reason: "manual",
      bytes: 3_000_000,
    };
    let list = SNAPSHOTS.slice(0, 1);
    const backend = await renderApp({
      list_snapshots: () => list,
      create_snapshot: () => {
        list = [taken, ...list];
        return taken;
      },
    });
    const dialog = await openFromMenu();
    expect(await within(dialog).findAllByTestId("snapshot-row")).toHaveLength(1);

    fireEvent.click(within(dialog).getByTestId("create-snapshot"));
    await waitFor(() => expect(within(dialog).getAllByTestId("snapshot-row")).toHaveLength(2));
    expect(backend.callsTo("create_snapshot")).toEqual([{}]);
    expect(backend.callsTo("list_snapshots")).toHaveLength(2);
    expect(within(dialog).getAllByTestId("snapshot-row")[0].textContent).toContain(
      "china-2024.2026-05-03T12-00-00Z.manual.attest",
    );
  });

  it("is offered when the notebook could not be opened, and restoring opens it", async () => {
    let restored = false;
    const damaged =
      "The notebook china-2024.attest is damaged. The newest snapshot is china-2024.2026-05-02T08-00-00Z.manual.attest.";
    const backend = await renderApp({
      notebook_info: () => (restored ? NOTEBOOK : apiError("notebook", damaged)),
      list_snapshots: () => SNAPSHOTS,
      restore_snapshot: () => {
        restored = true;
        return NOTEBOOK;
      },
    });
    expect(screen.getByText(damaged)).toBeTruthy();
    expect(screen.queryByTestId("article-list")).toBeNull();

    fireEvent.click(screen.getByTestId("open-restore"));
    const dialog = await screen.findByTestId("restore-dialog");
    // No snapshot can be taken of a notebook that is not open.
    expect((within(dialog).getByTestId("create-snapshot") as HTMLButtonElement).disabled).toBe(true);
    const rows = await within(dialog).findAllByTestId("snapshot-row");
    fireEvent.click(within(rows[0]).getByTestId("restore-snapshot"));
    fireEvent.click(within(rows[0]).getByTestId("confirm-restore"));

    await screen.findByTestId("article-list");
    expect(backend.callsTo("restore_snapshot")).toEqual([{ path: SNAPSHOTS[0].path }]);
    expect(screen.getByTestId("notebook-path").textContent).toBe(NOTEBOOK.path);
  });
});
