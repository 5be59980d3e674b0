import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GrowingList } from "./GrowingList";

/** An IntersectionObserver the test drives: `near()` says the list's end came near the view. */
class FakeObserver {
  static latest: FakeObserver | null = null;
  private targets: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.latest = this;
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.targets = [];
  }
  near() {
    this.callback(
      this.targets.map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry),
      this as unknown as IntersectionObserver,
    );
  }
}

describe("GrowingList", () => {
  const original = globalThis.IntersectionObserver;
  beforeEach(() => {
    globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  });
  afterEach(() => {
    globalThis.IntersectionObserver = original;
  });

  const items = Array.from({ length: 250 }, (_, i) => i);
  const renderList = () =>
    render(<GrowingList items={items} noun="notes" page={100} render={(n) => <li key={n} data-testid="row">{`note ${n}`}</li>} />);

  it("draws a page first, more on the button and as the end comes near, never more than there are", () => {
    renderList();
    expect(screen.getAllByTestId("row")).toHaveLength(100);
    fireEvent.click(screen.getByRole("button", { name: "Show 100 more notes (of 250)" }));
    expect(screen.getAllByTestId("row")).toHaveLength(200);
    act(() => FakeObserver.latest?.near());
    expect(screen.getAllByTestId("row")).toHaveLength(250);
    expect(screen.getByText("note 249")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("a short list is drawn whole, without a button", () => {
    render(<GrowingList items={[1, 2, 3]} noun="notes" render={(n) => <li key={n}>{n}</li>} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    expect(screen.queryByRole("button")).toBeNull();
  });
});
