import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityPracticesQuery } from '../queries';
import { PracticeTags, StatusTag } from '../components/StatusTag';
import { STATUSES } from '../labels';
import { CommunityLoader, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import type { PracticeStatus } from '../../graphql/graphql';
import { practiceUrl, proposePracticeUrl } from '../../urls';

/** /communities/:id/practices: every practice of the community, with its status. */
export function PracticesView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(community) => <Practices community={community} />}</CommunityLoader>;
}

function Practices({ community }: { community: CommunityHome }) {
  usePageTitle(`Practices: ${community.name}`);
  const [{ data, fetching, error }] = useQuery({
    query: CommunityPracticesQuery,
    variables: { id: community.id, first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const practices = data?.community?.practices;
  const canPropose = !!community.viewerRole && community.stage !== 'CLOSED';
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <Flash />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Practices</h1>
        <p className="nhsuk-body">
          The practices the community explores together: those being explored first, then those proposed, then those
          explored. Members share their experience of each.
        </p>
        <dl className="nhsuk-summary-list nhsuk-summary-list--no-border">
          {(Object.keys(STATUSES) as PracticeStatus[]).map((s) => (
            <div className="nhsuk-summary-list__row" key={s}>
              <dt className="nhsuk-summary-list__key">
                <StatusTag status={s} />
              </dt>
              <dd className="nhsuk-summary-list__value">{STATUSES[s].hint}</dd>
            </div>
          ))}
        </dl>
        {canPropose && (
          <Link className="nhsuk-button" role="button" draggable={false} to={proposePracticeUrl(community.id)}>
            Propose a practice
          </Link>
        )}
        {fetching && !data ? (
          <Loading />
        ) : !practices ? (
          <ErrorSummary problems={problemsFrom(error)} />
        ) : practices.nodes.length === 0 ? (
          <p className="nhsuk-body">The community has not proposed any practices yet.</p>
        ) : (
          <ul className="nhsuk-list" id="practices">
            {practices.nodes.map((p) => (
              <li key={p.id}>
                <div className="nhsuk-card nhsuk-card--clickable">
                  <div className="nhsuk-card__content">
                    <h2 className="nhsuk-card__heading nhsuk-heading-m">
                      <Link className="nhsuk-card__link" to={practiceUrl(p.id)}>
                        {p.name}
                      </Link>
                    </h2>
                    <p className="nhsuk-body convene-card-tags">
                      <StatusTag status={p.status} />
                      {p.promising && <strong className="nhsuk-tag nhsuk-tag--aqua-green">Promising</strong>}
                    </p>
                    {p.description && <p className="nhsuk-card__description">{p.description}</p>}
                    <PracticeTags tags={p.tags} />
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
