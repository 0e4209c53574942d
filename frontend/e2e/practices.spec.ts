import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';
import { signInAs, signOut } from './helpers';

test('an anonymous visitor searches the practice library and reads a public promising practice', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Practice library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practice library' })).toBeVisible();
  await expectAccessible(page, 'practice library');

  // A word from the demo's "SSKIN bundle" practice (its description and tags).
  await page.getByLabel('Search', { exact: true }).fill('inspection');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/library\?search=inspection$/);
  await expect(page.getByText(/1 promising practice found/)).toBeVisible();
  await expectAccessible(page, 'practice library search');
  await page.getByRole('link', { name: 'SSKIN bundle at every handover' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'SSKIN bundle at every handover' })).toBeVisible();
  await expect(page.locator('#promising-evidence')).toContainText('Ward audit over six months');
  await expect(page.locator('#promising-outcomes')).toContainText('pressure ulcers fell by a third');
  await expect(page.locator('#promising-organisations li')).toHaveCount(2);
  // Only the public exchange, never the community's anonymous one.
  await expect(page.getByText('We added the bundle to the electronic handover template')).toBeVisible();
  await expect(page.getByText('Night staff felt blamed')).toHaveCount(0);
  await expectAccessible(page, 'promising practice (signed out)');
  await page.getByRole('link', { name: 'Back to the practice library' }).click();
  await expect(page).toHaveURL(/\/library\?search=inspection$/);
});

