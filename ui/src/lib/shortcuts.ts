// One table of what the app can do from the keyboard: the key handler, the command
// palette and the shortcut sheet (`?`) all read it, so a key cannot be documented in
// one place and bound differently in another.
import { useEffect, useRef } from "react";

export type CommandGroup = "Navigate" | "Review" | "Annotate" | "Edit" | "Notebook" | "Help";

export type Command = {
  id: string;
  label: string;
  group: CommandGroup;
  /** Key chords, e.g. "Ctrl+Shift+Z", "]", "?"; the first is the one shown. */
  keys?: string[];
  run: () => void;
  /** Off commands stay in the sheet but do nothing and are hidden from the palette. */
  enabled?: boolean;
  /** Also fires while a text field has the keyboard (for chords with Ctrl). */
  whileTyping?: boolean;
  /** The window's native menu binds these keys: listed in the sheet, not handled here. */
  menuKeys?: boolean;
};

/** Whether a key press belongs to a field being typed in. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== "string") return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

type KeyEventLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

/**
 * Whether `event` is the chord `chord` ("Ctrl+Shift+Z"). Ctrl also accepts ⌘. For a
 * single printable symbol ("?", "]") Shift is whatever the keyboard layout needs to type it.
 */
export function matchesChord(chord: string, event: KeyEventLike): boolean {
  const parts = chord.split("+");
  const key = parts.pop()!.toLowerCase();
  const wants = new Set(parts.map((p) => p.toLowerCase()));
  if (event.key.toLowerCase() !== key) return false;
  if (wants.has("ctrl") !== (event.ctrlKey || event.metaKey)) return false;
  if (wants.has("alt") !== event.altKey) return false;
  const isLetter = /^[a-z]$/.test(key);
  const isNamed = key.length > 1;
  if ((isLetter || isNamed || wants.has("shift")) && wants.has("shift") !== event.shiftKey) return false;
  return true;
}

/** The command a key press asks for, if any. */
export function commandFor(commands: Command[], event: KeyEventLike & Pick<KeyboardEvent, "target">): Command | null {
  const typing = isTyping(event.target);
  for (const command of commands) {
    if (command.enabled === false || command.menuKeys || (typing && !command.whileTyping)) continue;
    if (command.keys?.some((chord) => matchesChord(chord, event))) return command;
  }
  return null;
}

/** Runs the app's commands from the keyboard while mounted. */
export function useCommandKeys(commands: Command[]) {
  const latest = useRef(commands);
  latest.current = commands;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      // A dialog owns the keyboard while it is open (it has its own keys and Escape).
      if (document.querySelector("[aria-modal='true']") && !(event.ctrlKey || event.metaKey)) return;
      const command = commandFor(latest.current, event);
      if (!command) return;
      event.preventDefault();
      command.run();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

/** How a chord is shown: "Ctrl+Shift+Z" → ["Ctrl", "Shift", "Z"]. */
export function chordKeys(chord: string): string[] {
  return chord.split("+").map((part) => (part.length === 1 ? part.toUpperCase() : part));
}

/** Commands whose label matches every word typed, best first (words at word starts first). */
export function filterCommands(commands: Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const usable = commands.filter((command) => command.enabled !== false);
  if (words.length === 0) return usable;
  const scored = usable
    .map((command) => {
      const label = `${command.label} ${command.group}`.toLowerCase();
      if (!words.every((word) => label.includes(word))) return null;
      const atWordStart = words.filter((word) => label.startsWith(word) || label.includes(` ${word}`)).length;
      return { command, score: atWordStart * 10 - label.indexOf(words[0]) };
    })
    .filter((entry): entry is { command: Command; score: number } => entry !== null);
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.command);
}
