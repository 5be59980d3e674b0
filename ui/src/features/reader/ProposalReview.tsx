import { useEffect, useRef, useState } from "react";
import type { Actor } from "../../bindings/Actor";
import type { QuoteVariant } from "../../bindings/QuoteVariant";
import type { Statement } from "../../bindings/Statement";
import { countOf, quoted, quoteText, speakerNames, truncate } from "../../lib/format";
import { actorNamed, matchActors } from "./SpeakerPicker";
import { VariantNote } from "./VariantNote";
import { isTyping } from "../../lib/shortcuts";

/** The keys of the review, shown in the panel and handled by `reviewAction`. */
export const REVIEW_KEYS = [
  { key: "A", does: "accept" },
  { key: "R", does: "reject" },
  { key: "S", does: "change the speaker" },
  { key: "J / K", does: "next / previous" },
] as const;

export type ReviewAction = "accept" | "reject" | "speaker" | "next" | "previous";

/** The review action a key press asks for, if any. */
export function reviewAction(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "target">): ReviewAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  switch (event.key.toLowerCase()) {
    case "a":
      return "accept";
    case "r":
      return "reject";
    case "s":
      return "speaker";
    case "j":
      return "next";
    case "k":
      return "previous";
    default:
      return null;
  }
}

/** The proposal to review after `id` leaves the list: the next one, else the one before. */
export function nextAfter(proposals: Statement[], id: number): number | null {
  const index = proposals.findIndex((p) => p.id === id);
  if (index < 0) return proposals[0]?.id ?? null;
  return proposals[index + 1]?.id ?? proposals[index - 1]?.id ?? null;
}

/** What a speaker correction asks for: an actor the notebook has, or a new one by name. */
export type SpeakerCorrection = { type: "existing"; actor: Actor } | { type: "new"; name: string };

type ProposalReviewProps = {
  proposals: Statement[];
  focusedId: number | null;
  /** The speaker of the focused proposal is being typed. */
  editingSpeaker: boolean;
  actors: Actor[];
  busy: boolean;
  onFocus: (id: number) => void;
  onAccept: (id: number) => void;
  onReject: (id: number) => void;
  onEditSpeaker: (editing: boolean) => void;
  onSpeaker: (id: number, correction: SpeakerCorrection) => void;
  /** Near-identical quotes, by statement. */
  variantsOf: Map<number, QuoteVariant[]>;
  onOpenArticle: (id: number) => void;
};

/** How many proposals are drawn around the one under review (before it, in all). */
const SHOWN_BEFORE = 3;
const SHOWN = 15;

/** The part of the queue drawn: around the proposal under review (an article can hold hundreds). */
export function shownProposals<T extends { id: number }>(proposals: T[], focusedId: number | null) {
  const at = Math.max(0, proposals.findIndex((p) => p.id === focusedId));
  const start = Math.max(0, Math.min(at - SHOWN_BEFORE, proposals.length - SHOWN));
  return { before: proposals[start - 1] ?? null, shown: proposals.slice(start, start + SHOWN), after: proposals[start + SHOWN] ?? null, start };
}

