import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within, waitFor } from '@testing-library/react';
import { OrganisationsView } from './OrganisationsView';
import { Harness, TEST_VIEWER, mockClient, validationError, type Handler } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

const ORGS = {
  organisations: {
    totalCount: 2,
    nodes: [
      { id: 'org-1', name: 'Riverside NHS Foundation Trust', sector: 'NHS_TRUST', nhsMember: true, nhsMemberChangedOn: '2025-04-01' },
      { id: 'org-2', name: 'Hillside Primary Care Network', sector: 'PRIMARY_CARE', nhsMember: false, nhsMemberChangedOn: null },
    ],
  },
};

function renderPage(handlers: Record<string, Handler>) {
  const mock = mockClient({ AdminOrganisations: () => ({ data: ORGS }), ...handlers });
  render(
    <Harness client={mock.client} path="/admin/organisations" route="/admin/organisations" viewer={TEAM}>
      <OrganisationsView />
    </Harness>,
  );
  return mock;
}

const row = (name: string) => screen.getAllByRole('row').find((r) => r.textContent?.includes(name))!;

describe('OrganisationsView', () => {
  it('sends setOrganisationNhsMember with the opposite of the current membership', async () => {
    const mock = renderPage({
      SetOrganisationNhsMember: ({ input }) => {
        const { organisationId, nhsMember } = input as { organisationId: string; nhsMember: boolean };
        return { data: { setOrganisationNhsMember: { organisation: { id: organisationId, nhsMember, nhsMemberChangedOn: '2026-11-26' } } } };
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Organisations' });
    const hillside = row('Hillside Primary Care Network');
    expect(within(hillside).getByText('Not a member')).toBeTruthy();
    expect(within(row('Riverside NHS Foundation Trust')).getByText('since 1 April 2025')).toBeTruthy();

    fireEvent.click(within(hillside).getByRole('button', { name: /^Mark as member/ }));
    expect((await screen.findByRole('status')).textContent).toBe('Hillside Primary Care Network is now an NHS member of the network.');

    fireEvent.click(within(row('Riverside NHS Foundation Trust')).getByRole('button', { name: /^Remove membership/ }));
    // The status line is already there with the first message: wait for it to change.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Riverside NHS Foundation Trust is no longer an NHS member of the network.'));

    expect(mock.calls.filter((c) => c.name === 'SetOrganisationNhsMember').map((c) => c.variables)).toEqual([
      { input: { organisationId: 'org-2', nhsMember: true } },
      { input: { organisationId: 'org-1', nhsMember: false } },
    ]);
  });

  it('shows a refusal in the error summary and no confirmation', async () => {
    renderPage({ SetOrganisationNhsMember: () => ({ error: validationError([{ field: 'nhsMember', message: 'Industry cannot be an NHS member' }]) }) });
    await screen.findByRole('heading', { level: 1, name: 'Organisations' });
    fireEvent.click(within(row('Hillside Primary Care Network')).getByRole('button', { name: /^Mark as member/ }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Industry cannot be an NHS member')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('adds an organisation with its sector and membership', async () => {
    const mock = renderPage({
      CreateOrganisation: () => ({
        data: { createOrganisation: { organisation: { id: 'org-3', name: 'Eastside Community NHS Trust', sector: 'NHS_TRUST', nhsMember: true } } },
      }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Organisations' });
    fireEvent.click(screen.getByRole('button', { name: 'Add organisation' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#name', '#sector', '#nhsMember']);
    expect(mock.calls.some((c) => c.name === 'CreateOrganisation')).toBe(false);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' Eastside Community NHS Trust ' } });
    fireEvent.change(screen.getByLabelText('Sector'), { target: { value: 'NHS_TRUST' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add organisation' }));
    expect((await screen.findByRole('status')).textContent).toBe('Added Eastside Community NHS Trust.');
    expect(mock.calls.find((c) => c.name === 'CreateOrganisation')?.variables).toEqual({
      input: { name: 'Eastside Community NHS Trust', sector: 'NHS_TRUST', nhsMember: true },
    });
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });
});
