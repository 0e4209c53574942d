import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { makeSubject } from 'wonka';
import type { OperationResult } from '@urql/core';
import { NotificationBell } from './NotificationBell';
import { Harness, mockClient } from '../../test/mockClient';

function setup(unread: () => number) {
  const mock = mockClient({ UnreadNotifications: () => ({ data: { notifications: { totalCount: unread() } } }) });
  const subject = makeSubject<OperationResult>();
  (mock.client as unknown as { executeSubscription: unknown }).executeSubscription = () => subject.source;
  render(
    <Harness client={mock.client} path="/" route="/">
      <NotificationBell />
    </Harness>,
  );
  const push = (id: string, message: string) =>
    act(() =>
      subject.next({
        data: { notificationAdded: { id, kind: 'COMMUNITY_INVITATION', message, link: '/invitations/t', createdAt: '2026-11-26T09:00:00Z', read: false } },
        stale: false,
        hasNext: true,
      } as unknown as OperationResult),
    );
  return { mock, push };
}

describe('NotificationBell', () => {
  it('shows the unread count from the server, linked to /notifications', async () => {
    setup(() => 3);
    const link = await screen.findByRole('link', { name: 'Notifications 3 unread' });
    expect(link.getAttribute('href')).toBe('/notifications');
  });

  it('shows no count when nothing is unread', async () => {
    const { mock } = setup(() => 0);
    await screen.findByRole('link', { name: 'Notifications' });
    expect(mock.calls.map((c) => c.name)).toContain('UnreadNotifications');
    expect(document.getElementById('unread-count')).toBeNull();
  });

  it('bumps the count and announces a live notification politely', async () => {
    let unread = 1;
    const { mock, push } = setup(() => unread);
    await screen.findByRole('link', { name: 'Notifications 1 unread' });
    const live = document.getElementById('notification-live')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('');

    unread = 2;
    push('n-2', 'Chloe Mensah invites you to join Pressure ulcers community of practice');
    expect(await screen.findByRole('link', { name: 'Notifications 2 unread' })).toBeTruthy();
    expect(live.textContent).toBe('New: Chloe Mensah invites you to join Pressure ulcers community of practice');
    // The count is read again from the server, and not counted twice.
    expect(mock.calls.filter((c) => c.name === 'UnreadNotifications').length).toBeGreaterThan(1);

    // The same notification heard twice is counted once.
    push('n-2', 'Chloe Mensah invites you to join Pressure ulcers community of practice');
    expect(screen.getByRole('link', { name: 'Notifications 2 unread' })).toBeTruthy();
  });
});
