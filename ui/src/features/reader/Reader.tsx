import { useEffect, useMemo, useRef, useState } from "react";
import type { Span } from "../../bindings/Span";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { sliceByCodePoints } from "../../lib/offsets";
import { useEscape } from "../../lib/useEscape";
import { isTyping } from "../../lib/shortcuts";
import { useAfterPaint } from "../../lib/useAfterPaint";
import { useLoader } from "../../lib/useLoader";
import { ArticleText, type ArticleTextHandle, type TextSelection } from "./ArticleText";
import { ActorPopover } from "./ActorPopover";
import { collectHighlights, pendingProposals } from "./highlights";
import { NotePopover } from "./NotePopover";
import { NeedsReview } from "./NeedsReview";
import { nextAfter, ProposalReview, reviewAction, type SpeakerCorrection } from "./ProposalReview";
import { ReaderHeader } from "./ReaderHeader";
import { ReaderSidePanel } from "./ReaderSidePanel";
import { SelectionToolbar } from "./SelectionToolbar";
import { StatementDialog } from "./StatementDialog";

type ReaderProps = {
  articleId: number;
  /** Bumped when the notebook changes under us. */
  version: number;
  /** Called after the article's metadata changed; the caller reloads (list and reader). */
  onArticleChanged: () => void;
  /** Opens another article (a related one). */
  onOpenArticle: (id: number) => void;
  /** The article went to the trash. */
  onArticleDeleted: () => void;
  /** A span to show and mark (where a search result opened the article), in code points. */
  match?: Span | null;
};

/** What the analyst is doing with the current selection. */
type SelectionTool = "toolbar" | "note" | "statement" | "actor";

/** The selection tool a key asks for (N note, Q statement, C actor), if any. */
export function annotateKey(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "target">): SelectionTool | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  if (document.querySelector("[aria-modal='true']")) return null;
  return ({ n: "note", q: "statement", c: "actor" } as const)[event.key.toLowerCase() as "n" | "q" | "c"] ?? null;
}

/**
 * User Timing entries for how long an article takes from being chosen to its first
 * paint: `article-painted-ID` (tests/bench/app.mjs reads them; the profiler shows them),
 * with the steps between: `article-loaded-ID` (its view arrived from the back end) and
 * `article-rendered-ID` (React has put it in the page).
 */
function useOpenTiming(articleId: number, shown: boolean) {
  useEffect(() => {
    performance.mark(`article-open-${articleId}`);
  }, [articleId]);
  useEffect(() => {
    if (!shown) return;
    try {
      performance.measure(`article-rendered-${articleId}`, `article-open-${articleId}`);
    } catch {
      // No mark to measure from.
    }
    // The frame after this commit is painted before a task queued from its callback runs.
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          performance.measure(`article-painted-${articleId}`, `article-open-${articleId}`);
        } catch {
          // The mark is gone (performance entries cleared): nothing to measure.
        }
      }),
    );
  }, [articleId, shown]);
}

/**
 * Listens to key presses on the page for as long as the reader is mounted, always
 * calling the latest `handler`: re-subscribing on every render would leave moments
 * with no listener, when a key pressed right after the text appeared was lost.
 */
function useLatestKeyHandler(handler: (event: KeyboardEvent) => void) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => latest.current(event);
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

/** Where to float tools for the proposal under review: below its highlight. */
function focusAnchor(): TextSelection["anchor"] {
  const rect = document.querySelector("mark.highlight-focus")?.getBoundingClientRect?.();
  return rect ? { x: rect.left + rect.width / 2, y: rect.bottom } : { x: 0, y: 0 };
}

