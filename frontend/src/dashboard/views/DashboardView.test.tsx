import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { DashboardView } from './DashboardView';
import { csvFilename, csvPath, checkFilters, dashboardFilter, filtersFrom } from '../filters';
import { Harness, TEST_VIEWER, mockClient } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

const call = { id: 'call-1', title: 'Call for Conveners 2026' };
const older = { id: 'call-0', title: 'Call for Conveners 2025' };

const DASHBOARD = {
  applicationsByDomain: [
    { key: 'dom-1', label: 'Medication safety', count: 4 },
    { key: 'dom-2', label: 'Sepsis', count: 2 },
  ],
  applicationsBySector: [
    { key: 'NHS_TRUST', label: 'NHS trust', count: 5 },
    { key: 'PRIMARY_CARE', label: 'Primary care', count: 1 },
  ],
  applicationsByStatus: [
    { key: 'SUBMITTED', label: 'Submitted', count: 5 },
    { key: 'DRAFT', label: 'Draft', count: 1 },
  ],
  reviewProgress: [
    { panelMember: { id: 'p-1', name: 'Tom Okafor' }, call, assigned: 4, submitted: 3, conflicts: 1, overdue: 1 },
    { panelMember: { id: 'p-2', name: 'Grace Lindqvist' }, call, assigned: 4, submitted: 4, conflicts: 0, overdue: 0 },
  ],
  reviewsOverdue: 1,
  decisions: [{ call: older, decidedAt: '2025-09-01T15:00:00Z', funded: 5, notFunded: 7 }],
  outcomesPending: [
    { call: older, decisionDueOn: '2025-09-08', daysUntilDecisionDue: -3, pending: 2, overdue: true },
    { call, decisionDueOn: '2026-12-08', daysUntilDecisionDue: 12, pending: 6, overdue: false },
  ],
  communitiesByStage: [
    { key: 'FORMING', label: 'Forming', count: 2 },
    { key: 'ACTIVE', label: 'Active', count: 3 },
  ],
  startupProgress: [
    { step: 'DEVELOP_DOMAIN', done: 4, notDone: 1 },
    { step: 'MAP_MEMBERS', done: 2, notDone: 3 },
  ],
  communityReach: [
    {
      community: { id: 'com-1', name: 'Safer discharge network' },
      stage: 'ACTIVE',
      reach: { members: 12, organisations: 6, professions: 5, sectors: 3 },
    },
  ],
  networkReach: { members: 30, organisations: 10, professions: 9, sectors: 5 },
  meetings: { held: 8, scheduled: 3, cancelled: 1, attendances: 64, averageAttendance: 8 },
  exchangesByVisibility: [
    { key: 'COMMUNITY', label: 'Community', count: 5 },
    { key: 'NETWORK', label: 'Network', count: 2 },
  ],
  promisingPractices: 3,
  honoraria: [{ call: older, budgetPence: 2500000, committedPence: 2000000, paidPence: 500000 }],
};

function ShowLocation() {
  const l = useLocation();
  return <p data-testid="location">{`${l.pathname}${l.search}`}</p>;
}

