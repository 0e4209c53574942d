import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { PanelCallQuery } from '../queries';
import { RankingTable } from '../components/RankingTable';
import { DecisionSection } from '../components/DecisionSection';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { DownloadButton } from '../../ui/DownloadButton';
import { Tag } from '../../ui/fields';
import { slug } from '../../ui/download';
import { formatDate } from '../../ui/format';
import { callStatus } from '../../ui/labels';
import { errorCode, problemsFrom } from '../../ui/problems';
import { useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { reviewUrl } from '../../urls';

/** /panel/calls/:callId: what the panel sees of a call; the chair records the decision here. */
export function PanelCallView() {
  const { callId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PanelCallQuery, variables: { id: callId }, requestPolicy: 'cache-and-network' });
  const { problems, setProblems } = useFormProblems();
  usePageTitle('Ranking and decision', problems.length > 0);

  if (fetching && !data) return <Loading />;
  const call = data?.call;
  if (!call) {
    const code = errorCode(error);
    return (
      <>
        <BackLink to="/reviews">Your reviews</BackLink>
        {code !== 'FORBIDDEN' && <ErrorSummary problems={problemsFrom(error)} />}
        <h1 className="nhsuk-heading-l">Ranking and decision</h1>
        <p className="nhsuk-body">This page is for the panel of the call.</p>
      </>
    );
  }
  const viewerId = data?.viewer?.id;
  const status = callStatus(call.status);
  const chair = call.panel.find((m) => m.chair);
  const isChair = chair?.person.id === viewerId;
  const mine = call.conflicts.filter((c) => c.person.id === viewerId);

  return (
    <>
      <BackLink to="/reviews">Your reviews</BackLink>
      <ErrorSummary problems={problems} />
      <span className="nhsuk-caption-l">{call.title}</span>
      <h1 className="nhsuk-heading-l">Ranking and decision</h1>
      <p className="nhsuk-body">
        <Tag colour={status.colour}>{status.text}</Tag> Everyone is told the outcome by {formatDate(call.decisionDueOn)}.
      </p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Panel</dt>
          <dd className="nhsuk-summary-list__value">
            <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
              {[...call.panel].sort((a, b) => Number(b.chair) - Number(a.chair)).map((m) => (
                <li key={m.person.id}>
                  {m.person.name}
                  {m.person.id === viewerId && ' (you)'}
                  {m.chair && (
                    <>
                      {' '}
                      <Tag colour="purple">Chair</Tag>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Funded places</dt>
          <dd className="nhsuk-summary-list__value">{call.fundedPlaces}</dd>
        </div>
        {mine.length > 0 && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Your conflicts of interest</dt>
            <dd className="nhsuk-summary-list__value">
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {mine.map((c) => (
                  <li key={c.application.id}>
                    {c.application.domain.name}: {c.reason}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>

      <h2 className="nhsuk-heading-m">Ranking</h2>
      {mine.length > 0 && (
        <p className="nhsuk-body">Applications you have a conflict of interest on are left out of what you see.</p>
      )}
      <RankingTable ranking={call.ranking} rankBy={call.rankBy} linkTo={(id) => reviewUrl(id)} showStatus />
      <DownloadButton path={`/exports/calls/${call.id}/applications.csv`} filename={`applications-${slug(call.title)}.csv`}>
        Download the applications and scores (CSV)
      </DownloadButton>

      <h2 className="nhsuk-heading-m nhsuk-u-margin-top-6">{call.decision ? 'Decision' : isChair ? 'Record the decision' : 'Allocation'}</h2>
      <DecisionSection
        call={call}
        viewerId={viewerId}
        problems={problems}
        setProblems={setProblems}
        onDecided={() => refetch({ requestPolicy: 'network-only' })}
      />
    </>
  );
}
