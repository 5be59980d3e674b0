import { useState } from "react";
import { api } from "../../lib/api";
import { useEscape } from "../../lib/useEscape";
import { useLoader } from "../../lib/useLoader";
import { truncate } from "../../lib/format";
import { TagPicker } from "./TagPicker";
import type { TextSelection } from "./ArticleText";
import { floatingPosition } from "./SelectionToolbar";

type NotePopoverProps = {
  anchor: TextSelection["anchor"];
  passage: string;
  /** Saves the note with its tags (paths; missing tags are created). */
  onSave: (note: string, tags: string[]) => Promise<void>;
  onClose: () => void;
};

export function NotePopover({ anchor, passage, onSave, onClose }: NotePopoverProps) {
  const [note, setNote] = useState("");
  const [tags, setTags] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const known = useLoader(() => api.listTags(), []);
  useEscape(onClose);

  const save = async () => {
    setSaving(true);
    try {
      await onSave(note.trim(), tags);
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
      <div className="field">
        <span className="field-label">Tags</span>
        <TagPicker value={tags} onChange={setTags} tags={known.data ?? []} />
      </div>
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
