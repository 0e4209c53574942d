import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout, Loading } from './ui/Layout';
import { RequireProgrammeTeam, RequireSignIn } from './account/components/guards';
import { RegisterView } from './account/views/RegisterView';
import { SignInView } from './account/views/SignInView';
import { SignOutView } from './account/views/SignOutView';
import { StartView } from './calls/views/StartView';
import { NewApplicationView, ChangeDomainView } from './applications/views/ChooseDomainView';
import { SponsorView } from './applications/views/SponsorView';
import { QuestionView } from './applications/views/QuestionView';
import { CoLeadsView } from './applications/views/CoLeadsView';
import { CheckAnswersView } from './applications/views/CheckAnswersView';
import { ConfirmationView } from './applications/views/ConfirmationView';
import { WithdrawView } from './applications/views/WithdrawView';
import { MyApplicationsView } from './applications/views/MyApplicationsView';
import { CoLeadInvitationView } from './applications/views/CoLeadInvitationView';
import { CallsView } from './admin/views/CallsView';
import { CreateCallView } from './admin/views/CreateCallView';
import { CallView } from './admin/views/CallView';
import { DomainsView } from './admin/views/DomainsView';
import { DomainView } from './admin/views/DomainView';
import { OrganisationsView } from './admin/views/OrganisationsView';
import { PeopleView } from './admin/views/PeopleView';
import { NotFoundView } from './ui/NotFoundView';
import { CommunityStartedView } from './applications/views/CommunityStartedView';
import { ReviewsView } from './selection/views/ReviewsView';
import { ReviewView } from './selection/views/ReviewView';
import { DeclareConflictView } from './selection/views/DeclareConflictView';
import { PanelCallView } from './selection/views/PanelCallView';
import { HonorariaView } from './honoraria/views/HonorariaView';
import { CommunitiesView } from './communities/views/CommunitiesView';
import { CreateCommunityView } from './communities/views/CreateCommunityView';
import { CommunityView } from './communities/views/CommunityView';
import { AskToJoinView } from './communities/views/AskToJoinView';
import { LeaveCommunityView } from './communities/views/LeaveCommunityView';
import { StartupStepView } from './communities/views/StartupStepView';
import { MembersView, MemberRoleView } from './communities/views/MembersView';
import { DefinitionView } from './communities/views/DefinitionView';
import { InvitationsView } from './communities/views/InvitationsView';
import { JoinRequestsView, DecideJoinRequestView } from './communities/views/JoinRequestsView';
import { InvitationView } from './communities/views/InvitationView';
import { CommunitySettingsView } from './communities/views/CommunitySettingsView';
import { CoachView } from './communities/views/CoachView';
import { MyCommunitiesView } from './communities/views/MyCommunitiesView';
import { MeetingsView } from './meetings/views/MeetingsView';
import { ScheduleMeetingView } from './meetings/views/ScheduleMeetingView';
import { MeetingView } from './meetings/views/MeetingView';
import { EditMeetingView } from './meetings/views/EditMeetingView';
import { CancelMeetingView } from './meetings/views/CancelMeetingView';
import { NotesView } from './meetings/views/NotesView';
import { AttendanceView } from './meetings/views/AttendanceView';
import { ResetCalendarLinkView } from './meetings/views/ResetCalendarLinkView';
import { PracticesView } from './practices/views/PracticesView';
import { ProposePracticeView } from './practices/views/ProposePracticeView';
import { PracticeView } from './practices/views/PracticeView';
import { ShareExchangeView } from './practices/views/ShareExchangeView';
import { ExchangeVisibilityView } from './practices/views/ExchangeVisibilityView';
import { MarkPromisingView } from './practices/views/MarkPromisingView';
import { ProtocolsView } from './practices/views/ProtocolsView';
import { EditProtocolView } from './practices/views/EditProtocolView';
import { LibraryView } from './practices/views/LibraryView';
import { MemberMapView } from './community-life/views/MemberMapView';
import { MemberMapEntryView } from './community-life/views/MemberMapEntryView';
import { FunctionsView } from './community-life/views/FunctionsView';
import { AssignFunctionView, RotateFunctionView } from './community-life/views/AssignFunctionView';
import { WorkingPlanView, AddPlanNeedView } from './community-life/views/WorkingPlanView';
import { SupportRequestsView, RequestSupportView } from './community-life/views/SupportRequestsView';
import { SupportQueueView, SupportRequestView } from './community-life/views/SupportQueueView';
import { ChallengesView, PostChallengeView, ChallengeView } from './community-life/views/ChallengesView';
import { ServiceClientsView } from './partners/views/ServiceClientsView';
import { CreateServiceClientView } from './partners/views/CreateServiceClientView';
import { RevokeServiceClientView } from './partners/views/RevokeServiceClientView';
import { NotificationsView } from './notifications/views/NotificationsView';
import { WebhooksView } from './webhooks/views/WebhooksView';
import { CreateWebhookView } from './webhooks/views/CreateWebhookView';
import { WebhookView } from './webhooks/views/WebhookView';
import { DeleteWebhookView } from './webhooks/views/DeleteWebhookView';
import { AuditView } from './audit/views/AuditView';
import { YourDataView } from './account/views/YourDataView';
import { AccountDeletedView, DeleteAccountView } from './account/views/DeleteAccountView';
import { PrivacyView } from './legal/views/PrivacyView';
import { AccessibilityView } from './legal/views/AccessibilityView';

