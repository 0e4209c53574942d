import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CommunityView } from './CommunityView';
import { Harness, TEST_VIEWER, mockClient, type Handler } from '../../test/mockClient';
import { communityFixture, STEPS_FIXTURE, viewerCanFor } from '../fixtures';
import type { CommunityHome } from '../components/CommunityLoader';

function renderHome(community: CommunityHome, extra: Record<string, Handler> = {}, viewer?: null) {
  const mock = mockClient({
    Community: () => ({ data: { community } }),
    CommunityInside: () => ({
      data: {
        community: {
          id: community.id,
          members: [
            { person: { id: 'person-9', name: 'Amira Haddad' }, role: 'CONVENER', joinedAt: '2026-10-01T09:00:00Z' },
            { person: { id: 'person-1', name: 'Ada Lovelace' }, role: 'CORE', joinedAt: '2026-10-03T09:00:00Z' },
          ],
          startupSteps: STEPS_FIXTURE,
        },
      },
    }),
    ...extra,
  });
  render(
    <Harness client={mock.client} path={`/communities/${community.id}`} route="/communities/:id" viewer={viewer}>
      <CommunityView />
    </Harness>,
  );
  return mock;
}

describe('CommunityView start-up steps', () => {
  it('shows the six steps of FAQ 10 in order, each with its owner and status', async () => {
    renderHome(communityFixture({ viewerRole: 'CONVENER' }));
    await screen.findByRole('heading', { level: 2, name: 'Start-up steps' });
    const steps = document.getElementById('startup-steps')!;
    const items = within(steps).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('link').textContent)).toEqual([
      'Develop the domain',
      'Map community members',
      'Invitation',
      'Initial conversation: domain definition and plan',
      'Roles and responsibilities',
      'Define the community',
    ]);
    expect(items.map((li) => li.querySelector('.nhsuk-task-list__hint')?.textContent)).toEqual([
      'Owner: Convener',
      'Owner: Convener',
      'Owner: Convener',
      'Owner: Convener and core group',
      'Owner: Core group',
      'Owner: Core group',
    ]);
    expect(items.map((li) => li.querySelector('.nhsuk-task-list__status')?.textContent)).toEqual([
      'Completed',
      'Not started',
      'Not started',
      'Not started',
      'Not started',
      'Not started',
    ]);
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe('/communities/com-1/steps/develop-the-domain');
    expect(screen.getByText(/1 of 6 steps completed/)).toBeTruthy();
    // A convener runs it: invitations, and a way out.
    expect(screen.getByRole('link', { name: 'Invite people' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Members (2)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Leave this community' })).toBeTruthy();
  });

  it('keeps the inside of the community from people outside it', async () => {
    const mock = renderHome(communityFixture());
    await screen.findByRole('heading', { level: 1, name: 'Medication safety community of practice' });
    expect(screen.queryByRole('heading', { name: 'Start-up steps' })).toBeNull();
    expect(mock.calls.some((c) => c.name === 'CommunityInside')).toBe(false);
  });

  it('shows the agreed domain definition with who agreed it', async () => {
    renderHome(
      communityFixture({
        domainDefinition: {
          id: 'v2',
          version: 2,
          text: 'Safer prescribing, dispensing and administration of medicines.',
          agreedAt: '2026-10-20T10:00:00Z',
          agreedBy: { id: 'person-1', name: 'Ada Lovelace' },
          proposedBy: { id: 'person-9', name: 'Amira Haddad' },
        },
      }),
    );
    expect(await screen.findByText('Safer prescribing, dispensing and administration of medicines.')).toBeTruthy();
    expect(screen.getByText('Version 2, agreed by Ada Lovelace on 20 October 2026.')).toBeTruthy();
  });
});

describe('CommunityView joining follows the membership mode', () => {
  it('OPEN: a button joins at once', async () => {
    const mock = renderHome(communityFixture({ membershipMode: 'OPEN' }), {
      JoinCommunity: () => ({
        data: { joinCommunity: { joined: true, request: null, community: communityFixture({ viewerRole: 'MEMBER' }) } },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Join this community' }));
    expect(await screen.findByText('You have joined Medication safety community of practice')).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'JoinCommunity')?.variables).toEqual({ input: { communityId: 'com-1' } });
    expect(screen.queryByRole('link', { name: 'Ask to join' })).toBeNull();
  });

  it('ON_REQUEST: asks to join, with a note, on a page of its own', async () => {
    renderHome(communityFixture({ membershipMode: 'ON_REQUEST' }));
    const ask = await screen.findByRole('button', { name: 'Ask to join' });
    expect(ask.getAttribute('href')).toBe('/communities/com-1/join');
    expect(screen.queryByRole('button', { name: 'Join this community' })).toBeNull();
  });

  it('INVITATION: by invitation only, no button', async () => {
    renderHome(communityFixture({ membershipMode: 'INVITATION' }));
    expect(await screen.findByText(/This community is by invitation only/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Join this community' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ask to join' })).toBeNull();
  });

  it('signed out: sign in or create an account first, coming back here', async () => {
    renderHome(communityFixture({ membershipMode: 'OPEN' }), {}, null);
    const signIn = await screen.findByRole('link', { name: 'Sign in' });
    expect(signIn.getAttribute('href')).toBe('/sign-in?next=%2Fcommunities%2Fcom-1');
    expect(screen.queryByRole('button', { name: 'Join this community' })).toBeNull();
  });

  it('a member sees no join button', async () => {
    renderHome(communityFixture({ membershipMode: 'OPEN', viewerRole: 'MEMBER' }));
    await screen.findByRole('heading', { level: 2, name: 'Start-up steps' });
    expect(screen.queryByRole('button', { name: 'Join this community' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Invite people' })).toBeNull();
  });
});

describe('CommunityView members CSV and history', () => {
  const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

  function renderAs(community: CommunityHome, viewer: typeof TEST_VIEWER) {
    const mock = mockClient({
      Community: () => ({ data: { community } }),
      CommunityInside: () => ({ data: { community: { id: community.id, members: [], startupSteps: STEPS_FIXTURE } } }),
    });
    render(
      <Harness client={mock.client} path={`/communities/${community.id}`} route="/communities/:id" viewer={viewer}>
        <CommunityView />
      </Harness>,
    );
  }

  it('offers its conveners the members as a CSV', async () => {
    renderAs(communityFixture({ viewerRole: 'CONVENER' }), TEST_VIEWER);
    await screen.findByRole('heading', { level: 2, name: 'People' });
    expect(screen.getByRole('button', { name: 'Download members (CSV)' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'History of changes' })).toBeNull();
  });

  it('offers the programme team the CSV and the history of changes, but not a core member', async () => {
    renderAs(communityFixture({ viewerCan: viewerCanFor(null, { programmeTeam: true }) }), TEAM);
    await screen.findByRole('heading', { level: 2, name: 'People' });
    expect(screen.getByRole('button', { name: 'Download members (CSV)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'History of changes' }).getAttribute('href')).toBe('/admin/audit?entityId=com-1');
    cleanup();
    renderAs(communityFixture({ viewerRole: 'CORE' }), TEST_VIEWER);
    await screen.findByRole('heading', { level: 2, name: 'People' });
    expect(screen.queryByRole('button', { name: 'Download members (CSV)' })).toBeNull();
  });
});
