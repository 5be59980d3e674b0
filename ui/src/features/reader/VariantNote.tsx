import { Fragment } from "react";
import type { DiffPart } from "../../bindings/DiffPart";
import type { QuoteVariant } from "../../bindings/QuoteVariant";
import { speakerNames } from "../../lib/format";

/** Words of unchanged text kept on each side of a change. */
const CONTEXT_WORDS = 3;

/** Shortens the unchanged runs of a diff to a few words around each change. */
export function compactDiff(parts: DiffPart[]): DiffPart[] {
  return parts.map((part, index) => {
    if (part.kind !== "same" || parts.length === 1) return part;
    const words = part.text.split(/\s+/u).filter(Boolean);
    const first = index === 0;
    const last = index === parts.length - 1;
    const keep = first || last ? CONTEXT_WORDS : CONTEXT_WORDS * 2;
    if (words.length <= keep) return part;
    const head = first ? [] : words.slice(0, CONTEXT_WORDS);
    const tail = last ? [] : words.slice(-CONTEXT_WORDS);
    return { kind: "same", text: [...head, "…", ...tail].join(" ") };
  });
}

type VariantNoteProps = {
  articleId: number;
  variants: QuoteVariant[];
  onOpenArticle: (id: number) => void;
};

/** Near-identical quotes of a statement: where they are and the words that differ. */
export function VariantNote({ articleId, variants, onOpenArticle }: VariantNoteProps) {
  if (variants.length === 0) return null;
  return (
    <ul className="variant-list" aria-label="Variants of this quote" data-testid="variants">
      {variants.map((variant) => (
        <li key={variant.statement_id} className="variant" data-testid="variant">
          <span className="variant-where">
            ≈ {variant.article_id === articleId ? (
              "also in this article"
            ) : (
              <button type="button" className="link-button" onClick={() => onOpenArticle(variant.article_id)}>
                {variant.article_title}
              </button>
            )}
            {variant.speakers.length > 0 && <span className="muted"> · {speakerNames(variant.speakers)}</span>}
          </span>
          <span className="variant-diff" data-testid="variant-diff">
            {compactDiff(variant.diff).map((part, index) => (
              <Fragment key={index}>
                {part.kind === "same" ? (
                  part.text
                ) : part.kind === "removed" ? (
                  <del className="diff-removed" title="Here, not in the variant">
                    {part.text}
                  </del>
                ) : (
                  <ins className="diff-added" title="In the variant, not here">
                    {part.text}
                  </ins>
                )}{" "}
              </Fragment>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
