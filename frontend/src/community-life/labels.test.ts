import { describe, expect, it } from 'vitest';
import { authorLine, functionPeriod, mapTag, MAP_TAG_VALUES, nextSupportStatuses, reachRows, sortTags } from './labels';

describe('member map tags', () => {
  it('names every tag as SPEC §4 does, in the form’s order', () => {
    expect(MAP_TAG_VALUES.map((t) => mapTag(t).text)).toEqual([
      'Has an interest',
      'Should have an interest',
      'Needed for resources',
      'Needed for authority',
      'Needed for expertise',
      'Needs development',
    ]);
    expect(sortTags(['NEEDS_DEVELOPMENT', 'HAS_INTEREST', 'NEEDED_FOR_AUTHORITY'])).toEqual(['HAS_INTEREST', 'NEEDED_FOR_AUTHORITY', 'NEEDS_DEVELOPMENT']);
    expect(mapTag('SOMETHING_NEW')).toEqual({ text: 'Something new', colour: 'grey' });
  });
});

describe('reachRows', () => {
  it('puts the map’s reach beside the membership’s, with how far beyond it goes', () => {
    expect(reachRows({ organisations: 5, professions: 4, sectors: 3 }, { organisations: 2, professions: 4, sectors: 4 })).toEqual([
      { what: 'Organisations', map: 5, members: 2, beyond: 3 },
      { what: 'Professions', map: 4, members: 4, beyond: 0 },
      { what: 'Sectors', map: 3, members: 4, beyond: 0 },
    ]);
  });
});

describe('functionPeriod', () => {
  it('writes an open period and a closed one in the NHS date style', () => {
    expect(functionPeriod({ from: '2026-12-03', until: null })).toBe('From 3 December 2026');
    expect(functionPeriod({ from: '2026-12-03', until: '2027-01-02' })).toBe('From 3 December 2026 to 2 January 2027');
  });
});

describe('authorLine', () => {
  it('hides an anonymous author from others and tells the author it is theirs', () => {
    expect(authorLine({ anonymous: true, viewerIsAuthor: false, author: null })).toBe('Anonymous member');
    expect(authorLine({ anonymous: true, viewerIsAuthor: true, author: { name: 'Hannah Brooks' } })).toBe('You posted this anonymously');
    expect(authorLine({ anonymous: false, viewerIsAuthor: true, author: { name: 'Hannah Brooks' } })).toBe('You posted this');
    expect(authorLine({ anonymous: false, viewerIsAuthor: false, author: { name: 'Amira Haddad' } })).toBe('Amira Haddad');
  });
});

describe('nextSupportStatuses', () => {
  it('lets an assigned request start, and any open one close', () => {
    expect(nextSupportStatuses('OPEN')).toEqual(['CLOSED']);
    expect(nextSupportStatuses('ASSIGNED')).toEqual(['IN_PROGRESS', 'CLOSED']);
    expect(nextSupportStatuses('CLOSED')).toEqual([]);
  });
});
