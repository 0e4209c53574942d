/** The dashboard's filter ↔ the URL query string, and the addresses of its CSV exports. */
import { isIsoDate } from '../ui/format';
import type { Problem } from '../ui/problems';

export interface DashboardFilters {
  callId: string;
  from: string;
  to: string;
}

/** The CSV tables of the dashboard, as the server names them under /exports/dashboard/. */
export const DASHBOARD_TABLES = [
  'applications-by-domain',
  'applications-by-sector',
  'applications-by-status',
  'review-progress',
  'decisions',
  'outcomes-pending',
  'communities-by-stage',
  'startup-progress',
  'community-reach',
  'meetings',
  'exchanges-by-visibility',
  'honoraria',
] as const;

export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export function filtersFrom(params: URLSearchParams): DashboardFilters {
  return {
    callId: (params.get('callId') ?? '').trim(),
    from: (params.get('from') ?? '').trim(),
    to: (params.get('to') ?? '').trim(),
  };
}

/** Problems with the dates, each named by its field. */
export function checkFilters(f: DashboardFilters): Problem[] {
  const problems: Problem[] = [];
  if (f.from && !isIsoDate(f.from)) problems.push({ field: 'from', message: 'Enter a real date for the start of the period' });
  if (f.to && !isIsoDate(f.to)) problems.push({ field: 'to', message: 'Enter a real date for the end of the period' });
  if (problems.length === 0 && f.from && f.to && f.from > f.to) {
    problems.push({ field: 'to', message: 'The end of the period must be the same as or after the start' });
  }
  return problems;
}

/** The URL search for a set of filters: only those that are set. */
export function searchParamsFor(f: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.callId) params.set('callId', f.callId);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  return params;
}

/** The `filter` variable of `programmeDashboard`; dates that are not real dates are left out. */
export function dashboardFilter(f: DashboardFilters): { callId?: string; from?: string; to?: string } | null {
  const filter: { callId?: string; from?: string; to?: string } = {};
  if (f.callId) filter.callId = f.callId;
  if (f.from && isIsoDate(f.from)) filter.from = f.from;
  if (f.to && isIsoDate(f.to)) filter.to = f.to;
  return Object.keys(filter).length ? filter : null;
}

/** /exports/dashboard/<table>.csv with the same filters as the page. */
export function csvPath(table: DashboardTable, f: DashboardFilters): string {
  const filter = dashboardFilter(f) ?? {};
  const query = searchParamsFor({ callId: filter.callId ?? '', from: filter.from ?? '', to: filter.to ?? '' }).toString();
  return `/exports/dashboard/${table}.csv${query ? `?${query}` : ''}`;
}

/** "dashboard-honoraria-2026-04-01-to-2026-09-30.csv" */
export function csvFilename(table: DashboardTable, f: DashboardFilters): string {
  const filter = dashboardFilter(f) ?? {};
  const period = filter.from || filter.to ? `-${filter.from ?? 'start'}-to-${filter.to ?? 'now'}` : '';
  return `dashboard-${table}${period}.csv`;
}
