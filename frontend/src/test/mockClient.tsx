import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { CombinedError, type Client, type GraphQLRequest, type OperationResult } from '@urql/core';
import { Provider } from 'urql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { fromValue, never } from 'wonka';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { SessionContext, type Session, type Viewer } from '../account/SessionContext';

export type Handler = (variables: Record<string, unknown>) => { data?: unknown; error?: CombinedError } | undefined;

function operationName(query: DocumentNode): string {
  const op = query.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return op?.name?.value ?? '';
}

/**
 * A fake urql client: each operation name maps to a handler returning `{ data }` or `{ error }`.
 * Operations without a handler never answer (they stay loading).
 */
export function mockClient(handlers: Record<string, Handler>) {
  const calls: Array<{ name: string; variables: Record<string, unknown> }> = [];
  const execute = (request: GraphQLRequest) => {
    const name = operationName(request.query);
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    calls.push({ name, variables });
    const handler = handlers[name];
    const result = handler?.(variables);
    if (!result) return never;
    return fromValue({
      operation: request,
      data: result.data,
      error: result.error,
      stale: false,
      hasNext: false,
    } as unknown as OperationResult);
  };
  const client = {
    executeQuery: vi.fn(execute),
    executeMutation: vi.fn(execute),
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
  return { client, calls };
}

export function validationError(fields: Array<{ field: string; message: string }>): CombinedError {
  return new CombinedError({
    graphQLErrors: [{ message: 'Validation failed', extensions: { code: 'VALIDATION', fields } }],
  });
}

export const TEST_VIEWER: Viewer = {
  id: 'person-1',
  name: 'Ada Lovelace',
  email: 'ada@example.nhs.uk',
  emailVerified: true,
  roles: [],
  organisation: { id: 'org-1', name: "St Elsewhere's NHS Foundation Trust", sector: 'NHS_TRUST', nhsMember: true },
};

interface RenderOptions {
  client: Client;
  path: string;
  route: string;
  viewer?: Viewer | null;
  extraRoutes?: Record<string, ReactNode>;
}

/** Everything a view needs around it: urql, a session and a router at `path`. */
export function Harness({ client, path, route, viewer = TEST_VIEWER, extraRoutes = {}, children }: RenderOptions & { children: ReactNode }) {
  const session: Session = {
    viewer,
    loading: false,
    isProgrammeTeam: !!viewer?.roles.includes('PROGRAMME_TEAM'),
    isPanel: !!viewer?.roles.includes('PANEL'),
  };
  return (
    <Provider value={client}>
      <SessionContext.Provider value={session}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={children} />
            {Object.entries(extraRoutes).map(([p, el]) => (
              <Route key={p} path={p} element={el} />
            ))}
          </Routes>
        </MemoryRouter>
      </SessionContext.Provider>
    </Provider>
  );
}