test('a member shares an anonymous exchange, sees it as theirs, and another member sees an anonymous member', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const story = `We turn patients at each comfort round, and write it on the board (${run}).`;

  await signInAs(page, 'hannah@convene.example', '/communities');
  await expect(page.getByRole('heading', { level: 1, name: 'Communities of practice' })).toBeVisible();
  await page.getByRole('link', { name: 'Pressure ulcers community of practice' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Practices' })).toBeVisible();
  await expect(page.locator('#home-practices li').first()).toContainText('Exploring');
  await page.getByRole('link', { name: /^All practices/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practices' })).toBeVisible();
  await expectAccessible(page, 'community practices');
  await page.getByRole('link', { name: 'SSKIN bundle at every handover' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SSKIN bundle at every handover' })).toBeVisible();
  const practice = new URL(page.url()).pathname;
  await expectAccessible(page, 'practice (member)');

  await page.getByRole('button', { name: 'Share your experience' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share your experience' })).toBeVisible();
  await expectAccessible(page, 'share an exchange');
  await page.getByRole('button', { name: 'Share your experience' }).click();
  await expect(page.getByRole('link', { name: 'Write about at least one of the six sections' })).toBeVisible();
  await expectAccessible(page, 'share an exchange with an error');

  await page.getByLabel('Sharing protocol (optional)').selectOption({ label: 'Our round of experience (this community’s, 33 minutes)' });
  await expect(page.locator('#protocol-guide')).toContainText('What did you try, and where?');
  await expect(page.locator('#protocol-guide')).toContainText('Total: 33 minutes');
  await page.getByLabel('Technical aspects').fill(story);
  await page.getByLabel('The challenges').fill('Remembering on busy nights.');
  await expect(page.getByRole('radio', { name: 'Only members of this community' })).toBeChecked();
  await page.getByLabel('Anonymous to other members').check();
  await expectAccessible(page, 'share an exchange, filled in');
  await page.getByRole('button', { name: 'Share your experience' }).click();

  await expect(page.getByText('Thank you for sharing your experience')).toBeVisible();
  const mine = page.locator('article', { hasText: story });
  await expect(mine).toContainText('You shared this');
  await expect(mine).toContainText('Community only');
  await expect(mine).toContainText('Other people see this as shared by an anonymous member');
  await expect(mine).toContainText('Our round of experience');
  await expectAccessible(page, 'practice after sharing');

  // The author can change who sees it (and keeps it as it is here).
  await mine.getByRole('link', { name: /Change who can see this/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who can see your exchange' })).toBeVisible();
  await expect(page.getByLabel('Anonymous to other members')).toBeChecked();
  await expectAccessible(page, 'exchange visibility');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your exchange can be read by only members of this community, without your name')).toBeVisible();
  await signOut(page);

  // Another member of the community reads it without the author's name.
  await signInAs(page, 'amira@convene.example', practice);
  await expect(page.getByRole('heading', { level: 1, name: 'SSKIN bundle at every handover' })).toBeVisible();
  const theirs = page.locator('article', { hasText: story });
  await expect(theirs.getByRole('heading', { level: 3 })).toContainText('Anonymous member');
  await expect(theirs).not.toContainText('You shared this');
  await expect(theirs).not.toContainText('Hannah Brooks');
  await expectAccessible(page, 'practice (another member)');

  // They ask a question of inquiry.
  await theirs.getByText('Ask a question').click();
  await theirs.getByLabel('Your question').fill('How did you get night staff to write on the board?');
  await theirs.getByRole('button', { name: 'Ask the question' }).click();
  await expect(theirs).toContainText('How did you get night staff to write on the board?');
  await expect(theirs).toContainText('Asked by Amira Haddad');
  await expectAccessible(page, 'practice after a question');
});

test('a convener proposes a practice, moves it on, marks it promising and adapts a sharing protocol', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = `Repositioning clock ${run}`;

  await signInAs(page, 'chloe@convene.example', '/communities');
  await page.getByRole('link', { name: 'Pressure ulcers community of practice' }).click();
  await page.getByRole('link', { name: 'Propose a practice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Propose a practice' })).toBeVisible();
  await page.getByRole('button', { name: 'Propose the practice' }).click();
  await expect(page.getByRole('link', { name: 'Enter the name of the practice' })).toBeVisible();
  await expectAccessible(page, 'propose a practice with an error');
  await page.getByLabel('Name of the practice').fill(name);
  await page.getByLabel('Description (optional)').fill('A clock face by each bed shows when the patient was last turned.');
  await page.getByLabel('Tags (optional)').fill('repositioning, Night Shift');
  await page.getByRole('button', { name: 'Propose the practice' }).click();
  await expect(page.getByText(`You have proposed ${name}`)).toBeVisible();
  await expectAccessible(page, 'practices after proposing');

  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('night shift', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Start exploring this practice' }).click();
  await expect(page.getByText(`${name} is now exploring`)).toBeVisible();
  await page.getByRole('button', { name: 'Mark as explored' }).click();
  await expect(page.getByText(`${name} is now explored`)).toBeVisible();
  await expectAccessible(page, 'practice moved on');

  await page.getByRole('link', { name: 'Mark as a promising practice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mark as a promising practice' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark as promising' }).click();
  await expect(page.getByRole('link', { name: 'Enter the evidence that it works' })).toBeVisible();
  await expectAccessible(page, 'mark promising with errors');
  await page.getByLabel('Evidence').fill(`Turning charts audited for a month (${run}).`);
  await page.getByLabel('Outcomes').fill('No new category 2 damage on the ward that month.');
  await page.locator('input[name="organisationIds"]').first().check();
  await page.getByRole('radio', { name: 'Anyone, including the public' }).check();
  await page.getByRole('button', { name: 'Mark as promising' }).click();
  await expect(page.getByText(`${name} is a promising practice in the library`)).toBeVisible();
  await expect(page.locator('#promising-evidence')).toContainText(run);
  await expect(page.locator('#promising-organisations li')).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Practice library' }).click();
  await page.getByLabel('Search', { exact: true }).fill(run);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();

  // The community's own copy of a protocol: reorder, add, remove, with the total kept up to date.
  await page.goto('/communities');
  await page.getByRole('link', { name: 'Pressure ulcers community of practice' }).click();
  await page.getByRole('link', { name: 'Sharing protocols' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sharing protocols' })).toBeVisible();
  await expectAccessible(page, 'sharing protocols');
  await page.locator('#own-protocols').getByRole('link', { name: /Change/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change Our round of experience' })).toBeVisible();
  await expect(page.locator('#protocol-total')).toHaveText('Total: 33 minutes');
  await page.getByRole('button', { name: 'Add a prompt' }).click();
  await page.locator('[id="prompts.4.prompt"]').fill('One thing each person will try next');
  await page.locator('[id="prompts.4.minutes"]').fill('7');
  await expect(page.locator('#protocol-total')).toHaveText('Total: 40 minutes');
  await page.getByRole('button', { name: 'Move up prompt 5' }).click();
  await expect(page.locator('[id="prompts.3.prompt"]')).toHaveValue('One thing each person will try next');
  await page.getByRole('button', { name: 'Remove prompt 5' }).click();
  await expect(page.locator('#protocol-total')).toHaveText('Total: 30 minutes');
  await expectAccessible(page, 'change a protocol');
  await page.getByRole('button', { name: 'Save the protocol' }).click();
  await expect(page.getByText('Our round of experience saved')).toBeVisible();
  await expect(page.locator('#own-protocols')).toContainText('One thing each person will try next');

  await page.getByRole('button', { name: 'Adopt “Quick share at a huddle”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change Quick share at a huddle' })).toBeVisible();
  await expect(page.locator('#protocol-total')).toHaveText('Total: 7 minutes');
  await expectAccessible(page, 'adopted protocol');
});
