import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { DomainView } from './DomainView';
import { Harness, TEST_VIEWER, mockClient, validationError, type Handler } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

interface Row {
  id: string;
  name: string;
  description: string;
  status: string;
  mergedInto: { id: string; name: string } | null;
}

function catalogue(): Row[] {
  return [
    { id: 'd1', name: 'Sepsis in the community', description: 'Spotting sepsis early.', status: 'PROPOSED', mergedInto: null },
    { id: 'd2', name: 'Deteriorating patient', description: 'Recognising and responding.', status: 'ACCEPTED', mergedInto: null },
    { id: 'd3', name: 'Medication safety', description: 'Safer prescribing.', status: 'ACCEPTED', mergedInto: null },
    { id: 'd4', name: 'Early warning scores', description: '', status: 'MERGED', mergedInto: { id: 'd2', name: 'Deteriorating patient' } },
    { id: 'd5', name: 'Falls', description: '', status: 'PROPOSED', mergedInto: null },
  ];
}

/** A fake server that remembers what the mutations did, so the refetch after each one sees it. */
function server(overrides: Record<string, Handler> = {}) {
  const domains = catalogue();
  const byId = (id: unknown) => domains.find((d) => d.id === id)!;
  return mockClient({
    AdminDomains: () => ({ data: { domains: { totalCount: domains.length, nodes: domains.map((d) => ({ ...d })) } } }),
    AcceptDomain: ({ input }) => {
      const d = byId((input as { domainId: string }).domainId);
      d.status = 'ACCEPTED';
      return { data: { acceptDomain: { domain: { id: d.id, name: d.name, status: d.status } } } };
    },
    MergeDomain: ({ input }) => {
      const { domainId, intoDomainId } = input as { domainId: string; intoDomainId: string };
      const d = byId(domainId);
      const into = byId(intoDomainId);
      d.status = 'MERGED';
      d.mergedInto = { id: into.id, name: into.name };
      return { data: { mergeDomain: { domain: { id: d.id, name: d.name, status: d.status, mergedInto: d.mergedInto } } } };
    },
    ...overrides,
  });
}

function renderDomain(mock: ReturnType<typeof mockClient>, id = 'd1') {
  render(
    <Harness client={mock.client} path={`/admin/domains/${id}`} route="/admin/domains/:id" viewer={TEAM}>
      <DomainView />
    </Harness>,
  );
}

describe('DomainView', () => {
  it('accepts a proposed domain and says so once the page shows it accepted', async () => {
    const mock = server();
    renderDomain(mock);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sepsis in the community' })).toBeTruthy();
    expect(screen.getByText('Proposed')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Accept this domain' }));

    expect(await screen.findByText('Accepted')).toBeTruthy();
    // The confirmation outlives the refreshed domain.
    expect(screen.getByRole('status').textContent).toBe('Domain accepted.');
    expect(screen.queryByRole('button', { name: 'Accept this domain' })).toBeNull();
    expect(mock.calls.filter((c) => c.name === 'AcceptDomain').map((c) => c.variables)).toEqual([{ input: { domainId: 'd1' } }]);
    expect(mock.calls.filter((c) => c.name === 'AdminDomains').length).toBeGreaterThan(1);
  });

  it('merges only into an accepted domain, asking for one first', async () => {
    const mock = server();
    renderDomain(mock);
    const select = await screen.findByLabelText('Domain to merge into');
    // Not itself, not another proposed one, not one already merged away.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Select a domain',
      'Deteriorating patient',
      'Medication safety',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Merge domain' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Select the domain to merge into' }).getAttribute('href')).toBe('#intoDomainId');
    expect(mock.calls.some((c) => c.name === 'MergeDomain')).toBe(false);

    fireEvent.change(select, { target: { value: 'd3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge domain' }));

    expect(await screen.findByText('Merged')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Domain merged.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/into Medication safety/)).toBeTruthy();
    // A merged domain cannot be renamed or merged again.
    expect(screen.queryByRole('button', { name: 'Merge domain' })).toBeNull();
    expect(mock.calls.filter((c) => c.name === 'MergeDomain').map((c) => c.variables)).toEqual([
      { input: { domainId: 'd1', intoDomainId: 'd3' } },
    ]);
  });

  it("shows the server's refusal and leaves the domain as it was", async () => {
    const mock = server({
      MergeDomain: () => ({ error: validationError([{ field: 'intoDomainId', message: 'You cannot merge into a merged domain' }]) }),
    });
    renderDomain(mock);
    fireEvent.change(await screen.findByLabelText('Domain to merge into'), { target: { value: 'd2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge domain' }));
    const link = within(await screen.findByRole('alert')).getByRole('link', { name: 'You cannot merge into a merged domain' });
    expect(link.getAttribute('href')).toBe('#intoDomainId');
    expect(document.getElementById('intoDomainId-error')?.textContent).toContain('You cannot merge into a merged domain');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('Proposed')).toBeTruthy();
  });
});
