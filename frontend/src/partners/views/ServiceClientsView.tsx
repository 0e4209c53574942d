import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ServiceClientsQuery } from '../queries';
import { Flash } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Tag } from '../../ui/fields';
import { formatDateTime, formatInstantDate } from '../../ui/format';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { revokePartnerUrl } from '../../urls';

/** /admin/partners: partner systems' service clients (the programme team). */
export function ServiceClientsView() {
  usePageTitle('Partner systems');
  const [{ data, fetching, error }] = useQuery({ query: ServiceClientsQuery, requestPolicy: 'cache-and-network' });
  const clients = data?.serviceClients.nodes;
  return (
    <>
      <Flash />
      <h1 className="nhsuk-heading-l">Partner systems</h1>
      <p className="nhsuk-body">
        Member organisations’ systems read the Convene API with a client id and secret. Each client can read only what its
        scopes allow, and nothing can be changed through it.
      </p>
      <p className="nhsuk-body">
        <Link to="/admin/partners/new">Create a partner client</Link>
      </p>
      {fetching && !data ? (
        <Loading />
      ) : !clients ? (
        <ErrorSummary problems={problemsFrom(error)} />
      ) : clients.length === 0 ? (
        <p className="nhsuk-body">There are no partner clients yet.</p>
      ) : (
        <table className="nhsuk-table" id="service-clients">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Partner clients</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Name</th>
              <th className="nhsuk-table__header" scope="col">Client id</th>
              <th className="nhsuk-table__header" scope="col">Scopes</th>
              <th className="nhsuk-table__header" scope="col">Last token</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {clients.map((c) => (
              <tr className="nhsuk-table__row" key={c.id}>
                <td className="nhsuk-table__cell">
                  {c.name}
                  <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{c.organisation.name}</span>
                </td>
                <td className="nhsuk-table__cell">
                  <code>{c.clientId}</code>
                </td>
                <td className="nhsuk-table__cell convene-card-tags">
                  {c.scopes.map((s) => (
                    <Tag key={s} colour="blue">
                      {s}
                    </Tag>
                  ))}
                </td>
                <td className="nhsuk-table__cell">{c.lastTokenAt ? formatDateTime(c.lastTokenAt) : 'Never'}</td>
                <td className="nhsuk-table__cell">
                  {c.revokedAt ? (
                    <>
                      <Tag colour="red">Revoked</Tag>
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">on {formatInstantDate(c.revokedAt)}</span>
                    </>
                  ) : (
                    <>
                      <Tag colour="green">Active</Tag>
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                        <Link to={revokePartnerUrl(encodeURIComponent(c.clientId))}>
                          Revoke<span className="nhsuk-u-visually-hidden"> {c.name}</span>
                        </Link>
                      </span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
