import type { FunctionFieldsFragment } from '../../graphql/graphql';
import { Tag } from '../../ui/fields';
import { londonToday } from '../../ui/format';
import { functionPeriod } from '../labels';

/** "Now" (green), "From 3 December" (blue, not started yet) or "Ended" (grey). */
export function PeriodTag({ period, today = londonToday() }: { period: Pick<FunctionFieldsFragment, 'current' | 'from' | 'until'>; today?: string }) {
  if (period.current) return <Tag colour="green">Now</Tag>;
  if (period.from > today) return <Tag colour="blue">Coming up</Tag>;
  return <Tag colour="grey">Ended</Tag>;
}

/** Who held a function, and when, oldest first. */
export function FunctionHistory({ history }: { history: FunctionFieldsFragment[] }) {
  return (
    <ol className="nhsuk-list nhsuk-list--number">
      {history.map((h) => (
        <li key={h.id}>
          {h.holder.name}: {functionPeriod(h)}
        </li>
      ))}
    </ol>
  );
}
