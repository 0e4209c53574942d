import type { ReviewFieldsFragment } from '../../graphql/graphql';
import { formatDateTime, formatScore } from '../../ui/format';

/** Reviews as cards: the reviewer, the weighted score, then each criterion's score and comment. */
export function ReviewsList({
  reviews,
  criteriaOrder = [],
  headingLevel = 3,
}: {
  reviews: ReviewFieldsFragment[];
  /** Criterion ids in the rubric's order; scores follow it. */
  criteriaOrder?: string[];
  headingLevel?: 3 | 4;
}) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const at = (id: string) => {
    const i = criteriaOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return (
    <>
      {reviews.map((r) => (
        <div className="nhsuk-card" key={r.id}>
          <div className="nhsuk-card__content">
            <H className="nhsuk-card__heading nhsuk-heading-s">
              {r.reviewer.name}: weighted score {formatScore(r.weightedScore)}
            </H>
            <p className="nhsuk-body-s">Submitted {formatDateTime(r.submittedAt)}</p>
            <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-0">
              {[...r.scores].sort((a, b) => at(a.criterion.id) - at(b.criterion.id)).map((s) => (
                <div className="nhsuk-summary-list__row" key={s.criterion.id}>
                  <dt className="nhsuk-summary-list__key">{s.criterion.name}</dt>
                  <dd className="nhsuk-summary-list__value">
                    <strong>{s.score} out of 5</strong>
                    <span className="nhsuk-u-display-block convene-pre-line">{s.comment}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      ))}
    </>
  );
}
