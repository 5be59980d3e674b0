import { useEffect, useRef, useState, type ReactNode } from "react";

type GrowingListProps<T> = {
  items: T[];
  render: (item: T) => ReactNode;
  /** What the items are, for the "Show more" button ("notes"). */
  noun: string;
  /** How many are drawn at first, and added each time. */
  page?: number;
  className?: string;
};

/**
 * A list drawn a page at a time: a long article's thousand notes, each with its
 * controls, would hold its first paint back by a second. More are drawn as the end of
 * the list comes near (or on "Show more", for the keyboard).
 */
export function GrowingList<T>({ items, render, noun, page = 20, className = "side-list" }: GrowingListProps<T>) {
  const [shown, setShown] = useState(page);
  const more = useRef<HTMLLIElement>(null);
  const hidden = items.length - shown;

  useEffect(() => {
    const sentinel = more.current;
    if (!sentinel || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setShown((n) => n + page);
      },
      { rootMargin: "600px" },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hidden > 0, page]);

  return (
    <ul className={className}>
      {items.slice(0, shown).map(render)}
      {hidden > 0 && (
        <li ref={more} className="side-more">
          <button type="button" className="button button-small" onClick={() => setShown((n) => n + page)}>
            Show {Math.min(page, hidden)} more {noun} (of {items.length})
          </button>
        </li>
      )}
    </ul>
  );
}
