// The parts of a call the programme team can change, each on its own page (EditCallView).

/** The parts of a call that have their own "Change" page, in the order the call page lists them. */
export const CALL_PARTS = {
  title: { label: 'Title', field: 'title' },
  description: { label: 'Description', field: 'description' },
  opens: { label: 'Opens', field: 'opensAt' },
  closes: { label: 'Closes', field: 'closesAt' },
  decision: { label: 'Everyone told by', field: 'decisionDueOn' },
  reviews: { label: 'Reviews due by', field: 'reviewsDueOn' },
  places: { label: 'Funded places', field: 'fundedPlaces' },
  honorarium: { label: 'Honorarium per funded domain', field: 'honorariumPence' },
  criteria: { label: 'Criteria (weight)', field: 'criteria' },
} as const;

export type CallPart = keyof typeof CALL_PARTS;

/**
 * Which parts may change where the call stands (the server's rule, so nobody is offered a
 * change it would refuse): a draft, everything; once published, the texts, an open call's
 * closing time, the due dates until the decision and the rubric (until the first review,
 * which only the server knows).
 */
export function changeableParts(status: string): CallPart[] {
  if (status === 'DRAFT') return Object.keys(CALL_PARTS) as CallPart[];
  if (status === 'DECIDED' || status === 'ARCHIVED') return ['title', 'description'];
  const dates: CallPart[] = ['decision', 'reviews', 'criteria'];
  return status === 'OPEN' ? ['title', 'description', 'closes', ...dates] : ['title', 'description', ...dates];
}
