import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { PageLinks, forgetPages, nextPosition, pagePosition, previousPosition, usePaging, withPosition } from './usePaging';

afterEach(() => forgetPages());

/** A list of 7 rows, 3 a page, over `first/after` with the row number as the cursor. */
function List({ search = '' }: { search?: string }) {
  const paging = usePaging('rows', { size: 3, resetOn: search });
  const start = paging.variables.after ? Number(paging.variables.after) : 0;
  const rows = [1, 2, 3, 4, 5, 6, 7].slice(start, start + paging.variables.first);
  const end = start + rows.length;
  const info = { hasNextPage: end < 7, endCursor: String(end) };
  const location = useLocation();
  return (
    <>
      <p data-testid="variables">{JSON.stringify(paging.variables)}</p>
      <p data-testid="url">{location.search}</p>
      <ul>{rows.map((r) => <li key={r}>Row {r}</li>)}</ul>
      <PageLinks paging={paging} info={info} shown={rows.length} total={7} noun="rows" />
    </>
  );
}

function Searchable() {
  const [search, setSearch] = useState('');
  return (
    <>
      <button type="button" onClick={() => setSearch('ada')}>Search</button>
      <List search={search} />
    </>
  );
}

const shown = () => screen.getAllByRole('listitem').map((li) => li.textContent).filter((t) => t?.startsWith('Row'));

describe('usePaging', () => {
  it('goes forward and back over first/after, the position in the URL', () => {
    render(
      <MemoryRouter initialEntries={['/admin/things?filter=open']}>
        <List />
      </MemoryRouter>,
    );
    expect(shown()).toEqual(['Row 1', 'Row 2', 'Row 3']);
    expect(screen.getByText('Showing rows 1 to 3 of 7')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Previous/ })).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: /Next/ }));
    expect(shown()).toEqual(['Row 4', 'Row 5', 'Row 6']);
    expect(screen.getByTestId('variables').textContent).toBe('{"first":3,"after":"3"}');
    expect(screen.getByTestId('url').textContent).toBe('?filter=open&page=2&after=3');
    expect(screen.getByText('Showing rows 4 to 6 of 7')).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: /Next/ }));
    expect(shown()).toEqual(['Row 7']);
    expect(screen.queryByRole('link', { name: /Next/ })).toBeNull();

    // back to page 2 by its remembered cursor, then to page 1 without one
    fireEvent.click(screen.getByRole('link', { name: /Previous/ }));
    expect(shown()).toEqual(['Row 4', 'Row 5', 'Row 6']);
    fireEvent.click(screen.getByRole('link', { name: /Previous/ }));
    expect(shown()).toEqual(['Row 1', 'Row 2', 'Row 3']);
    expect(screen.getByTestId('url').textContent).toBe('?filter=open');
  });

  it('shows no links when everything fits on one page', () => {
    function Short() {
      const paging = usePaging('short', { size: 10 });
      return <PageLinks paging={paging} info={{ hasNextPage: false, endCursor: 'x' }} shown={4} total={4} noun="rows" />;
    }
    const { container } = render(
      <MemoryRouter>
        <Short />
      </MemoryRouter>,
    );
    expect(container.textContent).toBe('');
  });

  it('starts again at page 1 when the search changes', () => {
    render(
      <MemoryRouter initialEntries={['/people?page=3&after=6']}>
        <Searchable />
      </MemoryRouter>,
    );
    expect(shown()).toEqual(['Row 7']);
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(shown()).toEqual(['Row 1', 'Row 2', 'Row 3']);
    expect(screen.getByTestId('url').textContent).toBe('');
  });

  it('reads and writes positions, ignoring a malformed one', () => {
    const p = new URLSearchParams('q=x&page=4&after=abc');
    expect(pagePosition(p)).toEqual({ page: 4, after: 'abc' });
    expect(pagePosition(new URLSearchParams('page=two&after=abc'))).toEqual({ page: 1, after: null });
    expect(pagePosition(new URLSearchParams('page=3'))).toEqual({ page: 1, after: null });
    expect(withPosition(p, { page: 1, after: null }).toString()).toBe('q=x');
    expect(withPosition(p, { page: 2, after: 'c2' }, 'apps-').toString()).toBe('q=x&page=4&after=abc&apps-page=2&apps-after=c2');
    expect(nextPosition({ page: 4, after: 'abc' }, { hasNextPage: true, endCursor: 'def' })).toEqual({ page: 5, after: 'def' });
    expect(nextPosition({ page: 4, after: 'abc' }, { hasNextPage: false, endCursor: 'def' })).toBeNull();
    // a page reached by a link (never the one before it): Previous goes to the first page
    expect(previousPosition('unseen', { page: 4, after: 'abc' })).toEqual({ page: 1, after: null });
    expect(previousPosition('unseen', { page: 1, after: null })).toBeNull();
  });
});
