import type { ApplicationFieldsFragment } from '../graphql/graphql';

export function applicationFixture(overrides: Partial<ApplicationFieldsFragment> = {}): ApplicationFieldsFragment {
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
    ...overrides,
  };
}
