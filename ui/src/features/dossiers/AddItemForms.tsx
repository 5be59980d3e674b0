import { useState } from "react";
import { FormCard } from "../../components/FormCard";

type AddTextFormProps = {
  label: string;
  fieldLabel: string;
  placeholder: string;
  /** A textarea for paragraphs, a one-line input for headings. */
  multiline: boolean;
  inputTestId: string;
  buttonTestId: string;
  buttonText: string;
  /** Resolves to whether the item was added; the text stays for another try if not. */
  onAdd: (text: string) => Promise<boolean>;
};

/** One text field and an Add button; the field empties once the item is added. */
function AddTextForm(props: AddTextFormProps) {
  const { label, fieldLabel, placeholder, multiline, inputTestId, buttonTestId, buttonText, onAdd } = props;
  const [text, setText] = useState("");
  const field = {
    className: "input",
    "data-testid": inputTestId,
    placeholder,
    value: text,
    onChange: (event: { target: { value: string } }) => setText(event.target.value),
  };
  return (
    <FormCard
      label={label}
      onSubmit={async () => {
        if (!text.trim()) return;
        if (await onAdd(text.trim())) setText("");
      }}
    >
      <label className="field">
        <span className="field-label">{fieldLabel}</span>
        {multiline ? <textarea rows={3} {...field} /> : <input {...field} />}
      </label>
      <button type="submit" className="button" data-testid={buttonTestId} disabled={!text.trim()}>
        {buttonText}
      </button>
    </FormCard>
  );
}

export function AddCommentaryForm({ onAdd }: { onAdd: (text: string) => Promise<boolean> }) {
  return (
    <AddTextForm
      label="Add commentary"
      fieldLabel="Commentary paragraph"
      placeholder="Your own words between the quotes"
      multiline
      inputTestId="commentary-input"
      buttonTestId="add-commentary"
      buttonText="Add commentary paragraph"
      onAdd={onAdd}
    />
  );
}

export function AddSectionForm({ onAdd }: { onAdd: (title: string) => Promise<boolean> }) {
  return (
    <AddTextForm
      label="Add section"
      fieldLabel="Section heading"
      placeholder="e.g. Reactions abroad"
      multiline={false}
      inputTestId="section-title-input"
      buttonTestId="add-section"
      buttonText="Add section"
      onAdd={onAdd}
    />
  );
}
