import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CreateWebhookView } from './CreateWebhookView';
import { WebhooksView } from './WebhooksView';
import { Harness, TEST_VIEWER, mockClient, validationError } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };
const SUB = {
  id: 'wh-1',
  url: 'https://dashboard.example.nhs.uk/convene/events',
  events: ['community.created', 'meeting.scheduled'],
  active: true,
  disabledReason: null,
  createdAt: '2026-11-26T09:00:00Z',
};
const SECRET = 'whsec_only-once-0123456789abcdef';

function renderCreate(handlers: Parameters<typeof mockClient>[0]) {
  const mock = mockClient(handlers);
  render(
    <Harness client={mock.client} path="/admin/webhooks/new" route="/admin/webhooks/new" viewer={TEAM} extraRoutes={{ '/admin/webhooks': <WebhooksView /> }}>
      <CreateWebhookView />
    </Harness>,
  );
  return mock;
}

describe('CreateWebhookView', () => {
  it('offers every event Convene sends, each labelled with its name', () => {
    renderCreate({});
    const group = screen.getByRole('group', { name: 'Which events should it receive?' });
    expect(within(group).getAllByRole('checkbox').map((c) => c.closest('.nhsuk-checkboxes__item')!.querySelector('label')!.textContent)).toEqual([
      'Application submitted (application.submitted)',
      'Selection decided (selection.decided)',
      'Outcome sent (outcome.sent)',
      'Community created (community.created)',
      'Domain definition agreed (community.domain_agreed)',
      'Meeting scheduled (meeting.scheduled)',
      'Practice published (practice.published)',
    ]);
  });

  it('links the server’s refusal of the address to the url field', async () => {
    renderCreate({
      CreateWebhookSubscription: () => ({ error: validationError([{ field: 'url', message: 'The address is not public: 127.0.0.1 is loopback' }]) }),
    });
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'http://127.0.0.1:9/hook' } });
    fireEvent.click(screen.getByLabelText('Community created (community.created)'));
    fireEvent.click(screen.getByRole('button', { name: 'Create the subscription' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#url');
    expect(document.getElementById('url-error')!.textContent).toContain('127.0.0.1 is loopback');
    expect(document.title).toBe('Error: Create a webhook subscription – Convene');
  });

  it('shows the signing secret once, with a warning, and never again after leaving', async () => {
    const mock = renderCreate({
      CreateWebhookSubscription: () => ({ data: { createWebhookSubscription: { secret: SECRET, subscription: SUB } } }),
      WebhookSubscriptions: () => ({ data: { webhookSubscriptions: { totalCount: 1, nodes: [SUB] } } }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create the subscription' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#url', '#events']);

    fireEvent.change(screen.getByLabelText('Address'), { target: { value: SUB.url } });
    fireEvent.click(screen.getByLabelText('Meeting scheduled (meeting.scheduled)'));
    fireEvent.click(screen.getByLabelText('Community created (community.created)'));
    fireEvent.click(screen.getByRole('button', { name: 'Create the subscription' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Webhook subscription created' })).toBeTruthy();
    const box = screen.getByLabelText('Signing secret') as HTMLInputElement;
    expect(box.value).toBe(SECRET);
    expect(box.readOnly).toBe(true);
    expect(screen.getByText(/This is the only time you will see the signing secret/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the secret' })).toBeTruthy();
    // Events go in the server's order, whatever order they were ticked in.
    expect(mock.calls.find((c) => c.name === 'CreateWebhookSubscription')?.variables).toEqual({
      input: { url: SUB.url, events: ['community.created', 'meeting.scheduled'] },
    });
    expect(window.location.href).not.toContain(SECRET);

    fireEvent.click(screen.getByRole('link', { name: 'Back to webhooks' }));
    const row = (await screen.findByRole('link', { name: SUB.url })).closest('tr')!;
    expect(within(row).getAllByText(/^(community\.created|meeting\.scheduled|Active)$/).map((t) => t.textContent)).toEqual([
      'community.created',
      'meeting.scheduled',
      'Active',
    ]);
    expect(document.body.textContent).not.toContain(SECRET);
  });
});
