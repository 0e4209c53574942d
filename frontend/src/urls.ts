/**
 * The SPA's addresses, one function per route that a link or a redirect points at (the routes
 * themselves are in App.tsx; urls.test.ts checks that every address here matches one of them).
 * Build a link with these instead of by hand, so that a route moves in one place.
 */

// ---- communities
export const communitiesUrl = () => '/communities';
export const newCommunityUrl = () => '/communities/new';
export const myCommunitiesUrl = () => '/my-communities';
export const communityUrl = (id: string) => `/communities/${id}`;
export const joinCommunityUrl = (id: string) => `${communityUrl(id)}/join`;
export const leaveCommunityUrl = (id: string) => `${communityUrl(id)}/leave`;
export const startupStepUrl = (id: string, slug: string) => `${communityUrl(id)}/steps/${slug}`;
export const membersUrl = (id: string) => `${communityUrl(id)}/members`;
export const memberUrl = (id: string, personId: string) => `${membersUrl(id)}/${personId}`;
export const removeMemberUrl = (id: string, personId: string) => `${memberUrl(id, personId)}/remove`;
export const definitionUrl = (id: string) => `${communityUrl(id)}/definition`;
export const invitationsUrl = (id: string) => `${communityUrl(id)}/invitations`;
export const joinRequestsUrl = (id: string) => `${communityUrl(id)}/requests`;
export const joinRequestUrl = (id: string, requestId: string) => `${joinRequestsUrl(id)}/${requestId}`;
export const communitySettingsUrl = (id: string) => `${communityUrl(id)}/settings`;
export const coachUrl = (id: string) => `${communityUrl(id)}/coach`;
export const invitationUrl = (token: string) => `/invitations/${token}`;

// ---- meetings
export const meetingsUrl = (id: string) => `${communityUrl(id)}/meetings`;
export const newMeetingUrl = (id: string) => `${meetingsUrl(id)}/new`;
export const meetingUrl = (id: string, meetingId: string) => `${meetingsUrl(id)}/${meetingId}`;
export const editMeetingUrl = (id: string, meetingId: string) => `${meetingUrl(id, meetingId)}/edit`;
export const cancelMeetingUrl = (id: string, meetingId: string) => `${meetingUrl(id, meetingId)}/cancel`;
export const meetingNotesUrl = (id: string, meetingId: string) => `${meetingUrl(id, meetingId)}/notes`;
export const attendanceUrl = (id: string, meetingId: string) => `${meetingUrl(id, meetingId)}/attendance`;
export const resetCalendarUrl = (id: string) => `${communityUrl(id)}/calendar/reset`;

// ---- practices
export const communityPracticesUrl = (id: string) => `${communityUrl(id)}/practices`;
export const proposePracticeUrl = (id: string) => `${communityPracticesUrl(id)}/new`;
export const protocolsUrl = (id: string) => `${communityUrl(id)}/protocols`;
export const protocolUrl = (id: string, protocolId: string) => `${protocolsUrl(id)}/${protocolId}`;
export const practiceUrl = (practiceId: string) => `/practices/${practiceId}`;
export const shareExchangeUrl = (practiceId: string) => `${practiceUrl(practiceId)}/share`;
export const exchangeVisibilityUrl = (practiceId: string, exchangeId: string) =>
  `${practiceUrl(practiceId)}/exchanges/${exchangeId}/visibility`;
export const markPromisingUrl = (practiceId: string) => `${practiceUrl(practiceId)}/promising`;
export const libraryUrl = () => '/library';

