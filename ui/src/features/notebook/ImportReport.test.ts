import { describe, expect, it } from "vitest";
import { reportLabels } from "./ImportReport";

describe("reportLabels", () => {
  it("names a file by its name when no other file of the report shares it", () => {
    expect(reportLabels(["/home/ana/news/a.txt", "/home/ana/news/b.pdf"])).toEqual(["a.txt", "b.pdf"]);
  });

  it("adds the folders that tell files of one name apart", () => {
    expect(
      reportLabels([
        "/drop/pages/bbc-1/source.html",
        "/drop/pages/bbc-2/source.html",
        "/drop/other/x/bbc-1/source.html",
        "/drop/pages/notes.md",
      ]),
    ).toEqual(["pages/bbc-1/source.html", "bbc-2/source.html", "x/bbc-1/source.html", "notes.md"]);
  });

  it("keeps an article's part and shows a file dropped twice the same way both times", () => {
    expect(
      reportLabels(["C:\\mail\\a\\news.mbox › message 2: Talks", "C:\\mail\\b\\news.mbox", "C:\\mail\\b\\news.mbox"]),
    ).toEqual(["a/news.mbox › message 2: Talks", "b/news.mbox", "b/news.mbox"]);
  });

  it("tells 10,000 same-named files apart in a few passes", () => {
    const files = Array.from({ length: 10_000 }, (_, i) => `/corpus/page-${i}/source.html`);
    const labels = reportLabels(files);
    expect(new Set(labels).size).toBe(10_000);
    expect(labels[42]).toBe("page-42/source.html");
  });
});
