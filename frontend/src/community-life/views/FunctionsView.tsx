import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CommunityFunctionsQuery } from '../queries';
import { MemberCommunity } from '../components/MemberCommunity';
import { FunctionHistory, PeriodTag } from '../components/FunctionPeriods';
import { functionPeriod } from '../labels';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { functionUrl, newFunctionUrl } from '../../urls';

/** /communities/:id/roles: who holds which function, from when to when, and who held it before. */
export function FunctionsView() {
  return <MemberCommunity>{(c) => <Functions community={c} />}</MemberCommunity>;
}

function Functions({ community }: { community: CommunityHome }) {
  usePageTitle(`Roles and responsibilities – ${community.name}`);
  const [{ data, fetching, error }] = useQuery({ query: CommunityFunctionsQuery, variables: { id: community.id }, requestPolicy: 'cache-and-network' });
  const edits = community.viewerCan.manageFunctions;
  const functions = data?.community?.functions;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <Flash />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Roles and responsibilities</h1>
        <p className="nhsuk-body">
          The functions the community needs, such as the agenda, note-taking and facilitation, and who handles each. Hand
          them round so that nobody carries them alone.
        </p>
        {edits && (
          <p className="nhsuk-body">
            <Link to={newFunctionUrl(community.id)}>Give someone a function</Link>
          </p>
        )}
        {fetching && !data ? (
          <Loading />
        ) : !functions ? (
          <ErrorSummary problems={problemsFrom(error)} />
        ) : functions.length === 0 ? (
          <p className="nhsuk-body">Nobody has been given a function yet.</p>
        ) : (
          functions.map((f) => (
            <div className="nhsuk-card" key={f.id}>
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">{f.name}</h2>
                <dl className="nhsuk-summary-list">
                  <div className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">Held by</dt>
                    <dd className="nhsuk-summary-list__value">{f.holder.name}</dd>
                  </div>
                  <div className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">When</dt>
                    <dd className="nhsuk-summary-list__value">
                      {functionPeriod(f)} <PeriodTag period={f} />
                    </dd>
                  </div>
                </dl>
                {f.history.length > 1 && (
                  <details className="nhsuk-details">
                    <summary className="nhsuk-details__summary">
                      <span className="nhsuk-details__summary-text">
                        Who has held {f.name.toLowerCase()}
                      </span>
                    </summary>
                    <div className="nhsuk-details__text">
                      <FunctionHistory history={f.history} />
                    </div>
                  </details>
                )}
                {edits && !f.until && (
                  <p className="nhsuk-body nhsuk-u-margin-bottom-0">
                    <Link to={functionUrl(community.id, f.id)}>
                      Rotate or end<span className="nhsuk-u-visually-hidden"> {f.name}</span>
                    </Link>
                  </p>
                )}
              </div>
            </div>
          ))
        )}
      </div>
    </div>
  );
}
