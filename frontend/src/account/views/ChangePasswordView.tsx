import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ChangePasswordMutation } from '../mutations';
import { replaceTokens } from '../session';
import { NewPasswordInput, newPasswordProblems } from '../components/NewPasswordInput';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, TextInput } from '../../ui/fields';
import { type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { TwoThirds } from '../../ui/TwoThirds';
import { accountUrl } from '../../urls';

/** /account/password: the current password, then a new one; every other session ends. */
export function ChangePasswordView() {
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useFormMutation(ChangePasswordMutation, { fields: ['currentPassword', 'newPassword'] });
  usePageTitle('Change your password', change.problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Problem[] = current ? [] : [{ field: 'currentPassword', message: 'Enter your current password' }];
    if (change.invalid([...found, ...newPasswordProblems(next)])) return;
    const r = await change.submit({ input: { currentPassword: current, newPassword: next } });
    if (!r) return;
    // Every other session has ended; this one goes on with the new pair (the old one is spent).
    replaceTokens({ accessToken: r.changePassword.accessToken, refreshToken: r.changePassword.refreshToken });
    navigate(accountUrl(), { state: { flash: 'Your password has been changed. You have been signed out on every other device.' } });
  };

  return (
    <TwoThirds>
      <BackLink to={accountUrl()}>Back to your account</BackLink>
      <ErrorSummary problems={change.problems} />
      <h1 className="nhsuk-heading-l">Change your password</h1>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={change.fieldError('currentPassword')}
        />
        <NewPasswordInput value={next} onChange={setNext} error={change.fieldError('newPassword')} note="You will be signed out on your other devices." />
        <Button disabled={change.fetching}>Change password</Button>
      </form>
    </TwoThirds>
  );
}
