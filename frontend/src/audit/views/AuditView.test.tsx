import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import type { Client } from '@urql/core';
import { concat, fromValue, never } from 'wonka';
import { AuditView, actionLabel } from './AuditView';
import { auditVariables, nextAuditPage, previousAuditPage } from '../filters';
import { changeRows, fieldLabel } from '../changes';
import { Harness, TEST_VIEWER, mockClient, validationError } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

const ENTRIES = [
  {
    id: 'audit-2',
    at: '2026-07-01T16:30:00Z',
    action: 'update',
    entityType: 'community',
    entityId: 'com-1',
    entityLabel: 'Safer discharge network',
    before: JSON.stringify({ name: 'Safer discharge', stage: 'FORMING', listed: true }),
    after: JSON.stringify({ name: 'Safer discharge network', stage: 'ACTIVE', listed: true }),
    actor: { id: 'team-1', name: 'Priya Raman' },
  },
  {
    id: 'audit-1',
    at: '2026-01-15T09:05:00Z',
    action: 'create',
    entityType: 'call',
    entityId: 'call-1',
    entityLabel: null,
    before: null,
    after: 'not json',
    actor: null,
  },
];

function ShowLocation() {
  const l = useLocation();
  return <p data-testid="location">{`${l.pathname}${l.search}`}</p>;
}

function renderAudit(path: string, { total = 2, hasNextPage = false } = {}) {
  const mock = mockClient({
    AuditLog: () => ({
      data: {
        auditEntityTypes: ['application', 'call', 'community'],
        people: { nodes: [{ id: 'team-1', name: 'Priya Raman' }, { id: 'p-2', name: 'Tom Okafor' }] },
        auditLog: {
          totalCount: total,
          pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: 'c-start', endCursor: 'c-end' },
          nodes: ENTRIES,
        },
      },
    }),
  });
  render(
    <Harness client={mock.client} path={path} route="/admin/audit" viewer={TEAM}>
      <AuditView />
      <ShowLocation />
    </Harness>,
  );
  return mock;
}

describe('audit helpers', () => {
  it('turns the URL into the query’s variables and pages with the cursors', () => {
    const params = new URLSearchParams('entityType=community&actorId=team-1&action=update&from=2026-01-01&to=2026-12-31&entityId=com-1');
    expect(auditVariables(params)).toEqual({
      entityId: 'com-1',
      filter: { entityType: 'community', actorId: 'team-1', action: 'update', from: '2026-01-01', to: '2026-12-31' },
      first: 20,
      after: null,
      last: null,
      before: null,
    });
    const page2 = nextAuditPage(new URLSearchParams('entityType=call'), 'c-end');
    expect(page2.toString()).toBe('entityType=call&after=c-end&page=2');
    const page3 = nextAuditPage(page2, 'c-end-2');
    expect(auditVariables(page3)).toMatchObject({ first: 20, after: 'c-end-2' });
    const back = previousAuditPage(page3, 'c-start-3');
    expect(back.toString()).toBe('entityType=call&page=2&before=c-start-3');
    expect(auditVariables(back)).toMatchObject({ last: 20, before: 'c-start-3', first: null, after: null });
    expect(previousAuditPage(back, 'c-start-2').toString()).toBe('entityType=call');
  });

  it('shows before and after as the fields that changed', () => {
    expect(changeRows(ENTRIES[0]!.before, ENTRIES[0]!.after)).toEqual([
      { field: 'name', before: 'Safer discharge', after: 'Safer discharge network' },
      { field: 'stage', before: 'FORMING', after: 'ACTIVE' },
    ]);
    expect(changeRows(null, '{"title":"Call","places":5}')).toEqual([
      { field: 'title', before: null, after: 'Call' },
      { field: 'places', before: null, after: '5' },
    ]);
    expect(changeRows('not json', null)).toBeNull();
    expect(fieldLabel('decisionDueOn')).toBe('Decision due on');
    expect(actionLabel('APPLICATION_SUBMITTED')).toBe('Application submitted');
  });
});

