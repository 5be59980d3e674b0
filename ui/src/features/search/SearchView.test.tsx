import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createRef } from "react";
import { describe, expect, it, vi } from "vitest";
import type { SearchHit } from "../../bindings/SearchHit";
import type { SearchQuery } from "../../bindings/SearchQuery";
import type { SearchResults } from "../../bindings/SearchResults";
import { apiError, fakeBackend, type Handler } from "../../test/backend";
import { ACTORS } from "../../test/fixtures";
import { PAGE_SIZE, SearchView, type SearchViewHandle } from "./SearchView";

function hit(n: number, overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: "article",
    article_id: n,
    article_title: `Article ${n}`,
    outlet: "Reuters",
    published: "2026-03-04",
    statement_id: null,
    annotation_id: null,
    snippet: [
      { text: "talks in ", matched: false },
      { text: "São Paulo", matched: true },
      { text: " resumed…", matched: false },
    ],
    span: { start: 10 * n, end: 10 * n + 9 },
    score: -10 + n,
    ...overrides,
  };
}

function results(hits: SearchHit[], total = hits.length, offset = 0, totalIsLowerBound = false): SearchResults {
  return { hits, total, total_is_lower_bound: totalIsLowerBound, offset, limit: PAGE_SIZE };
}

function setup(search: Handler, more: Record<string, Handler> = {}) {
  const backend = fakeBackend({ search, list_actors: () => ACTORS, ...more });
  const onOpenAt = vi.fn();
  const ref = createRef<SearchViewHandle>();
  render(<SearchView ref={ref} onOpenAt={onOpenAt} />);
  return { backend, onOpenAt, ref };
}

async function type(text: string) {
  const input = screen.getByTestId("search-input");
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
}

const queries = (backend: ReturnType<typeof fakeBackend>) =>
  backend.callsTo("search").map((c) => c.query as SearchQuery);

