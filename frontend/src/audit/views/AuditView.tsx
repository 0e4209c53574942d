import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AuditLogQuery } from '../queries';
import {
  AUDIT_PAGE,
  auditFiltersFrom,
  auditPage,
  auditSearchParams,
  auditVariables,
  checkAuditFilters,
  isAuditFiltered,
  nextAuditPage,
  previousAuditPage,
  type AuditFilters,
} from '../filters';
import { fieldLabel } from '../changes';
import { ChangeDetails } from '../components/ChangeDetails';
import { Pagination } from '../../practices/components/Pagination';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Select, TextInput } from '../../ui/fields';
import { formatDateTime, plural } from '../../ui/format';
import { fieldError, problemsFrom, unprefixed } from '../../ui/problems';
import { useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { auditUrl } from '../../urls';

/** "APPLICATION_SUBMITTED" or "application.submitted" → "Application submitted". */
export function actionLabel(action: string): string {
  return fieldLabel(action.replace(/\./g, ' ').toLowerCase());
}

/** /admin/audit: who changed what and when, filtered in the URL, a page at a time. */
export function AuditView() {
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersFrom(params);
  const urlProblems = checkAuditFilters(filters);
  const [form, setForm] = useState<AuditFilters>(filters);
  const { problems, setProblems } = useFormProblems();
  const key = params.toString();
  useEffect(() => {
    setForm(auditFiltersFrom(new URLSearchParams(key)));
    setProblems([]);
  }, [key]);

  const [{ data, fetching, error }] = useQuery({ query: AuditLogQuery, variables: auditVariables(params), requestPolicy: 'cache-and-network' });
  const shown = problems.length ? problems : urlProblems.length ? urlProblems : unprefixed(problemsFrom(error), 'filter.');
  const page = auditPage(params);
  usePageTitle(page > 1 ? `Audit trail (page ${page})` : 'Audit trail', shown.length > 0);

  const log = data?.auditLog;
  const entries = log?.nodes ?? [];
  const types = data?.auditEntityTypes ?? [];
  const people = data?.people.nodes ?? [];
  const filtered = isAuditFiltered(params);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = checkAuditFilters(form);
    setProblems(local);
    if (local.length === 0) setParams(auditSearchParams(form));
  };
  const set = (k: keyof AuditFilters) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const next = log?.pageInfo.hasNextPage && log.pageInfo.endCursor ? `?${nextAuditPage(params, log.pageInfo.endCursor).toString()}` : null;
  const previous = page > 1 && log?.pageInfo.startCursor ? `?${previousAuditPage(params, log.pageInfo.startCursor).toString()}` : null;
  const firstShown = (page - 1) * AUDIT_PAGE + 1;

  return (
    <>
      <ErrorSummary problems={shown} />
      <h1 className="nhsuk-heading-l">Audit trail</h1>
      <p className="nhsuk-body">Every change made in Convene: who made it, when, and what it was before and after. Newest first.</p>

      <form onSubmit={onSubmit} noValidate aria-label="Filter the audit trail" className="convene-filters">
        <h2 className="nhsuk-heading-s">Filter the entries</h2>
        <div className="convene-filters__fields">
          <Select
            id="entityType"
            label="Type of record"
            value={form.entityType}
            onChange={set('entityType')}
            error={fieldError(shown, 'entityType')}
            placeholder="All types"
            options={types.map((t) => ({ value: t, label: fieldLabel(t) }))}
          />
          <Select
            id="actorId"
            label="Changed by"
            value={form.actorId}
            onChange={set('actorId')}
            error={fieldError(shown, 'actorId')}
            placeholder="Anyone"
            options={people.map((p) => ({ value: p.id, label: p.name }))}
          />
          <TextInput id="action" label="Action" hint="For example, update" value={form.action} onChange={set('action')} widthClass="nhsuk-input--width-10" />
        </div>
        <div className="convene-filters__fields">
          <TextInput id="from" label="From" type="date" value={form.from} onChange={set('from')} error={fieldError(shown, 'from')} />
          <TextInput id="to" label="To" type="date" value={form.to} onChange={set('to')} error={fieldError(shown, 'to')} />
          <TextInput
            id="entityId"
            label="Record ID"
            value={form.entityId}
            onChange={set('entityId')}
            error={fieldError(shown, 'entityId')}
            spellCheck={false}
            widthClass="nhsuk-input--width-20"
          />
        </div>
        <div className="convene-actions">
          <Button variant="secondary">Apply filters</Button>
          {filtered && (
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to="/admin/audit">Clear filters</Link>
            </p>
          )}
        </div>
      </form>

      {fetching && !data ? (
        <Loading />
      ) : log ? (
        <>
          <p className="nhsuk-body" role="status">
            {log.totalCount === 0
              ? 'No entries found.'
              : entries.length === log.totalCount
                ? plural(log.totalCount, 'entry', 'entries')
                : `Entries ${firstShown} to ${firstShown + entries.length - 1} of ${log.totalCount}`}
          </p>
          {entries.length > 0 && (
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Audit entries, newest first</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">
                    When (UK time)
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Who
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Record
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Action
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {entries.map((e) => (
                  <tr className="nhsuk-table__row" key={e.id}>
                    <td className="nhsuk-table__cell">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </td>
                    <td className="nhsuk-table__cell">{e.actor?.name ?? 'The system'}</td>
                    <td className="nhsuk-table__cell">
                      {fieldLabel(e.entityType)}
                      {e.entityLabel ? `: ${e.entityLabel}` : ''}
                      <br />
                      <Link className="nhsuk-body-s" to={auditUrl(e.entityId)}>
                        History<span className="nhsuk-u-visually-hidden"> of {e.entityLabel ?? `this ${fieldLabel(e.entityType).toLowerCase()}`}</span>
                      </Link>
                    </td>
                    <td className="nhsuk-table__cell">{actionLabel(e.action)}</td>
                    <td className="nhsuk-table__cell">
                      <ChangeDetails id={e.id} before={e.before} after={e.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination previous={previous} next={next} page={page} />
        </>
      ) : null}
    </>
  );
}
