import type { Span } from "../../bindings/Span";
import type { Highlight } from "./highlights";

/**
 * The highlights touching each paragraph, by paragraph index, in one pass: a long
 * article (600 paragraphs, 1,000 highlights) must not filter every highlight for every
 * paragraph. `paragraphs` are in text order and do not overlap.
 */
export function highlightsByParagraph(paragraphs: Span[], highlights: Highlight[]): Highlight[][] {
  const buckets: Highlight[][] = paragraphs.map(() => []);
  for (const highlight of highlights) {
    // The first paragraph ending after the highlight starts (binary search)…
    let low = 0;
    let high = paragraphs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (paragraphs[mid].end <= highlight.start) low = mid + 1;
      else high = mid;
    }
    // …and every paragraph after it that the highlight still reaches.
    for (let i = low; i < paragraphs.length && paragraphs[i].start < highlight.end; i++) {
      buckets[i].push(highlight);
    }
  }
  return buckets;
}

/** The paragraph (index) holding a code-point position, or the one before it; -1 if none. */
export function paragraphAt(paragraphs: Span[], position: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (paragraphs[mid].start <= position) low = mid + 1;
    else high = mid;
  }
  return paragraphs.length === 0 ? -1 : Math.max(low - 1, 0);
}

/** Paragraphs drawn beyond each edge of the view, so a short scroll finds them there. */
export const OVERSCAN_PARAGRAPHS = 6;

// The text's type (styles.css `.article-text`, `.paragraph`): 17 px on 1.65 lines, a
// 1 em gap after each paragraph, a 48 px ¶ gutter, at most 70ch wide.
const FONT_PX = 17;
const LINE_PX = FONT_PX * 1.65;
const GAP_PX = FONT_PX;
const GUTTER_PX = 48;
const MAX_COLUMN_PX = 70 * 0.55 * FONT_PX;
/** A serif's average advance per character, in ems (measured wider for headings and digits). */
const CHAR_EM = 0.47;

/**
 * A paragraph's height before it has been drawn, from its length and the column's
 * width: close enough that the scroll bar does not jump when it is (it is then measured).
 */
export function estimateParagraphHeight(paragraph: Span, width: number): number {
  const column = Math.min(MAX_COLUMN_PX, Math.max(width - GUTTER_PX, 200));
  const perLine = Math.max(1, Math.floor(column / (CHAR_EM * FONT_PX)));
  const lines = Math.max(1, Math.ceil((paragraph.end - paragraph.start) / perLine));
  return Math.round(lines * LINE_PX + GAP_PX);
}
