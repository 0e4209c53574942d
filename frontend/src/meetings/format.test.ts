import { describe, expect, it } from 'vitest';
import { formatClock, formatMeetingDate, formatMeetingTime, hasStarted, startsAtInput } from './format';
import { formatDuration } from './labels';

describe('formatMeetingTime', () => {
  it('reads a winter meeting on a UK clock, NHS style', () => {
    expect(formatMeetingTime('2026-12-03T14:00:00', '2026-12-03T15:30:00Z', 90)).toBe('Thursday 3 December 2026, 2pm to 3:30pm');
  });

  it('reads a summer meeting (BST) with its end from the instant', () => {
    // 09:30 BST is 08:30Z; an hour later is 09:30Z, 10:30 BST.
    expect(formatMeetingTime('2026-07-02T09:30:00', '2026-07-02T09:30:00Z', 60)).toBe('Thursday 2 July 2026, 9:30am to 10:30am');
  });

  it('says midday and midnight, and names the day a meeting ends on when it is another', () => {
    expect(formatMeetingTime('2026-12-03T12:00:00', '2026-12-03T13:00:00Z', 60)).toBe('Thursday 3 December 2026, midday to 1pm');
    expect(formatMeetingTime('2026-12-03T23:00:00', '2026-12-04T00:30:00Z', 90)).toBe(
      'Thursday 3 December 2026, 11pm to Friday 4 December 2026, 12:30am',
    );
    expect(formatMeetingTime('2026-12-03T22:00:00', '2026-12-04T00:00:00Z', 120)).toBe('Thursday 3 December 2026, 10pm to midnight');
  });

  it('ends at the right time across the clocks going back', () => {
    // Sunday 25 October 2026: 00:30 BST (23:30Z) for 2 hours ends at 01:30Z, which is 1:30am GMT.
    expect(formatMeetingTime('2026-10-25T00:30:00', '2026-10-25T01:30:00Z', 120)).toBe('Sunday 25 October 2026, 12:30am to 1:30am');
  });

  it('falls back to the length when the end is not given, and to the raw text when unparsable', () => {
    expect(formatMeetingTime('2026-12-03T14:00:00', null, 45)).toBe('Thursday 3 December 2026, 2pm to 2:45pm');
    expect(formatMeetingTime('2026-12-03T14:00')).toBe('Thursday 3 December 2026, 2pm');
    expect(formatMeetingTime('soon')).toBe('soon');
  });

  it('formats dates, clock times and lengths', () => {
    expect(formatMeetingDate('2027-01-01T09:00:00')).toBe('Friday 1 January 2027');
    expect(formatClock(9, 5)).toBe('9:05am');
    expect(formatClock(0, 30)).toBe('12:30am');
    expect(formatDuration(90)).toBe('1 hour 30 minutes');
    expect(formatDuration(45)).toBe('45 minutes');
    expect(formatDuration(120)).toBe('2 hours');
  });
});

describe('startsAtInput', () => {
  it('joins the date and time inputs into a UK wall-clock time for startsAt', () => {
    expect(startsAtInput('2026-12-03', '14:00')).toBe('2026-12-03T14:00');
    expect(startsAtInput(' 2026-12-03 ', '9:30')).toBe('2026-12-03T09:30');
  });

  it('refuses dates and times that do not exist', () => {
    expect(startsAtInput('2026-02-30', '14:00')).toBeNull();
    expect(startsAtInput('2026-12-03', '24:00')).toBeNull();
    expect(startsAtInput('3/12/2026', '14:00')).toBeNull();
    expect(startsAtInput('2026-12-03', '')).toBeNull();
  });
});

describe('hasStarted', () => {
  it('compares instants', () => {
    const now = new Date('2026-12-03T14:00:00Z');
    expect(hasStarted('2026-12-03T13:59:00Z', now)).toBe(true);
    expect(hasStarted('2026-12-03T14:00:00Z', now)).toBe(true);
    expect(hasStarted('2026-12-03T14:01:00Z', now)).toBe(false);
  });
});
