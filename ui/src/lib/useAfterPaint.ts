import { useEffect, useState } from "react";

/**
 * `value` once a frame holding what changed with it has been painted: what reads the
 * returned value is drawn a frame after the rest. The reader draws an article's text
 * first and its side panel after; React's own deferral (`useDeferredValue`) may render
 * both before the browser paints.
 */
export function useAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame is painted before a task queued from its animation callback runs.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(() => value));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return painted;
}
