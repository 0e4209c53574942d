// The start page and the application journey, loaded cold in Chromium on an emulated fast-3G
// link, against a running `convene serve` with the demo data (scripts/delivery-report.sh starts
// one). Prints DELIVERY.md: bytes transferred (CDP's encodedDataLength: bodies as sent, with
// headers) and the time until each page is usable. A measure, not a test: it checks nothing.
//
//   node scripts/delivery-report.mjs http://127.0.0.1:18090 > ../DELIVERY.md
import { chromium } from '@playwright/test';
import { cpus, loadavg } from 'node:os';

const BASE = process.argv[2] ?? 'http://127.0.0.1:8080';
const RUNS = Number(process.env.DELIVERY_RUNS ?? 3);
/** Chrome DevTools' "Fast 3G" throughput, with the 150 ms latency of the issue. */
const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };

async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh context (an empty cache) on the emulated link, counting what crosses it. */
async function coldPage(b) {
  const context = await b.newContext({ baseURL: BASE, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, encoding: '' }));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '';
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.failed = e.canceled ? 'cancelled by the page' : e.errorText;
  });
  /** What was transferred since the last call. */
  let seen = new Set();
  const transferred = () => {
    const now = [...requests.entries()].filter(([id]) => !seen.has(id));
    seen = new Set(requests.keys());
    return now.map(([, r]) => r);
  };
  return { context, page, transferred };
}

async function visible(page, locator, start, state = 'visible') {
  await locator.first().waitFor({ state, timeout: 60_000 });
  return performance.now() - start;
}

/** One step: do `go`, then time the main heading and the page's own content. */
async function step(c, name, go, heading, content, state = 'visible') {
  c.transferred();
  const start = performance.now();
  const loaded = go(start);
  const headingMs = await visible(c.page, c.page.getByRole('heading', { level: 1, name: heading }), start);
  const usableMs = await visible(c.page, content(c.page), start, state);
  const loadMs = await loaded;
  await c.page.waitForLoadState('networkidle');
  const files = c.transferred();
  return { name, headingMs, usableMs, loadMs, files };
}

/** A page opened cold by its address, timed until its heading and its content show. */
async function cold(b, name, path, heading, content) {
  const c = await coldPage(b);
  const r = await step(c, name, async (start) => (await c.page.goto(path, { waitUntil: 'load' }), performance.now() - start), heading, content);
  await c.context.close();
  return r;
}

/** Start page → "Start your application" → create an account → choose a domain → the sponsor question. */
async function journey(b, run) {
  const c = await coldPage(b);
  const p = c.page;
  const out = [];
  out.push(
    await step(c, '1. Start page, cold', async (s) => (await p.goto('/', { waitUntil: 'load' }), performance.now() - s), 'Call for Conveners', (q) =>
      q.getByRole('button', { name: 'Start your application' }),
    ),
  );
  out.push(
    await step(c, '2. "Start your application" → create an account', async () => (await p.getByRole('button', { name: 'Start your application' }).first().click(), null), 'Create an account', (q) =>
      q.locator('option', { hasText: '(NHS trust)' }),
      'attached', // an <option> is never "visible"
    ),
  );
  await p.getByLabel('Email address').fill(`delivery-${run}-${Date.now()}@example.nhs.uk`);
  await p.getByLabel('Create a password').fill('a long enough password 1');
  await p.getByLabel('Full name').fill('Dana Delivery');
  const select = p.getByLabel('Organisation you work for');
  await select.selectOption((await select.locator('option', { hasText: '(NHS trust)' }).first().getAttribute('value')) ?? '');
  out.push(
    await step(c, '3. Create account → which domain (the application starts)', async () => (await p.getByRole('button', { name: 'Create account' }).click(), null), 'Which domain do you want to convene?', (q) =>
      q.getByRole('radio'),
    ),
  );
  await p.getByRole('radio').first().check();
  out.push(
    await step(c, '4. Continue → sponsor question', async () => (await p.getByRole('button', { name: 'Continue' }).click(), null), 'Is an organisation sponsoring your application?', (q) =>
      q.getByRole('button', { name: 'Continue' }),
    ),
  );
  await c.context.close();
  return out;
}

