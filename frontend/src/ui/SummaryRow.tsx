import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A row of the NHS.UK summary list, with its "Change" link when the answer can be changed. */
export function SummaryRow({ label, children, change, id }: { label: string; children: ReactNode; change?: string; id?: string }) {
  return (
    <div className={`nhsuk-summary-list__row${change ? '' : ' nhsuk-summary-list__row--no-actions'}`} id={id}>
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
      {change && (
        <dd className="nhsuk-summary-list__actions">
          <Link to={change}>
            Change<span className="nhsuk-u-visually-hidden"> {label.toLowerCase()}</span>
          </Link>
        </dd>
      )}
    </div>
  );
}
