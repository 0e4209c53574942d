import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PracticeQuery } from '../queries';
import type { PracticeQuery as PracticeQueryResult } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { errorCode, problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';

export type PracticePage = NonNullable<PracticeQueryResult['practice']>;
export type ExchangeItem = PracticePage['exchanges']['nodes'][number];

function NotFound() {
  usePageTitle('Practice not found');
  return (
    <>
      <h1 className="nhsuk-heading-l">Practice not found</h1>
      <p className="nhsuk-body">
        We could not find this practice. Only its community’s members can see it until it is shared in the library; you
        may need to sign in.
      </p>
      <p className="nhsuk-body">
        <Link to="/library">Go to the practice library</Link>
      </p>
    </>
  );
}

/** Loads a practice (with the exchanges the viewer may read), then renders its page. */
export function PracticeLoader({ id, children }: { id: string; children: (practice: PracticePage) => ReactNode }) {
  const [{ data, fetching, error }] = useQuery({ query: PracticeQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  const practice = data?.practice;
  if (!practice) {
    const code = errorCode(error);
    if (error && code !== 'NOT_FOUND' && code !== 'FORBIDDEN' && code !== 'VALIDATION') {
      return <ErrorSummary problems={problemsFrom(error)} />;
    }
    return <NotFound />;
  }
  return <>{children(practice)}</>;
}
