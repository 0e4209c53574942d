// The communities area's pages, loaded together when one of them is first opened (App.tsx).
export { CommunitiesView } from './views/CommunitiesView';
export { CreateCommunityView } from './views/CreateCommunityView';
export { CommunityView } from './views/CommunityView';
export { AskToJoinView } from './views/AskToJoinView';
export { LeaveCommunityView } from './views/LeaveCommunityView';
export { StartupStepView } from './views/StartupStepView';
export { MembersView, MemberRoleView } from './views/MembersView';
export { RemoveMemberView } from './views/RemoveMemberView';
export { DefinitionView } from './views/DefinitionView';
export { InvitationsView } from './views/InvitationsView';
export { JoinRequestsView, DecideJoinRequestView } from './views/JoinRequestsView';
export { InvitationView } from './views/InvitationView';
export { CommunitySettingsView } from './views/CommunitySettingsView';
export { CoachView } from './views/CoachView';
export { MyCommunitiesView } from './views/MyCommunitiesView';
