import { useEffect, useRef, useState } from "react";
import { Modal } from "../../components/Modal";
import { chordKeys, filterCommands, type Command } from "../../lib/shortcuts";

type CommandPaletteProps = {
  commands: Command[];
  onClose: () => void;
};

/** Ctrl+K: type a few letters of what to do, ↑/↓ to choose, Enter to do it. */
export function CommandPalette({ commands, onClose }: CommandPaletteProps) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = filterCommands(
    commands.filter((command) => command.id !== "palette"),
    query,
  );
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    document.getElementById(`command-${shown[current]?.id}`)?.scrollIntoView?.({ block: "nearest" });
  }, [current, shown]);

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    command.run();
  };

  return (
    <Modal title="Commands" onClose={onClose} testId="command-palette">
      <input
        ref={inputRef}
        className="input palette-input"
        placeholder="Type a command…"
        aria-label="Command"
        aria-controls="palette-list"
        aria-activedescendant={shown[current] ? `command-${shown[current].id}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive(Math.min(current + 1, shown.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive(Math.max(current - 1, 0));
          } else if (event.key === "Enter") {
            event.preventDefault();
            run(shown[current]);
          }
        }}
      />
      <ul className="palette-list" id="palette-list" role="listbox" aria-label="Commands">
        {shown.length === 0 && <li className="empty-hint">No command matches.</li>}
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={`command-${command.id}`}
            role="option"
            aria-selected={index === current}
            className={index === current ? "palette-item palette-item-active" : "palette-item"}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(command)}
          >
            <span className="palette-label">{command.label}</span>
            <span className="palette-group">{command.group}</span>
            {command.keys?.[0] && <KeyChord chord={command.keys[0]} />}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

export function KeyChord({ chord }: { chord: string }) {
  return (
    <span className="key-chord">
      {chordKeys(chord).map((key, i) => (
        <kbd key={i}>{key}</kbd>
      ))}
    </span>
  );
}
