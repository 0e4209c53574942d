import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CombinedError } from '@urql/core';
import { Provider } from 'urql';
import { JoinCommunityMutation as JoinMutation } from '../communities/mutations';
import type { JoinCommunityMutationVariables } from '../graphql/graphql';
import { communityFixture } from '../communities/fixtures';
import { mockClient, validationError, type Handler } from '../test/mockClient';
import { ErrorSummary } from './ErrorSummary';
import { TextInput } from './fields';
import { pageProblems, useFormMutation, type FormMutationOptions } from './useFormMutation';

type Vars = JoinCommunityMutationVariables;

function Form({ options, onDone }: { options?: FormMutationOptions<Vars>; onDone: (joined: boolean) => void }) {
  const join = useFormMutation(JoinMutation, options);
  return (
    <>
      <ErrorSummary problems={join.problems} />
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (join.invalid([])) return;
          const r = await join.submit({ input: { communityId: 'com-1', note: 'hello' } });
          if (r) onDone(r.joinCommunity.joined);
        }}
      >
        <TextInput id="note" label="Note" value="" onChange={() => {}} error={join.fieldError('note')} />
        <button disabled={join.fetching}>Send</button>
      </form>
    </>
  );
}

function renderForm(handler: Handler, options?: FormMutationOptions<Vars>) {
  const done: boolean[] = [];
  const mock = mockClient({ JoinCommunity: handler });
  render(
    <Provider value={mock.client}>
      <Form options={options} onDone={(j) => done.push(j)} />
    </Provider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  return { done, mock };
}

describe('useFormMutation', () => {
  it('maps extensions.fields to the field and the NHS.UK error summary', async () => {
    renderForm(() => ({ error: validationError([{ field: 'note', message: 'The note is too long' }]) }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { level: 2 }).textContent).toBe('There is a problem');
    expect(within(summary).getByRole('link', { name: 'The note is too long' }).getAttribute('href')).toBe('#note');
    expect(screen.getByText('The note is too long', { selector: '.nhsuk-error-message *, .nhsuk-error-message' })).toBeTruthy();
    expect(screen.getByLabelText('Note').getAttribute('aria-describedby')).toBe('note-error');
  });

  it('returns the data and clears the problems on success', async () => {
    const { done } = renderForm(() => ({ data: { joinCommunity: { joined: true, request: null, community: communityFixture() } } }));
    await screen.findByRole('button', { name: 'Send' });
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toEqual([true]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a problem for a field the page does not have without a link', async () => {
    renderForm(() => ({ error: validationError([{ field: 'communityId', message: 'There is no such community' }]) }), { fields: ['note'] });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is no such community');
    expect(within(summary).queryAllByRole('link')).toHaveLength(0);
  });

  it('says the service has a problem for an INTERNAL error', async () => {
    renderForm(() => ({ error: new CombinedError({ graphQLErrors: [{ message: 'boom at x.rs', extensions: { code: 'INTERNAL' } }] }) }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Sorry, there is a problem with the service');
    expect(summary.textContent).not.toContain('boom');
  });
});

describe('pageProblems', () => {
  const error = validationError([
    { field: 'reference', message: 'Enter the reference' },
    { field: 'shareId', message: 'There is no such share' },
  ]);

  it('renames, then keeps links only for the page’s fields, then maps with the variables', () => {
    const ps = pageProblems(error, { id: 's1' }, {
      rename: { reference: 'reference-s1' },
      fields: ['reference-s1'],
      map: (problems, _e, v) => problems.map((p) => ({ ...p, message: `${p.message} (${v.id})` })),
    });
    expect(ps).toEqual([
      { field: 'reference-s1', message: 'Enter the reference (s1)' },
      { message: 'There is no such share (s1)' },
    ]);
  });
});
