import type {
  CommunityStage,
  InvitationState,
  MemberRole,
  MembershipMode,
  StartupStep,
  StepOwner,
} from '../graphql/graphql';
import type { TagColour } from '../ui/fields';

export const MODES: Record<MembershipMode, { text: string; hint: string; summary: string; colour: TagColour }> = {
  OPEN: {
    text: 'Open',
    hint: 'Anyone with an account can join straight away.',
    summary: 'Open: anyone with an account can join',
    colour: 'green',
  },
  ON_REQUEST: {
    text: 'On request',
    hint: 'People ask to join, with a note; a convener or core member says yes or no.',
    summary: 'On request: people ask to join, and the conveners or core group answer',
    colour: 'blue',
  },
  INVITATION: {
    text: 'By invitation',
    hint: 'Only people you invite by email can join.',
    summary: 'By invitation only',
    colour: 'purple',
  },
};

export const MODE_VALUES: MembershipMode[] = ['OPEN', 'ON_REQUEST', 'INVITATION'];

export function modeTag(m: MembershipMode) {
  return MODES[m] ?? { text: m, hint: '', summary: m, colour: 'grey' as TagColour };
}

export const STAGES: Record<CommunityStage, { text: string; colour: TagColour }> = {
  FORMING: { text: 'Forming', colour: 'yellow' },
  ACTIVE: { text: 'Active', colour: 'green' },
  DORMANT: { text: 'Dormant', colour: 'grey' },
  CLOSED: { text: 'Closed', colour: 'red' },
};

export function stageTag(s: CommunityStage) {
  return STAGES[s] ?? { text: s, colour: 'grey' as TagColour };
}

export const ROLES: Record<MemberRole, string> = {
  CONVENER: 'Convener',
  CORE: 'Core group',
  MEMBER: 'Member',
};

export const ROLE_HINTS: Record<MemberRole, string> = {
  CONVENER: 'Convenes the community with any co-conveners, and can change members’ roles.',
  CORE: 'Part of the core group: invites people, answers requests to join and agrees the domain definition.',
  MEMBER: 'Takes part in meetings and practice exchanges.',
};

export const ROLE_VALUES: MemberRole[] = ['CONVENER', 'CORE', 'MEMBER'];

/** Conveners and the core group run the community. */
export function runsIt(role: MemberRole | null | undefined): boolean {
  return role === 'CONVENER' || role === 'CORE';
}

export const INVITATION_STATES: Record<InvitationState, { text: string; colour: TagColour }> = {
  PENDING: { text: 'Waiting for an answer', colour: 'yellow' },
  ACCEPTED: { text: 'Accepted', colour: 'green' },
  DECLINED: { text: 'Declined', colour: 'grey' },
  EXPIRED: { text: 'Expired', colour: 'red' },
};

export const REQUEST_STATUS: Record<string, { text: string; colour: TagColour }> = {
  PENDING: { text: 'Waiting for a decision', colour: 'yellow' },
  APPROVED: { text: 'Approved', colour: 'green' },
  DECLINED: { text: 'Declined', colour: 'grey' },
};

/** The six start-up steps of FAQ 10, in the seed's order, with its descriptions. */
export const STEPS: Array<{ step: StartupStep; slug: string; title: string; description: string }> = [
  {
    step: 'DEVELOP_DOMAIN',
    slug: 'develop-the-domain',
    title: 'Develop the domain',
    description: 'Create an initial sense of the domain definition. The core group will do more of this together.',
  },
  {
    step: 'MAP_MEMBERS',
    slug: 'map-community-members',
    title: 'Map community members',
    description: 'Consider the people you want and need as an initial, core group. This will not be the final membership.',
  },
  {
    step: 'INVITATION',
    slug: 'invitation',
    title: 'Invitation',
    description: 'Craft a brief invitation to the core community to meet together.',
  },
  {
    step: 'INITIAL_CONVERSATION',
    slug: 'initial-conversation',
    title: 'Initial conversation: domain definition and plan',
    description:
      'Co-develop a shared definition and understanding of the domain. Create a plan for how to work together and what to work on going forward.',
  },
  {
    step: 'ROLES',
    slug: 'roles-and-responsibilities',
    title: 'Roles and responsibilities',
    description:
      'Consider the needs of the community (meeting agendas, communication, facilitation and so on). Agree on how to handle these.',
  },
  {
    step: 'DEFINE_COMMUNITY',
    slug: 'define-the-community',
    title: 'Define the community',
    description: 'Consider others you would like to invite into the community.',
  },
];

export function stepInfo(step: StartupStep) {
  return STEPS.find((s) => s.step === step) ?? { step, slug: step.toLowerCase(), title: step, description: '' };
}

export const OWNERS: Record<StepOwner, string> = {
  CONVENER: 'Convener',
  CONVENER_AND_CORE: 'Convener and core group',
  CORE: 'Core group',
};

/** Whether this role may mark the step done or reopen it (SPEC §4; the server decides). */
export function canWorkOnStep(owner: StepOwner, role: MemberRole | null | undefined, stage: CommunityStage): boolean {
  if (!runsIt(role) || stage === 'CLOSED') return false;
  if (stage !== 'FORMING') return true;
  return owner === 'CONVENER' ? role === 'CONVENER' : true;
}

/** "Medication safety" → "medication safety", leaving "NHS …" and other acronyms alone. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * A gentle first draft of an invitation, in the spirit of FAQ 10's "The Invitation":
 * hospitality and peerness. The person sending it makes it their own.
 */
export function invitationTemplate(community: string, domain: string, sender: string): string {
  return [
    'Hello,',
    '',
    `We are starting a community of practice, ${community}, for people who care about ${lowerFirst(domain)}. I thought of you because I think this matters to you too, and I would value your experience.`,
    '',
    'It is a place for peers: we share what has worked and what has not, the struggles behind our learning as well as the successes, and we help each other. Nobody is an expert here and nobody is judged.',
    '',
    'We are planning a first conversation to shape what the community is about and how we will work together. Would you like to join us? There is no obligation: come if it feels right for you.',
    '',
    'With warm wishes,',
    sender,
  ].join('\n');
}

export const STAGE_VALUES: CommunityStage[] = ['FORMING', 'ACTIVE', 'DORMANT', 'CLOSED'];

export const STAGE_HINTS: Record<CommunityStage, string> = {
  FORMING: 'The conveners and core group are getting it started.',
  ACTIVE: 'The community meets and shares its practice.',
  DORMANT: 'Resting for now; it can become active again.',
  CLOSED: 'It has ended. Nothing about it can change any more, and nobody can join.',
};

/**
 * The stages a community can move to from where it is (SPEC §4: forming → active → dormant →
 * closed; dormant can become active again; closed is final). The server decides.
 */
export function nextStages(from: CommunityStage): CommunityStage[] {
  switch (from) {
    case 'FORMING':
      return ['ACTIVE', 'CLOSED'];
    case 'ACTIVE':
      return ['DORMANT', 'CLOSED'];
    case 'DORMANT':
      return ['ACTIVE', 'CLOSED'];
    default:
      return [];
  }
}
