import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { UpdateMeetingMutation } from '../mutations';
import { MeetingLoader, type MeetingContext } from '../components/MeetingLoader';
import { formatMeetingDate } from '../format';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Textarea } from '../../ui/fields';
import { BackLink } from '../../ui/Layout';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { meetingUrl } from '../../urls';

/** /communities/:id/meetings/:meetingId/notes: what was discussed and agreed (any time). */
export function NotesView() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingLoader id={id} meetingId={meetingId}>{(ctx) => <Notes {...ctx} />}</MeetingLoader>;
}

function Notes({ community, meeting }: MeetingContext) {
  const navigate = useNavigate();
  const [notes, setNotes] = useState(meeting.notes);
  const update = useFormMutation(UpdateMeetingMutation, { fields: ['notes'] });
  const { problems, fetching } = update;
  const date = formatMeetingDate(meeting.startsAtLocal);
  usePageTitle(`Notes of the meeting on ${date} – ${community.name}`, problems.length > 0);
  const here = meetingUrl(community.id, meeting.id);
  if (!community.viewerCan.planMeetings) return <Navigate to={here} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update.submit({ input: { meetingId: meeting.id, notes } });
    if (!r) return;
    const state: FlashState = { flash: 'Notes saved' };
    navigate(here, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={here}>Back to the meeting</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <form onSubmit={onSubmit} noValidate>
          <Textarea
            id="notes"
            label={`Notes of the meeting on ${date}`}
            labelSize="l"
            isPageHeading
            hint="What was discussed and agreed, and who will do what. Every member can read them."
            rows={14}
            value={notes}
            onChange={setNotes}
            error={fieldError(problems, 'notes')}
          />
          <Button disabled={fetching}>Save notes</Button>
        </form>
      </div>
    </div>
  );
}
