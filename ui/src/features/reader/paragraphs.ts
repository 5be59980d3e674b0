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

/** Paragraphs rendered with their highlights before any scrolling: a screenful and more. */
export const FIRST_DETAILED_PARAGRAPHS = 40;

/** How far beyond the visible part of the reader paragraphs get their highlights drawn. */
export const DETAIL_MARGIN = "1500px 0px";
