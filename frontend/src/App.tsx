import { Route, Routes } from 'react-router';
import { Layout } from './ui/Layout';
import { area } from './ui/area';
import { RequireProgrammeTeam, RequireSignIn } from './account/components/guards';
import { StartView } from './calls/views/StartView';
import { NotFoundView } from './ui/NotFoundView';
import { identityRoutes } from './account/identityRoutes';

// Every feature area is loaded when one of its pages is first opened (issue 19): the start page
// comes with the first load, sign-in and the application journey fetch only their own area, and
// the dashboard's chart library only the dashboard. Layout shows "Loading…" meanwhile.
const account = area(() => import('./account/routes'));
const RegisterView = account('RegisterView');
const SignInView = account('SignInView');
const SignOutView = account('SignOutView');
const YourDataView = account('YourDataView');
const AccountDeletedView = account('AccountDeletedView');
const DeleteAccountView = account('DeleteAccountView');
const applications = area(() => import('./applications/routes'));
const NewApplicationView = applications('NewApplicationView');
const ChangeDomainView = applications('ChangeDomainView');
const SponsorView = applications('SponsorView');
const QuestionView = applications('QuestionView');
const CoLeadsView = applications('CoLeadsView');
const CheckAnswersView = applications('CheckAnswersView');
const ConfirmationView = applications('ConfirmationView');
const WithdrawView = applications('WithdrawView');
const MyApplicationsView = applications('MyApplicationsView');
const CoLeadInvitationView = applications('CoLeadInvitationView');
const CommunityStartedView = applications('CommunityStartedView');
const admin = area(() => import('./admin/routes'));
const CallsView = admin('CallsView');
const CreateCallView = admin('CreateCallView');
const CallView = admin('CallView');
const EditCallView = admin('EditCallView');
const DomainsView = admin('DomainsView');
const DomainView = admin('DomainView');
const OrganisationsView = admin('OrganisationsView');
const ImportOrganisationsView = admin('ImportOrganisationsView');
const PeopleView = admin('PeopleView');
const selection = area(() => import('./selection/routes'));
const ReviewsView = selection('ReviewsView');
const ReviewView = selection('ReviewView');
const DeclareConflictView = selection('DeclareConflictView');
const PanelCallView = selection('PanelCallView');
const honoraria = area(() => import('./honoraria/routes'));
const HonorariaView = honoraria('HonorariaView');
const communities = area(() => import('./communities/routes'));
const CommunitiesView = communities('CommunitiesView');
const CreateCommunityView = communities('CreateCommunityView');
const CommunityView = communities('CommunityView');
const AskToJoinView = communities('AskToJoinView');
const LeaveCommunityView = communities('LeaveCommunityView');
const StartupStepView = communities('StartupStepView');
const MembersView = communities('MembersView');
const MemberRoleView = communities('MemberRoleView');
const RemoveMemberView = communities('RemoveMemberView');
const DefinitionView = communities('DefinitionView');
const InvitationsView = communities('InvitationsView');
const JoinRequestsView = communities('JoinRequestsView');
const DecideJoinRequestView = communities('DecideJoinRequestView');
const InvitationView = communities('InvitationView');
const CommunitySettingsView = communities('CommunitySettingsView');
const CoachView = communities('CoachView');
const MyCommunitiesView = communities('MyCommunitiesView');
const meetings = area(() => import('./meetings/routes'));
const MeetingsView = meetings('MeetingsView');
const ScheduleMeetingView = meetings('ScheduleMeetingView');
const MeetingView = meetings('MeetingView');
const EditMeetingView = meetings('EditMeetingView');
const CancelMeetingView = meetings('CancelMeetingView');
const NotesView = meetings('NotesView');
const AttendanceView = meetings('AttendanceView');
const ResetCalendarLinkView = meetings('ResetCalendarLinkView');
const practices = area(() => import('./practices/routes'));
const PracticesView = practices('PracticesView');
const ProposePracticeView = practices('ProposePracticeView');
const PracticeView = practices('PracticeView');
const ShareExchangeView = practices('ShareExchangeView');
const ExchangeVisibilityView = practices('ExchangeVisibilityView');
const MarkPromisingView = practices('MarkPromisingView');
const ProtocolsView = practices('ProtocolsView');
const EditProtocolView = practices('EditProtocolView');
const LibraryView = practices('LibraryView');
const communityLife = area(() => import('./community-life/routes'));
const MemberMapView = communityLife('MemberMapView');
const MemberMapEntryView = communityLife('MemberMapEntryView');
const FunctionsView = communityLife('FunctionsView');
const AssignFunctionView = communityLife('AssignFunctionView');
const RotateFunctionView = communityLife('RotateFunctionView');
const WorkingPlanView = communityLife('WorkingPlanView');
const AddPlanNeedView = communityLife('AddPlanNeedView');
const SupportRequestsView = communityLife('SupportRequestsView');
const RequestSupportView = communityLife('RequestSupportView');
const SupportQueueView = communityLife('SupportQueueView');
const SupportRequestView = communityLife('SupportRequestView');
const ChallengesView = communityLife('ChallengesView');
const PostChallengeView = communityLife('PostChallengeView');
const ChallengeView = communityLife('ChallengeView');
const partners = area(() => import('./partners/routes'));
const ServiceClientsView = partners('ServiceClientsView');
const CreateServiceClientView = partners('CreateServiceClientView');
const RevokeServiceClientView = partners('RevokeServiceClientView');
const notifications = area(() => import('./notifications/routes'));
const NotificationsView = notifications('NotificationsView');
const webhooks = area(() => import('./webhooks/routes'));
const WebhooksView = webhooks('WebhooksView');
const CreateWebhookView = webhooks('CreateWebhookView');
const WebhookView = webhooks('WebhookView');
const DeleteWebhookView = webhooks('DeleteWebhookView');
const audit = area(() => import('./audit/routes'));
const AuditView = audit('AuditView');
const legal = area(() => import('./legal/routes'));
const PrivacyView = legal('PrivacyView');
const AccessibilityView = legal('AccessibilityView');
const dashboard = area(() => import('./dashboard/routes'));
const DashboardView = dashboard('DashboardView');

function signedIn(el: React.ReactNode) {
  return <RequireSignIn>{el}</RequireSignIn>;
}

function team(el: React.ReactNode) {
  return <RequireProgrammeTeam>{el}</RequireProgrammeTeam>;
}

export function AppRoutes() {
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
        {identityRoutes()}
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
        <Route path="communities/:id/members/:personId/remove" element={signedIn(<RemoveMemberView />)} />
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
        <Route path="admin/dashboard" element={team(<DashboardView />)} />
        <Route path="programme" element={team(<DashboardView />)} />
        <Route path="admin/audit" element={team(<AuditView />)} />
        <Route path="admin/calls/new" element={team(<CreateCallView />)} />
        <Route path="admin/calls/:id" element={team(<CallView />)} />
        <Route path="admin/calls/:id/change/:part" element={team(<EditCallView />)} />
        <Route path="admin/calls/:id/honoraria" element={team(<HonorariaView />)} />
        <Route path="admin/domains" element={team(<DomainsView />)} />
        <Route path="admin/domains/:id" element={team(<DomainView />)} />
        <Route path="admin/organisations" element={team(<OrganisationsView />)} />
        <Route path="admin/organisations/import" element={team(<ImportOrganisationsView />)} />
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
