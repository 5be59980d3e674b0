import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from "react";
import type { ArticlePageQuery } from "../../bindings/ArticlePageQuery";
import type { ArticleSort } from "../../bindings/ArticleSort";
import type { ArticleSummary } from "../../bindings/ArticleSummary";
import { useFeedback } from "../../components/Feedback";
import { SelectableButton } from "../../components/SelectableList";
import { api, errorMessage } from "../../lib/api";
import { countOf } from "../../lib/format";
import { listKey, usePagedRows } from "../../lib/usePagedRows";

const SEARCH_DELAY_MS = 250;
const FILTER_DELAY_MS = 250;
/** Every row is one height (titles are cut to one line), so nothing is measured. */
export const ARTICLE_ROW_HEIGHT = 72;
export const FALLBACK_TITLE_HINT = "No headline in the file — click the title in the reader to set one";

const SORTS: { value: ArticleSort; label: string }[] = [
  { value: "imported", label: "Import order" },
  { value: "title", label: "Title" },
  { value: "published", label: "Date" },
  { value: "outlet", label: "Outlet" },
];

export type ArticleFilters = {
  outlet: string;
  language: string;
  from: string;
  to: string;
  contains: string;
};

const NO_FILTERS: ArticleFilters = { outlet: "", language: "", from: "", to: "", contains: "" };

type ArticleListProps = {
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Changes whenever the notebook's contents change, so pages and searches are fetched again. */
  version: number;
  /**
   * Called with the first row of the list whenever the first page arrives: the app
   * opens it when no article is open yet.
   */
  onFirstArticle?: (article: ArticleSummary | null) => void;
  /** Set to a function that opens the article `delta` rows away in the list's order (`]` and `[`). */
  stepRef?: MutableRefObject<((delta: 1 | -1) => void) | null>;
};

/** The query for the list's sort and filters (blank filters are none). */
export function articleQuery(sort: ArticleSort, descending: boolean, filters: ArticleFilters): ArticlePageQuery {
  const value = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    sort,
    descending,
    outlet: value(filters.outlet),
    language: value(filters.language),
    from: value(filters.from),
    to: value(filters.to),
    contains: value(filters.contains),
    offset: 0,
    limit: 0,
  };
}

