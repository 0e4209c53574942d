import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CreateServiceClientView } from './CreateServiceClientView';
import { ServiceClientsView } from './ServiceClientsView';
import { Harness, TEST_VIEWER, mockClient } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };
const ORGS = { organisations: { totalCount: 1, nodes: [{ id: 'org-1', name: 'Riverside NHS Foundation Trust', sector: 'NHS_TRUST', nhsMember: true }] } };
const CLIENT = {
  id: 'sc-1',
  name: 'Quality dashboard',
  clientId: 'cnv_abc123',
  scopes: ['read:communities'],
  organisation: { id: 'org-1', name: 'Riverside NHS Foundation Trust' },
};

describe('CreateServiceClientView', () => {
  it('shows the secret once, with a warning, and never again after leaving', async () => {
    const mock = mockClient({
      Organisations: () => ({ data: ORGS }),
      CreateServiceClient: () => ({ data: { createServiceClient: { clientSecret: 's3cr3t-only-once-0123456789', client: CLIENT } } }),
      ServiceClients: () => ({
        data: { serviceClients: { totalCount: 1, nodes: [{ ...CLIENT, createdAt: '2026-11-26T09:00:00Z', lastTokenAt: null, revokedAt: null }] } },
      }),
    });
    render(
      <Harness
        client={mock.client}
        path="/admin/partners/new"
        route="/admin/partners/new"
        viewer={TEAM}
        extraRoutes={{ '/admin/partners': <ServiceClientsView /> }}
      >
        <CreateServiceClientView />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Create the client' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#name', '#organisationId', '#scopes']);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Quality dashboard' } });
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'org-1' } });
    fireEvent.click(screen.getByLabelText('Read communities (read:communities)'));
    fireEvent.click(screen.getByRole('button', { name: 'Create the client' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Partner client created' })).toBeTruthy();
    expect((screen.getByLabelText('Client secret') as HTMLInputElement).value).toBe('s3cr3t-only-once-0123456789');
    expect((screen.getByLabelText('Client secret') as HTMLInputElement).readOnly).toBe(true);
    expect(screen.getByText(/This is the only time you will see the client secret/)).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'CreateServiceClient')?.variables).toEqual({
      input: { name: 'Quality dashboard', organisationId: 'org-1', scopes: ['read:communities'] },
    });

    fireEvent.click(screen.getByRole('link', { name: /back to partner systems/ }));
    const row = (await screen.findByText('cnv_abc123')).closest('tr')!;
    expect(row.textContent).toContain('Quality dashboard');
    expect(document.body.textContent).not.toContain('s3cr3t-only-once');
  });
});
