//! The community itself: its stage, its name, and how people come to belong (SPEC §4).

use crate::text::bounded;
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