describe("SearchView", () => {
  it("sends the query and shows hits with matched words in <mark>, never as HTML", async () => {
    const { backend } = setup(() =>
      results([
        hit(1),
        hit(2, {
          kind: "statement",
          statement_id: 31,
          snippet: [
            { text: "<b>not bold</b> ", matched: false },
            { text: "tariffs", matched: true },
          ],
        }),
      ]),
    );
    await type("Sao Paulo");
    const items = await screen.findAllByTestId("search-hit");
    expect(items).toHaveLength(2);
    expect(queries(backend).at(-1)).toEqual({
      text: "Sao Paulo",
      actor_id: null,
      outlet: null,
      from: null,
      to: null,
      tag: null,
      statement_kind: null,
      statement_status: null,
      language: null,
      kinds: [],
      offset: 0,
      limit: PAGE_SIZE,
    });
    const marks = items[0].querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual(["São Paulo"]);
    expect(within(items[0]).getByTestId("search-snippet").textContent).toBe("talks in São Paulo resumed…");
    expect(items[0].textContent).toContain("Reuters · 2026-03-04");
    // Markup in the text stays text.
    expect(items[1].querySelector("b")).toBeNull();
    expect(items[1].textContent).toContain("<b>not bold</b>");
    expect(items[1].textContent).toContain("Statement");
    expect(screen.getByTestId("search-count").textContent).toBe("2 hits");
  });

  it("shows a malformed query's message inline and clears it once the query is fixed", async () => {
    setup(({ query }) => {
      const q = query as SearchQuery;
      if (q.text.includes('"') && q.text.split('"').length % 2 === 0) {
        apiError("invalid", "a quotation mark is not closed: add the closing \" after the phrase");
      }
      return results([hit(1)]);
    });
    await type('"trade war');
    const error = await screen.findByTestId("search-error");
    expect(error.textContent).toBe('a quotation mark is not closed: add the closing " after the phrase');
    expect(error.getAttribute("role")).toBe("alert");
    expect(screen.queryByTestId("search-hit")).toBeNull();
    await type('"trade war"');
    await screen.findByTestId("search-hit");
    expect(screen.queryByTestId("search-error")).toBeNull();
  });

  it("sends every filter, the actor chosen by type-ahead", async () => {
    const { backend } = setup(() => results([hit(1)]));
    await type("budget");
    await screen.findByTestId("search-hit");

    fireEvent.change(screen.getByTestId("search-actor"), { target: { value: "mfa" } });
    const options = await screen.findAllByTestId("search-actor-option");
    expect(options.map((o) => o.textContent)).toEqual(["Ministry of Foreign Affairs"]);
    fireEvent.keyDown(screen.getByTestId("search-actor"), { key: "Enter" });
    expect(screen.getByTestId("search-actor-chip").textContent).toContain("Ministry of Foreign Affairs");

    fireEvent.change(screen.getByTestId("search-outlet"), { target: { value: " Reuters " } });
    fireEvent.change(screen.getByTestId("search-from"), { target: { value: "2026-01-01" } });
    fireEvent.change(screen.getByTestId("search-to"), { target: { value: "2026-06-30" } });
    fireEvent.change(screen.getByTestId("search-tag"), { target: { value: "Economy" } });
    fireEvent.change(screen.getByTestId("search-statement-kind"), { target: { value: "direct" } });
    fireEvent.change(screen.getByTestId("search-status"), { target: { value: "accepted" } });
    fireEvent.change(screen.getByTestId("search-language"), { target: { value: "en" } });
    fireEvent.click(screen.getByTestId("search-kind-article"));

    await waitFor(() =>
      expect(queries(backend).at(-1)).toEqual({
        text: "budget",
        actor_id: 2,
        outlet: "Reuters",
        from: "2026-01-01",
        to: "2026-06-30",
        tag: "Economy",
        statement_kind: "direct",
        statement_status: "accepted",
        language: "en",
        kinds: ["note", "statement"],
        offset: 0,
        limit: PAGE_SIZE,
      }),
    );
    // Removing the actor searches without it.
    fireEvent.click(screen.getByRole("button", { name: "Remove Ministry of Foreign Affairs" }));
    await waitFor(() => expect(queries(backend).at(-1)?.actor_id).toBeNull());
  });

  it("opens the chosen hit at its match with the arrow keys and Enter, or a click", async () => {
    const { onOpenAt } = setup(() =>
      results([hit(1), hit(2, { kind: "note", annotation_id: 5, span: { start: 3, end: 8 } }), hit(3, { span: null })]),
    );
    await type("paulo");
    await screen.findAllByTestId("search-hit");
    const input = screen.getByTestId("search-input");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(screen.getAllByTestId("search-hit")[1].getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onOpenAt).toHaveBeenLastCalledWith(2, { start: 3, end: 8 }, expect.objectContaining({ annotation_id: 5 }));

    const list = screen.getByTestId("search-results");
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: "ArrowUp" });
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: "Enter" });
    expect(onOpenAt).toHaveBeenLastCalledWith(3, null, expect.objectContaining({ article_id: 3 }));

    fireEvent.click(screen.getAllByTestId("search-hit")[0]);
    expect(onOpenAt).toHaveBeenLastCalledWith(1, { start: 10, end: 19 }, expect.objectContaining({ article_id: 1 }));
  });

  it("loads more hits after the first page", async () => {
    const total = PAGE_SIZE + 3;
    const { backend } = setup(({ query }) => {
      const q = query as SearchQuery;
      const ids = Array.from({ length: total }, (_, i) => i + 1).slice(q.offset, q.offset + q.limit);
      return results(ids.map((n) => hit(n)), total, q.offset);
    });
    await type("trade");
    await waitFor(() => expect(screen.getAllByTestId("search-hit")).toHaveLength(PAGE_SIZE));
    expect(screen.getByTestId("search-count").textContent).toBe(`${total} hits, ${PAGE_SIZE} shown`);
    fireEvent.click(screen.getByTestId("search-more"));
    await waitFor(() => expect(screen.getAllByTestId("search-hit")).toHaveLength(total));
    expect(queries(backend).at(-1)?.offset).toBe(PAGE_SIZE);
    expect(screen.queryByTestId("search-more")).toBeNull();
    expect(screen.getAllByTestId("search-hit").at(-1)?.textContent).toContain(`Article ${total}`);
  });

  it("says 'more than' when the count stopped at its limit, and still offers more", async () => {
    const { backend } = setup(({ query }) => {
      const q = query as SearchQuery;
      const ids = Array.from({ length: q.limit }, (_, i) => q.offset + i + 1);
      return results(ids.map((n) => hit(n)), 10_000, q.offset, true);
    });
    await type("the");
    await waitFor(() => expect(screen.getAllByTestId("search-hit")).toHaveLength(PAGE_SIZE));
    expect(screen.getByTestId("search-count").textContent).toBe(`More than 10,000 hits, ${PAGE_SIZE} shown`);
    expect(screen.getByTestId("search-more").textContent).toBe("More");
    fireEvent.click(screen.getByTestId("search-more"));
    await waitFor(() => expect(screen.getAllByTestId("search-hit")).toHaveLength(2 * PAGE_SIZE));
    expect(queries(backend).at(-1)?.offset).toBe(PAGE_SIZE);
    expect(screen.getByTestId("search-count").textContent).toBe(`More than 10,000 hits, ${2 * PAGE_SIZE} shown`);
  });

  it("lets a shortcut focus the query box", async () => {
    const { ref } = setup(() => results([]));
    expect(document.activeElement).not.toBe(screen.getByTestId("search-input"));
    act(() => ref.current?.focus());
    expect(document.activeElement).toBe(screen.getByTestId("search-input"));
  });
});
