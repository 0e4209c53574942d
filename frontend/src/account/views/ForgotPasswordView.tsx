import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { RequestPasswordResetMutation } from '../mutations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, TextInput } from '../../ui/fields';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { TwoThirds } from '../../ui/TwoThirds';

/**
 * /forgot-password: one question, then the same answer whether or not the address has an
 * account (nobody learns from this page who has one).
 */
export function ForgotPasswordView() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useFormMutation(RequestPasswordResetMutation, { fields: ['email'] });
  usePageTitle(sentTo ? 'Check your email' : 'Reset your password', request.problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    if (request.invalid(address ? [] : [{ field: 'email', message: 'Enter your email address' }])) return;
    if (await request.submit({ input: { email: address } })) setSentTo(address);
  };

  if (sentTo) {
    return (
      <TwoThirds>
        <h1 className="nhsuk-heading-l">Check your email</h1>
        <p className="nhsuk-body">
          If <strong>{sentTo}</strong> has a Convene account, we have sent it a link to choose a new password. The link
          works once, for 1 hour.
        </p>
        <p className="nhsuk-body">If nothing arrives in a few minutes, check your spam folder and that the address is the one you signed up with.</p>
        <p className="nhsuk-body">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </TwoThirds>
    );
  }

  return (
    <TwoThirds>
      <BackLink to="/sign-in">Back to sign in</BackLink>
      <ErrorSummary problems={request.problems} />
      <h1 className="nhsuk-heading-l">Reset your password</h1>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="email"
          label="Email address"
          hint="The address you use to sign in. We will send a link to it."
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={request.fieldError('email')}
        />
        <Button disabled={request.fetching}>Send the link</Button>
      </form>
    </TwoThirds>
  );
}