describe('AuditView', () => {
  it('lists entries in UK time with who, what and the change, readably', async () => {
    const mock = renderAudit('/admin/audit?entityId=com-1');
    const table = await screen.findByRole('table', { name: 'Audit entries, newest first' });
    expect(mock.calls[0]!.variables).toMatchObject({ entityId: 'com-1', filter: null, first: 20 });
    expect((screen.getByLabelText('Record ID') as HTMLInputElement).value).toBe('com-1');
    const [, first, second] = within(table).getAllByRole('row');
    // 16:30 UTC in July is 5:30pm in London.
    expect(first!.textContent).toContain('1 July 2026 at 5:30pm');
    expect(first!.textContent).toContain('Priya Raman');
    expect(first!.textContent).toContain('Community: Safer discharge network');
    expect(first!.textContent).toContain('Update');
    const details = within(first!).getByText('2 fields').closest('details')!;
    expect(within(details).getByText('Name').closest('div')!.textContent).toBe('NameBefore: Safer dischargeAfter: Safer discharge network');
    expect(within(details).queryByText('Listed')).toBeNull();
    expect(within(first!).getByRole('link', { name: /^History\s*of Safer discharge network$/ }).getAttribute('href')).toBe('/admin/audit?entityId=com-1');
    expect(second!.textContent).toContain('15 January 2026 at 9:05am');
    expect(second!.textContent).toContain('The system');
    expect(within(second!).getByText('not json')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2 entries');
    // The entity types come from auditEntityTypes.
    const types = within(screen.getByLabelText('Type of record')).getAllByRole('option').map((o) => o.textContent);
    expect(types).toEqual(['All types', 'Application', 'Call', 'Community']);
  });

  it('keeps the filters in the URL and pages with the connection’s cursors', async () => {
    const mock = renderAudit('/admin/audit', { total: 45, hasNextPage: true });
    await screen.findByRole('table');
    expect(screen.getByRole('status').textContent).toBe('Entries 1 to 2 of 45');
    expect(screen.getByRole('link', { name: /Next/ }).getAttribute('href')).toBe('/admin/audit?after=c-end&page=2');
    expect(screen.queryByRole('link', { name: /Previous/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('Type of record'), { target: { value: 'community' } });
    fireEvent.change(screen.getByLabelText('Changed by'), { target: { value: 'p-2' } });
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'update' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-02-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'The end of the period must be the same as or after the start' }).getAttribute('href')).toBe('#to');

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/audit?entityType=community&actorId=p-2&action=update&from=2026-02-01'));
    await waitFor(() =>
      expect(mock.calls.at(-1)?.variables).toEqual({
        entityId: null,
        filter: { entityType: 'community', actorId: 'p-2', action: 'update', from: '2026-02-01' },
        first: 20,
        after: null,
        last: null,
        before: null,
      }),
    );
  });

  it('shows the server’s errors on the filter at their fields', async () => {
    // A real client's query source stays open; one that completes would clear the error.
    const client = {
      executeQuery: (operation: unknown) =>
        concat([fromValue({ operation, data: undefined, error: validationError([{ field: 'filter.actorId', message: 'This is not a valid ID' }]), stale: false, hasNext: false }), never]),
      executeMutation: () => never,
      executeSubscription: () => never,
    } as unknown as Client;
    render(
      <Harness client={client} path="/admin/audit?actorId=nobody" route="/admin/audit" viewer={TEAM}>
        <AuditView />
      </Harness>,
    );
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'This is not a valid ID' }).getAttribute('href')).toBe('#actorId');
    expect(document.getElementById('actorId-error')?.textContent).toContain('This is not a valid ID');
  });

  it('shows page numbers and the previous page after the first', async () => {
    renderAudit('/admin/audit?after=c-0&page=3', { total: 45, hasNextPage: true });
    await screen.findByRole('table');
    expect(document.title).toBe('Audit trail (page 3) – Convene');
    expect(screen.getByRole('status').textContent).toBe('Entries 41 to 42 of 45');
    expect(screen.getByRole('link', { name: /Previous/ }).getAttribute('href')).toBe('/admin/audit?page=2&before=c-start');
  });
});
