import { Link } from 'react-router';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { runsIt } from '../../communities/labels';

/** The community home's links to the pages of its life together (members only). */
export function CommunityLife({ community }: { community: CommunityHome }) {
  const base = `/communities/${community.id}`;
  return (
    <section aria-labelledby="community-life-heading">
      <h2 className="nhsuk-heading-m" id="community-life-heading">
        Working together
      </h2>
      <ul className="nhsuk-list">
        <li>
          <Link to={`${base}/plan`}>Working plan</Link>
        </li>
        <li>
          <Link to={`${base}/roles`}>Roles and responsibilities</Link>
        </li>
        <li>
          <Link to={`${base}/member-map`}>Member map</Link>
        </li>
        <li>
          <Link to={`${base}/challenges`}>Challenges board</Link>
        </li>
        {runsIt(community.viewerRole) && (
          <li>
            <Link to={`${base}/support`}>Support from the network</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