export function Reader({ articleId, version, onArticleChanged, onOpenArticle, onArticleDeleted, match = null }: ReaderProps) {
  const { toast, showError } = useFeedback();
  const view = useLoader(
    () =>
      api.getArticle(articleId).then((loaded) => {
        try {
          performance.measure(`article-loaded-${articleId}`, `article-open-${articleId}`);
        } catch {
          // No mark to measure from.
        }
        return loaded;
      }),
    [articleId, version],
  );
  const dossiers = useLoader(() => api.listDossiers(), [version]);
  const actors = useLoader(() => api.listActors(), [version]);
  // Again whenever the article's statements change.
  const variants = useLoader(() => api.articleVariants(articleId), [articleId, version, view.data]);
  const variantsOf = useMemo(
    () => new Map((variants.data ?? []).map((entry) => [entry.statement_id, entry.variants])),
    [variants.data],
  );
  useOpenTiming(articleId, view.data?.article.id === articleId);
  // The side panel follows the text by a painted frame: the text is what was asked
  // for, and the panel's lists of controls would hold its first paint back.
  const side = useAfterPaint(view.data);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [tool, setTool] = useState<SelectionTool>("toolbar");
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [editingSpeaker, setEditingSpeaker] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const textRef = useRef<ArticleTextHandle>(null);

  const closeTools = () => {
    setSelection(null);
    setTool("toolbar");
  };
  useEffect(closeTools, [articleId]);
  useEscape(() => {
    if (tool === "toolbar") closeTools();
  });

  const proposals = useMemo(() => (view.data ? pendingProposals(view.data.statements) : []), [view.data]);
  // The proposal under review: the one chosen while it is still pending, else the first.
  const focused = proposals.find((p) => p.id === focusedId) ?? proposals[0] ?? null;
  const highlights = useMemo(() => {
    if (!view.data) return [];
    const all = collectHighlights(view.data, focused?.id ?? null);
    return match ? [...all, { ...match, kind: "match" as const, label: "Search match" }] : all;
  }, [view.data, focused?.id, match]);

  // Opened from a search result: the match is scrolled to once the text is there.
  const shown = view.data?.article.id === articleId;
  useEffect(() => {
    if (!shown || !match) return;
    requestAnimationFrame(() => textRef.current?.reveal(match.start, { selector: "mark.highlight-match" }));
  }, [shown, match]);

  // The text follows the review: the proposal under review is scrolled into view.
  const focusedStart = focused?.content[0]?.start;
  useEffect(() => {
    if (focusedStart === undefined) return;
    textRef.current?.reveal(focusedStart, { selector: "mark.highlight-focus", smooth: true });
  }, [focusedStart]);

  const review = async (id: number, action: () => Promise<unknown>, message: string) => {
    if (reviewing) return;
    setReviewing(true);
    try {
      await action();
      setFocusedId(nextAfter(proposals, id));
      setEditingSpeaker(false);
      view.reload();
      toast(message);
    } catch (err) {
      showError(err);
    } finally {
      setReviewing(false);
    }
  };
  const accept = (id: number) => review(id, () => api.acceptStatement(id), "Statement accepted");
  const reject = (id: number) => review(id, () => api.rejectStatement(id), "Proposal rejected");
  const correctSpeaker = async (id: number, correction: SpeakerCorrection) => {
    setReviewing(true);
    try {
      const actor =
        correction.type === "existing" ? correction.actor : await api.addActor({ name: correction.name, kind: "person", aliases: [] });
      await api.setStatementActors(id, "speaker", [actor.id]);
      setFocusedId(id);
      setEditingSpeaker(false);
      view.reload();
      if (correction.type === "new") actors.reload();
      toast(`Speaker: ${actor.name}`);
    } catch (err) {
      showError(err);
    } finally {
      setReviewing(false);
    }
  };

  // One key per decision while the text has the keyboard (not a field or a dialog).
  const reviewKeysOn = selection === null && !editingSpeaker && focused !== null;
  const onReviewKey = (event: KeyboardEvent) => {
    if (!reviewKeysOn || !focused) return;
    const action = reviewAction(event);
    if (!action) return;
    event.preventDefault();
    const index = proposals.indexOf(focused);
    if (action === "accept") void accept(focused.id);
    else if (action === "reject") void reject(focused.id);
    else if (action === "speaker") setEditingSpeaker(true);
    else if (action === "next") setFocusedId(proposals[Math.min(index + 1, proposals.length - 1)].id);
    else setFocusedId(proposals[Math.max(index - 1, 0)].id);
  };

  // Annotating without the mouse: N, Q, C act on the selection; with nothing selected,
  // N annotates the proposal under review.
  const toolKeysOn = tool === "toolbar" && !editingSpeaker && (selection !== null || focused !== null);
  const onToolKey = (event: KeyboardEvent) => {
    if (!toolKeysOn) return;
    const chosen = annotateKey(event);
    if (!chosen) return;
    if (!selection) {
      const span = focused?.content[0];
      if (chosen !== "note" || !span) return;
      event.preventDefault();
      setSelection({ span: { start: span.start, end: span.end }, anchor: focusAnchor() });
    } else {
      event.preventDefault();
    }
    setTool(chosen);
  };
  useLatestKeyHandler(onReviewKey);
  useLatestKeyHandler(onToolKey);

  if (!view.data || view.data.article.id !== articleId) {
    return (
      <div className="reader reader-empty" data-testid="reader">
        <p className="empty-hint">{view.error ? "This article could not be opened." : "Loading…"}</p>
      </div>
    );
  }

  const { article, paragraphs } = view.data;

  const afterSaving = (message: string) => {
    window.getSelection()?.removeAllRanges();
    closeTools();
    view.reload();
    toast(message);
  };

  const saveNote = async (note: string, tags: string[]) => {
    if (!selection) return;
    try {
      const added = await api.addAnnotation(article.id, selection.span, note);
      if (tags.length > 0) await api.setAnnotationTags(added.id, tags);
      afterSaving("Note saved");
    } catch (err) {
      showError(err);
    }
  };

  const reveal = (position: number) => textRef.current?.reveal(position, { smooth: true });

  return (
    <div className="reader-layout">
      <article className="reader" data-testid="reader">
        <ReaderHeader article={article} onChanged={onArticleChanged} onDeleted={onArticleDeleted} />
        <ArticleText
          ref={textRef}
          text={article.text}
          paragraphs={paragraphs}
          highlights={highlights}
          onSelection={(next) => {
            setSelection(next);
            setTool("toolbar");
          }}
        />
      </article>
      {side?.article.id !== article.id ? (
        <aside className="reader-side" aria-label="Statements and notes" aria-busy="true" />
      ) : (
        <ReaderSidePanel
          needsReview={
            <NeedsReview
              articleId={article.id}
              version={view.data}
              selection={selection?.span ?? null}
              onChanged={view.reload}
              onReveal={reveal}
            />
          }
          onChanged={view.reload}
          review={
            <ProposalReview
              proposals={proposals}
              focusedId={focused?.id ?? null}
              editingSpeaker={editingSpeaker}
              actors={actors.data ?? []}
              busy={reviewing}
              onFocus={(id) => {
                setFocusedId(id);
                setEditingSpeaker(false);
              }}
              onAccept={(id) => void accept(id)}
              onReject={(id) => void reject(id)}
              onEditSpeaker={setEditingSpeaker}
              onSpeaker={(id, correction) => void correctSpeaker(id, correction)}
              variantsOf={variantsOf}
              onOpenArticle={onOpenArticle}
            />
          }
          variantsOf={variantsOf}
          statements={side.statements}
          annotations={side.annotations}
          related={side.related}
          dossiers={dossiers.data ?? []}
          onReveal={reveal}
          onOpenArticle={onOpenArticle}
        />
      )}

      {selection && tool === "toolbar" && (
        <SelectionToolbar
          anchor={selection.anchor}
          onNote={() => setTool("note")}
          onStatement={() => setTool("statement")}
          onActor={() => setTool("actor")}
        />
      )}
      {selection && tool === "note" && (
        <NotePopover
          anchor={selection.anchor}
          passage={sliceByCodePoints(article.text, selection.span.start, selection.span.end)}
          onSave={saveNote}
          onClose={closeTools}
        />
      )}
      {selection && tool === "actor" && (
        <ActorPopover
          anchor={selection.anchor}
          name={sliceByCodePoints(article.text, selection.span.start, selection.span.end)}
          actors={actors.data ?? []}
          onClose={closeTools}
          onSaved={(message) => {
            actors.reload();
            afterSaving(message);
          }}
        />
      )}
      {selection && tool === "statement" && (
        <StatementDialog
          articleId={article.id}
          articleText={article.text}
          span={selection.span}
          onClose={closeTools}
          onSaved={() => afterSaving("Statement saved")}
        />
      )}
    </div>
  );
}
