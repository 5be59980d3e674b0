import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../App";
import { FeedbackProvider } from "../components/Feedback";
import type { ArticleView } from "../bindings/ArticleView";
import { fakeBackend, type FakeBackend, type Handler } from "./backend";
import { ACTORS, NOTEBOOK, SUMMARIES, articleView, emptyProfile } from "./fixtures";

/** Answers for every command the app calls on start and in the reader. */
export function defaultHandlers(view: ArticleView = articleView()): Record<string, Handler> {
  return {
    notebook_info: () => NOTEBOOK,
    list_articles: () => SUMMARIES,
    article_page: ({ query }) => {
      const { offset, limit } = query as { offset: number; limit: number };
      return { total: SUMMARIES.length, offset, rows: SUMMARIES.slice(offset, offset + limit) };
    },
    article_position: ({ id }) => {
      const at = SUMMARIES.findIndex((s) => s.id === id);
      return at < 0 ? null : at;
    },
    statement_page: ({ query }) => ({ total: 0, offset: (query as { offset: number }).offset, rows: [] }),
    get_article: () => view,
    list_dossiers: () => [],
    list_actors: () => ACTORS,
    list_statements: () => [],
    article_variants: () => [],
    article_extensions: () => ["txt", "md", "docx"],
    take_launch_request: () => ({ notebook: null, files: [] }),
    tags: () => [],
    anchors_needing_review: () => [],
    actor_profile: ({ actor_id }) => emptyProfile(ACTORS.find((a) => a.id === actor_id) ?? ACTORS[0]),
  };
}

/** Renders the whole app against a fake back end and waits until it is ready. */
export async function renderApp(overrides: Record<string, Handler> = {}): Promise<FakeBackend> {
  const backend = fakeBackend({ ...defaultHandlers(), ...overrides });
  render(
    <FeedbackProvider>
      <App />
    </FeedbackProvider>,
  );
  await screen.findByTestId("app-ready");
  return backend;
}

/**
 * Selects `needle` in the reader the way a mouse would: a DOM Range over the
 * paragraph's text node, then mouseup.
 */
export function selectInReader(needle: string) {
  const reader = screen.getByTestId("reader");
  const container = Array.from(reader.querySelectorAll("[data-para-text]")).find((el) =>
    el.textContent?.includes(needle),
  );
  if (!container) throw new Error(`"${needle}" is not in the reader`);
  const textNode = Array.from(container.childNodes).find((node) => node.textContent?.includes(needle))!;
  const at = textNode.textContent!.indexOf(needle);
  const range = document.createRange();
  range.setStart(textNode, at);
  range.setEnd(textNode, at + needle.length);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  fireEvent.mouseUp(container);
}

/** Waits until the reader shows an article's text (the list's first page opens it). */
export async function findReaderText(): Promise<HTMLElement> {
  return waitFor(() => {
    const reader = screen.getByTestId("reader");
    if (!reader.querySelector("[data-para-text]")) throw new Error("the reader shows no text yet");
    return reader;
  });
}
