import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { StatementPageQuery } from "../../bindings/StatementPageQuery";
import { FeedbackProvider } from "../../components/Feedback";
import { fakeBackend } from "../../test/backend";
import { statement } from "../../test/fixtures";
import { STATEMENT_ROW_HEIGHT, StatementsView } from "./StatementsView";

const TOTAL = 100_000;

/** 100,000 statements; each quote says where it stands in the order asked for. */
function backend() {
  return fakeBackend({
    list_dossiers: () => [],
    statement_page: ({ query }) => {
      const q = query as StatementPageQuery;
      const rows = [];
      for (let p = q.offset; p < Math.min(TOTAL, q.offset + q.limit); p++) {
        rows.push({ ...statement(p + 1, `${q.sort}${q.descending ? "↓" : "↑"} ${p}`), article_id: 1_000 + p });
      }
      return { total: TOTAL, offset: q.offset, rows };
    },
  });
}

function renderTable() {
  const fake = backend();
  const onOpenArticle = vi.fn();
  render(
    <FeedbackProvider>
      <StatementsView version={0} onOpenArticle={onOpenArticle} />
    </FeedbackProvider>,
  );
  return { fake, onOpenArticle };
}

const quotes = () => screen.queryAllByTestId("statement-row").map((row) => row.querySelector(".quote-clamp")!.textContent);
const calls = (fake: ReturnType<typeof backend>) =>
  fake.callsTo("statement_page").map((call) => call.query as StatementPageQuery).filter((q) => q.limit > 0);

describe("Statements table at 100,000 rows", () => {
  it("renders a screenful, fetches by page and refetches when a header sorts", async () => {
    const { fake } = renderTable();
    await waitFor(() => expect(quotes()[0]).toBe("“article↑ 0”"));
    expect(screen.getByRole("heading").textContent).toBe("Statements (100,000)");
    expect(screen.getAllByTestId("statement-row").length).toBeLessThanOrEqual(25);
    expect(calls(fake).map((q) => q.offset)).toEqual([0]);

    const box = screen.getByTestId("statements-scroll");
    act(() => {
      box.scrollTop = 60_000 * STATEMENT_ROW_HEIGHT;
      fireEvent.scroll(box);
    });
    await waitFor(() => expect(quotes()).toContain("“article↑ 60003”"));
    expect(screen.getAllByTestId("statement-row").length).toBeLessThanOrEqual(25);
    expect(calls(fake).length).toBeLessThanOrEqual(3);

    fireEvent.click(screen.getByTestId("sort-speaker"));
    // The table scrolls itself to the top; a browser then sends a scroll event, happy-dom does not.
    await waitFor(() => expect(box.scrollTop).toBe(0));
    act(() => {
      fireEvent.scroll(box);
    });
    await waitFor(() => expect(quotes()[0]).toBe("“speaker↑ 0”"));
    expect(calls(fake).at(-1)).toMatchObject({ sort: "speaker", descending: false, status: "accepted" });
    expect(screen.getByTestId("sort-speaker").closest("th")!.getAttribute("aria-sort")).toBe("ascending");
    // A second click turns the order round.
    fireEvent.click(screen.getByTestId("sort-speaker"));
    await waitFor(() => expect(quotes()[0]).toBe("“speaker↓ 0”"));
    expect(screen.getByTestId("sort-speaker").closest("th")!.getAttribute("aria-sort")).toBe("descending");
    // The menu offers the sorts without a column (date, status).
    fireEvent.change(screen.getByTestId("statement-sort"), { target: { value: "date" } });
    await waitFor(() => expect(quotes()[0]).toBe("“date↑ 0”"));
    // And the status filter is sent along.
    fireEvent.change(screen.getByTestId("status-filter"), { target: { value: "all" } });
    await waitFor(() => expect(calls(fake).at(-1)).toMatchObject({ status: null, sort: "date" }));
  });

  it("moves with ↓ and j, opens the row's article with Enter", async () => {
    const { onOpenArticle } = renderTable();
    await waitFor(() => expect(quotes()[0]).toBe("“article↑ 0”"));
    const box = screen.getByTestId("statements-scroll");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "j" });
    expect(screen.getAllByTestId("statement-row")[2].classList.contains("cursor")).toBe(true);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(onOpenArticle).toHaveBeenCalledWith(1_002);
    fireEvent.keyDown(box, { key: "End" });
    act(() => {
      fireEvent.scroll(box);
    });
    await waitFor(() => expect(quotes()).toContain(`“article↑ ${TOTAL - 1}”`));
    fireEvent.keyDown(box, { key: "Enter" });
    expect(onOpenArticle).toHaveBeenLastCalledWith(1_000 + TOTAL - 1);
  });
});
