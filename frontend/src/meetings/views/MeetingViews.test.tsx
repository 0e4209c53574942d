import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ScheduleMeetingView } from './ScheduleMeetingView';
import { MeetingsView } from './MeetingsView';
import { MeetingView } from './MeetingView';
import { checkMeetingForm, EMPTY_MEETING } from '../components/MeetingForm';
import { meetingFixture } from '../fixtures';
import { communityFixture } from '../../communities/fixtures';
import { Harness, mockClient, validationError } from '../../test/mockClient';

describe('checkMeetingForm', () => {
  it('names each field that is missing, so the summary links to it', () => {
    expect(checkMeetingForm({ ...EMPTY_MEETING, duration: '' }).problems).toEqual([
      { field: 'startsAt', message: 'Enter the date of the meeting' },
      { field: 'startsAtTime', message: 'Enter the time the meeting starts' },
      { field: 'durationMinutes', message: 'Enter how long the meeting lasts, in minutes' },
      { field: 'mode', message: 'Choose how people meet' },
    ]);
  });

  it('asks for the place of a face-to-face meeting and the joining details of a call, and checks the length', () => {
    const base = { ...EMPTY_MEETING, date: '2026-12-03', time: '14:00' };
    expect(checkMeetingForm({ ...base, mode: 'IN_PERSON', duration: '5' }).problems).toEqual([
      { field: 'durationMinutes', message: 'A meeting lasts between 15 minutes and 8 hours' },
      { field: 'location', message: 'Enter where the meeting is' },
    ]);
    expect(checkMeetingForm({ ...base, mode: 'CALL', duration: 'an hour' }).problems.map((p) => p.field)).toEqual([
      'durationMinutes',
      'joiningDetails',
    ]);
  });

  it('sends the UK wall-clock time and only the place or the joining details that fit the mode', () => {
    const r = checkMeetingForm({
      date: '2026-12-03',
      time: '14:00',
      duration: ' 90 ',
      mode: 'VIDEO',
      location: 'Room 4',
      joiningDetails: ' https://teams.example/meet/123 ',
      agenda: ' Omitted doses ',
    });
    expect(r.problems).toEqual([]);
    expect(r.input).toEqual({
      startsAt: '2026-12-03T14:00',
      durationMinutes: 90,
      mode: 'VIDEO',
      location: null,
      joiningDetails: 'https://teams.example/meet/123',
      agenda: 'Omitted doses',
    });
  });
});

describe('ScheduleMeetingView', () => {
  it('shows its own errors, then the server’s field errors, each linked to its input', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CONVENER' }) } }),
      ScheduleMeeting: () => ({
        error: validationError([{ field: 'startsAt', message: 'The meeting must start in the future' }]),
      }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/meetings/new" route="/communities/:id/meetings/new">
        <ScheduleMeetingView />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule the meeting' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Enter the date of the meeting', '#startsAt'],
      ['Enter the time the meeting starts', '#startsAtTime'],
      ['Choose how people meet', '#mode'],
    ]);
    expect(document.title).toBe('Error: Schedule a meeting – Medication safety community of practice – Convene');
    expect(mock.calls.some((c) => c.name === 'ScheduleMeeting')).toBe(false);

    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2020-01-09' } });
    fireEvent.change(screen.getByLabelText('Start time'), { target: { value: '09:30' } });
    fireEvent.click(screen.getByLabelText('Video call'));
    // The joining details appear only for a call.
    expect(screen.queryByLabelText('Where')).toBeNull();
    fireEvent.change(screen.getByLabelText('How to join'), { target: { value: 'https://teams.example/meet/9' } });
    fireEvent.change(screen.getByLabelText('Agenda (optional)'), { target: { value: 'Introductions' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule the meeting' }));

    expect(await screen.findByRole('link', { name: 'The meeting must start in the future' })).toBeTruthy();
    expect(screen.getByLabelText('Date').getAttribute('aria-describedby')).toContain('startsAt-error');
    expect(mock.calls.find((c) => c.name === 'ScheduleMeeting')?.variables).toEqual({
      input: {
        communityId: 'com-1',
        startsAt: '2020-01-09T09:30',
        durationMinutes: 60,
        mode: 'VIDEO',
        location: null,
        joiningDetails: 'https://teams.example/meet/9',
        agenda: 'Introductions',
      },
    });
  });

  it('is not for ordinary members', async () => {
    const mock = mockClient({ Community: () => ({ data: { community: communityFixture({ viewerRole: 'MEMBER' }) } }) });
    render(
      <Harness client={mock.client} path="/communities/com-1/meetings/new" route="/communities/:id/meetings/new">
        <ScheduleMeetingView />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'This page is for the community’s members' })).toBeTruthy();
  });
});

