import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { CombinedError } from '@urql/core';
import { VerifyEmailView } from './VerifyEmailView';
import { ForgotPasswordView } from './ForgotPasswordView';
import { ResetPasswordView } from './ResetPasswordView';
import { ChangePasswordView } from './ChangePasswordView';
import { ChangeProfileView } from './ChangeProfileView';
import { AccountView } from './AccountView';
import { SignOutView } from './SignOutView';
import { getAccessToken, getRefreshToken, replaceTokens } from '../session';
import { Harness, mockClient, TEST_VIEWER, validationError, type Handler } from '../../test/mockClient';

function linkError(message: string) {
  return validationError([{ field: 'token', message }]);
}

function show(handlers: Record<string, Handler>, path: string, route: string, view: React.ReactNode, extraRoutes = {}, viewer = TEST_VIEWER) {
  const mock = mockClient(handlers);
  render(
    <Harness client={mock.client} path={path} route={route} viewer={viewer} extraRoutes={extraRoutes}>
      {view}
    </Harness>,
  );
  return mock;
}

/** Where a page navigated to, with its flash. */
function Landed() {
  const location = useLocation();
  return <p>{`landed ${location.pathname}: ${(location.state as { flash?: string } | null)?.flash ?? ''}`}</p>;
}

const ACCOUNT = {
  viewer: {
    id: 'person-1',
    name: 'Ada Lovelace',
    email: 'ada@example.nhs.uk',
    emailVerified: true,
    profession: null,
    organisation: { id: 'org-2', name: 'Riverside Primary Care Network' },
    organisationHistory: [
      { from: { id: 'org-1', name: "St Elsewhere's NHS Foundation Trust" }, to: { id: 'org-2', name: 'Riverside Primary Care Network' }, changedAt: '2026-11-02T10:00:00Z' },
    ],
    sessions: [
      { id: 's-1', createdAt: '2026-12-01T09:00:00Z', lastUsedAt: '2026-12-07T09:00:00Z', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', current: true },
      { id: 's-2', createdAt: '2026-11-20T09:00:00Z', lastUsedAt: '2026-11-21T09:00:00Z', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', current: false },
    ],
  },
};

describe('VerifyEmailView', () => {
  it('spends the token from the link once and says the address is confirmed', async () => {
    const mock = show({ VerifyEmail: () => ({ data: { verifyEmail: { person: { id: 'person-1', emailVerified: true } } } }) }, '/verify-email?token=abc', '/verify-email', <VerifyEmailView />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your email address is confirmed' })).toBeTruthy();
    expect(mock.calls.filter((c) => c.name === 'VerifyEmail')).toEqual([{ name: 'VerifyEmail', variables: { input: { token: 'abc' } } }]);
  });

  it('reads the signed-in viewer again once confirmed, so that the banner goes', async () => {
    const mock = show(
      { VerifyEmail: () => ({ data: { verifyEmail: { person: { id: 'person-1', emailVerified: true } } } }) },
      '/verify-email?token=abc',
      '/verify-email',
      <VerifyEmailView />,
      {},
      { ...TEST_VIEWER, emailVerified: false },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Your email address is confirmed' })).toBeTruthy();
    await waitFor(() => expect(mock.calls.map((c) => c.name)).toContain('Viewer'));
  });

  it("shows why a link failed, with the way to a new one for a person still unconfirmed", async () => {
    show({ VerifyEmail: () => ({ error: linkError('This link has expired: ask for a new link from your account page') }) }, '/verify-email?token=old', '/verify-email', <VerifyEmailView />, {}, {
      ...TEST_VIEWER,
      emailVerified: false,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'We could not confirm your email address' })).toBeTruthy();
    expect(screen.getByText('This link has expired: ask for a new link from your account page.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send the link again' })).toBeTruthy();
  });

  it('asks nothing of the server for a link without its token', () => {
    const mock = show({}, '/verify-email', '/verify-email', <VerifyEmailView />);
    expect(screen.getByText(/This link is not complete/)).toBeTruthy();
    expect(mock.calls).toHaveLength(0);
  });
});

describe('ForgotPasswordView', () => {
  it('asks for the address, then gives the same answer whatever it is', async () => {
    const mock = show({ RequestPasswordReset: () => ({ data: { requestPasswordReset: { accepted: true } } }) }, '/forgot-password', '/forgot-password', <ForgotPasswordView />, {}, null as never);
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'Enter your email address' }).getAttribute('href')).toBe('#email');
    expect(mock.calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: ' someone@example.nhs.uk ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeTruthy();
    expect(screen.getByText(/has a Convene account, we have sent it a link/)).toBeTruthy();
    expect(mock.calls.at(-1)?.variables).toEqual({ input: { email: 'someone@example.nhs.uk' } });
  });
});

