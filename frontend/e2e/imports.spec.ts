import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';
import { signInAs } from './helpers';

// The programme-team account of the demo data (CONVENE_DEMO=1).
const TEAM = 'programme@convene.example';

test('the programme team previews an organisations file, mends it and imports it', async ({ page }) => {
  const run = `${Date.now()}`.slice(-6);
  const practice = `Lakeside Practice ${run}`;
  const charity = `Kind Hearts Charity ${run}`;

  await signInAs(page, TEAM, '/admin/organisations');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await page.getByRole('link', { name: 'Import organisations from a CSV file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import organisations' })).toBeVisible();
  await expectAccessible(page, 'import organisations');

  // A file chosen from disk, with a byte order mark, quotes and one wrong line.
  const file = `\uFEFFname,sector,nhsMember,nhsMemberSince\r\n"${practice}",PRIMARY_CARE,yes,2024-04-01\r\n"${charity}",CHARITY,no,\r\n`;
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'organisations.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
  await expect(page.getByLabel('Or paste the CSV text')).toHaveValue(new RegExp(practice));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert')).toContainText('Line 3: "CHARITY" is not a sector');
  await expect(page.getByRole('heading', { level: 2, name: 'The file has problems' })).toBeVisible();
  await expect(page.getByRole('table', { name: /1 line needs correcting/ })).toContainText('3');
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await expectAccessible(page, 'import organisations with a wrong line');

  // Mend the line: the preview lists what will be created.
  const text = page.getByLabel('Or paste the CSV text');
  await text.fill((await text.inputValue()).replace('CHARITY', 'THIRD_SECTOR'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What will be imported' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const rows = page.getByRole('table', { name: 'Organisations in the file' }).getByRole('row');
  await expect(rows.filter({ hasText: practice })).toContainText('New');
  await expect(rows.filter({ hasText: practice })).toContainText('since 1 April 2024');
  await expect(rows.filter({ hasText: charity })).toContainText('Third sector');
  await expectAccessible(page, 'import organisations preview');

  // Nothing is saved before confirming.
  await page.goto('/admin/organisations');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: practice })).toHaveCount(0);

  // Again, pasted this time, and confirmed.
  await page.getByRole('link', { name: 'Import organisations from a CSV file' }).click();
  await page.getByLabel('Or paste the CSV text').fill(`name,sector,nhsMember\n${practice},PRIMARY_CARE,yes\n${charity},THIRD_SECTOR,no\n`);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: 'Import 2 organisations' }).click();
  await expect(page.getByRole('status')).toContainText('2 organisations added, 0 organisations updated.');
  await expectAccessible(page, 'organisations imported');

  await page.getByRole('link', { name: 'Organisations' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: practice })).toContainText('Member');
});
