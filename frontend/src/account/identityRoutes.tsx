import { Route } from 'react-router';
import { RequireSignIn } from './components/guards';
import { area } from '../ui/area';

// The identity pages (issue 14), in the account area: loaded with it, when one is first opened.
const account = area(() => import('./routes'));
const VerifyEmailView = account('VerifyEmailView');
const ForgotPasswordView = account('ForgotPasswordView');
const ResetPasswordView = account('ResetPasswordView');
const ConfirmEmailView = account('ConfirmEmailView');
const AccountView = account('AccountView');
const ChangeProfileView = account('ChangeProfileView');
const ChangePasswordView = account('ChangePasswordView');
const ChangeEmailView = account('ChangeEmailView');
const SignedInView = account('SignedInView');

/**
 * Their routes, for App.tsx's `<Routes>` (a function, not a component: React Router reads
 * `<Route>` elements and fragments only). The mail links work signed in or not.
 */
export function identityRoutes() {
  return (
    <>
      <Route path="verify-email" element={<VerifyEmailView />} />
      <Route path="forgot-password" element={<ForgotPasswordView />} />
      <Route path="reset-password" element={<ResetPasswordView />} />
      <Route path="confirm-email" element={<ConfirmEmailView />} />
      <Route path="signed-in" element={<SignedInView />} />
      <Route path="account" element={<RequireSignIn><AccountView /></RequireSignIn>} />
      <Route path="account/profile/:field" element={<RequireSignIn><ChangeProfileView /></RequireSignIn>} />
      <Route path="account/password" element={<RequireSignIn><ChangePasswordView /></RequireSignIn>} />
      <Route path="account/email" element={<RequireSignIn><ChangeEmailView /></RequireSignIn>} />
    </>
  );
}
