import { describe, expect, it, beforeEach } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { CombinedError } from '@urql/core';
import { SignedInView, ORGANISATION_NEEDED } from './SignedInView';
import { SignInView } from './SignInView';
import { endSession, getAccessToken, getRefreshToken } from '../session';
import { Harness, mockClient, validationError, type Handler } from '../../test/mockClient';

function Landed() {
  const location = useLocation();
  return <p>{`landed ${location.pathname}${location.hash}`}</p>;
}

function show(handlers: Record<string, Handler>, path: string) {
  const mock = mockClient(handlers);
  render(
    <Harness client={mock.client} path={path} route="/signed-in" viewer={null} extraRoutes={{ '/applications': <Landed />, '/sign-in': <Landed /> }}>
      <SignedInView />
    </Harness>,
  );
  return mock;
}

const SIGNED_IN = {
  data: {
    exchangeSignInCode: { accessToken: 'access-1', refreshToken: 'refresh-1', person: { id: 'person-1', name: 'Alice', roles: [] } },
  },
};

const ORGANISATIONS = {
  data: {
    organisations: {
      totalCount: 1,
      nodes: [{ id: 'org-1', name: "St Elsewhere's NHS Foundation Trust", sector: 'NHS_TRUST', nhsMember: true }],
    },
  },
};

function organisationNeeded(): CombinedError {
  return new CombinedError({
    graphQLErrors: [
      {
        message: 'Choose your organisation to finish creating your account',
        extensions: { code: 'VALIDATION', reason: ORGANISATION_NEEDED, fields: [{ field: 'organisationId', message: 'Choose your organisation to finish creating your account' }] },
      },
    ],
  });
}

describe('SignedInView', () => {
  beforeEach(() => endSession());

  it('trades the code once for a session, drops it from the address and goes on', async () => {
    const mock = show({ ExchangeSignInCode: () => SIGNED_IN }, '/signed-in#code=abc');
    expect(await screen.findByText('landed /applications')).toBeTruthy();
    expect(mock.calls.filter((c) => c.name === 'ExchangeSignInCode')).toEqual([
      { name: 'ExchangeSignInCode', variables: { input: { code: 'abc', organisationId: null } } },
    ]);
    expect(getAccessToken()).toBe('access-1');
    expect(getRefreshToken()).toBe('refresh-1');
  });

  it('asks a new person for their organisation, then creates the account with it', async () => {
    const mock = show(
      {
        ExchangeSignInCode: (v) => ((v.input as { organisationId: string | null }).organisationId ? SIGNED_IN : { error: organisationNeeded() }),
        Organisations: () => ORGANISATIONS,
      },
      '/signed-in#code=new-person',
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Which organisation do you work for?' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    // nothing chosen: said in the error summary, nothing sent
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Select your organisation', { selector: 'a' })).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('Your organisation'), { target: { value: 'org-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('landed /applications')).toBeTruthy();
    expect(mock.calls.filter((c) => c.name === 'ExchangeSignInCode').map((c) => c.variables)).toEqual([
      { input: { code: 'new-person', organisationId: null } },
      { input: { code: 'new-person', organisationId: 'org-1' } },
    ]);
    expect(getAccessToken()).toBe('access-1');
  });

  it('explains an error from the sign-in service without asking the server', async () => {
    const mock = show({}, '/signed-in#error=address_taken');
    expect(await screen.findByRole('heading', { level: 1, name: 'We could not sign you in' })).toBeTruthy();
    expect(screen.getByText(/Sign in with your email address and password instead/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the sign-in page' }).getAttribute('href')).toBe('/sign-in');
    expect(mock.calls).toEqual([]);
  });

  it("shows the server's reason when the code cannot be used", async () => {
    show(
      { ExchangeSignInCode: () => ({ error: validationError([{ field: 'code', message: 'This link has already been used: sign in again' }]) }) },
      '/signed-in#code=spent',
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'We could not sign you in' })).toBeTruthy();
    expect(screen.getByText('This link has already been used: sign in again')).toBeTruthy();
    expect(getAccessToken()).toBeNull();
  });

  it('without a code or an error, says what to do', async () => {
    show({}, '/signed-in');
    expect(await screen.findByRole('heading', { level: 1, name: 'We could not sign you in' })).toBeTruthy();
  });
});

describe('SignInView', () => {
  function signInPage(providers: unknown[]) {
    const mock = mockClient({ AuthProviders: () => ({ data: { authProviders: providers } }) });
    render(
      <Harness client={mock.client} path="/sign-in" route="/sign-in" viewer={null}>
        <SignInView />
      </Harness>,
    );
  }

  it('offers single sign-on when a service is configured', async () => {
    signInPage([{ id: 'oidc', label: 'NHSmail', startUrl: 'https://convene.example/auth/oidc/start' }]);
    // a link (it leaves for the provider's site), styled as NHS.UK's secondary button
    const button = await screen.findByRole('link', { name: 'Sign in with NHSmail' });
    expect(button.getAttribute('href')).toBe('https://convene.example/auth/oidc/start');
    expect(button.className).toContain('nhsuk-button--secondary');
  });

  it('offers only the password otherwise', async () => {
    signInPage([]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull();
  });
});
