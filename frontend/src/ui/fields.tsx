import { Fragment, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from 'react';

function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface LabelProps {
  id: string;
  label: ReactNode;
  isPageHeading?: boolean;
  size?: 'l' | 'm' | 's';
}

function Label({ id, label, isPageHeading, size }: LabelProps) {
  const className = cx('nhsuk-label', size && `nhsuk-label--${size}`);
  if (isPageHeading) {
    return (
      <h1 className="nhsuk-label-wrapper">
        <label className={className} htmlFor={id}>
          {label}
        </label>
      </h1>
    );
  }
  return (
    <label className={className} htmlFor={id}>
      {label}
    </label>
  );
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="nhsuk-hint" id={`${id}-hint`}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  );
}

interface BaseFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  isPageHeading?: boolean;
  labelSize?: 'l' | 'm' | 's';
}

type TextInputProps = BaseFieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
    widthClass?: string;
  };

export function TextInput({
  id,
  label,
  hint,
  error,
  isPageHeading,
  labelSize,
  value,
  onChange,
  widthClass,
  type = 'text',
  ...rest
}: TextInputProps) {
  return (
    <div className={cx('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <Label id={id} label={label} isPageHeading={isPageHeading} size={labelSize} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} />
      <input
        {...rest}
        className={cx('nhsuk-input', widthClass, error && 'nhsuk-input--error')}
        id={id}
        name={id}
        type={type}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
    </div>
  );
}

type TextareaProps = BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  disabled?: boolean;
};

export function Textarea({ id, label, hint, error, isPageHeading, labelSize, value, onChange, rows = 8, disabled }: TextareaProps) {
  return (
    <div className={cx('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <Label id={id} label={label} isPageHeading={isPageHeading} size={labelSize} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} />
      <textarea
        className={cx('nhsuk-textarea', error && 'nhsuk-textarea--error')}
        id={id}
        name={id}
        rows={rows}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectProps = BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  placeholder?: string;
};

export function Select({ id, label, hint, error, isPageHeading, labelSize, value, onChange, options, placeholder }: SelectProps) {
  return (
    <div className={cx('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <Label id={id} label={label} isPageHeading={isPageHeading} size={labelSize} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} />
      <select
        className={cx('nhsuk-select', error && 'nhsuk-select--error')}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the option while it is selected. */
  conditional?: ReactNode;
  dividerBefore?: string;
}

type RadiosProps = {
  /** The field name; the first radio gets this id so that the error summary can link to it. */
  id: string;
  legend: ReactNode;
  isPageHeading?: boolean;
  legendSize?: 'l' | 'm' | 's';
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  options: RadioOption[];
  inline?: boolean;
};

export function Radios({ id, legend, isPageHeading, legendSize = 'l', hint, error, value, onChange, options, inline }: RadiosProps) {
  return (
    <div className={cx('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(`${id}-fieldset`, hint, error)}>
        <legend className={cx('nhsuk-fieldset__legend', `nhsuk-fieldset__legend--${legendSize}`)}>
          {isPageHeading ? <h1 className="nhsuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint id={`${id}-fieldset`}>{hint}</Hint>
        <ErrorMessage id={`${id}-fieldset`} error={error} />
        <div className={cx('nhsuk-radios', inline && 'nhsuk-radios--inline', options.some((o) => o.conditional) && 'nhsuk-radios--conditional')}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            const checked = value === o.value;
            return (
              <Fragment key={o.value}>
                {o.dividerBefore && <div className="nhsuk-radios__divider">{o.dividerBefore}</div>}
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={optionId}
                    name={id}
                    type="radio"
                    value={o.value}
                    checked={checked}
                    aria-describedby={o.hint ? `${optionId}-item-hint` : undefined}
                    aria-controls={o.conditional ? `${optionId}-conditional` : undefined}
                    onChange={() => onChange(o.value)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={optionId}>
                    {o.label}
                  </label>
                  {o.hint && (
                    <div className="nhsuk-hint nhsuk-radios__hint" id={`${optionId}-item-hint`}>
                      {o.hint}
                    </div>
                  )}
                </div>
                {o.conditional && (
                  <div
                    className={cx('nhsuk-radios__conditional', !checked && 'nhsuk-radios__conditional--hidden')}
                    id={`${optionId}-conditional`}
                    hidden={!checked}
                  >
                    {checked && o.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({
  children,
  variant,
  type = 'submit',
  onClick,
  disabled,
}: {
  children: ReactNode;
  variant?: 'secondary' | 'warning' | 'reverse';
  type?: 'submit' | 'button';
  onClick?: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      className={cx('nhsuk-button', variant && `nhsuk-button--${variant}`)}
      data-module="nhsuk-button"
      type={type}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

export type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={cx('nhsuk-tag', colour && `nhsuk-tag--${colour}`)}>{children}</strong>;
}

export { cx };
