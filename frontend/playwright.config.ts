import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The config is evaluated again in every worker: keep one temp dir per run through the environment.
if (!process.env.CONVENE_E2E_DIR) {
  process.env.CONVENE_E2E_DIR = mkdtempSync(join(tmpdir(), 'convene-e2e-'));
}
const runDir = process.env.CONVENE_E2E_DIR;
const MAIL_DIR = join(runDir, 'mail');
mkdirSync(MAIL_DIR, { recursive: true });

const PORT = 18080;
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // CONVENE_E2E_SERVER_CMD can point at another build (e.g. ../target/release/convene serve).
    command: process.env.CONVENE_E2E_SERVER_CMD ?? '../target/debug/convene serve',
    url: `${BASE_URL}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      // Keep the server's own files (e.g. a generated JWT secret) in the temp dir, not in frontend/.
      CONVENE_DATA_DIR: join(runDir, 'data'),
      CONVENE_JWT_SECRET: randomBytes(32).toString('hex'),
      CONVENE_DATABASE_URL: `sqlite://${join(runDir, 'convene.db')}?mode=rwc`,
      CONVENE_LISTEN: `127.0.0.1:${PORT}`,
      CONVENE_DEMO: '1',
      CONVENE_MAIL_DIR: MAIL_DIR,
      CONVENE_STATIC_DIR: 'dist',
      CONVENE_RATE_LIMITS: 'off',
    },
  },
});
