type OutletAndDates = { outlet: string; from: string; to: string };

type OutletDateFieldsProps<T extends OutletAndDates> = {
  value: T;
  onChange: (next: T) => void;
  /** Test ids are `PREFIX-outlet`, `PREFIX-from`, `PREFIX-to`. */
  testIdPrefix: string;
};

/** The outlet and publication-date filters (each left empty matches everything), as search and saved-query dossiers ask them. */
export function OutletDateFields<T extends OutletAndDates>({ value, onChange, testIdPrefix }: OutletDateFieldsProps<T>) {
  const set = (key: keyof OutletAndDates, text: string) => onChange({ ...value, [key]: text });
  return (
    <>
      <label className="field">
        <span className="field-label">Outlet</span>
        <input
          className="input"
          data-testid={`${testIdPrefix}-outlet`}
          placeholder="Any outlet"
          value={value.outlet}
          onChange={(event) => set("outlet", event.target.value)}
        />
      </label>
      <div className="field-row">
        <label className="field grow">
          <span className="field-label">Published from</span>
          <input
            className="input"
            type="date"
            data-testid={`${testIdPrefix}-from`}
            value={value.from}
            onChange={(event) => set("from", event.target.value)}
          />
        </label>
        <label className="field grow">
          <span className="field-label">to</span>
          <input
            className="input"
            type="date"
            data-testid={`${testIdPrefix}-to`}
            value={value.to}
            onChange={(event) => set("to", event.target.value)}
          />
        </label>
      </div>
    </>
  );
}
