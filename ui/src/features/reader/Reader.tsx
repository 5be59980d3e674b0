import { useEffect, useMemo, useState } from "react";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { sliceByCodePoints } from "../../lib/offsets";
import { useEscape } from "../../lib/useEscape";
import { useLoader } from "../../lib/useLoader";
import { ArticleText, type TextSelection } from "./ArticleText";
import { collectHighlights } from "./highlights";
import { NotePopover } from "./NotePopover";
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
};

/** What the analyst is doing with the current selection. */
type SelectionTool = "toolbar" | "note" | "statement";

export function Reader({ articleId, version, onArticleChanged, onOpenArticle }: ReaderProps) {
  const { toast, showError } = useFeedback();
  const view = useLoader(() => api.getArticle(articleId), [articleId, version]);
  const dossiers = useLoader(() => api.listDossiers(), [version]);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [tool, setTool] = useState<SelectionTool>("toolbar");

  const closeTools = () => {
    setSelection(null);
    setTool("toolbar");
  };
  useEffect(closeTools, [articleId]);
  useEscape(() => {
    if (tool === "toolbar") closeTools();
  });

  const highlights = useMemo(() => (view.data ? collectHighlights(view.data) : []), [view.data]);

  if (!view.data || view.data.article.id !== articleId) {
    return (
      <div className="reader reader-empty" data-testid="reader">
        <p className="empty-hint">{view.error ? "This article could not be opened." : "Loading…"}</p>
      </div>
    );
  }

  const { article, paragraphs, annotations, statements, related } = view.data;

  const afterSaving = (message: string) => {
    window.getSelection()?.removeAllRanges();
    closeTools();
    view.reload();
    toast(message);
  };

  const saveNote = async (note: string) => {
    if (!selection) return;
    try {
      await api.addAnnotation(article.id, selection.span, note);
      afterSaving("Note saved");
    } catch (err) {
      showError(err);
    }
  };

  const reveal = (position: number) => {
    const paragraph = paragraphs.find((p) => p.start <= position && position < p.end) ?? paragraphs[0];
    if (paragraph) document.getElementById(`para-${paragraph.start}`)?.scrollIntoView?.({ block: "center", behavior: "smooth" });
  };

  return (
    <div className="reader-layout">
      <article className="reader" data-testid="reader">
        <ReaderHeader article={article} onChanged={onArticleChanged} />
        <ArticleText
          text={article.text}
          paragraphs={paragraphs}
          highlights={highlights}
          onSelection={(next) => {
            setSelection(next);
            setTool("toolbar");
          }}
        />
      </article>
      <ReaderSidePanel
        statements={statements}
        annotations={annotations}
        related={related}
        dossiers={dossiers.data ?? []}
        onReveal={reveal}
        onOpenArticle={onOpenArticle}
      />

      {selection && tool === "toolbar" && (
        <SelectionToolbar anchor={selection.anchor} onNote={() => setTool("note")} onStatement={() => setTool("statement")} />
      )}
      {selection && tool === "note" && (
        <NotePopover
          anchor={selection.anchor}
          passage={sliceByCodePoints(article.text, selection.span.start, selection.span.end)}
          onSave={saveNote}
          onClose={closeTools}
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
