import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { UpdateMeetingMutation } from '../mutations';
import { MEETING_FIELDS, MeetingForm, type MeetingFormInput, type MeetingFormValues } from '../components/MeetingForm';
import { MeetingLoader, type MeetingContext } from '../components/MeetingLoader';
import { formatMeetingDate, hasStarted } from '../format';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { BackLink } from '../../ui/Layout';
import { useFormMutation } from '../../ui/useFormMutation';
import { meetingNotesUrl, meetingUrl } from '../../urls';

/** /communities/:id/meetings/:meetingId/edit: change a meeting that has not started. */
export function EditMeetingView() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingLoader id={id} meetingId={meetingId}>{(ctx) => <Edit {...ctx} />}</MeetingLoader>;
}

function Edit({ community, meeting }: MeetingContext) {
  const navigate = useNavigate();
  const update = useFormMutation(UpdateMeetingMutation, { fields: MEETING_FIELDS });
  const here = meetingUrl(community.id, meeting.id);
  if (!community.viewerCan.planMeetings || meeting.status === 'CANCELLED' || hasStarted(meeting.startsAt)) {
    return <Navigate to={here} replace />;
  }
  const [date = '', time = ''] = meeting.startsAtLocal.split('T');
  const initial: MeetingFormValues = {
    date,
    time: time.slice(0, 5),
    duration: String(meeting.durationMinutes),
    mode: meeting.mode,
    location: meeting.location ?? '',
    joiningDetails: meeting.joiningDetails ?? '',
    agenda: meeting.agenda,
  };

  const onSave = async (input: MeetingFormInput) => {
    const r = await update.submit({
      input: {
        meetingId: meeting.id,
        ...input,
        location: input.location ?? '',
        joiningDetails: input.joiningDetails ?? '',
      },
    });
    if (!r) return;
    const state: FlashState = { flash: 'Meeting changed. Every member gets the updated calendar entry by email.' };
    navigate(here, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={here}>Back to the meeting</BackLink>
        <MeetingForm
          initial={initial}
          heading="Change the meeting"
          title={`Change the meeting on ${formatMeetingDate(meeting.startsAtLocal)} – ${community.name}`}
          caption={<CommunityCaption name={community.name} />}
          intro={
            <p className="nhsuk-body">
              Every member gets the updated calendar entry by email. To write the notes, use{' '}
              <Link to={meetingNotesUrl(community.id, meeting.id)}>the meeting’s notes</Link>.
            </p>
          }
          submitText="Save changes"
          saving={update.fetching}
          form={update}
          onSave={onSave}
        />
      </div>
    </div>
  );
}
