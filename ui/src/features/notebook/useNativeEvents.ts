import { useEffect, useRef, useState } from "react";
import { onFileDrop, onLaunch, onMenu, onNotebookDamaged, subscribeWhileMounted, type MenuAction } from "../../lib/tauri";

type NativeEventHandlers = {
  onMenu: (action: MenuAction) => void;
  onDropFiles: (paths: string[]) => void;
  /** Another launch of the app handed over files or a notebook. */
  onLaunch: () => void;
  /** The open notebook was found damaged after opening and closed. */
  onNotebookDamaged: () => void;
};

/**
 * Listens to the native menu, to files dragged onto the window and to later launches.
 * Returns whether files are being dragged over the window right now.
 */
export function useNativeEvents(handlers: NativeEventHandlers): { dragging: boolean; listening: boolean } {
  const [dragging, setDragging] = useState(false);
  // Whether dropped files are heard yet: the window is not ready for them before.
  const [listening, setListening] = useState(false);
  // Subscribe once; always call the latest handlers.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => subscribeWhileMounted(() => onMenu((action) => latest.current.onMenu(action))), []);
  useEffect(() => subscribeWhileMounted(() => onLaunch(() => latest.current.onLaunch())), []);
  useEffect(() => subscribeWhileMounted(() => onNotebookDamaged(() => latest.current.onNotebookDamaged())), []);
  useEffect(
    () =>
      subscribeWhileMounted(() =>
        onFileDrop({
          onHover: () => setDragging(true),
          onLeave: () => setDragging(false),
          onDrop: (paths) => latest.current.onDropFiles(paths),
        }),
        () => setListening(true),
      ),
    [],
  );
  return { dragging, listening };
}
