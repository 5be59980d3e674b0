import { useEffect, useState } from "react";
import type { DossierItem } from "../../bindings/DossierItem";
import { quoted, quoteText, speakerLabel } from "../../lib/format";

type DossierItemCardProps = {
  item: DossierItem;
  isFirst: boolean;
  isLast: boolean;
  onMoveUp: () => void;
  onMoveDown: () => void;
  onRemove: () => void;
  onCommentary: (text: string) => void;
  onDragStart: () => void;
  onDropHere: () => void;
};

export function DossierItemCard(props: DossierItemCardProps) {
  const { item, isFirst, isLast, onMoveUp, onMoveDown, onRemove, onCommentary, onDragStart, onDropHere } = props;
  const isCommentary = item.entry.type === "commentary";
  return (
    <li
      className={`dossier-item dossier-item-${item.entry.type}`}
      data-testid="dossier-item"
      data-item-id={item.id}
      draggable
      onDragStart={(event) => {
        event.dataTransfer?.setData("text/plain", String(item.id));
        onDragStart();
      }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        onDropHere();
      }}
    >
      <ItemEntry item={item} />
      <CommentaryField
        label={isCommentary ? "Commentary paragraph" : "Your commentary"}
        saved={item.commentary}
        onSave={onCommentary}
      />
      <div className="item-controls">
        <button type="button" className="button button-small" onClick={onMoveUp} disabled={isFirst} aria-label="Move up">
          ↑ Up
        </button>
        <button type="button" className="button button-small" onClick={onMoveDown} disabled={isLast} aria-label="Move down">
          ↓ Down
        </button>
        <button type="button" className="button button-small button-danger" onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
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
    case "commentary":
      return null;
    case "missing":
      return <p className="entry-missing">This statement was deleted</p>;
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
