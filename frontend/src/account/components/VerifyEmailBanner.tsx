import { useLocation } from 'react-router';
import { useSession } from '../SessionContext';
import { ResendVerification } from './ResendVerification';
import { NotificationBanner } from '../../ui/NotificationBanner';

/**
 * On every page while the signed-in person's address is unconfirmed (issue 14): what it holds
 * back, and "send the link again". The verification page itself goes without.
 */
export function VerifyEmailBanner() {
  const { viewer } = useSession();
  const { pathname } = useLocation();
  if (!viewer || viewer.emailVerified || pathname === '/verify-email') return null;
  return (
    <NotificationBanner id="verify-email-banner" heading="Confirm your email address">
      <p className="nhsuk-body">
        We sent a link to <strong>{viewer.email}</strong>. Open it to show the address is yours: until then you cannot
        submit an application, accept or send invitations, or start a community.
      </p>
      <ResendVerification />
    </NotificationBanner>
  );
}
