import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { RegisterMutation } from '../mutations';
import { startSession } from '../session';
import { safeNext } from '../components/guards';
import { OrganisationPicker } from '../components/OrganisationPicker';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, TextInput } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';

export const MIN_PASSWORD = 12;

export function RegisterView() {
  const navigate = useNavigate();
  const location = useLocation();
  const next = safeNext(location.search, '/applications');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [profession, setProfession] = useState('');
  const register = useFormMutation(RegisterMutation);
  const { problems, setProblems, fetching } = register;
  usePageTitle('Create an account', problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!email.trim()) local.push({ field: 'email', message: 'Enter your email address' });
    if (password.length < MIN_PASSWORD)
      local.push({ field: 'password', message: `Password must be ${MIN_PASSWORD} characters or more` });
    if (!name.trim()) local.push({ field: 'name', message: 'Enter your name' });
    if (!organisationId) local.push({ field: 'organisationId', message: 'Select your organisation' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const result = await register.submit({
      input: {
        email: email.trim(),
        password,
        name: name.trim(),
        organisationId,
        profession: profession.trim() || null,
      },
    });
    const payload = result?.register;
    if (!payload) return;
    startSession({ accessToken: payload.accessToken, refreshToken: payload.refreshToken });
    navigate(next);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">Create an account</h1>
        <p className="nhsuk-body">
          Anyone working in or with the NHS can apply, whatever their grade or profession.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="email"
            label="Email address"
            hint="If you were invited to co-lead an application, use the email address the invitation was sent to."
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={fieldError(problems, 'email')}
          />
          <TextInput
            id="password"
            label="Create a password"
            hint={`Your password must be ${MIN_PASSWORD} characters or more.`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={fieldError(problems, 'password')}
          />
          <TextInput
            id="name"
            label="Full name"
            autoComplete="name"
            value={name}
            onChange={setName}
            error={fieldError(problems, 'name')}
          />
          <OrganisationPicker
            id="organisationId"
            label="Organisation you work for"
            value={organisationId}
            onChange={setOrganisationId}
            error={fieldError(problems, 'organisationId')}
          />
          <TextInput
            id="profession"
            label="Profession (optional)"
            hint="For example, nurse, pharmacist, physiotherapist or patient safety manager."
            value={profession}
            onChange={setProfession}
            error={fieldError(problems, 'profession')}
          />
          <Button disabled={fetching}>Create account</Button>
        </form>
        <p className="nhsuk-body">
          Already have an account? <Link to={`/sign-in${location.search}`}>Sign in</Link>
        </p>
      </div>
    </div>
  );
}
