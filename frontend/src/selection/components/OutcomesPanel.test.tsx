import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { OutcomesPanel, dueText, outcomesLine } from './OutcomesPanel';
import { Harness, mockClient } from '../../test/mockClient';

describe('OutcomesPanel', () => {
  it('says who is not told yet and how long is left', () => {
    expect(outcomesLine(4, 12, '2026-09-08')).toBe('4 people not told yet · 12 days until 8 September 2026');
    expect(outcomesLine(1, 1, '2026-09-08')).toBe('1 person not told yet · 1 day until 8 September 2026');
    expect(outcomesLine(0, 0, '2026-09-08')).toBe('Everyone has been told · due today, 8 September 2026');
    expect(dueText(-3, '2026-09-08')).toBe('8 September 2026 passed 3 days ago');
  });

  it('sends the outcomes and reports how many people were told', async () => {
    const mock = mockClient({
      SendOutcomes: () => ({ data: { sendOutcomes: { told: 4, call: { id: 'call-1', outcomesPending: 0 } } } }),
    });
    const messages: string[] = [];
    render(
      <Harness client={mock.client} path="/" route="/">
        <OutcomesPanel
          call={{ id: 'call-1', outcomesPending: 4, daysUntilDecisionDue: 12, decisionDueOn: '2026-09-08' }}
          setProblems={() => {}}
          setMessage={(m) => messages.push(m)}
          onChanged={() => {}}
        />
      </Harness>,
    );
    expect(screen.getByText(/4 people not told yet · 12 days until 8 September 2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send outcomes' }));
    await screen.findByRole('button', { name: 'Send outcomes' });
    await new Promise((r) => setTimeout(r, 0));
    expect(messages).toEqual(['Outcomes sent: 4 people told by email.']);
    expect(mock.calls.find((c) => c.name === 'SendOutcomes')?.variables).toEqual({ input: { callId: 'call-1' } });
  });
});
