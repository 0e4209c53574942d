import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';

test('the privacy notice and the accessibility statement, from the footer, calling no other origin', async ({ page, baseURL }) => {
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) elsewhere.push(r.url());
  });
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });

  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'download everything we hold about you' })).toHaveAttribute('href', '/account/data');
  await expectAccessible(page, 'privacy notice');

  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement for Convene' })).toBeVisible();
  await expect(page.getByText(/Web Content Accessibility Guidelines version 2.2/)).toBeVisible();
  await expectAccessible(page, 'accessibility statement');

  // Self-hosted: no font or anything else from another origin (so a strict CSP can be sent).
  expect(elsewhere).toEqual([]);
  expect(blocked).toEqual([]);
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(font).toMatch(/arial/i);
});

test('the server’s Content-Security-Policy blocks inline script, and every journey would notice', async ({ page }) => {
  const response = await page.goto('/privacy');
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  expect(await page.locator('html').getAttribute('data-csp-violations')).toBeNull();
  // An injected inline script is refused, and noted where expectAccessible looks.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.ran = true';
    document.body.append(s);
  });
  await expect(page.locator('html')).toHaveAttribute('data-csp-violations', /script-src/);
  expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
});
