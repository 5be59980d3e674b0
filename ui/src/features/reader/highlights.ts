import type { ArticleView } from "../../bindings/ArticleView";
import type { Span } from "../../bindings/Span";
import { speakerLabel } from "../../lib/format";

export type Highlight = {
  start: number;
  end: number;
  kind: "note" | "statement";
  /** Tooltip text: the note, or who said it. */
  label: string;
};

/** A run of paragraph text covered by the same set of highlights. */
export type Segment = { start: number; end: number; highlights: Highlight[] };

export function collectHighlights(view: ArticleView): Highlight[] {
  const notes: Highlight[] = view.annotations.map((annotation) => ({
    start: annotation.anchor.start,
    end: annotation.anchor.end,
    kind: "note",
    label: annotation.note ? `Note: ${annotation.note}` : "Note",
  }));
  const statements: Highlight[] = view.statements
    .filter((statement) => statement.status !== "rejected")
    .flatMap((statement) =>
      statement.content.map((anchor) => ({
        start: anchor.start,
        end: anchor.end,
        kind: "statement" as const,
        label: `${speakerLabel(statement)} (${statement.kind})`,
      })),
    );
  return [...notes, ...statements];
}

/**
 * Cuts a paragraph at every highlight boundary so overlapping highlights render
 * as flat, non-nested <mark>s.
 */
export function segmentParagraph(paragraph: Span, highlights: Highlight[]): Segment[] {
  const inside = highlights.filter((h) => h.start < paragraph.end && h.end > paragraph.start);
  const clamp = (n: number) => Math.min(Math.max(n, paragraph.start), paragraph.end);
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const h of inside) {
    cuts.add(clamp(h.start));
    cuts.add(clamp(h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    segments.push({ start, end, highlights: inside.filter((h) => h.start <= start && h.end >= end) });
  }
  return segments;
}
