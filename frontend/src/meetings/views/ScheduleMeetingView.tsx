import { useNavigate, useParams } from 'react-router';
import { ScheduleMeetingMutation } from '../mutations';
import { EMPTY_MEETING, MEETING_FIELDS, MeetingForm, type MeetingFormInput } from '../components/MeetingForm';
import { formatMeetingTime } from '../format';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { BackLink } from '../../ui/Layout';
import { useFormMutation } from '../../ui/useFormMutation';
import { meetingsUrl } from '../../urls';

/** /communities/:id/meetings/new: conveners and the core group schedule a meeting. */
export function ScheduleMeetingView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Schedule community={c} />}</CommunityLoader>;
}

function Schedule({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const schedule = useFormMutation(ScheduleMeetingMutation, { fields: MEETING_FIELDS });
  if (!community.viewerCan.planMeetings) return <MembersOnly community={community} />;

  const onSave = async (input: MeetingFormInput) => {
    const r = await schedule.submit({ input: { communityId: community.id, ...input } });
    if (!r) return;
    const m = r.scheduleMeeting.meeting;
    const state: FlashState = {
      flash: `Meeting scheduled for ${formatMeetingTime(m.startsAtLocal, m.endsAt, m.durationMinutes)}. Every member gets an invitation by email.`,
    };
    navigate(meetingsUrl(community.id), { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={meetingsUrl(community.id)}>Back to meetings</BackLink>
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
          saving={schedule.fetching}
          form={schedule}
          onSave={onSave}
        />
      </div>
    </div>
  );
}
