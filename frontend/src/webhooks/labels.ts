/** The events a partner system may subscribe to (SPEC §6), in the order the server lists them. */
export const EVENTS: Record<string, { text: string; hint: string }> = {
  'application.submitted': { text: 'Application submitted', hint: 'A lead submits an application to a call.' },
  'selection.decided': { text: 'Selection decided', hint: 'The panel’s chair records the decision on a call.' },
  'outcome.sent': { text: 'Outcome sent', hint: 'Applicants and co-leads are told their outcome.' },
  'community.created': { text: 'Community created', hint: 'A community in the public directory is started.' },
  'community.domain_agreed': { text: 'Domain definition agreed', hint: 'A listed community agrees its domain definition.' },
  'meeting.scheduled': { text: 'Meeting scheduled', hint: 'A listed community schedules a meeting.' },
  'practice.published': { text: 'Practice published', hint: 'A promising practice is published to the library.' },
};

export const EVENT_VALUES = Object.keys(EVENTS);

/** "Application submitted (application.submitted)": the checkbox label. */
export function eventLabel(event: string): string {
  return `${EVENTS[event]?.text ?? event} (${event})`;
}

export const DELIVERY_STATES: Record<string, { text: string; colour: 'green' | 'red' | 'yellow' }> = {
  DELIVERED: { text: 'Delivered', colour: 'green' },
  FAILED: { text: 'Failed', colour: 'red' },
  PENDING: { text: 'Pending', colour: 'yellow' },
};
