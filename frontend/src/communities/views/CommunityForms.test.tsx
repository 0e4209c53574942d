import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CreateCommunityView } from './CreateCommunityView';
import { InvitationsView } from './InvitationsView';
import { DecideJoinRequestView } from './JoinRequestsView';
import { Harness, mockClient, validationError } from '../../test/mockClient';
import { communityFixture } from '../fixtures';

const DOMAINS = {
  domains: {
    nodes: [
      { id: 'dom-1', name: 'Medication safety', description: '' },
      { id: 'dom-2', name: 'Falls prevention', description: '' },
    ],
  },
};

describe('CreateCommunityView', () => {
  it('asks for a name, a domain and a membership mode, then opens the new community', async () => {
    const mock = mockClient({
      CommunityDomains: () => ({ data: DOMAINS }),
      CreateCommunity: () => ({ data: { createCommunity: { community: communityFixture({ id: 'com-7', viewerRole: 'CONVENER' }) } } }),
    });
    render(
      <Harness client={mock.client} path="/communities/new" route="/communities/new" extraRoutes={{ '/communities/:id': <h1>The new community</h1> }}>
        <CreateCommunityView />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Start the community' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Enter a name for the community',
      'Choose the community’s domain',
      'Choose how people join the community',
    ]);
    expect(document.title).toBe('Error: Start a community – Convene');

    fireEvent.change(screen.getByLabelText('Name of the community'), { target: { value: ' Falls prevention network ' } });
    fireEvent.change(screen.getByLabelText('Domain'), { target: { value: 'dom-2' } });
    fireEvent.click(screen.getByLabelText('On request'));
    fireEvent.click(screen.getByLabelText('List the community in the directory'));
    fireEvent.click(screen.getByRole('button', { name: 'Start the community' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'The new community' })).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'CreateCommunity')?.variables).toEqual({
      input: { name: 'Falls prevention network', domainId: 'dom-2', membershipMode: 'ON_REQUEST', listed: false },
    });
  });
});

describe('InvitationsView', () => {
  it('prefills a warm message the convener can edit, and lists the invitations with their state', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CONVENER' }) } }),
      CommunityInvitations: () => ({
        data: {
          community: {
            id: 'com-1',
            invitations: [
              { id: 'i1', email: 'grace@example.nhs.uk', state: 'PENDING', sentAt: '2026-10-05T09:00:00Z', remindedAt: null, invitedBy: { id: 'person-1', name: 'Ada Lovelace' } },
              { id: 'i2', email: 'ben@example.nhs.uk', state: 'ACCEPTED', sentAt: '2026-10-04T09:00:00Z', remindedAt: null, invitedBy: { id: 'person-1', name: 'Ada Lovelace' } },
            ],
          },
        },
      }),
      InviteMember: () => ({ error: validationError([{ field: 'email', message: 'Enter an email address in the correct format' }]) }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/invitations" route="/communities/:id/invitations">
        <InvitationsView />
      </Harness>,
    );
    const message = (await screen.findByLabelText('Your message')) as HTMLTextAreaElement;
    expect(message.value).toContain(
      'We are starting a community of practice, Medication safety community of practice, for people who care about medication safety.',
    );
    expect(message.value).toContain('we help each other');
    expect(message.value.trim().endsWith('Ada Lovelace')).toBe(true);
    const table = screen.getByRole('table');
    expect(within(table).getByText('grace@example.nhs.uk').closest('tr')!.textContent).toContain('Waiting for an answer');
    expect(within(table).getByText('ben@example.nhs.uk').closest('tr')!.textContent).toContain('Accepted');

    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'not-an-address' } });
    fireEvent.change(message, { target: { value: 'Would you join us? Ada' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByRole('link', { name: 'Enter an email address in the correct format' })).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'InviteMember')?.variables).toEqual({
      input: { communityId: 'com-1', email: 'not-an-address', message: 'Would you join us? Ada' },
    });
  });

  it('lets a convener cancel a pending invitation, and only a pending one', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CONVENER' }) } }),
      CommunityInvitations: () => ({
        data: {
          community: {
            id: 'com-1',
            invitations: [
              { id: 'i1', email: 'grace@example.nhs.uk', state: 'PENDING', sentAt: '2026-10-05T09:00:00Z', remindedAt: null, invitedBy: { id: 'person-1', name: 'Ada Lovelace' } },
              { id: 'i2', email: 'ben@example.nhs.uk', state: 'ACCEPTED', sentAt: '2026-10-04T09:00:00Z', remindedAt: null, invitedBy: { id: 'person-1', name: 'Ada Lovelace' } },
            ],
          },
        },
      }),
      CancelInvitation: () => ({ data: { cancelInvitation: { community: { id: 'com-1' } } } }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/invitations" route="/communities/:id/invitations">
        <InvitationsView />
      </Harness>,
    );
    const cancel = await screen.findByRole('button', { name: /^Cancel invitation\s*to grace@example\.nhs\.uk$/ });
    expect(screen.queryByRole('button', { name: /ben@example\.nhs\.uk/ })).toBeNull();
    fireEvent.click(cancel);
    expect(await screen.findByText('Invitation to grace@example.nhs.uk cancelled')).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'CancelInvitation')?.variables).toEqual({ input: { invitationId: 'i1' } });
  });

  it('offers no cancelling to the core group', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CORE' }) } }),
      CommunityInvitations: () => ({
        data: {
          community: {
            id: 'com-1',
            invitations: [
              { id: 'i1', email: 'grace@example.nhs.uk', state: 'PENDING', sentAt: '2026-10-05T09:00:00Z', remindedAt: null, invitedBy: { id: 'person-1', name: 'Ada Lovelace' } },
            ],
          },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/invitations" route="/communities/:id/invitations">
        <InvitationsView />
      </Harness>,
    );
    expect(await screen.findByText('grace@example.nhs.uk')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Cancel invitation/ })).toBeNull();
  });
});

describe('DecideJoinRequestView', () => {
  it('needs a reason to decline', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CORE', membershipMode: 'ON_REQUEST' }) } }),
      JoinRequests: () => ({
        data: {
          community: {
            id: 'com-1',
            joinRequests: [
              { id: 'r1', note: 'I lead our ward’s omitted-doses audit.', status: 'PENDING', reason: null, createdAt: '2026-10-06T09:00:00Z', person: { id: 'person-3', name: 'Chloe Mensah' } },
            ],
          },
        },
      }),
      DecideJoinRequest: () => ({ data: { decideJoinRequest: { request: { id: 'r1', status: 'DECLINED', reason: 'Full for now' } } } }),
    });
    render(
      <Harness
        client={mock.client}
        path="/communities/com-1/requests/r1"
        route="/communities/:id/requests/:requestId"
        extraRoutes={{ '/communities/:id/requests': <h1>Requests</h1> }}
      >
        <DecideJoinRequestView />
      </Harness>,
    );
    expect(await screen.findByText('I lead our ward’s omitted-doses audit.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('No, decline the request'));
    fireEvent.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByRole('link', { name: 'Give a reason for declining' })).toBeTruthy();
    expect(mock.calls.some((c) => c.name === 'DecideJoinRequest')).toBe(false);

    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Full for now' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Requests' })).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'DecideJoinRequest')?.variables).toEqual({
      input: { requestId: 'r1', approve: false, reason: 'Full for now' },
    });
  });
});
