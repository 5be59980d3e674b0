import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Channel } from "@tauri-apps/api/core";
import { emit } from "@tauri-apps/api/event";
import { act } from "react";
import { describe, expect, it } from "vitest";
import type { FileReport } from "./bindings/FileReport";
import type { ImportProgress } from "./bindings/ImportProgress";
import { apiError } from "./test/backend";
import { NOTEBOOK, SUMMARIES, articleView } from "./test/fixtures";
import { renderApp } from "./test/renderApp";

const REPORTS: FileReport[] = [
  { file: "/in/new.md", outcome: { status: "imported", article_id: 9, title: "New article", warnings: [] } },
  { file: "/in/again.md", outcome: { status: "duplicate", article_id: 1, title: "Minister rules out concessions" } },
  { file: "/in/broken.pdf", outcome: { status: "failed", reason: "not a text file" } },
  {
    file: "/in/wires.zip › march/reprint.html",
    outcome: {
      status: "related",
      article_id: 10,
      title: "Corridor to open",
      warnings: [],
      related: { id: 1, display_title: "Minister rules out concessions", outlet: "The Daily", similarity: 0.82 },
    },
  },
];

/** The progress channel the front end passes to import_files (mockIPC hands it over as is). */
const CHANNEL = expect.any(Channel);

