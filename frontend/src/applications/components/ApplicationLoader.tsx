import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useApplication } from '../useApplication';
import type { Application } from '../questions';
import { Loading } from '../../ui/Layout';
import { errorCode, problemsFrom } from '../../ui/problems';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { usePageTitle } from '../../ui/usePageTitle';

function NotFound() {
  usePageTitle('Application not found');
  return (
    <>
      <h1 className="nhsuk-heading-l">Application not found</h1>
      <p className="nhsuk-body">
        We could not find this application, or you cannot see it. Check you are signed in with the right account.
      </p>
      <p className="nhsuk-body">
        <Link to="/applications">Go to my applications</Link>
      </p>
    </>
  );
}

/** Loads an application and shows a plain page when it is missing or cannot be seen. */
export function ApplicationLoader({ id, children }: { id: string | undefined; children: (app: Application) => ReactNode }) {
  const { application, fetching, error } = useApplication(id);
  if (fetching) return <Loading />;
  const code = errorCode(error);
  if (code === 'NOT_FOUND' || code === 'FORBIDDEN' || (!error && !application)) return <NotFound />;
  if (error || !application) return <ErrorSummary problems={problemsFrom(error)} />;
  return <>{children(application)}</>;
}
