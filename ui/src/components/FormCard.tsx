import type { ReactNode } from "react";
import { useFeedback } from "./Feedback";

type FormCardProps = {
  /** The form's accessible name. */
  label: string;
  /** Runs on submit; a rejection goes to the error banner. */
  onSubmit: () => Promise<void>;
  children: ReactNode;
};

/** The boxed "create something" form above a list or below a dossier. */
export function FormCard({ label, onSubmit, children }: FormCardProps) {
  const { showError } = useFeedback();
  return (
    <form
      className="card form-card"
      aria-label={label}
      onSubmit={(event) => {
        // Stay in the app: a native submit would reload the page.
        event.preventDefault();
        onSubmit().catch(showError);
      }}
    >
      {children}
    </form>
  );
}
