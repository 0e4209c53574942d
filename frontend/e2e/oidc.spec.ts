import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';

// Single sign-on (issue 14, point 6) at a real OpenID Provider: tests/oidc/provider.mjs
// (oidc-provider 9), started by playwright.config.ts beside the server, whose development login
// page accepts any name ("alice" is alice@nhs.example, verified).

test('a person signs in with NHSmail, chooses their organisation the first time, and lands signed in', async ({ page }) => {
  const login = `sso-${Date.now()}`;
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign in with single sign-on offered');
  await page.getByRole('link', { name: 'Sign in with NHSmail' }).click();

  // the provider's development pages: any login, then consent
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  // back at Convene: a first sign-in asks for the organisation
  await expect(page.getByRole('heading', { level: 1, name: 'Which organisation do you work for?' })).toBeVisible();
  expect(page.url()).not.toContain('code=');
  await expectAccessible(page, 'single sign-on: choose the organisation');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Select your organisation');
  const organisation = page.getByLabel('Your organisation');
  await organisation.selectOption((await organisation.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  // the provider confirmed the address: no banner
  await expect(page.locator('#verify-email-banner')).toHaveCount(0);

  await page.goto('/account');
  await expect(page.getByText(`${login}@nhs.example`)).toBeVisible();

  // signed out, the next sign-in goes straight through (the provider remembers the person)
  await page.goto('/sign-out');
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Sign in with NHSmail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
});

test('a refused sign-in is explained on an NHS.UK page', async ({ page }) => {
  await page.goto('/auth/oidc/callback?error=access_denied&state=nothing');
  await expect(page.getByRole('heading', { level: 1, name: 'We could not sign you in' })).toBeVisible();
  await expect(page.getByText('This sign-in did not start in this browser')).toBeVisible();
  await expectAccessible(page, 'single sign-on refused');
});
