import { useState } from "react";
import type { TagCount } from "../../bindings/TagCount";

type TagPickerProps = {
  /** The chosen tags, by path ("Economy/Trade"). */
  value: string[];
  onChange: (paths: string[]) => void;
  /** The notebook's tags, offered as the analyst types. */
  tags: TagCount[];
  /** Changes an existing tag's colour; without it no colour control is shown. */
  onColour?: (tagId: number, colour: string) => void;
};

/** "Economy / Trade/" → "Economy/Trade", as the notebook stores paths. */
export function normaliseTagPath(path: string): string {
  return path
    .split("/")
    .map((level) => level.trim())
    .filter(Boolean)
    .join("/");
}

/** The tags whose path holds `typed` (any level, any case), best first: those starting with it. */
export function matchingTags(tags: TagCount[], typed: string, chosen: string[]): TagCount[] {
  const needle = typed.trim().toLowerCase();
  const taken = new Set(chosen.map((path) => path.toLowerCase()));
  const open = tags.filter((t) => !taken.has(t.tag.path.toLowerCase()));
  if (!needle) return open.slice(0, 8);
  const hits = open.filter((t) => t.tag.path.toLowerCase().includes(needle));
  const starts = (t: TagCount) =>
    t.tag.path.toLowerCase().startsWith(needle) || t.tag.path.toLowerCase().split("/").some((level) => level.startsWith(needle));
  return [...hits.filter(starts), ...hits.filter((t) => !starts(t))].slice(0, 8);
}

/**
 * Tags for a highlight: type to find one by any level of its path, Enter to take the
 * first match or create the typed path ("Economy/Trade" creates "Economy" too).
 */
export function TagPicker({ value, onChange, tags, onColour }: TagPickerProps) {
  const [typed, setTyped] = useState("");
  const suggestions = matchingTags(tags, typed, value);
  const byPath = new Map(tags.map((t) => [t.tag.path.toLowerCase(), t.tag]));
  const typedPath = normaliseTagPath(typed);
  const isNew = typedPath !== "" && !byPath.has(typedPath.toLowerCase()) && !value.some((p) => p.toLowerCase() === typedPath.toLowerCase());

  const add = (path: string) => {
    const clean = normaliseTagPath(path);
    if (clean && !value.some((p) => p.toLowerCase() === clean.toLowerCase())) onChange([...value, clean]);
    setTyped("");
  };

  return (
    <div className="tag-picker" data-testid="tag-picker">
      <ul className="tag-chips" aria-label="Tags">
        {value.map((path) => {
          const tag = byPath.get(path.toLowerCase());
          return (
            <li key={path} className="tag-chip" data-testid="tag-chip">
              {onColour && tag ? (
                <input
                  type="color"
                  className="tag-colour"
                  aria-label={`Colour of ${path}`}
                  value={tag.colour ?? "#ffd54f"}
                  onChange={(event) => onColour(tag.id, event.target.value)}
                />
              ) : (
                <span className="tag-swatch" style={{ background: tag?.colour ?? "transparent" }} aria-hidden="true" />
              )}
              <span>{path}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove ${path}`}
                onClick={() => onChange(value.filter((p) => p !== path))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <input
        className="input input-small"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={typed.trim() !== ""}
        aria-label="Add a tag"
        data-testid="tag-input"
        placeholder="Add a tag (Economy/Trade)"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            // Enter here adds a tag; it never submits the note.
            event.preventDefault();
            if (!typedPath) return;
            const exact = byPath.get(typedPath.toLowerCase());
            add(exact ? exact.path : (suggestions[0]?.tag.path ?? typedPath));
          }
        }}
      />
      {typed.trim() !== "" && (
        <ul className="tag-suggestions" role="listbox" aria-label="Matching tags">
          {suggestions.map((t) => (
            <li key={t.tag.id}>
              <button type="button" role="option" aria-selected="false" data-testid="tag-option" onClick={() => add(t.tag.path)}>
                <span className="tag-swatch" style={{ background: t.tag.colour ?? "transparent" }} aria-hidden="true" />
                {t.tag.path} <span className="muted small">({t.annotations})</span>
              </button>
            </li>
          ))}
          {isNew && (
            <li>
              <button type="button" role="option" aria-selected="false" data-testid="tag-create" onClick={() => add(typedPath)}>
                Create “{typedPath}”
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