describe("App", () => {
  it("shows the notebook and the first page of articles", async () => {
    await renderApp();
    expect(screen.getByTestId("notebook-path").textContent).toBe(NOTEBOOK.path);
    // The list fetches its first page itself, after the app is ready.
    const items = await within(screen.getByTestId("article-list")).findAllByTestId("article-item");
    expect(items.map((item) => item.querySelector(".article-title")?.textContent)).toEqual(
      SUMMARIES.map((s) => s.display_title),
    );
    expect(items[0].textContent).toContain("Jane Doe · The Daily");
    expect(items[0].textContent).toContain("minister.md");
    // A fallback title is marked and explains how to set a real one.
    const fallback = items[1].querySelector(".article-title")!;
    expect(fallback.classList.contains("fallback-title")).toBe(true);
    expect(fallback.getAttribute("title")).toMatch(/No headline in the file/);
    expect(items[0].querySelector(".article-title")!.classList.contains("fallback-title")).toBe(false);
  });

  it("opens the first article in the reader with numbered paragraphs", async () => {
    await renderApp();
    const reader = await screen.findByTestId("reader");
    await waitFor(() => expect(reader.querySelectorAll("p[data-start]")).toHaveLength(3));
    const paragraphs = reader.querySelectorAll("p[data-start]");
    expect(paragraphs[1].getAttribute("data-start")).toBe("28");
    expect(paragraphs[1].querySelector(".paragraph-number")!.textContent).toBe("¶2");
    expect(paragraphs[1].querySelector("[data-para-text]")!.textContent).toBe(
      "The minister (🇨🇳) said “we will not back down” on Tuesday.",
    );
    expect(screen.getByTestId("reader-meta").textContent).toBe(
      "Jane Doe · The Daily · BEIJING · 2024-03-05 · en · minister.md",
    );
  });

  it("shows progress while importing and cancels on request", async () => {
    let finish: (reports: FileReport[]) => void = () => {};
    const backend = await renderApp({
      "plugin:dialog|open": () => ["/in/a.txt", "/in/b.txt"],
      import_files: (args) => {
        (args.on_progress as Channel<ImportProgress>).onmessage({ done: 1, total: 2, current: "/in/a.txt", rate: 12.5 });
        return new Promise<FileReport[]>((resolve) => (finish = resolve));
      },
      cancel_import: () => null,
    });
    fireEvent.click(screen.getByRole("button", { name: "Import…" }));
    const panel = await screen.findByTestId("import-progress");
    await waitFor(() => expect(panel.textContent).toContain("Importing 1 of 2 files"));
    expect(panel.textContent).toContain("13 files/s");
    expect(panel.textContent).toContain("a.txt");
    expect(panel.querySelector("progress")!.getAttribute("value")).toBe("1");

    fireEvent.click(within(panel).getByTestId("cancel-import"));
    await waitFor(() => expect(backend.callsTo("cancel_import")).toHaveLength(1));
    await act(async () =>
      finish([REPORTS[0], { file: "/in/b.txt", outcome: { status: "cancelled" } }]),
    );
    expect(screen.queryByTestId("import-progress")).toBeNull();
    const report = await screen.findByTestId("import-report");
    expect(report.textContent).toContain("(cancelled)");
    expect(report.textContent).toContain("The import was cancelled before this file.");
  });

  it("imports chosen files, reports every outcome and opens the imported article", async () => {
    const backend = await renderApp({
      "plugin:dialog|open": () => ["/in/new.md", "/in/again.md", "/in/broken.pdf"],
      import_files: () => REPORTS,
    });
    fireEvent.click(screen.getByRole("button", { name: "Import…" }));

    const report = await screen.findByTestId("import-report");
    const rows = within(report).getAllByTestId("import-row");
    expect(rows.map((row) => row.getAttribute("data-status"))).toEqual(["imported", "duplicate", "failed", "related"]);
    expect(rows[0].textContent).toContain("Imported");
    expect(rows[1].textContent).toContain("Already in the notebook as “Minister rules out concessions”");
    expect(rows[2].textContent).toContain("FailedNot a text file.");
    expect(rows[3].textContent).toContain("wires.zip › march/reprint.html");
    expect(rows[3].textContent).toContain("Imported; 82 % like “Minister rules out concessions”, linked as related.");
    expect(report.textContent).toContain("Import: 1 imported, 1 related, 1 duplicate, 1 failed");

    expect(backend.callsTo("import_files")).toEqual([
      { paths: ["/in/new.md", "/in/again.md", "/in/broken.pdf"], on_progress: CHANNEL },
    ]);
    const dialogOptions = backend.callsTo("plugin:dialog|open")[0].options as { multiple: boolean; filters: unknown };
    expect(dialogOptions.multiple).toBe(true);
    expect(dialogOptions.filters).toEqual([{ name: "Articles", extensions: ["txt", "md", "docx"] }]);
    await waitFor(() => expect(backend.callsTo("get_article")).toContainEqual({ id: 9 }));
    // The list's first page is fetched again after the import.
    await waitFor(() => expect(backend.callsTo("article_page").length).toBeGreaterThanOrEqual(2));

    fireEvent.click(within(report).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("import-report")).toBeNull();
  });

  it("imports files dropped onto the window", async () => {
    const backend = await renderApp({
      import_files: () => [REPORTS[0]],
    });
    await act(() => emit("tauri://drag-enter", { paths: ["/in/new.md"], position: { x: 0, y: 0 } }));
    expect(screen.getByText("Drop articles to import")).toBeTruthy();

    await act(() => emit("tauri://drag-drop", { paths: ["/in/new.md"], position: { x: 0, y: 0 } }));
    expect(screen.queryByText("Drop articles to import")).toBeNull();
    await screen.findByTestId("import-report");
    expect(backend.callsTo("import_files")).toEqual([{ paths: ["/in/new.md"], on_progress: CHANNEL }]);
  });

  it("shows why when the check after opening finds the notebook damaged", async () => {
    let damaged = false;
    await renderApp({
      notebook_info: () =>
        damaged ? apiError("notebook", "/n/default.attest is damaged (page 7). Restore it: File › Restore from backup.") : NOTEBOOK,
    });
    await screen.findByTestId("reader");
    damaged = true;
    await act(() => emit("notebook-damaged"));
    expect(await screen.findByText(/is damaged \(page 7\)/)).toBeTruthy();
  });

  it("runs Import from the native File menu", async () => {
    const backend = await renderApp({
      "plugin:dialog|open": () => ["/in/new.md"],
      import_files: () => [REPORTS[0]],
    });
    await act(() => emit("menu", "import"));
    await screen.findByTestId("import-report");
    expect(backend.callsTo("import_files")).toEqual([{ paths: ["/in/new.md"], on_progress: CHANNEL }]);
  });

  it("creates a notebook from the native File menu with the save dialog", async () => {
    const backend = await renderApp({
      "plugin:dialog|save": () => "/home/analyst/new.attest",
      new_notebook: ({ path }) => ({ path, article_count: 0, cloud_warning: null }),
    });
    const infoCalls = backend.callsTo("notebook_info").length;
    await act(() => emit("menu", "new-notebook"));
    await waitFor(() => expect(backend.callsTo("new_notebook")).toEqual([{ path: "/home/analyst/new.attest" }]));
    expect(backend.callsTo("plugin:dialog|save")[0].options).toEqual({
      filters: [{ name: "Attest notebook", extensions: ["attest"] }],
    });
    // Everything is loaded again for the new notebook.
    await waitFor(() => expect(backend.callsTo("notebook_info").length).toBeGreaterThan(infoCalls));
  });

  it("hides the drop overlay when the drag leaves", async () => {
    await renderApp();
    await act(() => emit("tauri://drag-over", { position: { x: 5, y: 5 } }));
    expect(screen.getByTestId("drop-overlay")).toBeTruthy();
    await act(() => emit("tauri://drag-leave", null));
    expect(screen.queryByTestId("drop-overlay")).toBeNull();
  });

  it("shows the message of an ApiError in an alert", async () => {
    await renderApp({
      "plugin:dialog|open": () => ["/in/locked.md"],
      import_files: () => apiError("io", "Could not read locked.md: permission denied"),
    });
    fireEvent.click(screen.getByRole("button", { name: "Import…" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Could not read locked.md: permission denied");
    expect(screen.queryByTestId("import-report")).toBeNull();
  });

  it("searches articles and shows a bad query's error inline", async () => {
    const backend = await renderApp({
      search_articles: ({ query }) =>
        query === "minister" ? [SUMMARIES[0]] : apiError("invalid", "Unbalanced quote in the search query"),
    });
    const search = screen.getByRole("searchbox", { name: "Search articles" });

    fireEvent.change(search, { target: { value: "minister" } });
    fireEvent.submit(search.closest("form")!);
    await waitFor(() => expect(screen.getAllByTestId("article-item")).toHaveLength(1));
    expect(backend.callsTo("search_articles")).toContainEqual({ query: "minister" });

    fireEvent.change(search, { target: { value: '"oops' } });
    fireEvent.submit(search.closest("form")!);
    expect((await screen.findByRole("alert")).textContent).toBe("Unbalanced quote in the search query");

    fireEvent.change(search, { target: { value: "" } });
    fireEvent.submit(search.closest("form")!);
    await waitFor(() => expect(screen.getAllByTestId("article-item")).toHaveLength(2));
  });

  it("offers New and Open when no notebook is open, and reloads after opening one", async () => {
    let open = false;
    const backend = await renderApp({
      notebook_info: () => (open ? NOTEBOOK : apiError("notebook", "No notebook is open")),
      "plugin:dialog|open": () => "/home/analyst/other.attest",
      open_notebook: () => {
        open = true;
        return NOTEBOOK;
      },
    });
    expect(screen.getByText("No notebook is open", { selector: "p" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Open notebook…" }));
    await screen.findByTestId("article-list");
    expect(backend.callsTo("open_notebook")).toEqual([{ path: "/home/analyst/other.attest" }]);
  });

  it("saves an edited title with update_article_meta on Enter", async () => {
    const view = articleView();
    const backend = await renderApp({
      update_article_meta: ({ meta }) => ({ ...view.article, meta }),
    });
    fireEvent.click(await screen.findByTestId("reader-title"));
    const input = screen.getByTestId("title-input");
    fireEvent.change(input, { target: { value: "  Talks resume  " } });
    fireEvent.submit(input.closest("form")!);
    await waitFor(() => expect(backend.callsTo("update_article_meta")).toHaveLength(1));
    expect(backend.callsTo("update_article_meta")[0]).toEqual({ id: 1, meta: { ...view.article.meta, title: "Talks resume" } });
  });
});
