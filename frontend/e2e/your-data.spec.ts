import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './axe';
import { register } from './helpers';

test('a person downloads everything held about them, then deletes their account', async ({ page }) => {
  const run = `${Date.now()}`.slice(-6);
  const person = { email: `leaving.${run}@convene.example`, password: `leaving-pass-${run}`, name: `Lee Leaving ${run}` };

  // A new account of their own.
  await register(page, person);

  // Your data, from the account area.
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Your data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await expectAccessible(page, 'your data');
  await page.getByRole('button', { name: 'Prepare my data' }).click();
  await expect(page.getByRole('status')).toContainText('is ready');
  const tables = page.getByRole('table', { name: 'Each kind of record as a spreadsheet' });
  await expect(tables.getByRole('row')).not.toHaveCount(1);
  await expectAccessible(page, 'your data exported');

  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download everything (JSON)' }).click();
  const everything = readFileSync(await (await json).path(), 'utf8');
  expect(everything).toContain(person.email);
  expect(() => JSON.parse(everything)).not.toThrow();

  const csv = page.waitForEvent('download');
  await tables.getByRole('button', { name: /^Download CSV/ }).first().click();
  expect((await csv).suggestedFilename()).toMatch(/^convene-.+\.csv$/);

  // Delete the account: a wrong password is shown beside the field.
  await page.getByRole('link', { name: 'Delete your account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delete your account' })).toBeVisible();
  await expect(page.getByText('What is kept, and why')).toBeVisible();
  await expectAccessible(page, 'delete your account');
  await page.getByLabel('Your password').fill('not-my-password');
  await page.getByRole('checkbox', { name: /I understand/ }).check();
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.locator('#password-error')).toBeVisible();
  await expectAccessible(page, 'delete your account with errors');

  await page.getByLabel('Your password').fill(person.password);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account has been deleted' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'account deleted');

  // Signing in again fails.
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
