import { useState } from "react";
import { useEscape } from "../../lib/useEscape";
import { truncate } from "../../lib/format";
import type { TextSelection } from "./ArticleText";
import { floatingPosition } from "./SelectionToolbar";

type NotePopoverProps = {
  anchor: TextSelection["anchor"];
  passage: string;
  onSave: (note: string) => Promise<void>;
  onClose: () => void;
};

export function NotePopover({ anchor, passage, onSave, onClose }: NotePopoverProps) {
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  useEscape(onClose);

  const save = async () => {
    setSaving(true);
    try {
      await onSave(note.trim());
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="popover note-popover"
      role="dialog"
      aria-label="New note"
      data-testid="note-popover"
      style={floatingPosition(anchor)}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <blockquote className="popover-quote">{truncate(passage, 200)}</blockquote>
      <label className="field">
        <span className="field-label">Note</span>
        <textarea
          className="input"
          rows={3}
          autoFocus
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            // Enter alone makes a new line; Ctrl/⌘+Enter saves.
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void save();
            }
          }}
        />
      </label>
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
