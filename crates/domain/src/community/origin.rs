//! Where a community came from: a funded or unfunded application, or anyone starting one (FAQ 8).

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
                .code,
            crate::ErrorCode::InvalidState
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
