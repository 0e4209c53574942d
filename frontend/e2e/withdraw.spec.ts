import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';

test('an applicant proposes a new domain, picks a sponsor, then withdraws', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

  await page.goto('/register');
  await page.getByLabel('Email address').fill(`proposer-${run}@example.nhs.uk`);
  await page.getByLabel('Create a password').fill('a long enough password 3');
  await page.getByLabel('Full name').fill('Nia Proposer');
  const org = page.getByLabel('Organisation you work for');
  await expect(org.locator('option', { hasText: '(primary care)' }).first()).toBeAttached();
  const value = await org.locator('option', { hasText: '(primary care)' }).first().getAttribute('value');
  await org.selectOption(value!);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  await expect(page.getByText('You have not started an application yet.')).toBeVisible();
  await expectAccessible(page, 'my applications (empty)');

  // Propose a new domain.
  await page.goto('/');
  await page.getByRole('button', { name: 'Start your application' }).first().click();
  await page.getByRole('radio', { name: 'Propose a new domain' }).check();
  const domain = `Diagnostic error ${run}`;
  await page.getByLabel('Name of the domain').fill(domain);
  await page.getByLabel('Describe the domain').fill('Missed, wrong and delayed diagnoses.');
  await expectAccessible(page, 'propose a domain');
  await page.getByRole('button', { name: 'Continue' }).click();

  // A sponsor.
  await expect(page.getByRole('heading', { level: 1, name: 'Is an organisation sponsoring your application?' })).toBeVisible();
  const sponsor = page.getByLabel('Sponsoring organisation (optional)');
  await expect(sponsor.locator('option', { hasText: '(NHS trust)' }).first()).toBeAttached();
  const sponsorOption = sponsor.locator('option', { hasText: '(NHS trust)' }).first();
  const sponsorName = ((await sponsorOption.textContent()) ?? '').replace(/ \(NHS trust\)$/, '');
  await sponsor.selectOption((await sponsorOption.getAttribute('value'))!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Why do you care about this domain?')).toBeVisible();

  // Check your answers shows the proposal and the sponsor.
  const id = /\/applications\/([^/]+)\//.exec(page.url())![1]!;
  await page.goto(`/applications/${id}/check`);
  await expect(page.getByText(domain)).toBeVisible();
  await expect(page.getByText('Proposed new domain')).toBeVisible();
  await expect(page.getByText(sponsorName, { exact: true })).toBeVisible();

  // Withdraw, with a confirmation step.
  await page.getByRole('link', { name: 'My applications' }).click();
  await expect(page.getByRole('table')).toContainText('Draft');
  await page.getByRole('link', { name: /^Withdraw/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Are you sure you want to withdraw your application?' })).toBeVisible();
  await expectAccessible(page, 'withdraw');
  await page.getByRole('button', { name: 'Yes, withdraw application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Application withdrawn' })).toBeVisible();
  await expectAccessible(page, 'withdrawn');
  await page.getByRole('link', { name: 'Go to my applications' }).click();
  await expect(page.getByRole('table')).toContainText('Withdrawn');
});
