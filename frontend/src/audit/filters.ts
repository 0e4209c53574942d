/** The audit trail's filters and paging ↔ the URL query string. */
import { isIsoDate } from '../ui/format';
import type { Problem } from '../ui/problems';

export const AUDIT_PAGE = 20;

export interface AuditFilters {
  entityType: string;
  actorId: string;
  action: string;
  from: string;
  to: string;
  entityId: string;
}

const KEYS: Array<keyof AuditFilters> = ['entityType', 'actorId', 'action', 'from', 'to', 'entityId'];

export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const f = {} as AuditFilters;
  for (const k of KEYS) f[k] = (params.get(k) ?? '').trim();
  return f;
}

export function isAuditFiltered(params: URLSearchParams): boolean {
  return KEYS.some((k) => !!(params.get(k) ?? '').trim());
}

export function checkAuditFilters(f: AuditFilters): Problem[] {
  const problems: Problem[] = [];
  if (f.from && !isIsoDate(f.from)) problems.push({ field: 'from', message: 'Enter a real date for the start of the period' });
  if (f.to && !isIsoDate(f.to)) problems.push({ field: 'to', message: 'Enter a real date for the end of the period' });
  if (problems.length === 0 && f.from && f.to && f.from > f.to) {
    problems.push({ field: 'to', message: 'The end of the period must be the same as or after the start' });
  }
  return problems;
}

/** A new search: the filters that are set, from the first page. */
export function auditSearchParams(f: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of KEYS) if (f[k].trim()) params.set(k, f[k].trim());
  return params;
}

/** The variables of the AuditLog query for an /admin/audit URL. */
export function auditVariables(params: URLSearchParams, size = AUDIT_PAGE) {
  const f = auditFiltersFrom(params);
  const datesOk = checkAuditFilters(f).length === 0;
  const filter: { entityType?: string; actorId?: string; action?: string; from?: string; to?: string } = {};
  if (f.entityType) filter.entityType = f.entityType;
  if (f.actorId) filter.actorId = f.actorId;
  if (f.action) filter.action = f.action;
  if (datesOk && f.from) filter.from = f.from;
  if (datesOk && f.to) filter.to = f.to;
  const before = params.get('before');
  const after = params.get('after');
  return {
    entityId: f.entityId || null,
    filter: Object.keys(filter).length ? filter : null,
    ...(before ? { last: size, before, first: null, after: null } : { first: size, after: after || null, last: null, before: null }),
  };
}

/** The page number kept in the URL (1 when absent). */
export function auditPage(params: URLSearchParams): number {
  const n = Number(params.get('page') ?? '1');
  return Number.isInteger(n) && n > 1 ? n : 1;
}

export function nextAuditPage(params: URLSearchParams, endCursor: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('before');
  next.set('after', endCursor);
  next.set('page', String(auditPage(params) + 1));
  return next;
}

export function previousAuditPage(params: URLSearchParams, startCursor: string): URLSearchParams {
  const prev = new URLSearchParams(params);
  prev.delete('after');
  const page = auditPage(params) - 1;
  if (page <= 1) {
    prev.delete('before');
    prev.delete('page');
  } else {
    prev.set('before', startCursor);
    prev.set('page', String(page));
  }
  return prev;
}
