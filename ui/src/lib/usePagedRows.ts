// Rows of a long list fetched a page at a time as they come into view, for lists of
// 100,000 rows: only the pages looked at are fetched, each once, and kept.
import { useCallback, useEffect, useRef, useState } from "react";
import { useFeedback } from "../components/Feedback";

export const PAGE_SIZE = 100;

export type Page<T> = { total: number; rows: T[] };

export type PagedRows<T> = {
  /** Rows matching in all; null until the first page arrives. */
  total: number | null;
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt: (index: number) => T | undefined;
  /** Fetches the pages holding rows `first`…`last` that are not here or on their way. */
  ensure: (first: number, last: number) => void;
  /** Puts a fresher copy of a row (a command's answer) in place of the one `matches` picks. */
  replace: (matches: (row: T) => boolean, row: T) => void;
  /** Every row fetched so far, in list order. */
  loadedRows: () => T[];
  /** Bumped when the rows start over (a new key) and when a page arrives. */
  generation: number;
};

/**
 * `fetchPage(offset, limit)` answers one page; whenever `key` changes (another sort,
 * filter or notebook version) the fetched pages are dropped and fetched again as
 * they are shown. Answers for an older key are ignored.
 */
export function usePagedRows<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  key: string,
  pageSize: number = PAGE_SIZE,
): PagedRows<T> {
  const { showError } = useFeedback();
  const pages = useRef(new Map<number, T[]>());
  const pending = useRef(new Set<number>());
  const round = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const latestFetch = useRef(fetchPage);
  latestFetch.current = fetchPage;

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const started = round.current;
      latestFetch.current(page * pageSize, pageSize).then(
        (answer) => {
          if (started !== round.current) return;
          pending.current.delete(page);
          pages.current.set(page, answer.rows);
          setTotal(answer.total);
          setGeneration((g) => g + 1);
        },
        (err: unknown) => {
          if (started !== round.current) return;
          pending.current.delete(page);
          showError(err);
        },
      );
    },
    [pageSize, showError],
  );

  useEffect(() => {
    round.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    // The total is kept until the first page of the new key replaces it, so a list
    // being refreshed does not flash empty.
    setGeneration((g) => g + 1);
    load(0);
  }, [key, load]);

  const ensure = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) load(page);
    },
    [load, pageSize],
  );

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize],
    [pageSize],
  );

  const replace = useCallback((matches: (row: T) => boolean, row: T) => {
    for (const [page, rows] of pages.current) {
      const at = rows.findIndex(matches);
      if (at >= 0) pages.current.set(page, rows.map((r, i) => (i === at ? row : r)));
    }
    setGeneration((g) => g + 1);
  }, []);

  const loadedRows = useCallback(
    () =>
      [...pages.current.entries()]
        .sort(([a], [b]) => a - b)
        .flatMap(([, rows]) => rows),
    [],
  );

  return { total, rowAt, ensure, replace, loadedRows, generation };
}

/** ↑/↓ and j/k move a list's cursor; Enter opens. Returns true when it handled the key. */
export function listKey(
  event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean },
  cursor: number,
  count: number,
  move: (index: number) => void,
  open: () => void,
): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || count === 0) return false;
  switch (event.key) {
    case "ArrowDown":
    case "j":
      move(Math.min(count - 1, cursor + 1));
      return true;
    case "ArrowUp":
    case "k":
      move(Math.max(0, cursor - 1));
      return true;
    case "Home":
      move(0);
      return true;
    case "End":
      move(count - 1);
      return true;
    case "Enter":
      open();
      return true;
    default:
      return false;
  }
}
