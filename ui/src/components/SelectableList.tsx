import type { ReactNode } from "react";

type SelectableButtonProps = {
  /** The base class; "selected" is added to it for the chosen one. */
  className: string;
  selected: boolean;
  onSelect: () => void;
  testId?: string;
  children: ReactNode;
};

/**
 * One choice in a master list. The "selected" class is for the eye and
 * aria-current for screen readers, so both always change together.
 */
export function SelectableButton({ className, selected, onSelect, testId, children }: SelectableButtonProps) {
  return (
    <button
      type="button"
      className={selected ? `${className} selected` : className}
      data-testid={testId}
      aria-current={selected ? "true" : undefined}
      onClick={onSelect}
    >
      {children}
    </button>
  );
}

type SelectableListProps<T extends { id: number }> = {
  /** Heading text; the count is added to it. */
  title: string;
  items: T[];
  /** While loading, an empty list is not yet "empty". */
  loading: boolean;
  emptyHint: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
  itemTestId: string;
  renderItem: (item: T) => ReactNode;
};

/** The list column of a two-column view: a counted heading and one button a row. */
export function SelectableList<T extends { id: number }>(props: SelectableListProps<T>) {
  const { title, items, loading, emptyHint, selectedId, onSelect, itemTestId, renderItem } = props;
  return (
    <>
      <h2 className="section-heading">
        {title} ({items.length})
      </h2>
      {items.length === 0 && !loading && <p className="empty-hint">{emptyHint}</p>}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            <SelectableButton
              className="list-item"
              selected={item.id === selectedId}
              onSelect={() => onSelect(item.id)}
              testId={itemTestId}
            >
              {renderItem(item)}
            </SelectableButton>
          </li>
        ))}
      </ul>
    </>
  );
}
