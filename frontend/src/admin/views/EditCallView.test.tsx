import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { EditCallView } from './EditCallView';
import { changeableParts } from '../callParts';
import { Harness, TEST_VIEWER, mockClient, validationError } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

const CALL = {
  id: 'call-1',
  title: 'Call for Conveners 2026',
  description: 'The first round.',
  status: 'OPEN',
  opensAt: '2026-06-01T08:00:00Z',
  closesAt: '2026-07-31T16:30:00Z',
  decisionDueOn: '2026-09-08',
  reviewsDueOn: null,
  fundedPlaces: 5,
  honorariumPence: 450000,
  budgetPence: 2250000,
  honorariumPolicy: 'REDISTRIBUTE',
  reviewersPerApplication: 3,
  rankBy: 'WEIGHTED',
  criteria: [
    { id: 'c1', name: 'Passion and energy for the domain', weight: 2 },
    { id: 'c2', name: 'A workable plan', weight: 1 },
  ],
  applications: { totalCount: 0, nodes: [] },
};

function renderPart(part: string, update: (input: Record<string, unknown>) => ReturnType<typeof validationError> | null) {
  const mock = mockClient({
    AdminCall: () => ({ data: { call: CALL } }),
    UpdateCall: ({ input }) => {
      const error = update(input as Record<string, unknown>);
      return error ? { error } : { data: { updateCall: { call: { ...CALL, ...(input as object) } } } };
    },
  });
  render(
    <Harness
      client={mock.client}
      path={`/admin/calls/call-1/change/${part}`}
      route="/admin/calls/:id/change/:part"
      viewer={TEAM}
      extraRoutes={{ '/admin/calls/:id': <p>Back on the call page</p> }}
    >
      <EditCallView />
    </Harness>,
  );
  return mock;
}

describe('changeableParts', () => {
  it('offers what the call’s stage allows', () => {
    expect(changeableParts('DRAFT')).toContain('places');
    expect(changeableParts('OPEN')).toEqual(['title', 'description', 'closes', 'decision', 'reviews', 'criteria']);
    expect(changeableParts('CLOSED')).not.toContain('closes');
    expect(changeableParts('DECIDED')).toEqual(['title', 'description']);
  });
});

describe('EditCallView', () => {
  it('fills in the closing time on a UK clock and sends only that part', async () => {
    const mock = renderPart('closes', () => null);
    const date = (await screen.findByLabelText('Date')) as HTMLInputElement;
    expect(date.value).toBe('2026-07-31');
    expect((screen.getByLabelText('Time') as HTMLInputElement).value).toBe('17:30');
    expect(screen.getByText(/Everyone with an application in it will be e-mailed/)).toBeTruthy();
    fireEvent.change(date, { target: { value: '2026-08-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and return' }));
    expect(await screen.findByText('Back on the call page')).toBeTruthy();
    expect(mock.calls.filter((c) => c.name === 'UpdateCall').map((c) => c.variables)).toEqual([
      { input: { callId: 'call-1', closesAt: '2026-08-14T16:30:00Z' } },
    ]);
  });

  it('shows the server’s refusal beside the field it names', async () => {
    renderPart('criteria', () => validationError([{ field: 'criteria', message: 'The scoring criteria cannot change once a review has been submitted' }]));
    const first = (await screen.findByLabelText('Criterion 1')) as HTMLInputElement;
    expect(first.value).toBe('Passion and energy for the domain');
    fireEvent.change(first, { target: { value: 'Passion' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and return' }));
    const messages = await screen.findAllByText('The scoring criteria cannot change once a review has been submitted');
    expect(messages.length).toBeGreaterThan(0);
    expect(screen.queryByText('Back on the call page')).toBeNull();
  });

  it('checks a date before sending it', async () => {
    const mock = renderPart('reviews', () => null);
    const input = (await screen.findByLabelText(/Reviews due by of/)) as HTMLInputElement;
    expect(input.value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Save and return' }));
    expect((await screen.findAllByText('Enter a real date')).length).toBeGreaterThan(0);
    expect(mock.calls.some((c) => c.name === 'UpdateCall')).toBe(false);
  });
});
