import type { ExchangeVisibility, PracticeStatus, PromisingVisibility } from '../graphql/graphql';
import type { TagColour } from '../ui/fields';

export const STATUSES: Record<PracticeStatus, { text: string; colour: TagColour; hint: string }> = {
  PROPOSED: { text: 'Proposed', colour: 'blue', hint: 'A member has proposed it; the community has not started on it yet.' },
  EXPLORING: { text: 'Exploring', colour: 'yellow', hint: 'The community is trying it and sharing its experience.' },
  EXPLORED: { text: 'Explored', colour: 'green', hint: 'The community has finished exploring it.' },
};

export function statusTag(s: PracticeStatus) {
  return STATUSES[s] ?? { text: s, colour: 'grey' as TagColour, hint: '' };
}

/** The one step a practice can move on to (SPEC §5: proposed → exploring → explored). */
export function nextStatus(s: PracticeStatus): PracticeStatus | null {
  if (s === 'PROPOSED') return 'EXPLORING';
  if (s === 'EXPLORING') return 'EXPLORED';
  return null;
}

export const NEXT_STATUS_ACTION: Record<PracticeStatus, string> = {
  PROPOSED: 'Start exploring this practice',
  EXPLORING: 'Mark as explored',
  EXPLORED: '',
};

export const VISIBILITIES: Record<ExchangeVisibility, { text: string; hint: string; tag: string; colour: TagColour }> = {
  COMMUNITY: {
    text: 'Only members of this community',
    hint: 'The safest choice. People outside the community will not see it.',
    tag: 'Community only',
    colour: 'grey',
  },
  NETWORK: {
    text: 'Anyone signed in to Convene',
    hint: 'Members of other communities across the network can read it and learn from it.',
    tag: 'Network',
    colour: 'blue',
  },
  PUBLIC: {
    text: 'Anyone, including the public',
    hint: 'Anyone on the internet can read it, without signing in.',
    tag: 'Public',
    colour: 'purple',
  },
};

export const VISIBILITY_VALUES: ExchangeVisibility[] = ['COMMUNITY', 'NETWORK', 'PUBLIC'];

export function visibilityLabel(v: ExchangeVisibility) {
  return VISIBILITIES[v] ?? { text: v, hint: '', tag: v, colour: 'grey' as TagColour };
}

export const ANONYMOUS_LABEL = 'Anonymous to other members';
export const ANONYMOUS_HINT =
  'Your name will not be shown to anyone else, in the community or beyond. You will still see that you shared it, and can change this later. The conveners cannot see who wrote it either.';
export const ANONYMOUS_MEMBER = 'Anonymous member';

export const PROMISING_VISIBILITIES: Record<PromisingVisibility, { text: string; hint: string }> = {
  NETWORK: {
    text: 'Anyone signed in to Convene',
    hint: 'It appears in the library for people signed in across the network.',
  },
  PUBLIC: {
    text: 'Anyone, including the public',
    hint: 'Anyone can find it in the library and read it, without signing in.',
  },
};

export const PROMISING_VISIBILITY_VALUES: PromisingVisibility[] = ['NETWORK', 'PUBLIC'];

/** FAQ 10's six sections of an exchange, in order, with the API's field names. */
export const SECTIONS = [
  { field: 'technical', title: 'Technical aspects', hint: 'What you did: the steps, tools, forms and systems.' },
  { field: 'cultural', title: 'Cultural aspects', hint: 'How people felt and behaved, and what changed in the way the team works.' },
  { field: 'challenges', title: 'The challenges', hint: 'What got in the way.' },
  { field: 'barriersOvercome', title: 'How barriers were overcome', hint: 'What helped you get past them.' },
  { field: 'missing', title: 'What is missing', hint: 'What you still need, or have not worked out yet.' },
  { field: 'helpNeeded', title: 'Help and support needed', hint: 'What your peers or the network could do to help.' },
] as const;

export type SectionField = (typeof SECTIONS)[number]['field'];

/** The minutes of a protocol's prompts added up (ignoring blanks and nonsense while editing). */
export function totalMinutes(prompts: ReadonlyArray<{ minutes: number | string }>): number {
  return prompts.reduce((sum, p) => {
    const n = typeof p.minutes === 'number' ? p.minutes : Number.parseInt(p.minutes, 10);
    return Number.isFinite(n) && n > 0 ? sum + Math.trunc(n) : sum;
  }, 0);
}

/** 5 → "5 minutes", 1 → "1 minute", 75 → "1 hour 15 minutes". */
export function formatMinutes(minutes: number): string {
  const m = (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'}`;
  if (minutes < 60) return m(minutes);
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hours = `${h} ${h === 1 ? 'hour' : 'hours'}`;
  return rest ? `${hours} ${m(rest)}` : hours;
}

/** "handover, skin inspection" → ["handover", "skin inspection"]. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}
