import { useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { ScheduleMeetingMutation } from '../mutations';
import { MeetingForm, EMPTY_MEETING, type MeetingFormInput } from '../components/MeetingForm';
import { formatMeetingTime } from '../format';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { runsIt } from '../../communities/labels';
import { BackLink } from '../../ui/Layout';
import { problemsFrom, type Problem } from '../../ui/problems';

/** /communities/:id/meetings/new: conveners and the core group schedule a meeting. */
export function ScheduleMeetingView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Schedule community={c} />}</CommunityLoader>;
}

function Schedule({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [{ fetching }, schedule] = useMutation(ScheduleMeetingMutation);
  if (!runsIt(community.viewerRole)) return <MembersOnly community={community} />;

  const onSave = async (input: MeetingFormInput): Promise<Problem[]> => {
    const r = await schedule({ input: { communityId: community.id, ...input } });
    if (r.error || !r.data) return problemsFrom(r.error);
    const m = r.data.scheduleMeeting.meeting;
    const state: FlashState = {
      flash: `Meeting scheduled for ${formatMeetingTime(m.startsAtLocal, m.endsAt, m.durationMinutes)}. Every member gets an invitation by email.`,
    };
    navigate(`/communities/${community.id}/meetings`, { state });
    return [];
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={`/communities/${community.id}/meetings`}>Back to meetings</BackLink>
        <MeetingForm
          initial={EMPTY_MEETING}
          heading="Schedule a meeting"
          title={`Schedule a meeting – ${community.name}`}
          caption={<CommunityCaption name={community.name} />}
          intro={
            <p className="nhsuk-body">
              Every member gets an invitation by email with the meeting attached, to add to their calendar.
            </p>
          }
          submitText="Schedule the meeting"
          saving={fetching}
          onSave={onSave}
        />
      </div>
    </div>
  );
}
