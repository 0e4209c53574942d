import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PeopleView } from './PeopleView';
import { Harness, TEST_VIEWER, mockClient, type Handler } from '../../test/mockClient';
import { CombinedError } from '@urql/core';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

const PEOPLE = {
  people: {
    totalCount: 2,
    nodes: [
      {
        id: 'p1',
        name: 'Priya Raman',
        email: 'priya@example.nhs.uk',
        profession: null,
        roles: ['PROGRAMME_TEAM', 'PANEL'],
        organisation: { id: 'org-1', name: 'Riverside NHS Foundation Trust' },
      },
      {
        id: 'p2',
        name: 'Grace Hopper',
        email: 'grace@example.nhs.uk',
        profession: 'Pharmacist',
        roles: [],
        organisation: { id: 'org-2', name: 'Hillside Primary Care Network' },
      },
    ],
  },
};

function renderPage(handlers: Record<string, Handler>) {
  const mock = mockClient({ AdminPeople: () => ({ data: PEOPLE }), ...handlers });
  render(
    <Harness client={mock.client} path="/admin/people" route="/admin/people" viewer={TEAM}>
      <PeopleView />
    </Harness>,
  );
  return mock;
}

const row = (name: string) => screen.getAllByRole('row').find((r) => r.textContent?.includes(name))!;

const grantRole: Handler = ({ input }) => {
  const { personId, role } = input as { personId: string; role: string };
  return { data: { grantRole: { person: { id: personId, roles: [role] } } } };
};

describe('PeopleView', () => {
  it('sends grantRole with the person and the role chosen for them', async () => {
    const mock = renderPage({ GrantRole: grantRole });
    await screen.findByRole('heading', { level: 1, name: 'People' });
    const grace = row('Grace Hopper');
    expect(within(grace).getByText('None')).toBeTruthy();
    expect(within(grace).getByText('Pharmacist')).toBeTruthy();

    const select = screen.getByLabelText('Role to grant to Grace Hopper');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Programme team', 'Panel member', 'Coach']);
    fireEvent.change(select, { target: { value: 'COACH' } });
    fireEvent.click(within(grace).getByRole('button', { name: /^Grant\s*role to Grace Hopper$/ }));

    expect((await screen.findByRole('status')).textContent).toBe('Grace Hopper is now: coach.');
    expect(mock.calls.filter((c) => c.name === 'GrantRole').map((c) => c.variables)).toEqual([{ input: { personId: 'p2', role: 'COACH' } }]);
  });

  it('grants a panel place unless another role is chosen, and revokes a role held', async () => {
    const mock = renderPage({
      GrantRole: grantRole,
      RevokeRole: ({ input }) => ({ data: { revokeRole: { person: { id: (input as { personId: string }).personId, roles: [] } } } }),
    });
    await screen.findByRole('heading', { level: 1, name: 'People' });
    fireEvent.click(within(row('Grace Hopper')).getByRole('button', { name: /^Grant/ }));
    expect((await screen.findByRole('status')).textContent).toBe('Grace Hopper is now: panel member.');

    const priya = row('Priya Raman');
    fireEvent.click(within(priya).getByRole('button', { name: /^Revoke\s*Panel member from Priya Raman$/ }));
    // the status already holds Grace's message: wait for it to change, not for it to exist
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Priya Raman is no longer: panel member.'));

    expect(mock.calls.filter((c) => c.name === 'GrantRole' || c.name === 'RevokeRole').map((c) => [c.name, c.variables])).toEqual([
      ['GrantRole', { input: { personId: 'p2', role: 'PANEL' } }],
      ['RevokeRole', { input: { personId: 'p1', role: 'PANEL' } }],
    ]);
  });

  it('says when the server refuses', async () => {
    renderPage({
      GrantRole: () => ({ error: new CombinedError({ graphQLErrors: [{ message: '', extensions: { code: 'FORBIDDEN' } }] }) }),
    });
    await screen.findByRole('heading', { level: 1, name: 'People' });
    fireEvent.click(within(row('Grace Hopper')).getByRole('button', { name: /^Grant/ }));
    expect(within(await screen.findByRole('alert')).getByText('You do not have permission to do that.')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
