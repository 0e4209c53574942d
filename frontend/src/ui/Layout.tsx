import { Suspense, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../account/SessionContext';
import { NotificationBell } from '../notifications/components/NotificationBell';
import { VerifyEmailBanner } from '../account/components/VerifyEmailBanner';

function NhsLogo() {
  return (
    <svg
      className="nhsuk-header__logo"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 200 80"
      height="40"
      width="100"
      focusable="false"
      role="img"
      aria-label="NHS"
    >
      <title>NHS</title>
      <path
        fill="currentcolor"
        d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
      />
    </svg>
  );
}

export function Header() {
  const { viewer, isProgrammeTeam, isPanel } = useSession();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  // No way back after signing in to these (a mailed link works once).
  const onAccountPage = ['/sign-in', '/register', '/sign-out', '/forgot-password', '/reset-password', '/verify-email', '/confirm-email'].includes(
    location.pathname,
  );
  const supports = !!viewer?.roles.some((r) => r === 'COACH' || r === 'PROGRAMME_TEAM');
  const navItems = [
    { to: '/communities', text: 'Communities' },
    { to: '/library', text: 'Practice library' },
    ...(supports ? [{ to: '/support-queue', text: 'Support queue' }] : []),
    ...(isProgrammeTeam
      ? [
          { to: '/admin/dashboard', text: 'Dashboard' },
          { to: '/admin/calls', text: 'Calls' },
          { to: '/admin/domains', text: 'Domains' },
          { to: '/admin/organisations', text: 'Organisations' },
          { to: '/admin/people', text: 'People' },
          { to: '/admin/partners', text: 'Partner systems' },
          { to: '/admin/webhooks', text: 'Webhooks' },
          { to: '/admin/audit', text: 'Audit trail' },
        ]
      : []),
  ];
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to="/" aria-label="NHS Convene homepage">
            <NhsLogo />
            <span className="nhsuk-header__service-name">Convene</span>
          </Link>
        </div>
        <nav className="nhsuk-header__account" aria-label="Account">
          <ul className="nhsuk-header__account-list">
            {viewer ? (
              <>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/account" aria-label={`Your account (${viewer.name})`}>
                    {viewer.name}
                  </Link>
                </li>
                {isPanel && (
                  <li className="nhsuk-header__account-item">
                    <Link className="nhsuk-header__account-link" to="/reviews">
                      Your reviews
                    </Link>
                  </li>
                )}
                <li className="nhsuk-header__account-item">
                  <NotificationBell />
                </li>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/my-communities">
                    My communities
                  </Link>
                </li>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/applications">
                    My applications
                  </Link>
                </li>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/account/data">
                    Your data
                  </Link>
                </li>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/sign-out">
                    Sign out
                  </Link>
                </li>
              </>
            ) : (
              <>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to={onAccountPage ? '/sign-in' : `/sign-in?next=${next}`}>
                    Sign in
                  </Link>
                </li>
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to={onAccountPage ? '/register' : `/register?next=${next}`}>
                    Create an account
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
      {navItems.length > 0 && (
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {navItems.map((item) => (
                <li className="nhsuk-header__navigation-item" key={item.to}>
                  <NavLink className="nhsuk-header__navigation-link" to={item.to}>
                    {item.text}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}

export function Footer() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/">
                About Convene
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/privacy">
                Privacy notice
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/accessibility">
                Accessibility statement
              </Link>
            </li>
          </ul>
          <p className="nhsuk-body-s">Convene: Call for Conveners of patient-safety Communities of Practice</p>
        </div>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children?: ReactNode }) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          <VerifyEmailBanner />
          {/* a page of an area not loaded yet (App.tsx) shows this until it arrives */}
          <Suspense fallback={<Loading />}>{children ?? <Outlet />}</Suspense>
        </main>
      </div>
      <Footer />
    </>
  );
}

/** The back link at the top of a question page. */
export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return (
    <Link className="nhsuk-back-link" to={to}>
      {children}
    </Link>
  );
}

export function Loading() {
  return (
    <p className="nhsuk-body" role="status">
      Loading…
    </p>
  );
}
