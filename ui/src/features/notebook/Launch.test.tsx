import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { act } from "react";
import { describe, expect, it } from "vitest";
import type { FileReport } from "../../bindings/FileReport";
import type { LaunchRequest } from "../../bindings/LaunchRequest";
import { apiError } from "../../test/backend";
import { NOTEBOOK } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";

const IMPORTED: FileReport[] = [
  { file: "/in/a.txt", outcome: { status: "imported", article_id: 1, title: "Minister rules out concessions", warnings: [] } },
];

/** A back end whose command line holds `requests`, handed out one per call. */
function launches(...requests: LaunchRequest[]) {
  return () => requests.shift() ?? { notebook: null, files: [] };
}

describe("Files from the command line", () => {
  it("imports the files the app was started with, once", async () => {
    const backend = await renderApp({
      take_launch_request: launches({ notebook: null, files: ["/in/a.txt", "/in/b.txt"] }),
      import_files: () => IMPORTED,
    });
    await waitFor(() => expect(backend.callsTo("import_files")).toHaveLength(1));
    expect(backend.callsTo("import_files")[0].paths).toEqual(["/in/a.txt", "/in/b.txt"]);
    await screen.findByTestId("import-report");
  });

  it("switches notebook and imports when a second launch hands files over", async () => {
    const backend = await renderApp({
      take_launch_request: launches(
        { notebook: null, files: [] },
        { notebook: "/home/analyst/other.attest", files: ["/in/a.txt"] },
      ),
      open_notebook: ({ path }) => ({ ...NOTEBOOK, path }),
      import_files: () => IMPORTED,
    });
    await waitFor(() => expect(backend.callsTo("take_launch_request")).toHaveLength(1));
    expect(backend.callsTo("import_files")).toHaveLength(0);

    await act(() => emit("launch"));
    await waitFor(() => expect(backend.callsTo("import_files")).toHaveLength(1));
    expect(backend.callsTo("open_notebook")).toEqual([{ path: "/home/analyst/other.attest" }]);
    // The notebook is switched before the files go in, so they land in it.
    expect(backend.callsTo("import_files")[0].paths).toEqual(["/in/a.txt"]);
  });

  it("queues files that arrive while an import runs, and imports them after it", async () => {
    let finishFirst: (reports: FileReport[]) => void = () => {};
    const backend = await renderApp({
      take_launch_request: launches({ notebook: null, files: ["/in/a.txt"] }, { notebook: null, files: ["/in/b.txt"] }),
      import_files: ({ paths }) =>
        (paths as string[])[0] === "/in/a.txt" ? new Promise<FileReport[]>((resolve) => (finishFirst = resolve)) : IMPORTED,
    });
    await screen.findByTestId("import-progress");
    await act(() => emit("launch"));
    await waitFor(() => expect(backend.callsTo("take_launch_request")).toHaveLength(2));
    expect(backend.callsTo("import_files")).toHaveLength(1);

    await act(async () => finishFirst(IMPORTED));
    await waitFor(() => expect(backend.callsTo("import_files")).toHaveLength(2));
    expect(backend.callsTo("import_files")[1].paths).toEqual(["/in/b.txt"]);
  });
});

describe("Cloud folder warning", () => {
  const WARNING = "This notebook is in a Dropbox folder. Dropbox can copy it while Attest is writing…";

  it("warns about a notebook in a synced folder until dismissed", async () => {
    await renderApp({ notebook_info: () => ({ ...NOTEBOOK, cloud_warning: WARNING }) });
    const banner = screen.getByTestId("cloud-warning");
    expect(banner.textContent).toContain("Dropbox folder");
    fireEvent.click(within(banner).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("cloud-warning")).toBeNull();
  });

  it("says nothing about a notebook in an ordinary folder", async () => {
    await renderApp();
    expect(screen.queryByTestId("cloud-warning")).toBeNull();
  });
});

describe("Diagnostics", () => {
  it("shows the report from the Help menu before it is copied", async () => {
    const report = "Attest 0.1.0 (debug build) on linux x86_64\nNotebook: /home/analyst/china-2024.attest\n";
    await renderApp({ diagnostics: () => report });
    await act(() => emit("menu", "diagnostics"));
    const dialog = await screen.findByTestId("diagnostics-dialog");
    await waitFor(() => expect(within(dialog).getByTestId("diagnostics-report").textContent).toBe(report));
    expect(dialog.textContent).toContain("no article text");

    let copied = "";
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (text: string) => void (copied = text) },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Copy diagnostics" }));
    await within(dialog).findByText("Copied to the clipboard");
    expect(copied).toBe(report);
  });

  it("is offered when the notebook could not be opened", async () => {
    await renderApp({
      notebook_info: () => apiError("notebook", "/home/analyst/china-2024.attest is damaged (page 3 is bad)"),
      diagnostics: () => "Notebook: /home/analyst/china-2024.attest\n  could not be opened (Notebook)\n",
    });
    fireEvent.click(await screen.findByTestId("open-diagnostics"));
    const dialog = await screen.findByTestId("diagnostics-dialog");
    await waitFor(() => expect(dialog.textContent).toContain("could not be opened"));
  });
});
