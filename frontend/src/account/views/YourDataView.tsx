import { useState } from 'react';
import { Link } from 'react-router';
import { ExportMyDataMutation } from '../mutations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button } from '../../ui/fields';
import { saveText } from '../../ui/download';
import { formatDateTime } from '../../ui/format';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { ExportMyDataMutation as ExportResult } from '../../graphql/graphql';

type Export = ExportResult['exportMyData'];

/** "2026-11-26T10:00:00Z" → "2026-11-26" for file names. */
function day(instant: string): string {
  return instant.slice(0, 10);
}

/** A file name from a table name: "community_members" → "community-members". */
function tableFile(name: string, instant: string): string {
  return `convene-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}-${day(instant)}.csv`;
}

/** /account/data: download everything we hold about you, and the way to delete your account. */
export function YourDataView() {
  usePageTitle('Your data');
  const exportMyData = useFormMutation(ExportMyDataMutation);
  const { problems, fetching } = exportMyData;
  const [result, setResult] = useState<Export | null>(null);
  const onExport = async () => {
    const r = await exportMyData.submit({});
    if (!r) return;
    setResult(r.exportMyData);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">Your data</h1>
        <p className="nhsuk-body">
          You can download a copy of everything Convene holds about you, or delete your account. Our{' '}
          <Link to="/privacy">privacy notice</Link> explains why we hold it, who can see it and how long we keep it.
        </p>

        <h2 className="nhsuk-heading-m">Download everything we hold about you</h2>
        <p className="nhsuk-body">
          You get one file with all of it (JSON, for moving it to another service), and a spreadsheet file (CSV) for each kind of record, such as your
          applications, your memberships of communities and what you wrote in them.
        </p>
        {!result ? (
          <Button type="button" onClick={() => void onExport()} disabled={fetching}>
            Prepare my data
          </Button>
        ) : (
          <>
            <p className="nhsuk-body" role="status">
              Your data as it was at <strong>{formatDateTime(result.exportedAt)}</strong> is ready.
            </p>
            <Button type="button" onClick={() => saveText(result.json, `convene-my-data-${day(result.exportedAt)}.json`, 'application/json')}>
              Download everything (JSON)
            </Button>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">Each kind of record as a spreadsheet</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">
                    Records
                  </th>
                  <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
                    Rows
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    <span className="nhsuk-u-visually-hidden">Download</span>
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {result.tables.map((t) => (
                  <tr className="nhsuk-table__row" key={t.name}>
                    <th className="nhsuk-table__header" scope="row">
                      {t.name}
                    </th>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{t.rows}</td>
                    <td className="nhsuk-table__cell">
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                        onClick={() => saveText(t.csv, tableFile(t.name, result.exportedAt), 'text/csv')}
                      >
                        Download CSV<span className="nhsuk-u-visually-hidden"> of {t.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}

        <h2 className="nhsuk-heading-m">Delete your account</h2>
        <p className="nhsuk-body">
          Deleting your account removes your personal details. Some records are kept, without your name, because the network must keep them.
        </p>
        <p className="nhsuk-body">
          <Link to="/account/delete">Delete your account</Link>
        </p>
      </div>
    </div>
  );
}
