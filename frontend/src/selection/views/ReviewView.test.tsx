import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ReviewView } from './ReviewView';
import { Harness, TEST_VIEWER, mockClient, validationError, type Handler } from '../../test/mockClient';
import { applicationFixture } from '../../test/fixtures';
import type { ReviewFieldsFragment } from '../../graphql/graphql';

const CRITERIA = [
  { id: 'crit-1', name: 'Passion and energy for the domain', weight: 3, position: 1 },
  { id: 'crit-2', name: 'Clarity of the domain', weight: 2, position: 2 },
  { id: 'crit-3', name: 'Likely effect on patient safety', weight: 3, position: 3 },
];

const REVIEWER = { ...TEST_VIEWER, id: 'panel-1', name: 'Grace Lindqvist', roles: ['PANEL' as const] };

function review(id: string, reviewer: { id: string; name: string }, score: number): ReviewFieldsFragment {
  return {
    id,
    submittedAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    weightedScore: score,
    reviewer,
    scores: CRITERIA.map((c) => ({ score, comment: `${reviewer.name} on ${c.name}`, criterion: { id: c.id, name: c.name } })),
  };
}

function applicationData(myReview: ReviewFieldsFragment | null) {
  const app = applicationFixture({ status: 'SUBMITTED', submittedAt: '2026-07-20T08:05:00Z', viewerIsLead: false });
  return {
    viewer: { id: REVIEWER.id, reviewAssignments: [{ id: 'as-1', submitted: !!myReview, application: { id: app.id } }] },
    application: {
      ...app,
      viewerConflicted: false,
      viewerCan: { review: true },
      call: { ...app.call, status: 'IN_REVIEW' as const, criteria: CRITERIA },
      myReview,
    },
  };
}

function setup(submitReview: Handler) {
  let mine: ReviewFieldsFragment | null = null;
  const mock = mockClient({
    ReviewApplication: () => ({ data: applicationData(mine) }),
    ApplicationReviews: () => ({
      data: { application: { id: 'app-1', reviews: [mine, review('rev-2', { id: 'panel-2', name: 'Sam Whitfield' }, 2)].filter(Boolean) } },
    }),
    SubmitReview: (v) => {
      const result = submitReview(v);
      if (result?.data) mine = review('rev-1', { id: REVIEWER.id, name: REVIEWER.name }, 4);
      return result;
    },
  });
  render(
    <Harness client={mock.client} path="/reviews/app-1" route="/reviews/:applicationId" viewer={REVIEWER}>
      <ReviewView />
    </Harness>,
  );
  return mock;
}

const ok: Handler = () => ({ data: { submitReview: { review: review('rev-1', { id: REVIEWER.id, name: REVIEWER.name }, 4) } } });

function chooseScore(criterion: string, score: string) {
  fireEvent.click(within(screen.getByRole('group', { name: criterion })).getByRole('radio', { name: score }));
}

function comment(criterion: string, text: string) {
  fireEvent.change(screen.getByLabelText(`Comment on ${criterion.charAt(0).toLowerCase()}${criterion.slice(1)}`), { target: { value: text } });
}

describe('ReviewView (the review form)', () => {
  it('shows the answers, then a 1–5 choice with its weight and a comment per criterion', async () => {
    setup(ok);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Review: Medication safety');
    expect(screen.getByText('I have seen too many dosing errors on night shifts.')).toBeTruthy();
    for (const c of CRITERIA) {
      const group = screen.getByRole('group', { name: c.name });
      expect(within(group).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['1', '2', '3', '4', '5']);
      expect(within(group).getByText(`Weight ${c.weight} of 8`)).toBeTruthy();
    }
    expect(document.getElementById('scores.0.score')).toBe(within(screen.getByRole('group', { name: CRITERIA[0]!.name })).getByRole('radio', { name: '1' }));
    expect(document.getElementById('scores.2.comment')?.tagName).toBe('TEXTAREA');
  });

  it('requires a 1–5 choice and a comment for every criterion, linked from the error summary', async () => {
    const { calls } = setup(ok);
    fireEvent.click(await screen.findByRole('button', { name: 'Submit review' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByText('There is a problem')).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#scores.0.score',
      '#scores.0.comment',
      '#scores.1.score',
      '#scores.1.comment',
      '#scores.2.score',
      '#scores.2.comment',
    ]);
    expect(links[0]!.textContent).toBe('Select a score from 1 to 5 for passion and energy for the domain');
    // The inline message sits in the criterion's fieldset.
    expect(within(screen.getByRole('group', { name: 'Clarity of the domain' })).getByText(/Select a score from 1 to 5 for clarity of the domain/)).toBeTruthy();
    expect(document.title).toBe('Error: Review: Medication safety – Convene');
    expect(calls.filter((c) => c.name === 'SubmitReview')).toHaveLength(0);

    // Every comment given, every score but one: only that criterion's choice is missing.
    for (const c of CRITERIA) comment(c.name, `Fine on ${c.name}`);
    chooseScore(CRITERIA[0]!.name, '4');
    chooseScore(CRITERIA[2]!.name, '5');
    fireEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    const again = within(screen.getByRole('alert')).getAllByRole('link');
    expect(again.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#scores.1.score', 'Select a score from 1 to 5 for clarity of the domain'],
    ]);
    expect(calls.filter((c) => c.name === 'SubmitReview')).toHaveLength(0);
  });

  it("shows the server's field errors against the criterion they name", async () => {
    setup(() => ({
      error: validationError([
        { field: 'scores.1.comment', message: 'Enter a comment' },
        { field: 'scores.2.score', message: 'Give a score from 1 to 5' },
      ]),
    }));
    await screen.findByRole('button', { name: 'Submit review' });
    for (const [i, c] of CRITERIA.entries()) {
      chooseScore(c.name, String(i + 3));
      comment(c.name, ` Comment ${i} `);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#scores.1.comment', 'Clarity of the domain: Enter a comment'],
      ['#scores.2.score', 'Likely effect on patient safety: Give a score from 1 to 5'],
    ]);
    const textarea = document.getElementById('scores.1.comment')!;
    expect(textarea.getAttribute('aria-describedby')).toBe('scores.1.comment-error');
    expect(document.getElementById('scores.1.comment-error')?.textContent).toContain('Clarity of the domain: Enter a comment');
  });

  it("sends every criterion once, then shows the others' reviews", async () => {
    const { calls } = setup(ok);
    await screen.findByRole('button', { name: 'Submit review' });
    expect(screen.queryByRole('heading', { name: 'Other reviewers' })).toBeNull();
    for (const [i, c] of CRITERIA.entries()) {
      chooseScore(c.name, String(i + 2));
      comment(c.name, ` Comment ${i} `);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(await screen.findByRole('heading', { name: 'Your review has been submitted' })).toBeTruthy();
    expect(calls.find((c) => c.name === 'SubmitReview')?.variables).toEqual({
      input: {
        applicationId: 'app-1',
        scores: [
          { criterionId: 'crit-1', score: 2, comment: 'Comment 0' },
          { criterionId: 'crit-2', score: 3, comment: 'Comment 1' },
          { criterionId: 'crit-3', score: 4, comment: 'Comment 2' },
        ],
      },
    });
    const others = await screen.findByRole('region', { name: 'Other reviewers' });
    expect(within(others).getByText('Sam Whitfield: weighted score 2.00')).toBeTruthy();
    expect(within(others).queryByText(/Grace Lindqvist/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Save changes to your review' })).toBeTruthy();
  });
});
