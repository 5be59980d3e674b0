import { useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { memo, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type Ref } from "react";
import type { Span } from "../../bindings/Span";
import { codePointSlicer, PARAGRAPH_TEXT_ATTR, selectionToSpan, trimSpan } from "../../lib/offsets";
import { segmentParagraph, type Highlight, type Segment } from "./highlights";
import { estimateParagraphHeight, highlightsByParagraph, OVERSCAN_PARAGRAPHS, paragraphAt } from "./paragraphs";

/** A selection in the article text and where on screen to put tools for it. */
export type TextSelection = {
  span: Span;
  /** Viewport point just below the middle of the selection. */
  anchor: { x: number; y: number };
};

/** What the reader can ask of the text: bring a position (and a mark there) into view. */
export type ArticleTextHandle = {
  /**
   * Scrolls the paragraph holding `position` to the middle of the view, then the first
   * element matching `selector` in it (a `<mark>`), if given.
   */
  reveal: (position: number, options?: { selector?: string; smooth?: boolean }) => void;
};

type ArticleTextProps = {
  text: string;
  paragraphs: Span[];
  highlights: Highlight[];
  onSelection: (selection: TextSelection | null) => void;
  ref?: Ref<ArticleTextHandle>;
};

type Slice = (start: number, end: number) => string;

/**
 * The article's paragraphs, only those near the view in the page: a 20,000-word article
 * with 1,000 highlights would otherwise lay out all of its 500 paragraphs before its
 * first paint. The others are space of their measured (or, until drawn once, estimated)
 * height, so the scroll bar is the whole article's.
 */
export function ArticleText({ text, paragraphs, highlights, onSelection, ref }: ArticleTextProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const slice = useMemo(() => codePointSlicer(text), [text]);
  const byParagraph = useMemo(() => highlightsByParagraph(paragraphs, highlights), [paragraphs, highlights]);
  const { virtualizer, scrollMargin } = useParagraphWindow(rootRef, paragraphs);
  useImperativeHandle(ref, () => ({ reveal: (position, options) => reveal(virtualizer, rootRef.current, paragraphs, position, options) }), [
    virtualizer,
    paragraphs,
  ]);

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

  const items = virtualizer.getVirtualItems();
  const before = items.length > 0 ? items[0].start - scrollMargin : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1].end - scrollMargin) : 0;
  return (
    <div
      className="article-text"
      ref={rootRef}
      style={{ paddingTop: before, paddingBottom: after }}
      onMouseUp={reportSelection}
      onKeyUp={(event) => {
        if (event.shiftKey || event.key === "Shift") reportSelection();
      }}
    >
      {items.map((item) => (
        <Paragraph
          key={item.key}
          index={item.index}
          paragraph={paragraphs[item.index]}
          slice={slice}
          highlights={byParagraph[item.index]}
          measure={virtualizer.measureElement}
        />
      ))}
    </div>
  );
}

/**
 * The virtualizer over the paragraphs, scrolled by the reader's scrolling ancestor, with
 * the article header above the text as its scroll margin.
 */
function useParagraphWindow(rootRef: React.RefObject<HTMLDivElement | null>, paragraphs: Span[]) {
  const [scrollElement, setScrollElement] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [columnWidth, setColumnWidth] = useState(0);
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const scroller = scrollParent(root);
    setScrollElement(scroller);
    // Where the text starts in the scrolled content (the header's height can change).
    const scrollerTop = scroller ? scroller.getBoundingClientRect().top - scroller.scrollTop : 0;
    setScrollMargin(Math.max(0, Math.round(root.getBoundingClientRect().top - scrollerTop)));
    setColumnWidth(root.clientWidth);
  });
  const virtualizer = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: () => scrollElement,
    estimateSize: (index) => estimateParagraphHeight(paragraphs[index], columnWidth),
    getItemKey: (index) => paragraphs[index].start,
    overscan: OVERSCAN_PARAGRAPHS,
    scrollMargin,
    // Before the scroll element is measured: a screenful, so the first paint has text.
    initialRect: { width: 0, height: typeof window === "undefined" ? 800 : window.innerHeight },
  });
  return { virtualizer, scrollMargin };
}

function reveal(
  virtualizer: Virtualizer<HTMLElement, Element>,
  root: HTMLElement | null,
  paragraphs: Span[],
  position: number,
  { selector, smooth = false }: { selector?: string; smooth?: boolean } = {},
) {
  const index = paragraphAt(paragraphs, position);
  if (index < 0 || !root) return;
  const target = () => {
    const paragraph = root.querySelector(`[data-index="${index}"]`);
    return (selector && paragraph?.querySelector(selector)) || paragraph;
  };
  const drawn = target();
  if (drawn) {
    drawn.scrollIntoView?.({ block: "center", behavior: smooth ? "smooth" : "auto" });
    return;
  }
  // Far away, so not drawn: jump there, then centre what was asked for once it is drawn.
  virtualizer.scrollToIndex(index, { align: "center" });
  requestAnimationFrame(() => requestAnimationFrame(() => target()?.scrollIntoView?.({ block: "center" })));
}

/** The element that scrolls the reader, or null for the page. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === "auto" || overflowY === "scroll") return node;
  }
  return null;
}

type ParagraphProps = {
  index: number;
  paragraph: Span;
  slice: Slice;
  highlights: Highlight[];
  measure: (element: Element | null) => void;
};

// Memoised: a new highlight re-renders only the paragraphs whose highlights changed.
const Paragraph = memo(
  function Paragraph({ index, paragraph, slice, highlights, measure }: ParagraphProps) {
    return (
      <p className="paragraph" ref={measure} data-start={paragraph.start} data-index={index} id={`para-${paragraph.start}`}>
        <span className="paragraph-number" aria-hidden="true">
          ¶{index + 1}
        </span>
        <span className="paragraph-text" {...{ [PARAGRAPH_TEXT_ATTR]: "" }}>
          {segmentParagraph(paragraph, highlights).map((segment) => (
            <SegmentText key={segment.start} segment={segment} slice={slice} />
          ))}
        </span>
      </p>
    );
  },
  (before, after) =>
    before.slice === after.slice &&
    before.measure === after.measure &&
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

function SegmentText({ segment, slice }: { segment: Segment; slice: Slice }) {
  const content = slice(segment.start, segment.end);
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
