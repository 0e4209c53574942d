import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AssignmentsManager, nameApplications } from './AssignmentsManager';
import { Harness, mockClient, validationError } from '../../test/mockClient';
import type { Problem } from '../../ui/problems';
import type { CallSelectionQuery } from '../../graphql/graphql';

type Call = NonNullable<CallSelectionQuery['call']>;

function app(id: string, domain: string, lead: string) {
  return {
    rank: 1,
    weightedScore: null,
    normalisedScore: null,
    disagreement: false,
    reviewCount: 0,
    application: { id, status: 'SUBMITTED' as const, domain: { id: `d-${id}`, name: domain }, lead: { id: `p-${id}`, name: lead } },
  };
}

const CALL = {
  id: 'call-1',
  title: 'Call for Conveners 2026',
  status: 'CLOSED',
  fundedPlaces: 5,
  reviewersPerApplication: 3,
  decisionDueOn: '2026-09-08',
  daysUntilDecisionDue: 12,
  outcomesPending: 0,
  panel: [
    { chair: true, addedAt: '2026-06-01T10:00:00Z', person: { id: 'm1', name: 'Tom Okafor', email: null, organisation: { id: 'o1', name: 'Thameside ICB' } } },
    { chair: false, addedAt: '2026-06-01T10:00:00Z', person: { id: 'm2', name: 'Grace Lindqvist', email: null, organisation: { id: 'o2', name: 'Southbridge' } } },
  ],
  conflicts: [],
  assignments: [],
  ranking: [app('QXBw123', 'Sepsis', 'Dev Patel'), app('QXBw456', 'Falls prevention', 'Ben Carter')],
  allocationProposal: { funded: [], ties: [] },
  decision: null,
} as unknown as Call;

describe('AssignmentsManager', () => {
  it("replaces the server's application ids with the domain and lead", () => {
    expect(
      nameApplications('1 application cannot get 3 reviewers without a conflict of interest: QXBw123 (1 more needed).', [
        { id: 'QXBw123', domain: { name: 'Sepsis' }, lead: { name: 'Dev Patel' } },
      ]),
    ).toBe('1 application cannot get 3 reviewers without a conflict of interest: Sepsis (led by Dev Patel) (1 more needed).');
  });

  it("shows the server's explanation when reviewers cannot be assigned", async () => {
    const problems: Problem[][] = [];
    const mock = mockClient({
      AssignReviewers: () => ({
        error: validationError([
          {
            field: 'callId',
            message: '2 applications cannot get 3 reviewers without a conflict of interest: QXBw123 (1 more needed); QXBw456 (1 more needed). Add panel members and try again.',
          },
        ]),
      }),
    });
    render(
      <Harness client={mock.client} path="/" route="/">
        <AssignmentsManager call={CALL} setProblems={(p) => problems.push(p)} setMessage={() => {}} onChanged={() => {}} />
      </Harness>,
    );
    const button = screen.getByRole('button', { name: 'Assign reviewers' });
    expect(button.id).toBe('callId');
    fireEvent.click(button);
    await screen.findByRole('button', { name: 'Assign reviewers' });
    await new Promise((r) => setTimeout(r, 0));
    expect(problems.at(-1)).toEqual([
      {
        field: 'callId',
        message:
          '2 applications cannot get 3 reviewers without a conflict of interest: Sepsis (led by Dev Patel) (1 more needed); Falls prevention (led by Ben Carter) (1 more needed). Add panel members and try again.',
      },
    ]);
    expect(within(document.body).queryByRole('table')).toBeNull();
  });
});
