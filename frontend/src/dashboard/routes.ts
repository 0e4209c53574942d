// The dashboard area's pages, loaded together when one of them is first opened (App.tsx).
export { DashboardView } from './views/DashboardView';
