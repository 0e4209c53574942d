import type { MeetingFieldsFragment } from '../graphql/graphql';

/** A meeting as MeetingFields returns it. */
export function meetingFixture(overrides: Partial<MeetingFieldsFragment> = {}): MeetingFieldsFragment {
  return {
    id: 'meet-1',
    status: 'SCHEDULED',
    startsAt: '2026-12-03T14:00:00Z',
    startsAtLocal: '2026-12-03T14:00:00',
    endsAt: '2026-12-03T15:30:00Z',
    durationMinutes: 90,
    timeZone: 'Europe/London',
    mode: 'VIDEO',
    location: null,
    joiningDetails: 'https://teams.example/meet/123',
    agenda: 'Omitted doses: what we found on nights',
    calendarUrl: 'http://127.0.0.1:18080/calendar/meetings/meet-1.ics',
    ...overrides,
  };
}