const kib = (n) => (n / 1024).toFixed(1);
const secs = (ms) => (ms == null ? '–' : (ms / 1000).toFixed(2));
const median = (xs) => {
  const v = xs.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};
const sum = (files) => files.reduce((n, f) => n + f.bytes, 0);

/** The median of each step over the runs (bytes are the same each run). */
function table(runs) {
  const rows = ['| step | transferred | requests | main heading visible | usable | load event |', '|---|---:|---:|---:|---:|---:|'];
  runs[0].forEach((first, i) => {
    const all = runs.map((r) => r[i]);
    rows.push(
      `| ${first.name} | ${kib(sum(first.files))} KiB | ${first.files.length} | ${secs(median(all.map((x) => x.headingMs)))} s | ${secs(median(all.map((x) => x.usableMs)))} s | ${secs(median(all.map((x) => x.loadMs)))} s |`,
    );
  });
  return rows.join('\n');
}

function files(step) {
  const rows = ['| file | type | encoding | transferred |', '|---|---|---|---:|'];
  for (const f of step.files) rows.push(`| \`${new URL(f.url).pathname}\` | ${f.type} | ${f.failed ? `(${f.failed})` : f.encoding || 'none'} | ${kib(f.bytes)} KiB |`);
  return rows.join('\n');
}

const load = loadavg()[0].toFixed(1);
const b = await browser();
const starts = [];
const journeys = [];
try {
  for (let i = 0; i < RUNS; i++) {
    starts.push([
      await cold(b, 'Start page (`/`)', '/', 'Call for Conveners', (q) => q.getByRole('button', { name: 'Start your application' })),
      await cold(b, 'Sign-in page (`/sign-in`)', '/sign-in', 'Sign in', (q) => q.getByLabel('Password')),
    ]);
    journeys.push(await journey(b, i));
  }
} finally {
  await b.close();
}
const version = b.version();
const when = new Date().toISOString().slice(0, 10);
console.log(`# Delivery over a slow connection

Written by \`scripts/delivery-report.sh\` on ${when} (${RUNS} cold runs, medians; Chromium ${version}) against
\`convene serve\` (debug build) with the demo data and the built SPA (\`frontend/dist\`), on one machine
(${cpus().length} cores, load average ${load} when it began: other builds share it). Each
run opens a fresh browser context (an empty cache) on an emulated fast-3G link: Chrome DevTools
Protocol \`Network.emulateNetworkConditions\`, 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency.

- **transferred**: the sum of \`encodedDataLength\` of every request of the step (bodies as
  sent, brotli where accepted, plus headers), GraphQL included.
- **main heading visible**: from the navigation (or the click) until the page's \`<h1>\` shows;
  **usable**: until the page's own content from the API shows (the start page's
  "Start your application" button, the sign-in form's password field, the list of
  organisations, the domain choices, the sponsor question's button);
  **load event**: the document's \`load\` (first step only: later steps are in-app navigations).
- The favicon is asked for again at each in-app navigation: it is \`no-cache\` (a file copied
  unhashed from \`public/\`), so it costs a revalidation (a 304 of headers only), beside the page.

The issue's target: a cold start page ≤ 250 KiB transferred and usable within 2.5 s. Before this
change (measured on \`main\` the same way, in the issue): 1,287 KiB and 7.1 s.

## The start page and the sign-in page, cold

${table(starts)}

${files(starts[0][0])}

## The application journey

A new visitor opens the start page, follows "Start your application", creates an account (at an
NHS trust of the demo data), chooses a domain and continues to the sponsor question. Each step
after the first fetches only what its page adds (the account area, then the applications area)
and the GraphQL answers; the browser keeps what earlier steps fetched, as it would.

${table(journeys)}

${journeys[0]
  .slice(1)
  .map((s) => `### ${s.name}\n\n${files(s)}`)
  .join('\n\n')}
`);
