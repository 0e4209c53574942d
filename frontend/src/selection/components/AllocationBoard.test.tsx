import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AllocationBoard, checkAllocation, mapDecisionProblems, type BoardEntry } from './AllocationBoard';
import { PanelCallView } from '../views/PanelCallView';
import { Harness, TEST_VIEWER, mockClient, validationError } from '../../test/mockClient';

function entry(id: string, domain: string, lead: string, rank: number, weighted: number): BoardEntry {
  return {
    applicationId: id,
    domainId: `dom-${domain}`,
    domainName: domain,
    leadName: lead,
    rank,
    weightedScore: weighted,
    normalisedScore: weighted - 3,
    disagreement: false,
  };
}

// Two applications in Medication safety, three places.
const ENTRIES = [
  entry('a1', 'Medication safety', 'Amira Haddad', 1, 4.6),
  entry('a2', 'Falls prevention', 'Ben Carter', 2, 4.2),
  entry('a3', 'Medication safety', 'Hannah Brooks', 3, 4.0),
  entry('a4', 'Sepsis', 'Dev Patel', 4, 3.1),
  entry('a5', 'Maternity safety', 'Eilidh Ross', 4, 3.1),
];
const PROPOSAL = { funded: ['a1', 'a2', 'a4'], ties: [['a4', 'a5']] };

function checks() {
  return screen.getByRole('status');
}

describe('checkAllocation', () => {
  it('counts against the places and finds two in one domain', () => {
    expect(checkAllocation(['a1', 'a2'], ENTRIES, 3)).toMatchObject({ count: 2, overPlaces: false, clashes: [], ok: true });
    const over = checkAllocation(['a1', 'a2', 'a4', 'a5'], ENTRIES, 3);
    expect(over).toMatchObject({ count: 4, overPlaces: true, ok: false });
    const clash = checkAllocation(['a1', 'a3'], ENTRIES, 3);
    expect(clash.ok).toBe(false);
    expect(clash.clashes.map((c) => [c.domainName, c.entries.map((e) => e.applicationId)])).toEqual([['Medication safety', ['a1', 'a3']]]);
  });

  it("maps the server's fundedApplicationIds.<i> to the checkbox of the i-th id sent", () => {
    const mapped = mapDecisionProblems(
      [
        { field: 'fundedApplicationIds.1', message: 'Only one application per domain can be funded' },
        { field: 'rationale', message: 'Too short' },
      ],
      ['a1', 'a3'],
      ENTRIES,
    );
    expect(mapped).toEqual([
      { field: 'fundedApplicationIds-3', message: 'Only one application per domain can be funded' },
      { field: 'rationale', message: 'Too short' },
    ]);
  });
});

