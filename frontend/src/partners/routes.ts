// The partners area's pages, loaded together when one of them is first opened (App.tsx).
export { ServiceClientsView } from './views/ServiceClientsView';
export { CreateServiceClientView } from './views/CreateServiceClientView';
export { RevokeServiceClientView } from './views/RevokeServiceClientView';
