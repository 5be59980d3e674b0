// App-wide feedback: one error banner (role="alert") and short-lived toasts.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { errorMessage } from "../lib/api";

type Feedback = {
  /** Shows a short confirmation that disappears by itself. */
  toast: (text: string) => void;
  /** Shows what went wrong until the user dismisses it. */
  showError: (error: unknown) => void;
};

type Toast = { id: number; text: string };

const TOAST_MS = 4000;

const FeedbackContext = createContext<Feedback | null>(null);

export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error("useFeedback needs a <FeedbackProvider>");
  return feedback;
}

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [error, setError] = useState<string | null>(null);
  const nextId = useRef(1);

  const toast = useCallback((text: string) => {
    const id = nextId.current++;
    // The newest two: a burst of quick actions (reviewing with keys) must not pile up.
    setToasts((current) => [...current.slice(-1), { id, text }]);
    setTimeout(() => setToasts((current) => current.filter((t) => t.id !== id)), TOAST_MS);
  }, []);

  const showError = useCallback((err: unknown) => {
    console.error(err);
    setError(errorMessage(err));
  }, []);

  const value = useMemo(() => ({ toast, showError }), [toast, showError]);

  return (
    <FeedbackContext.Provider value={value}>
      {children}
      {error && (
        <div className="error-banner" role="alert">
          <span>{error}</span>
          <button type="button" className="icon-button" aria-label="Dismiss error" onClick={() => setError(null)}>
            ×
          </button>
        </div>
      )}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className="toast">
            {t.text}
          </div>
        ))}
      </div>
    </FeedbackContext.Provider>
  );
}
