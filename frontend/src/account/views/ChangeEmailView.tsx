import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ChangeEmailMutation } from '../mutations';
import { useSession } from '../SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, TextInput } from '../../ui/fields';
import { type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { TwoThirds } from '../../ui/TwoThirds';
import { accountUrl } from '../../urls';

/** /account/email: the new address and the password; the change waits for the link sent there. */
export function ChangeEmailView() {
  const { viewer } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const change = useFormMutation(ChangeEmailMutation, { fields: ['newEmail', 'password'] });
  usePageTitle(sentTo ? 'Check your new email address' : 'Change your email address', change.problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Problem[] = [];
    if (!email.trim()) found.push({ field: 'newEmail', message: 'Enter your new email address' });
    if (!password) found.push({ field: 'password', message: 'Enter your password' });
    if (change.invalid(found)) return;
    if (await change.submit({ input: { newEmail: email.trim(), password } })) setSentTo(email.trim());
  };

  if (sentTo) {
    return (
      <TwoThirds>
        <h1 className="nhsuk-heading-l">Check your new email address</h1>
        <p className="nhsuk-body">
          We have sent a link to <strong>{sentTo}</strong>. Your email address changes when you open it. Until then, keep
          signing in with {viewer?.email ?? 'your current address'}.
        </p>
        <p className="nhsuk-body">We have also told your current address about the change.</p>
        <p className="nhsuk-body">
          <Link to={accountUrl()}>Back to your account</Link>
        </p>
      </TwoThirds>
    );
  }

  return (
    <TwoThirds>
      <BackLink to={accountUrl()}>Back to your account</BackLink>
      <ErrorSummary problems={change.problems} />
      <h1 className="nhsuk-heading-l">Change your email address</h1>
      {viewer && <p className="nhsuk-body">Your email address is {viewer.email}.</p>}
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="newEmail"
          label="New email address"
          hint="We will send a link to it: the change takes effect when you open the link."
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={change.fieldError('newEmail')}
        />
        <TextInput
          id="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={change.fieldError('password')}
        />
        <Button disabled={change.fetching}>Send the link</Button>
      </form>
    </TwoThirds>
  );
}
