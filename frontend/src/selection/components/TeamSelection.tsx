import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CallSelectionQuery } from '../queries';
import { PanelManager } from './PanelManager';
import { AssignmentsManager } from './AssignmentsManager';
import { RankingTable } from './RankingTable';
import { DecisionSection } from './DecisionSection';
import { OutcomesPanel } from './OutcomesPanel';
import { Loading } from '../../ui/Layout';
import { DownloadButton } from '../../ui/DownloadButton';
import { slug } from '../../ui/download';
import { problemsFrom, type Problem } from '../../ui/problems';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { applicationUrl, honorariaUrl } from '../../urls';

interface Props {
  callId: string;
  rankBy: string;
  problems: Problem[];
  setProblems: (p: Problem[]) => void;
  setMessage: (m: string) => void;
}

/** The programme team's selection sections of a call page: panel, reviews, ranking, decision, outcomes. */
export function TeamSelection({ callId, rankBy, problems, setProblems, setMessage }: Props) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CallSelectionQuery, variables: { id: callId }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  const call = data?.call;
  if (!call) return <ErrorSummary problems={problemsFrom(error)} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const decided = call.status === 'DECIDED' || call.status === 'ARCHIVED';

  return (
    <>
      <section aria-labelledby="panel-heading">
        <h2 className="nhsuk-heading-l nhsuk-u-margin-top-6" id="panel-heading">
          Panel
        </h2>
        <PanelManager
          callId={call.id}
          panel={call.panel}
          editable={!decided}
          problems={problems}
          setProblems={setProblems}
          setMessage={setMessage}
          onChanged={reload}
        />
        {call.conflicts.length > 0 && (
          <>
            <h3 className="nhsuk-heading-s">Conflicts of interest</h3>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Conflicts of interest</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">
                    Panel member
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Application
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Reason
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {call.conflicts.map((c) => (
                  <tr className="nhsuk-table__row" key={`${c.application.id}-${c.person.id}`}>
                    <td className="nhsuk-table__cell">{c.person.name}</td>
                    <td className="nhsuk-table__cell">
                      {c.application.domain.name}
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{c.application.lead.name}</span>
                    </td>
                    <td className="nhsuk-table__cell">
                      {c.reason}
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                        {c.declared ? 'Declared by the panel member' : 'Found automatically'}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="reviews-heading">
        <h2 className="nhsuk-heading-l nhsuk-u-margin-top-6" id="reviews-heading">
          Reviews
        </h2>
        <AssignmentsManager call={call} setProblems={setProblems} setMessage={setMessage} onChanged={reload} />
      </section>

      <section aria-labelledby="ranking-heading">
        <h2 className="nhsuk-heading-l nhsuk-u-margin-top-6" id="ranking-heading">
          Ranking
        </h2>
        <RankingTable ranking={call.ranking} rankBy={rankBy} linkTo={(id) => applicationUrl(id)} showStatus />
        <DownloadButton path={`/exports/calls/${call.id}/applications.csv`} filename={`applications-${slug(call.title)}.csv`}>
          Download the applications and scores (CSV)
        </DownloadButton>
      </section>

      <section aria-labelledby="decision-heading">
        <h2 className="nhsuk-heading-l nhsuk-u-margin-top-6" id="decision-heading">
          {decided ? 'Decision' : 'Allocation'}
        </h2>
        <DecisionSection call={call} viewerId={data?.viewer?.id} problems={problems} setProblems={setProblems} onDecided={reload} />
        {decided && (
          <>
            <OutcomesPanel call={call} setProblems={setProblems} setMessage={setMessage} onChanged={reload} />
            <p className="nhsuk-body nhsuk-u-margin-top-4">
              <Link to={honorariaUrl(call.id)}>Honoraria and payments</Link>
            </p>
          </>
        )}
      </section>
    </>
  );
}
