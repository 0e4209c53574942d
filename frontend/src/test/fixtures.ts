import type { ApplicationFieldsFragment } from '../graphql/graphql';

type Question = ApplicationFieldsFragment['answers'][number]['question'];

const text = (key: string, title: string, hint: string): Question => ({
  key,
  title,
  hint,
  kind: 'TEXT',
  wordLimit: 1000,
  choices: [],
  required: true,
});

/** The server's default set, as `Call.questions` gives it. */
export const DEFAULT_QUESTIONS: Question[] = [
  text('motivation', 'Why do you care about this domain?', 'Tell us what draws you to this area of patient safety.'),
  text('domainSketch', 'A first sketch of the domain', 'What is the shared concern at the heart of the community?'),
  text('memberMap', 'Who would you invite first?', 'The people you want and need, beyond your usual circle.'),
  text('invitationDraft', 'Your draft invitation', 'A warm, peer-to-peer message inviting people to join.'),
  text('firstMeeting', 'The first meeting you have in mind', 'When, where or how, who would come.'),
  text('hopedForChange', 'The change in patient safety you hope for', 'What would be different for patients?'),
  text('supportWanted', 'The support you want from the network', 'For example, coaching on meeting design.'),
];

/** An application to a call with the default set; `answers` follows the named fields unless given. */
export function applicationFixture(overrides: Partial<ApplicationFieldsFragment> = {}): ApplicationFieldsFragment {
  const app = named(overrides);
  const byKey = app as unknown as Record<string, string>;
  return {
    ...app,
    answers: overrides.answers ?? DEFAULT_QUESTIONS.map((question) => ({ question, value: byKey[question.key] ?? '' })),
  };
}

function named(overrides: Partial<ApplicationFieldsFragment>): ApplicationFieldsFragment {
  return {
    id: 'app-1',
    status: 'DRAFT',
    viewerIsLead: true,
    viewerIsInvited: false,
    submittedAt: null,
    withdrawnAt: null,
    updatedAt: '2026-07-01T10:00:00Z',
    call: {
      id: 'call-1',
      title: 'Call for Conveners 2026',
      status: 'OPEN',
      closesAt: '2026-07-31T16:30:00Z',
      decisionDueOn: '2026-09-08',
      acceptingApplications: true,
    },
    domain: { id: 'dom-1', name: 'Medication safety', status: 'ACCEPTED' },
    lead: { id: 'person-1', name: 'Ada Lovelace' },
    leadOrganisation: { id: 'org-1', name: "St Elsewhere's NHS Foundation Trust" },
    sponsor: null,
    motivation: 'I have seen too many dosing errors on night shifts.',
    domainSketch: 'Safer prescribing and administration across wards.',
    memberMap: 'Pharmacists, ward nurses, a patient representative.',
    invitationDraft: 'Dear colleague, would you join us?',
    firstMeeting: 'A lunchtime meeting in the education centre.',
    hopedForChange: 'Fewer omitted doses.',
    supportWanted: '',
    coLeads: [
      {
        email: 'grace@example.nhs.uk',
        state: 'ACCEPTED',
        accepted: true,
        person: { id: 'person-2', name: 'Grace Hopper' },
        organisation: { id: 'org-2', name: 'Riverside Primary Care Network' },
      },
    ],
    answers: [],
    ...overrides,
  };
}
