import { useRef, useState } from "react";
import type { Article } from "../../bindings/Article";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { DeleteButton } from "../../components/DeleteButton";
import { FALLBACK_TITLE_HINT } from "../articles/ArticleList";
import { chooseArticleFile } from "../notebook/dialogs";
import { reattachSummary } from "./NeedsReview";

type ReaderHeaderProps = {
  article: Article;
  onChanged: () => void;
  /** The article went to the trash. */
  onDeleted: () => void;
};

export function ReaderHeader({ article, onChanged, onDeleted }: ReaderHeaderProps) {
  const { meta } = article;
  const details = [meta.byline, meta.outlet, meta.dateline, meta.published, meta.language, article.source_name].filter(
    (value): value is string => Boolean(value),
  );
  return (
    <header className="reader-header">
      <TitleEditor article={article} onChanged={onChanged} />
      <p className="reader-meta" data-testid="reader-meta">
        {details.join(" · ")}
      </p>
      {meta.url && <p className="reader-url">{meta.url}</p>}
      <div className="reader-actions">
        <ReplaceText article={article} onChanged={onChanged} />
        <DeleteButton label="Delete article" testId="delete-article" remove={() => api.deleteArticle(article.id)} onDeleted={onDeleted} />
      </div>
    </header>
  );
}

/** The one file to take an article's corrected text from (null when cancelled). */
/**
 * "Replace text from file…": a corrected file (or a better extraction) replaces the
 * article's text; highlights and statements are re-attached and the report says how.
 */
function ReplaceText({ article, onChanged }: Pick<ReaderHeaderProps, "article" | "onChanged">) {
  const { toast, showError } = useFeedback();
  const [busy, setBusy] = useState(false);
  const replace = async () => {
    try {
      const path = await chooseArticleFile();
      if (path === null) return;
      setBusy(true);
      const report = await api.reimportArticle(article.id, path);
      toast(`Text replaced: ${reattachSummary(report)}`);
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
        type="button"
        className="button button-small"
        data-testid="replace-text"
        disabled={busy}
        title="Take this article's text from a corrected file; highlights and statements follow their words"
        onClick={() => void replace()}
      >
        {busy ? "Replacing…" : "Replace text from file…"}
      </button>
  );
}

/** The headline; click to edit, Enter (or leaving the field) saves, Escape cancels. */
function TitleEditor({ article, onChanged }: Pick<ReaderHeaderProps, "article" | "onChanged">) {
  const { showError } = useFeedback();
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const title = article.meta.title;

  const startEditing = () => {
    cancelled.current = false;
    setDraft(title ?? "");
  };

  const commit = async () => {
    if (draft === null || cancelled.current) return;
    const next = draft.trim() || null;
    setDraft(null);
    if (next === title) return;
    try {
      await api.updateArticleMeta(article.id, { ...article.meta, title: next });
      onChanged();
    } catch (err) {
      showError(err);
    }
  };

  if (draft !== null) {
    return (
      <form
        className="title-form"
        onSubmit={(event) => {
          event.preventDefault();
          void commit();
        }}
      >
        <input
          className="title-input"
          aria-label="Title"
          data-testid="title-input"
          autoFocus
          placeholder={article.fallback_title}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              cancelled.current = true;
              setDraft(null);
            }
          }}
        />
      </form>
    );
  }

  return (
    <h1 className="reader-title">
      <button
        type="button"
        className={title ? "title-button" : "title-button fallback-title"}
        data-testid="reader-title"
        title={title ? "Click to edit the title" : FALLBACK_TITLE_HINT}
        onClick={startEditing}
      >
        {title ?? article.fallback_title}
      </button>
    </h1>
  );
}
