import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CreateCallView } from './CreateCallView';
import { Harness, TEST_VIEWER, mockClient, validationError, type Handler } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

function renderForm(createCall: Handler) {
  const mock = mockClient({ CreateCall: createCall });
  render(
    <Harness
      client={mock.client}
      path="/admin/calls/new"
      route="/admin/calls/new"
      viewer={TEAM}
      extraRoutes={{ '/admin/calls/:id': <h1>The new call</h1> }}
    >
      <CreateCallView />
    </Harness>,
  );
  return mock;
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** Everything required, with the opening in summer time (BST) and the closing in winter (GMT). */
function fillIn({ pounds }: { pounds: string }) {
  type('Title', '  Call for Conveners 2027 ');
  type('Description', 'A second round.');
  type('Opens on', '2026-07-01');
  type('Opens at', '09:00');
  type('Closes on', '2026-12-01');
  type('Closes at', '17:30');
  type('Everyone is told the outcome by', '2027-01-29');
  type('Honorarium for each funded domain, in pounds', pounds);
}

const created = () => ({ data: { createCall: { call: { id: 'call-9', title: 'Call for Conveners 2027', status: 'DRAFT' } } } });

describe('CreateCallView', () => {
  it('sends pounds as integer pence and London times as UTC instants, then opens the new call', async () => {
    const mock = renderForm(created);
    fillIn({ pounds: '5,000' });
    fireEvent.click(screen.getByRole('button', { name: 'Create call' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'The new call' })).toBeTruthy();
    const sent = mock.calls.filter((c) => c.name === 'CreateCall');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.variables).toEqual({
      input: {
        title: 'Call for Conveners 2027',
        description: 'A second round.',
        opensAt: '2026-07-01T08:00:00Z', // 9am BST
        closesAt: '2026-12-01T17:30:00Z', // 5:30pm GMT
        decisionDueOn: '2027-01-29',
        fundedPlaces: 5,
        honorariumPence: 500000,
        honorariumPolicy: 'REDISTRIBUTE',
        reviewersPerApplication: 3,
        criteria: [
          { name: 'Passion and energy for the domain', weight: 1 },
          { name: 'Clarity of the domain', weight: 1 },
          { name: 'Reach across professions and organisations', weight: 1 },
          { name: 'A workable plan', weight: 1 },
          { name: 'Likely effect on patient safety', weight: 1 },
        ],
        draft: false,
      },
    });
  });

  it.each([
    ['5000.50', 500050],
    ['£1,666.67', 166667],
    ['4500', 450000],
    ['0.1', 10],
  ])('turns "%s" into %i pence', async (pounds, pence) => {
    const mock = renderForm(created);
    fillIn({ pounds });
    fireEvent.click(screen.getByRole('button', { name: 'Create call' }));
    await screen.findByRole('heading', { level: 1, name: 'The new call' });
    const input = mock.calls.find((c) => c.name === 'CreateCall')?.variables.input as { honorariumPence: unknown };
    expect(input.honorariumPence).toBe(pence);
    expect(Number.isInteger(input.honorariumPence)).toBe(true);
  });

  it('refuses fractions of a penny before asking the server', async () => {
    const mock = renderForm(created);
    fillIn({ pounds: '5.555' });
    fireEvent.click(screen.getByRole('button', { name: 'Create call' }));

    const summary = await screen.findByRole('alert');
    const money = within(summary).getByRole('link', { name: 'Enter the honorarium in pounds, like 5000 or 5000.00' });
    expect(money.getAttribute('href')).toBe('#honorariumPence');
    expect(within(summary).getAllByRole('link')).toHaveLength(1);
    const input = screen.getByLabelText('Honorarium for each funded domain, in pounds');
    expect(input.getAttribute('aria-describedby')).toContain('honorariumPence-error');
    expect(document.getElementById('honorariumPence-error')?.textContent).toContain('Enter the honorarium in pounds');
    expect(document.title).toBe('Error: Create a call – Convene');
    expect(mock.calls.some((c) => c.name === 'CreateCall')).toBe(false);
  });

  it("links the server's field errors, criteria included, to the inputs they are about", async () => {
    const mock = renderForm(() => ({
      error: validationError([
        { field: 'closesAt', message: 'The closing time must be after the opening time' },
        { field: 'criteria.1.name', message: 'Each criterion needs a different name' },
        { field: 'criteria.4.weight', message: 'Weight must be a whole number from 1 to 100' },
      ]),
    }));
    fillIn({ pounds: '5000' });
    type('Criterion 2', 'passion and energy for the domain');
    type('Weight of criterion 5', '500');
    fireEvent.click(screen.getByRole('button', { name: 'Create call' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('There is a problem')).toBeTruthy();
    const closes = within(summary).getByRole('link', { name: 'The closing time must be after the opening time' });
    expect(closes.getAttribute('href')).toBe(`#${screen.getByLabelText('Closes on').id}`);
    const name = within(summary).getByRole('link', { name: 'Each criterion needs a different name' });
    expect(name.getAttribute('href')).toBe(`#${screen.getByLabelText('Criterion 2').id}`);
    const weight = within(summary).getByRole('link', { name: 'Weight must be a whole number from 1 to 100' });
    expect(weight.getAttribute('href')).toBe(`#${screen.getByLabelText('Weight of criterion 5').id}`);

    // Inline too, tied to the field for screen readers; the first criterion is untouched.
    for (const [label, message] of [
      ['Closes on', 'The closing time must be after the opening time'],
      ['Criterion 2', 'Each criterion needs a different name'],
      ['Weight of criterion 5', 'Weight must be a whole number from 1 to 100'],
    ] as const) {
      const field = screen.getByLabelText(label);
      const errorId = `${field.id}-error`;
      expect(field.getAttribute('aria-describedby')).toContain(errorId);
      expect(document.getElementById(errorId)?.textContent).toContain(message);
    }
    expect(screen.getByLabelText('Criterion 1').getAttribute('aria-describedby')).toBeNull();

    // Following a link moves focus to the input.
    fireEvent.click(name);
    expect(document.activeElement).toBe(screen.getByLabelText('Criterion 2'));
    expect(mock.calls.find((c) => c.name === 'CreateCall')?.variables).toMatchObject({
      input: { criteria: expect.arrayContaining([{ name: 'passion and energy for the domain', weight: 1 }]) },
    });
  });

  it('maps criteria errors by their place in what was sent, after rows were removed', async () => {
    renderForm(() => ({ error: validationError([{ field: 'criteria.1.name', message: 'Each criterion needs a different name' }]) }));
    fillIn({ pounds: '5000' });
    fireEvent.click(screen.getByRole('button', { name: /^Remove\s*criterion 1$/ }));
    // Sent now: Clarity (0), Reach (1), … so criteria.1 is the row shown second.
    fireEvent.click(screen.getByRole('button', { name: 'Create call' }));
    const link = within(await screen.findByRole('alert')).getByRole('link', { name: 'Each criterion needs a different name' });
    const second = screen.getByLabelText('Criterion 2') as HTMLInputElement;
    expect(second.value).toBe('Reach across professions and organisations');
    expect(link.getAttribute('href')).toBe(`#${second.id}`);
    expect(document.getElementById(link.getAttribute('href')!.slice(1))).toBe(second);
  });

  it('sends the question set once it is changed: removed, added, reordered, with a kind and a limit', async () => {
    const mock = renderForm(created);
    fillIn({ pounds: '5000' });
    // keep only the first two of the standard seven
    for (let n = 7; n > 2; n--) fireEvent.click(screen.getByRole('button', { name: new RegExp(`^Remove\\s*question ${n}$`) }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    type('Question 3', 'Which region?');
    fireEvent.change(screen.getByLabelText('Kind of answer to question 3'), { target: { value: 'CHOICE' } });
    type('Choices for question 3', 'North\n\nSouth\n');
    fireEvent.click(screen.getByRole('button', { name: /^Move up\s*question 3$/ }));
    type('Word limit for question 1', '300');
    fireEvent.click(screen.getAllByLabelText('No, it is optional')[2]!);
    fireEvent.click(screen.getByRole('button', { name: 'Create call' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'The new call' })).toBeTruthy();
    const input = mock.calls.find((c) => c.name === 'CreateCall')!.variables.input as { questions: unknown };
    expect(input.questions).toEqual([
      { key: 'motivation', title: 'Why do you care about this domain?', hint: expect.any(String), kind: 'TEXT', wordLimit: 300, choices: [], required: true },
      { key: 'whichRegion', title: 'Which region?', hint: '', kind: 'CHOICE', wordLimit: null, choices: ['North', 'South'], required: true },
      { key: 'domainSketch', title: 'A first sketch of the domain', hint: expect.any(String), kind: 'TEXT', wordLimit: 1000, choices: [], required: false },
    ]);
  });

  it('shows a problem with a question at its input', async () => {
    renderForm(() => ({ error: validationError([{ field: 'questions.1.key', message: 'Each question needs a different key' }]) }));
    fillIn({ pounds: '5000' });
    type('Key of question 2', 'motivation');
    fireEvent.click(screen.getByRole('button', { name: 'Create call' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Each question needs a different key' });
    expect(link.getAttribute('href')).toBe('#q-1-key');
    expect(document.getElementById('q-1-key-error')?.textContent).toContain('different key');
  });
});

