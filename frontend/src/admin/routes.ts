// The admin area's pages, loaded together when one of them is first opened (App.tsx).
export { CallsView } from './views/CallsView';
export { CreateCallView } from './views/CreateCallView';
export { CallView } from './views/CallView';
export { EditCallView } from './views/EditCallView';
export { DomainsView } from './views/DomainsView';
export { DomainView } from './views/DomainView';
export { OrganisationsView } from './views/OrganisationsView';
export { ImportOrganisationsView } from './views/ImportOrganisationsView';
export { PeopleView } from './views/PeopleView';
