import type { ReactNode } from 'react';
import { DownloadButton } from '../../ui/DownloadButton';
import { csvFilename, csvPath, type DashboardFilters, type DashboardTable } from '../filters';

/** "applications-by-domain" → "figure-applications-by-domain" (the section's heading id). */
export function headingId(table: DashboardTable | string): string {
  return `figure-${table}`;
}

/**
 * One figure of the dashboard: its heading, what it says in words, the chart (if any) with its
 * numbers in a table right behind it ("Show the numbers as a table"), or the table alone, and
 * the CSV of the same numbers.
 */
export function FigureSection({
  table,
  title,
  filters,
  intro,
  chart,
  children,
  empty,
  csvLabel,
}: {
  table: DashboardTable;
  title: string;
  filters: DashboardFilters;
  intro?: ReactNode;
  chart?: ReactNode;
  /** The table of numbers. */
  children: ReactNode;
  /** Said instead of the chart and table when there is nothing to count. */
  empty?: string | null;
  csvLabel?: string;
}) {
  const id = headingId(table);
  return (
    <section aria-labelledby={id} className="convene-figure">
      <h2 className="nhsuk-heading-m" id={id}>
        {title}
      </h2>
      {intro}
      {empty ? (
        <p className="nhsuk-body">{empty}</p>
      ) : chart ? (
        <>
          {chart}
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">
                Show the numbers as a table<span className="nhsuk-u-visually-hidden"> of {title.toLowerCase()}</span>
              </span>
            </summary>
            <div className="nhsuk-details__text">{children}</div>
          </details>
        </>
      ) : (
        children
      )}
      <DownloadButton path={csvPath(table, filters)} filename={csvFilename(table, filters)}>
        {csvLabel ?? 'Download CSV'}
        <span className="nhsuk-u-visually-hidden"> of {title.toLowerCase()}</span>
      </DownloadButton>
    </section>
  );
}

export interface Column<Row> {
  header: string;
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
  /** Marks the row header (the first column, usually). */
  rowHeader?: boolean;
}

/** An NHS.UK table of figures with a caption. */
export function FigureTable<Row>({
  caption,
  rows,
  columns,
  rowKey,
  rowClassName,
  totals,
}: {
  caption: string;
  rows: Row[];
  columns: Array<Column<Row>>;
  rowKey: (row: Row, index: number) => string;
  rowClassName?: (row: Row) => string | undefined;
  totals?: ReactNode[];
}) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {columns.map((c) => (
            <th key={c.header} className={`nhsuk-table__header${c.numeric ? ' nhsuk-table__header--numeric' : ''}`} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className={`nhsuk-table__row${rowClassName?.(row) ? ` ${rowClassName(row)}` : ''}`}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.header} className="nhsuk-table__header" scope="row">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} className={`nhsuk-table__cell${c.numeric ? ' nhsuk-table__cell--numeric' : ''}`}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
        {totals && (
          <tr className="nhsuk-table__row convene-table-total">
            {totals.map((t, i) =>
              i === 0 ? (
                <th key={i} className="nhsuk-table__header" scope="row">
                  {t}
                </th>
              ) : (
                <td key={i} className={`nhsuk-table__cell${columns[i]?.numeric ? ' nhsuk-table__cell--numeric' : ''}`}>
                  {t}
                </td>
              ),
            )}
          </tr>
        )}
      </tbody>
    </table>
  );
}
