import { type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { DeleteWebhookSubscriptionMutation, WEBHOOK_TYPENAMES } from '../mutations';
import { useWebhookSubscription } from './WebhookView';
import { webhookPath } from './WebhooksView';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { NotFoundView } from '../../ui/NotFoundView';
import { Button } from '../../ui/fields';
import { problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import '../webhooks.css';

/** /admin/webhooks/:id/delete: confirm remove.fetching a subscription. */
export function DeleteWebhookView() {
  const navigate = useNavigate();
  const { sub, data, fetching, error } = useWebhookSubscription();
  const remove = useFormMutation(DeleteWebhookSubscriptionMutation, { fields: [] });
  const { problems } = remove;
  usePageTitle('Are you sure you want to delete this webhook subscription?', problems.length > 0);
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorSummary problems={problemsFrom(error)} />;
  if (!sub) return <NotFoundView />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await remove.submit({ input: { subscriptionId: sub.id } }, WEBHOOK_TYPENAMES);
    if (!r) return;
    const state: FlashState = { flash: `Webhook subscription to ${sub.url} deleted.` };
    navigate('/admin/webhooks', { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={webhookPath(sub.id)}>Back to the subscription</BackLink>
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l convene-break-all">{sub.url}</span>
        <h1 className="nhsuk-heading-l">Are you sure you want to delete this webhook subscription?</h1>
        <p className="nhsuk-body">
          Convene stops sending events to this address at once. Its delivery log is kept. You cannot undo this; to send
          events there again, create a new subscription, which gets a new signing secret.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <div className="convene-actions">
            <Button variant="warning" disabled={remove.fetching}>
              Delete the subscription
            </Button>
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to={webhookPath(sub.id)}>Keep it</Link>
            </p>
          </div>
        </form>
      </div>
    </div>
  );
}
