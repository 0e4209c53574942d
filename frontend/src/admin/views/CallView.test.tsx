import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CallView } from './CallView';
import { CallsView } from './CallsView';
import { Harness, TEST_VIEWER, mockClient } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

function call(status: string) {
  return {
    id: 'call-1',
    title: 'Call for Conveners 2026',
    description: 'The first round.',
    status,
    opensAt: '2026-06-01T08:00:00Z',
    closesAt: '2026-07-31T16:30:00Z',
    decisionDueOn: '2026-09-08',
    fundedPlaces: 5,
    honorariumPence: 450000,
    budgetPence: 2250000,
    honorariumPolicy: 'REDISTRIBUTE',
    reviewersPerApplication: 3,
    rankBy: 'WEIGHTED_MEAN',
    criteria: [
      { id: 'c1', name: 'Passion and energy for the domain', weight: 2 },
      { id: 'c2', name: 'A workable plan', weight: 1 },
    ],
    applications: {
      totalCount: 1,
      nodes: [
        {
          id: 'app-1',
          status: 'SUBMITTED',
          submittedAt: '2026-07-30T10:00:00Z',
          updatedAt: '2026-07-30T10:00:00Z',
          domain: { id: 'd1', name: 'Medication safety' },
          lead: { id: 'p1', name: 'Dev Patel' },
          leadOrganisation: { id: 'org-1', name: 'Riverside NHS Foundation Trust' },
          sponsor: null,
          coLeads: [{ state: 'ACCEPTED' }, { state: 'INVITED' }],
        },
      ],
    },
  };
}

describe('CallsView', () => {
  it('lists the calls with London times and links to each', async () => {
    const mock = mockClient({
      AdminCalls: () => ({
        data: {
          calls: {
            nodes: [
              {
                id: 'call-1',
                title: 'Call for Conveners 2026',
                status: 'OPEN',
                opensAt: '2026-06-01T08:00:00Z',
                closesAt: '2026-07-31T16:30:00Z',
                decisionDueOn: '2026-09-08',
                fundedPlaces: 5,
              },
            ],
          },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/admin/calls" route="/admin/calls" viewer={TEAM}>
        <CallsView />
      </Harness>,
    );
    const link = await screen.findByRole('link', { name: 'Call for Conveners 2026' });
    expect(link.getAttribute('href')).toBe('/admin/calls/call-1');
    const row = link.closest('tr')!;
    expect(within(row).getByText('Open')).toBeTruthy();
    expect(within(row).getByText('1 June 2026 at 9am')).toBeTruthy();
    expect(within(row).getByText('31 July 2026 at 5:30pm')).toBeTruthy();
    expect(within(row).getByText('8 September 2026')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create a call' }).getAttribute('href')).toBe('/admin/calls/new');
  });

  it('says when there are no calls yet', async () => {
    const mock = mockClient({ AdminCalls: () => ({ data: { calls: { nodes: [] } } }) });
    render(
      <Harness client={mock.client} path="/admin/calls" route="/admin/calls" viewer={TEAM}>
        <CallsView />
      </Harness>,
    );
    expect(await screen.findByText('There are no calls yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('CallView', () => {
  it('shows the money in pounds and closes an open call only after confirming', async () => {
    let status = 'OPEN';
    const mock = mockClient({
      AdminCall: () => ({ data: { call: call(status) } }),
      CloseCall: ({ input }) => {
        status = 'CLOSED';
        return { data: { closeCall: { call: { id: (input as { callId: string }).callId, status, acceptingApplications: false } } } };
      },
    });
    render(
      <Harness client={mock.client} path="/admin/calls/call-1" route="/admin/calls/:id" viewer={TEAM}>
        <CallView />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Call for Conveners 2026' })).toBeTruthy();
    const details = (key: string) => screen.getByText(key, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(details('Honorarium per funded domain')).toBe('£4,500');
    expect(details('Budget')).toBe('£22,500');
    expect(details('Closes')).toBe('31 July 2026 at 5:30pm');
    expect(screen.getByText('Passion and energy for the domain (2)')).toBeTruthy();
    const app = screen.getByRole('link', { name: 'Medication safety' }).closest('tr')!;
    expect(within(app).getByText('1 of 2')).toBeTruthy();
    expect(within(app).getByText('None')).toBeTruthy();
    // Honoraria come after the decision.
    expect(screen.queryByRole('link', { name: 'Honoraria and payments' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Close this call' }));
    expect(mock.calls.some((c) => c.name === 'CloseCall')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, close the call' }));

    expect(await screen.findByText('The call is closed. You can now assign reviewers.')).toBeTruthy();
    expect(await screen.findByText('Closed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close this call' })).toBeNull();
    expect(mock.calls.filter((c) => c.name === 'CloseCall').map((c) => c.variables)).toEqual([{ input: { callId: 'call-1' } }]);
  });

  it('links to the honoraria once the call is decided', async () => {
    const mock = mockClient({ AdminCall: () => ({ data: { call: call('DECIDED') } }) });
    render(
      <Harness client={mock.client} path="/admin/calls/call-1" route="/admin/calls/:id" viewer={TEAM}>
        <CallView />
      </Harness>,
    );
    const link = await screen.findByRole('link', { name: 'Honoraria and payments' });
    expect(link.getAttribute('href')).toBe('/admin/calls/call-1/honoraria');
    expect(screen.queryByRole('button', { name: 'Close this call' })).toBeNull();
  });

  it('offers "Change" beside what the call’s stage still allows', async () => {
    const mock = mockClient({ AdminCall: () => ({ data: { call: { ...call('OPEN'), reviewsDueOn: '2026-08-20' } } }) });
    render(
      <Harness client={mock.client} path="/admin/calls/call-1" route="/admin/calls/:id" viewer={TEAM}>
        <CallView />
      </Harness>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Call for Conveners 2026' });
    const change = (label: string) =>
      screen
        .getAllByRole('link')
        .find((l) => l.textContent === `Change ${label.toLowerCase()}`)
        ?.getAttribute('href');
    expect(change('Closes')).toBe('/admin/calls/call-1/change/closes');
    expect(change('Reviews due by')).toBe('/admin/calls/call-1/change/reviews');
    expect(change('Criteria (weight)')).toBe('/admin/calls/call-1/change/criteria');
    expect(change('Opens')).toBeUndefined();
    expect(change('Funded places')).toBeUndefined();
    expect(screen.getByText('Reviews due by', { selector: 'dt' }).nextElementSibling?.textContent).toBe('20 August 2026');
  });
});
