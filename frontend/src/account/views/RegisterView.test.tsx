import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RegisterView } from './RegisterView';
import { Harness, mockClient, validationError } from '../../test/mockClient';

const organisations = {
  organisations: {
    __typename: 'OrganisationConnection',
    totalCount: 2,
    nodes: [
      { __typename: 'Organisation', id: 'org-1', name: 'Riverside NHS Foundation Trust', sector: 'NHS_TRUST', nhsMember: true },
      { __typename: 'Organisation', id: 'org-2', name: 'MedTech Ltd', sector: 'INDUSTRY', nhsMember: false },
    ],
  },
};

describe('RegisterView', () => {
  it("shows the server's field errors in the summary and at each field", async () => {
    const { client, calls } = mockClient({
      Organisations: () => ({ data: organisations }),
      Register: () => ({
        error: validationError([
          { field: 'email', message: 'An account with this email address already exists' },
          { field: 'profession', message: 'Profession must be 100 characters or fewer' },
        ]),
      }),
    });
    render(
      <Harness client={client} path="/register" route="/register" viewer={null}>
        <RegisterView />
      </Harness>,
    );

    // Never asks for grade, title or seniority.
    expect(screen.queryByLabelText(/grade|title|seniority/i)).toBeNull();

    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'ada@example.nhs.uk' } });
    fireEvent.change(screen.getByLabelText('Create a password'), { target: { value: 'correct horse battery' } });
    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Ada Lovelace' } });
    const select = await screen.findByLabelText('Organisation you work for');
    await waitFor(() => expect(within(select).getByRole('option', { name: /Riverside/ })).toBeTruthy());
    expect(within(select).getByRole('option', { name: 'Riverside NHS Foundation Trust (NHS trust)' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 'org-1' } });
    fireEvent.change(screen.getByLabelText('Profession (optional)'), { target: { value: 'Pharmacist' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('There is a problem')).toBeTruthy();
    const link = within(summary).getByRole('link', { name: 'An account with this email address already exists' });
    expect(link.getAttribute('href')).toBe('#email');
    expect(within(summary).getByRole('link', { name: /Profession must be/ }).getAttribute('href')).toBe('#profession');

    // Inline, next to the field, and tied to it for screen readers.
    const email = screen.getByLabelText('Email address');
    expect(email.getAttribute('aria-describedby')).toContain('email-error');
    expect(document.getElementById('email-error')?.textContent).toContain('An account with this email address already exists');
    expect(document.title).toMatch(/^Error: /);

    const register = calls.find((c) => c.name === 'Register');
    expect(register?.variables).toEqual({
      input: { email: 'ada@example.nhs.uk', password: 'correct horse battery', name: 'Ada Lovelace', organisationId: 'org-1', profession: 'Pharmacist' },
    });
  });

  it('checks the password length before asking the server', async () => {
    const { client, calls } = mockClient({ Organisations: () => ({ data: organisations }) });
    render(
      <Harness client={client} path="/register" route="/register" viewer={null}>
        <RegisterView />
      </Harness>,
    );
    expect(screen.getByText('Your password must be 12 characters or more.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Create a password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Password must be 12 characters or more' }).getAttribute('href')).toBe('#password');
    expect(calls.some((c) => c.name === 'Register')).toBe(false);
  });
});
