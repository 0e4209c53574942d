import { Link } from 'react-router';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { runsIt } from '../../communities/labels';
import { challengesUrl, functionsUrl, memberMapUrl, supportUrl, workingPlanUrl } from '../../urls';

/** The community home's links to the pages of its life together (members only). */
export function CommunityLife({ community }: { community: CommunityHome }) {
  return (
    <section aria-labelledby="community-life-heading">
      <h2 className="nhsuk-heading-m" id="community-life-heading">
        Working together
      </h2>
      <ul className="nhsuk-list">
        <li>
          <Link to={workingPlanUrl(community.id)}>Working plan</Link>
        </li>
        <li>
          <Link to={functionsUrl(community.id)}>Roles and responsibilities</Link>
        </li>
        <li>
          <Link to={memberMapUrl(community.id)}>Member map</Link>
        </li>
        <li>
          <Link to={challengesUrl(community.id)}>Challenges board</Link>
        </li>
        {runsIt(community.viewerRole) && (
          <li>
            <Link to={supportUrl(community.id)}>Support from the network</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
