import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { Annotation } from "../../bindings/Annotation";
import type { TagCount } from "../../bindings/TagCount";
import { defaultHandlers, findReaderText, renderApp, selectInReader } from "../../test/renderApp";
import { ARTICLE_TEXT, anchorFor, articleView } from "../../test/fixtures";
import { matchingTags, normaliseTagPath, TagPicker } from "./TagPicker";

const TAGS: TagCount[] = [
  { tag: { id: 1, path: "Economy", colour: null }, annotations: 0 },
  { tag: { id: 2, path: "Economy/Trade", colour: "#c0392b" }, annotations: 3 },
  { tag: { id: 3, path: "Security/Border", colour: null }, annotations: 1 },
];

function Picker({ initial = [] as string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TagPicker value={value} onChange={setValue} tags={TAGS} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

const value = () => JSON.parse(screen.getByTestId("value").textContent!) as string[];

describe("TagPicker", () => {
  it("normalises paths and matches any level, starts first", () => {
    expect(normaliseTagPath(" Economy / Trade/ ")).toBe("Economy/Trade");
    expect(matchingTags(TAGS, "trade", []).map((t) => t.tag.path)).toEqual(["Economy/Trade"]);
    expect(matchingTags(TAGS, "e", []).map((t) => t.tag.path)).toEqual(["Economy", "Economy/Trade", "Security/Border"]);
    expect(matchingTags(TAGS, "econ", ["economy"]).map((t) => t.tag.path)).toEqual(["Economy/Trade"]);
  });

  it("offers matching tags as the analyst types and takes one", () => {
    render(<Picker />);
    fireEvent.change(screen.getByTestId("tag-input"), { target: { value: "trad" } });
    const options = screen.getAllByTestId("tag-option");
    expect(options.map((o) => o.textContent)).toEqual(["Economy/Trade (3)"]);
    fireEvent.click(options[0]);
    expect(value()).toEqual(["Economy/Trade"]);
    expect(screen.getByTestId("tag-chip").textContent).toContain("Economy/Trade");
  });

  it("creates a new hierarchical path with Enter, and removes a chip", () => {
    render(<Picker initial={["Economy"]} />);
    const input = screen.getByTestId("tag-input");
    fireEvent.change(input, { target: { value: " Politics / Elections " } });
    expect(screen.getByTestId("tag-create").textContent).toBe("Create “Politics/Elections”");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(value()).toEqual(["Economy", "Politics/Elections"]);
    // Enter on a partial name takes the first match rather than creating it.
    fireEvent.change(input, { target: { value: "bord" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(value()).toEqual(["Economy", "Politics/Elections", "Security/Border"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove Economy" }));
    expect(value()).toEqual(["Politics/Elections", "Security/Border"]);
  });
});

function taggedNote(colour: string | null): Annotation {
  return {
    id: 6,
    article_id: 1,
    anchor: anchorFor(ARTICLE_TEXT, "𝕏 city"),
    note: "",
    created_at: "",
    anchor_status: "ok",
    anchor_score: 1,
    tags: [{ id: 2, path: "Economy/Trade", colour }],
  };
}

describe("Tags in the reader", () => {
  it("saves a new note with its tags", async () => {
    const backend = await renderApp({
      tags: () => TAGS,
      add_annotation: ({ span, note }) => ({ ...taggedNote(null), id: 9, anchor: { ...(span as object), exact: "resumed", prefix: "", suffix: "" }, note, tags: [] }),
      set_annotation_tags: ({ annotation_id, paths }) => ({ ...taggedNote(null), id: annotation_id, tags: paths }),
    });
    await findReaderText();
    await waitFor(() => expect(screen.getByTestId("reader").querySelectorAll("[data-para-text]")).toHaveLength(3));
    selectInReader("resumed");
    fireEvent.click(screen.getByTestId("make-note"));
    const popover = screen.getByTestId("note-popover");
    fireEvent.change(within(popover).getByTestId("tag-input"), { target: { value: "trade" } });
    fireEvent.click(await within(popover).findByTestId("tag-option"));
    fireEvent.change(within(popover).getByTestId("tag-input"), { target: { value: "Politics/Elections" } });
    fireEvent.keyDown(within(popover).getByTestId("tag-input"), { key: "Enter" });
    // Enter in the tag field adds a tag; it does not save the note.
    expect(backend.callsTo("add_annotation")).toEqual([]);
    fireEvent.click(within(popover).getByRole("button", { name: "Save" }));
    await screen.findByText("Note saved");
    expect(backend.callsTo("add_annotation")).toHaveLength(1);
    expect(backend.callsTo("set_annotation_tags")).toEqual([{ annotation_id: 9, paths: ["Economy/Trade", "Politics/Elections"] }]);
  });

  it("colours a highlight by its first tag and edits a note's tags from the side panel", async () => {
    const backend = await renderApp({
      ...defaultHandlers(articleView({ annotations: [taggedNote("#c0392b")] })),
      tags: () => TAGS,
      set_annotation_tags: ({ paths }) => ({ ...taggedNote("#c0392b"), tags: paths }),
      set_tag_colour: ({ id, colour }) => ({ id, path: "Economy/Trade", colour }),
    });
    const reader = await findReaderText();
    const mark = await waitFor(() => {
      const found = reader.querySelector("mark.highlight-tagged") as HTMLElement | null;
      expect(found).not.toBeNull();
      return found!;
    });
    expect(mark.textContent).toBe("𝕏 city");
    expect(mark.style.getPropertyValue("--highlight-colour")).toBe("#c0392b");

    const note = await screen.findByTestId("side-note");
    expect(within(note).getByTestId("note-tag").textContent).toBe("Economy/Trade");
    fireEvent.click(within(note).getByRole("button", { name: "Tags of this note" }));
    fireEvent.click(within(note).getByRole("button", { name: "Remove Economy/Trade" }));
    await waitFor(() => expect(backend.callsTo("set_annotation_tags")).toEqual([{ annotation_id: 6, paths: [] }]));
    fireEvent.change(within(note).getByTestId("tag-input"), { target: { value: "Security" } });
    fireEvent.click(await within(note).findByTestId("tag-option"));
    await waitFor(() => expect(backend.callsTo("set_annotation_tags").at(-1)).toEqual({ annotation_id: 6, paths: ["Security/Border"] }));
  });
});
