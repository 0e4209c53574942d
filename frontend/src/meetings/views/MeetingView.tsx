import { Link, useParams } from 'react-router';
import { MeetingLoader, type MeetingContext } from '../components/MeetingLoader';
import { MeetingDetails } from '../components/MeetingDetails';
import { withFeedToken } from '../feed';
import { formatMeetingDate, hasStarted } from '../format';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash } from '../../communities/components/Flash';
import { BackLink } from '../../ui/Layout';
import { formatInstantDate } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { attendanceUrl, cancelMeetingUrl, editMeetingUrl, meetingNotesUrl, meetingsUrl, practiceUrl } from '../../urls';

/** /communities/:id/meetings/:meetingId: a meeting with its agenda, notes and who came. */
export function MeetingView() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingLoader id={id} meetingId={meetingId}>{(ctx) => <Meeting {...ctx} />}</MeetingLoader>;
}

function Meeting({ community, meeting, feedToken }: MeetingContext) {
  const date = formatMeetingDate(meeting.startsAtLocal);
  usePageTitle(`Meeting on ${date} – ${community.name}`);
  const cancelled = meeting.status === 'CANCELLED';
  const started = hasStarted(meeting.startsAt);
  const plans = community.viewerCan.planMeetings && community.stage !== 'CLOSED';
  const ics = withFeedToken(meeting.calendarUrl, feedToken);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={meetingsUrl(community.id)}>Back to meetings</BackLink>
        <Flash />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Meeting on {date}</h1>
        {cancelled && (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                This meeting has been cancelled
              </span>
            </h2>
            <p>Members were told by email, and it has been taken out of their calendars.</p>
          </div>
        )}
        <MeetingDetails meeting={meeting} extra={[['Scheduled by', meeting.createdBy.name]]} />

        {!cancelled && ics && (
          <p className="nhsuk-body">
            <a href={ics} download>
              Add to calendar
            </a>{' '}
            (an iCalendar file for Outlook and other calendar programs)
          </p>
        )}

        {plans && !cancelled && !started && (
          <ul className="nhsuk-list">
            <li>
              <Link to={editMeetingUrl(community.id, meeting.id)}>Change the meeting</Link>
            </li>
            <li>
              <Link to={cancelMeetingUrl(community.id, meeting.id)}>Cancel the meeting</Link>
            </li>
          </ul>
        )}

        <section aria-labelledby="notes-heading">
          <h2 className="nhsuk-heading-m" id="notes-heading">
            Notes
          </h2>
          {meeting.notes.trim() ? (
            <p className="nhsuk-body convene-pre-line" id="meeting-notes">
              {meeting.notes}
            </p>
          ) : (
            <p className="nhsuk-body">No notes yet.</p>
          )}
          {plans && (
            <p className="nhsuk-body">
              <Link to={meetingNotesUrl(community.id, meeting.id)}>{meeting.notes.trim() ? 'Change the notes' : 'Write the notes'}</Link>
            </p>
          )}
        </section>

        <section aria-labelledby="exchanges-heading">
          <h2 className="nhsuk-heading-m" id="exchanges-heading">
            Exchanges shared at this meeting
          </h2>
          {meeting.exchanges.nodes.length === 0 ? (
            <p className="nhsuk-body">No exchanges have been shared with this meeting.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--bullet" id="meeting-exchanges">
              {meeting.exchanges.nodes.map((x) => (
                <li key={x.id}>
                  <Link to={practiceUrl(x.practice.id)}>{x.practice.name}</Link>
                  {' – '}
                  {x.anonymous || !x.author ? 'shared anonymously' : `shared by ${x.author.name}`} on{' '}
                  {formatInstantDate(x.createdAt)}
                </li>
              ))}
            </ul>
          )}
        </section>

        {!cancelled && (
          <section aria-labelledby="attendance-heading">
            <h2 className="nhsuk-heading-m" id="attendance-heading">
              Who came
            </h2>
            {!started ? (
              <p className="nhsuk-body">Attendance is recorded once the meeting has started.</p>
            ) : meeting.attendees.length === 0 ? (
              <p className="nhsuk-body">Attendance has not been recorded.</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--bullet" id="attendees">
                {meeting.attendees.map((p) => (
                  <li key={p.id}>{p.name}</li>
                ))}
              </ul>
            )}
            {plans && started && (
              <p className="nhsuk-body">
                <Link to={attendanceUrl(community.id, meeting.id)}>Record who came</Link>
              </p>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