describe('ResetPasswordView', () => {
  it('checks the length first, shows a spent link without a field, and points to a new one', async () => {
    const mock = show({ ResetPassword: () => ({ error: linkError('This link has already been used: ask for a new password reset link') }) }, '/reset-password?token=t1', '/reset-password', <ResetPasswordView />);
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'Password must be 12 characters or more' })).toBeTruthy();
    expect(mock.calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a much longer password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This link has already been used'));
    expect(within(screen.getByRole('alert')).queryByRole('link')).toBeNull();
    expect(screen.getByRole('link', { name: 'Ask for a new password reset link' }).getAttribute('href')).toBe('/forgot-password');
    expect(mock.calls[0]?.variables).toEqual({ input: { token: 't1', newPassword: 'a much longer password' } });
  });

  it('ends the session in this browser too, then offers sign-in', async () => {
    replaceTokens({ accessToken: 'old-access', refreshToken: 'old-refresh' });
    show({ ResetPassword: () => ({ data: { resetPassword: { person: { id: 'person-1' } } } }) }, '/reset-password?token=t1', '/reset-password', <ResetPasswordView />);
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a much longer password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your password has been changed' })).toBeTruthy();
    expect(getAccessToken()).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
  });
});

describe('ChangePasswordView', () => {
  it('keeps this session with the new tokens, since every other one ended', async () => {
    replaceTokens({ accessToken: 'old-access', refreshToken: 'old-refresh' });
    const mock = show(
      { ChangePassword: () => ({ data: { changePassword: { accessToken: 'new-access', refreshToken: 'new-refresh', person: { id: 'person-1' } } } }) },
      '/account/password',
      '/account/password',
      <ChangePasswordView />,
      { '/account': <Landed /> },
    );
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'my old password' } });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'my brand new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText(/^landed \/account: Your password has been changed/)).toBeTruthy();
    expect([getAccessToken(), getRefreshToken()]).toEqual(['new-access', 'new-refresh']);
    expect(mock.calls[0]?.variables).toEqual({ input: { currentPassword: 'my old password', newPassword: 'my brand new password' } });
  });

  it("shows the server's answer about the current password beside that field", async () => {
    show({ ChangePassword: () => ({ error: validationError([{ field: 'currentPassword', message: 'Your current password is not right' }]) }) }, '/account/password', '/account/password', <ChangePasswordView />);
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'wrong' } });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'my brand new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByRole('link', { name: 'Your current password is not right' })).getAttribute('href')).toBe('#currentPassword');
    expect(document.getElementById('currentPassword-error')?.textContent).toContain('Your current password is not right');
  });
});

