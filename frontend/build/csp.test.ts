// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';
import { cspProblems, dropRemoteFontFaces, readBuiltFiles } from './csp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

describe('the Content-Security-Policy check', () => {
  it('drops @font-face rules that load fonts from another origin, and keeps local ones', async () => {
    const css = [
      '@font-face{font-family:Frutiger W01;src:url(https://assets.nhs.uk/fonts/FrutigerLTW01-55Roman.woff2) format("woff2")}',
      '@font-face{font-family:Local;src:url(/assets/fonts/local.woff2) format("woff2")}',
      'body{font-family:Frutiger W01,Arial,sans-serif}',
    ].join('\n');
    const out = (await postcss([dropRemoteFontFaces()]).process(css, { from: undefined })).css;
    expect(out).not.toContain('assets.nhs.uk');
    expect(out).toContain('/assets/fonts/local.woff2');
    expect(out).toContain('font-family:Frutiger W01,Arial,sans-serif');
  });

  it('finds inline scripts, inline styles and anything loaded from another origin', () => {
    expect(
      cspProblems([
        {
          name: 'index.html',
          text: '<script>window.x=1</script><script src="https://cdn.example/a.js"></script><link rel="stylesheet" href="//fonts.example/x.css"><div style="color:red" onclick="go()"></div><style>p{}</style>',
        },
        { name: 'assets/a.css', text: '@import url("https://fonts.googleapis.com/css?family=X");p{background:url(https://x.example/a.png)}' },
        { name: 'assets/a.js', text: 'fetch("https://assets.nhs.uk/fonts/x.woff")' },
      ]),
    ).toEqual([
      "index.html: an inline <script> (blocked without 'unsafe-inline')",
      'index.html: a script from another origin (https://cdn.example/a.js)',
      "index.html: an inline <style> element (blocked by style-src 'self')",
      "index.html: an inline style attribute (blocked by style-src 'self')",
      'index.html: an inline event handler attribute',
      'index.html: loads //fonts.example/x.css from another origin',
      'assets/a.css: loads "https://fonts.googleapis.com/css?family=X" from another origin',
      'assets/a.css: loads https://x.example/a.png from another origin',
      'assets/a.css: imports https://fonts.googleapis.com/css?family=X from another origin',
      'assets/a.js: refers to assets.nhs.uk',
    ]);
    expect(
      cspProblems([
        { name: 'index.html', text: '<script type="module" crossorigin src="/assets/index.js"></script><link rel="stylesheet" href="/assets/index.css">' },
        { name: 'assets/index.css', text: '.x{background:url(/assets/images/nhsuk-icon-cross.svg)}' },
        { name: 'assets/index.js', text: 'const ns="http://www.w3.org/2000/svg"' },
      ]),
    ).toEqual([]);
  });

  it.skipIf(!existsSync(DIST))('dist/ (when built) has no inline script and calls no other origin', () => {
    const files = readBuiltFiles(DIST);
    expect(files.some((f) => f.name === 'index.html')).toBe(true);
    expect(cspProblems(files)).toEqual([]);
    const css = files.filter((f) => f.name.endsWith('.css')).map((f) => f.text).join('\n');
    expect(css).not.toContain('assets.nhs.uk');
  });
});
