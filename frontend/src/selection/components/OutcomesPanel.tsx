import { SendOutcomesMutation } from '../mutations';
import { Button, Tag } from '../../ui/fields';
import { formatDate, plural } from '../../ui/format';
import type { Problem } from '../../ui/problems';
import { formProblems, useFormMutation } from '../../ui/useFormMutation';

/** "12 days until 8 September 2026", "due today (…)", or "8 September 2026 passed 3 days ago". */
export function dueText(days: number, dueOn: string): string {
  const date = formatDate(dueOn);
  if (days > 0) return `${plural(days, 'day')} until ${date}`;
  if (days === 0) return `due today, ${date}`;
  return `${date} passed ${plural(-days, 'day')} ago`;
}

/** "4 people not told yet · 12 days until 8 September 2026" */
export function outcomesLine(pending: number, days: number, dueOn: string): string {
  const who = pending === 0 ? 'Everyone has been told' : `${plural(pending, 'person', 'people')} not told yet`;
  return `${who} · ${dueText(days, dueOn)}`;
}

interface Props {
  call: { id: string; outcomesPending: number; daysUntilDecisionDue: number; decisionDueOn: string };
  setProblems: (p: Problem[]) => void;
  setMessage: (m: string) => void;
  onChanged: () => void;
}

/** After the decision: who has not been told yet, how long until the due date, and "Send outcomes". */
export function OutcomesPanel({ call, setProblems, setMessage, onChanged }: Props) {
  const send = useFormMutation(SendOutcomesMutation, { form: formProblems([], setProblems) });
  const { fetching } = send;
  const late = call.daysUntilDecisionDue < 0 && call.outcomesPending > 0;

  const onSend = async () => {
    const r = await send.submit({ input: { callId: call.id } });
    if (!r) return;
    setMessage(`Outcomes sent: ${plural(r.sendOutcomes.told, 'person', 'people')} told by email.`);
    onChanged();
  };

  return (
    <div className="nhsuk-card" id="outcomes">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m">Outcomes</h3>
        <p className="nhsuk-body">
          {call.outcomesPending === 0 ? <Tag colour="green">All told</Tag> : <Tag colour={late ? 'red' : 'yellow'}>{late ? 'Late' : 'Not all told'}</Tag>}{' '}
          {outcomesLine(call.outcomesPending, call.daysUntilDecisionDue, call.decisionDueOn)}
        </p>
        <p className="nhsuk-body">
          Every applicant and co-lead gets an email with their outcome. Those not funded are encouraged to convene anyway,
          with the network&apos;s admin and coaching support.
        </p>
        {call.outcomesPending > 0 && (
          <Button type="button" disabled={fetching} onClick={() => void onSend()}>
            Send outcomes
          </Button>
        )}
      </div>
    </div>
  );
}
