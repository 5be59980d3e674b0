import { describe, expect, it } from "vitest";
import type { Actor } from "../../bindings/Actor";
import { segmentParagraph, type Highlight } from "./highlights";
import { matchActors } from "./SpeakerPicker";
import { shownProposals } from "./ProposalReview";
import { guessStatementKind } from "./statementKind";

describe("guessStatementKind", () => {
  const text = "He said “we will go” and that talks 🙂 would end.";
  const span = (needle: string) => {
    const start = Array.from(text.slice(0, text.indexOf(needle))).length;
    return { start, end: start + Array.from(needle).length };
  };

  it("is direct when the selection touches or contains a quotation mark", () => {
    expect(guessStatementKind(text, span("we will go"))).toBe("direct");
    expect(guessStatementKind(text, span("“we will go”"))).toBe("direct");
    expect(guessStatementKind(text, span("said “we"))).toBe("direct");
    expect(guessStatementKind('She said "no" twice', { start: 10, end: 12 })).toBe("direct");
  });

  it("is indirect otherwise", () => {
    expect(guessStatementKind(text, span("talks 🙂 would end"))).toBe("indirect");
    expect(guessStatementKind(text, span("He said"))).toBe("indirect");
  });
});

describe("segmentParagraph", () => {
  const note: Highlight = { start: 2, end: 6, kind: "note", label: "n" };
  const said: Highlight = { start: 4, end: 12, kind: "statement", label: "s" };

  it("cuts overlapping highlights into flat segments", () => {
    const segments = segmentParagraph({ start: 0, end: 10 }, [note, said]);
    expect(segments.map((s) => [s.start, s.end, s.highlights.map((h) => h.kind)])).toEqual([
      [0, 2, []],
      [2, 4, ["note"]],
      [4, 6, ["note", "statement"]],
      [6, 10, ["statement"]],
    ]);
  });

  it("ignores highlights in other paragraphs", () => {
    expect(segmentParagraph({ start: 20, end: 30 }, [note, said])).toEqual([{ start: 20, end: 30, highlights: [] }]);
  });
});

describe("matchActors", () => {
  const actor = (id: number, name: string, aliases: string[] = []): Actor => ({
    id,
    name,
    kind: "person",
    aliases,
    statement_count: 0,
  });
  const actors = [actor(1, "Antony Blinken", ["Secretary Blinken"]), actor(2, "Li Qiang", ["Premier Li"]), actor(3, "Qin Gang")];

  it("matches names and aliases, ignoring case, prefix matches first", () => {
    expect(matchActors(actors, "premier").map((a) => a.id)).toEqual([2]);
    expect(matchActors(actors, "qi").map((a) => a.id)).toEqual([3, 2]);
    expect(matchActors(actors, "nobody")).toEqual([]);
  });
});

describe("shownProposals", () => {
  const queue = Array.from({ length: 300 }, (_, i) => ({ id: i + 1 }));
  it("draws a window around the proposal under review, saying what lies outside it", () => {
    const first = shownProposals(queue, 1);
    expect(first.shown.map((p) => p.id)).toEqual(queue.slice(0, 15).map((p) => p.id));
    expect(first.before).toBeNull();
    expect(first.after?.id).toBe(16);

    const middle = shownProposals(queue, 150);
    expect(middle.start).toBe(146);
    expect(middle.shown[0].id).toBe(147);
    expect(middle.shown.some((p) => p.id === 150)).toBe(true);
    expect(middle.before?.id).toBe(146);
    expect(middle.after?.id).toBe(162);

    const last = shownProposals(queue, 300);
    expect(last.shown.at(-1)?.id).toBe(300);
    expect(last.after).toBeNull();
    expect(shownProposals(queue.slice(0, 5), 3).shown).toHaveLength(5);
    expect(shownProposals([], null).shown).toEqual([]);
  });
});
