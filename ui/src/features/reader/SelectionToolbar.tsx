import type { CSSProperties } from "react";
import type { TextSelection } from "./ArticleText";

type SelectionToolbarProps = {
  anchor: TextSelection["anchor"];
  onNote: () => void;
  onStatement: () => void;
  /** The selection is a name: make it an actor, or another name of one. */
  onActor: () => void;
};

const TOOLBAR_WIDTH = 220;

/** Floats just below the selection; a mousedown here must not clear the selection. */
export function SelectionToolbar({ anchor, onNote, onStatement, onActor }: SelectionToolbarProps) {
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={floatingPosition(anchor, TOOLBAR_WIDTH)}
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" className="button button-small" data-testid="make-note" title="Note (N)" onClick={onNote}>
        Note
      </button>
      <button type="button" className="button button-small" data-testid="make-actor" title="Actor (C)" onClick={onActor}>
        Actor
      </button>
      <button type="button" className="button button-small button-primary" data-testid="make-statement" title="Statement (Q)" onClick={onStatement}>
        Statement
      </button>
    </div>
  );
}

/** Keeps floating tools inside the window. */
export function floatingPosition(anchor: TextSelection["anchor"], width = 320): CSSProperties {
  const margin = 12;
  const viewport = window.innerWidth || 1280;
  const left = Math.min(Math.max(anchor.x - width / 2, margin), viewport - width - margin);
  return { top: anchor.y + 8, left: Math.max(left, margin) };
}
