//! Conveners manage membership (issue 18, point 2): removing a member, with a reason the
//! person is told, and cancelling an invitation that has not been answered.

use super::{InvitationState, MemberRole};
use crate::text::bounded;
use crate::DomainError;

/// The longest reason for a removal, in characters.
pub const REMOVAL_REASON_MAX: usize = 1_000;

/// Who manages membership (removes members, cancels invitations): the community's conveners
/// and the programme team.
pub fn check_manages_membership(
    role: Option<MemberRole>,
    programme_team: bool,
    what: &str,
) -> Result<(), DomainError> {
    if programme_team || role == Some(MemberRole::Convener) {
        Ok(())
    } else {
        Err(DomainError::forbidden(format!(
            "Only this community's conveners and the programme team can {what}"
        )))
    }
}

/// A member can be removed, but never the last convener: a community always has one.
pub fn check_can_remove(target: MemberRole, conveners: usize) -> Result<(), DomainError> {
    if target == MemberRole::Convener && conveners <= 1 {
        Err(DomainError::invalid_state(
            "This is the community's last convener: make someone else a convener first",
        ))
    } else {
        Ok(())
    }
}

/// The reason for a removal is required (the person is told it), and bounded.
pub fn parse_removal_reason(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "the reason", raw, 1, REMOVAL_REASON_MAX)
}

/// Only an invitation not yet answered can be cancelled (a pending or an expired one).
pub fn check_can_cancel_invitation(state: InvitationState) -> Result<(), DomainError> {
    match state {
        InvitationState::Pending | InvitationState::Expired => Ok(()),
        InvitationState::Accepted | InvitationState::Declined => Err(DomainError::invalid_state(
            "This invitation has already been answered: it cannot be cancelled",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn conveners_and_the_programme_team_manage_membership() {
        assert!(check_manages_membership(Some(MemberRole::Convener), false, "x").is_ok());
        assert!(check_manages_membership(None, true, "x").is_ok());
        for role in [Some(MemberRole::Core), Some(MemberRole::Member), None] {
            let e = check_manages_membership(role, false, "remove members").unwrap_err();
            assert_eq!(e.code, ErrorCode::Forbidden);
            assert!(e.message.contains("remove members"));
        }
    }

    #[test]
    fn the_last_convener_is_never_removed() {
        let e = check_can_remove(MemberRole::Convener, 1).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidState);
        assert!(check_can_remove(MemberRole::Convener, 2).is_ok());
        assert!(check_can_remove(MemberRole::Member, 1).is_ok());
        assert!(check_can_remove(MemberRole::Core, 1).is_ok());
    }

    #[test]
    fn a_removal_needs_a_bounded_reason() {
        let e = parse_removal_reason("reason", "   ").unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(
            parse_removal_reason("reason", " Left the trust ").unwrap(),
            "Left the trust"
        );
        let long = "a".repeat(REMOVAL_REASON_MAX + 1);
        assert_eq!(
            parse_removal_reason("reason", &long).unwrap_err().code,
            ErrorCode::Validation
        );
        assert!(parse_removal_reason("reason", &"a".repeat(REMOVAL_REASON_MAX)).is_ok());
    }

    #[test]
    fn an_answered_invitation_cannot_be_cancelled() {
        assert!(check_can_cancel_invitation(InvitationState::Pending).is_ok());
        assert!(check_can_cancel_invitation(InvitationState::Expired).is_ok());
        for s in [InvitationState::Accepted, InvitationState::Declined] {
            assert_eq!(
                check_can_cancel_invitation(s).unwrap_err().code,
                ErrorCode::InvalidState
            );
        }
    }
}
