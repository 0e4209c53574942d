import { type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { CancelMeetingMutation } from '../mutations';
import { MeetingLoader, type MeetingContext } from '../components/MeetingLoader';
import { MeetingDetails } from '../components/MeetingDetails';
import { formatMeetingDate, formatMeetingTime, hasStarted } from '../format';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button } from '../../ui/fields';
import { BackLink } from '../../ui/Layout';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { meetingUrl, meetingsUrl } from '../../urls';

/** /communities/:id/meetings/:meetingId/cancel: confirm cancelling a meeting. */
export function CancelMeetingView() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingLoader id={id} meetingId={meetingId}>{(ctx) => <Cancel {...ctx} />}</MeetingLoader>;
}

function Cancel({ community, meeting }: MeetingContext) {
  const navigate = useNavigate();
  const cancel = useFormMutation(CancelMeetingMutation, { fields: [] });
  const { problems, fetching } = cancel;
  const date = formatMeetingDate(meeting.startsAtLocal);
  const heading = `Are you sure you want to cancel the meeting on ${date}?`;
  usePageTitle(heading, problems.length > 0);
  const here = meetingUrl(community.id, meeting.id);
  if (!community.viewerCan.planMeetings || meeting.status === 'CANCELLED' || hasStarted(meeting.startsAt)) {
    return <Navigate to={here} replace />;
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await cancel.submit({ input: { meetingId: meeting.id } });
    if (!r) return;
    const state: FlashState = {
      flash: `Meeting on ${formatMeetingTime(meeting.startsAtLocal, meeting.endsAt, meeting.durationMinutes)} cancelled`,
    };
    navigate(meetingsUrl(community.id), { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={here}>Back to the meeting</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <MeetingDetails meeting={meeting} showAgenda={false} />
        <p className="nhsuk-body">
          Every member gets an email saying the meeting is cancelled, and it is taken out of their calendars. You cannot
          undo this: to meet after all, schedule a new meeting.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <div className="convene-actions">
            <Button variant="warning" disabled={fetching}>
              Cancel the meeting
            </Button>
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to={here}>Keep the meeting</Link>
            </p>
          </div>
        </form>
      </div>
    </div>
  );
}
