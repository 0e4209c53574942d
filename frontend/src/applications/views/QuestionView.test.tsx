import { describe, expect, it, vi, afterEach } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { QuestionView, AUTOSAVE_MS } from './QuestionView';
import { Harness, mockClient, validationError, type Handler } from '../../test/mockClient';
import { applicationFixture } from '../../test/fixtures';

function setup(update: Handler = (v) => {
  const input = v.input as Record<string, string>;
  return { data: { updateApplication: { __typename: 'UpdateApplicationPayload', application: applicationFixture({ ...input }) } } };
}) {
  const mock = mockClient({
    Application: () => ({ data: { application: applicationFixture({ motivation: '' }) } }),
    UpdateApplication: update,
  });
  render(
    <Harness
      client={mock.client}
      path="/applications/app-1/questions/motivation"
      route="/applications/:id/questions/:slug"
      extraRoutes={{ '/applications/:id/questions/domain-sketch': <h1>Next question</h1> }}
    >
      <QuestionView />
    </Harness>,
  );
  return mock;
}

afterEach(() => vi.useRealTimers());

describe('QuestionView', () => {
  it('saves the answer on Continue and goes to the next question', async () => {
    const { calls } = setup();
    const textarea = await screen.findByLabelText('Why do you care about this domain?');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Why do you care about this domain?');
    fireEvent.change(textarea, { target: { value: 'Because omitted doses harm patients.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));

    expect(await screen.findByRole('heading', { name: 'Next question' })).toBeTruthy();
    const updates = calls.filter((c) => c.name === 'UpdateApplication');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.variables).toEqual({ input: { applicationId: 'app-1', motivation: 'Because omitted doses harm patients.' } });
  });

  it('saves as you type and says so', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls } = setup();
    const textarea = await screen.findByLabelText('Why do you care about this domain?');
    fireEvent.change(textarea, { target: { value: 'Draft' } });
    fireEvent.change(textarea, { target: { value: 'Draft answer' } });
    expect(calls.filter((c) => c.name === 'UpdateApplication')).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 50);
    });
    const updates = calls.filter((c) => c.name === 'UpdateApplication');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.variables).toEqual({ input: { applicationId: 'app-1', motivation: 'Draft answer' } });
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('shows the server problem at the field', async () => {
    setup(() => ({ error: validationError([{ field: 'motivation', message: 'Motivation must be 5000 characters or fewer' }]) }));
    const textarea = await screen.findByLabelText('Why do you care about this domain?');
    fireEvent.change(textarea, { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /5000 characters/ }).getAttribute('href')).toBe('#motivation');
    expect(document.getElementById('motivation-error')?.textContent).toContain('5000 characters');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Why do you care about this domain?');
  });
});
