import { describe, expect, it } from "vitest";
import { parseList, quoted, truncate } from "./format";

describe("format", () => {
  it("quotes a passage once, keeping quotation marks it already has", () => {
    expect(quoted("no deal")).toBe("“no deal”");
    expect(quoted("“no deal”")).toBe("“no deal”");
    expect(quoted('"no deal"')).toBe('"no deal"');
    expect(quoted("“no deal, he said")).toBe("“no deal, he said”");
  });

  it("truncates by code points without splitting an emoji", () => {
    expect(truncate("ab🙂cd", 4)).toBe("ab🙂…");
    expect(truncate("short", 10)).toBe("short");
  });

  it("splits comma separated lists", () => {
    expect(parseList(" Wang , FM Wang,, ")).toEqual(["Wang", "FM Wang"]);
  });
});