describe('AllocationBoard', () => {
  it('starts from the proposal, shows ties as a warning and checks live as people tick', () => {
    render(<AllocationBoard entries={ENTRIES} places={3} proposal={PROPOSAL} mode="explore" chairName="Tom Okafor" />);
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, false, true, false]);
    expect(screen.getByRole('heading', { level: 3, name: /Ranked equal/ })).toBeTruthy();
    expect(screen.getAllByText('Ranked equal', { selector: '.nhsuk-tag' })).toHaveLength(2);
    expect(screen.getByText('Sepsis (Dev Patel) and Maternity safety (Eilidh Ross)')).toBeTruthy();
    expect(checks().textContent).toContain('3 of 3 places chosen.');
    expect(checks().textContent).toContain('At most one application in each domain.');

    // Over the places.
    fireEvent.click(screen.getByRole('checkbox', { name: /Maternity safety/ }));
    expect(checks().textContent).toContain('4 of 3 places chosen: that is 1 too many.');

    // Two in one domain.
    fireEvent.click(screen.getByRole('checkbox', { name: /Maternity safety/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Sepsis/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Hannah Brooks/ }));
    expect(checks().textContent).toContain('3 of 3 places chosen.');
    expect(checks().textContent).toContain('2 chosen in Medication safety: only one application per domain can be funded.');
    expect(screen.getAllByText('Same domain as another choice')).toHaveLength(2);

    // The team can try choices but never record the decision.
    expect(screen.queryByRole('button', { name: 'Record the decision' })).toBeNull();
    expect(screen.getByText(/Only the chair, Tom Okafor, can record the decision/)).toBeTruthy();
  });

  it('lets the chair record a valid decision only: over places and two in one domain are problems', () => {
    const onInvalid = vi.fn();
    const onDecide = vi.fn();
    render(<AllocationBoard entries={ENTRIES} places={3} proposal={PROPOSAL} mode="chair" onInvalid={onInvalid} onDecide={onDecide} />);
    const rationale = screen.getByLabelText('Rationale for the decision');
    fireEvent.change(rationale, { target: { value: 'Strongest in each domain.' } });

    fireEvent.click(screen.getByRole('checkbox', { name: /Hannah Brooks/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Record the decision' }));
    expect(onDecide).not.toHaveBeenCalled();
    expect(onInvalid).toHaveBeenLastCalledWith([
      { field: 'fundedApplicationIds', message: 'You have chosen 4 applications but this call has 3 funded places' },
      {
        field: 'fundedApplicationIds-3',
        message: 'Choose only one application in Medication safety: Amira Haddad and Hannah Brooks are both ticked',
      },
    ]);

    fireEvent.click(screen.getByRole('checkbox', { name: /Hannah Brooks/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Record the decision' }));
    expect(onDecide).toHaveBeenCalledWith(['a1', 'a2', 'a4'], 'Strongest in each domain.');
  });
});

describe('PanelCallView', () => {
  const CHAIR = { ...TEST_VIEWER, id: 'chair-1', name: 'Tom Okafor', roles: ['PANEL' as const] };
  function ranking() {
    return ENTRIES.map((e) => ({
      rank: e.rank,
      weightedScore: e.weightedScore,
      normalisedScore: e.normalisedScore,
      disagreement: e.applicationId === 'a2',
      reviewCount: 3,
      application: { id: e.applicationId, status: 'SUBMITTED' as const, domain: { id: e.domainId, name: e.domainName }, lead: { id: `p-${e.leadName}`, name: e.leadName } },
    }));
  }
  const call = {
    id: 'call-1',
    title: 'Call for Conveners 2026',
    status: 'IN_REVIEW',
    fundedPlaces: 3,
    decisionDueOn: '2026-09-08',
    rankBy: 'WEIGHTED',
    panel: [
      { chair: true, person: { id: 'chair-1', name: 'Tom Okafor' } },
      { chair: false, person: { id: 'panel-2', name: 'Grace Lindqvist' } },
    ],
    conflicts: [],
    ranking: ranking(),
    allocationProposal: { funded: PROPOSAL.funded.map((id) => ({ id })), ties: PROPOSAL.ties.map((t) => t.map((id) => ({ id }))) },
    decision: null,
  };

  it("the chair sees the server's checks in the error summary, linked to the checkbox", async () => {
    const mock = mockClient({
      PanelCall: () => ({ data: { viewer: { id: 'chair-1' }, call } }),
      RecordDecision: () => ({
        error: validationError([{ field: 'fundedApplicationIds.2', message: 'Only submitted applications of this call can be funded' }]),
      }),
    });
    render(
      <Harness client={mock.client} path="/panel/calls/call-1" route="/panel/calls/:callId" viewer={CHAIR}>
        <PanelCallView />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Record the decision' })).toBeTruthy();
    expect(within(screen.getByRole('table')).getByText('Reviewers disagree')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Rationale for the decision'), { target: { value: 'The three highest ranked, one per domain.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the decision' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Only submitted applications of this call can be funded' });
    expect(link.getAttribute('href')).toBe('#fundedApplicationIds-4');
    expect(mock.calls.find((c) => c.name === 'RecordDecision')?.variables).toEqual({
      input: { callId: 'call-1', fundedApplicationIds: ['a1', 'a2', 'a4'], rationale: 'The three highest ranked, one per domain.' },
    });
  });

  it('a panel member who is not the chair cannot record the decision', async () => {
    const mock = mockClient({ PanelCall: () => ({ data: { viewer: { id: 'panel-2' }, call } }) });
    render(
      <Harness client={mock.client} path="/panel/calls/call-1" route="/panel/calls/:callId" viewer={{ ...CHAIR, id: 'panel-2' }}>
        <PanelCallView />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Allocation' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record the decision' })).toBeNull();
    expect(screen.getAllByRole('checkbox')).toHaveLength(5);
  });
});
