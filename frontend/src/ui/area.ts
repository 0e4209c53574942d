import { lazy, type ComponentType } from 'react';

const RELOADED_AT = 'convene-reloaded-for-new-files';

/**
 * A feature area's pages, each a `React.lazy` component: `area(() => import('./x/routes'))('XView')`.
 * The area's files are fetched when one of its pages is first rendered. When they cannot be
 * (a deploy replaced the hashed files this page was built with, and the old ones are gone), the
 * page is loaded again once, from the new index.html; a second failure within a minute is shown.
 */
export function area<M>(load: () => Promise<M>, reload: () => void = () => window.location.reload()) {
  let pending: Promise<M> | null = null;
  const once = () => {
    pending ??= load().catch((e: unknown) => {
      pending = null;
      const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
      if (Date.now() - last < 60_000) throw e;
      sessionStorage.setItem(RELOADED_AT, String(Date.now()));
      reload();
      return new Promise<M>(() => {});
    });
    return pending;
  };
  return <K extends keyof M>(name: K) => lazy(async () => ({ default: (await once())[name] as ComponentType }));
}
