import { act, render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeIntersectionObserver, useFakeIntersectionObserver } from "../../test/fakeIntersectionObserver";
import { ArticleText } from "./ArticleText";
import type { Highlight } from "./highlights";

describe("ArticleText on a long article", () => {
  useFakeIntersectionObserver();
  const numbered = (index: number) => (element: Element) => (element as HTMLElement).dataset.index === String(index);

  // 300 paragraphs of "Paragraph N says something." with a note on every "says".
  const lines = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} says something.`);
  const text = lines.join("\n\n");
  const paragraphs = lines.map((line, i) => {
    const start = lines.slice(0, i).reduce((sum, l) => sum + l.length + 2, 0);
    return { start, end: start + line.length };
  });
  const highlights: Highlight[] = paragraphs.map((p, i) => {
    const start = p.start + `Paragraph ${i} `.length;
    return { start, end: start + 4, kind: "note", label: `note ${i}` };
  });

  it("draws highlights only near the view, and every paragraph's text always", () => {
    const { container } = render(
      <ArticleText text={text} paragraphs={paragraphs} highlights={highlights} onSelection={() => {}} />,
    );
    const paragraph = (i: number) => container.querySelector(`[data-index="${i}"]`)!;
    expect(container.querySelectorAll(".paragraph")).toHaveLength(300);
    expect(paragraph(250).textContent).toContain("Paragraph 250 says something.");
    // The first screenful has its marks; far paragraphs not yet.
    expect(paragraph(0).querySelector("mark")?.textContent).toBe("says");
    expect(paragraph(250).querySelector("mark")).toBeNull();

    act(() => FakeIntersectionObserver.current!.report(numbered(250), true));
    expect(paragraph(250).querySelector("mark")?.textContent).toBe("says");
    act(() => FakeIntersectionObserver.current!.report(numbered(0), false));
    expect(paragraph(0).querySelector("mark")).toBeNull();
    expect(paragraph(0).textContent).toContain("Paragraph 0 says something.");
  });

  it("always draws the proposal under review, wherever it is", () => {
    const focus: Highlight = { ...highlights[280], kind: "focus", label: "under review" };
    const { container } = render(
      <ArticleText text={text} paragraphs={paragraphs} highlights={[...highlights, focus]} onSelection={() => {}} />,
    );
    expect(container.querySelector(`[data-index="280"] mark.highlight-focus`)).not.toBeNull();
  });
});
