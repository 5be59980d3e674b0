import { useMemo, useRef } from "react";
import type { Span } from "../../bindings/Span";
import { PARAGRAPH_TEXT_ATTR, selectionToSpan, trimSpan } from "../../lib/offsets";
import { segmentParagraph, type Highlight, type Segment } from "./highlights";

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
        <p key={paragraph.start} className="paragraph" data-start={paragraph.start} id={`para-${paragraph.start}`}>
          <span className="paragraph-number" aria-hidden="true">
            ¶{index + 1}
          </span>
          <span className="paragraph-text" {...{ [PARAGRAPH_TEXT_ATTR]: "" }}>
            {segmentParagraph(paragraph, highlights).map((segment) => (
              <SegmentText key={segment.start} segment={segment} chars={chars} />
            ))}
          </span>
        </p>
      ))}
    </div>
  );
}

function SegmentText({ segment, chars }: { segment: Segment; chars: string[] }) {
  const content = chars.slice(segment.start, segment.end).join("");
  if (segment.highlights.length === 0) return <>{content}</>;
  const kinds = new Set(segment.highlights.map((h) => h.kind));
  const className = [...kinds].map((kind) => `highlight-${kind}`).join(" ");
  return (
    <mark className={className} title={segment.highlights.map((h) => h.label).join("\n")}>
      {content}
    </mark>
  );
}
