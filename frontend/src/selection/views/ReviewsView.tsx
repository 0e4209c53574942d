import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { MyReviewsQuery } from '../queries';
import type { MyReviewsQuery as MyReviewsResult } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { Tag } from '../../ui/fields';
import { callStatus } from '../../ui/labels';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { panelCallUrl, reviewUrl } from '../../urls';

type Assignment = NonNullable<MyReviewsResult['viewer']>['reviewAssignments'][number];

interface CallGroup {
  call: Assignment['application']['call'];
  assignments: Assignment[];
}

function groupByCall(assignments: Assignment[]): CallGroup[] {
  const groups = new Map<string, CallGroup>();
  for (const a of assignments) {
    const call = a.application.call;
    const g = groups.get(call.id) ?? { call, assignments: [] };
    g.assignments.push(a);
    groups.set(call.id, g);
  }
  // Calls still in review first, then the rest as they came.
  const live = (g: CallGroup) => (g.call.status === 'IN_REVIEW' ? 0 : 1);
  return [...groups.values()].sort((a, b) => live(a) - live(b));
}

/** /reviews: the panel member's queue, grouped by call, with a To do / Submitted tag per item. */
export function ReviewsView() {
  usePageTitle('Your reviews');
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const [{ data, fetching, error }] = useQuery({ query: MyReviewsQuery, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorSummary problems={problemsFrom(error)} />;
  const groups = groupByCall(data?.viewer?.reviewAssignments ?? []);

  return (
    <>
      {flash && <NotificationBanner success heading={flash} />}
      <h1 className="nhsuk-heading-l">Your reviews</h1>
      {groups.length === 0 && <p className="nhsuk-body">You have no applications to review.</p>}
      {groups.map(({ call, assignments }) => {
        const done = assignments.filter((a) => a.submitted).length;
        const status = callStatus(call.status);
        const open = call.status === 'IN_REVIEW';
        return (
          <section key={call.id} aria-labelledby={`call-${call.id}`}>
            <h2 className="nhsuk-heading-m" id={`call-${call.id}`}>
              {call.title}
            </h2>
            <p className="nhsuk-body">
              <Tag colour={status.colour}>{status.text}</Tag> You have reviewed {done} of {assignments.length}.
            </p>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Applications to review in {call.title}</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">
                    Application
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Lead
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Your review
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {assignments.map((a) => (
                  <tr className="nhsuk-table__row" key={a.id}>
                    <td className="nhsuk-table__cell">
                      <Link to={reviewUrl(a.application.id)}>
                        {a.application.domain.name}
                        <span className="nhsuk-u-visually-hidden"> (led by {a.application.lead.name})</span>
                      </Link>
                    </td>
                    <td className="nhsuk-table__cell">{a.application.lead.name}</td>
                    <td className="nhsuk-table__cell">
                      {a.submitted ? <Tag colour="green">Submitted</Tag> : open ? <Tag colour="blue">To do</Tag> : <Tag colour="grey">Not reviewed</Tag>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="nhsuk-body">
              <Link to={panelCallUrl(call.id)}>
                Ranking and decision<span className="nhsuk-u-visually-hidden"> for {call.title}</span>
              </Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
