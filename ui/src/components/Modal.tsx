import { useId, type ReactNode } from "react";
import { useEscape } from "../lib/useEscape";

type ModalProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
};

/** A centred dialog over a dimmed backdrop; Escape or a click outside closes it. */
export function Modal({ title, onClose, children, testId, wide }: ModalProps) {
  const titleId = useId();
  useEscape(onClose);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        className={wide ? "modal modal-wide" : "modal"}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
