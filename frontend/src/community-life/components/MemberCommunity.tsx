import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { useSession } from '../../account/SessionContext';

/**
 * Loads the community named by the route's `:id` and renders the page for its members (and,
 * with `team`, for the programme team); everyone else gets "members only".
 */
export function MemberCommunity({ children, team = false }: { children: (community: CommunityHome) => ReactNode; team?: boolean }) {
  const { id = '' } = useParams();
  const { isProgrammeTeam } = useSession();
  return (
    <CommunityLoader id={id}>
      {(community) => (community.viewerRole || (team && isProgrammeTeam) ? children(community) : <MembersOnly community={community} />)}
    </CommunityLoader>
  );
}

/** Conveners and the core group change these pages, while the community is not closed. */
export function canChange(community: CommunityHome): boolean {
  return (community.viewerRole === 'CONVENER' || community.viewerRole === 'CORE') && community.stage !== 'CLOSED';
}
