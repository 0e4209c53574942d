import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';
import { signInAs } from './helpers';

// The programme-team account of the demo data (CONVENE_DEMO=1).
const TEAM = 'programme@convene.example';

test('the programme team changes a call part by part from its summary list', async ({ page }) => {
  const run = `${Date.now()}`.slice(-6);
  await signInAs(page, TEAM, '/admin/calls/new');

  // A draft to work on.
  await expect(page.getByRole('heading', { level: 1, name: 'Create a call' })).toBeVisible();
  const title = `Call for Conveners ${run}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Opens on').fill('2027-01-04');
  await page.getByLabel('Closes on').fill('2027-03-31');
  await page.getByLabel('Everyone is told the outcome by').fill('2027-05-28');
  await page.getByRole('radio', { name: 'No, keep it as a draft' }).check();
  await page.getByRole('button', { name: 'Create call' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page, 'draft call with change links');
  const details = (label: string) => page.locator('.nhsuk-summary-list__row').filter({ has: page.getByText(label, { exact: true }) });

  // A draft changes freely: its places…
  await details('Funded places').getByRole('link', { name: /Change/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Funded places of ${title}` })).toBeVisible();
  await expectAccessible(page, 'change funded places');
  await page.getByLabel(`Funded places of ${title}`).fill('4');
  await page.getByRole('button', { name: 'Save and return' }).click();
  await expect(page.getByText('Funded places changed')).toBeVisible();
  await expect(details('Funded places')).toContainText('4');

  // …its review due date…
  await details('Reviews due by').getByRole('link', { name: /Change/ }).click();
  await page.getByLabel(`Reviews due by of ${title}`).fill('2027-04-30');
  await page.getByRole('button', { name: 'Save and return' }).click();
  await expect(details('Reviews due by')).toContainText('30 April 2027');

  // …and its rubric.
  await details('Criteria (weight)').getByRole('link', { name: /Change/ }).click();
  await expectAccessible(page, 'change criteria');
  await page.getByRole('button', { name: 'Add another criterion' }).click();
  await page.getByLabel('Criterion 6', { exact: true }).fill('Support from the sponsor');
  await page.getByRole('button', { name: 'Save and return' }).click();
  await expect(details('Criteria (weight)')).toContainText('Support from the sponsor (1)');

  // Once open, the places no longer change, and the call may only close later.
  await page.getByRole('button', { name: 'Open this call' }).click();
  await expect(page.getByText('The call is open.')).toBeVisible();
  await expect(details('Funded places').getByRole('link')).toHaveCount(0);
  await details('Closes').getByRole('link', { name: /Change/ }).click();
  await expect(page.getByText(/Everyone with an application in it will be e-mailed/)).toBeVisible();
  await page.getByLabel('Date').fill('2027-03-01');
  await page.getByRole('button', { name: 'Save and return' }).click();
  await expect(page.getByRole('alert')).toContainText('An open call can only close later than it was going to');
  await expectAccessible(page, 'change closing time with an error');
  await page.getByLabel('Date').fill('2027-04-14');
  await page.getByRole('button', { name: 'Save and return' }).click();
  await expect(page.getByText('Closes changed')).toBeVisible();
  await expect(details('Closes')).toContainText('14 April 2027');
  await expectAccessible(page, 'open call after a change');
});
