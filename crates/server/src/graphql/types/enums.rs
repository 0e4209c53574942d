//! GraphQL enums, mirrored one to one onto the domain's.

use async_graphql::Enum;
use convene_domain as d;

macro_rules! mirror {
    ($gql:ident, $dom:path, [$($v:ident),*]) => {
        #[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
        pub enum $gql { $($v),* }
        impl From<$gql> for $dom {
            fn from(x: $gql) -> Self { match x { $($gql::$v => <$dom>::$v),* } }
        }
        impl From<$dom> for $gql {
            fn from(x: $dom) -> Self { match x { $(<$dom>::$v => $gql::$v),* } }
        }
    };
}

mirror!(Role, d::account::Role, [ProgrammeTeam, Panel, Coach]);
mirror!(
    Sector,
    d::organisation::Sector,
    [
        NhsTrust,
        PrimaryCare,
        Commissioner,
        LocalAuthority,
        Academic,
        Industry,
        ThirdSector,
        Network
    ]
);
mirror!(
    CallStatus,
    d::call::CallStatus,
    [Draft, Open, Closed, InReview, Decided, Archived]
);
mirror!(
    HonorariumPolicy,
    d::call::HonorariumPolicy,
    [Redistribute, Forfeit]
);
mirror!(RankBy, d::call::RankBy, [Weighted, Normalised]);
mirror!(
    ApplicationStatus,
    d::application::ApplicationStatus,
    [Draft, Submitted, Withdrawn, Funded, NotFunded]
);
mirror!(
    DomainStatus,
    d::catalogue::DomainStatus,
    [Proposed, Accepted, Merged]
);
mirror!(
    CoLeadState,
    d::application::CoLeadState,
    [Invited, Accepted, Declined]
);
mirror!(
    CommunityStage,
    d::community::Stage,
    [Forming, Active, Dormant, Closed]
);
mirror!(
    MembershipMode,
    d::community::MembershipMode,
    [Open, OnRequest, Invitation]
);
mirror!(
    CommunityOrigin,
    d::community::Origin,
    [FundedApplication, UnfundedApplication, SelfOrganised]
);
mirror!(
    MemberRole,
    d::community::MemberRole,
    [Convener, Core, Member]
);
mirror!(
    StartupStep,
    d::community::StartupStep,
    [
        DevelopDomain,
        MapMembers,
        Invitation,
        InitialConversation,
        Roles,
        DefineCommunity
    ]
);
mirror!(
    StepOwner,
    d::community::StepOwner,
    [Convener, ConvenerAndCore, Core]
);
mirror!(
    InvitationState,
    d::community::InvitationState,
    [Pending, Accepted, Declined, Expired]
);
mirror!(
    JoinRequestStatus,
    d::community::RequestStatus,
    [Pending, Approved, Declined]
);
mirror!(
    MeetingMode,
    d::community::MeetingMode,
    [InPerson, Call, Video]
);
mirror!(
    MeetingStatus,
    d::community::MeetingStatus,
    [Scheduled, Cancelled]
);
