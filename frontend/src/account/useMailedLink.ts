import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useMutation, type DocumentInput } from 'urql';
import { problemsFrom } from '../ui/problems';

export type MailedLink<Data> =
  | { state: 'working' }
  | { state: 'done'; data: Data }
  /** `message` says why (used, expired, not valid) and what to do. */
  | { state: 'failed'; message: string };

/**
 * A page opened from a link in a mail (`?token=…`): spends the token once, as the page opens,
 * signed in or not. A link without a token fails at once, without asking the server.
 */
export function useMailedLink<Data>(mutation: DocumentInput<Data, { input: { token: string } }>): MailedLink<Data> {
  const { search } = useLocation();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [, spend] = useMutation(mutation);
  const [result, setResult] = useState<MailedLink<Data>>(
    token ? { state: 'working' } : { state: 'failed', message: 'This link is not complete: copy the whole link from the email' },
  );
  // A token works once: never send it twice, even when React runs the effect twice.
  const spent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || spent.current === token) return;
    spent.current = token;
    void spend({ input: { token } }).then((r) =>
      setResult(
        r.data && !r.error
          ? { state: 'done', data: r.data }
          : { state: 'failed', message: problemsFrom(r.error)[0]?.message ?? 'This link is not valid' },
      ),
    );
  }, [token, spend]);
  return result;
}
