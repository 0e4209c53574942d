import type { ReactNode } from 'react';
import type { ChallengeFieldsFragment } from '../../graphql/graphql';
import { formatDateTime } from '../../ui/format';
import { authorLine } from '../labels';

/** "Anonymous member", the author's name, or "You posted this" to the author. */
export function Byline({ post, when }: { post: Parameters<typeof authorLine>[0]; when: string }) {
  return (
    <p className="nhsuk-body-s nhsuk-u-margin-bottom-2 convene-byline">
      <span className="nhsuk-u-font-weight-bold">{authorLine(post)}</span>, {formatDateTime(when)}
    </p>
  );
}

/** A post on the challenges board with its replies, oldest first. */
export function ChallengePost({ challenge, heading, footer }: { challenge: ChallengeFieldsFragment; heading: ReactNode; footer?: ReactNode }) {
  return (
    <article className="nhsuk-card" aria-label={challenge.title} data-challenge={challenge.id}>
      <div className="nhsuk-card__content">
        {heading}
        <Byline post={challenge} when={challenge.createdAt} />
        <p className="nhsuk-body convene-pre-line">{challenge.body}</p>
        {challenge.replies.length > 0 && (
          <>
            <h3 className="nhsuk-heading-xs">
              {challenge.replies.length === 1 ? '1 reply' : `${challenge.replies.length} replies`}
            </h3>
            <ul className="nhsuk-list convene-replies">
              {challenge.replies.map((r) => (
                <li key={r.id} className="nhsuk-inset-text nhsuk-u-margin-top-0 nhsuk-u-margin-bottom-3">
                  <Byline post={r} when={r.createdAt} />
                  <p className="nhsuk-body convene-pre-line nhsuk-u-margin-bottom-0">{r.body}</p>
                </li>
              ))}
            </ul>
          </>
        )}
        {footer}
      </div>
    </article>
  );
}
