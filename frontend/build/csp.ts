/**
 * The built SPA must make no request to another origin, so that the server can send a strict
 * Content-Security-Policy (`default-src 'self'`, no inline script, `style-src 'self'`):
 *
 * - `dropRemoteFontFaces` is a PostCSS plugin that removes @font-face rules loading fonts from
 *   elsewhere (nhsuk-frontend's CSS loads Frutiger from assets.nhs.uk, a licensed font we may not
 *   copy), so the NHS fallback font stack (Arial) is used;
 * - `cspProblems` lists what in the built files would break the policy or call another origin;
 * - `cspCheck` is a Vite plugin that fails the build when there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** An absolute URL to another origin, as it appears in CSS `url(…)` or an HTML attribute. */
const REMOTE = /^\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;

interface AtRuleLike {
  toString(): string;
  remove(): void;
}

/** PostCSS plugin: drops `@font-face` rules whose `src` is on another origin. */
export function dropRemoteFontFaces() {
  return {
    postcssPlugin: 'convene-drop-remote-font-faces',
    AtRule: {
      'font-face': (rule: AtRuleLike) => {
        const urls = [...rule.toString().matchAll(/url\(([^)]*)\)/gi)].map((m) => m[1] ?? '');
        if (urls.some((u) => REMOTE.test(u))) rule.remove();
      },
    },
  };
}
dropRemoteFontFaces.postcss = true;

/** Hosts of fonts, CDNs and trackers that must never be fetched by the SPA. */
const FORBIDDEN_HOSTS = [
  'assets.nhs.uk',
  'fonts.googleapis.com',
  'fonts.gstatic.com',
  'use.typekit.net',
  'cdn.jsdelivr.net',
  'unpkg.com',
  'cdnjs.cloudflare.com',
  'www.googletagmanager.com',
  'www.google-analytics.com',
];

export interface BuiltFile {
  name: string;
  text: string;
}

function htmlProblems(f: BuiltFile): string[] {
  const problems: string[] = [];
  for (const m of f.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const body = (m[2] ?? '').trim();
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (!src) problems.push(`${f.name}: an inline <script> (blocked without 'unsafe-inline')`);
    else if (REMOTE.test(src)) problems.push(`${f.name}: a script from another origin (${src})`);
    if (src && body) problems.push(`${f.name}: a <script src> with inline content`);
  }
  if (/<style\b/i.test(f.text)) problems.push(`${f.name}: an inline <style> element (blocked by style-src 'self')`);
  if (/\sstyle\s*=/i.test(f.text)) problems.push(`${f.name}: an inline style attribute (blocked by style-src 'self')`);
  if (/\son[a-z]+\s*=/i.test(f.text)) problems.push(`${f.name}: an inline event handler attribute`);
  for (const m of f.text.matchAll(/<(?:link|img|source|iframe|embed|object|audio|video)\b[^>]*?\b(?:href|src|srcset|data)\s*=\s*["']?([^"'\s>]+)/gi)) {
    if (REMOTE.test(m[1] ?? '')) problems.push(`${f.name}: loads ${m[1]} from another origin`);
  }
  return problems;
}

function cssProblems(f: BuiltFile): string[] {
  const problems: string[] = [];
  for (const m of f.text.matchAll(/url\(([^)]*)\)/gi)) {
    if (REMOTE.test(m[1] ?? '')) problems.push(`${f.name}: loads ${(m[1] ?? '').trim()} from another origin`);
  }
  for (const m of f.text.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi)) {
    if (REMOTE.test(m[1] ?? '')) problems.push(`${f.name}: imports ${m[1]} from another origin`);
  }
  return problems;
}

function jsProblems(f: BuiltFile): string[] {
  return FORBIDDEN_HOSTS.filter((h) => f.text.includes(`//${h}`)).map((h) => `${f.name}: refers to ${h}`);
}

/** What in the built files would break a strict CSP or make a request to another origin. */
export function cspProblems(files: BuiltFile[]): string[] {
  const problems: string[] = [];
  for (const f of files) {
    if (f.name.endsWith('.html')) problems.push(...htmlProblems(f));
    else if (f.name.endsWith('.css')) problems.push(...cssProblems(f));
    else if (/\.(?:m?js)$/.test(f.name)) problems.push(...jsProblems(f));
  }
  return problems;
}

/** Every .html, .css and .js file under a folder (source maps aside). */
export function readBuiltFiles(dir: string): BuiltFile[] {
  const out: BuiltFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:html|css|m?js)$/.test(name)) out.push({ name: relative(dir, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** Vite plugin: after writing dist/, fail the build if anything in it breaks the policy. */
export function cspCheck() {
  let outDir = 'dist';
  return {
    name: 'convene-csp-check',
    apply: 'build' as const,
    enforce: 'post' as const,
    configResolved(config: { root: string; build: { outDir: string } }) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const problems = cspProblems(readBuiltFiles(outDir));
      if (problems.length) {
        throw new Error(`The build would break the Content-Security-Policy:\n- ${problems.join('\n- ')}`);
      }
    },
  };
}
