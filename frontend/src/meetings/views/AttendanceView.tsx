import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { MeetingMembersQuery } from '../queries';
import { RecordAttendanceMutation } from '../mutations';
import { MeetingLoader, type MeetingContext } from '../components/MeetingLoader';
import { formatMeetingDate, hasStarted } from '../format';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, ErrorMessage, cx } from '../../ui/fields';
import { BackLink, Loading } from '../../ui/Layout';
import { plural } from '../../ui/format';
import { fieldError, problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { meetingUrl } from '../../urls';

/** /communities/:id/meetings/:meetingId/attendance: tick who came, once the meeting has started. */
export function AttendanceView() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingLoader id={id} meetingId={meetingId}>{(ctx) => <Attendance {...ctx} />}</MeetingLoader>;
}

function Attendance({ community, meeting }: MeetingContext) {
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: MeetingMembersQuery, variables: { id: community.id }, requestPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(meeting.attendees.map((p) => p.id)));
  const record = useFormMutation(RecordAttendanceMutation, { fields: ['attendeeIds'] });
  const { problems } = record;
  const date = formatMeetingDate(meeting.startsAtLocal);
  const legend = `Who came to the meeting on ${date}?`;
  usePageTitle(`${legend} – ${community.name}`, problems.length > 0);
  const here = meetingUrl(community.id, meeting.id);
  if (!community.viewerCan.planMeetings || meeting.status === 'CANCELLED' || !hasStarted(meeting.startsAt)) {
    return <Navigate to={here} replace />;
  }
  if (fetching && !data) return <Loading />;
  const members = data?.community?.members;
  if (!members) return <ErrorSummary problems={problemsFrom(error)} />;
  // People who came but have since left stay ticked.
  const people = [
    ...members.map((m) => m.person),
    ...meeting.attendees.filter((a) => !members.some((m) => m.person.id === a.id)),
  ].sort((a, b) => a.name.localeCompare(b.name));

  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const attendeeIds = people.filter((p) => chosen.has(p.id)).map((p) => p.id);
    const r = await record.submit({ input: { meetingId: meeting.id, attendeeIds } });
    if (!r) return;
    const state: FlashState = { flash: `Attendance recorded: ${plural(attendeeIds.length, 'person', 'people')} came` };
    navigate(here, { state });
  };

  const error2 = fieldError(problems, 'attendeeIds');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={here}>Back to the meeting</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <form onSubmit={onSubmit} noValidate>
          <div className={cx('nhsuk-form-group', error2 && 'nhsuk-form-group--error')}>
            <fieldset className="nhsuk-fieldset" aria-describedby={cx('attendeeIds-hint', error2 && 'attendeeIds-error')}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                <h1 className="nhsuk-fieldset__heading">{legend}</h1>
              </legend>
              <div className="nhsuk-hint" id="attendeeIds-hint">
                Select everyone who took part. This replaces what was recorded before.
              </div>
              <ErrorMessage id="attendeeIds" error={error2} />
              <div className="nhsuk-checkboxes">
                {people.map((p, i) => {
                  const inputId = i === 0 ? 'attendeeIds' : `attendeeIds-${i + 1}`;
                  return (
                    <div className="nhsuk-checkboxes__item" key={p.id}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={inputId}
                        name="attendeeIds"
                        type="checkbox"
                        value={p.id}
                        checked={chosen.has(p.id)}
                        onChange={(e) => toggle(p.id, e.target.checked)}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                        {p.name}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          <Button disabled={record.fetching}>Save attendance</Button>
        </form>
      </div>
    </div>
  );
}
