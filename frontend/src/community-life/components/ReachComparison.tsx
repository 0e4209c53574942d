import { reachRows, type Reach } from '../labels';

/** The reach of the member map beside the reach of the membership today. */
export function ReachComparison({ map, members }: { map: Reach; members: Reach }) {
  return (
    <table className="nhsuk-table" id="reach">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Reach</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            Across
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            On the map
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Members today
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {reachRows(map, members).map((r) => (
          <tr className="nhsuk-table__row" key={r.what}>
            <th className="nhsuk-table__header" scope="row">
              {r.what}
            </th>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.map}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.members}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
