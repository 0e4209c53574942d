import { Link } from 'react-router';
import { formatMeetingTime } from '../format';
import { meetingModeText } from '../labels';
import { MeetingStatusTag, type MeetingSummary } from './MeetingDetails';
import { meetingUrl } from '../../urls';

/** Meetings as NHS cards: the time links to the meeting's page; a cancelled one is tagged. */
export function MeetingList({ communityId, meetings, id }: { communityId: string; meetings: MeetingSummary[]; id?: string }) {
  return (
    <ul className="nhsuk-list" id={id}>
      {meetings.map((m) => {
        const cancelled = m.status === 'CANCELLED';
        return (
          <li key={m.id} className="convene-meeting" data-status={m.status}>
            <div className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading nhsuk-heading-s">
                  <Link to={meetingUrl(communityId, m.id)}>
                    {formatMeetingTime(m.startsAtLocal, m.endsAt, m.durationMinutes)}
                    {cancelled && <span className="nhsuk-u-visually-hidden"> (cancelled)</span>}
                  </Link>
                </h3>
                <p className="nhsuk-body convene-card-tags nhsuk-u-margin-bottom-2">
                  {cancelled && <MeetingStatusTag meeting={m} />}
                  {meetingModeText(m.mode)}
                  {m.mode === 'IN_PERSON' ? (m.location ? `: ${m.location}` : '') : m.joiningDetails ? `: ${m.joiningDetails}` : ''}
                </p>
                {m.agenda.trim() && (
                  <>
                    <p className="nhsuk-body-s nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">Agenda</p>
                    <p className="nhsuk-body-s convene-pre-line nhsuk-u-margin-bottom-0">{m.agenda}</p>
                  </>
                )}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
