import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';
import { signInAs, signOut } from './helpers';

test('a convener removes a member with a reason, and cancels an invitation not yet answered', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = `Medicines safety community ${run}`;
  const invitee = `invitee-${run}@example.nhs.uk`;

  // Amira starts an open community; Ben joins it.
  await signInAs(page, 'amira@convene.example', '/communities/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await page.getByLabel('Name of the community').fill(name);
  const domain = page.getByLabel('Domain');
  await domain.selectOption((await domain.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('radio', { name: 'Open' }).check();
  await page.getByRole('button', { name: 'Start the community' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).not.toHaveURL(/\/communities\/new$/);
  const home = new URL(page.url()).pathname;
  await signOut(page);
  await signInAs(page, 'ben@convene.example', home);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Join this community' }).click();
  await expect(page.getByRole('link', { name: 'Leave this community' })).toBeVisible();
  await signOut(page);

  // Amira removes Ben: the confirmation page asks the reason first.
  await signInAs(page, 'amira@convene.example', `${home}/members`);
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Ben Carter/ })).toBeVisible();
  await expectAccessible(page, 'members with remove links');
  await page.getByRole('link', { name: 'Remove Ben Carter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Are you sure you want to remove Ben Carter?' })).toBeVisible();
  await expectAccessible(page, 'remove a member');
  await page.getByRole('button', { name: 'Remove from the community' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('link', { name: /Enter the reason/ })).toBeVisible();
  await expectAccessible(page, 'remove a member with an error');
  await page.getByLabel('Why are you removing them?').fill('This community is for pharmacists leading medicines safety work.');
  await page.getByRole('button', { name: 'Remove from the community' }).click();
  await expect(page.getByText('Ben Carter has been removed from the community')).toBeVisible();
  await expect(page.getByRole('row', { name: /Ben Carter/ })).toHaveCount(0);
  await expectAccessible(page, 'members after a removal');

  // An invitation sent, then cancelled before it is answered.
  await page.goto(`${home}/invitations`);
  await expect(page.getByRole('heading', { level: 1, name: 'Invite people' })).toBeVisible();
  await page.getByLabel('Email address').fill(invitee);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}`)).toBeVisible();
  await page.getByRole('button', { name: `Cancel invitation to ${invitee}` }).click();
  await expect(page.getByText(`Invitation to ${invitee} cancelled`)).toBeVisible();
  await expect(page.getByRole('cell', { name: invitee })).toHaveCount(0);
  await expectAccessible(page, 'invitations after cancelling');
});
