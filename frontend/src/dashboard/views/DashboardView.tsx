import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ProgrammeDashboardQuery } from '../queries';
import { checkFilters, dashboardFilter, filtersFrom, searchParamsFor, type DashboardFilters } from '../filters';
import { ChartPatterns, CountBarChart, StackedBarChart } from '../components/charts';
import { FigureSection, FigureTable, headingId } from '../components/FigureSection';
import { countSummary, dueText, moneySummary, progressSummary, total } from '../summaries';
import { stageTag, stepInfo } from '../../communities/labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Select, Tag, TextInput } from '../../ui/fields';
import { formatDate, formatInstantDate, formatPence } from '../../ui/format';
import { fieldError, problemsFrom, unprefixed } from '../../ui/problems';
import { useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { ProgrammeDashboardQuery as Result } from '../../graphql/graphql';
import { adminCallUrl, communityUrl, honorariaUrl } from '../../urls';

type Dashboard = Result['programmeDashboard'];

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-xs">{label}</h3>
        <p className="convene-total__value">{value}</p>
        {note && <p className="nhsuk-body-s nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-2">{note}</p>}
      </div>
    </div>
  );
}

const SECTIONS: Array<[string, string]> = [
  [headingId('applications-by-domain'), 'Applications'],
  [headingId('review-progress'), 'Review progress'],
  [headingId('decisions'), 'Decisions'],
  [headingId('outcomes-pending'), 'Outcomes pending'],
  [headingId('communities-by-stage'), 'Communities'],
  [headingId('community-reach'), 'Reach'],
  [headingId('meetings'), 'Meetings'],
  [headingId('exchanges-by-visibility'), 'Practice exchanges'],
  [headingId('honoraria'), 'Honoraria'],
];

/** /admin/dashboard: how the collaborative is doing, from one query, filtered by call and period. */
export function DashboardView() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const urlProblems = checkFilters(filters);
  // Dates in the address that are not a period are shown as errors and not used.
  const effective: DashboardFilters = urlProblems.length ? { ...filters, from: '', to: '' } : filters;
  const [form, setForm] = useState<DashboardFilters>(filters);
  const { problems, setProblems } = useFormProblems();
  const key = params.toString();
  useEffect(() => {
    setForm(filtersFrom(new URLSearchParams(key)));
    setProblems([]);
  }, [key]);

  const [{ data, fetching, error }] = useQuery({
    query: ProgrammeDashboardQuery,
    variables: { filter: dashboardFilter(effective) },
    requestPolicy: 'cache-and-network',
  });
  const shown = problems.length ? problems : urlProblems.length ? urlProblems : error ? unprefixed(problemsFrom(error), 'filter.') : [];
  usePageTitle('Programme dashboard', shown.length > 0);

  const calls = data?.calls.nodes ?? [];
  const callTitle = calls.find((c) => c.id === effective.callId)?.title;
  const filtered = !!(filters.callId || filters.from || filters.to);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = checkFilters(form);
    setProblems(local);
    if (local.length === 0) setParams(searchParamsFor(form));
  };
  const set = (k: keyof DashboardFilters) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const period =
    effective.from && effective.to
      ? `from ${formatDate(effective.from)} to ${formatDate(effective.to)}`
      : effective.from
        ? `from ${formatDate(effective.from)}`
        : effective.to
          ? `up to ${formatDate(effective.to)}`
          : 'at any time';

  return (
    <>
      <ErrorSummary problems={shown} />
      <h1 className="nhsuk-heading-l">Programme dashboard</h1>
      <p className="nhsuk-body-l">How the collaborative is doing: applications, reviews and decisions, communities, their reach and meetings, practice exchanges and honoraria.</p>

      <form onSubmit={onSubmit} noValidate aria-label="Filter the dashboard" className="convene-filters">
        <h2 className="nhsuk-heading-s">Filter the figures</h2>
        <div className="convene-filters__fields">
          <Select
            id="callId"
            label="Call"
            value={form.callId}
            onChange={set('callId')}
            placeholder="All calls"
            options={calls.map((c) => ({ value: c.id, label: c.title }))}
          />
          <TextInput id="from" label="From" type="date" value={form.from} onChange={set('from')} error={fieldError(shown, 'from')} />
          <TextInput id="to" label="To" type="date" value={form.to} onChange={set('to')} error={fieldError(shown, 'to')} />
        </div>
        <div className="convene-actions">
          <Button variant="secondary">Apply filters</Button>
          {filtered && (
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to="/admin/dashboard">Clear filters</Link>
            </p>
          )}
        </div>
      </form>

      <p className="nhsuk-body" role="status">
        Showing {callTitle ?? 'all calls'}, {period}.
      </p>

      {fetching && !data ? <Loading /> : data ? <Figures dashboard={data.programmeDashboard} filters={effective} /> : null}
    </>
  );
}

