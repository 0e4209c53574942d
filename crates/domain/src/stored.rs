//! The closed sets of values that are kept as text in a column (`"SUBMITTED"`). Each is read
//! back through one mapping, `StoredEnum::parse_stored`; the store turns an unknown value into
//! an error, never into a default.

use crate::account::Role;
use crate::application::{ApplicationStatus, CoLeadState};
use crate::call::{CallStatus, HonorariumPolicy, RankBy, Reminder};
use crate::catalogue::DomainStatus;
use crate::community::{
    FunctionKind, MapTag, MeetingMode, MeetingStatus, MemberRole, MembershipMode, NeedKind, Origin,
    RequestStatus, Stage, StartupStep, SupportKind, SupportStatus,
};
use crate::honorarium::{PaymentRoute, PaymentStatus};
use crate::organisation::Sector;
use crate::partner::Scope;
use crate::practice::{ExchangeVisibility, PracticeStatus, PromisingVisibility};
use crate::question::QuestionKind;

pub trait StoredEnum: Sized + Copy + PartialEq + std::fmt::Debug {
    /// What the value is, for the message when a stored one is unknown.
    const WHAT: &'static str;
    /// The text kept in the column.
    fn stored(self) -> &'static str;
    /// The value of a column's text, if it is one.
    fn parse_stored(text: &str) -> Option<Self>;
}

macro_rules! stored_enum {
    ($($t:ty => $what:literal),* $(,)?) => {$(
        impl StoredEnum for $t {
            const WHAT: &'static str = $what;
            fn stored(self) -> &'static str { self.as_str() }
            fn parse_stored(text: &str) -> Option<Self> { <$t>::from_str(text) }
        }
    )*};
}

stored_enum!(
    Role => "role",
    ApplicationStatus => "application status",
    CoLeadState => "co-lead state",
    CallStatus => "call status",
    HonorariumPolicy => "honorarium policy",
    RankBy => "ranking",
    Reminder => "reminder",
    DomainStatus => "domain status",
    FunctionKind => "community function",
    MapTag => "member map tag",
    MeetingMode => "meeting mode",
    MeetingStatus => "meeting status",
    MemberRole => "member role",
    MembershipMode => "membership mode",
    NeedKind => "plan need",
    Origin => "community origin",
    RequestStatus => "join request status",
    Stage => "community stage",
    StartupStep => "start-up step",
    SupportKind => "support kind",
    SupportStatus => "support status",
    PaymentRoute => "payment route",
    PaymentStatus => "payment status",
    Sector => "sector",
    Scope => "partner scope",
    ExchangeVisibility => "exchange visibility",
    PracticeStatus => "practice status",
    PromisingVisibility => "promising practice visibility",
    QuestionKind => "question kind",
);

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: StoredEnum>(values: &[T]) {
        for v in values {
            assert_eq!(T::parse_stored(v.stored()), Some(*v), "{}", T::WHAT);
        }
        assert_eq!(T::parse_stored("NOT_A_VALUE"), None, "{}", T::WHAT);
        assert_eq!(T::parse_stored(""), None, "{}", T::WHAT);
    }

    #[test]
    fn every_stored_value_reads_back_and_nothing_else_does() {
        round_trips(&ApplicationStatus::ALL);
        round_trips(&QuestionKind::ALL);
        round_trips(&[
            CoLeadState::Invited,
            CoLeadState::Accepted,
            CoLeadState::Declined,
        ]);
        round_trips(&[Stage::Forming, Stage::Active, Stage::Dormant, Stage::Closed]);
        round_trips(&[MemberRole::Convener, MemberRole::Core, MemberRole::Member]);
        round_trips(&[Role::ProgrammeTeam, Role::Panel, Role::Coach]);
        round_trips(&[
            Reminder::ReviewsDueSoon,
            Reminder::ReviewsDueToday,
            Reminder::DecisionDueSoon,
        ]);
        round_trips(&[MeetingStatus::Scheduled, MeetingStatus::Cancelled]);
        round_trips(&[
            PaymentStatus::Proposed,
            PaymentStatus::Approved,
            PaymentStatus::Paid,
        ]);
    }
}
