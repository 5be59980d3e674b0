import { act, render, waitFor } from "@testing-library/react";
import { createRef } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArticleText, type ArticleTextHandle } from "./ArticleText";
import type { Highlight } from "./highlights";

const VIEW_PX = 600;
const PARAGRAPH_PX = 40;

/**
 * jsdom lays nothing out: give the reader's scroller a 600 px view it can scroll, and
 * every paragraph a 40 px box, as WebKit would.
 */
function useFakeLayout() {
  const saved: [string, PropertyDescriptor | undefined][] = [];
  beforeEach(() => {
    for (const name of ["clientHeight", "offsetHeight"]) {
      saved.push([name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)]);
    }
    Object.defineProperty(HTMLElement.prototype, "clientHeight", {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === "scroller" ? VIEW_PX : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains("paragraph") ? PARAGRAPH_PX : 0;
      },
    });
  });
  afterEach(() => {
    for (const [name, descriptor] of saved.splice(0)) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    }
  });
}

/**
 * A scroller whose scrollTop sticks and whose scrollTo scrolls, raising `scroll`; the
 * content's box moves up as it scrolls, as on screen.
 */
function makeScrollable(element: HTMLElement, content: HTMLElement) {
  let top = 0;
  content.getBoundingClientRect = () => new DOMRect(0, -top, 0, 0);
  Object.defineProperty(element, "scrollHeight", { configurable: true, get: () => 1_000_000 });
  Object.defineProperty(element, "scrollTop", {
    configurable: true,
    get: () => top,
    set: (value: number) => {
      top = value;
    },
  });
  element.scrollTo = ((options: ScrollToOptions) => {
    top = options.top ?? top;
    element.dispatchEvent(new Event("scroll"));
  }) as typeof element.scrollTo;
}

describe("ArticleText on a long article", () => {
  useFakeLayout();

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

  function renderLong(extra: Highlight[] = []) {
    const handle = createRef<ArticleTextHandle>();
    const { getByTestId } = render(
      <div data-testid="scroller" style={{ overflowY: "auto" }}>
        <ArticleText ref={handle} text={text} paragraphs={paragraphs} highlights={[...highlights, ...extra]} onSelection={() => {}} />
      </div>,
    );
    const scroller = getByTestId("scroller");
    const root = scroller.querySelector<HTMLElement>(".article-text")!;
    makeScrollable(scroller, root);
    const drawn = () => Array.from(root.querySelectorAll<HTMLElement>(".paragraph")).map((p) => Number(p.dataset.index));
    const paragraph = (i: number) => root.querySelector(`[data-index="${i}"]`);
    return { handle, scroller, root, drawn, paragraph };
  }

  it("draws the paragraphs in view with their highlights, and keeps the rest as space", () => {
    const { root, drawn, paragraph } = renderLong();
    const shown = drawn();
    // 15 paragraphs fill the view; a few more past its edge are drawn ahead.
    expect(shown[0]).toBe(0);
    expect(shown.length).toBeGreaterThanOrEqual(VIEW_PX / PARAGRAPH_PX);
    expect(shown.length).toBeLessThan(40);
    expect(paragraph(0)!.querySelector("mark")?.textContent).toBe("says");
    expect(paragraph(0)!.textContent).toBe("¶1Paragraph 0 says something.");
    expect(paragraph(250)).toBeNull();
    // The space below stands for the undrawn paragraphs, so the scroll bar spans the article.
    expect(parseFloat(root.style.paddingBottom)).toBeGreaterThan(200 * PARAGRAPH_PX);
  });

  it("draws far paragraphs when the analyst scrolls to them", async () => {
    const { scroller, drawn, paragraph } = renderLong();
    scroller.scrollTo({ top: 200 * PARAGRAPH_PX });
    await waitFor(() => expect(drawn()).not.toContain(0));
    const shown = drawn();
    const far = shown[Math.floor(shown.length / 2)];
    expect(far).toBeGreaterThan(100);
    // Consecutive paragraphs, each with its number and its note drawn.
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => shown[0] + i));
    expect(paragraph(far)!.querySelector("mark")?.textContent).toBe("says");
    expect(paragraph(far)!.querySelector(".paragraph-number")?.textContent).toBe(`¶${far + 1}`);
  });

  it("reveals a far position: the proposal under review there is drawn", async () => {
    const focus: Highlight = { ...highlights[280], kind: "focus", label: "under review" };
    const { handle, paragraph } = renderLong([focus]);
    expect(paragraph(280)).toBeNull();
    act(() => handle.current!.reveal(focus.start, { selector: "mark.highlight-focus" }));
    await waitFor(() => expect(paragraph(280)?.querySelector("mark.highlight-focus")?.textContent).toBe("says"));
  });
});
