import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { InvitationView } from './InvitationView';
import { Harness, mockClient, TEST_VIEWER, type Handler } from '../../test/mockClient';

const INVITATION = {
  id: 'inv-1',
  state: 'PENDING',
  email: 'new.person@example.nhs.uk',
  message: 'Hello,\n\nWould you join our first conversation?\n\nAmira',
  sentAt: '2026-10-05T09:00:00Z',
  invitedBy: { id: 'person-9', name: 'Amira Haddad' },
  community: {
    id: 'com-1',
    name: 'Medication safety community of practice',
    membershipMode: 'INVITATION',
    listed: true,
    domain: { id: 'dom-1', name: 'Medication safety' },
  },
};

function renderInvitation(handlers: Record<string, Handler>, viewer: typeof TEST_VIEWER | null) {
  const mock = mockClient({ Invitation: () => ({ data: { invitation: INVITATION } }), ...handlers });
  render(
    <Harness
      client={mock.client}
      path="/invitations/tok-123"
      route="/invitations/:token"
      viewer={viewer}
      extraRoutes={{ '/communities/:id': <h1>The community</h1> }}
    >
      <InvitationView />
    </Harness>,
  );
  return mock;
}

describe('InvitationView', () => {
  it('shows a signed-out visitor who invites them, the message, sign-in or registration, and decline', async () => {
    const mock = renderInvitation(
      { DeclineInvitation: () => ({ data: { declineInvitation: { declined: true } } }) },
      null,
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Amira Haddad invites you to join Medication safety community of practice' }),
    ).toBeTruthy();
    expect(screen.getByText(/Would you join our first conversation\?/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create an account' }).getAttribute('href')).toBe(
      '/register?next=%2Finvitations%2Ftok-123',
    );
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in?next=%2Finvitations%2Ftok-123');
    expect(screen.queryByRole('button', { name: 'Accept the invitation' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Decline the invitation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You declined the invitation' })).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'DeclineInvitation')?.variables).toEqual({ input: { token: 'tok-123' } });
  });

  it('lets a signed-in person accept, then opens the community', async () => {
    const mock = renderInvitation(
      {
        AcceptInvitation: () => ({
          data: { acceptInvitation: { community: { ...INVITATION.community, viewerRole: 'MEMBER', stage: 'FORMING', funded: false, origin: 'SELF_ORGANISED', conveners: [] } } },
        }),
      },
      TEST_VIEWER,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Accept the invitation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'The community' })).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'AcceptInvitation')?.variables).toEqual({ input: { token: 'tok-123' } });
  });

  it('says when the link is not valid', async () => {
    const mock = mockClient({ Invitation: () => ({ data: { invitation: null } }) });
    render(
      <Harness client={mock.client} path="/invitations/nope" route="/invitations/:token" viewer={null}>
        <InvitationView />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Invitation not found' })).toBeTruthy();
  });

  it('says when the invitation has expired', async () => {
    const mock = mockClient({ Invitation: () => ({ data: { invitation: { ...INVITATION, state: 'EXPIRED' } } }) });
    render(
      <Harness client={mock.client} path="/invitations/old" route="/invitations/:token" viewer={null}>
        <InvitationView />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation has expired' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Decline/ })).toBeNull();
  });
});
