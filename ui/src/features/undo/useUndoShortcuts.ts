// Undo and redo of the session's edits (the back end records every change to the
// notebook as a labelled step). The keys — Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y, never while
// a text field has the keyboard, since fields keep their own text undo — are bound
// through the app's command table (`appCommands`), which calls these actions.
import { useCallback, useMemo, useRef } from "react";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";

export type UndoShortcutsOptions = {
  /** Called after an undo or redo changed the notebook: reload what is shown. */
  onChange: () => Promise<unknown> | void;
};

export type UndoActions = {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
};

export function useUndoShortcuts({ onChange }: UndoShortcutsOptions): UndoActions {
  const { toast, showError } = useFeedback();
  const latest = useRef(onChange);
  latest.current = onChange;
  // One at a time, in the order pressed: a second Ctrl+Z undoes the step before.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const run = useCallback(
    (which: "undo" | "redo") => {
      const next = queue.current.then(async () => {
        try {
          const label = await (which === "undo" ? api.undo() : api.redo());
          if (label === null) {
            toast(which === "undo" ? "Nothing to undo" : "Nothing to redo");
            return;
          }
          toast(`${which === "undo" ? "Undone" : "Redone"}: ${label}`);
          await latest.current();
        } catch (err) {
          showError(err);
        }
      });
      queue.current = next;
      return next;
    },
    [toast, showError],
  );

  const actions = useMemo(() => ({ undo: () => run("undo"), redo: () => run("redo") }), [run]);

  return actions;
}
