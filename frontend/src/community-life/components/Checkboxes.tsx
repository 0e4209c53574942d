import type { ReactNode } from 'react';
import { ErrorMessage, cx } from '../../ui/fields';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** NHS.UK checkboxes; the first box gets the field's id so that the error summary can link to it. */
export function Checkboxes({
  id,
  legend,
  legendSize = 'm',
  hint,
  error,
  values,
  onChange,
  options,
}: {
  id: string;
  legend: ReactNode;
  legendSize?: 'l' | 'm' | 's';
  hint?: ReactNode;
  error?: string;
  values: string[];
  onChange: (values: string[]) => void;
  options: CheckboxOption[];
}) {
  const describedBy = cx(!!hint && `${id}-hint`, error && `${id}-error`) || undefined;
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  return (
    <div className={cx('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className={`nhsuk-fieldset__legend nhsuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        <ErrorMessage id={id} error={error} />
        <div className="nhsuk-checkboxes">
          {options.map((o, i) => {
            const inputId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div className="nhsuk-checkboxes__item" key={o.value}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={inputId}
                  name={id}
                  type="checkbox"
                  value={o.value}
                  checked={values.includes(o.value)}
                  aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
                  onChange={(e) => toggle(o.value, e.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                  {o.label}
                </label>
                {o.hint && (
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${inputId}-item-hint`}>
                    {o.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A single "yes" checkbox with a hint, such as "Anonymous to other members". */
export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            checked={checked}
            aria-describedby={hint ? `${id}-item-hint` : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
