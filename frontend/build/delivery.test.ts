// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { budgetProblems, measure, precompress, readBudget, unhashedAssets } from './delivery';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

/** A dist/ as Vite leaves it: an entry importing a shared chunk, an area loaded on demand. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'convene-dist-'));
  mkdirSync(join(dir, '.vite'), { recursive: true });
  mkdirSync(join(dir, 'assets/images'), { recursive: true });
  const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
  write(
    'index.html',
    '<link rel="icon" href="/assets/images/favicon.svg"><script type="module" src="/assets/index-AAAAAAAA.js"></script>' +
      '<link rel="modulepreload" href="/assets/react-BBBBBBBB.js"><link rel="stylesheet" href="/assets/index-CCCCCCCC.css">',
  );
  write('assets/images/favicon.svg', '<svg/>');
  write('assets/index-AAAAAAAA.js', 'import "./react-BBBBBBBB.js";'.repeat(200));
  write('assets/react-BBBBBBBB.js', 'export const react = 1;'.repeat(400));
  write('assets/index-CCCCCCCC.css', '@font-face{src:url(/assets/font-EEEEEEEE.woff2)}body{margin:0}'.repeat(50));
  write('assets/font-EEEEEEEE.woff2', 'x'.repeat(1000));
  write('assets/routes-DDDDDDDD.js', 'import "./react-BBBBBBBB.js";import "./chart-FFFFFFFF.js";'.repeat(100));
  write('assets/chart-FFFFFFFF.js', 'export const chart = 2;'.repeat(3000));
  write(
    '.vite/manifest.json',
    JSON.stringify({
      'index.html': { file: 'assets/index-AAAAAAAA.js', isEntry: true, imports: ['_react.js'], dynamicImports: ['src/dashboard/routes.ts'], css: ['assets/index-CCCCCCCC.css'] },
      '_react.js': { file: 'assets/react-BBBBBBBB.js' },
      '_chart.js': { file: 'assets/chart-FFFFFFFF.js' },
      'src/dashboard/routes.ts': { file: 'assets/routes-DDDDDDDD.js', isDynamicEntry: true, imports: ['_react.js', '_chart.js'] },
    }),
  );
  return dir;
}

describe('the delivery budget', () => {
  it('precompresses text files with brotli and gzip, and the first load counts them at their brotli size', () => {
    const dist = fakeDist();
    try {
      expect(precompress(dist)).toBeGreaterThan(0);
      const js = readFileSync(join(dist, 'assets/chart-FFFFFFFF.js'));
      expect(brotliDecompressSync(readFileSync(join(dist, 'assets/chart-FFFFFFFF.js.br')))).toEqual(js);
      expect(gunzipSync(readFileSync(join(dist, 'assets/chart-FFFFFFFF.js.gz')))).toEqual(js);
      expect(existsSync(join(dist, 'assets/font-EEEEEEEE.woff2.br'))).toBe(false); // fonts are compressed already

      const d = measure(dist);
      // index.html, what it names, the entry's static imports and CSS, and the fonts of that CSS
      expect(d.firstLoad.files.sort()).toEqual(
        ['index.html', 'assets/images/favicon.svg', 'assets/index-AAAAAAAA.js', 'assets/react-BBBBBBBB.js', 'assets/index-CCCCCCCC.css', 'assets/font-EEEEEEEE.woff2'].sort(),
      );
      const size = (f: string) => readFileSync(join(dist, existsSync(join(dist, `${f}.br`)) ? `${f}.br` : f)).length;
      expect(d.firstLoad.bytes).toBe(d.firstLoad.files.reduce((n, f) => n + size(f), 0));
      expect(d.firstLoad.bytes).toBeLessThan(3000); // about 40 KB before compression
      // the area adds its own chunk and the chart, not what the first load already brought
      expect(d.routes['src/dashboard/routes.ts']!.files.sort()).toEqual(['assets/chart-FFFFFFFF.js', 'assets/routes-DDDDDDDD.js']);

      expect(budgetProblems(d, { firstLoadKiB: 250, routesKiB: { default: 100 } })).toEqual([]);
      const over = budgetProblems(d, { firstLoadKiB: 0.5, routesKiB: { 'src/dashboard/routes.ts': 0.01 } });
      expect(over).toHaveLength(2);
      expect(over[0]).toMatch(/^the start page's first load is \d+\.\d KiB, over its budget of 0.5 KiB/);
      expect(over[1]).toMatch(/^src\/dashboard\/routes\.ts adds \d+\.\d KiB, over its budget of 0\.01 KiB/);
      expect(budgetProblems(d, { firstLoadKiB: 250, routesKiB: {} })).toEqual(['src/dashboard/routes.ts has no budget in budget.json (and there is no default)']);

      expect(unhashedAssets(dist)).toEqual([]);
      writeFileSync(join(dist, 'assets/logo.svg'), '<svg/>');
      expect(unhashedAssets(dist)).toEqual(['assets/logo.svg']);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  // `make test` builds the SPA first (test-frontend: spa); CI never skips this.
  it.skipIf(!existsSync(join(DIST, '.vite/manifest.json')) && !process.env.CI)('dist/ keeps within budget.json: the start page under 250 KiB, each area within its own', () => {
    const budget = readBudget(ROOT);
    expect(budget.firstLoadKiB).toBeLessThanOrEqual(250);
    const d = measure(DIST);
    expect(budgetProblems(d, budget)).toEqual([]);
    expect(unhashedAssets(DIST)).toEqual([]);
    // recharts is only in the dashboard's area
    const first = d.firstLoad.files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(first).not.toMatch(/recharts/i);
    expect(Object.keys(d.routes)).toContain('src/dashboard/routes.ts');
  });
});
