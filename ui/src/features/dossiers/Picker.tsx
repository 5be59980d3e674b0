import { useState, type ReactNode } from "react";

type PickerProps<T extends { id: number }> = {
  heading: string;
  /** The filter box's accessible name. */
  filterLabel: string;
  filterPlaceholder: string;
  /** What can still be added (not yet in the dossier). */
  candidates: T[];
  /** The texts the filter box searches in. */
  searchText: (candidate: T) => (string | null)[];
  emptyHint: string;
  addTestId: string;
  onAdd: (id: number) => void;
  renderCandidate: (candidate: T) => ReactNode;
};

/** Rows shown at once: a notebook of 100,000 articles must not put them all in the page. */
const SHOWN_AT_MOST = 200;

/** A filterable list below a dossier with an Add button a row (statements, articles). */
export function Picker<T extends { id: number }>(props: PickerProps<T>) {
  const { heading, filterLabel, filterPlaceholder, candidates, searchText, emptyHint, addTestId, onAdd, renderCandidate } =
    props;
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle
    ? candidates.filter((candidate) => searchText(candidate).some((text) => text?.toLocaleLowerCase().includes(needle)))
    : candidates;

  return (
    <section className="card picker" aria-label={heading}>
      <h2 className="section-heading">{heading}</h2>
      <input
        className="input"
        type="search"
        aria-label={filterLabel}
        placeholder={filterPlaceholder}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {shown.length === 0 && <p className="empty-hint">{emptyHint}</p>}
      <ul className="plain-list picker-list">
        {shown.slice(0, SHOWN_AT_MOST).map((candidate) => (
          <li key={candidate.id} className="picker-row">
            <span className="picker-text">{renderCandidate(candidate)}</span>
            <button type="button" className="button button-small" data-testid={addTestId} onClick={() => onAdd(candidate.id)}>
              Add
            </button>
          </li>
        ))}
      </ul>
      {shown.length > SHOWN_AT_MOST && (
        <p className="muted small" data-testid="picker-more">
          {(shown.length - SHOWN_AT_MOST).toLocaleString()} more — type to narrow the list.
        </p>
      )}
    </section>
  );
}
