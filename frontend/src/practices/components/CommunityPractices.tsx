import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CommunityPracticesQuery } from '../queries';
import { StatusTag } from './StatusTag';
import { Loading } from '../../ui/Layout';
import { communityPracticesUrl, practiceUrl, proposePracticeUrl, protocolsUrl } from '../../urls';

interface CommunityRef {
  id: string;
  name: string;
  viewerRole?: string | null;
  stage: string;
}

/** The community home's "Practices" section: the first few (being explored first) and a link to all. */
export function CommunityPractices({ community, first = 3 }: { community: CommunityRef; first?: number }) {
  const [{ data, fetching }] = useQuery({
    query: CommunityPracticesQuery,
    variables: { id: community.id, first },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  const practices = data?.community?.practices;
  if (!practices) return null;
  const canPropose = !!community.viewerRole && community.stage !== 'CLOSED';
  return (
    <section aria-labelledby="practices-heading">
      <h2 className="nhsuk-heading-m" id="practices-heading">
        Practices
      </h2>
      {practices.nodes.length === 0 ? (
        <p className="nhsuk-body">The community has not named the practices it will explore yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border" id="home-practices">
          {practices.nodes.map((p) => (
            <li key={p.id}>
              <Link to={practiceUrl(p.id)}>{p.name}</Link> <StatusTag status={p.status} />
            </li>
          ))}
        </ul>
      )}
      <ul className="nhsuk-list">
        <li>
          <Link to={communityPracticesUrl(community.id)}>All practices ({practices.totalCount})</Link>
        </li>
        {canPropose && (
          <li>
            <Link to={proposePracticeUrl(community.id)}>Propose a practice</Link>
          </li>
        )}
        {community.viewerRole && (
          <li>
            <Link to={protocolsUrl(community.id)}>Sharing protocols</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
