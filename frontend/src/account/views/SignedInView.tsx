import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ExchangeSignInCodeMutation } from '../mutations';
import { startSession } from '../session';
import { OrganisationPicker } from '../components/OrganisationPicker';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button } from '../../ui/fields';
import { Loading } from '../../ui/Layout';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { TwoThirds } from '../../ui/TwoThirds';
import { usePageTitle } from '../../ui/usePageTitle';

/** `extensions.reason` when a first single sign-on needs the person's organisation. */
export const ORGANISATION_NEEDED = 'ORGANISATION_NEEDED';

/** Where to go once signed in, kept by the sign-in page's "Sign in with …" link. */
export const NEXT_KEY = 'convene.signInNext';

/** What each `#error=` of the callback means, and what to do. */
const REASONS: Record<string, string> = {
  denied: 'You chose not to sign in, or your sign-in service refused.',
  bad_state: 'This sign-in did not start in this browser, or it was already used. Start again from the sign-in page.',
  expired: 'You took too long to sign in. Start again from the sign-in page.',
  address_taken:
    'An account with your email address already exists, and your sign-in service has not confirmed the address. Sign in with your email address and password instead.',
  no_email: 'Your sign-in service did not tell us your email address. Sign in with your email address and password instead.',
  account_deleted: 'The account linked to this sign-in has been deleted.',
};
const OTHERWISE = 'Your sign-in service could not be reached, or it answered in a way we could not use. Try again later, or sign in with your email address and password.';

type Step =
  | { step: 'working' }
  | { step: 'organisation' }
  | { step: 'failed'; message: string };

/** The fragment's `code` or `error`, read once: the page drops it from the address at once. */
function readFragment(hash: string): { code?: string; error?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { code: params.get('code') ?? undefined, error: params.get('error') ?? undefined };
}

function nextPage(roles: readonly string[]): string {
  let kept: string | null = null;
  try {
    kept = sessionStorage.getItem(NEXT_KEY);
    sessionStorage.removeItem(NEXT_KEY);
  } catch {
    kept = null;
  }
  if (kept && kept.startsWith('/') && !kept.startsWith('//') && !kept.startsWith('/\\')) return kept;
  return roles.includes('PROGRAMME_TEAM') ? '/admin/calls' : roles.includes('PANEL') ? '/reviews' : '/applications';
}

/**
 * /signed-in#code=… (or #error=…): where single sign-on lands. The one-time code is traded for
 * a session once; a first sign-in without an account asks for the organisation first.
 */
export function SignedInView() {
  const location = useLocation();
  const navigate = useNavigate();
  const [fragment] = useState(() => readFragment(location.hash));
  const [step, setStep] = useState<Step>(() =>
    fragment.code ? { step: 'working' } : { step: 'failed', message: REASONS[fragment.error ?? ''] ?? OTHERWISE },
  );
  const [organisationId, setOrganisationId] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, exchange] = useMutation(ExchangeSignInCodeMutation);
  const sent = useRef(false);

  const trade = async (organisation?: string) => {
    const r = await exchange({ input: { code: fragment.code ?? '', organisationId: organisation ?? null } });
    const payload = r.data?.exchangeSignInCode;
    if (payload) {
      startSession({ accessToken: payload.accessToken, refreshToken: payload.refreshToken });
      navigate(nextPage(payload.person.roles), { replace: true });
      return;
    }
    const found = problemsFrom(r.error);
    const needed = r.error?.graphQLErrors.some((e) => e.extensions?.reason === ORGANISATION_NEEDED);
    if (needed) {
      setStep({ step: 'organisation' });
      if (organisation !== undefined) setProblems(found);
      return;
    }
    if (organisation !== undefined && found.some((p) => p.field === 'organisationId')) {
      setProblems(found);
      return;
    }
    setStep({ step: 'failed', message: found[0]?.message ?? OTHERWISE });
  };

  // The code leaves the address bar (and the history) at once, and is sent once, even when
  // React runs the effect twice.
  useEffect(() => {
    if (location.hash) navigate(location.pathname, { replace: true });
    if (!fragment.code || sent.current) return;
    sent.current = true;
    void trade();
  }, []); // once, as the page opens

  usePageTitle(
    step.step === 'failed' ? 'We could not sign you in' : step.step === 'organisation' ? 'Which organisation do you work for?' : 'Signing you in',
    problems.length > 0,
  );

  if (step.step === 'working') return <Loading />;
  if (step.step === 'failed') {
    return (
      <TwoThirds>
        <h1 className="nhsuk-heading-l">We could not sign you in</h1>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              What happened
            </span>
          </h2>
          <p>{step.message}</p>
        </div>
        <p className="nhsuk-body">
          <Link to="/sign-in">Go to the sign-in page</Link>
        </p>
      </TwoThirds>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!organisationId) {
      setProblems([{ field: 'organisationId', message: 'Select your organisation' }]);
      return;
    }
    setProblems([]);
    void trade(organisationId);
  };

  return (
    <TwoThirds>
      <ErrorSummary problems={problems} />
      <form onSubmit={onSubmit} noValidate>
        <h1 className="nhsuk-heading-l">Which organisation do you work for?</h1>
        <p className="nhsuk-body">
          This is your first time signing in with your work account, so we are creating your Convene account. Your
          organisation decides who can co-lead with you and who is paid, so choose the one you work for now.
        </p>
        <OrganisationPicker
          id="organisationId"
          label="Your organisation"
          value={organisationId}
          onChange={setOrganisationId}
          error={fieldError(problems, 'organisationId')}
        />
        <Button disabled={fetching}>Continue</Button>
      </form>
    </TwoThirds>
  );
}
