import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MeetingQuery } from '../queries';
import type { MeetingQuery as MeetingQueryResult } from '../../graphql/graphql';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink } from '../../communities/components/CommunityCaption';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { errorCode, problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { meetingsUrl } from '../../urls';

type Node = NonNullable<MeetingQueryResult['node']>;
export type MeetingPage = Extract<Node, { __typename: 'Meeting' }>;

export interface MeetingContext {
  community: CommunityHome;
  meeting: MeetingPage;
  feedToken: string | null;
}

function MeetingNotFound({ community }: { community: CommunityHome }) {
  usePageTitle('Meeting not found');
  return (
    <>
      <CommunityBackLink id={community.id} name={community.name} />
      <h1 className="nhsuk-heading-l">Meeting not found</h1>
      <p className="nhsuk-body">We could not find this meeting.</p>
      <p className="nhsuk-body">
        <Link to={meetingsUrl(community.id)}>See the community’s meetings</Link>
      </p>
    </>
  );
}

function LoadMeeting({ community, meetingId, children }: { community: CommunityHome; meetingId: string; children: (ctx: MeetingContext) => ReactNode }) {
  const member = !!community.viewerRole;
  const [{ data, fetching, error }] = useQuery({
    query: MeetingQuery,
    variables: { id: meetingId },
    pause: !member,
    requestPolicy: 'cache-and-network',
  });
  if (!member) return <MembersOnly community={community} />;
  if (fetching && !data) return <Loading />;
  const node = data?.node;
  if (!node || node.__typename !== 'Meeting' || node.community.id !== community.id) {
    const code = errorCode(error);
    if (error && code !== 'NOT_FOUND' && code !== 'FORBIDDEN' && code !== 'VALIDATION') {
      return <ErrorSummary problems={problemsFrom(error)} />;
    }
    return <MeetingNotFound community={community} />;
  }
  return <>{children({ community, meeting: node, feedToken: data?.viewer?.calendarFeedToken ?? null })}</>;
}

/** Loads a community and one of its meetings (members only), then renders the page. */
export function MeetingLoader({ id, meetingId, children }: { id: string; meetingId: string; children: (ctx: MeetingContext) => ReactNode }) {
  return (
    <CommunityLoader id={id}>
      {(community) => (
        <LoadMeeting community={community} meetingId={meetingId}>
          {children}
        </LoadMeeting>
      )}
    </CommunityLoader>
  );
}
