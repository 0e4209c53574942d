import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
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

export async function chooseOrganisation(page: Page, sectorLabel: string) {
  const select = page.getByLabel('Organisation you work for');
  await expect(select.locator('option', { hasText: `(${sectorLabel})` }).first()).toBeAttached();
  const value = await select
    .locator('option', { hasText: `(${sectorLabel})` })
    .first()
    .getAttribute('value');
  await select.selectOption(value!);
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
