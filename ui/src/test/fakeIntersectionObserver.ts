import { afterEach, beforeEach } from "vitest";

/**
 * An IntersectionObserver a test drives (happy-dom has none that fires): `report`
 * tells the component that the observed elements `which` picks came into view, or left it.
 */
export class FakeIntersectionObserver {
  static current: FakeIntersectionObserver | null = null;
  observed: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.current = this;
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
  report(which: (element: Element) => boolean, isIntersecting: boolean) {
    const targets = this.observed.filter(which);
    if (targets.length === 0) throw new Error("no observed element is the one reported");
    this.callback(
      targets.map((target) => ({ target, isIntersecting }) as unknown as IntersectionObserverEntry),
      this as unknown as IntersectionObserver,
    );
  }
}

/** Puts the fake in place of the real observer for each test of the calling suite. */
export function useFakeIntersectionObserver() {
  const original = globalThis.IntersectionObserver;
  beforeEach(() => {
    globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
  });
  afterEach(() => {
    globalThis.IntersectionObserver = original;
  });
}
