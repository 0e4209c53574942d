// The honoraria area's pages, loaded together when one of them is first opened (App.tsx).
export { HonorariaView } from './views/HonorariaView';
