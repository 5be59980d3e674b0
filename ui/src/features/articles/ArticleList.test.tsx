import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ArticlePageQuery } from "../../bindings/ArticlePageQuery";
import type { ArticleSummary } from "../../bindings/ArticleSummary";
import { FeedbackProvider } from "../../components/Feedback";
import { fakeBackend } from "../../test/backend";
import { ARTICLE_ROW_HEIGHT, ArticleList } from "./ArticleList";

const TOTAL = 100_000;

/** The article at `position` of the list `q` asks for: its title says where it stands. */
function row(q: ArticlePageQuery, position: number): ArticleSummary {
  return {
    id: position + 1,
    display_title: `${q.sort}${q.descending ? "↓" : "↑"} ${position}`,
    title_is_fallback: false,
    byline: "Jane Doe",
    outlet: "The Daily",
    published: "2024-03-05",
    source_name: `article-${position}.txt`,
    imported_at: "2024-03-06T10:00:00Z",
  };
}

/** A notebook of 100,000 articles (fewer when a filter is given). */
function backend() {
  return fakeBackend({
    article_page: ({ query }) => {
      const q = query as ArticlePageQuery;
      const total = q.contains ? 42 : TOTAL;
      const rows = [];
      for (let p = q.offset; p < Math.min(total, q.offset + q.limit); p++) rows.push(row(q, p));
      return { total, offset: q.offset, rows };
    },
    article_position: ({ id }) => (id as number) - 1,
    search_articles: () => [],
  });
}

function renderList(selectedId: number | null = null, onSelect = vi.fn()) {
  const fake = backend();
  const view = render(
    <FeedbackProvider>
      <ArticleList selectedId={selectedId} onSelect={onSelect} version={0} />
    </FeedbackProvider>,
  );
  return { fake, onSelect, view };
}

const list = () => screen.getByTestId("article-list");
const titles = () => within(list()).queryAllByTestId("article-item").map((item) => item.querySelector(".article-title")!.textContent);
const offsets = (fake: ReturnType<typeof backend>) =>
  fake.callsTo("article_page").map((call) => (call.query as ArticlePageQuery).offset);

/** Scrolls the list the way the user's wheel does. */
function scrollTo(top: number) {
  act(() => {
    list().scrollTop = top;
    fireEvent.scroll(list());
  });
}

