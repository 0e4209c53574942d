import { describe, expect, it } from 'vitest';
import { formatMinutes, nextStatus, parseTags, totalMinutes, visibilityLabel, VISIBILITY_VALUES } from './labels';

describe('exchange visibility labels', () => {
  it('says plainly who reads each choice, safest first', () => {
    expect(VISIBILITY_VALUES).toEqual(['COMMUNITY', 'NETWORK', 'PUBLIC']);
    expect(VISIBILITY_VALUES.map((v) => visibilityLabel(v).text)).toEqual([
      'Only members of this community',
      'Anyone signed in to Convene',
      'Anyone, including the public',
    ]);
    for (const v of VISIBILITY_VALUES) expect(visibilityLabel(v).hint).not.toBe('');
  });
});

describe('protocol timings', () => {
  it('adds up the minutes of the prompts', () => {
    expect(totalMinutes([{ minutes: 3 }, { minutes: 10 }, { minutes: 10 }, { minutes: 10 }])).toBe(33);
    expect(totalMinutes([])).toBe(0);
  });

  it('ignores blanks and nonsense while a prompt is being edited', () => {
    expect(totalMinutes([{ minutes: '5' }, { minutes: '' }, { minutes: 'ten' }, { minutes: '-4' }, { minutes: '2' }])).toBe(7);
  });

  it('reads minutes and hours the NHS way', () => {
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(75)).toBe('1 hour 15 minutes');
    expect(formatMinutes(121)).toBe('2 hours 1 minute');
  });
});

describe('practice status', () => {
  it('moves on one step at a time and stops when explored', () => {
    expect(nextStatus('PROPOSED')).toBe('EXPLORING');
    expect(nextStatus('EXPLORING')).toBe('EXPLORED');
    expect(nextStatus('EXPLORED')).toBeNull();
  });
});

describe('tags', () => {
  it('splits on commas and drops blanks', () => {
    expect(parseTags(' handover, night shift ,, ')).toEqual(['handover', 'night shift']);
  });
});
