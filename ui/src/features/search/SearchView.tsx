import { OutletDateFields } from "../../components/OutletDateFields";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from "react";
import type { Actor } from "../../bindings/Actor";
import type { SearchHit } from "../../bindings/SearchHit";
import type { SearchHitKind } from "../../bindings/SearchHitKind";
import type { SearchQuery } from "../../bindings/SearchQuery";
import type { SearchResults } from "../../bindings/SearchResults";
import type { Span } from "../../bindings/Span";
import type { StatementKind } from "../../bindings/StatementKind";
import type { StatementStatus } from "../../bindings/StatementStatus";
import { api, errorMessage } from "../../lib/api";

const SEARCH_DELAY_MS = 250;
export const PAGE_SIZE = 20;
/** The query box's id: `document.getElementById(SEARCH_INPUT_ID)?.focus()` also works. */
export const SEARCH_INPUT_ID = "notebook-search-input";

const HIT_KINDS: { kind: SearchHitKind; label: string }[] = [
  { kind: "article", label: "Articles" },
  { kind: "note", label: "Notes" },
  { kind: "statement", label: "Statements" },
];

/** What the lead's shortcut calls (Ctrl+F / "/"): puts the cursor in the query box. */
export type SearchViewHandle = { focus: () => void };

type SearchViewProps = {
  /** Opens the reader on the article at the match (code points; null: the article's top). */
  onOpenAt: (articleId: number, span: Span | null, hit: SearchHit) => void;
  /** Changes whenever the notebook's contents change, so the search runs again. */
  version?: number;
};

export type SearchFilters = {
  actor: Actor | null;
  outlet: string;
  from: string;
  to: string;
  tag: string;
  statementKind: StatementKind | "";
  statementStatus: StatementStatus | "";
  language: string;
  /** Empty: every kind. */
  kinds: SearchHitKind[];
};

export const NO_FILTERS: SearchFilters = {
  actor: null,
  outlet: "",
  from: "",
  to: "",
  tag: "",
  statementKind: "",
  statementStatus: "",
  language: "",
  kinds: [],
};

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** The query the back end is sent for what is typed and chosen. */
export function searchQuery(text: string, f: SearchFilters, offset: number): SearchQuery {
  return {
    text,
    actor_id: f.actor?.id ?? null,
    outlet: orNull(f.outlet),
    from: orNull(f.from),
    to: orNull(f.to),
    tag: orNull(f.tag),
    statement_kind: f.statementKind || null,
    statement_status: f.statementStatus || null,
    language: orNull(f.language),
    kinds: f.kinds,
    offset,
    limit: PAGE_SIZE,
  };
}

const KIND_LABEL: Record<SearchHitKind, string> = { article: "Article", note: "Note", statement: "Statement" };

