import type { ApplicationFieldsFragment } from '../graphql/graphql';
import { applicationDomainUrl, checkAnswersUrl, coLeadsUrl, questionUrl, sponsorUrl } from '../urls';

export type TextField =
  | 'motivation'
  | 'domainSketch'
  | 'memberMap'
  | 'invitationDraft'
  | 'firstMeeting'
  | 'hopedForChange'
  | 'supportWanted';

export interface Question {
  field: TextField;
  slug: string;
  title: string;
  /** Short name for the check-your-answers page. */
  short: string;
  hint: string;
}

/** The seven text questions, one page each, in this order. */
export const QUESTIONS: Question[] = [
  {
    field: 'motivation',
    slug: 'motivation',
    title: 'Why do you care about this domain?',
    short: 'Why you care about this domain',
    hint: 'Tell us what draws you to this area of patient safety. Passion and energy matter more than job title.',
  },
  {
    field: 'domainSketch',
    slug: 'domain-sketch',
    title: 'A first sketch of the domain',
    short: 'First sketch of the domain',
    hint: 'What is the shared concern at the heart of the community? What is in and out of scope? It will change as the community forms.',
  },
  {
    field: 'memberMap',
    slug: 'member-map',
    title: 'Who would you invite first?',
    short: 'Who you would invite first',
    hint: 'The people you want and need, beyond your usual circle: who has an interest, who should have one, who brings resources, authority or expertise.',
  },
  {
    field: 'invitationDraft',
    slug: 'invitation',
    title: 'Your draft invitation',
    short: 'Draft invitation',
    hint: 'A warm, peer-to-peer message inviting people to join. Joining is always optional.',
  },
  {
    field: 'firstMeeting',
    slug: 'first-meeting',
    title: 'The first meeting you have in mind',
    short: 'First meeting',
    hint: 'When, where or how, who would come, and what you would talk about.',
  },
  {
    field: 'hopedForChange',
    slug: 'hoped-for-change',
    title: 'The change in patient safety you hope for',
    short: 'Change you hope for',
    hint: 'What would be different for patients if the community succeeds?',
  },
  {
    field: 'supportWanted',
    slug: 'support',
    title: 'The support you want from the network',
    short: 'Support you want',
    hint: 'For example, coaching on meeting design, help with an intranet page, or admin help.',
  },
];

export function questionBySlug(slug: string | undefined): Question | undefined {
  return QUESTIONS.find((q) => q.slug === slug);
}

export function questionByField(field: string): Question | undefined {
  return QUESTIONS.find((q) => q.field === field);
}

export type Application = ApplicationFieldsFragment;

/** The pages of the application, in order. */
export function pagePaths(id: string): string[] {
  return [
    applicationDomainUrl(id),
    sponsorUrl(id),
    ...QUESTIONS.map((q) => questionUrl(id, q.slug)),
    coLeadsUrl(id),
    checkAnswersUrl(id),
  ];
}

/** Where "Continue" goes: back to check your answers when the person came from there. */
export function nextPath(id: string, current: string, search: string): string {
  if (new URLSearchParams(search).get('returnTo') === 'check') return checkAnswersUrl(id);
  const pages = pagePaths(id);
  const i = pages.indexOf(current);
  return pages[i + 1] ?? checkAnswersUrl(id);
}

export function previousPath(id: string, current: string, search: string): string {
  if (new URLSearchParams(search).get('returnTo') === 'check') return checkAnswersUrl(id);
  const pages = pagePaths(id);
  const i = pages.indexOf(current);
  return i > 0 ? pages[i - 1]! : '/applications';
}

/** Where the person fixes the problem the server reported for a field. */
export function pathForField(id: string, field: string): string {
  const q = questionByField(field);
  if (q) return `${questionUrl(id, q.slug)}?returnTo=check#${q.field}`;
  if (field === 'coLeads' || field === 'email') return coLeadsUrl(id);
  if (field === 'domainId') return `${applicationDomainUrl(id)}?returnTo=check#domainId`;
  if (field === 'sponsorOrganisationId') return `${sponsorUrl(id)}?returnTo=check#sponsorOrganisationId`;
  return `#${field}`;
}

export function isEditable(app: Pick<Application, 'status' | 'viewerIsLead'>): boolean {
  return app.status === 'DRAFT' && app.viewerIsLead;
}
