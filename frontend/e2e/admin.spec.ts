import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';

// The programme-team account of the demo data (CONVENE_DEMO=1).
const TEAM = { email: 'programme@convene.example', password: 'convene-demo-2026' };

test('the programme team runs calls, domains, organisations and people', async ({ page }) => {
  const run = `${Date.now()}`.slice(-6);

  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(TEAM.email);
  await page.getByLabel('Password').fill(TEAM.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Calls, and the applications of the open call.
  await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
  await expectAccessible(page, 'admin calls');
  await page.getByRole('row').filter({ has: page.locator('.nhsuk-tag', { hasText: /^Open$/ }) }).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Applications \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page, 'admin call');

  // Create a call.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Calls' }).click();
  await page.getByRole('button', { name: 'Create a call' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a call' })).toBeVisible();
  await expectAccessible(page, 'create call');
  await page.getByRole('button', { name: 'Create call' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expectAccessible(page, 'create call with errors');
  const title = `Call for Conveners ${run}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('A second round for new domains.');
  await page.getByLabel('Opens on').fill('2027-01-04');
  await page.getByLabel('Closes on').fill('2027-03-31');
  await page.getByLabel('Everyone is told the outcome by').fill('2027-05-28');
  await page.getByLabel('Honorarium for each funded domain, in pounds').fill('4,500');
  await page.getByRole('button', { name: 'Create call' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('£4,500', { exact: true })).toBeVisible();
  await expectAccessible(page, 'new call');

  // Domains: add one, then rename it.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Domains' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
  await expectAccessible(page, 'domains');
  const domain = `Diagnostic safety ${run}`;
  await page.getByLabel('Name').fill(domain);
  await page.getByLabel('Description').fill('Timely and accurate diagnosis.');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await page.getByRole('link', { name: domain }).click();
  await expect(page.getByRole('heading', { level: 1, name: domain })).toBeVisible();
  await expectAccessible(page, 'domain');
  await page.getByLabel('Name').fill(`${domain} and error`);
  await page.getByRole('button', { name: 'Save name and description' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${domain} and error` })).toBeVisible();

  // Organisations: add one.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await expectAccessible(page, 'organisations');
  const org = `Eastside Community NHS Trust ${run}`;
  await page.getByLabel('Name').fill(org);
  await page.getByLabel('Sector').selectOption('NHS_TRUST');
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Add organisation' }).click();
  await expect(page.getByRole('status')).toContainText(`Added ${org}`);
  await expect(page.getByRole('row').filter({ hasText: org })).toContainText('Member');

  // People.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Priya Raman');
  await expectAccessible(page, 'people');
});
