import type {
  CommunityFunctionKind,
  MemberMapTag,
  PlanNeedKind,
  SupportRequestKind,
  SupportRequestStatus,
} from '../graphql/graphql';
import type { TagColour } from '../ui/fields';
import { formatDate } from '../ui/format';

/** The member map's tags (SPEC §4), in the order the form offers them. */
export const MAP_TAGS: Record<MemberMapTag, { text: string; colour: TagColour }> = {
  HAS_INTEREST: { text: 'Has an interest', colour: 'green' },
  SHOULD_HAVE_INTEREST: { text: 'Should have an interest', colour: 'aqua-green' },
  NEEDED_FOR_RESOURCES: { text: 'Needed for resources', colour: 'blue' },
  NEEDED_FOR_AUTHORITY: { text: 'Needed for authority', colour: 'purple' },
  NEEDED_FOR_EXPERTISE: { text: 'Needed for expertise', colour: 'pink' },
  NEEDS_DEVELOPMENT: { text: 'Needs development', colour: 'orange' },
};

export const MAP_TAG_VALUES = Object.keys(MAP_TAGS) as MemberMapTag[];

export function mapTag(t: MemberMapTag | string): { text: string; colour: TagColour } {
  return MAP_TAGS[t as MemberMapTag] ?? { text: t.charAt(0) + t.slice(1).toLowerCase().replace(/_/g, ' '), colour: 'grey' };
}

/** Tags in the form's order, whatever order they came in. */
export function sortTags(tags: readonly MemberMapTag[]): MemberMapTag[] {
  return [...tags].sort((a, b) => MAP_TAG_VALUES.indexOf(a) - MAP_TAG_VALUES.indexOf(b));
}

/** How many organisations, professions and sectors a group of people spans. */
export interface Reach {
  organisations: number;
  professions: number;
  sectors: number;
}

export interface ReachRow {
  what: string;
  map: number;
  members: number;
  /** How many more the map would reach than the membership does today (never negative). */
  beyond: number;
}

/** The reach of the map beside the reach of the membership, one row per measure. */
export function reachRows(map: Reach, members: Reach): ReachRow[] {
  const row = (what: string, k: keyof Reach): ReachRow => ({
    what,
    map: map[k],
    members: members[k],
    beyond: Math.max(0, map[k] - members[k]),
  });
  return [row('Organisations', 'organisations'), row('Professions', 'professions'), row('Sectors', 'sectors')];
}

export const FUNCTION_KINDS: Record<CommunityFunctionKind, { text: string; hint: string }> = {
  AGENDA: { text: 'Agenda', hint: 'Gathers items and sends the agenda before each meeting.' },
  NOTE_TAKING: { text: 'Note-taking', hint: 'Writes up what was said and agreed.' },
  COMMUNICATION: { text: 'Communication', hint: 'Keeps members in touch between meetings.' },
  FACILITATION: { text: 'Facilitation', hint: 'Guides the conversation so everyone is heard.' },
  INTRANET_POSTING: { text: 'Intranet posting', hint: 'Posts the community’s news and documents on the intranet.' },
  OTHER: { text: 'A function of your own', hint: 'Give it a name.' },
};

export const FUNCTION_KIND_VALUES = Object.keys(FUNCTION_KINDS) as CommunityFunctionKind[];

/** "From 3 December 2026", "From 3 December 2026 to 2 January 2027". */
export function functionPeriod(p: { from: string; until?: string | null }): string {
  return p.until ? `From ${formatDate(p.from)} to ${formatDate(p.until)}` : `From ${formatDate(p.from)}`;
}

export const NEED_KINDS: Record<PlanNeedKind, string> = {
  INFORMATION: 'Information',
  RESEARCH: 'Research',
  EXPERTISE: 'Expertise',
};

export const NEED_KIND_VALUES = Object.keys(NEED_KINDS) as PlanNeedKind[];

export const SUPPORT_KINDS: Record<SupportRequestKind, { text: string; hint: string }> = {
  MEETING_DESIGN: { text: 'Meeting design', hint: 'A coach helps you design how your meetings work.' },
  INTRANET_PRESENCE: { text: 'Intranet presence', hint: 'Help to set up and keep your place on the intranet.' },
  ADMIN: { text: 'Admin help', hint: 'Rooms, invitations, mailing and the like.' },
  OTHER: { text: 'Something else', hint: 'Tell us what you need.' },
};

export const SUPPORT_KIND_VALUES = Object.keys(SUPPORT_KINDS) as SupportRequestKind[];

export const SUPPORT_STATUS: Record<SupportRequestStatus, { text: string; colour: TagColour }> = {
  OPEN: { text: 'Open', colour: 'yellow' },
  ASSIGNED: { text: 'Assigned', colour: 'blue' },
  IN_PROGRESS: { text: 'In progress', colour: 'purple' },
  CLOSED: { text: 'Closed', colour: 'grey' },
};

export const SUPPORT_STATUS_VALUES: SupportRequestStatus[] = ['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'CLOSED'];

export function supportStatus(s: SupportRequestStatus | string) {
  return SUPPORT_STATUS[s as SupportRequestStatus] ?? { text: s, colour: 'grey' as TagColour };
}

/** The statuses a request may move to from where it is (the server decides). */
export function nextSupportStatuses(from: SupportRequestStatus): SupportRequestStatus[] {
  switch (from) {
    case 'ASSIGNED':
      return ['IN_PROGRESS', 'CLOSED'];
    case 'OPEN':
    case 'IN_PROGRESS':
      return ['CLOSED'];
    default:
      return [];
  }
}

export const ANONYMOUS_EXPLANATION =
  'Your name is hidden from everyone else, including the conveners and the programme team.';

/** Who wrote a post or a reply, as the board shows it. */
export function authorLine(p: { anonymous: boolean; viewerIsAuthor: boolean; author?: { name: string } | null }): string {
  if (p.viewerIsAuthor) return p.anonymous ? 'You posted this anonymously' : 'You posted this';
  if (p.anonymous || !p.author) return 'Anonymous member';
  return p.author.name;
}
