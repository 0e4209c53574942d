import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityMeetingsQuery } from '../queries';
import { CalendarFeed } from '../components/CalendarFeed';
import { MeetingList } from '../components/MeetingList';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { newMeetingUrl } from '../../urls';

/** /communities/:id/meetings: coming and past meetings, and the calendar feed (members only). */
export function MeetingsView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Meetings community={c} />}</CommunityLoader>;
}

function Meetings({ community }: { community: CommunityHome }) {
  usePageTitle(`Meetings – ${community.name}`);
  const member = !!community.viewerRole;
  const [{ data, fetching, error }] = useQuery({
    query: CommunityMeetingsQuery,
    variables: { id: community.id },
    pause: !member,
    requestPolicy: 'cache-and-network',
  });
  if (!member) return <MembersOnly community={community} />;
  if (fetching && !data) return <Loading />;
  const c = data?.community;
  if (!c) return <ErrorSummary problems={problemsFrom(error)} />;
  const plans = community.viewerCan.planMeetings && community.stage !== 'CLOSED';
  const upcoming = c.upcoming.nodes;
  const past = c.past.nodes;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <Flash />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Meetings</h1>
        <p className="nhsuk-body">Times are UK time.</p>
        {plans && (
          <Link className="nhsuk-button" role="button" draggable={false} to={newMeetingUrl(community.id)}>
            Schedule a meeting
          </Link>
        )}

        <section aria-labelledby="upcoming-heading">
          <h2 className="nhsuk-heading-m" id="upcoming-heading">
            Coming up
          </h2>
          {upcoming.length === 0 ? (
            <p className="nhsuk-body">No meetings are planned yet.</p>
          ) : (
            <MeetingList communityId={community.id} meetings={upcoming} id="upcoming-meetings" />
          )}
        </section>

        <section aria-labelledby="past-heading">
          <h2 className="nhsuk-heading-m" id="past-heading">
            Past meetings
          </h2>
          {past.length === 0 ? (
            <p className="nhsuk-body">The community has not met yet.</p>
          ) : (
            <MeetingList communityId={community.id} meetings={past} id="past-meetings" />
          )}
        </section>

        <CalendarFeed communityId={community.id} calendarUrl={c.calendarUrl ?? null} token={data?.viewer?.calendarFeedToken ?? null} />
      </div>
    </div>
  );
}
