import { Link } from 'react-router';
import type { RankingEntryFieldsFragment } from '../../graphql/graphql';
import { Tag } from '../../ui/fields';
import { formatNormalised, formatScore } from '../../ui/format';
import { applicationStatus } from '../../ui/labels';
import type { BoardEntry } from './AllocationBoard';

export function toBoardEntries(ranking: RankingEntryFieldsFragment[]): BoardEntry[] {
  return ranking.map((r) => ({
    applicationId: r.application.id,
    domainId: r.application.domain.id,
    domainName: r.application.domain.name,
    leadName: r.application.lead.name,
    rank: r.rank,
    weightedScore: r.weightedScore ?? null,
    normalisedScore: r.normalisedScore ?? null,
    disagreement: r.disagreement,
  }));
}

/** The ranking: rank, weighted and normalised scores, and a tag where reviewers disagree widely. */
export function RankingTable({
  ranking,
  rankBy,
  linkTo,
  showStatus,
}: {
  ranking: RankingEntryFieldsFragment[];
  rankBy?: string;
  /** Where an application's name links to, if anywhere. */
  linkTo?: (applicationId: string) => string;
  showStatus?: boolean;
}) {
  if (ranking.length === 0) return <p className="nhsuk-body">No applications have gone forward yet.</p>;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">
        Ranked by the {rankBy === 'NORMALISED' ? 'normalised score' : 'weighted mean'}; equal scores share a rank
      </caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Rank
          </th>
          <th className="nhsuk-table__header" scope="col">
            Application
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Weighted mean (1 to 5)
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Normalised
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Reviews
          </th>
          <th className="nhsuk-table__header" scope="col">
            Notes
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {ranking.map((r) => {
          const st = applicationStatus(r.application.status);
          return (
            <tr className="nhsuk-table__row" key={r.application.id}>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.rank}</td>
              <td className="nhsuk-table__cell">
                {linkTo ? <Link to={linkTo(r.application.id)}>{r.application.domain.name}</Link> : r.application.domain.name}
                <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{r.application.lead.name}</span>
              </td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatScore(r.weightedScore)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatNormalised(r.normalisedScore)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.reviewCount}</td>
              <td className="nhsuk-table__cell">
                {r.disagreement && <Tag colour="orange">Reviewers disagree</Tag>}
                {showStatus && (r.application.status === 'FUNDED' || r.application.status === 'NOT_FUNDED') && (
                  <>
                    {r.disagreement && ' '}
                    <Tag colour={st.colour}>{st.text}</Tag>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
