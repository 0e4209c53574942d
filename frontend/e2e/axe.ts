import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
let shot = 0;

/** Every page visited is checked with axe (no violations of WCAG 2.2 AA) and for anything the
 * Content-Security-Policy blocked. */
export async function expectAccessible(page: Page, what: string) {
  await expect(page.locator('h1').first()).toBeVisible();
  // A link under the pointer shows its hover style (no underline), which is not how the page reads.
  await page.mouse.move(0, 0);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(violations, `axe on ${what} (${page.url()})`).toEqual([]);
  // Nothing the server's Content-Security-Policy blocked (noted by src/main.tsx).
  const csp = await page.locator('html').getAttribute('data-csp-violations');
  expect(csp, `Content-Security-Policy violations on ${what} (${page.url()})`).toBeNull();
  // Set CONVENE_E2E_SCREENSHOTS=<dir> to keep a picture of every page checked.
  const shots = process.env.CONVENE_E2E_SCREENSHOTS;
  if (shots) {
    const name = `${String(++shot).padStart(2, '0')}-${what.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page.screenshot({ path: join(shots, name), fullPage: true });
  }
}
