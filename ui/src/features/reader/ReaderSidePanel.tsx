import { useState, type ReactNode } from "react";
import type { Annotation } from "../../bindings/Annotation";
import type { Dossier } from "../../bindings/Dossier";
import type { QuoteVariant } from "../../bindings/QuoteVariant";
import type { RelatedArticle } from "../../bindings/RelatedArticle";
import type { Statement } from "../../bindings/Statement";
import { DeleteButton } from "../../components/DeleteButton";
import { GrowingList } from "../../components/GrowingList";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { countOf, quoted, quoteText, speakerLabel, statementContext, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";
import { TagPicker } from "./TagPicker";
import { VariantNote } from "./VariantNote";

type ReaderSidePanelProps = {
  /** The proposed statements under review, above the rest. */
  review: ReactNode;
  /** Anchors a replaced text left unplaced (see `NeedsReview`), at the top. */
  needsReview?: ReactNode;
  /** After a highlight's tags changed: the reader loads the article again. */
  onChanged?: () => void;
  statements: Statement[];
  /** Near-identical quotes, by statement. */
  variantsOf: Map<number, QuoteVariant[]>;
  annotations: Annotation[];
  related: RelatedArticle[];
  dossiers: Dossier[];
  /** Scrolls the reader to a code-point position. */
  onReveal: (position: number) => void;
  onOpenArticle: (id: number) => void;
};

export function ReaderSidePanel({
  review,
  needsReview,
  onChanged,
  statements,
  variantsOf,
  annotations,
  related,
  dossiers,
  onReveal,
  onOpenArticle,
}: ReaderSidePanelProps) {
  // Proposals are under review above; rejected ones stay out of sight.
  const recorded = statements.filter((statement) => statement.status === "accepted");
  const rejected = statements.length - recorded.length - statements.filter((s) => s.status === "proposed").length;
  return (
    <aside className="reader-side" aria-label="Statements and notes">
      {needsReview}
      {review}
      <section>
        <h2 className="side-heading">Statements ({recorded.length})</h2>
        {recorded.length === 0 && <p className="empty-hint">Accept a proposal, or select text and choose Statement to record who said what.</p>}
        <GrowingList
          items={recorded}
          noun="statements"
          render={(statement) => (
            <li key={statement.id} className="side-item" data-testid="side-statement">
              <button type="button" className="side-link" onClick={() => onReveal(statement.content[0]?.start ?? 0)}>
                <strong>{speakerLabel(statement)}</strong> — {quoted(truncate(quoteText(statement.content), 140))}
              </button>
              <span className="badge">{statement.kind}</span>
              {statement.anchor_status === "needs_review" && <span className="badge badge-review">needs review</span>}
              {statementContext(statement) && <span className="side-note-text">{statementContext(statement)}</span>}
              <VariantNote articleId={statement.article_id} variants={variantsOf.get(statement.id) ?? []} onOpenArticle={onOpenArticle} />
              <DeleteButton label="Delete" testId="delete-statement" remove={() => api.deleteStatement(statement.id)} onDeleted={() => onChanged?.()} />
            </li>
          )}
        />
        {rejected > 0 && <p className="muted small">{countOf(rejected, "rejected proposal")} hidden.</p>}
      </section>
      <section>
        <h2 className="side-heading">Notes ({annotations.length})</h2>
        {annotations.length === 0 && <p className="empty-hint">Select text and choose Note to annotate it.</p>}
        <GrowingList
          items={annotations}
          noun="notes"
          render={(annotation) => (
            <li key={annotation.id} className="side-item" data-testid="side-note">
              <button type="button" className="side-link" onClick={() => onReveal(annotation.anchor.start)}>
                <span className="side-passage">{quoted(truncate(annotation.anchor.exact, 120))}</span>
                {annotation.note && <span className="side-note-text">{annotation.note}</span>}
              </button>
              {annotation.anchor_status === "needs_review" && <span className="badge badge-review">needs review</span>}
              <NoteTags annotation={annotation} onChanged={onChanged} />
              {dossiers.length > 0 && <AddNoteToDossier annotationId={annotation.id} dossiers={dossiers} />}
              <DeleteButton label="Delete" testId="delete-note" remove={() => api.deleteAnnotation(annotation.id)} onDeleted={() => onChanged?.()} />
            </li>
          )}
        />
      </section>
      {related.length > 0 && (
        <section>
          <h2 className="side-heading">Related articles ({related.length})</h2>
          <ul className="side-list">
            {related.map((other) => (
              <li key={other.id} className="side-item" data-testid="side-related">
                <button type="button" className="side-link" onClick={() => onOpenArticle(other.id)}>
                  {other.display_title}
                  {other.outlet && <span className="side-note-text">{other.outlet}</span>}
                </button>
                <span className="badge" title="Share of five-word runs the two texts have in common">
                  {Math.round(other.similarity * 100)} % alike
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

function AddNoteToDossier({ annotationId, dossiers }: { annotationId: number; dossiers: Dossier[] }) {
  const { toast, showError } = useFeedback();
  const [dossierId, setDossierId] = useState<number | "">("");
  return (
    <form
      className="inline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (dossierId === "") return;
        try {
          const detail = await api.addAnnotationToDossier(dossierId, annotationId);
          toast(`Note added to “${detail.dossier.title}”`);
          setDossierId("");
        } catch (err) {
          showError(err);
        }
      }}
    >
      <select
        className="input input-small"
        aria-label="Dossier for this note"
        value={dossierId}
        onChange={(event) => setDossierId(event.target.value ? Number(event.target.value) : "")}
      >
        <option value="">Add to dossier…</option>
        {dossiers.map((dossier) => (
          <option key={dossier.id} value={dossier.id}>
            {dossier.title}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small" disabled={dossierId === ""}>
        Add
      </button>
    </form>
  );
}

/** A note's tags as chips; "Tags…" opens the picker, whose changes are saved at once. */
function NoteTags({ annotation, onChanged }: { annotation: Annotation; onChanged?: () => void }) {
  const [editing, setEditing] = useState(false);
  const tags = annotation.tags ?? [];
  if (editing) return <NoteTagEditor annotation={annotation} onChanged={onChanged} onDone={() => setEditing(false)} />;
  return (
    <div className="note-tags" data-testid="note-tags">
      {tags.map((tag) => (
        <span key={tag.id} className="tag-chip" data-testid="note-tag">
          <span className="tag-swatch" style={{ background: tag.colour ?? "transparent" }} aria-hidden="true" />
          {tag.path}
        </span>
      ))}
      <button type="button" className="button button-small" aria-label={`Tags of this note`} onClick={() => setEditing(true)}>
        Tags…
      </button>
    </div>
  );
}

/** The tag picker of one note, with the notebook's tags (loaded only while it is open). */
function NoteTagEditor({ annotation, onChanged, onDone }: { annotation: Annotation; onChanged?: () => void; onDone: () => void }) {
  const { showError } = useFeedback();
  const [paths, setPaths] = useState<string[]>(() => (annotation.tags ?? []).map((t) => t.path));
  const known = useLoader(() => api.listTags(), []);

  const save = async (next: string[]) => {
    setPaths(next);
    try {
      await api.setAnnotationTags(annotation.id, next);
      known.reload();
      onChanged?.();
    } catch (err) {
      showError(err);
    }
  };
  const recolour = async (tagId: number, colour: string) => {
    try {
      await api.setTagColour(tagId, colour);
      known.reload();
      onChanged?.();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div className="note-tags" data-testid="note-tags">
      <TagPicker value={paths} onChange={(next) => void save(next)} tags={known.data ?? []} onColour={(id, c) => void recolour(id, c)} />
      <button type="button" className="button button-small" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
