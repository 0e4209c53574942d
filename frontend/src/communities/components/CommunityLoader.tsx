import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CommunityQuery } from '../queries';
import type { CommunityQuery as CommunityQueryResult } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { errorCode, problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityUrl } from '../../urls';

export type CommunityHome = NonNullable<CommunityQueryResult['community']>;

function NotFound() {
  usePageTitle('Community not found');
  return (
    <>
      <h1 className="nhsuk-heading-l">Community not found</h1>
      <p className="nhsuk-body">
        We could not find this community. It may not be listed in the directory: only its members can see it.
      </p>
      <p className="nhsuk-body">
        <Link to="/communities">Go to the communities directory</Link>
      </p>
    </>
  );
}

/** Loads a community's public part, then renders its page. */
export function CommunityLoader({ id, children }: { id: string; children: (community: CommunityHome) => ReactNode }) {
  const [{ data, fetching, error }] = useQuery({ query: CommunityQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  const community = data?.community;
  if (!community) {
    const code = errorCode(error);
    if (error && code !== 'NOT_FOUND' && code !== 'FORBIDDEN' && code !== 'VALIDATION') {
      return <ErrorSummary problems={problemsFrom(error)} />;
    }
    return <NotFound />;
  }
  return <>{children(community)}</>;
}

/** "Members only" when a page inside a community is opened by someone outside it. */
export function MembersOnly({ community }: { community: CommunityHome }) {
  usePageTitle(`${community.name}: members only`);
  return (
    <>
      <span className="nhsuk-caption-l">{community.name}</span>
      <h1 className="nhsuk-heading-l">This page is for the community’s members</h1>
      <p className="nhsuk-body">
        <Link to={communityUrl(community.id)}>Go to the community’s page</Link>
      </p>
    </>
  );
}
