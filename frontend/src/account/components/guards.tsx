import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../SessionContext';
import { Loading } from '../../ui/Layout';
import { usePageTitle } from '../../ui/usePageTitle';

/** Only a path on this site: "/applications", never "//elsewhere" or "https://…". */
export function safeNext(search: string, fallback = '/'): string {
  const next = new URLSearchParams(search).get('next');
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return fallback;
}

export function RequireSignIn({ children }: { children: ReactNode }) {
  const { viewer, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!viewer) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <>{children}</>;
}

function Forbidden() {
  usePageTitle('You cannot see this page');
  return (
    <>
      <h1 className="nhsuk-heading-l">You cannot see this page</h1>
      <p className="nhsuk-body">This page is for the programme team.</p>
    </>
  );
}

export function RequireProgrammeTeam({ children }: { children: ReactNode }) {
  const { isProgrammeTeam, viewer, loading } = useSession();
  return (
    <RequireSignIn>{loading || !viewer ? null : isProgrammeTeam ? children : <Forbidden />}</RequireSignIn>
  );
}
