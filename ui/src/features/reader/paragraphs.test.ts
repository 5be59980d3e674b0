import { describe, expect, it } from "vitest";
import type { Highlight } from "./highlights";
import { estimateParagraphHeight, highlightsByParagraph, paragraphAt } from "./paragraphs";

const h = (start: number, end: number): Highlight => ({ start, end, kind: "note", label: `${start}-${end}` });

describe("highlightsByParagraph", () => {
  const paragraphs = [
    { start: 0, end: 10 },
    { start: 12, end: 20 },
    { start: 25, end: 40 },
  ];

  it("puts each highlight in every paragraph it touches, and nowhere else", () => {
    const across = h(8, 30);
    const buckets = highlightsByParagraph(paragraphs, [h(0, 3), across, h(21, 24), h(39, 45)]);
    expect(buckets.map((bucket) => bucket.map((x) => x.label))).toEqual([["0-3", "8-30"], ["8-30"], ["8-30", "39-45"]]);
  });

  it("agrees with filtering every highlight per paragraph on random input", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const spans = [];
    let at = 0;
    for (let i = 0; i < 50; i++) {
      const start = at + random(3);
      const end = start + 1 + random(40);
      spans.push({ start, end });
      at = end;
    }
    const highlights = Array.from({ length: 300 }, () => {
      const start = random(at);
      return h(start, start + 1 + random(80));
    });
    const expected = spans.map((p) => highlights.filter((x) => x.start < p.end && x.end > p.start));
    expect(highlightsByParagraph(spans, highlights)).toEqual(expected);
  });
});

describe("paragraphAt", () => {
  const paragraphs = [
    { start: 0, end: 10 },
    { start: 12, end: 20 },
    { start: 25, end: 40 },
  ];

  it("finds the paragraph holding a position, or the one before a gap", () => {
    expect([0, 9, 10, 11, 12, 19, 24, 25, 39, 99].map((p) => paragraphAt(paragraphs, p))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(paragraphAt([], 5)).toBe(-1);
  });
});

describe("estimateParagraphHeight", () => {
  it("grows with the text and shrinks with a wider column, one line at least", () => {
    const short = estimateParagraphHeight({ start: 0, end: 10 }, 700);
    const long = estimateParagraphHeight({ start: 0, end: 2000 }, 700);
    expect(short).toBeGreaterThan(20);
    expect(long).toBeGreaterThan(short * 10);
    expect(estimateParagraphHeight({ start: 0, end: 2000 }, 400)).toBeGreaterThan(long);
    expect(estimateParagraphHeight({ start: 0, end: 0 }, 0)).toBe(short);
  });
});
