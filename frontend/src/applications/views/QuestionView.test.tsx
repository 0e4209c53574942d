import { describe, expect, it, vi, afterEach } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { QuestionView, AUTOSAVE_MS } from './QuestionView';
import { Harness, mockClient, validationError, type Handler } from '../../test/mockClient';
import { applicationFixture } from '../../test/fixtures';

function setup(update: Handler = (v) => {
  const input = v.input as { answers: Array<{ key: string; value: string }> };
  const patch = Object.fromEntries(input.answers.map((a) => [a.key, a.value]));
  return { data: { updateApplication: { __typename: 'UpdateApplicationPayload', application: applicationFixture(patch) } } };
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
      extraRoutes={{ '/applications/:id/questions/domainSketch': <h1>Next question</h1> }}
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
    expect(updates[0]!.variables).toEqual({ input: { applicationId: 'app-1', answers: [{ key: 'motivation', value: 'Because omitted doses harm patients.' }] } });
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
    expect(updates[0]!.variables).toEqual({ input: { applicationId: 'app-1', answers: [{ key: 'motivation', value: 'Draft answer' }] } });
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

  it('counts words as you type against the limit', async () => {
    setup();
    const textarea = await screen.findByLabelText('Why do you care about this domain?');
    expect(screen.getByText('You have 1000 words remaining')).toBeTruthy();
    fireEvent.change(textarea, { target: { value: ' one two\nthree ' } });
    expect(screen.getByText('You have 997 words remaining')).toBeTruthy();
    fireEvent.change(textarea, { target: { value: 'word '.repeat(1002) } });
    expect(screen.getByText('You have 2 words too many')).toBeTruthy();
  });

  it('asks a choice question with radios and saves the choice by key', async () => {
    const region = { key: 'region', title: 'Which region?', hint: '', kind: 'CHOICE' as const, wordLimit: null, choices: ['North', 'South'], required: true };
    const app = applicationFixture({ answers: [{ question: region, value: '' }] });
    const mock = mockClient({
      Application: () => ({ data: { application: app } }),
      UpdateApplication: () => ({ data: { updateApplication: { __typename: 'UpdateApplicationPayload', application: app } } }),
    });
    render(
      <Harness
        client={mock.client}
        path="/applications/app-1/questions/region"
        route="/applications/:id/questions/:slug"
        extraRoutes={{ '/applications/:id/co-leads': <h1>Co-leads</h1> }}
      >
        <QuestionView />
      </Harness>,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Which region?');
    fireEvent.click(screen.getByLabelText('South'));
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('heading', { name: 'Co-leads' })).toBeTruthy();
    const updates = mock.calls.filter((c) => c.name === 'UpdateApplication');
    expect(updates[0]!.variables).toEqual({ input: { applicationId: 'app-1', answers: [{ key: 'region', value: 'South' }] } });
  });
});
