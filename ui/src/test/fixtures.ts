import type { ActorProfile } from "../bindings/ActorProfile";
import type { Actor } from "../bindings/Actor";
import type { Anchor } from "../bindings/Anchor";
import type { ArticleSummary } from "../bindings/ArticleSummary";
import type { ArticleView } from "../bindings/ArticleView";
import type { Dossier } from "../bindings/Dossier";
import type { DossierDetail } from "../bindings/DossierDetail";
import type { DossierItem } from "../bindings/DossierItem";
import type { NotebookInfo } from "../bindings/NotebookInfo";
import type { Span } from "../bindings/Span";
import type { Statement } from "../bindings/Statement";

export const NOTEBOOK: NotebookInfo = { path: "/home/analyst/china-2024.attest", article_count: 2, cloud_warning: null };

// Astral characters (𝕏, 🙂) before the quote make UTF-16 and code point offsets differ.
export const ARTICLE_TEXT =
  "Talks in 𝕏 city 🙂 resumed.\n\nThe minister (🇨🇳) said “we will not back down” on Tuesday.\n\nOfficials said talks would continue.";

/** Code point position of `needle` in `text` (the way the back end counts). */
export function codePointIndexOf(text: string, needle: string): number {
  return Array.from(text.slice(0, text.indexOf(needle))).length;
}

export function spanOf(text: string, needle: string): Span {
  const start = codePointIndexOf(text, needle);
  return { start, end: start + Array.from(needle).length };
}

/** Paragraphs separated by blank lines, as code point spans. */
function paragraphSpans(text: string): Span[] {
  return text.split("\n\n").map((paragraph) => spanOf(text, paragraph));
}

export const SUMMARIES: ArticleSummary[] = [
  {
    id: 1,
    display_title: "Minister rules out concessions",
    title_is_fallback: false,
    byline: "Jane Doe",
    outlet: "The Daily",
    published: "2024-03-05",
    source_name: "minister.md",
    imported_at: "2024-03-06T10:00:00Z",
  },
  {
    id: 2,
    display_title: "Officials met on Monday…",
    title_is_fallback: true,
    byline: null,
    outlet: null,
    published: null,
    source_name: "untitled.txt",
    imported_at: "2024-03-06T10:01:00Z",
  },
];

export function articleView(overrides: Partial<ArticleView> = {}): ArticleView {
  return {
    article: {
      id: 1,
      meta: {
        title: "Minister rules out concessions",
        byline: "Jane Doe",
        outlet: "The Daily",
        published: "2024-03-05",
        dateline: "BEIJING",
        language: "en",
        url: null,
      },
      fallback_title: "Talks in 𝕏 city 🙂 resumed.",
      text: ARTICLE_TEXT,
      format: "markdown",
      source_name: "minister.md",
      imported_at: "2024-03-06T10:00:00Z",
    },
    paragraphs: paragraphSpans(ARTICLE_TEXT),
    related: [],
    annotations: [],
    statements: [],
    mentions: [],
    ...overrides,
  };
}

export const ACTORS: Actor[] = [
  { id: 1, name: "Xi Jinping", kind: "person", aliases: ["Xi", "President Xi"], statement_count: 4 },
  { id: 2, name: "Ministry of Foreign Affairs", kind: "organization", aliases: ["MFA"], statement_count: 1 },
];

export function anchorFor(text: string, needle: string): Anchor {
  return { ...spanOf(text, needle), exact: needle, prefix: "", suffix: "" };
}

export function statement(id: number, quote: string, speaker = "Wang Yi"): Statement {
  return {
    id,
    article_id: 1,
    article_title: "Minister rules out concessions",
    speakers: [{ id: 7, name: speaker }],
    speaker_mention: null,
    cue: null,
    content: [{ start: 0, end: Array.from(quote).length, exact: quote, prefix: "", suffix: "" }],
    kind: "direct",
    status: "accepted",
    stance: null,
    topics: [],
    created_at: "2024-03-06T11:00:00Z",
    confidence: null,
    reported_via: null,
    date: null,
    addressees: [],
    targets: [],
    anchor_status: "ok",
  };
}

export const DOSSIER: Dossier = {
  id: 3,
  title: "Red lines",
  description: "What officials said about concessions",
  item_count: 3,
  query: null,
  created_at: "2024-03-07T09:00:00Z",
};

export function dossierDetail(items: DossierItem[]): DossierDetail {
  return { dossier: { ...DOSSIER, item_count: items.length }, items };
}

export const DOSSIER_ITEMS: DossierItem[] = [
  { id: 10, position: 0, entry: { type: "statement", statement: statement(21, "we will not back down") }, commentary: "" },
  { id: 11, position: 1, entry: { type: "commentary" }, commentary: "Compare with last year." },
  { id: 12, position: 2, entry: { type: "missing" }, commentary: "" },
];

export const SECTION_AND_ARTICLE_ITEMS: DossierItem[] = [
  { id: 13, position: 0, entry: { type: "section", title: "Reactions in Beijing" }, commentary: "" },
  { id: 14, position: 1, entry: { type: "article", article: SUMMARIES[0] }, commentary: "Read in full." },
  { id: 10, position: 2, entry: { type: "statement", statement: statement(21, "we will not back down") }, commentary: "" },
];

/** An actor's page with nothing on it but the actor. */
export function emptyProfile(actor: Actor): ActorProfile {
  return {
    actor,
    details: { notes: "", wikidata: null, colour: null },
    gazetteer_code: null,
    aliases: [],
    roles: [],
    member_of: [],
    members: [],
    merged: [],
    merged_into: null,
    mention_count: 0,
    articles: [],
    statements: [],
  };
}
