import type { Span } from "../../bindings/Span";
import type { StatementKind } from "../../bindings/StatementKind";
import { sliceByCodePoints } from "../../lib/offsets";

const QUOTATION_MARK = /[“”"]/u;

/**
 * A first guess the analyst can change: a selection inside or around quotation
 * marks is most likely a direct quote, anything else reported speech.
 */
export function guessStatementKind(text: string, span: Span): StatementKind {
  const before = sliceByCodePoints(text, Math.max(span.start - 1, 0), span.start);
  const after = sliceByCodePoints(text, span.end, span.end + 1);
  const selected = sliceByCodePoints(text, span.start, span.end);
  return QUOTATION_MARK.test(before) || QUOTATION_MARK.test(after) || QUOTATION_MARK.test(selected)
    ? "direct"
    : "indirect";
}
