import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ImportOrganisationsMutation } from '../mutations';
import type { ImportAction, ImportOrganisationsMutation as ImportResult } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Tag, Textarea } from '../../ui/fields';
import { formatDate } from '../../ui/format';
import { sectorTitle } from '../../ui/labels';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { adminOrganisationsUrl } from '../../urls';

type Outcome = ImportResult['importOrganisations'];

const ACTIONS: Record<ImportAction, { text: string; colour: 'green' | 'blue' | 'grey' }> = {
  CREATE: { text: 'New', colour: 'green' },
  UPDATE: { text: 'Update', colour: 'blue' },
  UNCHANGED: { text: 'No change', colour: 'grey' },
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** /admin/organisations/import: paste or upload a CSV, see what it will do, then confirm. */
export function ImportOrganisationsView() {
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const run = useFormMutation(ImportOrganisationsMutation);
  const { problems, setProblems } = run;
  // every wrong line, linked to the text it came from
  const lineProblems = (preview?.errors ?? []).map((e) => ({ field: 'csv', message: `Line ${e.line}: ${e.message}` }));
  const shown = problems.length ? problems : lineProblems;
  usePageTitle(preview ? 'Check the organisations to import' : 'Import organisations', shown.length > 0);

  const edit = (text: string) => {
    setCsv(text);
    setPreview(null);
    setDone(null);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) edit(await file.text());
  };

  const onCheck = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!csv.trim()) {
      setProblems([{ field: 'csv', message: 'Paste the CSV text or choose a CSV file' }]);
      return;
    }
    const r = await run.submit({ input: { csv, dryRun: true } });
    if (r) setPreview(r.importOrganisations);
  };

  const onConfirm = async () => {
    const r = await run.submit({ input: { csv, dryRun: false } });
    if (!r) return;
    if (r.importOrganisations.saved) {
      setDone(r.importOrganisations);
      setPreview(null);
      setCsv('');
    } else {
      // something changed since the check: show the new answer
      setPreview(r.importOrganisations);
    }
  };

  const ready = preview && preview.errors.length === 0;
  const changes = preview ? preview.created + preview.updated : 0;

  return (
    <>
      <ErrorSummary problems={shown} />
      <Link className="nhsuk-back-link" to={adminOrganisationsUrl()}>
        Organisations
      </Link>
      <h1 className="nhsuk-heading-l">Import organisations</h1>
      {done && (
        <div className="nhsuk-panel" role="status">
          <h2 className="nhsuk-panel__title">Organisations imported</h2>
          <div className="nhsuk-panel__body">
            {plural(done.created, 'organisation', 'organisations')} added, {plural(done.updated, 'organisation', 'organisations')} updated.
          </div>
        </div>
      )}
      <p className="nhsuk-body">
        The first line names the columns: <code>name,sector,nhsMember,nhsMemberSince</code>. The sector is one of NHS_TRUST,
        PRIMARY_CARE, COMMISSIONER, LOCAL_AUTHORITY, ACADEMIC, INDUSTRY, THIRD_SECTOR or NETWORK; nhsMember is yes or no;
        nhsMemberSince is a date such as 2024-04-01 and may be left out. An organisation whose name is already in Convene is
        updated. Nothing is saved until you confirm, and nothing at all while any line is wrong.
      </p>
      <form onSubmit={onCheck} noValidate>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="csvFile">
            Choose a CSV file
          </label>
          <input className="nhsuk-file-upload" id="csvFile" name="csvFile" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
        </div>
        <Textarea id="csv" label="Or paste the CSV text" value={csv} onChange={edit} rows={10} error={fieldError(shown, 'csv')} />
        <Button variant={ready ? 'secondary' : undefined} disabled={run.fetching}>
          Check the file
        </Button>
      </form>

      {preview && (
        <>
          <h2 className="nhsuk-heading-m" id="preview-heading">
            {ready ? 'What will be imported' : 'The file has problems'}
          </h2>
          {preview.errors.length > 0 && (
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption">
                {plural(preview.errors.length, 'line needs', 'lines need')} correcting: nothing will be saved until they are
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Line</th>
                  <th className="nhsuk-table__header" scope="col">Problem</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {preview.errors.map((e) => (
                  <tr className="nhsuk-table__row" key={`${e.line}:${e.message}`}>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{e.line}</td>
                    <td className="nhsuk-table__cell">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {ready && (
            <p className="nhsuk-body">
              {plural(preview.created, 'new organisation', 'new organisations')}, {plural(preview.updated, 'update', 'updates')},{' '}
              {plural(preview.unchanged, 'line', 'lines')} with no change.
            </p>
          )}
          {preview.lines.length > 0 && (
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption">{ready ? 'Organisations in the file' : 'Lines that are correct'}</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Line</th>
                  <th className="nhsuk-table__header" scope="col">Organisation</th>
                  <th className="nhsuk-table__header" scope="col">Sector</th>
                  <th className="nhsuk-table__header" scope="col">NHS member of the network</th>
                  <th className="nhsuk-table__header" scope="col">Change</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {preview.lines.map((l) => (
                  <tr className="nhsuk-table__row" key={l.line}>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{l.line}</td>
                    <td className="nhsuk-table__cell">{l.name}</td>
                    <td className="nhsuk-table__cell">{sectorTitle(l.sector)}</td>
                    <td className="nhsuk-table__cell">
                      {l.nhsMember ? 'Yes' : 'No'}
                      {l.nhsMemberSince && ` (since ${formatDate(l.nhsMemberSince)})`}
                    </td>
                    <td className="nhsuk-table__cell">
                      <Tag colour={ACTIONS[l.action].colour}>{ACTIONS[l.action].text}</Tag>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {ready &&
            (changes > 0 ? (
              <Button type="button" disabled={run.fetching} onClick={() => void onConfirm()}>
                Import {plural(changes, 'organisation', 'organisations')}
              </Button>
            ) : (
              <p className="nhsuk-body">Every organisation in the file is already in Convene as it is: there is nothing to import.</p>
            ))}
        </>
      )}
    </>
  );
}
