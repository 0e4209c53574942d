//! Communities (SPEC §4, FAQ 1, 2, 10). This part: starting one from an application (FAQ 8).

use crate::application::ApplicationStatus;
use crate::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    FundedApplication,
    UnfundedApplication,
    SelfOrganised,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::FundedApplication => "FUNDED_APPLICATION",
            Origin::UnfundedApplication => "UNFUNDED_APPLICATION",
            Origin::SelfOrganised => "SELF_ORGANISED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [
            Origin::FundedApplication,
            Origin::UnfundedApplication,
            Origin::SelfOrganised,
        ]
        .into_iter()
        .find(|o| o.as_str() == s)
    }
}

/// A decided application becomes a community, funded or not: unfunded applicants are
/// encouraged to convene anyway, with the network's admin and coaching support (FAQ 8).
pub fn origin_from_application(status: ApplicationStatus) -> Result<Origin, DomainError> {
    match status {
        ApplicationStatus::Funded => Ok(Origin::FundedApplication),
        ApplicationStatus::NotFunded => Ok(Origin::UnfundedApplication),
        _ => Err(DomainError::invalid_state(
            "A community can be started from an application once its outcome is decided",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn funded_or_not_both_convene() {
        assert_eq!(
            origin_from_application(ApplicationStatus::Funded).unwrap(),
            Origin::FundedApplication
        );
        assert_eq!(
            origin_from_application(ApplicationStatus::NotFunded).unwrap(),
            Origin::UnfundedApplication
        );
        assert_eq!(
            origin_from_application(ApplicationStatus::Submitted)
                .unwrap_err()
                .code(),
            "INVALID_STATE"
        );
        for o in [
            Origin::FundedApplication,
            Origin::UnfundedApplication,
            Origin::SelfOrganised,
        ] {
            assert_eq!(Origin::from_str(o.as_str()), Some(o));
        }
    }
}

// ---------------------------------------------------------------- the community itself

use crate::text::bounded;
use chrono::{DateTime, Duration, Utc};

/// forming → active → dormant → closed; a dormant community can wake up again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Forming,
    Active,
    Dormant,
    Closed,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Forming => "FORMING",
            Stage::Active => "ACTIVE",
            Stage::Dormant => "DORMANT",
            Stage::Closed => "CLOSED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [Stage::Forming, Stage::Active, Stage::Dormant, Stage::Closed]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Moving a community on: forward one stage at a time, back from dormant to active, never out
/// of closed.
pub fn check_stage_change(from: Stage, to: Stage) -> Result<(), DomainError> {
    use Stage::*;
    let ok = matches!(
        (from, to),
        (Forming, Active)
            | (Active, Dormant)
            | (Dormant, Active)
            | (Forming | Active | Dormant, Closed)
    );
    if ok {
        Ok(())
    } else {
        Err(DomainError::invalid_state(format!(
            "A {} community cannot become {}",
            from.as_str().to_lowercase(),
            to.as_str().to_lowercase()
        )))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipMode {
    Open,
    OnRequest,
    Invitation,
}

impl MembershipMode {
    pub fn as_str(self) -> &'static str {
        match self {
            MembershipMode::Open => "OPEN",
            MembershipMode::OnRequest => "ON_REQUEST",
            MembershipMode::Invitation => "INVITATION",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [
            MembershipMode::Open,
            MembershipMode::OnRequest,
            MembershipMode::Invitation,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// What asking to join does, by the community's membership mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinOutcome {
    /// OPEN: you are a member at once.
    Joined,
    /// ON_REQUEST: a convener or core member decides.
    Requested,
}

pub fn join(mode: MembershipMode, stage: Stage) -> Result<JoinOutcome, DomainError> {
    if stage == Stage::Closed {
        return Err(DomainError::invalid_state("This community has closed"));
    }
    match mode {
        MembershipMode::Open => Ok(JoinOutcome::Joined),
        MembershipMode::OnRequest => Ok(JoinOutcome::Requested),
        MembershipMode::Invitation => Err(DomainError::forbidden(
            "This community is by invitation only: ask one of its conveners",
        )),
    }
}

/// convener, core or member (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MemberRole {
    Convener,
    Core,
    Member,
}

impl MemberRole {
    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Convener => "CONVENER",
            MemberRole::Core => "CORE",
            MemberRole::Member => "MEMBER",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [MemberRole::Convener, MemberRole::Core, MemberRole::Member]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
    /// Conveners and the core group run the community together.
    pub fn runs_it(self) -> bool {
        matches!(self, MemberRole::Convener | MemberRole::Core)
    }
}

/// Anyone may leave at any time, except the last convener: a community always has one.
pub fn check_can_leave(role: MemberRole, conveners: usize) -> Result<(), DomainError> {
    if role == MemberRole::Convener && conveners <= 1 {
        Err(DomainError::invalid_state(
            "You are the last convener: add a co-convener before you leave",
        ))
    } else {
        Ok(())
    }
}

/// Changing someone's role: by a convener; the last convener cannot step down.
pub fn check_role_change(
    actor: MemberRole,
    from: MemberRole,
    to: MemberRole,
    conveners: usize,
) -> Result<(), DomainError> {
    if actor != MemberRole::Convener {
        return Err(DomainError::forbidden(
            "Only a convener can change members' roles",
        ));
    }
    if from == MemberRole::Convener && to != MemberRole::Convener && conveners <= 1 {
        return Err(DomainError::invalid_state(
            "A community always keeps at least one convener",
        ));
    }
    Ok(())
}

pub fn parse_name(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "the community's name", raw, 3, 200)
}

// ---------------------------------------------------------------- start-up steps (FAQ 10)

/// Who owns a start-up step, from the FAQ's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepOwner {
    Convener,
    ConvenerAndCore,
    Core,
}

impl StepOwner {
    pub fn as_str(self) -> &'static str {
        match self {
            StepOwner::Convener => "CONVENER",
            StepOwner::ConvenerAndCore => "CONVENER_AND_CORE",
            StepOwner::Core => "CORE",
        }
    }
}

/// The six steps, in the seed's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StartupStep {
    DevelopDomain,
    MapMembers,
    Invitation,
    InitialConversation,
    Roles,
    DefineCommunity,
}

impl StartupStep {
    pub const ALL: [StartupStep; 6] = [
        StartupStep::DevelopDomain,
        StartupStep::MapMembers,
        StartupStep::Invitation,
        StartupStep::InitialConversation,
        StartupStep::Roles,
        StartupStep::DefineCommunity,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            StartupStep::DevelopDomain => "DEVELOP_DOMAIN",
            StartupStep::MapMembers => "MAP_MEMBERS",
            StartupStep::Invitation => "INVITATION",
            StartupStep::InitialConversation => "INITIAL_CONVERSATION",
            StartupStep::Roles => "ROLES",
            StartupStep::DefineCommunity => "DEFINE_COMMUNITY",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn owner(self) -> StepOwner {
        match self {
            StartupStep::DevelopDomain | StartupStep::MapMembers | StartupStep::Invitation => {
                StepOwner::Convener
            }
            StartupStep::InitialConversation => StepOwner::ConvenerAndCore,
            StartupStep::Roles | StartupStep::DefineCommunity => StepOwner::Core,
        }
    }
}

/// Who may complete or reopen a step: its owner while the community forms; once it is active,
/// any core member (or convener) can do the cultivating tasks.
pub fn check_can_work_on_step(
    step: StartupStep,
    role: Option<MemberRole>,
    stage: Stage,
) -> Result<(), DomainError> {
    let Some(role) = role else {
        return Err(DomainError::forbidden(
            "Only this community's conveners and core group work on its start-up steps",
        ));
    };
    let allowed = match (stage, step.owner()) {
        (Stage::Closed, _) => return Err(DomainError::invalid_state("This community has closed")),
        (Stage::Active | Stage::Dormant, _) => role.runs_it(),
        (Stage::Forming, StepOwner::Convener) => role == MemberRole::Convener,
        (Stage::Forming, StepOwner::ConvenerAndCore | StepOwner::Core) => role.runs_it(),
    };
    if allowed {
        Ok(())
    } else {
        Err(DomainError::forbidden(format!(
            "This step belongs to the {} while the community is forming",
            match step.owner() {
                StepOwner::Convener => "convener",
                StepOwner::ConvenerAndCore => "convener and core group",
                StepOwner::Core => "core group",
            }
        )))
    }
}

// ---------------------------------------------------------------- invitations (FAQ 10)

pub const INVITATION_VALID_DAYS: i64 = 14;
pub const INVITATION_REMINDER_AFTER_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationState {
    Pending,
    Accepted,
    Declined,
    Expired,
}

impl InvitationState {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationState::Pending => "PENDING",
            InvitationState::Accepted => "ACCEPTED",
            InvitationState::Declined => "DECLINED",
            InvitationState::Expired => "EXPIRED",
        }
    }
}

/// An invitation's state at `now`, from what was stored: answered ones keep their answer;
/// an unanswered one expires after two weeks.
pub fn invitation_state(
    answered: Option<bool>,
    sent_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> InvitationState {
    match answered {
        Some(true) => InvitationState::Accepted,
        Some(false) => InvitationState::Declined,
        None if now >= sent_at + Duration::days(INVITATION_VALID_DAYS) => InvitationState::Expired,
        None => InvitationState::Pending,
    }
}

/// The token in an invitation link works once, while the invitation is pending.
pub fn check_invitation_usable(state: InvitationState) -> Result<(), DomainError> {
    match state {
        InvitationState::Pending => Ok(()),
        InvitationState::Expired => Err(DomainError::invalid_state(
            "This invitation has expired: ask the convener for a new one",
        )),
        _ => Err(DomainError::invalid_state(
            "This invitation has already been answered",
        )),
    }
}

/// One reminder, a week after the invitation, if it is still unanswered.
pub fn reminder_due(
    state: InvitationState,
    sent_at: DateTime<Utc>,
    reminded: bool,
    now: DateTime<Utc>,
) -> bool {
    state == InvitationState::Pending
        && !reminded
        && now >= sent_at + Duration::days(INVITATION_REMINDER_AFTER_DAYS)
}

/// Conveners and the core group run the community: they invite, decide on requests to join,
/// and agree the domain definition.
pub fn check_runs_it(role: Option<MemberRole>, what: &str) -> Result<(), DomainError> {
    match role {
        Some(r) if r.runs_it() => Ok(()),
        _ => Err(DomainError::forbidden(format!(
            "Only this community's conveners and core group can {what}"
        ))),
    }
}

/// Members (and only members) see what is inside a community: members, meetings, challenges.
pub fn check_member(role: Option<MemberRole>) -> Result<MemberRole, DomainError> {
    role.ok_or_else(|| DomainError::forbidden("This is for the community's members"))
}

pub fn parse_definition(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "the domain definition", raw, 10, 20_000)
}

/// The invitation's own words: "a warm, peer-toned message" (FAQ 10), in the inviter's voice.
pub fn parse_invitation_message(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "a message to go with the invitation", raw, 10, 5_000)
}

