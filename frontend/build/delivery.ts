/**
 * What the SPA costs to deliver (issue 19), checked by the build:
 *
 * - `precompress` writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside each
 *   text file of dist/, when smaller; the server sends the one the browser accepts.
 * - `measure` reads Vite's manifest (dist/.vite/manifest.json, which the server refuses to serve)
 *   and sums what a cold visit transfers: the start page's first load (index.html and every
 *   script, stylesheet, preload and icon it names, the scripts they import statically, their CSS
 *   and the fonts that CSS names) and, for each area loaded on demand (`src/<area>/routes.ts`),
 *   what its first page adds to that. A file counts at its brotli size, as a browser gets it.
 * - `budgetProblems` compares that with budget.json; `deliveryCheck` (a Vite plugin) fails the
 *   build when anything is over, or when a file in assets/ lacks a content hash in its name
 *   (the server caches /assets/<file> for a year).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|xml|ico|webmanifest)$/;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Writes the .br and .gz of every text file of `dir` (source maps aside); returns how many. */
export function precompress(dir: string): number {
  let written = 0;
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path) || path.includes(`${join(dir, '.vite')}`)) continue;
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) {
      writeFileSync(`${path}.br`, br);
      written++;
    }
    if (gz.length < raw.length) {
      writeFileSync(`${path}.gz`, gz);
      written++;
    }
  }
  return written;
}

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Load {
  /** dist-relative paths of the files fetched. */
  files: string[];
  /** their sum as transferred (brotli where there is a .br). */
  bytes: number;
}

export interface Delivery {
  firstLoad: Load;
  /** by manifest key (`src/<area>/routes.ts`): what opening that area adds to the first load. */
  routes: Record<string, Load>;
}

/** The bytes a browser receives for `file`: its brotli form if the build wrote one. */
export function transferred(dist: string, file: string): number {
  const br = join(dist, `${file}.br`);
  return statSync(existsSync(br) ? br : join(dist, file)).size;
}

/** Paths named by the HTML's scripts and links (stylesheet, modulepreload, icon), dist-relative. */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)) refs.push(m[1] ?? '');
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/i.exec(tag)?.[1];
    if (href && /\b(?:stylesheet|modulepreload|preload|icon)\b/i.test(rel)) refs.push(href);
  }
  return refs.filter((r) => r.startsWith('/') && !r.startsWith('//')).map((r) => r.slice(1));
}

/** Fonts a stylesheet names (loaded as soon as text uses them: counted as eager). */
export function cssFonts(css: string): string[] {
  return [...css.matchAll(/url\(\s*['"]?(\/[^'")\s]+\.(?:woff2?|ttf|otf))['"]?\s*\)/gi)].map((m) => (m[1] ?? '').slice(1));
}

/** A manifest entry's own file, its CSS and everything it imports statically, recursively. */
export function closure(manifest: Manifest, keys: string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const k of chunk.imports ?? []) walk(k);
  };
  keys.forEach(walk);
  return [...files];
}

function withFonts(dist: string, files: string[]): string[] {
  const all = new Set(files);
  for (const f of files) if (f.endsWith('.css')) cssFonts(readFileSync(join(dist, f), 'utf8')).forEach((x) => all.add(x));
  return [...all];
}

function load(dist: string, files: string[]): Load {
  return { files, bytes: files.reduce((n, f) => n + transferred(dist, f), 0) };
}

/** What a cold visit to the start page, and then to each area, transfers. */
export function measure(dist: string): Delivery {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const first = withFonts(dist, ['index.html', ...new Set([...htmlReferences(html), ...closure(manifest, entries)])]);
  const routes: Record<string, Load> = {};
  for (const key of Object.keys(manifest).filter((k) => manifest[k]?.isDynamicEntry)) {
    const extra = withFonts(dist, closure(manifest, [key])).filter((f) => !first.includes(f));
    routes[key] = load(dist, extra);
  }
  return { firstLoad: load(dist, first), routes };
}

export interface Budget {
  /** the start page's first load, in KiB transferred. */
  firstLoadKiB: number;
  /** each area's addition, in KiB transferred, by manifest key; `default` for any other. */
  routesKiB: Record<string, number>;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** Everything over budget, named. */
export function budgetProblems(d: Delivery, budget: Budget): string[] {
  const problems: string[] = [];
  if (d.firstLoad.bytes > budget.firstLoadKiB * 1024) {
    problems.push(`the start page's first load is ${kib(d.firstLoad.bytes)} KiB, over its budget of ${budget.firstLoadKiB} KiB (${d.firstLoad.files.join(', ')})`);
  }
  for (const [key, l] of Object.entries(d.routes)) {
    const limit = budget.routesKiB[key] ?? budget.routesKiB.default;
    if (limit === undefined) problems.push(`${key} has no budget in budget.json (and there is no default)`);
    else if (l.bytes > limit * 1024) problems.push(`${key} adds ${kib(l.bytes)} KiB, over its budget of ${limit} KiB (${l.files.join(', ')})`);
  }
  return problems;
}

/** Files of assets/ (Vite's output, cached for a year) whose names carry no content hash. */
export function unhashedAssets(dist: string): string[] {
  const dir = join(dist, 'assets');
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isFile())
    .map((n) => n.replace(/\.(?:br|gz|map)$/, ''))
    .filter((n) => !/-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(n))
    .map((n) => `assets/${n}`);
}

/** A table of the measure, for the build's log. */
export function describe(d: Delivery, dist: string): string {
  const lines = [`first load of the start page: ${kib(d.firstLoad.bytes)} KiB (brotli)`];
  for (const f of d.firstLoad.files) lines.push(`  ${kib(transferred(dist, f)).padStart(7)} KiB  ${f}`);
  for (const [key, l] of Object.entries(d.routes).sort()) lines.push(`${key}: +${kib(l.bytes)} KiB (${l.files.length} files)`);
  return lines.join('\n');
}

export function readBudget(root: string): Budget {
  return JSON.parse(readFileSync(join(root, 'budget.json'), 'utf8')) as Budget;
}

/** Vite plugin: after writing dist/, precompress it and fail the build when over budget. */
export function deliveryCheck() {
  let outDir = 'dist';
  let root = '.';
  return {
    name: 'convene-delivery-check',
    apply: 'build' as const,
    enforce: 'post' as const,
    configResolved(config: { root: string; build: { outDir: string } }) {
      root = config.root;
      outDir = join(config.root, config.build.outDir);
    },
    // after every file is written (closeBundle would run after a failed build too)
    writeBundle() {
      const written = precompress(outDir);
      const d = measure(outDir);
      console.log(`precompressed: ${written} files (.br, .gz) in ${relative(root, outDir)}/\n${describe(d, outDir)}`);
      const problems = [...budgetProblems(d, readBudget(root)), ...unhashedAssets(outDir).map((f) => `${f} has no content hash in its name`)];
      if (problems.length) throw new Error(`The SPA is over its delivery budget (budget.json):\n- ${problems.join('\n- ')}`);
    },
  };
}
