//! The start-up steps of FAQ 10's table, each with its owner.

use super::{MemberRole, Stage};
use crate::DomainError;

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
