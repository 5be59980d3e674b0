import { useEffect, useId, useState } from "react";
import type { CitationPart } from "../../bindings/CitationPart";
import type { CitationStyle } from "../../bindings/CitationStyle";
import { useFeedback } from "../../components/Feedback";
import { Modal } from "../../components/Modal";
import { api, errorMessage } from "../../lib/api";
import { useLoader } from "../../lib/useLoader";

const CUSTOM = "custom";

const STYLE_LABELS: Record<string, string> = {
  attest: "Attest",
  chicago: "Chicago",
  apa: "APA",
  [CUSTOM]: "Custom",
};

function styleLabel(name: string): string {
  return STYLE_LABELS[name] ?? name;
}

/**
 * Picks how exports cite their sources: a built-in style, or its template edited
 * into a custom one. The back end checks the template when it is saved.
 */
export function CitationStyleDialog({ onClose }: { onClose: () => void }) {
  const { toast } = useFeedback();
  const builtIns = useLoader(() => api.citationStyles(), []);
  const current = useLoader(() => api.citationStyle(), []);
  // Both null until the analyst changes something: the style in use is shown.
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [editedTemplate, setEditedTemplate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const groupName = useId();

  const styles = builtIns.data ?? [];
  const inUse = current.data;
  const inUseIsCustom = inUse !== null && !styles.some((s) => s.name === inUse.name && s.template === inUse.template);
  // The custom template survives picking a built-in style and coming back to Custom.
  const customTemplate = editedTemplate ?? (inUseIsCustom ? inUse.template : null);
  const name = chosenName ?? (inUseIsCustom ? CUSTOM : inUse?.name ?? null);
  const template = name === CUSTOM ? customTemplate : (styles.find((s) => s.name === name)?.template ?? null);
  const loaded = builtIns.data !== null && inUse !== null;
  const style: CitationStyle | null = loaded && name !== null && template !== null ? { name, template } : null;
  const choices = [...styles.map((s) => s.name), ...(customTemplate !== null ? [CUSTOM] : [])];

  const preview = useCitationPreview(style);

  const choose = (next: string) => {
    setChosenName(next);
    setError(null);
  };
  const editTemplate = (text: string) => {
    setEditedTemplate(text);
    choose(CUSTOM);
  };

  const save = async () => {
    if (!style || saving) return;
    setSaving(true);
    try {
      const saved = await api.setCitationStyle(style);
      toast(`Citation style: ${styleLabel(saved.name)}`);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="Citation style" onClose={onClose} testId="citation-style-dialog" wide>
      <form
        className="modal-body"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {!style ? (
          <p className="empty-hint">Loading…</p>
        ) : (
          <>
            <fieldset className="kind-choice">
              <legend className="field-label">Style</legend>
              {choices.map((choice) => (
                <label key={choice} className="radio">
                  <input
                    type="radio"
                    name={groupName}
                    value={choice}
                    checked={style.name === choice}
                    onChange={() => choose(choice)}
                  />
                  {styleLabel(choice)}
                </label>
              ))}
            </fieldset>
            <label className="field citation-template">
              <span className="field-label">Template</span>
              <textarea
                className="input code-input"
                rows={6}
                spellCheck={false}
                data-testid="citation-template"
                value={style.template}
                onChange={(event) => editTemplate(event.target.value)}
              />
            </label>
            <div className="citation-preview" data-testid="citation-preview" aria-live="polite">
              <span className="field-label">Preview</span>
              {preview.error ? (
                <p className="inline-error">{preview.error}</p>
              ) : (
                <p>
                  {preview.parts.map((part, index) =>
                    part.italic ? <i key={index}>{part.text}</i> : <span key={index}>{part.text}</span>,
                  )}
                </p>
              )}
            </div>
            <p className="muted small">
              Fields: <code>byline</code>, <code>title</code>, <code>outlet</code>, <code>published</code>,{" "}
              <code>paragraph</code>, <code>url</code>, <code>dateline</code>. <code>{"{{ title | italic }}"}</code> sets the
              title in italics; <code>{"{% if url %}…{% endif %}"}</code> leaves out what a source lacks. Editing a
              template makes it a custom style.
            </p>
            {error && (
              <p className="inline-error" role="alert" data-testid="citation-style-error">
                {error}
              </p>
            )}
          </>
        )}
        <div className="button-row modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            data-testid="save-citation-style"
            disabled={!style || saving}
          >
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The back end's rendering of `style` for a sample article, following each edit. */
function useCitationPreview(style: CitationStyle | null): { parts: CitationPart[]; error: string | null } {
  const [preview, setPreview] = useState<{ parts: CitationPart[]; error: string | null }>({ parts: [], error: null });
  const name = style?.name;
  const template = style?.template;
  useEffect(() => {
    if (name === undefined || template === undefined) return;
    let current = true;
    api
      .previewCitation({ name, template })
      .then((parts) => current && setPreview({ parts, error: null }))
      .catch((err: unknown) => current && setPreview({ parts: [], error: errorMessage(err) }));
    return () => {
      current = false;
    };
  }, [name, template]);
  return preview;
}
