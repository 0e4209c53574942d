//! The community itself: its stage, its name, and how people come to belong (SPEC §4).

use crate::text::single_line;
use crate::DomainError;

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

/// Someone who is not a member at all cannot change anyone's role; a member's own role is
/// then judged by `check_role_change`.
pub fn check_may_change_roles(actor: Option<MemberRole>) -> Result<MemberRole, DomainError> {
    actor.ok_or_else(|| DomainError::forbidden("Only a convener can change members' roles"))
}

/// Joining is for people who are not members yet, and asking to join is done once.
pub fn check_can_ask_to_join(member: bool, asked: bool) -> Result<(), DomainError> {
    if member {
        return Err(DomainError::conflict_on(
            "communityId",
            "You are already a member of this community",
        ));
    }
    if asked {
        return Err(DomainError::conflict_on(
            "communityId",
            "You have already asked to join: the conveners will answer",
        ));
    }
    Ok(())
}

/// An invitation goes to someone who is not a member yet.
pub fn check_invitee(already_member: bool) -> Result<(), DomainError> {
    if already_member {
        Err(DomainError::conflict_on(
            "email",
            "This person is already a member",
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
    single_line(field, "the community's name", raw, 3, 200)
}

/// A community's conveners steer it: its name, how people join, whether it is listed, and its
/// stage. The programme team can too (for example to close a community that has ended).
pub fn check_can_steer(role: Option<MemberRole>, programme_team: bool) -> Result<(), DomainError> {
    if programme_team || role == Some(MemberRole::Convener) {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only this community's conveners can change its settings",
        ))
    }
}

/// A closed community stays as it was: nothing about it changes any more.
pub fn check_open(stage: Stage) -> Result<(), DomainError> {
    if stage == Stage::Closed {
        Err(DomainError::invalid_state("This community has closed"))
    } else {
        Ok(())
    }
}

/// A coach is someone the programme team has given the COACH role.
pub fn check_coach(roles: &[crate::account::Role]) -> Result<(), DomainError> {
    if roles.contains(&crate::account::Role::Coach) {
        Ok(())
    } else {
        Err(DomainError::field(
            "coachId",
            "Choose someone with the coach role",
        ))
    }
}

#[cfg(test)]
mod steering_tests {
    use super::*;
    use crate::account::Role;

    #[test]
    fn conveners_and_the_programme_team_steer() {
        assert!(check_can_steer(Some(MemberRole::Convener), false).is_ok());
        assert!(check_can_steer(None, true).is_ok());
        for r in [Some(MemberRole::Core), Some(MemberRole::Member), None] {
            assert_eq!(
                check_can_steer(r, false).unwrap_err().code,
                crate::ErrorCode::Forbidden
            );
        }
    }

    #[test]
    fn members_join_once_and_are_not_invited_again() {
        assert!(check_can_ask_to_join(false, false).is_ok());
        for (member, asked) in [(true, false), (true, true), (false, true)] {
            let e = check_can_ask_to_join(member, asked).unwrap_err();
            assert_eq!(e.code, crate::ErrorCode::Conflict);
            assert_eq!(e.fields[0].field, "communityId");
        }
        assert!(check_can_ask_to_join(true, true)
            .unwrap_err()
            .message
            .contains("already a member"));
        assert!(check_invitee(false).is_ok());
        let e = check_invitee(true).unwrap_err();
        assert_eq!(
            (e.code, e.fields[0].field.as_str()),
            (crate::ErrorCode::Conflict, "email")
        );
        assert_eq!(
            check_may_change_roles(None).unwrap_err().code,
            crate::ErrorCode::Forbidden
        );
        assert_eq!(
            check_may_change_roles(Some(MemberRole::Core)).unwrap(),
            MemberRole::Core
        );
    }

    #[test]
    fn closed_is_final_and_coaches_hold_the_role() {
        assert!(check_open(Stage::Dormant).is_ok());
        assert_eq!(
            check_open(Stage::Closed).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
        assert!(check_coach(&[Role::Panel, Role::Coach]).is_ok());
        let e = check_coach(&[Role::ProgrammeTeam]).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Validation);
        assert_eq!(e.fields[0].field, "coachId");
    }
}
