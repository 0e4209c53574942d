import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { Pagination } from '../practices/components/Pagination';

/** How many rows a paged list shows at once. */
export const PAGE_SIZE = 50;

/** What the paging needs of a connection's `pageInfo`. */
export interface PageInfoLike {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * Where a list is, kept in the URL (`?page=3&after=<cursor>`) so a page can be reloaded, linked
 * and left with Back. `prefix` keeps two lists on one page apart.
 */
export interface PagePosition {
  page: number;
  after: string | null;
}

const keys = (prefix: string) => ({ page: `${prefix}page`, after: `${prefix}after` });

/** The position in `params` (the first page when absent or malformed). */
export function pagePosition(params: URLSearchParams, prefix = ''): PagePosition {
  const k = keys(prefix);
  const n = Number(params.get(k.page) ?? '1');
  const after = params.get(k.after) || null;
  if (!Number.isInteger(n) || n <= 1 || !after) return { page: 1, after: null };
  return { page: n, after };
}

/** `params` moved to `to`, every other parameter (a search, a filter) kept. */
export function withPosition(params: URLSearchParams, to: PagePosition, prefix = ''): URLSearchParams {
  const k = keys(prefix);
  const out = new URLSearchParams(params);
  if (to.page <= 1 || !to.after) {
    out.delete(k.page);
    out.delete(k.after);
  } else {
    out.set(k.page, String(to.page));
    out.set(k.after, to.after);
  }
  return out;
}

/**
 * The cursors of the pages seen, so "Previous" can go back over `first/after` connections that
 * cannot page backwards: page n starts after `cursors[n]` (page 1 after nothing).
 */
const seen = new Map<string, string>();

function remember(list: string, at: PagePosition) {
  if (at.after) seen.set(`${list}:${at.page}`, at.after);
}

/** The page before `at`: the one remembered, or the first page when it was never seen here. */
export function previousPosition(list: string, at: PagePosition): PagePosition | null {
  if (at.page <= 1) return null;
  const page = at.page - 1;
  const after = page > 1 ? seen.get(`${list}:${page}`) : undefined;
  return after ? { page, after } : { page: 1, after: null };
}

/** The page after `at`, when the list has one. */
export function nextPosition(at: PagePosition, info: PageInfoLike | null | undefined): PagePosition | null {
  if (!info?.hasNextPage || !info.endCursor) return null;
  return { page: at.page + 1, after: info.endCursor };
}

/** Forget every remembered cursor (tests). */
export function forgetPages() {
  seen.clear();
}

export interface Paging {
  /** The variables to spread into the list's query. */
  variables: { first: number; after: string | null };
  page: number;
  /** The number of the first row shown (1-based). */
  firstShown: number;
  /** The links to the pages either side, for `<Pagination>`. */
  links: (info: PageInfoLike | null | undefined) => { previous: string | null; next: string | null };
}

/**
 * Paging over a `first/after` connection, its position in the URL: one per list on a page
 * (`list` names it). When `resetOn` changes (a search typed), the list starts again at page 1.
 */
export function usePaging(list: string, { size = PAGE_SIZE, prefix = '', resetOn = '' }: { size?: number; prefix?: string; resetOn?: string } = {}): Paging {
  const [params, setParams] = useSearchParams();
  const at = pagePosition(params, prefix);
  remember(list, at);
  const lastReset = useRef(resetOn);
  useEffect(() => {
    if (lastReset.current === resetOn) return;
    lastReset.current = resetOn;
    setParams((p) => withPosition(p, { page: 1, after: null }, prefix), { replace: true });
  }, [resetOn, prefix, setParams]);
  const href = (to: PagePosition | null) => (to ? `?${withPosition(params, to, prefix).toString()}` : null);
  // until the reset lands in the URL, ask for the first page already
  const stale = lastReset.current !== resetOn;
  return {
    variables: { first: size, after: stale ? null : at.after },
    page: stale ? 1 : at.page,
    firstShown: stale ? 1 : (at.page - 1) * size + 1,
    links: (info) => ({ previous: href(previousPosition(list, at)), next: href(nextPosition(at, info)) }),
  };
}

/**
 * "Showing 51 to 100 of 2,000" and the NHS.UK previous/next links, under a paged list. Nothing
 * when the whole list fits on one page.
 */
export function PageLinks({ paging, info, shown, total, noun }: { paging: Paging; info: PageInfoLike | null | undefined; shown: number; total: number | null | undefined; noun: string }) {
  const { previous, next } = paging.links(info);
  if (!previous && !next) return null;
  const last = paging.firstShown + shown - 1;
  return (
    <>
      <p className="nhsuk-body-s" aria-live="polite">
        Showing {noun} {paging.firstShown.toLocaleString('en-GB')} to {last.toLocaleString('en-GB')}
        {total != null && ` of ${total.toLocaleString('en-GB')}`}
      </p>
      <Pagination previous={previous} next={next} page={paging.page} />
    </>
  );
}