describe("ArticleList at 100,000 rows", () => {
  it("renders a screenful and fetches only the first page", async () => {
    const { fake } = renderList();
    await waitFor(() => expect(titles()[0]).toBe("imported↓ 0"));
    expect(screen.getByTestId("article-count").textContent).toBe("100,000 articles");
    // 600 px of 72 px rows, plus a few either side: nowhere near 100,000.
    const shown = within(list()).getAllByTestId("article-item").length;
    expect(shown).toBeGreaterThanOrEqual(9);
    expect(shown).toBeLessThanOrEqual(30);
    expect(offsets(fake)).toEqual([0]);
    expect(fake.callsTo("article_page")[0].query).toMatchObject({ sort: "imported", descending: true, limit: 100 });
    // The list is as tall as 100,000 rows, so the scroll bar is true.
    expect(list().querySelector<HTMLElement>(".virtual-space")!.style.height).toBe(`${TOTAL * ARTICLE_ROW_HEIGHT}px`);
  });

  it("fetches the pages scrolled to, and no others", async () => {
    const { fake } = renderList();
    await waitFor(() => expect(titles()[0]).toBe("imported↓ 0"));
    scrollTo(50_000 * ARTICLE_ROW_HEIGHT);
    await waitFor(() => expect(titles()).toContain("imported↓ 50005"));
    expect(within(list()).getAllByTestId("article-item").length).toBeLessThanOrEqual(30);
    // Page 500 (and 499 for the rows above the window), not the 499 pages between.
    expect(offsets(fake).length).toBeLessThanOrEqual(3);
    expect(offsets(fake)).toContain(50_000);
    // Back to the top: that page is kept, not fetched again.
    scrollTo(0);
    await waitFor(() => expect(titles()[0]).toBe("imported↓ 0"));
    expect(offsets(fake).filter((o) => o === 0)).toHaveLength(1);
  });

  it("fetches again from the top when the sort changes", async () => {
    const { fake } = renderList();
    await waitFor(() => expect(titles()[0]).toBe("imported↓ 0"));
    scrollTo(3_000 * ARTICLE_ROW_HEIGHT);
    await waitFor(() => expect(titles()).toContain("imported↓ 3002"));

    fireEvent.change(screen.getByTestId("article-sort"), { target: { value: "title" } });
    // The list scrolls itself to the top; a browser then sends a scroll event, happy-dom does not.
    await waitFor(() => expect(list().scrollTop).toBe(0));
    act(() => {
      fireEvent.scroll(list());
    });
    await waitFor(() => expect(titles()[0]).toBe("title↓ 0"));
    expect(fake.callsTo("article_page").map((call) => call.query)).toContainEqual(
      expect.objectContaining({ sort: "title", descending: true, offset: 0 }),
    );
    expect(list().scrollTop).toBe(0);

    fireEvent.click(screen.getByTestId("article-sort-direction"));
    await waitFor(() => expect(titles()[0]).toBe("title↑ 0"));
    expect(fake.callsTo("article_page").at(-1)!.query).toMatchObject({ sort: "title", descending: false });
  });

  it("sends the filters and shows how many match", async () => {
    const { fake } = renderList();
    await waitFor(() => expect(titles()[0]).toBe("imported↓ 0"));
    fireEvent.change(screen.getByTestId("filter-contains"), { target: { value: " minister " } });
    await waitFor(() => expect(screen.getByTestId("article-count").textContent).toBe("42 articles"));
    expect(fake.callsTo("article_page").at(-1)!.query).toMatchObject({ contains: "minister", outlet: null, offset: 0 });
    expect(screen.getByTestId("article-count").textContent).toBe("42 articles");
  });

  it("moves the cursor with ↑/↓ and j/k, opens with Enter, and jumps to the end", async () => {
    const { fake, onSelect } = renderList();
    await waitFor(() => expect(titles()[0]).toBe("imported↓ 0"));
    const box = list();
    box.focus();
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "j" });
    fireEvent.keyDown(box, { key: "k" });
    expect(box.getAttribute("aria-activedescendant")).toBe("article-row-2");
    expect(box.querySelector("#article-row-2")!.classList.contains("cursor")).toBe(true);
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: "Enter" });
    expect(onSelect).toHaveBeenCalledWith(3);
    fireEvent.keyDown(box, { key: "ArrowUp" });
    fireEvent.keyDown(box, { key: "ArrowUp" });
    fireEvent.keyDown(box, { key: "ArrowUp" });
    expect(box.getAttribute("aria-activedescendant")).toBe("article-row-0");

    // End: the last row is scrolled into view and its page fetched.
    fireEvent.keyDown(box, { key: "End" });
    act(() => {
      fireEvent.scroll(box);
    });
    await waitFor(() => expect(titles()).toContain(`imported↓ ${TOTAL - 1}`));
    expect(offsets(fake)).toContain(TOTAL - 100);
    expect(box.getAttribute("aria-activedescendant")).toBe(`article-row-${TOTAL - 1}`);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(onSelect).toHaveBeenLastCalledWith(TOTAL);
  });

  it("scrolls the open article into view wherever it stands", async () => {
    const { fake } = renderList(77_778);
    await waitFor(() => expect(fake.callsTo("article_position")).toHaveLength(1));
    expect(fake.callsTo("article_position")[0]).toMatchObject({ id: 77_778, query: { sort: "imported" } });
    act(() => {
      fireEvent.scroll(list());
    });
    const selected = await waitFor(() => {
      const option = list().querySelector<HTMLElement>("[aria-selected=true]");
      expect(option).not.toBeNull();
      return option!;
    });
    expect(selected.textContent).toContain("imported↓ 77777");
    expect(list().scrollTop).toBeGreaterThan(77_000 * ARTICLE_ROW_HEIGHT);
  });
});
