import type {
  ApplicationStatus,
  CallStatus,
  CoLeadState,
  CommunityOrigin,
  DomainStatus,
  HonorariumPolicy,
  PaymentRoute,
  PaymentStatus,
  Role,
  Sector,
} from '../graphql/graphql';
import type { TagColour } from './fields';

const SECTORS: Record<Sector, string> = {
  NHS_TRUST: 'NHS trust',
  PRIMARY_CARE: 'primary care',
  COMMISSIONER: 'commissioner',
  LOCAL_AUTHORITY: 'local authority',
  ACADEMIC: 'academic',
  INDUSTRY: 'industry',
  THIRD_SECTOR: 'third sector',
  NETWORK: 'network',
};

export const SECTOR_VALUES = Object.keys(SECTORS) as Sector[];

export function sectorLabel(s: Sector | string): string {
  return SECTORS[s as Sector] ?? s.toLowerCase().replace(/_/g, ' ');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function sectorTitle(s: Sector | string): string {
  const l = sectorLabel(s);
  return l.startsWith('NHS') ? l : capitalise(l);
}

export const APPLICATION_STATUS: Record<ApplicationStatus, { text: string; colour: TagColour }> = {
  DRAFT: { text: 'Draft', colour: 'grey' },
  SUBMITTED: { text: 'Submitted', colour: 'blue' },
  WITHDRAWN: { text: 'Withdrawn', colour: 'orange' },
  FUNDED: { text: 'Funded', colour: 'green' },
  NOT_FUNDED: { text: 'Not funded', colour: 'red' },
};

export function applicationStatus(s: ApplicationStatus | string) {
  return APPLICATION_STATUS[s as ApplicationStatus] ?? { text: capitalise(s.toLowerCase().replace(/_/g, ' ')), colour: 'grey' as TagColour };
}

export const CALL_STATUS: Record<CallStatus, { text: string; colour: TagColour }> = {
  DRAFT: { text: 'Draft', colour: 'grey' },
  OPEN: { text: 'Open', colour: 'green' },
  CLOSED: { text: 'Closed', colour: 'orange' },
  IN_REVIEW: { text: 'In review', colour: 'blue' },
  DECIDED: { text: 'Decided', colour: 'purple' },
  ARCHIVED: { text: 'Archived', colour: 'white' },
};

export function callStatus(s: CallStatus | string) {
  return CALL_STATUS[s as CallStatus] ?? { text: capitalise(s.toLowerCase().replace(/_/g, ' ')), colour: 'grey' as TagColour };
}

export const CO_LEAD_STATE: Record<CoLeadState, { text: string; colour: TagColour }> = {
  INVITED: { text: 'Invited', colour: 'yellow' },
  ACCEPTED: { text: 'Accepted', colour: 'green' },
  DECLINED: { text: 'Declined', colour: 'red' },
};

export function coLeadState(s: CoLeadState | string) {
  return CO_LEAD_STATE[s as CoLeadState] ?? { text: capitalise(s.toLowerCase()), colour: 'grey' as TagColour };
}

export const DOMAIN_STATUS: Record<DomainStatus, { text: string; colour: TagColour }> = {
  PROPOSED: { text: 'Proposed', colour: 'yellow' },
  ACCEPTED: { text: 'Accepted', colour: 'green' },
  MERGED: { text: 'Merged', colour: 'grey' },
};

export function domainStatus(s: DomainStatus | string) {
  return DOMAIN_STATUS[s as DomainStatus] ?? { text: capitalise(s.toLowerCase()), colour: 'grey' as TagColour };
}

export const POLICY: Record<HonorariumPolicy, string> = {
  REDISTRIBUTE: 'Redistribute: eligible co-leads share the whole honorarium',
  FORFEIT: 'Forfeit: the share of industry and third-sector co-leads is not paid',
};

export const ROLES: Record<Role, string> = {
  PROGRAMME_TEAM: 'Programme team',
  PANEL: 'Panel member',
  COACH: 'Coach',
};

export function roleLabel(r: Role | string): string {
  return ROLES[r as Role] ?? capitalise(r.toLowerCase().replace(/_/g, ' '));
}

export const PAYMENT_STATUS: Record<PaymentStatus, { text: string; colour: TagColour }> = {
  PROPOSED: { text: 'Proposed', colour: 'yellow' },
  APPROVED: { text: 'Approved', colour: 'blue' },
  PAID: { text: 'Paid', colour: 'green' },
  CANCELLED: { text: 'Cancelled', colour: 'grey' },
};

export function paymentStatus(s: PaymentStatus | string) {
  return PAYMENT_STATUS[s as PaymentStatus] ?? { text: capitalise(s.toLowerCase()), colour: 'grey' as TagColour };
}

export const PAYMENT_ROUTE: Record<PaymentRoute, string> = {
  EMPLOYER: 'Through their employer',
  PERSON: 'To the person',
};

export const COMMUNITY_ORIGIN: Record<CommunityOrigin, string> = {
  FUNDED_APPLICATION: 'A funded application',
  UNFUNDED_APPLICATION: 'An application that was not funded',
  SELF_ORGANISED: 'Started by its members',
};
