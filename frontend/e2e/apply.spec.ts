import { test, expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { verifyEmail } from './helpers';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';


const QUESTIONS: Array<[string, string]> = [
  ['Why do you care about this domain?', 'I have seen omitted doses harm patients on night shifts, and I know we can do better together.'],
  ['A first sketch of the domain', 'Safer prescribing, dispensing and administration of medicines across wards and primary care.'],
  ['Who would you invite first?', 'Ward pharmacists, night-shift nurses, a GP, a patient representative and our medication safety officer.'],
  ['Your draft invitation', 'Dear colleague, we are starting a community on medication safety. Would you join our first conversation?'],
  ['The first meeting you have in mind', 'A lunchtime meeting in the education centre, with a video link for community colleagues.'],
  ['The change in patient safety you hope for', 'Fewer omitted and delayed critical medicines within a year.'],
  ['The support you want from the network', 'A coach for meeting design and help with an intranet page.'],
];

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The co-lead link from the invitation e-mail the server wrote to CONVENE_MAIL_DIR. */
async function invitationPath(to: string, applicationId: string): Promise<string> {
  const dir = join(process.env.CONVENE_E2E_DIR ?? '', 'mail');
  const wanted = `/applications/${applicationId}/co-lead`;
  let found: string | undefined;
  await expect
    .poll(
      () => {
        for (const name of readdirSync(dir)) {
          if (!name.endsWith('.eml')) continue;
          const mail = decodeQuotedPrintable(readFileSync(join(dir, name), 'utf8'));
          if (mail.toLowerCase().includes(to.toLowerCase()) && mail.includes(wanted)) {
            found = wanted;
            return true;
          }
        }
        return false;
      },
      { message: `an invitation e-mail to ${to} linking to ${wanted}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

async function chooseOrganisation(page: Page, sectorLabel: string, index = 0) {
  const select = page.getByLabel('Organisation you work for');
  await expect(select.locator('option', { hasText: `(${sectorLabel})` }).first()).toBeAttached();
  const options = await select.locator('option').evaluateAll((els) =>
    els.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
  );
  const matching = options.filter((o) => o.value && o.text.includes(`(${sectorLabel})`));
  const choice = matching[Math.min(index, matching.length - 1)]!;
  await select.selectOption(choice.value);
}

async function signOut(page: Page) {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You have signed out' })).toBeVisible();
  await expectAccessible(page, 'signed out');
}

test('a lead applies with a co-lead who accepts, then submits', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const lead = { email: `lead-${run}@example.nhs.uk`, password: 'a long enough password 1', name: 'Ada Lead' };
  const coLead = { email: `colead-${run}@example.nhs.uk`, password: 'another long password 2', name: 'Grace Colead' };

  // Start page with the open call.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Call for Conveners' })).toBeVisible();
  await expect(page.getByText(/Closing date/).first()).toBeVisible();
  await expectAccessible(page, 'start page');
  await page.getByRole('button', { name: 'Start your application' }).first().click();

  // Register the lead at an NHS trust.
  await expect(page).toHaveURL(/\/register\?next=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await expectAccessible(page, 'register');
  await page.getByLabel('Email address').fill(lead.email);
  await page.getByLabel('Create a password').fill(lead.password);
  await page.getByLabel('Full name').fill(lead.name);
  await chooseOrganisation(page, 'NHS trust');
  await page.getByLabel('Profession (optional)').fill('Pharmacist');
  await page.getByRole('button', { name: 'Create account' }).click();

  // Until the address is confirmed, every page says so; the mailed link confirms it (issue 14).
  await expect(page).toHaveURL(/\/calls\/[^/]+\/apply$/);
  const applyPath = new URL(page.url()).pathname;
  await expect(page.locator('#verify-email-banner')).toContainText('Confirm your email address');
  await expectAccessible(page, 'choose domain (address not confirmed)');
  await verifyEmail(page, lead.email);
  await expectAccessible(page, 'email address confirmed');
  await page.goto(applyPath);

  // Choose a domain: the first one in the catalogue.
  await expect(page.getByRole('heading', { level: 1, name: 'Which domain do you want to convene?' })).toBeVisible();
  await expectAccessible(page, 'choose domain');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expectAccessible(page, 'choose domain with an error');
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Sponsor (optional): skip.
  await expect(page).toHaveURL(/\/applications\/[^/]+\/sponsor$/);
  const applicationId = /\/applications\/([^/]+)\/sponsor$/.exec(page.url())![1]!;
  await expect(page.getByRole('heading', { level: 1, name: 'Is an organisation sponsoring your application?' })).toBeVisible();
  await expectAccessible(page, 'sponsor');
  await page.getByRole('button', { name: 'Continue' }).click();

  // The seven questions, one per page.
  for (const [i, [question, answer]] of QUESTIONS.entries()) {
    const field = page.getByLabel(question);
    await expect(field).toBeVisible();
    await expectAccessible(page, `question ${question}`);
    if (i === 0) {
      // Save as you type.
      await field.fill(answer);
      await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 10_000 });
    } else {
      await field.fill(answer);
    }
    await page.getByRole('button', { name: 'Save and continue' }).click();
  }

  // Invite a co-lead.
  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}/co-leads$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Co-leads' })).toBeVisible();
  await expectAccessible(page, 'co-leads');
  await page.getByLabel('Email address of a co-lead').fill(coLead.email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${coLead.email}`)).toBeVisible();
  await expect(page.locator('#coLeads')).toContainText('Invited');
  await expectAccessible(page, 'co-leads after inviting');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Check your answers: submission waits for the co-lead.
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before submitting your application' })).toBeVisible();
  for (const [, answer] of QUESTIONS) await expect(page.getByText(answer)).toBeVisible();
  await expectAccessible(page, 'check your answers');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expectAccessible(page, 'check your answers with an error');

  await signOut(page);

  // The co-lead follows the e-mailed link, registers with that address and accepts.
  const link = await invitationPath(coLead.email, applicationId);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'You have been invited to co-lead an application' })).toBeVisible();
  await expectAccessible(page, 'co-lead invitation (signed out)');
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByLabel('Email address').fill(coLead.email);
  await page.getByLabel('Create a password').fill(coLead.password);
  await page.getByLabel('Full name').fill(coLead.name);
  await chooseOrganisation(page, 'NHS trust', 1);
  await page.getByRole('button', { name: 'Create account' }).click();

  // The invitation shows once the co-lead has confirmed the address it was sent to.
  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}/co-lead$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email address to see this invitation' })).toBeVisible();
  await expectAccessible(page, 'co-lead invitation (address not confirmed)');
  await verifyEmail(page, coLead.email);
  await page.goto(link);

  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}/co-lead$`));
  await expect(page.getByRole('heading', { level: 1, name: /invited you to co-lead an application/ })).toBeVisible();
  await expect(page.getByText(QUESTIONS[0]![1])).toBeVisible();
  await expectAccessible(page, 'co-lead invitation');
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You are a co-lead' })).toBeVisible();
  await expectAccessible(page, 'co-lead accepted');

  await signOut(page);

  // The lead signs in, checks the answers and submits.
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign in');
  await page.getByLabel('Email address').fill(lead.email);
  await page.getByLabel('Password').fill(lead.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Draft');
  await expectAccessible(page, 'my applications');
  await page.getByRole('link', { name: /^Continue/ }).first().click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before submitting your application' })).toBeVisible();
  await expect(page.locator('#coLeads')).toContainText('Accepted');
  await expectAccessible(page, 'check your answers (co-lead accepted)');
  await page.getByRole('button', { name: 'Submit application' }).click();

  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}/confirmation$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Application submitted' })).toBeVisible();
  await expectAccessible(page, 'confirmation');

  await page.getByRole('link', { name: 'Go to my applications' }).click();
  await expect(page.getByRole('table')).toContainText('Submitted');
  await expectAccessible(page, 'my applications after submitting');
});
