import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Statement } from "../../bindings/Statement";
import type { StatementPageQuery } from "../../bindings/StatementPageQuery";
import type { StatementSort } from "../../bindings/StatementSort";
import type { StatementStatus } from "../../bindings/StatementStatus";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { countOf, formatCount, quoted, quoteText, speakerLabel, STANCE_LABELS, statementContext, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";
import { listKey, usePagedRows } from "../../lib/usePagedRows";
import { StatementCodingDialog } from "./StatementCodingDialog";

const STATUS_CHOICES: { value: StatementStatus | "all"; label: string }[] = [
  { value: "accepted", label: "Accepted" },
  { value: "proposed", label: "To review" },
  { value: "rejected", label: "Rejected" },
  { value: "all", label: "All" },
];

const SORTS: { value: StatementSort; label: string }[] = [
  { value: "article", label: "Article" },
  { value: "date", label: "Date" },
  { value: "speaker", label: "Speaker" },
  { value: "kind", label: "Kind" },
  { value: "status", label: "Status" },
];

/** Every row is one height (the quote is cut to two lines), so nothing is measured. */
export const STATEMENT_ROW_HEIGHT = 76;
/** The table's header row, above the first row in the scroll box. */
const HEADER_HEIGHT = 34;

type StatementsViewProps = {
  version: number;
  onOpenArticle: (articleId: number) => void;
};

function pageQuery(status: StatementStatus | "all", sort: StatementSort, descending: boolean): StatementPageQuery {
  return {
    filter: { article_id: null, actor_id: null },
    status: status === "all" ? null : status,
    sort,
    descending,
    offset: 0,
    limit: 0,
  };
}

export function StatementsView({ version, onOpenArticle }: StatementsViewProps) {
  const { toast, showError } = useFeedback();
  const dossiers = useLoader(() => api.listDossiers(), [version]);
  // How many of each status, for the filter's choices: four counts, no rows.
  const counts = useLoader(
    () =>
      Promise.all(
        STATUS_CHOICES.map((choice) =>
          api.statementPage({ ...pageQuery(choice.value, "article", false), limit: 0 }).then((page) => page.total),
        ),
      ),
    [version],
  );
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [dossierId, setDossierId] = useState<number | "">("");
  const [coding, setCoding] = useState<Statement | null>(null);
  const [status, setStatus] = useState<StatementStatus | "all">("accepted");
  const [sort, setSort] = useState<StatementSort>("article");
  const [descending, setDescending] = useState(false);
  const [cursor, setCursor] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const query = useMemo(() => pageQuery(status, sort, descending), [status, sort, descending]);
  const fetchPage = useCallback(
    (offset: number, limit: number) => api.statementPage({ ...query, offset, limit }),
    [query],
  );
  const paged = usePagedRows(fetchPage, `${JSON.stringify(query)}#${version}`);
  const count = paged.total ?? 0;
  // A saved-query dossier fills itself; statements go only into fixed ones.
  const fixedDossiers = dossiers.data?.filter((dossier) => dossier.query === null) ?? null;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => STATEMENT_ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => paged.ensure(first, last), [first, last, paged.generation, paged.ensure]);
  useEffect(() => {
    setCursor(0);
    virtualizer.scrollToOffset(0);
  }, [query]);

  const loaded = paged.loadedRows();
  const allChecked = loaded.length > 0 && loaded.every((s) => checked.has(s.id));

  const toggle = (id: number) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const addToDossier = async () => {
    if (dossierId === "" || checked.size === 0) return;
    try {
      // Keep the table's order, which is the order the analyst sees.
      const ids = [...checked].sort((a, b) => order(a) - order(b));
      const detail = await api.addToDossier(dossierId, ids);
      toast(`Added ${countOf(ids.length, "statement")} to “${detail.dossier.title}”`);
      setChecked(new Set());
      dossiers.reload();
    } catch (err) {
      showError(err);
    }
  };
  // Where a checked statement stands in the table (checked rows are loaded ones).
  const order = (id: number) => {
    const at = loaded.findIndex((s) => s.id === id);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };

  const sortBy = (value: StatementSort) => {
    if (value === sort) setDescending((d) => !d);
    else {
      setSort(value);
      setDescending(false);
    }
  };
  const ariaSort = (value: StatementSort) => (sort === value ? (descending ? "descending" : "ascending") : undefined);
  const sortHeader = (value: StatementSort, label: string) => (
    <th aria-sort={ariaSort(value)}>
      <button type="button" className="sort-header" data-testid={`sort-${value}`} onClick={() => sortBy(value)}>
        {label}
        {sort === value ? (descending ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );

  const moveCursor = (index: number) => {
    setCursor(index);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };
  const openAt = (index: number) => {
    const statement = paged.rowAt(index);
    if (statement) onOpenArticle(statement.article_id);
  };

  const padTop = (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const statusCount = (value: StatementStatus | "all") =>
    counts.data ? ` (${formatCount(counts.data[STATUS_CHOICES.findIndex((c) => c.value === value)])})` : "";

  return (
    <div className="page statements-page" data-testid="statements">
      <header className="page-header">
        <h1 className="page-title">Statements ({paged.total === null ? "…" : formatCount(paged.total)})</h1>
        <select
          className="input"
          aria-label="Which statements"
          data-testid="status-filter"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as StatementStatus | "all");
            setChecked(new Set());
          }}
        >
          {STATUS_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
              {statusCount(choice.value)}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Sort statements by"
          data-testid="statement-sort"
          value={sort}
          onChange={(event) => {
            setSort(event.target.value as StatementSort);
            setDescending(false);
          }}
        >
          {SORTS.map((choice) => (
            <option key={choice.value} value={choice.value}>
              Sort: {choice.label}
            </option>
          ))}
        </select>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void addToDossier();
          }}
        >
          <select
            className="input"
            aria-label="Dossier"
            data-testid="dossier-select"
            value={dossierId}
            onChange={(event) => setDossierId(event.target.value ? Number(event.target.value) : "")}
          >
            <option value="">Choose a dossier…</option>
            {(fixedDossiers ?? []).map((dossier) => (
              <option key={dossier.id} value={dossier.id}>
                {dossier.title}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button-primary"
            data-testid="add-to-dossier"
            disabled={dossierId === "" || checked.size === 0}
          >
            Add to dossier{checked.size > 0 ? ` (${checked.size})` : ""}…
          </button>
        </form>
      </header>
      {fixedDossiers?.length === 0 && (
        <p className="muted small">Create a dossier in the Dossiers tab to collect statements.</p>
      )}
      {count === 0 && paged.total !== null ? (
        <p className="empty-hint">
          {counts.data?.[3] === 0
            ? "No statements yet. Open an article to review the statements Attest proposes, or select text and choose Statement."
            : "None with this status."}
        </p>
      ) : (
        <div
          className="statements-scroll"
          ref={scrollRef}
          data-testid="statements-scroll"
          data-virtual-scroll={virtualizer.getTotalSize()}
          tabIndex={0}
          aria-label="Statements table: ↑ and ↓ move, Enter opens the article"
          onKeyDown={(event) => {
            if (event.target !== event.currentTarget) return;
            if (listKey(event, cursor, count, moveCursor, () => openAt(cursor))) event.preventDefault();
          }}
        >
          <table className="data-table" aria-rowcount={count + 1}>
            <thead>
              <tr>
                <th className="check-cell">
                  <input
                    type="checkbox"
                    aria-label="Select all statements shown so far"
                    checked={allChecked}
                    onChange={() => setChecked(allChecked ? new Set() : new Set(loaded.map((s) => s.id)))}
                  />
                </th>
                {sortHeader("speaker", "Speaker")}
                <th>Quote</th>
                {sortHeader("kind", "Kind")}
                <th>Stance</th>
                <th>Topics</th>
                {sortHeader("article", "Article")}
                <th>
                  <span className="visually-hidden">Coding</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
              {items.map((item) => {
                const statement = paged.rowAt(item.index);
                const rowClass = [
                  statement && checked.has(statement.id) ? "selected" : "",
                  item.index === cursor ? "cursor" : "",
                ]
                  .filter(Boolean)
                  .join(" ");
                if (!statement) {
                  return (
                    <tr key={item.key} className="placeholder-row" style={{ height: item.size }} aria-busy="true" data-testid="statement-placeholder">
                      <td colSpan={8} />
                    </tr>
                  );
                }
                return (
                  <tr
                    key={item.key}
                    data-testid="statement-row"
                    aria-rowindex={item.index + 2}
                    className={rowClass || undefined}
                    style={{ height: item.size }}
                  >
                    <td className="check-cell">
                      <input
                        type="checkbox"
                        aria-label={`Select statement by ${speakerLabel(statement)}`}
                        checked={checked.has(statement.id)}
                        onChange={() => toggle(statement.id)}
                      />
                    </td>
                    <td className="speaker-cell">{speakerLabel(statement)}</td>
                    <td className="quote-cell">
                      <span className="quote-clamp">{quoted(truncate(quoteText(statement.content), 240))}</span>
                      {statementContext(statement) && (
                        <span className="muted small statement-context" data-testid="statement-context">
                          {statementContext(statement)}
                        </span>
                      )}
                    </td>
                    <td>
                      <span className="badge">{statement.kind}</span>
                    </td>
                    <td data-testid="statement-stance">
                      {statement.stance && (
                        <span className={`stance stance-${statement.stance}`}>{STANCE_LABELS[statement.stance]}</span>
                      )}
                    </td>
                    <td data-testid="statement-topics">
                      {statement.topics.map((topic) => (
                        <span key={topic} className="topic-tag">
                          {topic}
                        </span>
                      ))}
                    </td>
                    <td>
                      <button type="button" className="link-button" onClick={() => onOpenArticle(statement.article_id)}>
                        {statement.article_title}
                      </button>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        data-testid="edit-coding"
                        aria-label={`Code the statement by ${speakerLabel(statement)}`}
                        onClick={() => setCoding(statement)}
                      >
                        Edit…
                      </button>
                    </td>
                  </tr>
                );
              })}
              {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
            </tbody>
          </table>
        </div>
      )}
      {coding && (
        <StatementCodingDialog
          statement={coding}
          onClose={() => setCoding(null)}
          onSaved={(saved) => {
            paged.replace((s) => s.id === saved.id, saved);
            setCoding(null);
            toast("Coding saved");
          }}
        />
      )}
    </div>
  );
}
