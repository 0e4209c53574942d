// The applications area's pages, loaded together when one of them is first opened (App.tsx).
export { NewApplicationView, ChangeDomainView } from './views/ChooseDomainView';
export { SponsorView } from './views/SponsorView';
export { QuestionView } from './views/QuestionView';
export { CoLeadsView } from './views/CoLeadsView';
export { CheckAnswersView } from './views/CheckAnswersView';
export { ConfirmationView } from './views/ConfirmationView';
export { WithdrawView } from './views/WithdrawView';
export { MyApplicationsView } from './views/MyApplicationsView';
export { CoLeadInvitationView } from './views/CoLeadInvitationView';
export { CommunityStartedView } from './views/CommunityStartedView';