function renderDashboard(path: string, dashboard = DASHBOARD) {
  const mock = mockClient({
    ProgrammeDashboard: () => ({ data: { calls: { nodes: [call, older] }, programmeDashboard: dashboard } }),
  });
  render(
    <Harness client={mock.client} path={path} route="/admin/dashboard" viewer={TEAM}>
      <DashboardView />
      <ShowLocation />
    </Harness>,
  );
  return mock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('dashboard filters', () => {
  it('reads the filters from the URL and builds the CSV addresses with them', () => {
    const f = filtersFrom(new URLSearchParams('callId=call-1&from=2026-04-01&to=2026-09-30'));
    expect(dashboardFilter(f)).toEqual({ callId: 'call-1', from: '2026-04-01', to: '2026-09-30' });
    expect(csvPath('honoraria', f)).toBe('/exports/dashboard/honoraria.csv?callId=call-1&from=2026-04-01&to=2026-09-30');
    expect(csvFilename('honoraria', f)).toBe('dashboard-honoraria-2026-04-01-to-2026-09-30.csv');
    const none = filtersFrom(new URLSearchParams(''));
    expect(dashboardFilter(none)).toBeNull();
    expect(csvPath('meetings', none)).toBe('/exports/dashboard/meetings.csv');
    expect(checkFilters({ callId: '', from: '2026-09-30', to: '2026-04-01' })).toEqual([
      { field: 'to', message: 'The end of the period must be the same as or after the start' },
    ]);
    expect(checkFilters({ callId: '', from: '2026-02-30', to: '' })).toEqual([{ field: 'from', message: 'Enter a real date for the start of the period' }]);
  });
});

describe('DashboardView', () => {
  it('asks for the figures with the URL’s filters, in one query, and shows each chart’s numbers in a table', async () => {
    const mock = renderDashboard('/admin/dashboard?callId=call-1&from=2026-04-01&to=2026-09-30');
    expect(await screen.findByRole('heading', { level: 1, name: 'Programme dashboard' })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Applications per domain' });
    expect(mock.calls.map((c) => c.name)).toEqual(['ProgrammeDashboard']);
    expect(mock.calls[0]!.variables).toEqual({ filter: { callId: 'call-1', from: '2026-04-01', to: '2026-09-30' } });
    expect((screen.getByLabelText('Call') as HTMLSelectElement).value).toBe('call-1');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-04-01');
    expect(screen.getByRole('status').textContent).toBe('Showing Call for Conveners 2026, from 1 April 2026 to 30 September 2026.');

    // The chart: a text title, role="img" and a summary in words.
    const chart = screen.getByRole('img', { name: 'Bar chart of applications per domain: Medication safety 4, Sepsis 2.' });
    expect(chart.closest('figure')?.querySelector('figcaption')?.textContent).toBe('Number of applications in each domain');
    // …and its numbers in a real table behind "Show the numbers as a table".
    const table = screen.getByRole('table', { name: 'Applications per domain' });
    expect(table.closest('details')?.querySelector('summary')?.textContent).toContain('Show the numbers as a table');
    const rows = within(table).getAllByRole('row').map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Domain', 'Number'],
      ['Medication safety', '4'],
      ['Sepsis', '2'],
      ['Total', '6'],
    ]);
    expect(screen.getByRole('img', { name: /^Stacked bar chart of reviews per panel member: Tom Okafor 3 of 4 submitted/ })).toBeTruthy();
    // Reviews past their due date: a warning at the top and a column in the table.
    expect(screen.getByText(/1 review is past the date reviews were due/)).toBeTruthy();
    const progress = within(screen.getByRole('table', { name: 'Review progress per panel member' })).getAllByRole('row');
    expect(Array.from(progress[0]!.children).map((c) => c.textContent)).toContain('Overdue');
    expect(Array.from(progress[1]!.children).map((c) => c.textContent).at(-1)).toBe('1');
    expect(screen.getByRole('img', { name: /Call for Conveners 2025, £20,000 committed and £5,000 paid of a £25,000 budget/ })).toBeTruthy();
    const money = within(screen.getByRole('table', { name: 'Honoraria per call' })).getAllByRole('row')[1]!;
    expect(Array.from(money.children).map((c) => c.textContent)).toEqual(['Call for Conveners 2025', '£25,000', '£20,000', '£5,000', '£5,000']);

    // Every table has its CSV.
    const csvButtons = screen.getAllByRole('button', { name: /^Download CSV/ });
    expect(csvButtons).toHaveLength(12);
  });

  it('highlights outcomes overdue against the decision-due date in words, not colour alone', async () => {
    renderDashboard('/admin/dashboard');
    const table = await screen.findByRole('table', { name: 'Outcomes pending per call' });
    const [, late, onTime] = within(table).getAllByRole('row');
    expect(late!.className).toContain('convene-row--overdue');
    expect(late!.textContent).toContain('Overdue 3 days past the date');
    expect(onTime!.className).not.toContain('convene-row--overdue');
    expect(onTime!.textContent).toContain('Due in 12 days');
    expect(screen.getByText('Outcomes overdue')).toBeTruthy();
    expect(screen.getByText(/Call for Conveners 2025: 2 people not told by 8 September 2025/)).toBeTruthy();
  });

  it('keeps the filters in the URL and checks the period', async () => {
    const mock = renderDashboard('/admin/dashboard');
    await screen.findByRole('heading', { level: 2, name: 'Applications per domain' });
    fireEvent.change(screen.getByLabelText('Call'), { target: { value: 'call-0' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-09-30' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-04-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The end of the period must be the same as or after the start' }).getAttribute('href')).toBe('#to');
    expect(document.title).toBe('Error: Programme dashboard – Convene');
    expect(screen.getByTestId('location').textContent).toBe('/admin/dashboard');

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/dashboard?callId=call-0&from=2026-09-30&to=2026-12-31'));
    await waitFor(() =>
      expect(mock.calls.at(-1)?.variables).toEqual({ filter: { callId: 'call-0', from: '2026-09-30', to: '2026-12-31' } }),
    );
    expect(screen.queryByText('There is a problem')).toBeNull();
    expect(screen.getByRole('link', { name: 'Clear filters' }).getAttribute('href')).toBe('/admin/dashboard');
  });

  it('downloads a table’s CSV with the access token and the page’s filters', async () => {
    localStorage.setItem('convene.accessToken', 'token-1');
    const fetchMock = vi.fn(async () => new Response('Domain,Applications\nSepsis,2\n', { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:csv');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderDashboard('/admin/dashboard?callId=call-1&from=2026-04-01');
    fireEvent.click(await screen.findByRole('button', { name: /^Download CSV\s*of applications per domain$/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/exports/dashboard/applications-by-domain.csv?callId=call-1&from=2026-04-01');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer token-1');
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('dashboard-applications-by-domain-2026-04-01-to-now.csv');
  });

  it('says so when there is nothing to count, and still offers the CSV', async () => {
    renderDashboard('/admin/dashboard', {
      ...DASHBOARD,
      applicationsByDomain: [],
      outcomesPending: [],
      honoraria: [],
    });
    expect(await screen.findByText('No outcomes are pending.')).toBeTruthy();
    expect(screen.getByText('No honoraria yet.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Applications per domain' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Download CSV\s*of applications per domain$/ })).toBeTruthy();
    expect(screen.queryByText('Outcomes overdue')).toBeNull();
  });
});
