// The notifications area's pages, loaded together when one of them is first opened (App.tsx).
export { NotificationsView } from './views/NotificationsView';
