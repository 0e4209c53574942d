import type { CombinedError } from '@urql/core';

/** One problem to show in the error summary; `field` links it to the input with that id. */
export interface Problem {
  field?: string;
  message: string;
  /** The server's `extensions.reason`, for a problem the page offers a way out of (EMAIL_NOT_VERIFIED). */
  reason?: string;
}

/** `extensions.reason` of a FORBIDDEN answer when the person's address is not confirmed yet. */
export const EMAIL_NOT_VERIFIED = 'EMAIL_NOT_VERIFIED';

interface FieldError {
  field: string;
  message: string;
}

function isFieldError(v: unknown): v is FieldError {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as FieldError).field === 'string' &&
    typeof (v as FieldError).message === 'string'
  );
}

export const SERVICE_PROBLEM = 'Sorry, there is a problem with the service. Try again later.';

const CODE_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'You need to sign in again.',
  FORBIDDEN: 'You do not have permission to do that.',
  NOT_FOUND: 'We could not find what you were looking for.',
  RATE_LIMITED: 'You have tried too many times. Wait a few minutes, then try again.',
  INTERNAL: SERVICE_PROBLEM,
};

/** The error code of the first GraphQL error, if any. */
export function errorCode(error: CombinedError | undefined | null): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `extensions.retryAfter` (seconds) of the first GraphQL error, if any. */
export function retryAfter(error: CombinedError | undefined | null): number | undefined {
  const secs = error?.graphQLErrors[0]?.extensions?.retryAfter;
  return typeof secs === 'number' ? secs : undefined;
}

/**
 * Turns a urql error into problems: VALIDATION field errors become one problem per field,
 * other GraphQL errors keep their message (or a plain one for the code), network errors say
 * the service has a problem.
 */
export function problemsFrom(error: CombinedError | undefined | null): Problem[] {
  if (!error) return [];
  const problems: Problem[] = [];
  for (const e of error.graphQLErrors) {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : undefined;
    const fields = e.extensions?.fields;
    if (code === 'VALIDATION' && Array.isArray(fields) && fields.some(isFieldError)) {
      for (const f of fields) {
        if (isFieldError(f)) problems.push({ field: f.field, message: f.message });
      }
      continue;
    }
    const message =
      code === 'INTERNAL' || !e.message ? (CODE_MESSAGES[code ?? ''] ?? SERVICE_PROBLEM) : e.message;
    const reason = e.extensions?.reason;
    problems.push(reason === EMAIL_NOT_VERIFIED ? { message, reason } : { message });
  }
  if (problems.length === 0 && error.networkError) problems.push({ message: SERVICE_PROBLEM });
  if (problems.length === 0) problems.push({ message: SERVICE_PROBLEM });
  return problems;
}

/** The message for one field, for the inline error. */
export function fieldError(problems: Problem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}

/** A server's field under an input object ("filter.to") → the page's field id ("to"). */
export function unprefixed(problems: Problem[], prefix: string): Problem[] {
  return problems.map((p) => (p.field?.startsWith(prefix) ? { ...p, field: p.field.slice(prefix.length) } : p));
}
