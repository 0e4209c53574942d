import type { CommunityHome } from './components/CommunityLoader';
import type { CommunityStage, MemberRole } from '../graphql/graphql';

/**
 * `Community.viewerCan` as the server answers it for a role (the domain's rules, mirrored here only
 * so that a fixture's permissions follow its `viewerRole`).
 */
export function viewerCanFor(
  role: MemberRole | null | undefined,
  { programmeTeam = false, stage = 'FORMING' }: { programmeTeam?: boolean; stage?: CommunityStage } = {},
): CommunityHome['viewerCan'] {
  const runsIt = role === 'CONVENER' || role === 'CORE';
  const open = stage !== 'CLOSED';
  return {
    seeInside: programmeTeam || !!role,
    steer: programmeTeam || role === 'CONVENER',
    invite: runsIt,
    agreeDefinition: runsIt,
    changeRoles: role === 'CONVENER',
    planMeetings: runsIt,
    manageFunctions: runsIt && open,
    postChallenges: !!role && open,
    assignCoach: programmeTeam && open,
  };
}

/** A community's public part, as CommunityQuery returns it. */
export function communityFixture(overrides: Partial<CommunityHome> = {}): CommunityHome {
  return {
    viewerCan: viewerCanFor(overrides.viewerRole, { stage: overrides.stage }),
    __typename: 'Community',
    id: 'com-1',
    name: 'Medication safety community of practice',
    stage: 'FORMING',
    funded: false,
    origin: 'SELF_ORGANISED',
    membershipMode: 'OPEN',
    listed: true,
    viewerRole: null,
    createdAt: '2026-10-01T09:00:00Z',
    domain: { __typename: 'Domain', id: 'dom-1', name: 'Medication safety' },
    conveners: [{ __typename: 'Person', id: 'person-9', name: 'Amira Haddad' }],
    domainDefinition: null,
    coach: null,
    ...overrides,
  } as CommunityHome;
}

export const STEPS_FIXTURE = [
  { step: 'DEVELOP_DOMAIN', owner: 'CONVENER', done: true, notes: 'A first sketch.', updatedAt: '2026-10-02T09:00:00Z' },
  { step: 'MAP_MEMBERS', owner: 'CONVENER', done: false, notes: '', updatedAt: null },
  { step: 'INVITATION', owner: 'CONVENER', done: false, notes: '', updatedAt: null },
  { step: 'INITIAL_CONVERSATION', owner: 'CONVENER_AND_CORE', done: false, notes: '', updatedAt: null },
  { step: 'ROLES', owner: 'CORE', done: false, notes: '', updatedAt: null },
  { step: 'DEFINE_COMMUNITY', owner: 'CORE', done: false, notes: '', updatedAt: null },
] as const;
