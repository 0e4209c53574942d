import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as urls from './urls';

/** The routes App.tsx declares (and the modules it takes routes from), as patterns (":param" matches one path segment). */
function routes(): RegExp[] {
  const app = ['src/App.tsx', 'src/account/identityRoutes.tsx'].map((f) => readFileSync(resolve(process.cwd(), f), 'utf8')).join('\n');
  return Array.from(app.matchAll(/path="([^"*]+)"/g), ([, path = ""]) => {
    const pattern = path.replace(/:[A-Za-z]+/g, '[^/]+');
    return new RegExp(`^/${pattern}$`);
  });
}

describe('urls', () => {
  it('every address matches a route of App.tsx', () => {
    const known = routes();
    expect(known.length).toBeGreaterThan(50);
    for (const [name, fn] of Object.entries(urls)) {
      const url = (fn as (...a: string[]) => string)('id-1', 'id-2', 'id-3');
      const path = url.split('?')[0] ?? url;
      expect(known.some((r) => r.test(path)), `${name} → ${url}`).toBe(true);
    }
  });

  it('builds the community addresses', () => {
    expect(urls.communityUrl('c1')).toBe('/communities/c1');
    expect(urls.meetingUrl('c1', 'm1')).toBe('/communities/c1/meetings/m1');
    expect(urls.joinRequestUrl('c1', 'r1')).toBe('/communities/c1/requests/r1');
    expect(urls.startupStepUrl('c1', 'develop-the-domain')).toBe('/communities/c1/steps/develop-the-domain');
  });
});