/** Search over the whole notebook: articles, notes on highlights and statements. */
export const SearchView = forwardRef<SearchViewHandle, SearchViewProps>(function SearchView(
  { onOpenAt, version = 0 },
  ref,
) {
  const inputRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);

  const [text, setText] = useState("");
  const [submitted, setSubmitted] = useState("");
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(-1);
  const [loadingMore, setLoadingMore] = useState(false);
  const request = useRef(0);

  // Search as the analyst types, after a short pause; Enter searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setSubmitted(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const id = ++request.current;
    if (!submitted) {
      setResults(null);
      setError(null);
      setSelected(-1);
      return;
    }
    api
      .search(searchQuery(submitted, filters, 0))
      .then((found) => {
        if (id !== request.current) return;
        setResults(found);
        setError(null);
        setSelected(-1);
      })
      .catch((err: unknown) => {
        if (id !== request.current) return;
        setResults(null);
        setError(errorMessage(err));
      });
  }, [submitted, filters, version]);

  const hits = results?.hits ?? [];

  const loadMore = () => {
    if (!results) return;
    const id = request.current;
    setLoadingMore(true);
    api
      .search(searchQuery(submitted, filters, hits.length))
      .then((page) => {
        if (id !== request.current) return;
        setResults({ ...page, hits: [...hits, ...page.hits], offset: 0 });
      })
      .catch((err: unknown) => {
        if (id === request.current) setError(errorMessage(err));
      })
      .finally(() => setLoadingMore(false));
  };

  const open = (hit: SearchHit) => onOpenAt(hit.article_id, hit.span, hit);

  /** Arrow keys move through the results, Enter opens the one chosen. */
  const onKeys = (event: KeyboardEvent, fromInput: boolean) => {
    if (event.key === "ArrowDown" && hits.length > 0) {
      event.preventDefault();
      setSelected((i) => Math.min(i + 1, hits.length - 1));
    } else if (event.key === "ArrowUp" && hits.length > 0) {
      event.preventDefault();
      setSelected((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      if (selected >= 0 && selected < hits.length) {
        event.preventDefault();
        open(hits[selected]);
      } else if (fromInput) {
        event.preventDefault();
        setSubmitted(text.trim());
      }
    }
  };

  useEffect(() => {
    if (selected >= 0) document.getElementById(`search-hit-${selected}`)?.scrollIntoView?.({ block: "nearest" });
  }, [selected]);

  return (
    <section className="search-view" data-testid="search-view">
      <div className="search-bar" role="search">
        <input
          ref={inputRef}
          id={SEARCH_INPUT_ID}
          className="input search-input"
          type="search"
          data-testid="search-input"
          aria-label="Search the notebook"
          placeholder='Words, "a phrase", prefix*, AND / OR / NOT'
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => onKeys(event, true)}
          aria-controls="search-results"
          aria-activedescendant={selected >= 0 ? `search-hit-${selected}` : undefined}
        />
      </div>
      {/* Folded until wanted: the results are what the view is for. */}
      <details className="search-filters-fold" open={filtersOn(filters) || undefined}>
        <summary>Filters{filtersOn(filters) ? " (on)" : ""}</summary>
        <SearchFilterFields filters={filters} onChange={setFilters} />
      </details>
      {error && (
        <p className="search-error" role="alert" data-testid="search-error">
          {error}
        </p>
      )}
      {results && (
        <p className="search-count muted" data-testid="search-count">
          {countLine(results, hits.length)}
        </p>
      )}
      {hits.length > 0 && (
        <ul
          id="search-results"
          className="plain-list search-results"
          role="listbox"
          aria-label="Search results"
          tabIndex={0}
          data-testid="search-results"
          onKeyDown={(event) => onKeys(event, false)}
        >
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}-${hit.statement_id ?? hit.annotation_id ?? hit.article_id}`}
              id={`search-hit-${i}`}
              role="option"
              aria-selected={i === selected}
              className={i === selected ? "search-hit selected" : "search-hit"}
              data-testid="search-hit"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setSelected(i);
                open(hit);
              }}
            >
              <div className="search-hit-head">
                <span className={`search-hit-kind kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
                <span className="search-hit-title">{hit.article_title}</span>
                {(hit.outlet || hit.published) && (
                  <span className="search-hit-meta muted">
                    {[hit.outlet, hit.published].filter(Boolean).join(" · ")}
                  </span>
                )}
              </div>
              <Snippet hit={hit} />
            </li>
          ))}
        </ul>
      )}
      {results && (hits.length < results.total || results.total_is_lower_bound) && (
        <button
          type="button"
          className="button search-more"
          data-testid="search-more"
          disabled={loadingMore}
          onClick={loadMore}
        >
          {loadingMore
            ? "Loading…"
            : results.total_is_lower_bound
              ? "More"
              : `More (${results.total - hits.length} left)`}
        </button>
      )}
    </section>
  );
});

/** "23 hits, 20 shown"; past the count limit the backend stops counting: "More than 10,000 hits". */
function countLine(results: SearchResults, shown: number): string {
  const { total } = results;
  if (total === 0) return "Nothing found.";
  const counted = results.total_is_lower_bound
    ? `More than ${total.toLocaleString("en-US")} hits`
    : `${total.toLocaleString("en-US")} ${total === 1 ? "hit" : "hits"}`;
  return shown < total || results.total_is_lower_bound ? `${counted}, ${shown} shown` : counted;
}

