import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNormalised, formatPence, formatScore, formatTime, isIsoDate, londonToInstant, londonToday, parsePounds, plural } from './format';

describe('format', () => {
  it('writes dates the NHS way', () => {
    expect(formatDate('2026-09-08')).toBe('8 September 2026');
  });

  it('writes times in Europe/London as 5:30pm', () => {
    expect(formatTime('2026-07-31T16:30:00Z')).toBe('5:30pm'); // BST
    expect(formatTime('2026-12-01T17:30:00Z')).toBe('5:30pm'); // GMT
    expect(formatTime('2026-12-01T09:00:00Z')).toBe('9am');
    expect(formatTime('2026-12-01T12:00:00Z')).toBe('midday');
    expect(formatDateTime('2026-07-31T16:30:00Z')).toBe('31 July 2026 at 5:30pm');
  });

  it('formats and parses money in integer pence', () => {
    expect(formatPence(500000)).toBe('£5,000');
    expect(formatPence(166667)).toBe('£1,666.67');
    expect(parsePounds('5,000')).toBe(500000);
    expect(parsePounds('£1666.67')).toBe(166667);
    expect(parsePounds('0.1')).toBe(10);
    expect(parsePounds('12.345')).toBeNull();
    expect(parsePounds('five')).toBeNull();
  });

  it('turns London wall-clock time into a UTC instant', () => {
    expect(londonToInstant('2026-07-31', '17:30')).toBe('2026-07-31T16:30:00Z');
    expect(londonToInstant('2026-12-01', '17:30')).toBe('2026-12-01T17:30:00Z');
    expect(londonToInstant('2026-13-01', 'x')).toBeNull();
    // Either side of the clocks going forward (1am GMT becomes 2am BST on 29 March 2026) and back.
    expect(londonToInstant('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00Z');
    expect(londonToInstant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00Z');
    expect(londonToInstant('2026-10-25', '12:00')).toBe('2026-10-25T12:00:00Z');
    // Impossible dates and times are not rolled over into the next month or day.
    expect(londonToInstant('2026-02-30', '17:00')).toBeNull();
    expect(londonToInstant('2026-04-31', '09:00')).toBeNull();
    expect(londonToInstant('2026-13-01', '09:00')).toBeNull();
    expect(londonToInstant('2026-07-01', '24:00')).toBeNull();
    expect(londonToInstant('2026-07-01', '09:60')).toBeNull();
    expect(londonToInstant('2028-02-29', '09:00')).toBe('2028-02-29T09:00:00Z');
  });

  it('knows a real calendar date', () => {
    expect(isIsoDate('2026-09-08')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-9-8')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('writes scores with two decimals, a sign on normalised ones, and never -0.00', () => {
    expect(formatScore(4.333333)).toBe('4.33');
    expect(formatScore(null)).toBe('Not scored');
    expect(formatNormalised(0.4082)).toBe('+0.41');
    expect(formatNormalised(-1.3399)).toBe('\u22121.34');
    expect(formatNormalised(7.4e-17)).toBe('0.00');
    expect(formatNormalised(-0.001)).toBe('0.00');
  });

  it('pluralises and knows what day it is in London', () => {
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(4, 'person', 'people')).toBe('4 people');
    expect(plural(2, 'day')).toBe('2 days');
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
