// The back end counts text positions in Unicode code points; JavaScript strings
// and the DOM count UTF-16 code units. Everything that crosses that border goes
// through this module.
import type { Span } from "../bindings/Span";

/** Attribute on each paragraph element holding its start, in code points. */
export const PARAGRAPH_START_ATTR = "data-start";
/** Attribute marking the element whose text nodes are the paragraph's text. */
export const PARAGRAPH_TEXT_ATTR = "data-para-text";

function unitsAt(text: string, utf16Index: number): number {
  return (text.codePointAt(utf16Index) ?? 0) > 0xffff ? 2 : 1;
}

/**
 * Number of code points in `text` before UTF-16 index `utf16Index`.
 * An index that splits a surrogate pair is rounded down to the pair's start.
 */
export function utf16ToCodePoint(text: string, utf16Index: number): number {
  const limit = Math.min(Math.max(utf16Index, 0), text.length);
  let codePoints = 0;
  let i = 0;
  while (i < limit) {
    const width = unitsAt(text, i);
    if (i + width > limit) break;
    i += width;
    codePoints += 1;
  }
  return codePoints;
}

/** UTF-16 index in `text` of code point number `cp` (clamped to the text's end). */
export function codePointToUtf16(text: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < text.length; n++) {
    i += unitsAt(text, i);
  }
  return i;
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  return utf16ToCodePoint(text, text.length);
}

/** The part of `text` covered by a code-point span. */
export function sliceByCodePoints(text: string, start: number, end: number): string {
  const from = codePointToUtf16(text, start);
  const to = from + codePointToUtf16(text.slice(from), end - start);
  return text.slice(from, to);
}

/**
 * Slices `text` by code-point spans in constant time: the reader cuts a long article
 * into hundreds of paragraphs and highlight runs, and walking the text for each cut
 * (or spreading it into an array of characters) costs more than the drawing. Texts
 * with no character outside the Basic Multilingual Plane — most news — need no index.
 */
export function codePointSlicer(text: string): (start: number, end: number) => string {
  if (!/[\uD800-\uDFFF]/.test(text)) return (start, end) => text.slice(start, end);
  // UTF-16 index of each code point, and of the end.
  const units: number[] = [];
  for (let i = 0; i < text.length; i += unitsAt(text, i)) units.push(i);
  units.push(text.length);
  const at = (cp: number) => units[Math.min(Math.max(cp, 0), units.length - 1)];
  return (start, end) => text.slice(at(start), at(end));
}

/** Shrinks a span so it neither starts nor ends with whitespace; null if nothing is left. */
export function trimSpan(text: string, span: Span): Span | null {
  const chars = Array.from(sliceByCodePoints(text, span.start, span.end));
  let head = 0;
  let tail = chars.length;
  while (head < tail && /\s/u.test(chars[head])) head++;
  while (tail > head && /\s/u.test(chars[tail - 1])) tail--;
  if (head === tail) return null;
  return { start: span.start + head, end: span.start + tail };
}

function paragraphStart(textContainer: Element): number {
  const owner = textContainer.closest(`[${PARAGRAPH_START_ATTR}]`);
  return Number(owner?.getAttribute(PARAGRAPH_START_ATTR) ?? 0);
}

/** Code point position of a DOM boundary point that lies inside a paragraph's text container. */
function pointToCodePoint(textContainer: Element, node: Node, offset: number): number {
  // The text between the container's start and the point: only the container's
  // own text nodes (text and <mark>s) are in it, never the ¶ gutter.
  const before = document.createRange();
  before.selectNodeContents(textContainer);
  before.setEnd(node, offset);
  const unitsBefore = before.toString().length;
  return paragraphStart(textContainer) + utf16ToCodePoint(textContainer.textContent ?? "", unitsBefore);
}

/**
 * The code-point span of the current selection within `root`, or null when the
 * selection is empty or touches no paragraph text. A selection that starts or ends
 * outside paragraph text (in a gutter, between paragraphs) is clamped to the
 * nearest paragraph text it covers.
 */
export function selectionToSpan(selection: Selection | null, root: Element): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const touched = Array.from(root.querySelectorAll(`[${PARAGRAPH_TEXT_ATTR}]`)).filter((container) =>
    range.intersectsNode(container),
  );
  if (touched.length === 0) return null;
  const first = touched[0];
  const last = touched[touched.length - 1];

  const start = first.contains(range.startContainer)
    ? pointToCodePoint(first, range.startContainer, range.startOffset)
    : paragraphStart(first);
  const end = last.contains(range.endContainer)
    ? pointToCodePoint(last, range.endContainer, range.endOffset)
    : paragraphStart(last) + codePointLength(last.textContent ?? "");

  return end > start ? { start, end } : null;
}
