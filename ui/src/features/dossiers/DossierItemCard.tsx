import { useEffect, useState, type DragEvent } from "react";
import type { DossierItem } from "../../bindings/DossierItem";
import { articleCredits, quoted, quoteText, speakerLabel } from "../../lib/format";

/** What the analyst can do to an item; absent while the dossier is a saved query. */
export type ItemEditing = {
  isFirst: boolean;
  isLast: boolean;
  onMoveUp: () => void;
  onMoveDown: () => void;
  onRemove: () => void;
  onCommentary: (text: string) => void;
  onDragStart: () => void;
  onDropHere: () => void;
};

type DossierItemCardProps = {
  item: DossierItem;
  /** Null shows the item read-only. */
  editing: ItemEditing | null;
};

export function DossierItemCard({ item, editing }: DossierItemCardProps) {
  const dragHandlers = editing && {
    draggable: true,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer?.setData("text/plain", String(item.id));
      editing.onDragStart();
    },
    onDragOver: (event: DragEvent) => event.preventDefault(),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      editing.onDropHere();
    },
  };
  const controls = editing && <ItemControls editing={editing} />;

  if (item.entry.type === "section") {
    return (
      <li className="dossier-item dossier-item-section" data-testid="dossier-item" data-item-id={item.id} {...dragHandlers}>
        <h2 className="entry-section" data-testid="dossier-section">
          {item.entry.title}
        </h2>
        {controls}
      </li>
    );
  }

  const isCommentary = item.entry.type === "commentary";
  return (
    <li
      className={`dossier-item dossier-item-${item.entry.type}`}
      data-testid="dossier-item"
      data-item-id={item.id}
      {...dragHandlers}
    >
      <ItemEntry item={item} />
      {editing ? (
        <CommentaryField
          label={isCommentary ? "Commentary paragraph" : "Your commentary"}
          saved={item.commentary}
          onSave={editing.onCommentary}
        />
      ) : (
        item.commentary && <p className="entry-commentary">{item.commentary}</p>
      )}
      {controls}
    </li>
  );
}

function ItemControls({ editing }: { editing: ItemEditing }) {
  return (
    <div className="item-controls">
      <button
        type="button"
        className="button button-small"
        onClick={editing.onMoveUp}
        disabled={editing.isFirst}
        aria-label="Move up"
      >
        ↑ Up
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={editing.onMoveDown}
        disabled={editing.isLast}
        aria-label="Move down"
      >
        ↓ Down
      </button>
      <button type="button" className="button button-small button-danger" onClick={editing.onRemove}>
        Remove
      </button>
    </div>
  );
}

function ItemEntry({ item }: { item: DossierItem }) {
  const { entry } = item;
  switch (entry.type) {
    case "statement":
      return (
        <figure className="entry-statement">
          <blockquote>{quoted(quoteText(entry.statement.content))}</blockquote>
          <figcaption>
            — <strong>{speakerLabel(entry.statement)}</strong>, <cite>{entry.statement.article_title}</cite>
          </figcaption>
        </figure>
      );
    case "annotation":
      return (
        <figure className="entry-annotation">
          <blockquote>{quoted(entry.annotation.anchor.exact)}</blockquote>
          <figcaption>
            <cite>{entry.article_title}</cite>
          </figcaption>
          {entry.annotation.note && <p className="entry-note">Note: {entry.annotation.note}</p>}
        </figure>
      );
    case "article": {
      const { article } = entry;
      const credits = articleCredits(article);
      return (
        <div className="entry-article">
          <span className="entry-kind">Whole article</span>
          <cite className={article.title_is_fallback ? "article-title fallback-title" : "article-title"}>
            {article.display_title}
          </cite>
          {credits && <span className="article-byline">{credits}</span>}
          <span className="article-source">{article.source_name}</span>
        </div>
      );
    }
    case "section":
    case "commentary":
      return null;
    case "missing":
      return <p className="entry-missing">The statement, passage or article of this item was deleted from the notebook</p>;
  }
}

/** A textarea that saves when it loses focus, and only if the text changed. */
function CommentaryField({ label, saved, onSave }: { label: string; saved: string; onSave: (text: string) => void }) {
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <textarea
        className="input"
        rows={2}
        data-testid="item-commentary"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if (text !== saved) onSave(text);
        }}
      />
    </label>
  );
}