// The dashboard's chart library is loaded only when the dashboard is opened.
const DashboardView = lazy(() => import('./dashboard/views/DashboardView').then((m) => ({ default: m.DashboardView })));

function signedIn(el: React.ReactNode) {
  return <RequireSignIn>{el}</RequireSignIn>;
}

function team(el: React.ReactNode) {
  return <RequireProgrammeTeam>{el}</RequireProgrammeTeam>;
}

export function AppRoutes() {
  const dashboard = (
    <Suspense fallback={<Loading />}>
      <DashboardView />
    </Suspense>
  );
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<StartView />} />
        <Route path="register" element={<RegisterView />} />
        <Route path="sign-in" element={<SignInView />} />
        <Route path="sign-out" element={<SignOutView />} />
        <Route path="account/data" element={signedIn(<YourDataView />)} />
        <Route path="account/delete" element={signedIn(<DeleteAccountView />)} />
        <Route path="account/deleted" element={<AccountDeletedView />} />
        <Route path="privacy" element={<PrivacyView />} />
        <Route path="accessibility" element={<AccessibilityView />} />
        <Route path="calls/:callId/apply" element={signedIn(<NewApplicationView />)} />
        <Route path="applications" element={signedIn(<MyApplicationsView />)} />
        <Route path="applications/:id" element={signedIn(<CheckAnswersView />)} />
        <Route path="applications/:id/check" element={signedIn(<CheckAnswersView />)} />
        <Route path="applications/:id/domain" element={signedIn(<ChangeDomainView />)} />
        <Route path="applications/:id/sponsor" element={signedIn(<SponsorView />)} />
        <Route path="applications/:id/questions/:slug" element={signedIn(<QuestionView />)} />
        <Route path="applications/:id/co-leads" element={signedIn(<CoLeadsView />)} />
        <Route path="applications/:id/confirmation" element={signedIn(<ConfirmationView />)} />
        <Route path="applications/:id/withdraw" element={signedIn(<WithdrawView />)} />
        <Route path="applications/:id/co-lead" element={<CoLeadInvitationView />} />
        <Route path="applications/:id/community" element={signedIn(<CommunityStartedView />)} />
        <Route path="reviews" element={signedIn(<ReviewsView />)} />
        <Route path="reviews/:applicationId" element={signedIn(<ReviewView />)} />
        <Route path="reviews/:applicationId/conflict" element={signedIn(<DeclareConflictView />)} />
        <Route path="panel/calls/:callId" element={signedIn(<PanelCallView />)} />
        <Route path="communities" element={<CommunitiesView />} />
        <Route path="communities/new" element={signedIn(<CreateCommunityView />)} />
        <Route path="communities/:id" element={<CommunityView />} />
        <Route path="communities/:id/join" element={signedIn(<AskToJoinView />)} />
        <Route path="communities/:id/leave" element={signedIn(<LeaveCommunityView />)} />
        <Route path="communities/:id/steps/:slug" element={signedIn(<StartupStepView />)} />
        <Route path="communities/:id/members" element={signedIn(<MembersView />)} />
        <Route path="communities/:id/members/:personId" element={signedIn(<MemberRoleView />)} />
        <Route path="communities/:id/definition" element={signedIn(<DefinitionView />)} />
        <Route path="communities/:id/invitations" element={signedIn(<InvitationsView />)} />
        <Route path="communities/:id/requests" element={signedIn(<JoinRequestsView />)} />
        <Route path="communities/:id/requests/:requestId" element={signedIn(<DecideJoinRequestView />)} />
        <Route path="communities/:id/settings" element={signedIn(<CommunitySettingsView />)} />
        <Route path="communities/:id/coach" element={team(<CoachView />)} />
        <Route path="communities/:id/meetings" element={signedIn(<MeetingsView />)} />
        <Route path="communities/:id/meetings/new" element={signedIn(<ScheduleMeetingView />)} />
        <Route path="communities/:id/meetings/:meetingId" element={signedIn(<MeetingView />)} />
        <Route path="communities/:id/meetings/:meetingId/edit" element={signedIn(<EditMeetingView />)} />
        <Route path="communities/:id/meetings/:meetingId/cancel" element={signedIn(<CancelMeetingView />)} />
        <Route path="communities/:id/meetings/:meetingId/notes" element={signedIn(<NotesView />)} />
        <Route path="communities/:id/meetings/:meetingId/attendance" element={signedIn(<AttendanceView />)} />
        <Route path="communities/:id/calendar/reset" element={signedIn(<ResetCalendarLinkView />)} />
        <Route path="communities/:id/practices" element={<PracticesView />} />
        <Route path="communities/:id/practices/new" element={signedIn(<ProposePracticeView />)} />
        <Route path="communities/:id/protocols" element={signedIn(<ProtocolsView />)} />
        <Route path="communities/:id/protocols/:protocolId" element={signedIn(<EditProtocolView />)} />
        <Route path="communities/:id/member-map" element={signedIn(<MemberMapView />)} />
        <Route path="communities/:id/member-map/new" element={signedIn(<MemberMapEntryView />)} />
        <Route path="communities/:id/member-map/:entryId" element={signedIn(<MemberMapEntryView />)} />
        <Route path="communities/:id/roles" element={signedIn(<FunctionsView />)} />
        <Route path="communities/:id/roles/new" element={signedIn(<AssignFunctionView />)} />
        <Route path="communities/:id/roles/:functionId" element={signedIn(<RotateFunctionView />)} />
        <Route path="communities/:id/plan" element={signedIn(<WorkingPlanView />)} />
        <Route path="communities/:id/plan/needs/new" element={signedIn(<AddPlanNeedView />)} />
        <Route path="communities/:id/support" element={signedIn(<SupportRequestsView />)} />
        <Route path="communities/:id/support/new" element={signedIn(<RequestSupportView />)} />
        <Route path="communities/:id/challenges" element={signedIn(<ChallengesView />)} />
        <Route path="communities/:id/challenges/new" element={signedIn(<PostChallengeView />)} />
        <Route path="communities/:id/challenges/:challengeId" element={signedIn(<ChallengeView />)} />
        <Route path="support-queue" element={signedIn(<SupportQueueView />)} />
        <Route path="support-queue/:requestId" element={signedIn(<SupportRequestView />)} />
        <Route path="practices/:id" element={<PracticeView />} />
        <Route path="practices/:id/share" element={signedIn(<ShareExchangeView />)} />
        <Route path="practices/:id/exchanges/:exchangeId/visibility" element={signedIn(<ExchangeVisibilityView />)} />
        <Route path="practices/:id/promising" element={signedIn(<MarkPromisingView />)} />
        <Route path="library" element={<LibraryView />} />
        <Route path="my-communities" element={signedIn(<MyCommunitiesView />)} />
        <Route path="notifications" element={signedIn(<NotificationsView />)} />
        <Route path="invitations/:token" element={<InvitationView />} />
        <Route path="admin" element={team(<CallsView />)} />
        <Route path="admin/calls" element={team(<CallsView />)} />
        <Route path="admin/dashboard" element={team(dashboard)} />
        <Route path="programme" element={team(dashboard)} />
        <Route path="admin/audit" element={team(<AuditView />)} />
        <Route path="admin/calls/new" element={team(<CreateCallView />)} />
        <Route path="admin/calls/:id" element={team(<CallView />)} />
        <Route path="admin/calls/:id/honoraria" element={team(<HonorariaView />)} />
        <Route path="admin/domains" element={team(<DomainsView />)} />
        <Route path="admin/domains/:id" element={team(<DomainView />)} />
        <Route path="admin/organisations" element={team(<OrganisationsView />)} />
        <Route path="admin/people" element={team(<PeopleView />)} />
        <Route path="admin/partners" element={team(<ServiceClientsView />)} />
        <Route path="admin/partners/new" element={team(<CreateServiceClientView />)} />
        <Route path="admin/partners/:clientId/revoke" element={team(<RevokeServiceClientView />)} />
        <Route path="admin/webhooks" element={team(<WebhooksView />)} />
        <Route path="admin/webhooks/new" element={team(<CreateWebhookView />)} />
        <Route path="admin/webhooks/:id" element={team(<WebhookView />)} />
        <Route path="admin/webhooks/:id/delete" element={team(<DeleteWebhookView />)} />
        <Route path="*" element={<NotFoundView />} />
      </Route>
    </Routes>
  );
}