/** Proposed statements beside the text, one under review at a time. */
export function ProposalReview(props: ProposalReviewProps) {
  const { proposals, focusedId, editingSpeaker, busy, onFocus, onAccept, onReject, onEditSpeaker, variantsOf, onOpenArticle } = props;
  const { before, shown, after, start } = shownProposals(proposals, focusedId);
  return (
    <section aria-label="Proposed statements" data-testid="proposals">
      <h2 className="side-heading">To review ({proposals.length})</h2>
      {proposals.length === 0 ? (
        <p className="empty-hint">No proposed statements left in this article.</p>
      ) : (
        <p className="review-keys muted small" data-testid="review-keys">
          {REVIEW_KEYS.map(({ key, does }) => (
            <span key={key}>
              <kbd>{key}</kbd> {does}
            </span>
          ))}
        </p>
      )}
      <ul className="side-list">
        {before && (
          <li className="side-more">
            <button type="button" className="button button-small" onClick={() => onFocus(before.id)}>
              {countOf(start, "earlier proposal")} (<kbd>K</kbd> goes back)
            </button>
          </li>
        )}
        {shown.map((proposal) => {
          const focused = proposal.id === focusedId;
          return (
            <li
              key={proposal.id}
              ref={focused ? scrollIntoSight : undefined}
              className={`side-item proposal${focused ? " is-focused" : ""}`}
              data-testid="proposal"
              aria-current={focused ? "true" : undefined}
            >
              <button type="button" className="side-link" onClick={() => onFocus(proposal.id)}>
                <SpeakerLine proposal={proposal} />
                <span className="side-passage">{quoted(truncate(quoteText(proposal.content), focused ? 400 : 140))}</span>
              </button>
              <span className="badge">{proposal.kind}</span>
              {proposal.confidence !== null && (
                <span className="badge badge-muted" title="How sure extraction was (for ranking, not a probability)">
                  {Math.round(proposal.confidence * 100)} %
                </span>
              )}
              <VariantNote articleId={proposal.article_id} variants={variantsOf.get(proposal.id) ?? []} onOpenArticle={onOpenArticle} />
              {focused && !editingSpeaker && (
                <div className="button-row proposal-actions">
                  <button type="button" className="button button-small button-primary" data-testid="accept-proposal" disabled={busy} onClick={() => onAccept(proposal.id)}>
                    Accept <kbd>A</kbd>
                  </button>
                  <button type="button" className="button button-small" data-testid="reject-proposal" disabled={busy} onClick={() => onReject(proposal.id)}>
                    Reject <kbd>R</kbd>
                  </button>
                  <button type="button" className="button button-small" data-testid="change-speaker" disabled={busy} onClick={() => onEditSpeaker(true)}>
                    Speaker <kbd>S</kbd>
                  </button>
                </div>
              )}
              {focused && editingSpeaker && <SpeakerTyping {...props} proposal={proposal} />}
            </li>
          );
        })}
        {after && (
          <li className="side-more">
            <button type="button" className="button button-small" onClick={() => onFocus(after.id)}>
              {countOf(proposals.length - start - shown.length, "more proposal")} (<kbd>J</kbd> goes on)
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}

/** Keeps the proposal under review in sight in the side panel as the review moves. */
function scrollIntoSight(item: HTMLLIElement | null) {
  item?.scrollIntoView?.({ block: "nearest" });
}

function SpeakerLine({ proposal }: { proposal: Statement }) {
  const words = proposal.speaker_mention?.exact;
  if (proposal.speakers.length > 0) {
    return (
      <span className="proposal-speaker">
        <strong>{speakerNames(proposal.speakers)}</strong>
        {words && !proposal.speakers.some((s) => s.name === words) && <span className="muted"> (“{words}”)</span>}
      </span>
    );
  }
  return (
    <span className="proposal-speaker unresolved" title="No actor in the notebook matched these words; press S to name one">
      {words ? `“${words}”` : "No speaker found"} — <em>no actor</em>
    </span>
  );
}

/** Type a name; Enter takes the first match, or creates the actor when none matches. */
function SpeakerTyping({ proposal, actors, onSpeaker, onEditSpeaker }: ProposalReviewProps & { proposal: Statement }) {
  const [query, setQuery] = useState(proposal.speakers.length === 0 ? (proposal.speaker_mention?.exact ?? "") : "");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const matches = matchActors(actors, query);
  const name = query.trim();
  const choose = (correction: SpeakerCorrection) => onSpeaker(proposal.id, correction);
  return (
    <div className="speaker-typing">
      <input
        ref={input}
        className="input input-small"
        data-testid="proposal-speaker-input"
        aria-label="Speaker of this statement"
        placeholder="Type a name or alias"
        autoComplete="off"
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onEditSpeaker(false);
          } else if (event.key === "Enter") {
            event.preventDefault();
            const exact = actorNamed(actors, name);
            if (exact) choose({ type: "existing", actor: exact });
            else if (matches.length > 0 && name) choose({ type: "existing", actor: matches[0] });
            else if (name) choose({ type: "new", name });
          }
        }}
      />
      <ul className="speaker-options" aria-label="Matching actors">
        {name !== "" &&
          matches.map((actor) => (
            <li key={actor.id}>
              <button type="button" className="speaker-option" data-testid="proposal-speaker-option" onClick={() => choose({ type: "existing", actor })}>
                {actor.name}
                {actor.aliases.length > 0 && <span className="muted small"> also {actor.aliases.slice(0, 3).join(", ")}</span>}
              </button>
            </li>
          ))}
        {name !== "" && actorNamed(actors, name) === undefined && (
          <li>
            <button type="button" className="speaker-option create-option" data-testid="proposal-speaker-create" onClick={() => choose({ type: "new", name })}>
              New person “{name}”
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
