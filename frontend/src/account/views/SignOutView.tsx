import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, type UseMutationExecute } from 'urql';
import { SignOutEverywhereMutation, SignOutMutation } from '../mutations';
import { endSession, getRefreshToken } from '../session';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { problemsFrom, type Problem } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import type {
  SignOutEverywhereMutation as SignOutEverywhereResult,
  SignOutEverywhereMutationVariables,
  SignOutMutation as SignOutResult,
  SignOutMutationVariables,
} from '../../graphql/graphql';

/** What the account page's "Sign out everywhere" sends here (router state, which no link can carry). */
export interface SignOutState {
  everywhere?: boolean;
}

/**
 * Each visit's sign-out, by the router's location (a new one per navigation). Ending the session
 * draws the page again from scratch (a new client for the signed-out visitor): the second drawing
 * must wait for the first's answer, never ask again (a second "everywhere" would go without a
 * session and fail).
 */
const signOuts = new WeakMap<object, Promise<Problem[]>>();

interface Execute {
  signOut: UseMutationExecute<SignOutResult, SignOutMutationVariables>;
  signOutEverywhere: UseMutationExecute<SignOutEverywhereResult, SignOutEverywhereMutationVariables>;
}

async function signOutOnce({ signOut, signOutEverywhere }: Execute, everywhere: boolean): Promise<Problem[]> {
  if (everywhere) {
    const r = await signOutEverywhere({});
    if (r.error) return problemsFrom(r.error);
  } else {
    const refreshToken = getRefreshToken();
    if (refreshToken) await signOut({ input: { refreshToken } });
  }
  endSession();
  return [];
}

/**
 * /sign-out: ends this session, or every session of the person when the account page asked.
 * Outside the signed-in pages, so that the session ending under it does not send it to sign-in.
 */
export function SignOutView() {
  const location = useLocation();
  const everywhere = !!(location.state as SignOutState | null)?.everywhere;
  const [, signOut] = useMutation(SignOutMutation);
  const [, signOutEverywhere] = useMutation(SignOutEverywhereMutation);
  const [outcome, setOutcome] = useState<Problem[] | null>(null);
  const title = everywhere ? 'You have signed out everywhere' : 'You have signed out';
  const problems = outcome ?? [];
  usePageTitle(outcome === null ? 'Signing out' : problems.length ? 'We could not sign you out everywhere' : title, problems.length > 0);

  useEffect(() => {
    let pending = signOuts.get(location);
    if (!pending) {
      pending = signOutOnce({ signOut, signOutEverywhere }, everywhere);
      signOuts.set(location, pending);
    }
    let live = true;
    void pending.then((found) => live && setOutcome(found));
    return () => {
      live = false;
    };
  }, [signOut, signOutEverywhere, everywhere, location]);

  if (outcome === null) {
    return (
      <p className="nhsuk-body" role="status">
        Signing out…
      </p>
    );
  }
  if (problems.length) {
    return (
      <>
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">We could not sign you out everywhere</h1>
        <p className="nhsuk-body">
          <Link to="/account">Go back to your account</Link> and try again.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="nhsuk-heading-l">{title}</h1>
      {everywhere && <p className="nhsuk-body">Every device and browser where you were signed in is now signed out, this one included.</p>}
      <p className="nhsuk-body">
        <Link to="/sign-in">Sign in again</Link> or go to the <Link to="/">start page</Link>.
      </p>
    </>
  );
}
