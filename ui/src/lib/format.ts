import type { ActorRef } from "../bindings/ActorRef";
import type { Anchor } from "../bindings/Anchor";
import type { Statement } from "../bindings/Statement";

/** "Wang Yi, Ishaq Dar" */
export function speakerNames(actors: ActorRef[]): string {
  return actors.map((actor) => actor.name).join(", ");
}

/** Who a statement is attributed to, for lists and tooltips. */
export function speakerLabel(statement: Statement): string {
  if (statement.speakers.length > 0) return speakerNames(statement.speakers);
  return statement.speaker_mention?.exact ?? "Unknown speaker";
}

/** "to Ishaq Dar · about India · via a telephone call": what the coding adds to a quote. */
export function statementContext(statement: Statement): string {
  return [
    statement.addressees.length > 0 && `to ${speakerNames(statement.addressees)}`,
    statement.targets.length > 0 && `about ${speakerNames(statement.targets)}`,
    statement.reported_via && `via ${statement.reported_via}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The quoted words of a statement; several content spans are joined by an ellipsis. */
export function quoteText(content: Anchor[]): string {
  return content.map((anchor) => anchor.exact).join(" … ");
}

const OPENING_QUOTES = /^[“"‘„«]/u;
const CLOSING_QUOTES = /[”"’“»]$/u;

/** Wraps a passage in curly quotes, unless the selection already took its own. */
export function quoted(text: string): string {
  const open = OPENING_QUOTES.test(text) ? "" : "“";
  const close = CLOSING_QUOTES.test(text) ? "" : "”";
  return `${open}${text}${close}`;
}

/** Shortens long passages for lists; full text stays available elsewhere. */
export function truncate(text: string, max = 160): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** "a, b ,, c" → ["a", "b", "c"] */
export function parseList(input: string): string[] {
  return input
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export const ACTOR_KIND_LABELS = {
  person: "Person",
  organization: "Organisation",
  state: "State",
  party: "Party",
  media_outlet: "Media outlet",
  other: "Other",
} as const;

/** The file name of a path (either separator); the whole path belongs in a tooltip. */
export function fileName(path: string): string {
  return pathComponents(path).pop() || path;
}

/** A path's folders and name, split at either slash (paths come from any system). */
export function pathComponents(path: string): string[] {
  return path.split(/[\\/]/).filter((c) => c !== "");
}

export const STANCE_LABELS = {
  supports: "Supports",
  opposes: "Opposes",
  neutral: "Neutral",
} as const;

/** "Jane Doe · The Daily · 2024-03-05", leaving out what the article does not say. */
export function articleCredits(article: { byline: string | null; outlet: string | null; published: string | null }): string {
  return [article.byline, article.outlet, article.published].filter(Boolean).join(" · ");
}

const COUNT_FORMAT = new Intl.NumberFormat();

/** A count with the reader's digit grouping (1,000). */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

/** "1 article", "3 articles", "1,000 statements": a count and its noun. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
