import { describe, expect, it, vi } from 'vitest';
import { createAuthFetch } from './client';
import { getAccessToken, getRefreshToken, startSession } from './account/session';

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

const UNAUTH = { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] };

describe('createAuthFetch', () => {
  it('refreshes once on UNAUTHENTICATED and retries with the new token', async () => {
    startSession({ accessToken: 'old-access', refreshToken: 'old-refresh' });
    const seen: Array<string | null> = [];
    const base = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as { operationName?: string; variables?: { input?: { refreshToken?: string } } };
      seen.push(new Headers(init?.headers).get('Authorization'));
      if (body.operationName === 'RefreshSession') {
        expect(body.variables?.input?.refreshToken).toBe('old-refresh');
        return json({ data: { refreshSession: { accessToken: 'new-access', refreshToken: 'new-refresh' } } });
      }
      if (new Headers(init?.headers).get('Authorization') === 'Bearer old-access') return json(UNAUTH);
      return json({ data: { viewer: { id: '1' } } });
    });
    const f = createAuthFetch(base as unknown as typeof fetch);
    const res = await f('/graphql', { method: 'POST', body: JSON.stringify({ query: '{viewer{id}}' }) });
    expect(await res.json()).toEqual({ data: { viewer: { id: '1' } } });
    expect(seen).toEqual(['Bearer old-access', null, 'Bearer new-access']);
    expect(getAccessToken()).toBe('new-access');
    expect(getRefreshToken()).toBe('new-refresh');
  });

  it('signs out when the refresh fails', async () => {
    startSession({ accessToken: 'old-access', refreshToken: 'spent' });
    const base = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as { operationName?: string };
      if (body.operationName === 'RefreshSession') return json(UNAUTH);
      if (new Headers(init?.headers).get('Authorization')) return json(UNAUTH);
      return json({ data: { viewer: null } });
    });
    const f = createAuthFetch(base as unknown as typeof fetch);
    const res = await f('/graphql', { method: 'POST', body: '{}' });
    expect(await res.json()).toEqual({ data: { viewer: null } });
    expect(getAccessToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();
  });
});