/** Matched words in `<mark>`, from text nodes only: snippets are never HTML. */
function Snippet({ hit }: { hit: SearchHit }) {
  return (
    <p className="search-snippet" data-testid="search-snippet">
      {hit.snippet.map((part, i) => (part.matched ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}

type SearchFilterFieldsProps = {
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
};

/** Whether any filter narrows the search. */
function filtersOn(filters: SearchFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
}

/** The filters; each left empty matches everything. */
function SearchFilterFields({ filters, onChange }: SearchFilterFieldsProps) {
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => onChange({ ...filters, [key]: value });
  const toggleKind = (kind: SearchHitKind) => {
    // None listed means every kind is shown (and ticked).
    const shown = filters.kinds.length === 0 ? HIT_KINDS.map((k) => k.kind) : filters.kinds;
    const kinds = shown.includes(kind) ? shown.filter((k) => k !== kind) : [...shown, kind];
    // All ticked is every kind again; none ticked would show nothing, so it is refused.
    if (kinds.length === 0) return;
    set("kinds", kinds.length === HIT_KINDS.length ? [] : HIT_KINDS.map((k) => k.kind).filter((k) => kinds.includes(k)));
  };
  return (
    <fieldset className="search-filters" data-testid="search-filters">
      <legend className="field-label">Filters</legend>
      <ActorTypeahead actor={filters.actor} onChange={(actor) => set("actor", actor)} />
      <OutletDateFields value={filters} onChange={onChange} testIdPrefix="search" />
      <label className="field">
        <span className="field-label">Tag</span>
        <input
          className="input"
          data-testid="search-tag"
          placeholder="Any tag (Economy also finds Economy/Trade)"
          value={filters.tag}
          onChange={(event) => set("tag", event.target.value)}
        />
      </label>
      <div className="field-row">
        <label className="field grow">
          <span className="field-label">Statement kind</span>
          <select
            className="input"
            data-testid="search-statement-kind"
            value={filters.statementKind}
            onChange={(event) => set("statementKind", event.target.value as StatementKind | "")}
          >
            <option value="">Any kind</option>
            <option value="direct">Direct</option>
            <option value="indirect">Indirect</option>
            <option value="mixed">Mixed</option>
          </select>
        </label>
        <label className="field grow">
          <span className="field-label">Status</span>
          <select
            className="input"
            data-testid="search-status"
            value={filters.statementStatus}
            onChange={(event) => set("statementStatus", event.target.value as StatementStatus | "")}
          >
            <option value="">Not rejected</option>
            <option value="proposed">To review</option>
            <option value="accepted">Accepted</option>
            <option value="rejected">Rejected</option>
          </select>
        </label>
        <label className="field grow">
          <span className="field-label">Language</span>
          <input
            className="input"
            data-testid="search-language"
            placeholder="Any (en, fr…)"
            value={filters.language}
            onChange={(event) => set("language", event.target.value)}
          />
        </label>
      </div>
      <div className="search-kinds" role="group" aria-label="Show">
        {HIT_KINDS.map(({ kind, label }) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              data-testid={`search-kind-${kind}`}
              checked={filters.kinds.length === 0 || filters.kinds.includes(kind)}
              onChange={() => toggleKind(kind)}
            />
            {label}
          </label>
        ))}
      </div>
      {(filters.statementKind || filters.statementStatus) && (
        <p className="muted search-filter-note">Statement kind and status show statements only.</p>
      )}
    </fieldset>
  );
}

type ActorTypeaheadProps = {
  actor: Actor | null;
  onChange: (actor: Actor | null) => void;
};

/** Picks an actor by typing part of a name or alias. */
function ActorTypeahead({ actor, onChange }: ActorTypeaheadProps) {
  const [actors, setActors] = useState<Actor[]>([]);
  const [typed, setTyped] = useState("");
  const [active, setActive] = useState(0);

  useEffect(() => {
    let current = true;
    api
      .listActors()
      .then((list) => current && setActors(list))
      // Without the list the filter cannot be set; the search still works.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);

  if (actor) {
    return (
      <div className="field">
        <span className="field-label">Actor</span>
        <span className="chip" data-testid="search-actor-chip">
          {actor.name}
          <button type="button" className="chip-remove" aria-label={`Remove ${actor.name}`} onClick={() => onChange(null)}>
            ×
          </button>
        </span>
      </div>
    );
  }
  const needle = typed.trim().toLocaleLowerCase();
  const matches = needle
    ? actors
        .filter((a) => [a.name, ...a.aliases].some((n) => n.toLocaleLowerCase().includes(needle)))
        .slice(0, 8)
    : [];
  const choose = (a: Actor) => {
    onChange(a);
    setTyped("");
    setActive(0);
  };
  return (
    <div className="field search-actor">
      <label className="field-label" htmlFor="search-actor-input">
        Actor
      </label>
      <input
        id="search-actor-input"
        className="input"
        data-testid="search-actor"
        placeholder="Any actor (type a name)"
        autoComplete="off"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls="search-actor-options"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (matches.length === 0) return;
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive((i) => Math.min(i + 1, matches.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === "Enter") {
            event.preventDefault();
            choose(matches[Math.min(active, matches.length - 1)]);
          }
        }}
      />
      {matches.length > 0 && (
        <ul id="search-actor-options" className="plain-list typeahead-options" role="listbox">
          {matches.map((a, i) => (
            <li
              key={a.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? "typeahead-option selected" : "typeahead-option"}
              data-testid="search-actor-option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(a)}
            >
              {a.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
