import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';
import { mailLink, register, signInAs, verifyEmail } from './helpers';

function someone(role: string) {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return { email: `${role}-${run}@example.nhs.uk`, password: `a long enough password ${run}`, name: `Sam ${role} ${run.slice(-4)}` };
}

test('a new person is told to confirm their address, asks for the link again, and confirms it by the mail', async ({ page }) => {
  const person = someone('newcomer');
  await register(page, person, '/communities/new');

  // The banner on every page, and a gated action explained in the form with the way out.
  const banner = page.locator('#verify-email-banner');
  await expect(banner).toContainText('Confirm your email address');
  await expect(banner).toContainText(person.email);
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await expectAccessible(page, 'start a community (address not confirmed)');
  const name = `Handover community ${Date.now()}`;
  await page.getByLabel('Name of the community').fill(name);
  const domain = page.getByLabel('Domain');
  await domain.selectOption((await domain.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('radio', { name: 'By invitation' }).check();
  await page.getByRole('button', { name: 'Start the community' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toContainText('Confirm your email address before you');
  // A link went at registration a moment ago: asking again says how long to wait.
  await summary.getByRole('button', { name: 'Send the link again' }).click();
  await expect(summary.getByRole('status')).toContainText(/wait \d+ seconds/);
  await expectAccessible(page, 'start a community refused (address not confirmed)');

  // The link from the mail confirms the address; the banner goes and the community starts.
  await verifyEmail(page, person.email);
  await expectAccessible(page, 'email address confirmed');
  await page.getByRole('link', { name: 'Go to my applications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.goto('/communities/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.getByLabel('Name of the community').fill(name);
  await domain.selectOption((await domain.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('radio', { name: 'By invitation' }).check();
  await page.getByRole('button', { name: 'Start the community' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // The link works once.
  await page.goto(await mailLink(person.email, '/verify-email'));
  await expect(page.getByRole('heading', { level: 1, name: 'We could not confirm your email address' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('This link has already been used');
  await expectAccessible(page, 'verification link used twice');
});

test('a person who forgot their password resets it by the mailed link and signs in', async ({ page }) => {
  const person = someone('forgetful');
  await register(page, person);
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You have signed out' })).toBeVisible();

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await expectAccessible(page, 'forgot password');
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter your email address');
  await expectAccessible(page, 'forgot password with an error');

  // The same answer for an address without an account…
  await page.getByLabel('Email address').fill(`nobody-${Date.now()}@example.nhs.uk`);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  const nobody = (await page.getByRole('main').textContent())!.replace(/nobody-\d+@example\.nhs\.uk/, 'ADDRESS');
  // …as for this person's.
  await page.goto('/forgot-password');
  await page.getByLabel('Email address').fill(person.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  expect((await page.getByRole('main').textContent())!.replace(person.email, 'ADDRESS')).toBe(nobody);
  await expectAccessible(page, 'check your email');

  // The mailed link: a new password, checked first for length.
  const link = await mailLink(person.email, '/reset-password');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Create a new password' })).toBeVisible();
  await expectAccessible(page, 'create a new password');
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#newPassword-error')).toContainText('12 characters or more');
  await expectAccessible(page, 'create a new password with an error');
  const newPassword = `${person.password} renewed`;
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your password has been changed' })).toBeVisible();
  await expectAccessible(page, 'password changed');

  // The old password no longer works; the new one does, and the reset proved the address.
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  await expect(page.locator('#verify-email-banner')).toHaveCount(0);

  // The link works once.
  await page.goto(link);
  await page.getByLabel('New password').fill(`${newPassword} again`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText('This link has already been used');
  await expect(page.getByRole('link', { name: 'Ask for a new password reset link' })).toBeVisible();
});

test('a person corrects their profile, changes password and address, and ends their sessions', async ({ page, browser }) => {
  const person = someone('mover');
  await register(page, person);
  await verifyEmail(page, person.email);

  // A second device.
  const other = await (await browser.newContext()).newPage();
  await signInAs(other, person.email, '/applications', person.password);
  await expect(other.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();

  // The account page, from the name in the header.
  await page.goto('/applications');
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: /Your account/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.locator('.nhsuk-summary-list')).toContainText('Confirmed');
  const sessions = page.getByRole('table', { name: /Your sessions/ }).locator('tbody tr');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'This device' })).toHaveCount(1);
  await expectAccessible(page, 'your account');

  // A move to another organisation is kept as history.
  const before = (await page.locator('.nhsuk-summary-list__row', { hasText: 'Organisation' }).locator('.nhsuk-summary-list__value').textContent())!.trim();
  await page.getByRole('link', { name: 'Change organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your organisation' })).toBeVisible();
  await expectAccessible(page, 'change your organisation');
  const select = page.getByLabel('Organisation you work for');
  await expect(select.locator('option', { hasText: '(NHS trust)' }).nth(1)).toBeAttached();
  const choice = select.locator('option', { hasText: '(NHS trust)' }).filter({ hasNotText: before });
  await select.selectOption((await choice.first().getAttribute('value'))!);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your organisation has been changed')).toBeVisible();
  const history = page.getByRole('table', { name: 'Organisations you moved from' });
  await expect(history).toContainText(before);
  await expectAccessible(page, 'your account after moving');

  // The name, one question on its page, first left empty.
  await page.getByRole('link', { name: 'Change name' }).click();
  await page.getByLabel('Full name').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter your name');
  await expectAccessible(page, 'change your name with an error');
  const renamed = `${person.name} Jones`;
  await page.getByLabel('Full name').fill(renamed);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your name has been changed')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(renamed);

  // The other device is signed out from here.
  await sessions.filter({ hasNotText: 'This device' }).getByRole('button', { name: /^Sign out/ }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('is signed out');
  await expect(sessions).toHaveCount(1);

  // A new password: the wrong current one is refused; this device stays signed in.
  await page.getByRole('link', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
  await page.getByLabel('Current password').fill('not my password at all');
  await page.getByLabel('New password').fill(`${person.password} changed`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#currentPassword-error')).toBeVisible();
  await expectAccessible(page, 'change your password with an error');
  await page.getByLabel('Current password').fill(person.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(renamed);

  // A new address takes effect when the link sent to it is opened.
  const newEmail = `moved-${Date.now()}@example.nhs.uk`;
  await page.getByRole('link', { name: 'Change email address' }).click();
  await expectAccessible(page, 'change your email address');
  await page.getByLabel('New email address').fill(newEmail);
  await page.getByLabel('Your password').fill(`${person.password} changed`);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your new email address' })).toBeVisible();
  await expectAccessible(page, 'check your new email address');
  await page.goto(await mailLink(newEmail, '/confirm-email'));
  await expect(page.getByRole('heading', { level: 1, name: 'Your email address has changed' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(newEmail);
  await expectAccessible(page, 'email address changed');

  // Everywhere, this device included.
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You have signed out everywhere' })).toBeVisible();
  await expectAccessible(page, 'signed out everywhere');
  await signInAs(page, newEmail, '/account', `${person.password} changed`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.locator('.nhsuk-summary-list')).toContainText(newEmail);

  // The programme team sees the move on the people page.
  await page.goto('/sign-out');
  await signInAs(page, 'programme@convene.example', '/admin/people');
  await page.getByLabel('Search by name or email').fill(renamed);
  const row = page.getByRole('row', { name: new RegExp(renamed) });
  await expect(row).toHaveCount(1);
  await row.getByText('Organisation history').click();
  await expect(row.getByRole('table')).toContainText(before);
  await expectAccessible(page, 'people with an organisation history');
});
