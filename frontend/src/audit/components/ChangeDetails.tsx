import { changeRows, fieldLabel, prettyJson } from '../changes';

function Value({ text }: { text: string | null }) {
  if (text === null) return <span className="nhsuk-hint nhsuk-u-margin-bottom-0">(none)</span>;
  return text.includes('\n') ? <pre className="convene-json">{text}</pre> : <>{text}</>;
}

/** An audit entry's before and after, in a details component: a table of the fields that changed. */
export function ChangeDetails({ id, before, after }: { id: string; before: string | null | undefined; after: string | null | undefined }) {
  if (!before && !after) return <>No details recorded</>;
  const rows = changeRows(before, after);
  const summary = rows ? (rows.length === 1 ? '1 field' : `${rows.length} fields`) : 'Details';
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {summary}
          <span className="nhsuk-u-visually-hidden"> changed in entry {id}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        {rows ? (
          rows.length === 0 ? (
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">No field changed.</p>
          ) : (
            <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-0">
              {rows.map((r) => (
                <div className="nhsuk-summary-list__row" key={r.field}>
                  <dt className="nhsuk-summary-list__key">{fieldLabel(r.field)}</dt>
                  <dd className="nhsuk-summary-list__value">
                    {before ? (
                      <>
                        <span className="nhsuk-u-font-weight-bold">Before: </span>
                        <Value text={r.before} />
                        <br />
                      </>
                    ) : null}
                    {after ? (
                      <>
                        <span className="nhsuk-u-font-weight-bold">After: </span>
                        <Value text={r.after} />
                      </>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
          )
        ) : (
          <>
            {before && (
              <>
                <p className="nhsuk-body-s nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">Before</p>
                <pre className="convene-json">{prettyJson(before)}</pre>
              </>
            )}
            {after && (
              <>
                <p className="nhsuk-body-s nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1 nhsuk-u-margin-top-3">After</p>
                <pre className="convene-json">{prettyJson(after)}</pre>
              </>
            )}
          </>
        )}
      </div>
    </details>
  );
}