export function ArticleList({ selectedId, onSelect, version, onFirstArticle, stepRef }: ArticleListProps) {
  const { showError } = useFeedback();
  const [query, setQuery] = useState("");
  const [submitted, setSubmitted] = useState("");
  const [results, setResults] = useState<ArticleSummary[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  // Newest imports first, as the list has always opened.
  const [sort, setSort] = useState<ArticleSort>("imported");
  const [descending, setDescending] = useState(true);
  const [filterText, setFilterText] = useState<ArticleFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<ArticleFilters>(NO_FILTERS);
  // The keyboard's row (Enter opens it); the open article is `selectedId`.
  const [cursor, setCursor] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row of an article opened from this list: no need to ask where it stands.
  const knownPosition = useRef<{ id: number; index: number } | null>(null);

  // Search as the user types, after a short pause; Enter searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setSubmitted(query.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);
  useEffect(() => {
    const timer = setTimeout(() => setFilters(filterText), FILTER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filterText]);

  useEffect(() => {
    if (!submitted) {
      setResults(null);
      setSearchError(null);
      return;
    }
    let current = true;
    api
      .searchArticles(submitted)
      .then((found) => {
        if (!current) return;
        setResults(found);
        setSearchError(null);
      })
      .catch((err: unknown) => {
        if (current) setSearchError(errorMessage(err));
      });
    return () => {
      current = false;
    };
  }, [submitted, version]);

  const pageQuery = useMemo(() => articleQuery(sort, descending, filters), [sort, descending, filters]);
  const key = `${JSON.stringify(pageQuery)}#${version}`;
  const fetchPage = useCallback(
    (offset: number, limit: number) => api.articlePage({ ...pageQuery, offset, limit }),
    [pageQuery],
  );
  const paged = usePagedRows(fetchPage, key);

  const searching = submitted !== "";
  const count = searching ? (results?.length ?? 0) : (paged.total ?? 0);
  const rowAt = (index: number) => (searching ? results?.[index] : paged.rowAt(index));

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ARTICLE_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (!searching) paged.ensure(first, last);
  }, [searching, first, last, paged.generation, paged.ensure]);

  // The first row, for the app to open when nothing is open.
  const firstRow = searching ? undefined : paged.rowAt(0);
  const firstRowId = firstRow?.id ?? null;
  useEffect(() => {
    if (paged.total !== null) onFirstArticle?.(firstRow ?? null);
    // Only a new first row (or an empty list) is news.
  }, [firstRowId, paged.total === 0]);

  // A new sort or filter starts at the top.
  useEffect(() => {
    setCursor(0);
    virtualizer.scrollToOffset(0);
  }, [pageQuery, searching]);

  // The open article is shown wherever it stands in this order (once the list knows
  // its length: it cannot scroll before).
  const ready = paged.total !== null;
  useEffect(() => {
    if (selectedId === null || searching || !ready) return;
    const known = knownPosition.current;
    if (known?.id === selectedId) {
      knownPosition.current = null;
      return;
    }
    let current = true;
    api
      .articlePosition(pageQuery, selectedId)
      .then((index) => {
        if (!current || index === null) return;
        setCursor(index);
        virtualizer.scrollToIndex(index, { align: "auto" });
      })
      .catch(() => {
        // Only the scrolling is lost; the article is open.
      });
    return () => {
      current = false;
    };
  }, [selectedId, pageQuery, searching, ready]);

  const moveCursor = (index: number) => {
    setCursor(index);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };
  const open = (index: number) => {
    const row = rowAt(index);
    if (!row) return;
    knownPosition.current = { id: row.id, index };
    setCursor(index);
    onSelect(row.id);
  };

  // The next or previous article from the keyboard's row, fetched if its page is not here.
  if (stepRef) {
    stepRef.current = (delta) => {
      const target = Math.min(Math.max(cursor + delta, 0), count - 1);
      if (target < 0) return;
      const loaded = rowAt(target);
      const row = loaded
        ? Promise.resolve(loaded)
        : searching
          ? Promise.resolve(undefined)
          : api.articlePage({ ...pageQuery, offset: target, limit: 1 }).then((page) => page.rows[0]);
      row.then((article) => {
        if (!article) return;
        knownPosition.current = { id: article.id, index: target };
        moveCursor(target);
        onSelect(article.id);
      }, showError);
    };
  }

  const setFilter = (name: keyof ArticleFilters) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setFilterText((current) => ({ ...current, [name]: event.target.value }));
  const filtered = Object.values(filters).some((v) => v.trim() !== "");

  return (
    <aside className="article-column">
      <form
        className="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(query.trim());
        }}
      >
        <input
          type="search"
          className="input"
          placeholder="Search articles"
          aria-label="Search articles"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </form>
      {searchError && (
        <p className="inline-error" role="alert">
          {searchError}
        </p>
      )}
      {!searching && (
        <div className="list-controls">
          <div className="list-sort">
            <select
              className="input"
              aria-label="Sort articles by"
              data-testid="article-sort"
              value={sort}
              onChange={(event) => setSort(event.target.value as ArticleSort)}
            >
              {SORTS.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-small"
              data-testid="article-sort-direction"
              aria-label={descending ? "Descending; sort ascending" : "Ascending; sort descending"}
              title={descending ? "Descending" : "Ascending"}
              onClick={() => setDescending((d) => !d)}
            >
              {descending ? "↓" : "↑"}
            </button>
            <span className="muted small list-count" data-testid="article-count">
              {paged.total === null ? "" : countOf(paged.total, "article")}
            </span>
          </div>
          <details className="list-filters" open={filtered || undefined}>
            <summary>Filter{filtered ? " (on)" : ""}</summary>
            <input
              className="input"
              aria-label="Title or byline contains"
              placeholder="Title or byline contains"
              data-testid="filter-contains"
              value={filterText.contains}
              onChange={setFilter("contains")}
            />
            <input
              className="input"
              aria-label="Outlet"
              placeholder="Outlet"
              data-testid="filter-outlet"
              value={filterText.outlet}
              onChange={setFilter("outlet")}
            />
            <input
              className="input"
              aria-label="Language"
              placeholder="Language (en)"
              data-testid="filter-language"
              value={filterText.language}
              onChange={setFilter("language")}
            />
            <div className="list-filter-dates">
              <input
                className="input"
                aria-label="Published from"
                placeholder="From (2024-03)"
                data-testid="filter-from"
                value={filterText.from}
                onChange={setFilter("from")}
              />
              <input
                className="input"
                aria-label="Published to"
                placeholder="To (2024-12-31)"
                data-testid="filter-to"
                value={filterText.to}
                onChange={setFilter("to")}
              />
            </div>
          </details>
        </div>
      )}
      <div
        className="article-list"
        data-testid="article-list"
        data-virtual-scroll={virtualizer.getTotalSize()}
        ref={scrollRef}
        role="listbox"
        aria-label="Articles"
        tabIndex={0}
        aria-activedescendant={rowAt(cursor) ? `article-row-${cursor}` : undefined}
        onKeyDown={(event) => {
          if (event.target !== event.currentTarget) {
            // Keys on a row's button: only the list's own keys, not Enter (the button's).
            if (event.key === "Enter" || event.key === " ") return;
          }
          if (listKey(event, cursor, count, moveCursor, () => open(cursor))) event.preventDefault();
        }}
      >
        {count === 0 && (searching ? results !== null : paged.total !== null) && (
          <p className="empty-hint">
            {searching
              ? "No article matches."
              : filtered
                ? "No article matches the filters."
                : "No articles yet. Use Import… or drop files onto the window."}
          </p>
        )}
        <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const article = rowAt(item.index);
            return (
              <div
                key={item.key}
                id={`article-row-${item.index}`}
                role="option"
                aria-selected={article !== undefined && article.id === selectedId}
                className={item.index === cursor ? "virtual-row cursor" : "virtual-row"}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                data-index={item.index}
              >
                {article ? (
                  <ArticleItem article={article} selected={article.id === selectedId} onSelect={() => open(item.index)} />
                ) : (
                  <div className="article-item placeholder" data-testid="article-placeholder" aria-busy="true" />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </aside>
  );
}

function ArticleItem({ article, selected, onSelect }: { article: ArticleSummary; selected: boolean; onSelect: () => void }) {
  const byline = [article.byline, article.outlet, article.published?.slice(0, 10)].filter(Boolean).join(" · ");
  return (
    <SelectableButton className="article-item" selected={selected} onSelect={onSelect} testId="article-item">
      <span
        className={article.title_is_fallback ? "article-title fallback-title" : "article-title"}
        title={article.title_is_fallback ? FALLBACK_TITLE_HINT : article.display_title}
      >
        {article.display_title}
      </span>
      {byline && <span className="article-byline">{byline}</span>}
      <span className="article-source">{article.source_name}</span>
    </SelectableButton>
  );
}
