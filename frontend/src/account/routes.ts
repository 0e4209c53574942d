// The account area's pages, loaded together when one of them is first opened (App.tsx).
export { RegisterView } from './views/RegisterView';
export { SignInView } from './views/SignInView';
export { SignOutView } from './views/SignOutView';
export { YourDataView } from './views/YourDataView';
export { AccountDeletedView, DeleteAccountView } from './views/DeleteAccountView';
