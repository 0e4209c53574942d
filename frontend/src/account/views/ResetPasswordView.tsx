import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { ResetPasswordMutation } from '../mutations';
import { endSession } from '../session';
import { NewPasswordInput, newPasswordProblems } from '../components/NewPasswordInput';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button } from '../../ui/fields';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { TwoThirds } from '../../ui/TwoThirds';

/** /reset-password?token=…: choose a new password with the mailed link; every session ends. */
export function ResetPasswordView() {
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  // A used or expired link is the token's problem: there is no field for it on the page.
  const reset = useFormMutation(ResetPasswordMutation, { fields: ['newPassword'] });
  usePageTitle(done ? 'Your password has been changed' : 'Create a new password', reset.problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (reset.invalid(newPasswordProblems(password))) return;
    if (!(await reset.submit({ input: { token, newPassword: password } }))) return;
    // The server ended every session, this browser's included.
    endSession();
    setDone(true);
  };

  if (done) {
    return (
      <TwoThirds>
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">Your password has been changed</h1>
        </div>
        <p className="nhsuk-body">You have been signed out everywhere. Sign in with your new password.</p>
        <p className="nhsuk-body">
          <Link className="nhsuk-button" role="button" draggable={false} to="/sign-in">
            Sign in
          </Link>
        </p>
      </TwoThirds>
    );
  }

  if (!token) {
    return (
      <TwoThirds>
        <h1 className="nhsuk-heading-l">This link is not complete</h1>
        <p className="nhsuk-body">
          Copy the whole link from the email, or <Link to="/forgot-password">ask for a new password reset link</Link>.
        </p>
      </TwoThirds>
    );
  }

  const linkFailed = reset.problems.some((p) => !p.field);
  return (
    <TwoThirds>
      <ErrorSummary problems={reset.problems} />
      <h1 className="nhsuk-heading-l">Create a new password</h1>
      {linkFailed && (
        <p className="nhsuk-body">
          <Link to="/forgot-password">Ask for a new password reset link</Link>
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <NewPasswordInput value={password} onChange={setPassword} error={reset.fieldError('newPassword')} note="You will need to sign in again on every device." />
        <Button disabled={reset.fetching}>Change password</Button>
      </form>
    </TwoThirds>
  );
}
