//! Where a community came from: a funded or unfunded application, or anyone starting one (FAQ 8).

use crate::access::ApplicationRelation;
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

/// Who may turn an application into a community: its lead, an accepted co-lead, or the
/// programme team.
pub fn check_can_start_from_application(
    programme_team: bool,
    relation: ApplicationRelation,
) -> Result<(), DomainError> {
    if programme_team
        || matches!(
            relation,
            ApplicationRelation::Lead | ApplicationRelation::CoLead
        )
    {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only the applicants (or the programme team) can start a community from this application",
        ))
    }
}

/// An application becomes a community once its outcome is known to whoever starts it.
pub fn check_outcome_sent(outcome_visible: bool) -> Result<(), DomainError> {
    if outcome_visible {
        Ok(())
    } else {
        Err(DomainError::invalid_state(
            "The outcome of this application has not been sent yet",
        ))
    }
}

/// An application becomes one community, once.
pub fn check_not_started(already_started: bool) -> Result<(), DomainError> {
    if already_started {
        Err(DomainError::conflict_on(
            "applicationId",
            "A community has already been started from this application",
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn only_the_applicants_or_the_programme_team_start_one() {
        use ApplicationRelation::*;
        for r in [Lead, CoLead] {
            assert!(check_can_start_from_application(false, r).is_ok());
        }
        for r in [Lead, CoLead, Invited, None] {
            assert!(check_can_start_from_application(true, r).is_ok());
        }
        for r in [Invited, None] {
            let e = check_can_start_from_application(false, r).unwrap_err();
            assert_eq!(e.code, ErrorCode::Forbidden);
            assert!(e.message.starts_with("Only the applicants"));
        }
    }

    #[test]
    fn an_application_starts_one_community_once_its_outcome_is_sent() {
        assert!(check_outcome_sent(true).is_ok());
        assert_eq!(
            check_outcome_sent(false).unwrap_err().code,
            ErrorCode::InvalidState
        );
        assert!(check_not_started(false).is_ok());
        let e = check_not_started(true).unwrap_err();
        assert_eq!(e.code, ErrorCode::Conflict);
        assert_eq!(e.fields[0].field, "applicationId");
    }

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
