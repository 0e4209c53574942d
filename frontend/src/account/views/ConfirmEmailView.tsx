import { Link } from 'react-router';
import { ConfirmEmailChangeMutation } from '../mutations';
import { useSession } from '../SessionContext';
import { useMailedLink } from '../useMailedLink';
import { Loading } from '../../ui/Layout';
import { usePageTitle } from '../../ui/usePageTitle';
import { TwoThirds } from '../../ui/TwoThirds';
import { accountUrl, changeEmailUrl } from '../../urls';

/** /confirm-email?token=…: the link sent to a new address; the change takes effect here. */
export function ConfirmEmailView() {
  const link = useMailedLink(ConfirmEmailChangeMutation);
  const { viewer } = useSession();
  usePageTitle(
    link.state === 'done' ? 'Your email address has changed' : link.state === 'failed' ? 'We could not change your email address' : 'Changing your email address',
  );
  if (link.state === 'working') return <Loading />;
  if (link.state === 'failed') {
    return (
      <TwoThirds>
        <h1 className="nhsuk-heading-l">We could not change your email address</h1>
        <p className="nhsuk-body">{link.message}.</p>
        <p className="nhsuk-body">
          {viewer ? <Link to={changeEmailUrl()}>Ask for a new link</Link> : <Link to="/sign-in?next=%2Faccount%2Femail">Sign in</Link>}{' '}
          to change your email address again.
        </p>
      </TwoThirds>
    );
  }
  const email = link.data.confirmEmailChange.person.email;
  return (
    <TwoThirds>
      <div className="nhsuk-panel">
        <h1 className="nhsuk-panel__title">Your email address has changed</h1>
        {email && (
          <div className="nhsuk-panel__body">
            It is now <strong>{email}</strong>
          </div>
        )}
      </div>
      <p className="nhsuk-body">Sign in with this address from now on. We have told your old address about the change.</p>
      <p className="nhsuk-body">{viewer ? <Link to={accountUrl()}>Go to your account</Link> : <Link to="/sign-in">Sign in</Link>}</p>
    </TwoThirds>
  );
}
