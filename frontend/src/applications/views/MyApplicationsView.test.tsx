import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MyApplicationsView } from './MyApplicationsView';
import { CommunityStartedView } from './CommunityStartedView';
import { Harness, mockClient } from '../../test/mockClient';

function app(id: string, domain: string, outcome: 'FUNDED' | 'NOT_FUNDED' | null, community: { id: string; name: string } | null = null) {
  return {
    id,
    status: outcome ?? 'SUBMITTED',
    outcome,
    viewerIsLead: true,
    updatedAt: '2026-09-01T10:00:00Z',
    submittedAt: '2026-07-20T10:00:00Z',
    community,
    call: { id: 'call-1', title: 'Call for Conveners 2026', closesAt: '2026-07-31T16:30:00Z', acceptingApplications: false },
    domain: { id: `dom-${id}`, name: domain },
    lead: { id: 'person-1', name: 'Ada Lovelace' },
  };
}

const COMMUNITY = {
  id: 'com-1',
  name: 'Falls prevention community of practice',
  funded: false,
  origin: 'UNFUNDED_APPLICATION',
  stage: 'FORMING',
  membershipMode: 'ON_REQUEST',
  domain: { id: 'dom-a2', name: 'Falls prevention' },
  conveners: [
    { id: 'person-1', name: 'Ada Lovelace' },
    { id: 'person-2', name: 'Grace Hopper' },
  ],
};

describe('MyApplicationsView outcomes', () => {
  it('shows the outcome with warm words and starts a community from an unfunded application', async () => {
    const mock = mockClient({
      MyApplications: () => ({
        data: {
          viewer: {
            id: 'person-1',
            applications: { totalCount: 2, nodes: [app('a1', 'Medication safety', 'FUNDED', { id: 'com-0', name: 'Medication safety community of practice' }), app('a2', 'Falls prevention', 'NOT_FUNDED')] },
            coLeadInvitations: [],
          },
        },
      }),
      StartCommunityFromApplication: () => ({ data: { startCommunityFromApplication: { community: COMMUNITY } } }),
      ApplicationOutcome: () => ({
        data: {
          application: {
            id: 'a2',
            status: 'NOT_FUNDED',
            outcome: 'NOT_FUNDED',
            viewerIsLead: true,
            call: { id: 'call-1', title: 'Call for Conveners 2026', honorariumPence: 500000 },
            domain: { id: 'dom-a2', name: 'Falls prevention' },
            community: COMMUNITY,
          },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/applications" route="/applications" extraRoutes={{ '/applications/:id/community': <CommunityStartedView /> }}>
        <MyApplicationsView />
      </Harness>,
    );
    const funded = (await screen.findByRole('link', { name: 'Medication safety' })).closest('tr')!;
    expect(within(funded).getByText('Funded')).toBeTruthy();
    expect(within(funded).getByRole('link', { name: 'Medication safety community of practice' })).toBeTruthy();
    expect(within(funded).queryByRole('button', { name: /Start your community/ })).toBeNull();

    const unfunded = screen.getByRole('link', { name: 'Falls prevention' }).closest('tr')!;
    expect(within(unfunded).getByText('Not funded')).toBeTruthy();
    expect(
      within(unfunded).getByText("We strongly encourage you to convene anyway, with the network's admin and coaching support."),
    ).toBeTruthy();
    fireEvent.click(within(unfunded).getByRole('button', { name: /^Start your community\s*for Falls prevention$/ }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your community has started' })).toBeTruthy();
    expect(screen.getByText("Not funded: you keep the network's admin and coaching support")).toBeTruthy();
    expect(screen.getByText('Ada Lovelace, Grace Hopper')).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'StartCommunityFromApplication')?.variables).toEqual({ input: { applicationId: 'a2' } });
  });
});
