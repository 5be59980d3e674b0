import { memo, useEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from "react";
import type { Span } from "../../bindings/Span";
import { PARAGRAPH_TEXT_ATTR, selectionToSpan, trimSpan } from "../../lib/offsets";
import { segmentParagraph, type Highlight, type Segment } from "./highlights";
import { DETAIL_MARGIN, FIRST_DETAILED_PARAGRAPHS, highlightsByParagraph } from "./paragraphs";

/** A selection in the article text and where on screen to put tools for it. */
export type TextSelection = {
  span: Span;
  /** Viewport point just below the middle of the selection. */
  anchor: { x: number; y: number };
};

type ArticleTextProps = {
  text: string;
  paragraphs: Span[];
  highlights: Highlight[];
  onSelection: (selection: TextSelection | null) => void;
};

export function ArticleText({ text, paragraphs, highlights, onSelection }: ArticleTextProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  // Code points, so spans index straight into it.
  const chars = useMemo(() => Array.from(text), [text]);
  const byParagraph = useMemo(() => highlightsByParagraph(paragraphs, highlights), [paragraphs, highlights]);
  const detailed = useDetailedParagraphs(rootRef, paragraphs.length);

  const reportSelection = () => {
    const root = rootRef.current;
    if (!root) return;
    const selection = window.getSelection();
    const raw = selectionToSpan(selection, root);
    const span = raw && trimSpan(text, raw);
    if (!span || !selection) {
      onSelection(null);
      return;
    }
    const rect = selection.getRangeAt(0).getBoundingClientRect?.();
    onSelection({
      span,
      anchor: rect ? { x: rect.left + rect.width / 2, y: rect.bottom } : { x: 0, y: 0 },
    });
  };

  return (
    <div
      className="article-text"
      ref={rootRef}
      onMouseUp={reportSelection}
      onKeyUp={(event) => {
        if (event.shiftKey || event.key === "Shift") reportSelection();
      }}
    >
      {paragraphs.map((paragraph, index) => (
        <Paragraph
          key={paragraph.start}
          index={index}
          paragraph={paragraph}
          chars={chars}
          highlights={byParagraph[index]}
          detailed={detailed === "all" || detailed.has(index) || byParagraph[index].some(isReviewFocus)}
        />
      ))}
    </div>
  );
}

/** The proposal under review and a search match are drawn wherever they are, so they can be scrolled to. */
function isReviewFocus(highlight: Highlight): boolean {
  return highlight.kind === "focus" || highlight.kind === "match";
}

/**
 * Which paragraphs draw their highlights: those near the visible part of the reader
 * (and the first screenful before anything is measured). The others show their text
 * alone — same words, same height — so a 20,000-word article with 1,000 highlights
 * paints at once and the browser lays out marks only where the analyst looks.
 */
function useDetailedParagraphs(rootRef: RefObject<HTMLDivElement | null>, count: number): Set<number> | "all" {
  const observable = typeof IntersectionObserver !== "undefined";
  const [near, setNear] = useState<Set<number>>(() => firstParagraphs());
  useEffect(() => {
    const root = rootRef.current;
    if (!observable || !root) return;
    setNear(firstParagraphs());
    const observer = new IntersectionObserver(
      (entries) => {
        setNear((current) => {
          const next = new Set(current);
          for (const entry of entries) {
            const index = Number((entry.target as HTMLElement).dataset.index);
            if (entry.isIntersecting) next.add(index);
            else next.delete(index);
          }
          return next;
        });
      },
      { root: scrollParent(root), rootMargin: DETAIL_MARGIN },
    );
    root.querySelectorAll(":scope > .paragraph").forEach((element) => observer.observe(element));
    return () => observer.disconnect();
  }, [rootRef, count, observable]);
  return observable ? near : "all";
}

function firstParagraphs(): Set<number> {
  return new Set(Array.from({ length: FIRST_DETAILED_PARAGRAPHS }, (_, i) => i));
}

/** The element that scrolls the reader (the observer's viewport), or the page. */
function scrollParent(element: HTMLElement): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === "auto" || overflowY === "scroll") return node;
  }
  return null;
}

type ParagraphProps = {
  index: number;
  paragraph: Span;
  chars: string[];
  highlights: Highlight[];
  detailed: boolean;
};

// Memoised: a new highlight re-renders only the paragraphs whose highlights changed.
const Paragraph = memo(
  function Paragraph({ index, paragraph, chars, highlights, detailed }: ParagraphProps) {
    return (
      <p className="paragraph" data-start={paragraph.start} data-index={index} id={`para-${paragraph.start}`}>
        <span className="paragraph-number" aria-hidden="true">
          ¶{index + 1}
        </span>
        <span className="paragraph-text" {...{ [PARAGRAPH_TEXT_ATTR]: "" }}>
          {detailed
            ? segmentParagraph(paragraph, highlights).map((segment) => (
                <SegmentText key={segment.start} segment={segment} chars={chars} />
              ))
            : chars.slice(paragraph.start, paragraph.end).join("")}
        </span>
      </p>
    );
  },
  (before, after) =>
    before.detailed === after.detailed &&
    before.chars === after.chars &&
    before.index === after.index &&
    before.paragraph.start === after.paragraph.start &&
    before.paragraph.end === after.paragraph.end &&
    sameHighlights(before.highlights, after.highlights),
);

function sameHighlights(a: Highlight[], b: Highlight[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((h, i) => {
    const other = b[i] as Record<string, unknown>;
    return Object.entries(h).every(([key, value]) => other[key] === value);
  });
}

function SegmentText({ segment, chars }: { segment: Segment; chars: string[] }) {
  const content = chars.slice(segment.start, segment.end).join("");
  if (segment.highlights.length === 0) return <>{content}</>;
  const kinds = new Set(segment.highlights.map((h) => h.kind));
  const colour = segment.highlights.find((h) => h.colour)?.colour;
  const className = [...kinds].map((kind) => `highlight-${kind}`).concat(colour ? ["highlight-tagged"] : []).join(" ");
  const style = colour ? ({ "--highlight-colour": colour } as CSSProperties) : undefined;
  return (
    <mark className={className} style={style} title={segment.highlights.map((h) => h.label).join("\n")}>
      {content}
    </mark>
  );
}
