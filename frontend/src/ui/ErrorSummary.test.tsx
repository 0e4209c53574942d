import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CombinedError } from '@urql/core';
import { ErrorSummary } from './ErrorSummary';
import { problemsFrom } from './problems';

describe('ErrorSummary', () => {
  it('renders VALIDATION field errors as links to #field', () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'Validation failed',
          extensions: {
            code: 'VALIDATION',
            fields: [
              { field: 'password', message: 'Password must be 12 characters or more' },
              { field: 'organisationId', message: 'Select your organisation' },
            ],
          },
        },
      ],
    });
    render(<ErrorSummary problems={problemsFrom(error)} />);

    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading', { level: 2 }).textContent).toBe('There is a problem');
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Password must be 12 characters or more', '#password'],
      ['Select your organisation', '#organisationId'],
    ]);
  });

  it('shows the message of other codes without a link', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'The call is closed', extensions: { code: 'INVALID_STATE' } }],
    });
    render(<ErrorSummary problems={problemsFrom(error)} />);
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('The call is closed');
    expect(within(summary).queryAllByRole('link')).toHaveLength(0);
  });

  it('never shows an INTERNAL error text', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'db exploded at /srv/x.rs', extensions: { code: 'INTERNAL' } }],
    });
    render(<ErrorSummary problems={problemsFrom(error)} />);
    expect(screen.getByRole('alert').textContent).toContain('Sorry, there is a problem with the service');
    expect(screen.getByRole('alert').textContent).not.toContain('db exploded');
  });

  it('renders nothing without problems', () => {
    const { container } = render(<ErrorSummary problems={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('moves focus to the field when a link is followed', () => {
    render(
      <>
        <ErrorSummary problems={[{ field: 'email', message: 'Enter your email address' }]} />
        <label htmlFor="email">Email</label>
        <input id="email" />
      </>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Enter your email address' }));
    expect(document.activeElement?.id).toBe('email');
  });
});
