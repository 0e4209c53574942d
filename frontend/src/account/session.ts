/**
 * The session's tokens, kept in localStorage. Listeners hear when the person signed in or out
 * (not when a token was merely refreshed).
 */

const ACCESS = 'convene.accessToken';
const REFRESH = 'convene.refreshToken';

type Listener = () => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export function getAccessToken(): string | null {
  return storage()?.getItem(ACCESS) ?? null;
}

export function getRefreshToken(): string | null {
  return storage()?.getItem(REFRESH) ?? null;
}

/** Stores a refreshed pair without telling listeners (the same person is still signed in). */
export function replaceTokens(tokens: Tokens): void {
  storage()?.setItem(ACCESS, tokens.accessToken);
  storage()?.setItem(REFRESH, tokens.refreshToken);
}

/** Starts a session for a person who has just signed in or registered. */
export function startSession(tokens: Tokens): void {
  replaceTokens(tokens);
  notify();
}

export function endSession(): void {
  const s = storage();
  if (!s) return;
  const had = s.getItem(ACCESS) !== null || s.getItem(REFRESH) !== null;
  s.removeItem(ACCESS);
  s.removeItem(REFRESH);
  if (had) notify();
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const l of [...listeners]) l();
}

// Another tab signing in or out changes this tab's session too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === ACCESS || e.key === REFRESH || e.key === null) notify();
  });
}
