import { afterEach, describe, expect, it } from "vitest";
import {
  codePointLength,
  codePointSlicer,
  codePointToUtf16,
  selectionToSpan,
  sliceByCodePoints,
  trimSpan,
  utf16ToCodePoint,
} from "./offsets";

// "𝕏" and "🙂" are outside the Basic Multilingual Plane: two UTF-16 units each.
const ASTRAL = "A𝕏 said “hi 🙂” to B";

describe("utf16ToCodePoint / codePointToUtf16", () => {
  it("are the identity on BMP text, curly quotes included", () => {
    const text = "He said “no” — ‘never’.";
    for (let i = 0; i <= text.length; i++) {
      expect(utf16ToCodePoint(text, i)).toBe(i);
      expect(codePointToUtf16(text, i)).toBe(i);
    }
  });

  it("count an astral character as one code point", () => {
    expect(ASTRAL.length).toBe(21);
    expect(codePointLength(ASTRAL)).toBe(19);
    // "A" | "𝕏" (units 1-2) | " said"
    expect(utf16ToCodePoint(ASTRAL, 1)).toBe(1);
    expect(utf16ToCodePoint(ASTRAL, 3)).toBe(2);
    expect(codePointToUtf16(ASTRAL, 2)).toBe(3);
    const emoji = ASTRAL.indexOf("🙂");
    expect(utf16ToCodePoint(ASTRAL, emoji)).toBe(emoji - 1);
    expect(utf16ToCodePoint(ASTRAL, emoji + 2)).toBe(emoji);
  });

  it("round-trip every code point boundary", () => {
    const text = "𝕏🙂“a”𝕏b🙂";
    for (let cp = 0; cp <= codePointLength(text); cp++) {
      expect(utf16ToCodePoint(text, codePointToUtf16(text, cp))).toBe(cp);
    }
  });

  it("round an index inside a surrogate pair down", () => {
    expect(utf16ToCodePoint("a𝕏b", 2)).toBe(1);
  });

  it("clamp out-of-range positions", () => {
    expect(utf16ToCodePoint("ab", 10)).toBe(2);
    expect(codePointToUtf16("a🙂", 10)).toBe(3);
    expect(utf16ToCodePoint("ab", -1)).toBe(0);
  });
});

describe("sliceByCodePoints / trimSpan", () => {
  it("slices by code points", () => {
    expect(sliceByCodePoints(ASTRAL, 1, 2)).toBe("𝕏");
    expect(sliceByCodePoints(ASTRAL, 8, 14)).toBe("“hi 🙂”");
  });

  it("slices the same with the constant-time slicer, astral text or not", () => {
    for (const text of [ASTRAL, "He said “no” — ‘never’.", "𝕏🙂“a”𝕏b🙂", ""]) {
      const slice = codePointSlicer(text);
      const length = codePointLength(text);
      for (let start = 0; start <= length; start++) {
        for (let end = start; end <= length; end++) {
          expect(slice(start, end)).toBe(sliceByCodePoints(text, start, end));
        }
      }
    }
  });

  it("trims whitespace at either end of a span", () => {
    expect(trimSpan("  🙂 hi  ", { start: 0, end: 8 })).toEqual({ start: 2, end: 6 });
    expect(trimSpan("a   b", { start: 1, end: 4 })).toBeNull();
  });
});

describe("selectionToSpan", () => {
  afterEach(() => {
    document.body.innerHTML = "";
    window.getSelection()?.removeAllRanges();
  });

  // Two paragraphs of the article "𝕏 says “yes”.\n\nB🙂 said “no”." rendered the
  // way the reader does: gutter outside the text container, highlights as <mark>.
  function renderParagraphs(): HTMLElement {
    const root = document.createElement("div");
    root.innerHTML =
      '<p data-start="0"><span class="gutter">¶1</span><span data-para-text>𝕏 says “yes”.</span></p>' +
      '<p data-start="15"><span class="gutter">¶2</span><span data-para-text>B🙂 said <mark>“no”</mark>.</span></p>';
    document.body.append(root);
    return root;
  }

  function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number) {
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection;
  }

  it("converts a selection inside one text node, after an astral character", () => {
    const root = renderParagraphs();
    const text = root.querySelector("[data-para-text]")!.firstChild!;
    const utf16 = text.textContent!.indexOf("“yes”");
    const selection = select(text, utf16, text, utf16 + 5);
    expect(selectionToSpan(selection, root)).toEqual({ start: 7, end: 12 });
  });

  it("spans text nodes split by a highlight", () => {
    const root = renderParagraphs();
    const container = root.querySelectorAll("[data-para-text]")[1];
    const mark = container.querySelector("mark")!;
    // From after "B🙂" (3 units) to the end of the mark's text.
    const selection = select(container.firstChild!, 3, mark.firstChild!, 4);
    // Paragraph 2 starts at 15; "B🙂" is two code points.
    expect(selectionToSpan(selection, root)).toEqual({ start: 17, end: 27 });
  });

  it("clamps a selection that begins in the ¶ gutter", () => {
    const root = renderParagraphs();
    const gutter = root.querySelectorAll(".gutter")[1];
    const container = root.querySelectorAll("[data-para-text]")[1];
    const selection = select(gutter.firstChild!, 0, container.firstChild!, 1);
    expect(selectionToSpan(selection, root)).toEqual({ start: 15, end: 16 });
  });

  it("returns null for a collapsed selection or one outside the reader", () => {
    const root = renderParagraphs();
    const text = root.querySelector("[data-para-text]")!.firstChild!;
    expect(selectionToSpan(select(text, 2, text, 2), root)).toBeNull();
    const outside = document.createElement("p");
    outside.textContent = "elsewhere";
    document.body.append(outside);
    expect(selectionToSpan(select(outside.firstChild!, 0, outside.firstChild!, 4), root)).toBeNull();
  });
});
