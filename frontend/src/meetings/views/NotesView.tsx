import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { UpdateMeetingMutation } from '../mutations';
import { MeetingLoader, type MeetingContext } from '../components/MeetingLoader';
import { formatMeetingDate } from '../format';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { runsIt } from '../../communities/labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Textarea } from '../../ui/fields';
import { BackLink } from '../../ui/Layout';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';

/** /communities/:id/meetings/:meetingId/notes: what was discussed and agreed (any time). */
export function NotesView() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingLoader id={id} meetingId={meetingId}>{(ctx) => <Notes {...ctx} />}</MeetingLoader>;
}

function Notes({ community, meeting }: MeetingContext) {
  const navigate = useNavigate();
  const [notes, setNotes] = useState(meeting.notes);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, update] = useMutation(UpdateMeetingMutation);
  const date = formatMeetingDate(meeting.startsAtLocal);
  usePageTitle(`Notes of the meeting on ${date} – ${community.name}`, problems.length > 0);
  const here = `/communities/${community.id}/meetings/${meeting.id}`;
  if (!runsIt(community.viewerRole)) return <Navigate to={here} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ input: { meetingId: meeting.id, notes } });
    if (r.error || !r.data) {
      setProblems(problemsFrom(r.error).map((p) => (p.field && p.field !== 'notes' ? { message: p.message } : p)));
      return;
    }
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
