import { afterEach, describe, expect, it } from 'vitest';
import { pipe, subscribe } from 'wonka';
import { Client, createRequest } from '@urql/core';
import { connectionParams, createSubscriptionClient, subscriptionUrl, wsSubscriptionExchange } from './client';
import { endSession, startSession } from './account/session';

/** A stand-in WebSocket that records what the client sends and answers connection_init. */
class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static opened: FakeSocket[] = [];
  readyState = 0;
  protocol = 'graphql-transport-ws';
  sent: Array<{ type: string; payload?: unknown }> = [];
  onopen: (() => void) | null = null;
  onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  constructor(
    public url: string,
    public protocols: string,
  ) {
    FakeSocket.opened.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }
  send(data: string) {
    const msg = JSON.parse(data) as { type: string; payload?: unknown };
    this.sent.push(msg);
    if (msg.type === 'connection_init') setTimeout(() => this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) }), 0);
  }
  close(code = 1000, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: true });
  }
}

const SUB = 'subscription NotificationAdded { notificationAdded { id } }';

function jwt(expSeconds: number) {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '');
  return `${b64({ alg: 'HS256' })}.${b64({ sub: 'p', exp: expSeconds })}.sig`;
}

afterEach(() => {
  endSession();
  FakeSocket.opened = [];
});

describe('subscriptions over /graphql/ws', () => {
  it('puts the current access token in connection_init, and nothing when signed out', () => {
    startSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(connectionParams()).toEqual({ Authorization: 'Bearer access-1' });
    endSession();
    expect(connectionParams()).toBeUndefined();
  });

  it('addresses the socket on the same host, wss on https', () => {
    expect(subscriptionUrl({ protocol: 'http:', host: '127.0.0.1:18080' })).toBe('ws://127.0.0.1:18080/graphql/ws');
    expect(subscriptionUrl({ protocol: 'https:', host: 'convene.example' })).toBe('wss://convene.example/graphql/ws');
  });

  it('sends { Authorization: "Bearer <token>" } when it connects, and reconnects with the new token on restart', async () => {
    const token = jwt(Math.floor(Date.now() / 1000) + 900);
    startSession({ accessToken: token, refreshToken: 'refresh-1' });
    const { client, restart } = createSubscriptionClient({ url: 'ws://test/graphql/ws', webSocketImpl: FakeSocket });
    const stop = client.subscribe({ query: SUB }, { next: () => {}, error: () => {}, complete: () => {} });
    await expect.poll(() => FakeSocket.opened[0]?.sent.map((m) => m.type)).toEqual(['connection_init', 'subscribe']);
    expect(FakeSocket.opened[0]!.sent[0]!.payload).toEqual({ Authorization: `Bearer ${token}` });

    const next = jwt(Math.floor(Date.now() / 1000) + 1800);
    startSession({ accessToken: next, refreshToken: 'refresh-2' });
    restart();
    await expect.poll(() => FakeSocket.opened.length, { timeout: 5000 }).toBe(2);
    await expect.poll(() => FakeSocket.opened[1]!.sent[0]?.payload, { timeout: 5000 }).toEqual({ Authorization: `Bearer ${next}` });
    stop();
    await client.dispose();
  });

  it('opens no socket when signed out', async () => {
    let made = 0;
    const urql = new Client({
      url: '/graphql',
      exchanges: [
        wsSubscriptionExchange(() => {
          made++;
          return createSubscriptionClient({ url: 'ws://test/graphql/ws', webSocketImpl: FakeSocket }).client;
        }),
      ],
    });
    const { unsubscribe } = pipe(
      urql.executeSubscription(createRequest(SUB, {})),
      subscribe(() => {}),
    );
    // The subscription ends straight away without asking for a socket.
    await new Promise((r) => setTimeout(r, 20));
    unsubscribe();
    expect(made).toBe(0);
    expect(FakeSocket.opened).toHaveLength(0);
  });
});
