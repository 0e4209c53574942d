import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { SignOutMutation } from '../mutations';
import { endSession, getRefreshToken } from '../session';
import { usePageTitle } from '../../ui/usePageTitle';

export function SignOutView() {
  const [, signOut] = useMutation(SignOutMutation);
  const [done, setDone] = useState(false);
  const started = useRef(false);
  usePageTitle(done ? 'You have signed out' : 'Signing out');

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const refreshToken = getRefreshToken();
    const finish = () => {
      endSession();
      setDone(true);
    };
    if (!refreshToken) {
      finish();
      return;
    }
    signOut({ input: { refreshToken } }).then(finish, finish);
  }, [signOut]);

  if (!done) {
    return (
      <p className="nhsuk-body" role="status">
        Signing out…
      </p>
    );
  }
  return (
    <>
      <h1 className="nhsuk-heading-l">You have signed out</h1>
      <p className="nhsuk-body">
        <Link to="/sign-in">Sign in again</Link> or go to the <Link to="/">start page</Link>.
      </p>
    </>
  );
}
