/** The words that go with the dashboard's charts: what a screen reader hears instead of the picture. */
import { formatPence, plural } from '../ui/format';

export interface Counted {
  label: string;
  count: number;
}

export function total(rows: Array<{ count: number }>): number {
  return rows.reduce((n, r) => n + r.count, 0);
}

/** "Bar chart of applications per domain: Medication safety 4, Sepsis 2." */
export function countSummary(what: string, rows: Counted[]): string {
  if (rows.length === 0) return `Bar chart of ${what}: none.`;
  return `Bar chart of ${what}: ${rows.map((r) => `${r.label} ${r.count}`).join(', ')}.`;
}

/** "Stacked bar chart of reviews per panel member: Tom Okafor 3 of 4 submitted, …" */
export function progressSummary(what: string, rows: Array<{ label: string; done: number; of: number }>, doneWord: string): string {
  if (rows.length === 0) return `Stacked bar chart of ${what}: none.`;
  return `Stacked bar chart of ${what}: ${rows.map((r) => `${r.label} ${r.done} of ${r.of} ${doneWord}`).join(', ')}.`;
}

/** "Bullet chart of honoraria against budget: Call for Conveners 2026, £10,000 committed and £2,500 paid of a £25,000 budget." */
export function moneySummary(rows: Array<{ label: string; budgetPence: number; committedPence: number; paidPence: number }>): string {
  if (rows.length === 0) return 'Chart of honoraria against budget: no calls.';
  return `Chart of honoraria against budget: ${rows
    .map((r) => `${r.label}, ${formatPence(r.committedPence)} committed and ${formatPence(r.paidPence)} paid of a ${formatPence(r.budgetPence)} budget`)
    .join('; ')}.`;
}

/** "Due in 5 days", "Due today", "1 day past the date". */
export function dueText(days: number): string {
  if (days === 0) return 'Due today';
  if (days > 0) return `Due in ${plural(days, 'day')}`;
  return `${plural(-days, 'day')} past the date`;
}
