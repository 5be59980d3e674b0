import type { DossierItem } from "../../bindings/DossierItem";
import { api } from "../../lib/api";
import { articleCredits } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";
import { Picker } from "./Picker";

type ArticlePickerProps = {
  version: number;
  items: DossierItem[];
  onAdd: (articleId: number) => void;
};

/** Every article not yet in the dossier as a whole, with a filter over title, byline, outlet and file. */
export function ArticlePicker({ version, items, onAdd }: ArticlePickerProps) {
  const articles = useLoader(() => api.listArticles(), [version]);
  const inDossier = new Set(items.flatMap((item) => (item.entry.type === "article" ? [item.entry.article.id] : [])));

  return (
    <Picker
      heading="Add articles"
      filterLabel="Filter articles"
      filterPlaceholder="Filter by title, byline, outlet or file"
      candidates={(articles.data ?? []).filter((a) => !inDossier.has(a.id))}
      searchText={(a) => [a.display_title, a.byline, a.outlet, a.source_name]}
      emptyHint="No other articles to add."
      addTestId="dossier-add-article"
      onAdd={onAdd}
      renderCandidate={(article) => (
        <>
          <strong className={article.title_is_fallback ? "fallback-title" : undefined}>{article.display_title}</strong>
          {articleCredits(article) && <span className="muted small"> · {articleCredits(article)}</span>}
        </>
      )}
    />
  );
}