pub fn parse_note(field: &str, raw: Option<&str>) -> Result<String, DomainError> {
    bounded(field, "a note", raw.unwrap_or(""), 0, 2_000)
}

/// A request to join an ON_REQUEST community.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    Pending,
    Approved,
    Declined,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "PENDING",
            RequestStatus::Approved => "APPROVED",
            RequestStatus::Declined => "DECLINED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [
            RequestStatus::Pending,
            RequestStatus::Approved,
            RequestStatus::Declined,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// A request is decided once: the decision moves it on from pending, and says where to.
pub fn decide_request(status: RequestStatus, approve: bool) -> Result<RequestStatus, DomainError> {
    if status != RequestStatus::Pending {
        return Err(DomainError::invalid_state(
            "This request has already been decided",
        ));
    }
    Ok(if approve {
        RequestStatus::Approved
    } else {
        RequestStatus::Declined
    })
}

/// Approving a request to join may carry a note; declining needs a reason (SPEC §4).
pub fn check_join_decision(
    approve: bool,
    reason: Option<&str>,
) -> Result<Option<String>, DomainError> {
    match (approve, reason.map(str::trim).filter(|r| !r.is_empty())) {
        (false, None) => Err(DomainError::field("reason", "Give a reason for declining")),
        (false, Some(r)) => bounded("reason", "a reason", r, 3, 2_000).map(Some),
        (true, r) => r
            .map(|x| bounded("reason", "a reason", x, 0, 2_000))
            .transpose(),
    }
}

