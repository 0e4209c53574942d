import { Link } from 'react-router';
import { useQuery } from 'urql';
import { WebhookSubscriptionsQuery } from '../queries';
import { Flash } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Tag } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import '../webhooks.css';
import { webhookUrl } from '../../urls';

export function webhookPath(id: string): string {
  return webhookUrl(encodeURIComponent(id));
}

/** /admin/webhooks: partner systems' webhook subscriptions (the programme team). */
export function WebhooksView() {
  usePageTitle('Webhooks');
  const [{ data, fetching, error }] = useQuery({ query: WebhookSubscriptionsQuery, requestPolicy: 'cache-and-network' });
  const subs = data?.webhookSubscriptions.nodes;
  return (
    <>
      <Flash />
      <h1 className="nhsuk-heading-l">Webhooks</h1>
      <p className="nhsuk-body">
        Partner systems can be told when something happens in Convene. Each event is posted to the subscription’s address,
        signed with its secret (HMAC-SHA256), and retried if the partner system does not answer.
      </p>
      <p className="nhsuk-body">
        <Link to="/admin/webhooks/new">Create a webhook subscription</Link>
      </p>
      {fetching && !data ? (
        <Loading />
      ) : !subs ? (
        <ErrorSummary problems={problemsFrom(error)} />
      ) : subs.length === 0 ? (
        <p className="nhsuk-body">There are no webhook subscriptions yet.</p>
      ) : (
        <table className="nhsuk-table" id="webhooks">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Webhook subscriptions</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Address</th>
              <th className="nhsuk-table__header" scope="col">Events</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {subs.map((s) => (
              <tr className="nhsuk-table__row" key={s.id}>
                <td className="nhsuk-table__cell convene-break-all">
                  <Link to={webhookPath(s.id)}>{s.url}</Link>
                  <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                    Created {formatInstantDate(s.createdAt)}
                  </span>
                </td>
                <td className="nhsuk-table__cell convene-card-tags">
                  {s.events.map((e) => (
                    <Tag key={e} colour="blue">
                      {e}
                    </Tag>
                  ))}
                </td>
                <td className="nhsuk-table__cell">
                  {s.active ? (
                    <Tag colour="green">Active</Tag>
                  ) : (
                    <>
                      <Tag colour="red">Disabled</Tag>
                      {s.disabledReason && (
                        <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{s.disabledReason}</span>
                      )}
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
