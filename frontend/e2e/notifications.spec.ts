import { test, expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { signInAs, signOut } from './helpers';

const COMMUNITY = 'Pressure ulcers community of practice';
const CONVENER = 'chloe@convene.example'; // Chloe Mensah convenes it
const INVITEE = 'dev@convene.example'; // Dev Patel belongs to no community

function bell(page: Page) {
  return page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: /^Notifications/ });
}

async function unreadCount(page: Page): Promise<number> {
  const badge = page.locator('#unread-count');
  if ((await badge.count()) === 0) return 0;
  return Number.parseInt((await badge.textContent()) ?? '0', 10);
}

test('an invitee with the page open sees the bell rise live, then reads the notification', async ({ browser }) => {
  const inviteeContext = await browser.newContext();
  const convenerContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  const convener = await convenerContext.newPage();

  // The invitee signs in and waits on the home page: the bell subscribes over /graphql/ws.
  const socket = invitee.waitForEvent('websocket', (ws) => ws.url().endsWith('/graphql/ws'));
  await signInAs(invitee, INVITEE, '/communities');
  await expect(invitee.getByRole('heading', { level: 1 })).toBeVisible();
  const ws = await socket;
  await ws.waitForEvent('framesent', (f) => String(f.payload).includes('"subscribe"'));
  await expect(bell(invitee)).toBeVisible();
  const before = await unreadCount(invitee);

  // The convener invites them.
  await signInAs(convener, CONVENER, '/communities');
  await convener.getByRole('link', { name: COMMUNITY }).click();
  await convener.getByRole('link', { name: 'Invite people' }).click();
  await expect(convener.getByRole('heading', { level: 1, name: 'Invite people' })).toBeVisible();
  await convener.getByLabel('Email address').fill(INVITEE);
  await convener.getByRole('button', { name: 'Send invitation' }).click();
  await expect(convener.getByText(`Invitation sent to ${INVITEE}`)).toBeVisible();

  // Without reloading, the invitee's bell rises and the news is announced.
  const message = `Chloe Mensah invites you to join ${COMMUNITY}`;
  await expect(bell(invitee)).toHaveAccessibleName(`Notifications ${before + 1} unread`);
  await expect(invitee.locator('#notification-live')).toHaveText(`New: ${message}`);
  await expect(invitee.locator('#notification-live')).toHaveAttribute('aria-live', 'polite');

  await bell(invitee).click();
  await expect(invitee.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const item = invitee.locator('#notifications li', { hasText: message }).first();
  await expect(item.locator('.nhsuk-tag')).toHaveText('Unread');
  await expectAccessible(invitee, 'notifications');

  // Opening it marks it read and follows its link.
  await item.getByRole('link', { name: message }).click();
  await expect(invitee).toHaveURL(/\/invitations\//);
  await expect(invitee.getByRole('heading', { level: 1, name: message })).toBeVisible();
  await expect(bell(invitee)).toHaveAccessibleName(before === 0 ? 'Notifications' : `Notifications ${before} unread`);
  await bell(invitee).click();
  await expect(invitee.locator('#notifications li', { hasText: message }).first().locator('.nhsuk-tag')).toHaveCount(0);

  if (before > 0) {
    await invitee.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(invitee.getByText(/marked as read/)).toBeVisible();
    await expect(bell(invitee)).toHaveAccessibleName('Notifications');
  }
  await expect(invitee.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0);
  await expectAccessible(invitee, 'notifications, all read');

  await signOut(invitee);
  await expect(bell(invitee)).toHaveCount(0);
  await inviteeContext.close();
  await convenerContext.close();
});

test('the programme team is told a webhook cannot reach a loopback address', async ({ page }) => {
  await signInAs(page, 'programme@convene.example', '/');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expectAccessible(page, 'webhooks');

  await page.getByRole('link', { name: 'Create a webhook subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a webhook subscription' })).toBeVisible();
  await expectAccessible(page, 'create a webhook subscription');
  await page.getByRole('button', { name: 'Create the subscription' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveText(['Enter the address to send events to', 'Choose at least one event']);
  await expect(page).toHaveTitle(/^Error: Create a webhook subscription/);
  await expectAccessible(page, 'create a webhook subscription with errors');

  await page.getByLabel('Address').fill('http://127.0.0.1:9/convene-events');
  await page.getByLabel('Community created (community.created)').check();
  await page.getByLabel('Meeting scheduled (meeting.scheduled)').check();
  await page.getByRole('button', { name: 'Create the subscription' }).click();
  const link = summary.getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', '#url');
  await expect(page.locator('#url-error')).toBeVisible();
  await expect(page.locator('#url-error')).toContainText((await link.textContent())!);
  await expect(page.locator('#url')).toHaveAttribute('aria-describedby', /url-error/);
  await expect(page).toHaveTitle(/^Error: Create a webhook subscription/);
  await link.click();
  await expect(page.locator('#url')).toBeFocused();
  await expectAccessible(page, 'create a webhook subscription refused');
  await page.getByRole('link', { name: 'Back to webhooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
});
