import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Shared steps of the journeys. */

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The /invitations/<token> link from the invitation e-mail the server wrote to CONVENE_MAIL_DIR. */
export async function invitationLink(to: string): Promise<string> {
  const dir = join(process.env.CONVENE_E2E_DIR ?? '', 'mail');
  let found: string | undefined;
  await expect
    .poll(
      () => {
        for (const name of readdirSync(dir)) {
          if (!name.endsWith('.eml')) continue;
          const mail = decodeQuotedPrintable(readFileSync(join(dir, name), 'utf8'));
          if (!mail.toLowerCase().includes(to.toLowerCase())) continue;
          const m = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail);
          if (m) {
            found = `/invitations/${m[1]}`;
            return true;
          }
        }
        return false;
      },
      { message: `an invitation e-mail to ${to} with an /invitations/ link`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The newest link `<pathPrefix>?token=…` (e.g. "/verify-email") in a mail the server wrote to
 * CONVENE_MAIL_DIR for `to` (its To: header), as a path for `page.goto`. `after` (ms since the
 * epoch) skips older mails, for a second link of the same kind.
 */
export async function mailLink(to: string, pathPrefix: string, after = 0): Promise<string> {
  const dir = join(process.env.CONVENE_E2E_DIR ?? '', 'mail');
  const addressedTo = new RegExp(`^To:.*${escapeRegExp(to)}`, 'im');
  const link = new RegExp(`${escapeRegExp(pathPrefix)}\\?token=([A-Za-z0-9_-]+)`);
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const mails = readdirSync(dir)
          .filter((name) => name.endsWith('.eml'))
          .map((name) => ({ path: join(dir, name), at: statSync(join(dir, name)).mtimeMs }))
          .filter((m) => m.at >= after)
          .sort((a, b) => b.at - a.at);
        for (const { path } of mails) {
          const mail = decodeQuotedPrintable(readFileSync(path, 'utf8'));
          const m = addressedTo.test(mail) ? link.exec(mail) : null;
          if (m) {
            found = `${pathPrefix}?token=${m[1]}`;
            return true;
          }
        }
        return false;
      },
      { message: `an e-mail to ${to} with a ${pathPrefix}?token= link`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Confirms a newly registered person's address by the link mailed to it (issue 14). */
export async function verifyEmail(page: Page, email: string) {
  await page.goto(await mailLink(email, '/verify-email'));
  await expect(page.getByRole('heading', { level: 1, name: 'Your email address is confirmed' })).toBeVisible();
}

export async function chooseOrganisation(page: Page, sectorLabel: string) {
  const select = page.getByLabel('Organisation you work for');
  await expect(select.locator('option', { hasText: `(${sectorLabel})` }).first()).toBeAttached();
  const value = await select
    .locator('option', { hasText: `(${sectorLabel})` })
    .first()
    .getAttribute('value');
  await select.selectOption(value!);
}

/** Registers someone new at an NHS trust and leaves them signed in at `next`. */
export async function register(page: Page, person: { email: string; password: string; name: string }, next = '/applications') {
  await page.goto(`/register?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Create a password').fill(person.password);
  await page.getByLabel('Full name').fill(person.name);
  await chooseOrganisation(page, 'NHS trust');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(person.name);
}

export async function signInAs(page: Page, email: string, next: string, password = 'convene-demo-2026') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You have signed out' })).toBeVisible();
}
