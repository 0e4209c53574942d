import type { DecisionFieldsFragment } from '../../graphql/graphql';
import { formatDateTime } from '../../ui/format';

/** The chair's recorded decision: who, when, what was funded and why. Never editable. */
export function DecisionSummary({ decision }: { decision: DecisionFieldsFragment }) {
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Recorded by</dt>
        <dd className="nhsuk-summary-list__value">{decision.chair.name}, chair</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Recorded on</dt>
        <dd className="nhsuk-summary-list__value">{formatDateTime(decision.decidedAt)}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Funded</dt>
        <dd className="nhsuk-summary-list__value">
          {decision.funded.length === 0 ? (
            'None'
          ) : (
            <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
              {decision.funded.map((a) => (
                <li key={a.id}>
                  {a.domain.name}, led by {a.lead.name}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Rationale</dt>
        <dd className="nhsuk-summary-list__value convene-pre-line">{decision.rationale}</dd>
      </div>
    </dl>
  );
}
