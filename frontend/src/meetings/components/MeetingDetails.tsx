import type { ReactNode } from 'react';
import type { MeetingFieldsFragment } from '../../graphql/graphql';
import { Tag } from '../../ui/fields';
import { formatMeetingTime } from '../format';
import { formatDuration, MEETING_STATUS, meetingModeText } from '../labels';

export type MeetingSummary = MeetingFieldsFragment;

/** "Cancelled" (red) or "Scheduled" (blue). */
export function MeetingStatusTag({ meeting }: { meeting: Pick<MeetingSummary, 'status'> }) {
  const s = MEETING_STATUS[meeting.status] ?? { text: meeting.status, colour: 'grey' as const };
  return <Tag colour={s.colour}>{s.text}</Tag>;
}

/** When, how long, how (mode), where or how to join, and the agenda, as an NHS summary list. */
export function MeetingDetails({ meeting, showAgenda = true, extra = [] }: { meeting: MeetingSummary; showAgenda?: boolean; extra?: Array<[string, ReactNode]> }) {
  const rows: Array<[string, ReactNode]> = [
    ['When', `${formatMeetingTime(meeting.startsAtLocal, meeting.endsAt, meeting.durationMinutes)} (UK time)`],
    ['Length', formatDuration(meeting.durationMinutes)],
    ['How', meetingModeText(meeting.mode)],
  ];
  if (meeting.mode === 'IN_PERSON') rows.push(['Where', <span className="convene-pre-line">{meeting.location ?? 'Not given'}</span>]);
  else rows.push(['How to join', <span className="convene-pre-line">{meeting.joiningDetails ?? 'Not given'}</span>]);
  rows.push(['Status', <MeetingStatusTag meeting={meeting} />]);
  if (showAgenda) {
    rows.push(['Agenda', meeting.agenda.trim() ? <span className="convene-pre-line">{meeting.agenda}</span> : 'No agenda yet']);
  }
  rows.push(...extra);
  return (
    <dl className="nhsuk-summary-list">
      {rows.map(([k, v]) => (
        <div className="nhsuk-summary-list__row" key={k}>
          <dt className="nhsuk-summary-list__key">{k}</dt>
          <dd className="nhsuk-summary-list__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
