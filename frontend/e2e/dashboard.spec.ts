import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './axe';
import { signInAs } from './helpers';

// The programme-team account of the demo data (CONVENE_DEMO=1).
const TEAM = 'programme@convene.example';

test('the programme team reads the dashboard, filters it and downloads a table', async ({ page }) => {
  await signInAs(page, TEAM, '/admin/calls');
  await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboard' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Programme dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Applications per domain' })).toBeVisible();
  // The demo has applications: the chart has its summary in words, and the numbers a table.
  await expect(page.getByRole('img', { name: /^Bar chart of applications per domain: / })).toBeVisible();
  await expect(page.locator('.convene-chart svg.recharts-surface').first()).toBeVisible();
  await expectAccessible(page, 'programme dashboard');

  // The numbers behind a chart.
  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Applications per domain' }) });
  await section.getByText('Show the numbers as a table').click();
  const table = section.getByRole('table', { name: 'Applications per domain' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').last()).toContainText('Total');
  await expectAccessible(page, 'programme dashboard with a table open');

  // Filter by the demo's open call (other journeys may have added calls without applications):
  // the filter goes in the address.
  const call = page.getByLabel('Call', { exact: true });
  const callTitle = 'Call for Conveners 2026';
  const callId = await call.locator('option', { hasText: callTitle }).getAttribute('value');
  await call.selectOption(callId!);
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/dashboard\\?callId=${encodeURIComponent(callId!)}&from=2020-01-01$`));
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(`Showing ${callTitle}, from 1 January 2020.`);
  await expectAccessible(page, 'programme dashboard filtered');

  // A CSV of one table, with the same filters, fetched with the access token.
  const request = page.waitForRequest((r) => r.url().includes('/exports/dashboard/applications-by-domain.csv'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download CSV\s*of applications per domain$/ }).click();
  const sent = await request;
  expect(new URL(sent.url()).searchParams.get('callId')).toBe(callId);
  expect(new URL(sent.url()).searchParams.get('from')).toBe('2020-01-01');
  expect(sent.headers()['authorization']).toMatch(/^Bearer /);
  const file = await download;
  expect(file.suggestedFilename()).toBe('dashboard-applications-by-domain-2020-01-01-to-now.csv');
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv.split('\n').filter((l) => l.trim()).length).toBeGreaterThan(1);

  // Invalid periods are caught before asking.
  await page.getByLabel('To', { exact: true }).fill('2019-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('alert')).toContainText('The end of the period must be the same as or after the start');
  await expectAccessible(page, 'programme dashboard with errors');
});

test('the programme team reads the audit trail and a community’s history', async ({ page }) => {
  // A community's page: its members as a CSV, and a change to it (saving its settings is audited).
  await signInAs(page, TEAM, '/communities');
  await expect(page.getByRole('heading', { level: 1, name: 'Communities' })).toBeVisible();
  await page.getByRole('link', { name: 'Safer discharge network' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Safer discharge network' })).toBeVisible();
  const members = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download members (CSV)' }).click();
  const membersFile = await members;
  expect(membersFile.suggestedFilename()).toBe('members-safer-discharge-network.csv');
  expect(readFileSync(await membersFile.path(), 'utf8').split('\n').filter((l) => l.trim()).length).toBeGreaterThan(1);
  // List it in the directory, then unlist it again: two audited changes, and as it was.
  for (const listed of [true, false]) {
    await page.getByRole('link', { name: 'Community settings' }).click();
    await page.locator('#listed').setChecked(listed);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Community settings saved')).toBeVisible();
  }

  // Its history: the audit trail filtered by the community's ID.
  await page.getByRole('link', { name: 'History of changes' }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?entityId=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(page.getByLabel('Record ID')).not.toHaveValue('');
  const entry = page.getByRole('row').filter({ hasText: 'Priya Raman' }).first();
  await expect(entry).toContainText('Safer discharge network');
  await expectAccessible(page, 'community history');

  // The whole trail, filtered by a type of record offered by auditEntityTypes.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('status').filter({ hasText: /entr/i })).not.toHaveText('No entries found.');
  await expectAccessible(page, 'audit trail');
  const type = page.getByLabel('Type of record');
  await expect(type.locator('option')).not.toHaveCount(1);
  const value = await type.locator('option').nth(1).getAttribute('value');
  await type.selectOption(value!);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?entityType=${encodeURIComponent(value!)}$`));
  await expectAccessible(page, 'audit trail filtered');
});
