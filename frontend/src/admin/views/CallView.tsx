import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AdminCallQuery } from '../queries';
import { CloseCallMutation, OpenCallMutation } from '../mutations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Tag } from '../../ui/fields';
import { formatDate, formatDateTime, formatInstantDate, formatPence } from '../../ui/format';
import { applicationStatus, callStatus, POLICY } from '../../ui/labels';
import { problemsFrom, type Problem } from '../../ui/problems';
import { formProblems, useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { TeamSelection } from '../../selection/components/TeamSelection';
import { applicationUrl, editCallUrl, honorariaUrl } from '../../urls';
import { PageLinks, usePaging } from '../../ui/usePaging';
import { SummaryRow } from '../../ui/SummaryRow';
import { changeableParts, type CallPart } from '../callParts';

export function CallView() {
  const { id = '' } = useParams();
  const paging = usePaging(`admin-call-${id}`);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminCallQuery, variables: { id, ...paging.variables } });
  const [problems, setProblemsState] = useState<Problem[]>([]);
  const changed = (useLocation().state as { changed?: string } | null)?.changed;
  const [message, setMessageState] = useState<string | null>(changed ? `${changed} changed` : null);
  const setProblems = (p: Problem[]) => {
    setProblemsState(p);
    if (p.length) setMessageState(null);
  };
  const setMessage = (m: string) => {
    setMessageState(m);
    setProblemsState([]);
  };
  const [confirmClose, setConfirmClose] = useState(false);
  const form = formProblems(problems, setProblems);
  const closeCall = useFormMutation(CloseCallMutation, { form });
  const openCall = useFormMutation(OpenCallMutation, { form });
  const call = data?.call;
  usePageTitle(call?.title ?? 'Call', problems.length > 0);

  if (fetching && !data) return <Loading />;
  if (!call) {
    return (
      <>
        <ErrorSummary problems={problemsFrom(error)} />
        <h1 className="nhsuk-heading-l">Call not found</h1>
      </>
    );
  }

  const onClose = async () => {
    const r = await closeCall.submit({ input: { callId: call.id } });
    setConfirmClose(false);
    if (r) {
      setMessage('The call is closed. You can now assign reviewers.');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const onOpen = async () => {
    const r = await openCall.submit({ input: { callId: call.id } });
    if (r) {
      setMessage('The call is open.');
      refetch({ requestPolicy: 'network-only' });
    }
  };

  const s = callStatus(call.status);
  const changeable = changeableParts(call.status);
  const apps = call.applications.nodes;

  return (
    <>
      <BackLink to="/admin/calls">Calls</BackLink>
      <ErrorSummary problems={problems} />
      {message && <NotificationBanner success heading={message} />}
      <h1 className="nhsuk-heading-l">{call.title}</h1>
      <p className="nhsuk-body">
        <Tag colour={s.colour}>{s.text}</Tag>
      </p>
      <nav className="nhsuk-contents-list" aria-label="On this page">
        <h2 className="nhsuk-u-visually-hidden">On this page</h2>
        <ol className="nhsuk-contents-list__list">
          {[
            ['#details-heading', 'Details'],
            ['#applications-heading', 'Applications'],
            ['#panel-heading', 'Panel'],
            ['#reviews-heading', 'Reviews'],
            ['#ranking-heading', 'Ranking'],
            ['#decision-heading', call.status === 'DECIDED' ? 'Decision and outcomes' : 'Allocation'],
          ].map(([href, text]) => (
            <li className="nhsuk-contents-list__item" key={href}>
              <a className="nhsuk-contents-list__link" href={href}>
                {text}
              </a>
            </li>
          ))}
          {call.status === 'DECIDED' && (
            <li className="nhsuk-contents-list__item">
              <Link className="nhsuk-contents-list__link" to={honorariaUrl(call.id)}>
                Honoraria and payments
              </Link>
            </li>
          )}
        </ol>
      </nav>
      <h2 className="nhsuk-heading-l" id="details-heading">
        Details
      </h2>
      <dl className="nhsuk-summary-list">
        {(
          [
            ['title', 'Title', call.title],
            ['description', 'Description', call.description || 'None'],
            ['opens', 'Opens', formatDateTime(call.opensAt)],
            ['closes', 'Closes', formatDateTime(call.closesAt)],
            ['decision', 'Everyone told by', formatDate(call.decisionDueOn)],
            ['reviews', 'Reviews due by', call.reviewsDueOn ? formatDate(call.reviewsDueOn) : 'Not set'],
            ['places', 'Funded places', String(call.fundedPlaces)],
            ['honorarium', 'Honorarium per funded domain', formatPence(call.honorariumPence)],
            [null, 'Budget', formatPence(call.budgetPence)],
            [null, 'Honorarium policy', POLICY[call.honorariumPolicy]],
            [null, 'Reviewers per application', String(call.reviewersPerApplication)],
            [null, 'Ranked by', call.rankBy === 'NORMALISED' ? 'Normalised score' : 'Weighted mean'],
          ] as Array<[CallPart | null, string, string]>
        ).map(([part, label, value]) => (
          <SummaryRow key={label} label={label} change={part && changeable.includes(part) ? editCallUrl(call.id, part) : undefined}>
            {value}
          </SummaryRow>
        ))}
        <SummaryRow label="Criteria (weight)" change={changeable.includes('criteria') ? editCallUrl(call.id, 'criteria') : undefined}>
          <ul className="nhsuk-list">
            {call.criteria.map((c) => (
              <li key={c.id}>
                {c.name} ({c.weight})
              </li>
            ))}
          </ul>
        </SummaryRow>
      </dl>

      {call.status === 'DRAFT' && (
        <Button type="button" onClick={() => void onOpen()} disabled={openCall.fetching}>
          Open this call
        </Button>
      )}
      {call.status === 'OPEN' &&
        (confirmClose ? (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>Close this call?
              </span>
            </h2>
            <p>Nobody will be able to submit an application after you close the call.</p>
            <div className="nhsuk-button-group">
              <Button type="button" variant="warning" onClick={() => void onClose()} disabled={closeCall.fetching}>
                Yes, close the call
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirmClose(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <Button type="button" variant="secondary" onClick={() => setConfirmClose(true)}>
            Close this call
          </Button>
        ))}

      <h2 className="nhsuk-heading-l nhsuk-u-margin-top-6" id="applications-heading">
        Applications ({call.applications.totalCount})
      </h2>
      {apps.length === 0 ? (
        <p className="nhsuk-body">No applications yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Applications to {call.title}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Domain</th>
              <th className="nhsuk-table__header" scope="col">Lead</th>
              <th className="nhsuk-table__header" scope="col">Sponsor</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Co-leads</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
              <th className="nhsuk-table__header" scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {apps.map((a) => {
              const st = applicationStatus(a.status);
              const accepted = a.coLeads.filter((c) => c.state === 'ACCEPTED').length;
              return (
                <tr className="nhsuk-table__row" key={a.id}>
                  <td className="nhsuk-table__cell">
                    <Link to={applicationUrl(a.id)}>{a.domain.name}</Link>
                  </td>
                  <td className="nhsuk-table__cell">
                    {a.lead.name}
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{a.leadOrganisation?.name}</span>
                  </td>
                  <td className="nhsuk-table__cell">{a.sponsor?.name ?? 'None'}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    {accepted} of {a.coLeads.length}
                  </td>
                  <td className="nhsuk-table__cell">
                    <Tag colour={st.colour}>{st.text}</Tag>
                  </td>
                  <td className="nhsuk-table__cell">{a.submittedAt ? formatInstantDate(a.submittedAt) : 'Not submitted'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <PageLinks paging={paging} info={call.applications.pageInfo} shown={apps.length} total={call.applications.totalCount} noun="applications" />
      <TeamSelection callId={call.id} rankBy={call.rankBy} problems={problems} setProblems={setProblems} setMessage={setMessage} />
    </>
  );
}
