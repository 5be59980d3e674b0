import { useEffect, useState } from "react";
import type { ArticleSummary } from "../../bindings/ArticleSummary";
import { SelectableButton } from "../../components/SelectableList";
import { api, errorMessage } from "../../lib/api";

const SEARCH_DELAY_MS = 250;
export const FALLBACK_TITLE_HINT = "No headline in the file — click the title in the reader to set one";

type ArticleListProps = {
  articles: ArticleSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Changes whenever the notebook's contents change, so a search runs again. */
  version: number;
};

export function ArticleList({ articles, selectedId, onSelect, version }: ArticleListProps) {
  const [query, setQuery] = useState("");
  const [submitted, setSubmitted] = useState("");
  const [results, setResults] = useState<ArticleSummary[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  // Search as the user types, after a short pause; Enter searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setSubmitted(query.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    if (!submitted) {
      setResults(null);
      setSearchError(null);
      return;
    }
    let current = true;
    api
      .searchArticles(submitted)
      .then((found) => {
        if (!current) return;
        setResults(found);
        setSearchError(null);
      })
      .catch((err: unknown) => {
        if (current) setSearchError(errorMessage(err));
      });
    return () => {
      current = false;
    };
  }, [submitted, version]);

  const shown = submitted ? (results ?? []) : articles;

  return (
    <aside className="article-column">
      <form
        className="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(query.trim());
        }}
      >
        <input
          type="search"
          className="input"
          placeholder="Search articles"
          aria-label="Search articles"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </form>
      {searchError && (
        <p className="inline-error" role="alert">
          {searchError}
        </p>
      )}
      <div className="article-list" data-testid="article-list">
        {shown.length === 0 && (
          <p className="empty-hint">
            {submitted ? "No article matches." : "No articles yet. Use Import… or drop files onto the window."}
          </p>
        )}
        {shown.map((article) => (
          <ArticleItem
            key={article.id}
            article={article}
            selected={article.id === selectedId}
            onSelect={() => onSelect(article.id)}
          />
        ))}
      </div>
    </aside>
  );
}

function ArticleItem({ article, selected, onSelect }: { article: ArticleSummary; selected: boolean; onSelect: () => void }) {
  const byline = [article.byline, article.outlet].filter(Boolean).join(" · ");
  return (
    <SelectableButton className="article-item" selected={selected} onSelect={onSelect} testId="article-item">
      <span
        className={article.title_is_fallback ? "article-title fallback-title" : "article-title"}
        title={article.title_is_fallback ? FALLBACK_TITLE_HINT : undefined}
      >
        {article.display_title}
      </span>
      {byline && <span className="article-byline">{byline}</span>}
      <span className="article-source">{article.source_name}</span>
    </SelectableButton>
  );
}
