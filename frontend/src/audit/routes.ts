// The audit area's pages, loaded together when one of them is first opened (App.tsx).
export { AuditView } from './views/AuditView';
