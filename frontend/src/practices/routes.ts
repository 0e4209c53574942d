// The practices area's pages, loaded together when one of them is first opened (App.tsx).
export { PracticesView } from './views/PracticesView';
export { ProposePracticeView } from './views/ProposePracticeView';
export { PracticeView } from './views/PracticeView';
export { ShareExchangeView } from './views/ShareExchangeView';
export { ExchangeVisibilityView } from './views/ExchangeVisibilityView';
export { MarkPromisingView } from './views/MarkPromisingView';
export { ProtocolsView } from './views/ProtocolsView';
export { EditProtocolView } from './views/EditProtocolView';
export { LibraryView } from './views/LibraryView';
