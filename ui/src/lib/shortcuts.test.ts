import { describe, expect, it } from "vitest";
import { commandFor, filterCommands, matchesChord, type Command } from "./shortcuts";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "shiftKey" | "altKey" | "metaKey", boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  target: document.body,
  ...mods,
});

describe("matchesChord", () => {
  it("tells Ctrl+Z from Ctrl+Shift+Z, and accepts ⌘ for Ctrl", () => {
    expect(matchesChord("Ctrl+Z", key("z", { ctrlKey: true }))).toBe(true);
    expect(matchesChord("Ctrl+Z", key("Z", { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesChord("Ctrl+Shift+Z", key("Z", { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesChord("Ctrl+Z", key("z", { metaKey: true }))).toBe(true);
    expect(matchesChord("Ctrl+Z", key("z"))).toBe(false);
  });

  it("takes a symbol however the layout types it", () => {
    expect(matchesChord("?", key("?", { shiftKey: true }))).toBe(true);
    expect(matchesChord("]", key("]"))).toBe(true);
    expect(matchesChord("]", key("]", { ctrlKey: true }))).toBe(false);
  });
});

describe("commandFor", () => {
  const ran: string[] = [];
  const commands: Command[] = [
    { id: "undo", label: "Undo", group: "Edit", keys: ["Ctrl+Z"], run: () => ran.push("undo") },
    { id: "palette", label: "Command palette", group: "Help", keys: ["Ctrl+K"], run: () => ran.push("palette"), whileTyping: true },
    { id: "next", label: "Next article", group: "Navigate", keys: ["]"], run: () => ran.push("next"), enabled: false },
    { id: "import", label: "Import", group: "Notebook", keys: ["Ctrl+I"], run: () => ran.push("import"), menuKeys: true },
  ];

  it("leaves a text field its own keys, except the chords meant for anywhere", () => {
    const input = document.createElement("input");
    expect(commandFor(commands, { ...key("z", { ctrlKey: true }), target: input })).toBeNull();
    expect(commandFor(commands, { ...key("k", { ctrlKey: true }), target: input })?.id).toBe("palette");
    expect(commandFor(commands, key("z", { ctrlKey: true }))?.id).toBe("undo");
  });

  it("ignores disabled commands and keys the native menu owns", () => {
    expect(commandFor(commands, key("]"))).toBeNull();
    expect(commandFor(commands, key("i", { ctrlKey: true }))).toBeNull();
  });
});

describe("filterCommands", () => {
  const command = (id: string, label: string): Command => ({ id, label, group: "Navigate", run: () => {} });
  const commands = [command("a", "Go to Articles"), command("s", "Go to Statements"), command("n", "Next article"), command("o", "Open notebook…")];

  it("keeps commands with every typed word, word starts first", () => {
    expect(filterCommands(commands, "art").map((c) => c.id).sort()).toEqual(["a", "n"]);
    // Inside a word ("Denote") ranks below at a word's start ("Add note").
    expect(filterCommands([command("x", "Denote"), command("y", "Add note")], "note").map((c) => c.id)).toEqual(["y", "x"]);
    expect(filterCommands(commands, "go st").map((c) => c.id)).toEqual(["s"]);
    expect(filterCommands(commands, "zzz")).toEqual([]);
    expect(filterCommands(commands, "")).toHaveLength(4);
  });
});
