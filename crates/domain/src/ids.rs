//! Typed identifiers: an `ApplicationId` can never be passed where a `CallId` is meant.

use uuid::Uuid;

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub struct $name(pub Uuid);
        impl $name {
            pub fn new() -> Self { Self(Uuid::new_v4()) }
        }
        impl Default for $name {
            fn default() -> Self { Self::new() }
        }
        impl From<Uuid> for $name {
            fn from(u: Uuid) -> Self { Self(u) }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { self.0.fmt(f) }
        }
    )*};
}

id_type!(
    PersonId,
    OrganisationId,
    DomainId,
    CallId,
    CriterionId,
    ApplicationId
);

/// An identifier that the API shows as a global ID (`node(id)`): it knows its entity's name.
pub trait GlobalId: Copy + From<Uuid> {
    /// The GraphQL type name, which the opaque ID carries.
    const KIND: &'static str;
    fn uuid(self) -> Uuid;
}

macro_rules! global_id {
    ($($name:ident => $kind:literal),* $(,)?) => {$(
        impl GlobalId for $name {
            const KIND: &'static str = $kind;
            fn uuid(self) -> Uuid { self.0 }
        }
    )*};
}

id_type!(
    CommunityId,
    MeetingId,
    PracticeId,
    ExchangeId,
    InquiryId,
    InquiryAnswerId,
    SharingProtocolId,
    ChallengeId,
    ChallengeReplyId,
    ServiceClientId,
    NotificationId,
    WebhookSubscriptionId,
    WebhookDeliveryId,
    HonorariumShareId,
    AuditEntryId,
    SupportRequestId,
    PlanNeedId,
    CommunityFunctionId,
    MemberMapEntryId,
    JoinRequestId,
    CommunityInvitationId,
    DomainDefinitionVersionId,
    ReviewId,
    ReviewAssignmentId,
    DecisionId,
);

global_id!(
    PersonId => "Person",
    OrganisationId => "Organisation",
    DomainId => "Domain",
    CallId => "Call",
    CriterionId => "Criterion",
    ApplicationId => "Application",
    CommunityId => "Community",
    MeetingId => "Meeting",
    PracticeId => "Practice",
    ExchangeId => "Exchange",
    InquiryId => "Inquiry",
    InquiryAnswerId => "InquiryAnswer",
    SharingProtocolId => "SharingProtocol",
    ChallengeId => "Challenge",
    ChallengeReplyId => "ChallengeReply",
    ServiceClientId => "ServiceClient",
    NotificationId => "Notification",
    WebhookSubscriptionId => "WebhookSubscription",
    WebhookDeliveryId => "WebhookDelivery",
    HonorariumShareId => "HonorariumShare",
    AuditEntryId => "AuditEntry",
    SupportRequestId => "SupportRequest",
    PlanNeedId => "PlanNeed",
    CommunityFunctionId => "CommunityFunction",
    MemberMapEntryId => "MemberMapEntry",
    JoinRequestId => "JoinRequest",
    CommunityInvitationId => "CommunityInvitation",
    DomainDefinitionVersionId => "DomainDefinitionVersion",
    ReviewId => "Review",
    ReviewAssignmentId => "ReviewAssignment",
    DecisionId => "Decision",
);
