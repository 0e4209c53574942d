// The account area's pages, loaded together when one of them is first opened (App.tsx).
export { RegisterView } from './views/RegisterView';
export { SignInView } from './views/SignInView';
export { SignOutView } from './views/SignOutView';
export { YourDataView } from './views/YourDataView';
export { AccountDeletedView, DeleteAccountView } from './views/DeleteAccountView';
// Identity and accounts (issue 14), routed by ./identityRoutes.tsx.
export { VerifyEmailView } from './views/VerifyEmailView';
export { ForgotPasswordView } from './views/ForgotPasswordView';
export { ResetPasswordView } from './views/ResetPasswordView';
export { AccountView } from './views/AccountView';
export { ChangeProfileView } from './views/ChangeProfileView';
export { ChangePasswordView } from './views/ChangePasswordView';
export { ChangeEmailView } from './views/ChangeEmailView';
export { ConfirmEmailView } from './views/ConfirmEmailView';
export { SignedInView } from './views/SignedInView';
