import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { SignInMutation } from '../mutations';
import { AuthProvidersQuery } from '../queries';
import { NEXT_KEY } from './SignedInView';
import { startSession } from '../session';
import { safeNext } from '../components/guards';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, TextInput } from '../../ui/fields';
import { errorCode, fieldError, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { forgotPasswordUrl } from '../../urls';

export function SignInView() {
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // A wrong email or password comes back as UNAUTHENTICATED: show it against the email field.
  const signIn = useFormMutation(SignInMutation, {
    map: (ps, error) => ps.map((p) => (errorCode(error) === 'UNAUTHENTICATED' && !p.field ? { field: 'email', message: p.message } : p)),
  });
  const { problems, setProblems, fetching } = signIn;
  usePageTitle('Sign in', problems.length > 0);
  const [{ data: services }] = useQuery({ query: AuthProvidersQuery });
  const providers = services?.authProviders ?? [];
  // single sign-on comes back to /signed-in: it goes on to the same page as a password would
  const keepNext = () => {
    try {
      sessionStorage.setItem(NEXT_KEY, safeNext(location.search, ''));
    } catch {
      /* no storage: the default page */
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!email.trim()) local.push({ field: 'email', message: 'Enter your email address' });
    if (!password) local.push({ field: 'password', message: 'Enter your password' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const result = await signIn.submit({ input: { email: email.trim(), password } });
    const payload = result?.signIn;
    if (!payload) return;
    startSession({ accessToken: payload.accessToken, refreshToken: payload.refreshToken });
    const roles = payload.person.roles;
    const fallback = roles.includes('PROGRAMME_TEAM') ? '/admin/calls' : roles.includes('PANEL') ? '/reviews' : '/applications';
    navigate(safeNext(location.search, fallback));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">Sign in</h1>
        {providers.map((p) => (
          <p key={p.id}>
            <a className="nhsuk-button nhsuk-button--secondary" draggable={false} href={p.startUrl} onClick={keepNext}>
              Sign in with {p.label}
            </a>
          </p>
        ))}
        {providers.length > 0 && <h2 className="nhsuk-heading-s">Or sign in with your email address and password</h2>}
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={fieldError(problems, 'email')}
          />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={fieldError(problems, 'password')}
          />
          <p className="nhsuk-body">
            <Link to={forgotPasswordUrl()}>Forgot your password?</Link>
          </p>
          <Button disabled={fetching}>Sign in</Button>
        </form>
        <p className="nhsuk-body">
          No account yet? <Link to={`/register${location.search}`}>Create an account</Link>
        </p>
      </div>
    </div>
  );
}
