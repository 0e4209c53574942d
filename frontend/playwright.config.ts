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
// The selection journey closes the demo's open call and decides it, so it gets a server and a
// database of its own: the other journeys apply to that call.
const SELECTION_PORT = 18081;
const SELECTION_URL = `http://127.0.0.1:${SELECTION_PORT}`;
const SELECTION_DIR = join(runDir, 'selection');
mkdirSync(join(SELECTION_DIR, 'mail'), { recursive: true });
const SERVER_CMD = process.env.CONVENE_E2E_SERVER_CMD ?? '../target/debug/convene serve';
// The OpenID Provider of the single sign-on journey (e2e/oidc.spec.ts): tests/oidc/provider.mjs,
// its npm packages installed by scripts/oidc-deps.sh; the main server signs in there.
const OIDC_PORT = 18090;
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
const OIDC_SECRET = randomBytes(16).toString('hex');
const oidcProvider = {
  command: '../scripts/oidc-deps.sh && node ../tests/oidc/provider.mjs',
  url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
  timeout: 120_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
  env: {
    OIDC_PORT: String(OIDC_PORT),
    OIDC_REDIRECT_URI: `${BASE_URL}/auth/oidc/callback`,
    OIDC_CLIENT_ID: 'convene-e2e',
    OIDC_CLIENT_SECRET: OIDC_SECRET,
  },
};
const SSO = {
  CONVENE_PUBLIC_URL: BASE_URL,
  CONVENE_OIDC_ISSUER: OIDC_ISSUER,
  CONVENE_OIDC_CLIENT_ID: 'convene-e2e',
  CONVENE_OIDC_CLIENT_SECRET: OIDC_SECRET,
};

function server(dir: string, port: number, mailDir: string, extra: Record<string, string> = {}) {
  return {
    // CONVENE_E2E_SERVER_CMD can point at another build (e.g. ../target/release/convene serve).
    command: SERVER_CMD,
    url: `http://127.0.0.1:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: {
      // Keep the server's own files (e.g. a generated JWT secret) in the temp dir, not in frontend/.
      CONVENE_DATA_DIR: join(dir, 'data'),
      CONVENE_JWT_SECRET: randomBytes(32).toString('hex'),
      CONVENE_DATABASE_URL: `sqlite://${join(dir, 'convene.db')}?mode=rwc`,
      CONVENE_LISTEN: `127.0.0.1:${port}`,
      CONVENE_DEMO: '1',
      CONVENE_MAIL_DIR: mailDir,
      CONVENE_STATIC_DIR: 'dist',
      CONVENE_RATE_LIMITS: 'off',
      ...extra,
    },
  };
}

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
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /selection\.spec\.ts/ },
    { name: 'selection', use: { browserName: 'chromium', baseURL: SELECTION_URL }, testMatch: /selection\.spec\.ts/ },
  ],
  webServer: [
    oidcProvider,
    server(runDir, PORT, MAIL_DIR, SSO),
    server(SELECTION_DIR, SELECTION_PORT, join(SELECTION_DIR, 'mail')),
  ],
});
