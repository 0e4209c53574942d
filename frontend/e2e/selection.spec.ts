import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './axe';

// The demo accounts (CONVENE_DEMO=1); this spec has a fresh server of its own (playwright.config.ts).
const PASSWORD = 'convene-demo-2026';
const TEAM = 'programme@convene.example';
const CHAIR = 'panel.chair@convene.example';
const MEMBER = 'panel@convene.example';
const COACH = 'coach@convene.example';
const AMIRA = 'amira@convene.example';
const CALL = 'Call for Conveners 2026';

const CRITERIA = [
  'Passion and energy for the domain',
  'Clarity of the domain',
  'Reach across professions and organisations',
  'A workable plan',
  'Likely effect on patient safety',
];

// Each application's score from each reviewer, so that the ranking is clear and one application
// shows the reviewers disagreeing (3, 3 and 1).
const SCORES: Record<string, Record<string, number>> = {
  [MEMBER]: { 'Medication safety': 5, Sepsis: 4, 'Falls prevention': 3 },
  [COACH]: { 'Medication safety': 5, Sepsis: 4, 'Falls prevention': 1 },
  [CHAIR]: { 'Medication safety': 4, Sepsis: 4, 'Falls prevention': 3 },
};

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign out' })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You have signed out' })).toBeVisible();
}

/** The call's section of "Your reviews". */
function callSection(page: Page) {
  return page.getByRole('region', { name: CALL });
}

