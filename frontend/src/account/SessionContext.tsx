import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, useQuery } from 'urql';
import type { Client } from '@urql/core';
import { createClient } from '../client';
import { getAccessToken, onSessionChange } from './session';
import { ViewerQuery } from './queries';
import type { ViewerQuery as ViewerQueryResult } from '../graphql/graphql';

export type Viewer = NonNullable<ViewerQueryResult['viewer']>;

export interface Session {
  /** Null when nobody is signed in (or while loading). */
  viewer: Viewer | null;
  /** True until we know who the viewer is. */
  loading: boolean;
  isProgrammeTeam: boolean;
  /** Sits on a selection panel (the PANEL role). */
  isPanel: boolean;
}

export const SessionContext = createContext<Session>({ viewer: null, loading: false, isProgrammeTeam: false, isPanel: false });

export function useSession(): Session {
  return useContext(SessionContext);
}

/** Reads the viewer through the urql client in context. */
export function ViewerSession({ children }: { children: ReactNode }) {
  const hasToken = getAccessToken() !== null;
  const [{ data, fetching }] = useQuery({ query: ViewerQuery, pause: !hasToken, requestPolicy: 'network-only' });
  const viewer = hasToken ? (data?.viewer ?? null) : null;
  const value = useMemo<Session>(
    () => ({
      viewer,
      loading: hasToken && (fetching || data === undefined),
      isProgrammeTeam: !!viewer?.roles.includes('PROGRAMME_TEAM'),
      isPanel: !!viewer?.roles.includes('PANEL'),
    }),
    [viewer, hasToken, fetching, data],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * A fresh urql client (and so a fresh cache) for every sign-in and sign-out, so that one
 * person's data never shows to the next.
 */
export function SessionProvider({ children, client: given }: { children: ReactNode; client?: Client }) {
  const [version, setVersion] = useState(0);
  useEffect(() => onSessionChange(() => setVersion((v) => v + 1)), []);
  const client = useMemo(() => given ?? createClient(), [given, version]);
  return (
    <Provider value={client}>
      <ViewerSession key={version}>{children}</ViewerSession>
    </Provider>
  );
}
