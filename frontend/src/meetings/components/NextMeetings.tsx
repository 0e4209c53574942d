import { Link } from 'react-router';
import { useQuery } from 'urql';
import { NextMeetingsQuery } from '../queries';
import { MeetingList } from './MeetingList';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { meetingsUrl, newMeetingUrl } from '../../urls';

/** The community home's "Meetings" section (members only): the next few, and the way to all of them. */
export function NextMeetings({ community }: { community: CommunityHome }) {
  const [{ data }] = useQuery({
    query: NextMeetingsQuery,
    variables: { id: community.id },
    requestPolicy: 'cache-and-network',
  });
  // FORBIDDEN (not a member after all) or not loaded yet: nothing to show.
  const meetings = data?.community?.meetings;
  if (!meetings) return null;
  const plans = community.viewerCan.planMeetings && community.stage !== 'CLOSED';
  return (
    <section aria-labelledby="meetings-heading">
      <h2 className="nhsuk-heading-m" id="meetings-heading">
        Meetings
      </h2>
      {meetings.nodes.length === 0 ? (
        <p className="nhsuk-body">No meetings are planned yet.</p>
      ) : (
        <MeetingList communityId={community.id} meetings={meetings.nodes} />
      )}
      <ul className="nhsuk-list">
        <li>
          <Link to={meetingsUrl(community.id)}>All meetings and the calendar feed</Link>
        </li>
        {plans && (
          <li>
            <Link to={newMeetingUrl(community.id)}>Schedule a meeting</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