async function reviewAll(page: Page, reviewer: string, opts: { checkErrors?: boolean; visitConflictPage?: boolean; expectOthers: number }) {
  await signIn(page, reviewer);
  await expect(page).toHaveURL(/\/reviews$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your reviews' })).toBeVisible();
  await expect(callSection(page).getByText('You have reviewed 0 of 3.')).toBeVisible();
  await expectAccessible(page, `your reviews (${reviewer})`);

  for (const [n, domain] of Object.keys(SCORES[reviewer]!).entries()) {
    await callSection(page).getByRole('link', { name: new RegExp(`^${domain}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Review: ${domain}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Their answers' })).toBeVisible();
    if (n === 0) await expectAccessible(page, `review form (${reviewer})`);

    if (opts.visitConflictPage && n === 0) {
      await page.getByRole('link', { name: 'declare a conflict of interest' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Declare a conflict of interest' })).toBeVisible();
      await expectAccessible(page, 'declare a conflict of interest');
      await page.getByRole('link', { name: 'Back to the application' }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Review: ${domain}` })).toBeVisible();
    }

    if (opts.checkErrors && n === 0) {
      // Nothing chosen: every criterion needs a score and a comment.
      await page.getByRole('button', { name: 'Submit review' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary).toBeVisible();
      await expect(summary.getByRole('link', { name: 'Select a score from 1 to 5 for passion and energy for the domain' })).toHaveAttribute(
        'href',
        '#scores.0.score',
      );
      await expect(summary.getByRole('link')).toHaveCount(CRITERIA.length * 2);
      await expectAccessible(page, 'review form with errors');
    }

    const score = SCORES[reviewer]![domain]!;
    for (const criterion of CRITERIA) {
      const group = page.getByRole('group', { name: criterion });
      await group.getByRole('radio', { name: String(score), exact: true }).check();
      await page.getByLabel(`Comment on ${criterion.charAt(0).toLowerCase()}${criterion.slice(1)}`).fill(`${domain}: ${score} for ${criterion.toLowerCase()}.`);
    }
    await page.getByRole('button', { name: 'Submit review' }).click();
    await expect(page.getByRole('heading', { name: 'Your review has been submitted' })).toBeVisible();
    // Others' reviews appear once your own is in.
    await expect(page.getByRole('heading', { level: 2, name: 'Other reviewers' })).toBeVisible();
    if (opts.expectOthers === 0) {
      await expect(page.getByText('No other reviewer has submitted a review yet.')).toBeVisible();
    } else {
      await expect(page.getByRole('region', { name: 'Other reviewers' }).locator('.nhsuk-card')).toHaveCount(opts.expectOthers);
    }
    if (n === 0) await expectAccessible(page, `review submitted (${reviewer})`);
    await page.getByRole('link', { name: 'Go to your reviews' }).click();
    await expect(callSection(page).getByText(`You have reviewed ${n + 1} of 3.`)).toBeVisible();
  }
  await expect(callSection(page).getByText('To do')).toHaveCount(0);
}

test('the panel reviews, the chair decides, the team sends outcomes, an applicant starts a community', async ({ page }) => {
  // The programme team closes the call and assigns reviewers.
  await signIn(page, TEAM);
  await expect(page.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
  await page.getByRole('link', { name: CALL }).click();
  await expect(page.getByRole('heading', { level: 1, name: CALL })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Panel members' })).toContainText('Tom Okafor');
  await expectAccessible(page, 'call page (open)');
  await page.getByRole('button', { name: 'Close this call' }).click();
  await page.getByRole('button', { name: 'Yes, close the call' }).click();
  await expect(page.getByRole('heading', { name: 'The call is closed. You can now assign reviewers.' })).toBeVisible();
  await page.getByRole('button', { name: 'Assign reviewers' }).click();
  await expect(page.getByRole('heading', { name: /^Reviewers assigned: 9 assignments/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reviewers of each application' }).getByText('To do')).toHaveCount(9);
  await expect(page.getByRole('table', { name: 'Review progress of each panel member' })).toContainText('3 to do');
  await expectAccessible(page, 'call page (in review)');
  await signOut(page);

  // Each panel member scores the three applications; the chair goes last.
  await reviewAll(page, MEMBER, { checkErrors: true, visitConflictPage: true, expectOthers: 0 });
  await signOut(page);
  await reviewAll(page, COACH, { expectOthers: 1 });
  await signOut(page);
  await reviewAll(page, CHAIR, { expectOthers: 2 });

  // The chair records the decision: the proposal is ticked, the checks run live.
  await callSection(page).getByRole('link', { name: /^Ranking and decision/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ranking and decision' })).toBeVisible();
  const ranking = page.getByRole('table');
  await expect(ranking.getByRole('row').nth(1)).toContainText('Medication safety');
  await expect(ranking.getByRole('row').filter({ hasText: 'Falls prevention' })).toContainText('Reviewers disagree');
  const boxes = page.getByRole('group', { name: 'Applications to fund' }).getByRole('checkbox');
  await expect(boxes).toHaveCount(3);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  const checks = page.getByRole('status').filter({ hasText: 'places chosen' });
  await expect(checks).toContainText('3 of 5 places chosen');
  await boxes.nth(2).uncheck();
  await expect(checks).toContainText('2 of 5 places chosen');
  await boxes.nth(2).check();
  await expectAccessible(page, 'ranking and decision (chair)');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Enter the rationale for the decision');
  await page.getByLabel('Rationale for the decision').fill('The three applications are strong and in different domains, so each is funded.');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('heading', { name: 'The decision has been recorded' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Decision' })).toBeVisible();
  await expect(page.getByText('Tom Okafor, chair')).toBeVisible();
  await expectAccessible(page, 'decision recorded');
  await signOut(page);

  // The programme team sees who has not been told yet and sends the outcomes.
  await signIn(page, TEAM);
  await page.getByRole('link', { name: CALL }).click();
  const outcomes = page.locator('#outcomes');
  await expect(outcomes).toContainText(/5 people not told yet · \d+ days until \d{1,2} \w+ \d{4}/);
  await expectAccessible(page, 'call page (decided)');
  await outcomes.getByRole('button', { name: 'Send outcomes' }).click();
  await expect(page.getByRole('heading', { name: 'Outcomes sent: 5 people told by email.' })).toBeVisible();
  await expect(outcomes).toContainText('Everyone has been told');

  // Honoraria: totals against the budget, approve a payment, download the CSV.
  await page.getByRole('link', { name: 'Honoraria and payments' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Honoraria and payments' })).toBeVisible();
  await expect(page.locator('.convene-totals')).toContainText('£25,000');
  await expect(page.locator('.convene-totals')).toContainText('£15,000');
  await expectAccessible(page, 'honoraria');
  await page.getByRole('button', { name: 'Approve payment to Amira Haddad' }).click();
  await expect(page.getByRole('heading', { name: 'Payment of £2,500 to Amira Haddad approved.' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the payments (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\n')[0]).toContain('payee');
  expect(csv).toContain('Amira Haddad');
  await signOut(page);

  // The applicant reads the outcome and starts the community.
  await signIn(page, AMIRA);
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: CALL }).filter({ hasText: 'Medication safety' });
  await expect(row).toContainText('Funded');
  await expectAccessible(page, 'my applications (decided)');
  await row.getByRole('link', { name: 'Medication safety' }).click();
  const outcome = page.getByRole('region', { name: /Outcome/ });
  await expect(outcome).toContainText('Funded');
  await expect(outcome).toContainText('Congratulations');
  await expectAccessible(page, 'application with its outcome');
  await outcome.getByRole('button', { name: /^Start your community/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your community has started' })).toBeVisible();
  await expect(page.getByText('Medication safety community of practice').first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Amira Haddad' })).toBeVisible();
  await expectAccessible(page, 'community started');

  // Its page: the convener sees the start-up steps.
  await page.getByRole('button', { name: 'Go to your community' }).click();
  await expect(page).toHaveURL(/\/communities\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: /Medication safety community of practice/ })).toBeVisible();
  await expect(page.locator('#startup-steps > li')).toHaveCount(6);
  await expectAccessible(page, 'community home (started from an application)');
});
