import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CommunitySettingsView, settingsChanges } from './CommunitySettingsView';
import { CoachView } from './CoachView';
import { MyCommunitiesView } from './MyCommunitiesView';
import { communityFixture } from '../fixtures';
import { nextStages } from '../labels';
import { Harness, mockClient, TEST_VIEWER } from '../../test/mockClient';

describe('community settings', () => {
  it('sends only what changed', () => {
    const c = communityFixture();
    expect(settingsChanges(c, { name: c.name, mode: 'OPEN', listed: true, stage: 'FORMING' })).toEqual({ communityId: 'com-1' });
    expect(settingsChanges(c, { name: ' New name ', mode: 'INVITATION', listed: false, stage: 'ACTIVE' })).toEqual({
      communityId: 'com-1',
      name: 'New name',
      membershipMode: 'INVITATION',
      listed: false,
      stage: 'ACTIVE',
    });
  });

  it('offers only the stages the community can move to', () => {
    expect(nextStages('FORMING')).toEqual(['ACTIVE', 'CLOSED']);
    expect(nextStages('DORMANT')).toEqual(['ACTIVE', 'CLOSED']);
    expect(nextStages('CLOSED')).toEqual([]);
  });

  it('asks for confirmation before closing the community', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CONVENER', stage: 'ACTIVE' }) } }),
      UpdateCommunity: () => ({ data: { updateCommunity: { community: communityFixture({ viewerRole: 'CONVENER', stage: 'CLOSED' }) } } }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/settings" route="/communities/:id/settings" extraRoutes={{ '/communities/:id': <h1>Home</h1> }}>
        <CommunitySettingsView />
      </Harness>,
    );
    const stage = await screen.findByRole('group', { name: 'Stage' });
    expect(within(stage).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['ACTIVE', 'DORMANT', 'CLOSED']);
    fireEvent.click(within(stage).getByLabelText('Closed'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Are you sure you want to close Medication safety community of practice?' })).toBeTruthy();
    expect(mock.calls.some((c) => c.name === 'UpdateCommunity')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Close the community' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'UpdateCommunity')?.variables).toEqual({ input: { communityId: 'com-1', stage: 'CLOSED' } });
  });
});

describe('CoachView', () => {
  it('lists only people with the coach role', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture() } }),
      Coaches: () => ({
        data: {
          people: {
            nodes: [
              { id: 'p1', name: 'Sam Whitfield', roles: ['COACH'], profession: 'Improvement coach', organisation: { id: 'o1', name: 'The network' } },
              { id: 'p2', name: 'Priya Raman', roles: ['PROGRAMME_TEAM'], profession: null, organisation: { id: 'o1', name: 'The network' } },
            ],
          },
        },
      }),
      AssignCoach: () => ({ data: { assignCoach: { community: { id: 'com-1', coach: { id: 'p1', name: 'Sam Whitfield' } } } } }),
    });
    render(
      <Harness
        client={mock.client}
        path="/communities/com-1/coach"
        route="/communities/:id/coach"
        viewer={{ ...TEST_VIEWER, roles: ['PROGRAMME_TEAM'] }}
        extraRoutes={{ '/communities/:id': <h1>Home</h1> }}
      >
        <CoachView />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Save coach' }));
    expect(await screen.findByRole('link', { name: 'Choose a coach, or no coach' })).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual([
      'Sam WhitfieldImprovement coach, The network',
      'No coach',
    ]);
    fireEvent.click(screen.getByLabelText('Sam Whitfield'));
    fireEvent.click(screen.getByRole('button', { name: 'Save coach' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'AssignCoach')?.variables).toEqual({ input: { communityId: 'com-1', coachId: 'p1' } });
  });
});

describe('MyCommunitiesView', () => {
  it('lists the viewer’s communities with their role and links', async () => {
    const mock = mockClient({
      MyCommunities: () => ({
        data: {
          viewer: {
            id: 'person-1',
            communities: [
              { role: 'MEMBER', joinedAt: '2026-10-01T09:00:00Z', community: { id: 'c2', name: 'Sepsis network', stage: 'ACTIVE' } },
              { role: 'CONVENER', joinedAt: '2026-10-01T09:00:00Z', community: { id: 'c1', name: 'Falls community', stage: 'FORMING' } },
            ],
          },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/my-communities" route="/my-communities">
        <MyCommunitiesView />
      </Harness>,
    );
    const links = await screen.findAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Falls community', '/communities/c1'],
      ['Sepsis network', '/communities/c2'],
    ]);
    expect(document.getElementById('my-communities')!.textContent).toContain('Falls communityConvener Forming');
  });
});
