import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CombinedError } from '@urql/core';
import { VerifyEmailBanner } from './VerifyEmailBanner';
import { JoinCommunityMutation } from '../../communities/mutations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { EMAIL_NOT_VERIFIED, problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { Harness, mockClient, TEST_VIEWER, type Handler } from '../../test/mockClient';

const UNVERIFIED = { ...TEST_VIEWER, emailVerified: false };

function renderBanner(resend: Handler, viewer = UNVERIFIED, path = '/communities') {
  const mock = mockClient({ ResendVerificationEmail: resend });
  render(
    <Harness client={mock.client} path={path} route={path} viewer={viewer}>
      <VerifyEmailBanner />
    </Harness>,
  );
  return mock;
}

const rateLimited = () => ({
  error: new CombinedError({
    graphQLErrors: [
      { message: 'We sent a link moments ago: wait 42 seconds before asking again', extensions: { code: 'RATE_LIMITED', retryAfter: 42 } },
    ],
  }),
});

describe('VerifyEmailBanner', () => {
  it('asks an unconfirmed person to open the link, and sends it again', async () => {
    const mock = renderBanner(() => ({ data: { resendVerificationEmail: { sent: true } } }));
    const banner = screen.getByRole('region', { name: 'Important' });
    expect(within(banner).getByRole('heading', { name: 'Confirm your email address' })).toBeTruthy();
    expect(banner.textContent).toContain(TEST_VIEWER.email);
    fireEvent.click(within(banner).getByRole('button', { name: 'Send the link again' }));
    expect((await within(banner).findByRole('status')).textContent).toBe(`We have sent a new link to ${TEST_VIEWER.email}. It works for 48 hours.`);
    expect(mock.calls.filter((c) => c.name === 'ResendVerificationEmail')).toHaveLength(1);
  });

  it('says how long to wait when asked again too soon', async () => {
    renderBanner(rateLimited);
    fireEvent.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect((await screen.findByRole('status')).textContent).toBe('We sent a link moments ago: wait 42 seconds before asking again');
  });

  it('is not shown to a confirmed person, to nobody signed in, or on the verification page itself', () => {
    renderBanner(() => undefined, TEST_VIEWER);
    expect(screen.queryByRole('region')).toBeNull();
    renderBanner(() => undefined, null as never);
    expect(screen.queryByRole('region')).toBeNull();
    renderBanner(() => undefined, UNVERIFIED, '/verify-email');
    expect(screen.queryByRole('region')).toBeNull();
  });
});

function Form() {
  const join = useFormMutation(JoinCommunityMutation, { fields: ['note'] });
  return (
    <>
      <ErrorSummary problems={join.problems} />
      <button onClick={() => void join.submit({ input: { communityId: 'com-1', note: '' } })}>Join</button>
    </>
  );
}

describe('a form refused for an unconfirmed address', () => {
  const refused = () => ({
    error: new CombinedError({
      graphQLErrors: [
        {
          message: 'Confirm your email address before you join a community: open the link we sent to ada@example.nhs.uk',
          extensions: { code: 'FORBIDDEN', reason: EMAIL_NOT_VERIFIED },
        },
      ],
    }),
  });

  it('keeps the reason on the problem, and only for that reason', () => {
    expect(problemsFrom(refused().error)).toEqual([{ message: expect.stringContaining('Confirm your email address'), reason: EMAIL_NOT_VERIFIED }]);
    const other = new CombinedError({ graphQLErrors: [{ message: 'No', extensions: { code: 'FORBIDDEN', reason: 'SOMETHING_ELSE' } }] });
    expect(problemsFrom(other)).toEqual([{ message: 'No' }]);
  });

  it('shows the message in the error summary with "send the link again" beside it', async () => {
    const mock = mockClient({ JoinCommunity: refused, ResendVerificationEmail: rateLimited });
    render(
      <Harness client={mock.client} path="/c" route="/c" viewer={UNVERIFIED}>
        <Form />
      </Harness>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Confirm your email address before you join a community');
    fireEvent.click(within(summary).getByRole('button', { name: 'Send the link again' }));
    expect((await within(summary).findByRole('status')).textContent).toContain('wait 42 seconds');
  });
});
