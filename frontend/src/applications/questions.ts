import type { ApplicationFieldsFragment } from '../graphql/graphql';
import { applicationDomainUrl, checkAnswersUrl, coLeadsUrl, questionUrl, sponsorUrl } from '../urls';

export type Application = ApplicationFieldsFragment;

/** One of the call's questions with the application's answer to it. */
export type Answer = Application['answers'][number];
export type Question = Answer['question'];

/** The call's questions, in order, each with its answer so far. */
type Paged = Pick<Application, 'id' | 'answers'>;

export function answerByKey(app: Pick<Application, 'answers'>, key: string | undefined): Answer | undefined {
  return app.answers.find((a) => a.question.key === key);
}

/** Words as the server counts them: runs of non-space characters. */
export function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

/** The pages of the application, in order: one per question of the call. */
export function pagePaths(app: Paged): string[] {
  return [
    applicationDomainUrl(app.id),
    sponsorUrl(app.id),
    ...app.answers.map((a) => questionUrl(app.id, a.question.key)),
    coLeadsUrl(app.id),
    checkAnswersUrl(app.id),
  ];
}

/** Where "Continue" goes: back to check your answers when the person came from there. */
export function nextPath(app: Paged, current: string, search: string): string {
  if (new URLSearchParams(search).get('returnTo') === 'check') return checkAnswersUrl(app.id);
  const pages = pagePaths(app);
  const i = pages.indexOf(current);
  return pages[i + 1] ?? checkAnswersUrl(app.id);
}

export function previousPath(app: Paged, current: string, search: string): string {
  if (new URLSearchParams(search).get('returnTo') === 'check') return checkAnswersUrl(app.id);
  const pages = pagePaths(app);
  const i = pages.indexOf(current);
  return i > 0 ? pages[i - 1]! : '/applications';
}

/** Where the person fixes the problem the server reported for a field (a question's key). */
export function pathForField(app: Paged, field: string): string {
  const a = answerByKey(app, field);
  if (a) return `${questionUrl(app.id, a.question.key)}?returnTo=check#${a.question.key}`;
  if (field === 'coLeads' || field === 'email') return coLeadsUrl(app.id);
  if (field === 'domainId') return `${applicationDomainUrl(app.id)}?returnTo=check#domainId`;
  if (field === 'sponsorOrganisationId') return `${sponsorUrl(app.id)}?returnTo=check#sponsorOrganisationId`;
  return `#${field}`;
}

export function isEditable(app: Pick<Application, 'status' | 'viewerIsLead'>): boolean {
  return app.status === 'DRAFT' && app.viewerIsLead;
}
