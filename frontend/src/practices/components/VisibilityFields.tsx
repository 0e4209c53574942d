import { Radios } from '../../ui/fields';
import { ANONYMOUS_HINT, ANONYMOUS_LABEL, VISIBILITIES, VISIBILITY_VALUES } from '../labels';

/** Who reads an exchange, in plain words. */
export function VisibilityRadios({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <Radios
      id="visibility"
      legend="Who can read it?"
      legendSize="m"
      hint="You can change this later."
      value={value}
      onChange={onChange}
      options={VISIBILITY_VALUES.map((v) => ({ value: v, label: VISIBILITIES[v].text, hint: VISIBILITIES[v].hint }))}
      error={error}
    />
  );
}

/** "Anonymous to other members", with what it means. */
export function AnonymousCheckbox({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Your name</legend>
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="anonymous"
              name="anonymous"
              type="checkbox"
              checked={checked}
              aria-describedby="anonymous-item-hint"
              onChange={(e) => onChange(e.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="anonymous">
              {ANONYMOUS_LABEL}
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id="anonymous-item-hint">
              {ANONYMOUS_HINT}
            </div>
          </div>
        </div>
      </fieldset>
    </div>
  );
}
