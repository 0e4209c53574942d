import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunitiesQuery, CommunityDomainsQuery } from '../queries';
import { CommunityCard } from '../components/CommunityCard';
import { Flash } from '../components/Flash';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Select, TextInput } from '../../ui/fields';
import { plural } from '../../ui/format';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';

const PAGE = 50;

/** /communities: the public directory, with search and a domain filter. */
export function CommunitiesView() {
  usePageTitle('Communities of practice');
  const { viewer } = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const domainId = params.get('domain') ?? '';
  const [searchText, setSearchText] = useState(search);
  const [domainChoice, setDomainChoice] = useState(domainId);
  useEffect(() => {
    setSearchText(search);
    setDomainChoice(domainId);
  }, [search, domainId]);

  const [{ data, fetching, error }] = useQuery({
    query: CommunitiesQuery,
    variables: { search: search || null, domainId: domainId || null, first: PAGE },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: domainsData }] = useQuery({ query: CommunityDomainsQuery });
  const domains = domainsData?.domains.nodes ?? [];
  const communities = data?.communities.nodes ?? [];
  const total = data?.communities.totalCount ?? 0;
  const filtered = !!search || !!domainId;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (searchText.trim()) next.set('search', searchText.trim());
    if (domainChoice) next.set('domain', domainChoice);
    setParams(next);
  };

  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <Flash />
          <h1 className="nhsuk-heading-l">Communities of practice</h1>
          <p className="nhsuk-body-l">
            Communities of practice bring together people who share a passion for a domain of patient safety, to learn
            from each other’s experience. Anyone can start one.
          </p>
          {viewer ? (
            <Link className="nhsuk-button" role="button" draggable={false} to="/communities/new">
              Start a community
            </Link>
          ) : (
            <p className="nhsuk-body">
              <Link to="/sign-in?next=%2Fcommunities">Sign in</Link> or{' '}
              <Link to="/register?next=%2Fcommunities">create an account</Link> to join or start a community.
            </p>
          )}
        </div>
      </div>

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <form onSubmit={onSubmit} noValidate role="search" aria-label="Communities">
            <h2 className="nhsuk-heading-s">Find a community</h2>
            <TextInput id="search" label="Search by name" value={searchText} onChange={setSearchText} type="search" />
            <Select
              id="domain"
              label="Domain"
              value={domainChoice}
              onChange={setDomainChoice}
              placeholder="All domains"
              options={domains.map((d) => ({ value: d.id, label: d.name }))}
            />
            <div className="convene-actions">
              <Button variant="secondary">Search</Button>
              {filtered && (
                <p className="nhsuk-body nhsuk-u-margin-bottom-0">
                  <Link to="/communities">Clear search</Link>
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
                {filtered
                  ? `${plural(total, 'community', 'communities')} found`
                  : `${plural(total, 'community', 'communities')}`}
                {total > communities.length && `: showing the first ${communities.length}`}
              </p>
              {communities.length === 0 ? (
                <p className="nhsuk-body">
                  {filtered ? 'No communities match your search.' : 'There are no communities yet.'}
                </p>
              ) : (
                <ul className="nhsuk-list" aria-label="Communities">
                  {communities.map((c) => (
                    <li key={c.id}>
                      <CommunityCard community={c} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}