describe('MeetingsView', () => {
  it('lists coming and past meetings in UK time, tags a cancelled one, and shows the feed address', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'MEMBER' }) } }),
      CommunityMeetings: () => ({
        data: {
          community: {
            id: 'com-1',
            calendarUrl: 'http://127.0.0.1:18080/calendar/communities/com-1.ics',
            upcoming: {
              totalCount: 2,
              nodes: [
                meetingFixture(),
                meetingFixture({
                  id: 'meet-2',
                  status: 'CANCELLED',
                  startsAt: '2027-01-07T10:00:00Z',
                  startsAtLocal: '2027-01-07T10:00:00',
                  endsAt: '2027-01-07T11:00:00Z',
                  durationMinutes: 60,
                  mode: 'IN_PERSON',
                  location: 'Room 4, Riverside House',
                  joiningDetails: null,
                }),
              ],
            },
            past: { totalCount: 0, nodes: [] },
          },
          viewer: { id: 'person-1', calendarFeedToken: 'tok-1' },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/meetings" route="/communities/:id/meetings">
        <MeetingsView />
      </Harness>,
    );
    const first = await screen.findByRole('link', { name: 'Thursday 3 December 2026, 2pm to 3:30pm' });
    expect(first.getAttribute('href')).toBe('/communities/com-1/meetings/meet-1');
    const cancelled = screen.getByRole('link', { name: /^Thursday 7 January 2027, 10am to 11am ?\(cancelled\)$/ }).closest('li')!;
    expect(within(cancelled).getByText('Cancelled').className).toContain('nhsuk-tag--red');
    expect(cancelled.textContent).toContain('Face to face: Room 4, Riverside House');
    expect(screen.getByText('The community has not met yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Schedule a meeting' })).toBeNull();

    const feed = screen.getByLabelText('Calendar address') as HTMLInputElement;
    expect(feed.value).toBe('http://127.0.0.1:18080/calendar/communities/com-1.ics?token=tok-1');
    expect(feed.readOnly).toBe(true);
    expect(screen.getByRole('link', { name: 'Open in your calendar program' }).getAttribute('href')).toBe(
      'webcal://127.0.0.1:18080/calendar/communities/com-1.ics?token=tok-1',
    );
    expect(screen.getByRole('link', { name: 'Reset my calendar link' }).getAttribute('href')).toBe('/communities/com-1/calendar/reset');
  });
});

describe('MeetingView', () => {
  it('offers the meeting as a calendar file with the viewer’s token, and its notes and attendance', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CORE' }) } }),
      Meeting: () => ({
        data: {
          node: {
            __typename: 'Meeting',
            ...meetingFixture({ startsAt: '2026-01-08T14:00:00Z', startsAtLocal: '2026-01-08T14:00:00', endsAt: '2026-01-08T15:30:00Z' }),
            notes: 'We agreed to audit omitted doses.',
            sequence: 0,
            createdAt: '2025-12-01T09:00:00Z',
            updatedAt: '2025-12-01T09:00:00Z',
            createdBy: { id: 'person-9', name: 'Amira Haddad' },
            attendees: [{ id: 'person-1', name: 'Ada Lovelace' }],
            community: { id: 'com-1' },
            exchanges: {
              totalCount: 2,
              nodes: [
                {
                  id: 'ex-1',
                  anonymous: false,
                  createdAt: '2026-01-08T15:00:00Z',
                  author: { id: 'person-9', name: 'Amira Haddad' },
                  practice: { id: 'pr-1', name: 'Safety huddle' },
                },
                { id: 'ex-2', anonymous: true, createdAt: '2026-01-08T15:10:00Z', author: null, practice: { id: 'pr-2', name: 'Omitted doses audit' } },
              ],
            },
          },
          viewer: { id: 'person-1', calendarFeedToken: 'tok-1' },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/meetings/meet-1" route="/communities/:id/meetings/:meetingId">
        <MeetingView />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Meeting on Thursday 8 January 2026' })).toBeTruthy();
    const add = screen.getByRole('link', { name: 'Add to calendar' });
    expect(add.getAttribute('href')).toBe('http://127.0.0.1:18080/calendar/meetings/meet-1.ics?token=tok-1');
    expect(add.hasAttribute('download')).toBe(true);
    expect(screen.getByText('We agreed to audit omitted doses.')).toBeTruthy();
    expect(within(document.getElementById('attendees')!).getByText('Ada Lovelace')).toBeTruthy();
    // The exchanges shared with it, each linking to its practice; an anonymous one names nobody.
    const shared = within(document.getElementById('meeting-exchanges')!);
    expect(shared.getByRole('link', { name: 'Safety huddle' }).getAttribute('href')).toBe('/practices/pr-1');
    expect(shared.getByText(/shared by Amira Haddad/)).toBeTruthy();
    expect(shared.getByText(/shared anonymously/)).toBeTruthy();
    // It has started: notes and attendance, but no changing or cancelling.
    expect(screen.getByRole('link', { name: 'Record who came' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Cancel the meeting' })).toBeNull();
  });
});
