import type { TrashEntry } from "../bindings/TrashEntry";
import { useFeedback } from "./Feedback";

type DeleteButtonProps = {
  /** "Delete actor", "Delete dossier"… */
  label: string;
  remove: () => Promise<TrashEntry>;
  onDeleted: () => void;
  testId?: string;
};

/**
 * Deletes at once, without asking: the thing goes to the trash and Ctrl+Z brings it
 * back, which the toast says (a confirmation dialog would be one more click on every
 * deliberate delete and protect nothing the trash does not).
 */
export function DeleteButton({ label, remove, onDeleted, testId }: DeleteButtonProps) {
  const { toast, showError } = useFeedback();
  return (
    <button
      type="button"
      className="button button-small button-danger"
      data-testid={testId}
      onClick={async () => {
        try {
          const entry = await remove();
          toast(`Moved to the trash: ${entry.label} — Ctrl+Z brings it back`);
          onDeleted();
        } catch (err) {
          showError(err);
        }
      }}
    >
      {label}
    </button>
  );
}
