import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { endSession, getAccessToken, getRefreshToken, replaceTokens } from './account/session';

export const GRAPHQL_URL = '/graphql';

const REFRESH_MUTATION = `mutation RefreshSession($input: RefreshSessionInput!) {
  refreshSession(input: $input) { accessToken refreshToken }
}`;

type FetchFn = typeof fetch;

interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message?: string; extensions?: { code?: unknown } }>;
}

function isUnauthenticated(body: GraphQLBody | null): boolean {
  return !!body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

function withAuth(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  else headers.delete('Authorization');
  return { ...init, headers };
}

let refreshing: Promise<boolean> | null = null;

/** Spends the refresh token once, however many requests failed at the same time. */
function refreshOnce(baseFetch: FetchFn): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = getRefreshToken();
      if (!refreshToken) return false;
      try {
        const res = await baseFetch(GRAPHQL_URL, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
          body: JSON.stringify({ query: REFRESH_MUTATION, operationName: 'RefreshSession', variables: { input: { refreshToken } } }),
        });
        const body = (await res.json()) as { data?: { refreshSession?: { accessToken: string; refreshToken: string } | null } };
        const pair = body.data?.refreshSession;
        if (!pair) return false;
        replaceTokens(pair);
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/**
 * fetch with the access token; when the server answers UNAUTHENTICATED it refreshes the session
 * once and retries; when that fails too the person is signed out and the request is retried
 * anonymously (public pages keep working).
 */
export function createAuthFetch(baseFetch: FetchFn = (...args) => fetch(...args)): FetchFn {
  return async (input, init) => {
    const token = getAccessToken();
    const res = await baseFetch(input, withAuth(init, token));
    if (!token && !getRefreshToken()) return res;
    let body: GraphQLBody | null = null;
    try {
      body = (await res.clone().json()) as GraphQLBody;
    } catch {
      return res;
    }
    if (!isUnauthenticated(body)) return res;
    // Another request may have refreshed meanwhile.
    const current = getAccessToken();
    if (current && current !== token) return baseFetch(input, withAuth(init, current));
    if (await refreshOnce(baseFetch)) return baseFetch(input, withAuth(init, getAccessToken()));
    endSession();
    return baseFetch(input, withAuth(init, null));
  };
}

export function createClient(): Client {
  return new Client({
    url: GRAPHQL_URL,
    exchanges: [cacheExchange, fetchExchange],
    fetch: createAuthFetch(),
    preferGetMethod: false,
  });
}
