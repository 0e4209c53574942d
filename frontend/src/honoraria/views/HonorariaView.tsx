import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { CallHonorariaQuery } from '../queries';
import { ShareRow } from '../components/ShareRow';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { DownloadButton } from '../../ui/DownloadButton';
import { slug } from '../../ui/download';
import { formatPence } from '../../ui/format';
import { POLICY } from '../../ui/labels';
import { problemsFrom, type Problem } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { adminCallUrl } from '../../urls';

function Total({ label, pence, note }: { label: string; pence: number; note?: string }) {
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-xs">{label}</h2>
        <p className="convene-total__value">{formatPence(pence)}</p>
        {note && <p className="nhsuk-body-s nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-2">{note}</p>}
      </div>
    </div>
  );
}

/** /admin/calls/:id/honoraria: totals against the budget, each share with its actions, the CSV downloads. */
export function HonorariaView() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CallHonorariaQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [problems, setProblemsState] = useState<Problem[]>([]);
  const [message, setMessageState] = useState<string | null>(null);
  usePageTitle('Honoraria and payments', problems.length > 0);
  const setProblems = (p: Problem[]) => {
    setProblemsState(p);
    if (p.length) setMessageState(null);
  };
  const setMessage = (m: string) => {
    setMessageState(m);
    setProblemsState([]);
  };

  if (fetching && !data) return <Loading />;
  const call = data?.call;
  if (!call) {
    return (
      <>
        <ErrorSummary problems={problemsFrom(error)} />
        <h1 className="nhsuk-heading-l">Call not found</h1>
      </>
    );
  }
  const totals = call.honorariaTotals;
  const remaining = totals.budgetPence - totals.committedPence;

  return (
    <>
      <BackLink to={adminCallUrl(call.id)}>{call.title}</BackLink>
      <ErrorSummary problems={problems} />
      {message && <NotificationBanner success heading={message} />}
      <span className="nhsuk-caption-l">{call.title}</span>
      <h1 className="nhsuk-heading-l">Honoraria and payments</h1>
      <p className="nhsuk-body">
        Each funded application earns {formatPence(call.honorariumPence)}, split among its co-leads. Industry and
        third-sector partners are never paid. {POLICY[call.honorariumPolicy]}.
      </p>

      <div className="convene-totals">
        <Total label="Budget" pence={totals.budgetPence} note="Places × honorarium: never exceeded" />
        <Total label="Committed" pence={totals.committedPence} note={`${formatPence(remaining)} of the budget left`} />
        <Total label="Paid" pence={totals.paidPence} note={`${formatPence(totals.committedPence - totals.paidPence)} committed but not paid yet`} />
      </div>

      <h2 className="nhsuk-heading-m">Downloads for finance</h2>
      <div className="convene-actions nhsuk-u-margin-bottom-5">
        <DownloadButton path={`/exports/calls/${call.id}/honoraria.csv`} filename={`honoraria-${slug(call.title)}.csv`}>
          Download the payments (CSV)
        </DownloadButton>
        <DownloadButton path={`/exports/calls/${call.id}/applications.csv`} filename={`applications-${slug(call.title)}.csv`}>
          Download the applications and scores (CSV)
        </DownloadButton>
      </div>

      {call.honoraria.length === 0 ? (
        <p className="nhsuk-body">
          {call.status === 'DECIDED' ? 'No application was funded.' : 'Honoraria are proposed when the chair records the decision.'}
        </p>
      ) : (
        call.honoraria.map((h) => (
          <section key={h.application.id} aria-labelledby={`h-${h.application.id}`}>
            <h2 className="nhsuk-heading-m" id={`h-${h.application.id}`}>
              {h.application.domain.name}
              <span className="nhsuk-caption-m">
                Led by {h.application.lead.name} · {formatPence(h.totalPence)} in all
              </span>
            </h2>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Payments for {h.application.domain.name}</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header nhsuk-u-width-one-quarter" scope="col">
                    Payee
                  </th>
                  <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
                    Amount
                  </th>
                  <th className="nhsuk-table__header nhsuk-u-width-one-quarter" scope="col">
                    Route
                  </th>
                  <th className="nhsuk-table__header nhsuk-u-width-one-quarter" scope="col">
                    Status
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    <span className="nhsuk-u-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {h.shares.map((s) => (
                  <ShareRow
                    key={s.id}
                    share={s}
                    viewerId={data?.viewer?.id}
                    problems={problems}
                    setProblems={setProblems}
                    setMessage={setMessage}
                    onChanged={() => refetch({ requestPolicy: 'network-only' })}
                  />
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </>
  );
}