// ---- community life
export const memberMapUrl = (id: string) => `${communityUrl(id)}/member-map`;
export const newMemberMapEntryUrl = (id: string) => `${memberMapUrl(id)}/new`;
export const memberMapEntryUrl = (id: string, entryId: string) => `${memberMapUrl(id)}/${entryId}`;
export const functionsUrl = (id: string) => `${communityUrl(id)}/roles`;
export const newFunctionUrl = (id: string) => `${functionsUrl(id)}/new`;
export const functionUrl = (id: string, functionId: string) => `${functionsUrl(id)}/${functionId}`;
export const workingPlanUrl = (id: string) => `${communityUrl(id)}/plan`;
export const newNeedUrl = (id: string) => `${workingPlanUrl(id)}/needs/new`;
export const supportUrl = (id: string) => `${communityUrl(id)}/support`;
export const newSupportRequestUrl = (id: string) => `${supportUrl(id)}/new`;
export const challengesUrl = (id: string) => `${communityUrl(id)}/challenges`;
export const newChallengeUrl = (id: string) => `${challengesUrl(id)}/new`;
export const challengeUrl = (id: string, challengeId: string) => `${challengesUrl(id)}/${challengeId}`;
export const supportQueueUrl = () => '/support-queue';
export const supportQueueRequestUrl = (requestId: string) => `${supportQueueUrl()}/${requestId}`;

// ---- applications and selection
export const applyUrl = (callId: string) => `/calls/${callId}/apply`;
export const myApplicationsUrl = () => '/applications';
export const applicationUrl = (id: string) => `/applications/${id}`;
export const checkAnswersUrl = (id: string) => `${applicationUrl(id)}/check`;
export const applicationDomainUrl = (id: string) => `${applicationUrl(id)}/domain`;
export const sponsorUrl = (id: string) => `${applicationUrl(id)}/sponsor`;
export const questionUrl = (id: string, slug: string) => `${applicationUrl(id)}/questions/${slug}`;
export const coLeadsUrl = (id: string) => `${applicationUrl(id)}/co-leads`;
export const confirmationUrl = (id: string) => `${applicationUrl(id)}/confirmation`;
export const withdrawUrl = (id: string) => `${applicationUrl(id)}/withdraw`;
export const coLeadInvitationUrl = (id: string) => `${applicationUrl(id)}/co-lead`;
export const applicationCommunityUrl = (id: string) => `${applicationUrl(id)}/community`;
export const reviewsUrl = () => '/reviews';
export const reviewUrl = (applicationId: string) => `${reviewsUrl()}/${applicationId}`;
export const declareConflictUrl = (applicationId: string) => `${reviewUrl(applicationId)}/conflict`;
export const panelCallUrl = (callId: string) => `/panel/calls/${callId}`;

// ---- programme team
export const adminCallsUrl = () => '/admin/calls';
export const adminCallUrl = (callId: string) => `${adminCallsUrl()}/${callId}`;
export const editCallUrl = (callId: string, part: string) => `${adminCallUrl(callId)}/change/${part}`;
export const honorariaUrl = (callId: string) => `${adminCallUrl(callId)}/honoraria`;
/** The audit trail, filtered to one entity's history. */
export const auditUrl = (entityId: string) => `/admin/audit?entityId=${encodeURIComponent(entityId)}`;
export const adminDomainUrl = (domainId: string) => `/admin/domains/${domainId}`;
export const adminOrganisationsUrl = () => '/admin/organisations';
export const importOrganisationsUrl = () => `${adminOrganisationsUrl()}/import`;
export const partnersUrl = () => '/admin/partners';
export const revokePartnerUrl = (clientId: string) => `${partnersUrl()}/${clientId}/revoke`;
export const webhooksUrl = () => '/admin/webhooks';
export const webhookUrl = (webhookId: string) => `${webhooksUrl()}/${webhookId}`;
export const deleteWebhookUrl = (webhookId: string) => `${webhookUrl(webhookId)}/delete`;

// ---- account (src/account/identityRoutes.tsx)
export const accountUrl = () => '/account';
export type ProfileField = 'name' | 'profession' | 'organisation';
export const changeProfileUrl = (field: ProfileField) => `${accountUrl()}/profile/${field}`;
export const changePasswordUrl = () => `${accountUrl()}/password`;
export const changeEmailUrl = () => `${accountUrl()}/email`;
export const forgotPasswordUrl = () => '/forgot-password';