/** A warning card at the top of the figures, linking to the table it is about. */
function Warning({ heading, table, link, children }: { heading: string; table: string; link: string; children: ReactNode }) {
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </h3>
        <p className="nhsuk-card__description">
          {children} <a href={`#${headingId(table)}`}>{link}</a>
        </p>
      </div>
    </div>
  );
}

function Figures({ dashboard: d, filters }: { dashboard: Dashboard; filters: DashboardFilters }) {
  const applications = total(d.applicationsByStatus);
  const communities = total(d.communitiesByStage);
  const committed = d.honoraria.reduce((n, h) => n + h.committedPence, 0);
  const paid = d.honoraria.reduce((n, h) => n + h.paidPence, 0);
  const budget = d.honoraria.reduce((n, h) => n + h.budgetPence, 0);
  const manyCalls = new Set(d.reviewProgress.map((r) => r.call.id)).size > 1;
  const reviewRows = d.reviewProgress.map((r) => ({
    ...r,
    label: manyCalls ? `${r.panelMember.name} (${r.call.title})` : r.panelMember.name,
  }));
  const stepRows = d.startupProgress.map((s) => ({ ...s, label: stepInfo(s.step).title }));
  const overdue = d.outcomesPending.filter((o) => o.overdue && o.pending > 0);
  const counts = (rows: Array<{ key: string; label: string; count: number }>, caption: string, header: string) => (
    <FigureTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { header, cell: (r) => r.label, rowHeader: true },
        { header: 'Number', numeric: true, cell: (r) => r.count },
      ]}
      totals={['Total', total(rows)]}
    />
  );

  return (
    <>
      <ChartPatterns />
      <nav className="nhsuk-contents-list" aria-label="On this page">
        <h2 className="nhsuk-u-visually-hidden">On this page</h2>
        <ol className="nhsuk-contents-list__list">
          {SECTIONS.map(([id, text]) => (
            <li className="nhsuk-contents-list__item" key={id}>
              <a className="nhsuk-contents-list__link" href={`#${id}`}>
                {text}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <h2 className="nhsuk-heading-m">At a glance</h2>
      <div className="convene-totals">
        <Figure label="Applications" value={String(applications)} />
        <Figure label="Communities" value={String(communities)} />
        <Figure label="Members across the network" value={String(d.networkReach.members)} note={`From ${d.networkReach.organisations} organisations`} />
        <Figure label="Meetings held" value={String(d.meetings.held)} note={`${d.meetings.attendances} attendances`} />
        <Figure label="Promising practices" value={String(d.promisingPractices)} />
        <Figure label="Honoraria paid" value={formatPence(paid)} note={`${formatPence(committed)} committed of ${formatPence(budget)}`} />
      </div>
      {overdue.length > 0 && (
        <Warning heading="Outcomes overdue" table="outcomes-pending" link="See outcomes pending">
          {overdue.map((o) => `${o.call.title}: ${o.pending} ${o.pending === 1 ? 'person' : 'people'} not told by ${formatDate(o.decisionDueOn)}`).join('. ')}.
        </Warning>
      )}
      {d.reviewsOverdue > 0 && (
        <Warning heading="Reviews overdue" table="review-progress" link="See review progress">
          {d.reviewsOverdue} {d.reviewsOverdue === 1 ? 'review is' : 'reviews are'} past the date reviews were due.
        </Warning>
      )}

      <FigureSection
        table="applications-by-domain"
        title="Applications per domain"
        filters={filters}
        empty={d.applicationsByDomain.length === 0 ? 'No applications.' : null}
        chart={<CountBarChart title="Number of applications in each domain" summary={countSummary('applications per domain', d.applicationsByDomain)} data={d.applicationsByDomain} />}
      >
        {counts(d.applicationsByDomain, 'Applications per domain', 'Domain')}
      </FigureSection>

      <FigureSection
        table="applications-by-sector"
        title="Applications per sector"
        filters={filters}
        intro={<p className="nhsuk-body">The sector of the lead applicant’s organisation.</p>}
        empty={d.applicationsBySector.length === 0 ? 'No applications.' : null}
        chart={<CountBarChart title="Number of applications by the lead’s sector" summary={countSummary('applications per sector', d.applicationsBySector)} data={d.applicationsBySector} />}
      >
        {counts(d.applicationsBySector, 'Applications per sector', 'Sector')}
      </FigureSection>

      <FigureSection
        table="applications-by-status"
        title="Applications per status"
        filters={filters}
        empty={d.applicationsByStatus.length === 0 ? 'No applications.' : null}
        chart={<CountBarChart title="Number of applications in each status" summary={countSummary('applications per status', d.applicationsByStatus)} data={d.applicationsByStatus} />}
      >
        {counts(d.applicationsByStatus, 'Applications per status', 'Status')}
      </FigureSection>

      <FigureSection
        table="review-progress"
        title="Review progress"
        filters={filters}
        intro={<p className="nhsuk-body">Reviews assigned to each panel member, and how many they have submitted.</p>}
        empty={d.reviewProgress.length === 0 ? 'No reviews have been assigned.' : null}
        chart={
          <StackedBarChart
            title="Reviews submitted per panel member"
            summary={progressSummary('reviews per panel member', reviewRows.map((r) => ({ label: r.label, done: r.submitted, of: r.assigned })), 'submitted')}
            data={reviewRows.map((r) => ({ label: r.label, submitted: r.submitted, outstanding: Math.max(0, r.assigned - r.submitted) }))}
            series={[
              { key: 'submitted', name: 'Submitted', fill: 'solid' },
              { key: 'outstanding', name: 'Not submitted yet', fill: 'hatched' },
            ]}
          />
        }
      >
        <FigureTable
          caption="Review progress per panel member"
          rows={d.reviewProgress}
          rowKey={(r) => `${r.panelMember.id}-${r.call.id}`}
          columns={[
            { header: 'Panel member', cell: (r) => r.panelMember.name, rowHeader: true },
            { header: 'Call', cell: (r) => r.call.title },
            { header: 'Assigned', numeric: true, cell: (r) => r.assigned },
            { header: 'Submitted', numeric: true, cell: (r) => r.submitted },
            { header: 'Conflicts declared', numeric: true, cell: (r) => r.conflicts },
            { header: 'Overdue', numeric: true, cell: (r) => r.overdue },
          ]}
        />
      </FigureSection>

      <FigureSection table="decisions" title="Decisions" filters={filters} empty={d.decisions.length === 0 ? 'No calls to decide.' : null}>
        <FigureTable
          caption="Decisions per call"
          rows={d.decisions}
          rowKey={(r) => r.call.id}
          columns={[
            { header: 'Call', cell: (r) => <Link to={adminCallUrl(r.call.id)}>{r.call.title}</Link>, rowHeader: true },
            { header: 'Decided on', cell: (r) => (r.decidedAt ? formatInstantDate(r.decidedAt) : 'Not decided yet') },
            { header: 'Funded', numeric: true, cell: (r) => r.funded },
            { header: 'Not funded', numeric: true, cell: (r) => r.notFunded },
          ]}
        />
      </FigureSection>

      <FigureSection
        table="outcomes-pending"
        title="Outcomes pending"
        filters={filters}
        intro={<p className="nhsuk-body">Applicants and co-leads not yet told their outcome, against the date by which everyone must be told.</p>}
        empty={d.outcomesPending.length === 0 ? 'No outcomes are pending.' : null}
      >
        <FigureTable
          caption="Outcomes pending per call"
          rows={d.outcomesPending}
          rowKey={(r) => r.call.id}
          rowClassName={(r) => (r.overdue ? 'convene-row--overdue' : undefined)}
          columns={[
            { header: 'Call', cell: (r) => <Link to={adminCallUrl(r.call.id)}>{r.call.title}</Link>, rowHeader: true },
            { header: 'Everyone told by', cell: (r) => formatDate(r.decisionDueOn) },
            { header: 'People not told yet', numeric: true, cell: (r) => r.pending },
            {
              header: 'Status',
              cell: (r) =>
                r.overdue ? (
                  <>
                    <Tag colour="red">Overdue</Tag> {dueText(r.daysUntilDecisionDue)}
                  </>
                ) : (
                  dueText(r.daysUntilDecisionDue)
                ),
            },
          ]}
        />
      </FigureSection>

      <FigureSection
        table="communities-by-stage"
        title="Communities by stage"
        filters={filters}
        empty={d.communitiesByStage.length === 0 ? 'No communities.' : null}
        chart={<CountBarChart title="Number of communities at each stage" summary={countSummary('communities by stage', d.communitiesByStage)} data={d.communitiesByStage} />}
      >
        {counts(d.communitiesByStage, 'Communities by stage', 'Stage')}
      </FigureSection>

      <FigureSection
        table="startup-progress"
        title="Start-up steps"
        filters={filters}
        intro={<p className="nhsuk-body">How many communities have completed each of the six start-up steps.</p>}
        empty={d.startupProgress.length === 0 ? 'No communities.' : null}
        chart={
          <StackedBarChart
            title="Communities that have completed each start-up step"
            summary={progressSummary('start-up steps', stepRows.map((s) => ({ label: s.label, done: s.done, of: s.done + s.notDone })), 'communities done')}
            data={stepRows.map((s) => ({ label: s.label, done: s.done, notDone: s.notDone }))}
            series={[
              { key: 'done', name: 'Done', fill: 'solid' },
              { key: 'notDone', name: 'Not done yet', fill: 'hatched' },
            ]}
          />
        }
      >
        <FigureTable
          caption="Start-up steps"
          rows={stepRows}
          rowKey={(r) => r.step}
          columns={[
            { header: 'Step', cell: (r) => r.label, rowHeader: true },
            { header: 'Done', numeric: true, cell: (r) => r.done },
            { header: 'Not done yet', numeric: true, cell: (r) => r.notDone },
          ]}
        />
      </FigureSection>

      <FigureSection
        table="community-reach"
        title="Reach"
        filters={filters}
        intro={
          <p className="nhsuk-body">
            Across the network: {d.networkReach.members} members from {d.networkReach.organisations} organisations, {d.networkReach.professions} professions and{' '}
            {d.networkReach.sectors} sectors. People in more than one community are counted once.
          </p>
        }
        empty={d.communityReach.length === 0 ? 'No communities.' : null}
      >
        <FigureTable
          caption="Reach per community"
          rows={d.communityReach}
          rowKey={(r) => r.community.id}
          columns={[
            { header: 'Community', cell: (r) => <Link to={communityUrl(r.community.id)}>{r.community.name}</Link>, rowHeader: true },
            { header: 'Stage', cell: (r) => stageTag(r.stage).text },
            { header: 'Members', numeric: true, cell: (r) => r.reach.members },
            { header: 'Organisations', numeric: true, cell: (r) => r.reach.organisations },
            { header: 'Professions', numeric: true, cell: (r) => r.reach.professions },
            { header: 'Sectors', numeric: true, cell: (r) => r.reach.sectors },
          ]}
          totals={['Across the network', '', d.networkReach.members, d.networkReach.organisations, d.networkReach.professions, d.networkReach.sectors]}
        />
      </FigureSection>

      <FigureSection table="meetings" title="Meetings" filters={filters}>
        <FigureTable
          caption="Meetings and attendance"
          rows={[
            { figure: 'Meetings held', value: String(d.meetings.held) },
            { figure: 'Meetings scheduled', value: String(d.meetings.scheduled) },
            { figure: 'Meetings cancelled', value: String(d.meetings.cancelled) },
            { figure: 'Attendances recorded', value: String(d.meetings.attendances) },
            { figure: 'Average attendance at a meeting held', value: d.meetings.averageAttendance.toFixed(1) },
          ]}
          rowKey={(r) => r.figure}
          columns={[
            { header: 'Figure', cell: (r) => r.figure, rowHeader: true },
            { header: 'Number', numeric: true, cell: (r) => r.value },
          ]}
        />
      </FigureSection>

      <FigureSection
        table="exchanges-by-visibility"
        title="Practice exchanges shared"
        filters={filters}
        intro={
          <p className="nhsuk-body">
            Exchanges by who may read them. {d.promisingPractices} {d.promisingPractices === 1 ? 'practice is' : 'practices are'} marked promising and in the{' '}
            <Link to="/library">practice library</Link>.
          </p>
        }
        empty={d.exchangesByVisibility.length === 0 ? 'No exchanges have been shared.' : null}
        chart={
          <CountBarChart
            title="Number of practice exchanges by who may read them"
            summary={countSummary('practice exchanges by visibility', d.exchangesByVisibility)}
            data={d.exchangesByVisibility}
          />
        }
      >
        {counts(d.exchangesByVisibility, 'Practice exchanges by visibility', 'Visibility')}
      </FigureSection>

      <FigureSection
        table="honoraria"
        title="Honoraria against the budget"
        filters={filters}
        empty={d.honoraria.length === 0 ? 'No honoraria yet.' : null}
        chart={
          <StackedBarChart
            title="Honoraria paid and committed against each call’s budget"
            summary={moneySummary(d.honoraria.map((h) => ({ ...h, label: h.call.title })))}
            data={d.honoraria.map((h) => ({
              label: h.call.title,
              paid: h.paidPence,
              committedNotPaid: Math.max(0, h.committedPence - h.paidPence),
              left: Math.max(0, h.budgetPence - h.committedPence),
            }))}
            series={[
              { key: 'paid', name: 'Paid', fill: 'solid' },
              { key: 'committedNotPaid', name: 'Committed, not paid yet', fill: 'hatched' },
              { key: 'left', name: 'Budget not committed', fill: 'pale' },
            ]}
            formatValue={formatPence}
          />
        }
      >
        <FigureTable
          caption="Honoraria per call"
          rows={d.honoraria}
          rowKey={(r) => r.call.id}
          columns={[
            { header: 'Call', cell: (r) => <Link to={honorariaUrl(r.call.id)}>{r.call.title}</Link>, rowHeader: true },
            { header: 'Budget', numeric: true, cell: (r) => formatPence(r.budgetPence) },
            { header: 'Committed', numeric: true, cell: (r) => formatPence(r.committedPence) },
            { header: 'Paid', numeric: true, cell: (r) => formatPence(r.paidPence) },
            { header: 'Budget left', numeric: true, cell: (r) => formatPence(r.budgetPence - r.committedPence) },
          ]}
          totals={['Total', formatPence(budget), formatPence(committed), formatPence(paid), formatPence(budget - committed)]}
        />
      </FigureSection>
    </>
  );
}
