import { Modal } from "../../components/Modal";
import type { Command, CommandGroup } from "../../lib/shortcuts";
import { REVIEW_KEYS } from "../reader/ProposalReview";
import { KeyChord } from "./CommandPalette";

const GROUPS: CommandGroup[] = ["Navigate", "Review", "Annotate", "Edit", "Notebook", "Help"];

/** Keys that work inside one view rather than everywhere; they are shown, not bound, here. */
const VIEW_KEYS: { group: CommandGroup; keys: string; label: string }[] = [
  ...REVIEW_KEYS.map(({ key, does }) => ({ group: "Review" as const, keys: key, label: `Proposal under review: ${does}` })),
  { group: "Annotate", keys: "N", label: "Note on the selection (or on the proposal under review)" },
  { group: "Annotate", keys: "Q", label: "Statement from the selection" },
  { group: "Annotate", keys: "C", label: "Actor from the selected name" },
  { group: "Annotate", keys: "Ctrl+Enter", label: "Save the note or dialog being written" },
  { group: "Navigate", keys: "↑ / ↓", label: "Move in a list; Enter opens" },
  { group: "Navigate", keys: "Escape", label: "Close a dialog or the selection tools" },
];

/** `?`: every key the app answers to, grouped. */
export function ShortcutSheet({ commands, onClose }: { commands: Command[]; onClose: () => void }) {
  const rows = [
    ...commands.filter((c) => c.keys?.length).map((c) => ({ group: c.group, keys: c.keys!, label: c.label })),
    ...VIEW_KEYS.map((v) => ({ group: v.group, keys: [v.keys], label: v.label })),
  ];
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="shortcut-sheet" wide>
      <div className="shortcut-sheet">
        {GROUPS.map((group) => {
          const inGroup = rows.filter((row) => row.group === group);
          if (inGroup.length === 0) return null;
          return (
            <section key={group} className="shortcut-group">
              <h3>{group}</h3>
              <dl>
                {inGroup.map((row) => (
                  <div key={`${row.label}-${row.keys[0]}`} className="shortcut-row">
                    <dt>
                      {row.keys.map((chord, i) => (
                        <span key={chord}>
                          {i > 0 && <span className="key-or"> or </span>}
                          {chord.includes(" / ") ? <kbd>{chord}</kbd> : <KeyChord chord={chord} />}
                        </span>
                      ))}
                    </dt>
                    <dd>{row.label}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
      <p className="empty-hint">Ctrl+K opens the command palette: every command, by name.</p>
    </Modal>
  );
}
