//! Invitations (FAQ 10 "The Invitation") and who runs the community.

use super::MemberRole;
use crate::text::bounded;
use crate::DomainError;
use chrono::{DateTime, Duration, Utc};

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

/// Who downloads the member list as a file (`members.csv`): of those who read it
/// (`Community.members`: the programme team, and the members by [`check_member`]), the
/// conveners and the programme team. Each address in it is shown only to whom
/// `access::can_see_email` shows it.
pub fn check_can_export_members(
    role: Option<MemberRole>,
    programme_team: bool,
) -> Result<(), DomainError> {
    if programme_team {
        return Ok(());
    }
    if check_member(role)? == MemberRole::Convener {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only the community's conveners and the programme team can export its members",
        ))
    }
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
