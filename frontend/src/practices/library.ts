/** The library's URL ↔ query variables, and the links of its pagination. */

export const LIBRARY_PAGE = 10;

export interface LibraryFilters {
  search: string;
  domain: string;
  organisation: string;
  tag: string;
}

export interface LibraryVariables {
  search: string | null;
  domainId: string | null;
  organisationId: string | null;
  tag: string | null;
  first: number;
  after: string | null;
}

function clean(v: string | null | undefined): string | null {
  const t = (v ?? '').trim();
  return t ? t : null;
}

export function filtersFrom(params: URLSearchParams): LibraryFilters {
  return {
    search: params.get('search') ?? '',
    domain: params.get('domain') ?? '',
    organisation: params.get('organisation') ?? '',
    tag: params.get('tag') ?? '',
  };
}

/** The variables of the promisingPractices query for a /library URL. */
export function libraryVariables(params: URLSearchParams, first = LIBRARY_PAGE): LibraryVariables {
  return {
    search: clean(params.get('search')),
    domainId: clean(params.get('domain')),
    organisationId: clean(params.get('organisation')),
    tag: clean(params.get('tag')),
    first,
    after: clean(params.get('after')),
  };
}

/** The URL search of a new search: the filters that are set, from the first page. */
export function searchParamsFor(filters: LibraryFilters): URLSearchParams {
  const next = new URLSearchParams();
  const pairs: Array<[string, string]> = [
    ['search', filters.search],
    ['domain', filters.domain],
    ['organisation', filters.organisation],
    ['tag', filters.tag],
  ];
  for (const [k, v] of pairs) {
    const t = v.trim();
    if (t) next.set(k, t);
  }
  return next;
}

export function isFiltered(params: URLSearchParams): boolean {
  return ['search', 'domain', 'organisation', 'tag'].some((k) => !!clean(params.get(k)));
}

/**
 * Forward pagination by cursor: `after` is this page's cursor and each `prev` the cursor of an
 * earlier page (after the first), so "Previous" can go back without asking the server.
 */
export function pageNumber(params: URLSearchParams): number {
  return clean(params.get('after')) ? params.getAll('prev').length + 2 : 1;
}

export function nextPageParams(params: URLSearchParams, endCursor: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const after = clean(params.get('after'));
  if (after) next.append('prev', after);
  next.set('after', endCursor);
  return next;
}

export function previousPageParams(params: URLSearchParams): URLSearchParams | null {
  if (!clean(params.get('after'))) return null;
  const prev = params.getAll('prev');
  const next = new URLSearchParams(params);
  next.delete('prev');
  next.delete('after');
  const back = prev.slice(0, -1);
  for (const p of back) next.append('prev', p);
  const last = prev[prev.length - 1];
  if (last) next.set('after', last);
  return next;
}