/// The intranet place a community's documents go in: an http(s) address or a path.
pub fn parse_place_uri(field: &str, raw: &str) -> Result<String, DomainError> {
    let place = raw.trim();
    let shaped =
        place.starts_with("https://") || place.starts_with("http://") || place.starts_with('/');
    if !shaped || place.len() > 500 || place.contains(char::is_whitespace) {
        return Err(DomainError::field(field, "Enter the intranet place's address, like https://intranet.example.nhs.uk/api/core/v3/places/1234"));
    }
    Ok(place.to_string())
}

#[cfg(test)]
mod community_tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn stages_move_forward_and_dormant_wakes() {
        use Stage::*;
        assert!(check_stage_change(Forming, Active).is_ok());
        assert!(check_stage_change(Active, Dormant).is_ok());
        assert!(check_stage_change(Dormant, Active).is_ok());
        assert!(check_stage_change(Active, Closed).is_ok());
        assert!(check_stage_change(Closed, Active).is_err());
        assert!(check_stage_change(Forming, Dormant).is_err());
        assert!(check_stage_change(Active, Forming).is_err());
    }

    #[test]
    fn joining_follows_the_mode() {
        assert_eq!(
            join(MembershipMode::Open, Stage::Active).unwrap(),
            JoinOutcome::Joined
        );
        assert_eq!(
            join(MembershipMode::OnRequest, Stage::Forming).unwrap(),
            JoinOutcome::Requested
        );
        assert_eq!(
            join(MembershipMode::Invitation, Stage::Active)
                .unwrap_err()
                .code(),
            "FORBIDDEN"
        );
        assert_eq!(
            join(MembershipMode::Open, Stage::Closed)
                .unwrap_err()
                .code(),
            "INVALID_STATE"
        );
    }

    #[test]
    fn a_community_always_keeps_a_convener() {
        assert!(check_can_leave(MemberRole::Member, 1).is_ok());
        assert!(check_can_leave(MemberRole::Convener, 2).is_ok());
        assert_eq!(
            check_can_leave(MemberRole::Convener, 1).unwrap_err().code(),
            "INVALID_STATE"
        );
        assert!(check_role_change(
            MemberRole::Convener,
            MemberRole::Convener,
            MemberRole::Core,
            2
        )
        .is_ok());
        assert!(check_role_change(
            MemberRole::Convener,
            MemberRole::Convener,
            MemberRole::Core,
            1
        )
        .is_err());
        assert_eq!(
            check_role_change(MemberRole::Core, MemberRole::Member, MemberRole::Core, 1)
                .unwrap_err()
                .code(),
            "FORBIDDEN"
        );
    }

    #[test]
    fn steps_follow_the_faq_table_then_open_up() {
        let owners: Vec<&str> = StartupStep::ALL
            .iter()
            .map(|s| s.owner().as_str())
            .collect();
        assert_eq!(
            owners,
            [
                "CONVENER",
                "CONVENER",
                "CONVENER",
                "CONVENER_AND_CORE",
                "CORE",
                "CORE"
            ]
        );
        use MemberRole::*;
        assert!(
            check_can_work_on_step(StartupStep::DevelopDomain, Some(Convener), Stage::Forming)
                .is_ok()
        );
        assert!(
            check_can_work_on_step(StartupStep::DevelopDomain, Some(Core), Stage::Forming).is_err()
        );
        assert!(check_can_work_on_step(
            StartupStep::InitialConversation,
            Some(Core),
            Stage::Forming
        )
        .is_ok());
        assert!(check_can_work_on_step(StartupStep::Roles, Some(Core), Stage::Forming).is_ok());
        assert!(check_can_work_on_step(StartupStep::Roles, Some(Member), Stage::Forming).is_err());
        // once active, any core member does the cultivating tasks
        assert!(
            check_can_work_on_step(StartupStep::DevelopDomain, Some(Core), Stage::Active).is_ok()
        );
        assert!(
            check_can_work_on_step(StartupStep::DevelopDomain, Some(Member), Stage::Active)
                .is_err()
        );
        assert_eq!(
            check_can_work_on_step(StartupStep::Roles, None, Stage::Active)
                .unwrap_err()
                .code(),
            "FORBIDDEN"
        );
        assert!(check_can_work_on_step(StartupStep::Roles, Some(Convener), Stage::Closed).is_err());
        for s in StartupStep::ALL {
            assert_eq!(StartupStep::from_str(s.as_str()), Some(s));
        }
    }

    #[test]
    fn conveners_and_core_run_it_members_see_inside() {
        assert!(check_runs_it(Some(MemberRole::Convener), "invite").is_ok());
        assert!(check_runs_it(Some(MemberRole::Core), "invite").is_ok());
        assert_eq!(
            check_runs_it(Some(MemberRole::Member), "invite")
                .unwrap_err()
                .code(),
            "FORBIDDEN"
        );
        assert!(check_runs_it(None, "invite").is_err());
        assert_eq!(
            check_member(Some(MemberRole::Member)).unwrap(),
            MemberRole::Member
        );
        assert_eq!(check_member(None).unwrap_err().code(), "FORBIDDEN");
        assert_eq!(
            parse_definition("text", "short").unwrap_err().fields[0].field,
            "text"
        );
        assert!(
            parse_invitation_message("message", "Would you join us for a conversation?").is_ok()
        );
        assert_eq!(parse_note("note", None).unwrap(), "");
    }

    #[test]
    fn a_request_is_decided_once() {
        assert_eq!(
            decide_request(RequestStatus::Pending, true).unwrap(),
            RequestStatus::Approved
        );
        assert_eq!(
            decide_request(RequestStatus::Pending, false).unwrap(),
            RequestStatus::Declined
        );
        assert_eq!(
            decide_request(RequestStatus::Approved, false)
                .unwrap_err()
                .code(),
            "INVALID_STATE"
        );
        for s in [
            RequestStatus::Pending,
            RequestStatus::Approved,
            RequestStatus::Declined,
        ] {
            assert_eq!(RequestStatus::from_str(s.as_str()), Some(s));
        }
    }

    #[test]
    fn declining_needs_a_reason_and_places_are_addresses() {
        assert_eq!(
            check_join_decision(false, None).unwrap_err().fields[0].field,
            "reason"
        );
        assert_eq!(
            check_join_decision(false, Some("  ")).unwrap_err().fields[0].field,
            "reason"
        );
        assert_eq!(
            check_join_decision(false, Some("Full for now"))
                .unwrap()
                .as_deref(),
            Some("Full for now")
        );
        assert_eq!(check_join_decision(true, None).unwrap(), None);
        assert!(parse_place_uri("placeUri", "https://jive.example/api/core/v3/places/1").is_ok());
        assert!(parse_place_uri("placeUri", "/places/1").is_ok());
        assert_eq!(
            parse_place_uri("placeUri", "not a uri").unwrap_err().fields[0].field,
            "placeUri"
        );
        assert!(parse_place_uri("placeUri", "ftp://x").is_err());
    }

    #[test]
    fn invitations_expire_and_are_reminded_once() {
        let sent = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let day = |n| sent + Duration::days(n);
        assert_eq!(
            invitation_state(None, sent, day(13)),
            InvitationState::Pending
        );
        assert_eq!(
            invitation_state(None, sent, day(14)),
            InvitationState::Expired
        );
        assert_eq!(
            invitation_state(Some(true), sent, day(30)),
            InvitationState::Accepted
        );
        assert_eq!(
            invitation_state(Some(false), sent, day(1)),
            InvitationState::Declined
        );
        assert!(check_invitation_usable(InvitationState::Pending).is_ok());
        assert!(check_invitation_usable(InvitationState::Accepted).is_err());
        assert!(check_invitation_usable(InvitationState::Expired).is_err());
        assert!(!reminder_due(InvitationState::Pending, sent, false, day(6)));
        assert!(reminder_due(InvitationState::Pending, sent, false, day(7)));
        assert!(!reminder_due(InvitationState::Pending, sent, true, day(8)));
        assert!(!reminder_due(
            InvitationState::Accepted,
            sent,
            false,
            day(8)
        ));
    }
}
