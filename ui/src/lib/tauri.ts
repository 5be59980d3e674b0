// Subscriptions to native events. In a plain browser or under tests without the
// Tauri internals these quietly do nothing, so the UI still renders.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";

export function hasTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

export type MenuAction = "new-notebook" | "open-notebook" | "import" | "merge" | "restore" | "diagnostics";

export function onMenu(handler: (action: MenuAction) => void): Promise<UnlistenFn> {
  return listen<MenuAction>("menu", (event) => handler(event.payload));
}

/** A second launch handed over its command line: take it with `api.takeLaunchRequest`. */
export function onLaunch(handler: () => void): Promise<UnlistenFn> {
  return listen("launch", () => handler());
}

/** The check run after opening found the notebook file damaged; it is closed. */
export function onNotebookDamaged(handler: () => void): Promise<UnlistenFn> {
  return listen("notebook-damaged", () => handler());
}

export type FileDropHandlers = {
  onHover: () => void;
  onLeave: () => void;
  onDrop: (paths: string[]) => void;
};

/** Native file drag and drop onto the window (HTML5 drop events never see the paths). */
export function onFileDrop({ onHover, onLeave, onDrop }: FileDropHandlers): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((event) => {
    switch (event.payload.type) {
      case "enter":
      case "over":
        onHover();
        break;
      case "leave":
        onLeave();
        break;
      case "drop":
        onLeave();
        onDrop(event.payload.paths);
        break;
    }
  });
}

/**
 * Runs `subscribe` for as long as the calling effect lives. Safe against the
 * effect being cleaned up before the subscription resolves.
 */
export function subscribeWhileMounted(subscribe: () => Promise<UnlistenFn>, onListening?: () => void): () => void {
  if (!hasTauri()) {
    onListening?.();
    return () => {};
  }
  let disposed = false;
  let unlisten: UnlistenFn | undefined;
  try {
    subscribe()
      .then((fn) => {
        if (disposed) fn();
        else {
          unlisten = fn;
          onListening?.();
        }
      })
      .catch((err: unknown) => console.warn("event subscription failed", err));
  } catch (err) {
    // getCurrentWebview() throws when the window metadata is missing (tests).
    console.warn("event subscription unavailable", err);
  }
  return () => {
    disposed = true;
    unlisten?.();
  };
}
