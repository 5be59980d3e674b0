import { useState } from "react";
import type { AnchorReview } from "../../bindings/AnchorReview";
import type { AnchorTarget } from "../../bindings/AnchorTarget";
import type { ReattachReport } from "../../bindings/ReattachReport";
import type { Span } from "../../bindings/Span";
import { useFeedback } from "../../components/Feedback";
import { api } from "../../lib/api";
import { countOf, quoted, truncate } from "../../lib/format";
import { useLoader } from "../../lib/useLoader";

type NeedsReviewProps = {
  articleId: number;
  /** Changes whenever the article is loaded again (the list follows it). */
  version: unknown;
  /** The text selected in the article, for "Re-anchor here". */
  selection: Span | null;
  /** After an anchor was resolved: the reader loads the article again. */
  onChanged: () => void;
  /** Scrolls the reader to a code-point position. */
  onReveal: (position: number) => void;
};

/** "12 anchors kept, 3 moved, 1 needs review": what replacing a text did. */
export function reattachSummary(report: ReattachReport): string {
  return `${countOf(report.kept, "anchor")} kept, ${report.moved} moved, ${report.needs_review} need${report.needs_review === 1 ? "s" : ""} review`;
}

function targetKey(target: AnchorTarget): string {
  return target.kind === "annotation" ? `a${target.id}` : `s${target.statement_id}-${target.role}-${target.ord}`;
}

function what(review: AnchorReview): string {
  if (review.target.kind === "annotation") return review.label ? `Note: ${review.label}` : "Highlight";
  const role = review.target.role === "content" ? "quote" : review.target.role;
  return `Statement ${review.target.statement_id} (${role})`;
}

/**
 * Highlights and statement spans that replacing the article's text left unplaced: each
 * with its old quote and the proposed place, to confirm there or re-anchor on the
 * selected text.
 */
export function NeedsReview({ articleId, version, selection, onChanged, onReveal }: NeedsReviewProps) {
  const { toast, showError } = useFeedback();
  const list = useLoader(() => api.anchorsNeedingReview(articleId), [articleId, version]);
  const [busy, setBusy] = useState(false);
  const items = list.data ?? [];
  if (items.length === 0) return null;

  const resolve = async (review: AnchorReview, span: Span | null) => {
    setBusy(true);
    try {
      await api.resolveAnchor(review.target, span);
      toast(span ? "Re-anchored on the selected text" : "Proposed place confirmed");
      list.reload();
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="needs-review" data-testid="needs-review" aria-label="Anchors needing review">
      <h2 className="side-heading">Needs review ({items.length})</h2>
      <p className="muted small">
        The article's text was replaced and {countOf(items.length, "anchor")} could not be found again with confidence.
      </p>
      <ul className="side-list">
        {items.map((review) => (
          <li key={targetKey(review.target)} className="side-item needs-review-item" data-testid="review-item">
            <strong>{what(review)}</strong>
            <span className="side-passage">
              Was: {quoted(truncate(review.anchor.exact, 160))}
            </span>
            <button type="button" className="side-link" onClick={() => onReveal(review.anchor.start)}>
              Proposed: {quoted(truncate(review.proposed_text, 160))}{" "}
              <span className="muted small">({Math.round(review.score * 100)} % match)</span>
            </button>
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                data-testid="confirm-proposed"
                onClick={() => void resolve(review, null)}
              >
                Confirm proposed place
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={busy || selection === null}
                title={selection ? undefined : "Select the right words in the article first"}
                data-testid="reanchor-here"
                // Keep the article's selection: pressing here must not clear it.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => selection && void resolve(review, selection)}
              >
                Re-anchor here
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
