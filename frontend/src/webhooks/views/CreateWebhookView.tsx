import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CreateWebhookSubscriptionMutation, WEBHOOK_TYPENAMES } from '../mutations';
import { EVENTS, EVENT_VALUES, eventLabel } from '../labels';
import { webhookPath } from './WebhooksView';
import { Checkboxes } from '../../community-life/components/Checkboxes';
import type { CreateWebhookSubscriptionMutation as Created } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, Tag, TextInput } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';

type Payload = Created['createWebhookSubscription'];

/**
 * /admin/webhooks/new: subscribe a partner system to events. The confirmation that follows
 * shows the signing secret this once, from memory only: never in the address, the history or
 * the list.
 */
export function CreateWebhookView() {
  const [created, setCreated] = useState<Payload | null>(null);
  return created ? <WebhookSecretOnce created={created} /> : <CreateForm onCreated={setCreated} />;
}

/** The event checkboxes' options: "Application submitted (application.submitted)" with a hint. */
export function eventOptions() {
  return EVENT_VALUES.map((e) => ({ value: e, label: eventLabel(e), hint: EVENTS[e]?.hint }));
}

function CreateForm({ onCreated }: { onCreated: (c: Payload) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const create = useFormMutation(CreateWebhookSubscriptionMutation);
  const { problems, setProblems, fetching } = create;
  usePageTitle('Create a webhook subscription', problems.length > 0);
  const err = (f: string) => fieldError(problems, f);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    const address = url.trim();
    if (!address) local.push({ field: 'url', message: 'Enter the address to send events to' });
    else if (!/^https?:\/\/\S+$/i.test(address))
      local.push({ field: 'url', message: 'Enter an address that starts with https:// or http://' });
    if (events.length === 0) local.push({ field: 'events', message: 'Choose at least one event' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await create.submit({ input: { url: address, events: EVENT_VALUES.filter((v) => events.includes(v)) } }, WEBHOOK_TYPENAMES);
    if (!r) return;
    onCreated(r.createWebhookSubscription);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/admin/webhooks">Back to webhooks</BackLink>
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">Create a webhook subscription</h1>
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="url"
            label="Address"
            hint="Where the partner system receives events, for example https://dashboard.example.nhs.uk/convene/events. It must be reachable on the internet."
            type="url"
            spellCheck={false}
            autoComplete="off"
            value={url}
            onChange={setUrl}
            error={err('url')}
          />
          <Checkboxes
            id="events"
            legend="Which events should it receive?"
            hint="Select all that apply. Events about a community are sent only for communities in the public directory."
            values={events}
            onChange={setEvents}
            error={err('events')}
            options={eventOptions()}
          />
          <Button disabled={fetching}>Create the subscription</Button>
        </form>
      </div>
    </div>
  );
}

/** The confirmation: the subscription and, this once, its signing secret in a copyable box. */
export function WebhookSecretOnce({ created }: { created: Payload }) {
  usePageTitle('Webhook subscription created');
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    box.current?.select();
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const sub = created.subscription;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title" ref={heading} tabIndex={-1}>
            Webhook subscription created
          </h1>
          <div className="nhsuk-panel__body convene-break-all">{sub.url}</div>
        </div>
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
        </dl>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Copy the signing secret now
            </span>
          </h2>
          <p>
            This is the only time you will see the signing secret. The partner system uses it to check that each event
            really came from Convene (the <code>webhook-signature</code> header). Give it to the partner organisation
            securely. If it is lost, delete this subscription and create a new one.
          </p>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-label--s" htmlFor="signing-secret">
            Signing secret
          </label>
          <input
            ref={box}
            className="nhsuk-input"
            id="signing-secret"
            readOnly
            spellCheck={false}
            value={created.secret}
            onFocus={(e) => e.target.select()}
          />
        </div>
        <div className="convene-actions">
          <Button type="button" variant="secondary" onClick={() => void copy()}>
            Copy the secret
          </Button>
          <p className="nhsuk-body nhsuk-u-margin-bottom-0" role="status">
            {copied ? 'Copied' : ''}
          </p>
        </div>
        <p className="nhsuk-body nhsuk-u-margin-top-4">
          <Link to={webhookPath(sub.id)}>I have copied the secret: go to the subscription</Link>
        </p>
        <p className="nhsuk-body">
          <Link to="/admin/webhooks">Back to webhooks</Link>
        </p>
      </div>
    </div>
  );
}
