//! GraphQL enums, mirrored one to one onto the domain's.

use convene_domain as d;

/// Declares API enums that mirror domain enums value for value: `Api = domain::Path { A, B }`
/// makes `pub enum Api { A, B }` (a GraphQL enum) and the `From` conversions both ways, so a
/// value added on one side and not the other fails to compile.
macro_rules! mirror {
    ($($gql:ident = $dom:path { $($v:ident),+ $(,)? })*) => {$(
        #[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
        pub enum $gql { $($v),+ }
        impl From<$gql> for $dom {
            fn from(x: $gql) -> Self { match x { $($gql::$v => <$dom>::$v),+ } }
        }
        impl From<$dom> for $gql {
            fn from(x: $dom) -> Self { match x { $(<$dom>::$v => $gql::$v),+ } }
        }
    )*};
}
pub(crate) use mirror;

mirror! {
    Role = d::account::Role { ProgrammeTeam, Panel, Coach }
    Sector = d::organisation::Sector {
        NhsTrust, PrimaryCare, Commissioner, LocalAuthority, Academic, Industry, ThirdSector,
        Network,
    }
    CallStatus = d::call::CallStatus { Draft, Open, Closed, InReview, Decided, Archived }
    HonorariumPolicy = d::call::HonorariumPolicy { Redistribute, Forfeit }
    RankBy = d::call::RankBy { Weighted, Normalised }
    QuestionKind = d::question::QuestionKind { Text, Choice, YesNo }
    ApplicationStatus = d::application::ApplicationStatus {
        Draft, Submitted, Withdrawn, Funded, NotFunded,
    }
    DomainStatus = d::catalogue::DomainStatus { Proposed, Accepted, Merged }
    CoLeadState = d::application::CoLeadState { Invited, Accepted, Declined }
    CommunityStage = d::community::Stage { Forming, Active, Dormant, Closed }
    MembershipMode = d::community::MembershipMode { Open, OnRequest, Invitation }
    CommunityOrigin = d::community::Origin { FundedApplication, UnfundedApplication, SelfOrganised }
    MemberRole = d::community::MemberRole { Convener, Core, Member }
    StartupStep = d::community::StartupStep {
        DevelopDomain, MapMembers, Invitation, InitialConversation, Roles, DefineCommunity,
    }
    StepOwner = d::community::StepOwner { Convener, ConvenerAndCore, Core }
    InvitationState = d::community::InvitationState { Pending, Accepted, Declined, Expired }
    JoinRequestStatus = d::community::RequestStatus { Pending, Approved, Declined }
    MeetingMode = d::community::MeetingMode { InPerson, Call, Video }
    MeetingStatus = d::community::MeetingStatus { Scheduled, Cancelled }
    ImportAction = d::organisation_import::ImportAction { Create, Update, Unchanged }
}
