import type { ReactNode } from 'react';
import type { SupportRequestFieldsFragment } from '../../graphql/graphql';
import { Tag } from '../../ui/fields';
import { formatDateTime, formatInstantDate } from '../../ui/format';
import { SUPPORT_KINDS, supportStatus } from '../labels';

export function SupportStatusTag({ status }: { status: SupportRequestFieldsFragment['status'] }) {
  const s = supportStatus(status);
  return <Tag colour={s.colour}>{s.text}</Tag>;
}

/** Every step and note of a request, oldest first. */
export function SupportHistory({ history }: { history: SupportRequestFieldsFragment['history'] }) {
  return (
    <ol className="nhsuk-list">
      {history.map((h, i) => (
        <li key={i} className="nhsuk-u-margin-bottom-3">
          <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-1">
            {formatDateTime(h.at)}, {h.author.name}: <SupportStatusTag status={h.status} />
            {h.assignee ? ` Assigned to ${h.assignee.name}.` : ''}
          </span>
          {h.note && <span className="convene-pre-line">{h.note}</span>}
        </li>
      ))}
    </ol>
  );
}

/** A support request as a card: kind, status, what was asked, who asked and who has it, and its history. */
export function SupportRequestCard({
  request,
  headingLevel = 2,
  showCommunity = false,
  actions,
}: {
  request: SupportRequestFieldsFragment;
  headingLevel?: 2 | 3;
  showCommunity?: boolean;
  actions?: ReactNode;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const kind = SUPPORT_KINDS[request.kind]?.text ?? request.kind;
  return (
    <div className="nhsuk-card" data-request={request.id}>
      <div className="nhsuk-card__content">
        <H className="nhsuk-card__heading nhsuk-heading-s">
          {kind}
          {showCommunity ? `: ${request.community.name}` : ''}
        </H>
        <p className="nhsuk-body convene-card-tags nhsuk-u-margin-bottom-2">
          <SupportStatusTag status={request.status} />
        </p>
        <p className="nhsuk-body convene-pre-line">{request.details}</p>
        <p className="nhsuk-body-s">
          Asked by {request.requestedBy.name} on {formatInstantDate(request.createdAt)}.{' '}
          {request.assignee ? `With ${request.assignee.name}.` : 'Not assigned yet.'}
        </p>
        {request.history.length > 0 && (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">History</span>
            </summary>
            <div className="nhsuk-details__text">
              <SupportHistory history={request.history} />
            </div>
          </details>
        )}
        {actions}
      </div>
    </div>
  );
}
