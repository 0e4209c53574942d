import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AdminCallsQuery } from '../queries';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Tag } from '../../ui/fields';
import { formatDate, formatDateTime } from '../../ui/format';
import { callStatus } from '../../ui/labels';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageLinks, usePaging } from '../../ui/usePaging';
import { adminCallUrl } from '../../urls';

export function CallsView() {
  const paging = usePaging('admin-calls');
  usePageTitle(paging.page > 1 ? `Calls (page ${paging.page})` : 'Calls');
  const [{ data, fetching, error }] = useQuery({ query: AdminCallsQuery, variables: paging.variables, requestPolicy: 'cache-and-network' });
  const calls = data?.calls.nodes ?? [];
  return (
    <>
      <h1 className="nhsuk-heading-l">Calls</h1>
      <Link className="nhsuk-button" role="button" draggable={false} to="/admin/calls/new">
        Create a call
      </Link>
      {error && <ErrorSummary problems={problemsFrom(error)} />}
      {fetching && !data && <Loading />}
      {data && calls.length === 0 && <p className="nhsuk-body">There are no calls yet.</p>}
      {calls.length > 0 && (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">All calls</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Title</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
              <th className="nhsuk-table__header" scope="col">Opens</th>
              <th className="nhsuk-table__header" scope="col">Closes</th>
              <th className="nhsuk-table__header" scope="col">Decisions by</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Places</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {calls.map((c) => {
              const s = callStatus(c.status);
              return (
                <tr className="nhsuk-table__row" key={c.id}>
                  <td className="nhsuk-table__cell">
                    <Link to={adminCallUrl(c.id)}>{c.title}</Link>
                  </td>
                  <td className="nhsuk-table__cell">
                    <Tag colour={s.colour}>{s.text}</Tag>
                  </td>
                  <td className="nhsuk-table__cell">{formatDateTime(c.opensAt)}</td>
                  <td className="nhsuk-table__cell">{formatDateTime(c.closesAt)}</td>
                  <td className="nhsuk-table__cell">{formatDate(c.decisionDueOn)}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{c.fundedPlaces}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <PageLinks paging={paging} info={data?.calls.pageInfo} shown={calls.length} total={data?.calls.totalCount} noun="calls" />
    </>
  );
}
