import { formatInstantDate } from '../../ui/format';

interface Change {
  changedAt: string;
  from: { name: string };
  to: { name: string };
}

/** Where the person worked before; the programme team sees the same on the people page. */
export function OrganisationHistory({ history, caption = 'Organisations you moved from' }: { history: Change[]; caption?: string }) {
  if (history.length === 0) return null;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            From
          </th>
          <th className="nhsuk-table__header" scope="col">
            To
          </th>
          <th className="nhsuk-table__header" scope="col">
            Changed on
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {history.map((h) => (
          <tr className="nhsuk-table__row" key={h.changedAt}>
            <td className="nhsuk-table__cell">{h.from.name}</td>
            <td className="nhsuk-table__cell">{h.to.name}</td>
            <td className="nhsuk-table__cell">{formatInstantDate(h.changedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
