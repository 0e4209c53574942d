import { describe, expect, it } from 'vitest';
import {
  isFiltered,
  libraryVariables,
  nextPageParams,
  pageNumber,
  previousPageParams,
  searchParamsFor,
} from './library';

const p = (s: string) => new URLSearchParams(s);

describe('library query building', () => {
  it('asks for the first page with no filters by default', () => {
    expect(libraryVariables(p(''))).toEqual({
      search: null,
      domainId: null,
      organisationId: null,
      tag: null,
      first: 10,
      after: null,
    });
    expect(isFiltered(p(''))).toBe(false);
  });

  it('passes the search, filters and cursor from the URL, trimmed', () => {
    expect(libraryVariables(p('search=+huddle+&domain=D1&organisation=O2&tag=sepsis&after=abc'), 5)).toEqual({
      search: 'huddle',
      domainId: 'D1',
      organisationId: 'O2',
      tag: 'sepsis',
      first: 5,
      after: 'abc',
    });
    expect(isFiltered(p('tag=sepsis'))).toBe(true);
    expect(isFiltered(p('search=+'))).toBe(false);
  });

  it('starts a new search from the first page, keeping only the filters that are set', () => {
    expect(searchParamsFor({ search: ' skin ', domain: '', organisation: 'O1', tag: '' }).toString()).toBe('search=skin&organisation=O1');
  });
});

describe('library pagination by cursor', () => {
  it('goes forward with endCursor and back through the cursors it came by', () => {
    const one = p('search=skin');
    expect(pageNumber(one)).toBe(1);
    expect(previousPageParams(one)).toBeNull();

    const two = nextPageParams(one, 'c1');
    expect(two.toString()).toBe('search=skin&after=c1');
    expect(pageNumber(two)).toBe(2);
    expect(libraryVariables(two).after).toBe('c1');

    const three = nextPageParams(two, 'c2');
    expect(pageNumber(three)).toBe(3);
    expect(libraryVariables(three).after).toBe('c2');
    expect(three.getAll('prev')).toEqual(['c1']);

    const backToTwo = previousPageParams(three)!;
    expect(pageNumber(backToTwo)).toBe(2);
    expect(libraryVariables(backToTwo).after).toBe('c1');
    expect(backToTwo.get('search')).toBe('skin');

    const backToOne = previousPageParams(backToTwo)!;
    expect(backToOne.toString()).toBe('search=skin');
    expect(pageNumber(backToOne)).toBe(1);
  });
});
