import { test, expect, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { register, signInAs, signOut, verifyEmail } from './helpers';

// Questions per call (issue 17, point 2): the programme team sets a call's own questions, an
// applicant answers them one to a page, and the panel member reviewing it reads the answers.
// The demo accounts (CONVENE_DEMO=1).
const TEAM = 'programme@convene.example';
const MEMBER = 'panel@convene.example';
const PASSWORD = 'convene-demo-2026';

/** A date in London, `days` from today, as the date inputs take it. */
function londonDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

async function gql(request: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const r = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = await r.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function tokenOf(request: APIRequestContext, email: string): Promise<{ token: string; id: string }> {
  const d = await gql(request, null, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken person { id } } }', {
    i: { email, password: PASSWORD },
  });
  return { token: d.signIn.accessToken, id: d.signIn.person.id };
}

async function fillCall(page: Page, title: string) {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('A round with questions of its own.');
  await page.getByLabel('Opens on').fill(londonDate(0));
  await page.getByLabel('Opens at').fill('00:00');
  await page.getByLabel('Closes on').fill(londonDate(60));
  await page.getByLabel('Everyone is told the outcome by').fill(londonDate(90));
}

test('a call with its own questions: created, applied to, and read by the panel', async ({ page, request }) => {
  const run = `${Date.now()}`.slice(-6);
  const title = `Call with its own questions ${run}`;

  // The programme team sets the questions: the first standard one with a short limit, a choice
  // and an optional yes/no.
  await signInAs(page, TEAM, '/admin/calls/new', PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Create a call' })).toBeVisible();
  await fillCall(page, title);
  for (let n = 7; n > 1; n--) await page.getByRole('button', { name: new RegExp(`^Remove\\s*question ${n}$`) }).click();
  await page.getByLabel('Word limit for question 1').fill('5');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByLabel('Question 2', { exact: true }).fill('Which region do you work in?');
  await page.getByLabel('Key of question 2').fill('region');
  await page.getByLabel('Kind of answer to question 2').selectOption('CHOICE');
  await page.getByLabel('Choices for question 2').fill('North\nSouth\nEast');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByLabel('Question 3', { exact: true }).fill('Does your group already meet?');
  await page.getByLabel('Kind of answer to question 3').selectOption('YES_NO');
  await page.getByRole('group', { name: 'Must applicants answer question 3?' }).getByRole('radio', { name: 'No, it is optional' }).check();
  // a choice with one choice is refused, at its input
  await page.getByLabel('Choices for question 2').fill('North');
  await page.getByRole('button', { name: 'Create call' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'A choice question needs at least two choices' })).toHaveAttribute('href', /#q-\d+-choices/);
  await expectAccessible(page, 'create call with its own questions, with an error');
  await page.getByLabel('Choices for question 2').fill('North\nSouth\nEast');
  await page.getByRole('button', { name: 'Create call' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const callId = /\/admin\/calls\/([^/?#]+)/.exec(page.url())![1]!;
  await signOut(page);

  // An applicant answers the call's questions, one a page, with the word count as they type.
  const lead = { email: `questions-${run}@example.nhs.uk`, password: 'a long enough password 3', name: 'Quinn Asker' };
  await register(page, lead);
  await verifyEmail(page, lead.email);
  await page.goto(`/calls/${callId}/apply`);
  await expect(page.getByRole('heading', { level: 1, name: 'Which domain do you want to convene?' })).toBeVisible();
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/sponsor$/);
  const applicationId = /\/applications\/([^/]+)\/sponsor$/.exec(page.url())![1]!;
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}/questions/motivation$`));
  const why = page.getByLabel('Why do you care about this domain?');
  await expect(page.getByText('You have 5 words remaining')).toBeVisible();
  await why.fill('Because omitted doses harm patients every week');
  await expect(page.getByText('You have 2 words too many')).toBeVisible();
  await expectAccessible(page, 'text question over its word limit');
  await why.fill('Omitted doses harm patients');
  await expect(page.getByText('You have 1 word remaining')).toBeVisible();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Which region do you work in?' })).toBeVisible();
  await expectAccessible(page, 'choice question');
  await page.getByRole('radio', { name: 'South' }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Does your group already meet?' })).toBeVisible();
  await expect(page.getByText('You can leave this question unanswered.')).toBeVisible();
  await expectAccessible(page, 'yes/no question');
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Co-leads' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before submitting your application' })).toBeVisible();
  const answers = page.locator('.nhsuk-summary-list').nth(1);
  for (const [q, a] of [
    ['Why do you care about this domain?', 'Omitted doses harm patients'],
    ['Which region do you work in?', 'South'],
    ['Does your group already meet?', 'Yes'],
  ]) {
    await expect(answers.locator('.nhsuk-summary-list__row', { hasText: q! })).toContainText(a!);
  }
  await expect(answers.locator('.nhsuk-summary-list__row')).toHaveCount(3);
  await expectAccessible(page, 'check answers to a call with its own questions');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Application submitted/ })).toBeVisible();
  await signOut(page);

  // The call closes and a panel member is asked to review it (set up through the API).
  const team = await tokenOf(request, TEAM);
  const member = await tokenOf(request, MEMBER);
  await gql(request, team.token, 'mutation($i: AddPanelMemberInput!) { addPanelMember(input: $i) { call { id } } }', {
    i: { callId, personId: member.id },
  });
  await gql(request, team.token, 'mutation($i: CloseCallInput!) { closeCall(input: $i) { call { id } } }', { i: { callId } });
  await gql(request, team.token, 'mutation($i: AddReviewAssignmentInput!) { addReviewAssignment(input: $i) { assignment { id } } }', {
    i: { applicationId, reviewerId: member.id },
  });

  // The review page shows the answers under the call's own questions.
  await signInAs(page, MEMBER, `/reviews/${applicationId}`, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Their answers' })).toBeVisible();
  const theirs = page.locator('.nhsuk-summary-list').nth(1);
  await expect(theirs.locator('.nhsuk-summary-list__row', { hasText: 'Why do you care about this domain?' })).toContainText('Omitted doses harm patients');
  await expect(theirs.locator('.nhsuk-summary-list__row', { hasText: 'Which region do you work in?' })).toContainText('South');
  await expect(theirs.locator('.nhsuk-summary-list__row', { hasText: 'Does your group already meet?' })).toContainText('Yes');
  await expectAccessible(page, 'review of an application to a call with its own questions');
});
