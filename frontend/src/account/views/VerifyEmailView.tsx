import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { VerifyEmailMutation } from '../mutations';
import { ViewerQuery } from '../queries';
import { useSession } from '../SessionContext';
import { useMailedLink } from '../useMailedLink';
import { ResendVerification } from '../components/ResendVerification';
import { Loading } from '../../ui/Layout';
import { usePageTitle } from '../../ui/usePageTitle';
import { TwoThirds } from '../../ui/TwoThirds';
import { myApplicationsUrl } from '../../urls';

/** /verify-email?token=…: the link from the verification mail, signed in or not. */
export function VerifyEmailView() {
  const link = useMailedLink(VerifyEmailMutation);
  const { viewer } = useSession();
  // The session's viewer may have been read before the address was proven: read it again, so the
  // banner goes (the answer reaches every page asking the same query).
  const [, readViewer] = useQuery({ query: ViewerQuery, pause: true });
  const stale = link.state === 'done' && !!viewer && !viewer.emailVerified;
  useEffect(() => {
    if (stale) readViewer({ requestPolicy: 'network-only' });
  }, [stale, readViewer]);
  usePageTitle(
    link.state === 'done' ? 'Your email address is confirmed' : link.state === 'failed' ? 'We could not confirm your email address' : 'Confirming your email address',
  );
  if (link.state === 'working') return <Loading />;
  if (link.state === 'failed') {
    return (
      <TwoThirds>
        <h1 className="nhsuk-heading-l">We could not confirm your email address</h1>
        <p className="nhsuk-body">{link.message}.</p>
        {viewer && !viewer.emailVerified ? (
          <ResendVerification />
        ) : viewer ? (
          <p className="nhsuk-body">
            <Link to="/account">Go to your account</Link>
          </p>
        ) : (
          <p className="nhsuk-body">
            <Link to="/sign-in?next=%2Faccount">Sign in</Link> to ask for a new link.
          </p>
        )}
      </TwoThirds>
    );
  }
  return (
    <TwoThirds>
      <div className="nhsuk-panel">
        <h1 className="nhsuk-panel__title">Your email address is confirmed</h1>
      </div>
      <p className="nhsuk-body">
        You can now submit applications, accept invitations to co-lead or to join a community, invite others and start a
        community.
      </p>
      <p className="nhsuk-body">
        {viewer ? <Link to={myApplicationsUrl()}>Go to my applications</Link> : <Link to="/sign-in">Sign in</Link>}
      </p>
    </TwoThirds>
  );
}