describe('ChangeProfileView', () => {
  it('asks one question, filled with the current answer, and sends only that', async () => {
    const mock = show(
      { Account: () => ({ data: ACCOUNT }), UpdateProfile: () => ({ data: { updateProfile: { person: { ...ACCOUNT.viewer, name: 'Ada King' } } } }) },
      '/account/profile/name',
      '/account/profile/:field',
      <ChangeProfileView />,
      { '/account': <Landed /> },
    );
    const name = (await screen.findByLabelText('Full name')) as HTMLInputElement;
    expect(name.value).toBe('Ada Lovelace');
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'Enter your name' }).getAttribute('href')).toBe('#name');
    fireEvent.change(name, { target: { value: 'Ada King' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('landed /account: Your name has been changed')).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'UpdateProfile')?.variables).toEqual({ input: { name: 'Ada King' } });
  });
});

describe('AccountView', () => {
  it('lists the details with their change links, the earlier organisation and the sessions', async () => {
    const mock = show({ Account: () => ({ data: ACCOUNT }), SignOutSession: () => ({ data: { signOutSession: { signedOut: true } } }) }, '/account', '/account', <AccountView />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
    // The visually hidden part of a "Change" link, as its text reads.
    const change = (what: string) => screen.getAllByRole('link').find((a) => a.textContent === `Change ${what}`)?.getAttribute('href');
    expect(change('organisation')).toBe('/account/profile/organisation');
    expect(change('email address')).toBe('/account/email');
    expect(change('password')).toBe('/account/password');
    expect(screen.getByText('Confirmed')).toBeTruthy();
    const history = screen.getByRole('table', { name: 'Organisations you moved from' });
    expect(within(history).getByText("St Elsewhere's NHS Foundation Trust")).toBeTruthy();
    expect(within(history).getByText('2 November 2026')).toBeTruthy();

    const sessions = screen.getByRole('table', { name: /Your sessions/ });
    const [, current, other] = within(sessions).getAllByRole('row');
    expect(within(current!).getByText('Firefox on Linux')).toBeTruthy();
    expect(within(current!).getByText('This device')).toBeTruthy();
    expect(within(current!).queryByRole('button')).toBeNull();
    const signOut = within(other!).getByRole('button');
    expect(signOut.textContent).toMatch(/^Sign out Safari on an iPhone or iPad, signed in /);
    fireEvent.click(signOut);
    expect((await screen.findByRole('status')).textContent).toBe('Safari on an iPhone or iPad is signed out.');
    expect(mock.calls.find((c) => c.name === 'SignOutSession')?.variables).toEqual({ input: { sessionId: 's-2' } });
  });
});

describe('SignOutView', () => {
  it('signs out everywhere once, however often the page is drawn, then says so', async () => {
    replaceTokens({ accessToken: 'a', refreshToken: 'r' });
    const handlers = { SignOutEverywhere: () => ({ data: { signOutEverywhere: { signedOut: true } } }) };
    const mock = mockClient(handlers);
    const { rerender } = render(
      <Harness client={mock.client} path="/sign-out" route="/sign-out">
        <SignOutWithState />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'You have signed out everywhere' })).toBeTruthy();
    rerender(
      <Harness client={mock.client} path="/sign-out" route="/sign-out">
        <SignOutWithState key="again" />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'You have signed out everywhere' })).toBeTruthy();
    expect(mock.calls.filter((c) => c.name === 'SignOutEverywhere')).toHaveLength(1);
    expect(getAccessToken()).toBeNull();
  });

  it('shows a refusal instead of claiming success', async () => {
    const refused = () => ({ error: new CombinedError({ graphQLErrors: [{ message: 'Sign in to do this', extensions: { code: 'UNAUTHENTICATED' } }] }) });
    show({ SignOutEverywhere: refused }, '/sign-out', '/sign-out', <SignOutWithState />);
    expect(await screen.findByRole('heading', { level: 1, name: 'We could not sign you out everywhere' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Sign in to do this');
  });
});

/** The sign-out page as the account page opens it (router state `everywhere`). */
function SignOutWithState() {
  const location = useLocation();
  if (!(location.state as { everywhere?: boolean } | null)?.everywhere) {
    location.state = { everywhere: true };
  }
  return <SignOutView />;
}
