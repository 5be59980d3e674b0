import { cleanup, configure } from "@testing-library/react";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach } from "vitest";

// Tells React that tests wrap updates in act() (Testing Library does).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// findBy… and waitFor wait up to 5 s, not 1: a loaded CI machine is slow, not wrong.
configure({ asyncUtilTimeout: 5000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  clearMocks();
  window.getSelection()?.removeAllRanges();
});

// happy-dom lays nothing out, so a virtualised list's scroll box would be 0 px tall
// and show no rows: a box marked data-virtual-scroll is a 600 × 400 px window onto
// content as tall as the attribute's value (the list's total height).
const VIRTUAL_BOX = {
  clientHeight: () => 600,
  clientWidth: () => 400,
  scrollHeight: (box: HTMLElement) => Number(box.getAttribute("data-virtual-scroll")) || 0,
};
for (const [property, size] of Object.entries(VIRTUAL_BOX)) {
  const standard =
    Object.getOwnPropertyDescriptor(HTMLElement.prototype, property) ??
    Object.getOwnPropertyDescriptor(Element.prototype, property);
  Object.defineProperty(HTMLElement.prototype, property, {
    configurable: true,
    get(this: HTMLElement) {
      if (this.hasAttribute("data-virtual-scroll")) return size(this);
      return standard?.get?.call(this) ?? 0;
    },
  });
}
