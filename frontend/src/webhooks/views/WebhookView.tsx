import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { WebhookSubscriptionQuery } from '../queries';
import { SendTestWebhookMutation, WEBHOOK_TYPENAMES } from '../mutations';
import { DELIVERY_STATES } from '../labels';
import { webhookPath } from './WebhooksView';
import type { WebhookSubscriptionQuery as Result } from '../../graphql/graphql';
import { Flash } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { NotFoundView } from '../../ui/NotFoundView';
import { Button, Tag } from '../../ui/fields';
import { formatDateTime, formatInstantDate } from '../../ui/format';
import { problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import '../webhooks.css';

type Node = NonNullable<Result['node']>;
export type Subscription = Extract<Node, { __typename: 'WebhookSubscription' }>;

/** Loads one webhook subscription by its id in the address. */
export function useWebhookSubscription() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: WebhookSubscriptionQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const node = data?.node;
  const sub = node?.__typename === 'WebhookSubscription' ? (node as Subscription) : null;
  return { sub, data, fetching, error, refetch };
}

/** /admin/webhooks/:id: a subscription, its delivery log and a test event. */
export function WebhookView() {
  const { sub, data, fetching, error, refetch } = useWebhookSubscription();
  const [sent, setSent] = useState(false);
  const sendTest = useFormMutation(SendTestWebhookMutation, { fields: [] });
  const { problems } = sendTest;
  usePageTitle(sub ? `Webhook: ${sub.url}` : 'Webhook', problems.length > 0);
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorSummary problems={problemsFrom(error)} />;
  if (!sub) return <NotFoundView />;

  const onTest = async (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const r = await sendTest.submit({ input: { subscriptionId: sub.id } }, WEBHOOK_TYPENAMES);
    if (!r) return;
    setSent(true);
    refetch({ requestPolicy: 'network-only' });
  };

  const deliveries = sub.deliveries.nodes;
  return (
    <>
      <BackLink to="/admin/webhooks">Back to webhooks</BackLink>
      <ErrorSummary problems={problems} />
      <Flash />
      {sent && (
        <NotificationBanner success heading="Test event queued">
          <p className="nhsuk-body">
            A <code>webhook.test</code> event is on its way. Its delivery is at the top of the log below.
          </p>
        </NotificationBanner>
      )}
      <span className="nhsuk-caption-l">Webhook subscription</span>
      <h1 className="nhsuk-heading-l convene-break-all">{sub.url}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Events</dt>
          <dd className="nhsuk-summary-list__value convene-card-tags">
            {sub.events.map((e) => (
              <Tag key={e} colour="blue">
                {e}
              </Tag>
            ))}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value">
            {sub.active ? <Tag colour="green">Active</Tag> : <Tag colour="red">Disabled</Tag>}
            {!sub.active && sub.disabledReason && <p className="nhsuk-body nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">{sub.disabledReason}</p>}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Created</dt>
          <dd className="nhsuk-summary-list__value">{formatInstantDate(sub.createdAt)}</dd>
        </div>
      </dl>
      <form onSubmit={onTest} noValidate>
        <div className="convene-actions">
          <Button variant="secondary" disabled={sendTest.fetching}>
            Send a test event
          </Button>
          <p className="nhsuk-body nhsuk-u-margin-bottom-0">
            <Link to={`${webhookPath(sub.id)}/delete`}>Delete this subscription</Link>
          </p>
        </div>
      </form>
      <h2 className="nhsuk-heading-m">Delivery log</h2>
      {deliveries.length === 0 ? (
        <p className="nhsuk-body">Nothing has been sent yet.</p>
      ) : (
        <>
          <table className="nhsuk-table" id="deliveries">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Deliveries, newest first</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">Event</th>
                <th className="nhsuk-table__header" scope="col">State</th>
                <th className="nhsuk-table__header" scope="col">Status code</th>
                <th className="nhsuk-table__header" scope="col">Attempts</th>
                <th className="nhsuk-table__header" scope="col">Delivered</th>
                <th className="nhsuk-table__header" scope="col">Last error</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {deliveries.map((d) => {
                const state = DELIVERY_STATES[d.state] ?? { text: d.state, colour: 'yellow' as const };
                return (
                  <tr className="nhsuk-table__row" key={d.id}>
                    <td className="nhsuk-table__cell">
                      <code>{d.event}</code>
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{formatDateTime(d.createdAt)}</span>
                    </td>
                    <td className="nhsuk-table__cell">
                      <Tag colour={state.colour}>{state.text}</Tag>
                    </td>
                    <td className="nhsuk-table__cell">{d.statusCode ?? 'None'}</td>
                    <td className="nhsuk-table__cell">{d.attempts}</td>
                    <td className="nhsuk-table__cell">{d.deliveredAt ? formatDateTime(d.deliveredAt) : 'Not yet'}</td>
                    <td className="nhsuk-table__cell convene-break-all">{d.lastError ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {sub.deliveries.totalCount > deliveries.length && (
            <p className="nhsuk-body-s">
              Showing the latest {deliveries.length} of {sub.deliveries.totalCount}.
            </p>
          )}
        </>
      )}
    </>
  );
}
