import { MIN_PASSWORD } from '../views/RegisterView';
import { TextInput } from '../../ui/fields';
import type { Problem } from '../../ui/problems';

/** The field for a new password (`newPassword`), with the length rule as its hint. */
export function NewPasswordInput({ value, onChange, error, note }: { value: string; onChange: (v: string) => void; error?: string; note: string }) {
  return (
    <TextInput
      id="newPassword"
      label="New password"
      hint={`Your password must be ${MIN_PASSWORD} characters or more. ${note}`}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** The length rule, checked before asking the server (which checks it too). */
export function newPasswordProblems(password: string): Problem[] {
  return password.length < MIN_PASSWORD ? [{ field: 'newPassword', message: `Password must be ${MIN_PASSWORD} characters or more` }] : [];
}
