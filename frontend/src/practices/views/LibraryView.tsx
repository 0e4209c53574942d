import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LibraryFiltersQuery, PromisingPracticesQuery } from '../queries';
import { Pagination } from '../components/Pagination';
import { PracticeTags } from '../components/StatusTag';
import {
  filtersFrom,
  isFiltered,
  libraryVariables,
  nextPageParams,
  pageNumber,
  previousPageParams,
  searchParamsFor,
  type LibraryFilters,
} from '../library';
import type { PracticeBackState } from './PracticeView';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Select, TextInput } from '../../ui/fields';
import { plural } from '../../ui/format';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { practiceUrl } from '../../urls';

/** /library: the promising-practices library, for everyone (PUBLIC ones; NETWORK ones too when signed in). */
export function LibraryView() {
  const { viewer } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const filtered = isFiltered(params);
  const page = pageNumber(params);
  usePageTitle(page > 1 ? `Practice library (page ${page})` : 'Practice library');
  const [form, setForm] = useState<LibraryFilters>(filters);
  useEffect(() => {
    setForm(filtersFrom(params));
  }, [params]);

  const [{ data, fetching, error }] = useQuery({
    query: PromisingPracticesQuery,
    variables: libraryVariables(params),
    requestPolicy: 'cache-and-network',
  });
  const [{ data: filterData }] = useQuery({ query: LibraryFiltersQuery });
  const domains = filterData?.domains.nodes ?? [];
  const organisations = filterData?.organisations.nodes ?? [];
  const result = data?.promisingPractices;
  const practices = result?.nodes ?? [];
  const total = result?.totalCount ?? 0;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setParams(searchParamsFor(form));
  };
  const set = (k: keyof LibraryFilters) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const previous = previousPageParams(params);
  const next = result?.pageInfo.hasNextPage && result.pageInfo.endCursor ? nextPageParams(params, result.pageInfo.endCursor) : null;
  const back: PracticeBackState = { backTo: `${location.pathname}${location.search}`, backText: 'Back to the practice library' };

  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">Practice library</h1>
          <p className="nhsuk-body-l">
            Promising practices from patient-safety communities of practice across the network, with the evidence that
            they work, their outcomes and where they are used.
          </p>
          {!viewer && (
            <p className="nhsuk-body">
              You are seeing the practices shared with the public.{' '}
              <Link to={`/sign-in?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`}>Sign in</Link> to
              see those shared across the network too.
            </p>
          )}
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <form onSubmit={onSubmit} noValidate role="search" aria-label="Practice library">
            <h2 className="nhsuk-heading-s">Find a practice</h2>
            <TextInput
              id="search"
              label="Search"
              hint="Words from the name, description, evidence or outcomes"
              type="search"
              value={form.search}
              onChange={set('search')}
            />
            <Select id="domain" label="Domain" value={form.domain} onChange={set('domain')} placeholder="All domains" options={domains.map((d) => ({ value: d.id, label: d.name }))} />
            <Select
              id="organisation"
              label="Organisation"
              value={form.organisation}
              onChange={set('organisation')}
              placeholder="All organisations"
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextInput id="tag" label="Tag" hint="For example, handover" value={form.tag} onChange={set('tag')} />
            <div className="convene-actions">
              <Button variant="secondary">Search</Button>
              {filtered && (
                <p className="nhsuk-body nhsuk-u-margin-bottom-0">
                  <Link to="/library">Clear search</Link>
                </p>
              )}
            </div>
          </form>
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={error && !data ? problemsFrom(error) : []} />
          {fetching && !data ? (
            <Loading />
          ) : (
            <>
              <p className="nhsuk-body" role="status">
                {plural(total, 'promising practice', 'promising practices')}
                {filtered ? ' found' : ''}
                {page > 1 ? `, page ${page}` : ''}
                {filters.search ? ', most relevant first' : ''}
              </p>
              {practices.length === 0 ? (
                <p className="nhsuk-body">
                  {filtered ? 'No promising practices match your search. Try fewer or different words.' : 'There are no promising practices yet.'}
                </p>
              ) : (
                <ul className="nhsuk-list" aria-label="Promising practices" id="library-results">
                  {practices.map((p) => (
                    <li key={p.id}>
                      <div className="nhsuk-card nhsuk-card--clickable">
                        <div className="nhsuk-card__content">
                          <h2 className="nhsuk-card__heading nhsuk-heading-m">
                            <Link className="nhsuk-card__link" to={practiceUrl(p.id)} state={back}>
                              {p.name}
                            </Link>
                          </h2>
                          <p className="nhsuk-card__description">{p.description}</p>
                          <dl className="nhsuk-summary-list nhsuk-summary-list--no-border nhsuk-u-margin-bottom-2">
                            <div className="nhsuk-summary-list__row">
                              <dt className="nhsuk-summary-list__key">Domain</dt>
                              <dd className="nhsuk-summary-list__value">{p.domain.name}</dd>
                            </div>
                            {p.promising && p.promising.organisations.length > 0 && (
                              <div className="nhsuk-summary-list__row">
                                <dt className="nhsuk-summary-list__key">Used by</dt>
                                <dd className="nhsuk-summary-list__value">{p.promising.organisations.map((o) => o.name).join(', ')}</dd>
                              </div>
                            )}
                            {p.promising && (
                              <div className="nhsuk-summary-list__row">
                                <dt className="nhsuk-summary-list__key">Outcomes</dt>
                                <dd className="nhsuk-summary-list__value">{p.promising.outcomes}</dd>
                              </div>
                            )}
                          </dl>
                          <PracticeTags tags={p.tags} />
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              <Pagination
                page={page}
                previous={previous ? `/library${previous.toString() ? `?${previous.toString()}` : ''}` : null}
                next={next ? `/library?${next.toString()}` : null}
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
