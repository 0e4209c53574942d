import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { endSession, getAccessToken, getRefreshToken, onSessionChange, replaceTokens } from './account/session';

export const GRAPHQL_URL = '/graphql';
export const GRAPHQL_WS_PATH = '/graphql/ws';

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
        restartSubscriptions();
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

/** Seconds since the epoch at which a JWT expires, if it says. */
function expiresAt(token: string): number | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/**
 * `connection_init`'s payload for /graphql/ws: the access token current at this moment, or
 * nothing when nobody is signed in.
 */
export function connectionParams(): { Authorization: string } | undefined {
  const token = getAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : undefined;
}

/** The same, but first refreshing an access token that has expired (the server would refuse it). */
async function freshConnectionParams(baseFetch: FetchFn): Promise<{ Authorization: string } | undefined> {
  const token = getAccessToken();
  const exp = token ? expiresAt(token) : null;
  if (token && exp !== null && exp * 1000 < Date.now() + 5_000) await refreshOnce(baseFetch);
  return connectionParams();
}

/** ws://host/graphql/ws (wss:// on https). */
export function subscriptionUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_WS_PATH}`;
}

const restarts = new Set<() => void>();

/** Reconnects every open subscription socket, so that it authenticates with the current token. */
export function restartSubscriptions(): void {
  for (const restart of [...restarts]) restart();
}

// A sign-in or sign-out changes whose notifications a socket carries.
onSessionChange(restartSubscriptions);

export interface SubscriptionClientOptions {
  url?: string;
  webSocketImpl?: unknown;
  baseFetch?: FetchFn;
}

/**
 * A graphql-transport-ws client for /graphql/ws. It connects only while a subscription is
 * running, authenticates with the access token current at each (re)connection, and reconnects
 * after a refresh, a sign-in or a sign-out (graphql-ws's "restartable client" recipe).
 */
export function createSubscriptionClient(options: SubscriptionClientOptions = {}): { client: WsClient; restart: () => void } {
  const baseFetch: FetchFn = options.baseFetch ?? ((...args) => fetch(...args));
  // The token is read when a socket opens, so only an open socket needs restarting.
  let open: WebSocket | null = null;
  const client = createWsClient({
    url: options.url ?? subscriptionUrl(),
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    retryAttempts: 10,
    connectionParams: () => freshConnectionParams(baseFetch),
    on: {
      opened: (socket) => {
        open = socket as WebSocket;
      },
      closed: () => {
        open = null;
      },
    },
  });
  const restart = () => {
    if (open && open.readyState === 1) open.close(4205, 'Client Restart');
  };
  const wrapped = () => restart();
  restarts.add(wrapped);
  const dispose = client.dispose.bind(client);
  client.dispose = () => {
    restarts.delete(wrapped);
    return dispose();
  };
  return { client, restart: wrapped };
}

/**
 * urql's subscription exchange over graphql-ws. Signed out, a subscription ends at once and
 * no socket is opened.
 */
export function wsSubscriptionExchange(getClient: () => WsClient) {
  return subscriptionExchange({
    forwardSubscription(request) {
      const input = { ...request, query: request.query ?? '' };
      return {
        subscribe(sink) {
          if (!getAccessToken()) {
            sink.complete();
            return { unsubscribe() {} };
          }
          const unsubscribe = getClient().subscribe(input, sink);
          return { unsubscribe };
        },
      };
    },
  });
}

let sharedWs: WsClient | null = null;

/** One socket for the page, made when the first subscription starts. */
function sharedSubscriptionClient(): WsClient {
  sharedWs ??= createSubscriptionClient().client;
  return sharedWs;
}

export function createClient(): Client {
  return new Client({
    url: GRAPHQL_URL,
    exchanges: [cacheExchange, fetchExchange, wsSubscriptionExchange(sharedSubscriptionClient)],
    fetch: createAuthFetch(),
    preferGetMethod: false,
  });
}
