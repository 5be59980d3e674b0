import type { ArticleView } from "../../bindings/ArticleView";
import type { Span } from "../../bindings/Span";
import type { Statement } from "../../bindings/Statement";
import { speakerLabel } from "../../lib/format";

export type HighlightKind =
  | "note"
  | "statement"
  /** A statement extraction proposed, not yet reviewed. */
  | "proposed"
  /** The content of the proposal under review. */
  | "focus"
  /** Its speech verb and the words naming its speaker. */
  | "cue"
  | "speaker"
  /** A name of an actor in the notebook. */
  | "mention"
  /** An anchor the text's replacement left needing the analyst's review. */
  | "review"
  /** Where a search result opened the article. */
  | "match";

export type Highlight = {
  start: number;
  end: number;
  kind: HighlightKind;
  /** Tooltip text: the note, who said it, whom a name stands for. */
  label: string;
  /** A note's first tag's colour (#rrggbb), if it has one. */
  colour?: string;
};

/** A run of paragraph text covered by the same set of highlights. */
export type Segment = { start: number; end: number; highlights: Highlight[] };

/** The proposals still to review, in reading order. */
export function pendingProposals(statements: Statement[]): Statement[] {
  return statements
    .filter((statement) => statement.status === "proposed")
    .sort((a, b) => (a.content[0]?.start ?? 0) - (b.content[0]?.start ?? 0));
}

/** Everything the reader marks in the text; `focusedId` is the proposal under review. */
export function collectHighlights(view: ArticleView, focusedId: number | null = null): Highlight[] {
  const notes: Highlight[] = view.annotations.map((annotation) => {
    const note: Highlight = {
      start: annotation.anchor.start,
      end: annotation.anchor.end,
      kind: "note",
      label: annotation.note ? `Note: ${annotation.note}` : "Note",
    };
    // The first tag's colour (tags come in path order).
    const colour = annotation.tags?.[0]?.colour;
    if (colour) note.colour = colour;
    return note;
  });
  const flagged: Highlight[] = [
    ...view.annotations.filter((a) => a.anchor_status === "needs_review").map((a) => a.anchor),
    ...view.statements
      .filter((s) => s.anchor_status === "needs_review" && s.status !== "rejected")
      .flatMap((s) => [...s.content, ...(s.speaker_mention ? [s.speaker_mention] : []), ...(s.cue ? [s.cue] : [])]),
  ].map((anchor) => ({
    start: anchor.start,
    end: anchor.end,
    kind: "review",
    label: `Needs review: the text changed; this was “${anchor.exact}”`,
  }));
  const statements: Highlight[] = view.statements
    .filter((statement) => statement.status !== "rejected")
    .flatMap((statement) => {
      const label = `${speakerLabel(statement)} (${statement.kind})`;
      const kind = statement.id === focusedId ? "focus" : statement.status === "proposed" ? "proposed" : "statement";
      const parts: Highlight[] = statement.content.map((anchor) => ({ start: anchor.start, end: anchor.end, kind, label }));
      if (statement.id === focusedId) {
        if (statement.cue) parts.push({ start: statement.cue.start, end: statement.cue.end, kind: "cue", label: "Speech verb" });
        const mention = statement.speaker_mention;
        if (mention) parts.push({ start: mention.start, end: mention.end, kind: "speaker", label: `Speaker: ${speakerLabel(statement)}` });
      }
      return parts;
    });
  const mentions: Highlight[] = (view.mentions ?? []).map((mention) => ({
    start: mention.start,
    end: mention.end,
    kind: "mention",
    label: mention.metonym ? `${mention.actor.name} (named by its capital or seat)` : mention.actor.name,
  }));
  return [...notes, ...statements, ...mentions, ...flagged];
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
