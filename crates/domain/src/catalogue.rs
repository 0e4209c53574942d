//! The domain catalogue (SPEC §1): areas of patient-safety practice. The programme team keeps it;
//! an applicant may propose a new one, which the team accepts, renames or merges.

use crate::text::{bounded, single_line};
use crate::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainStatus {
    Proposed,
    Accepted,
    Merged,
}

impl DomainStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DomainStatus::Proposed => "PROPOSED",
            DomainStatus::Accepted => "ACCEPTED",
            DomainStatus::Merged => "MERGED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [
            DomainStatus::Proposed,
            DomainStatus::Accepted,
            DomainStatus::Merged,
        ]
        .into_iter()
        .find(|d| d.as_str() == s)
    }
}

pub fn parse_name(field: &str, raw: &str) -> Result<String, DomainError> {
    single_line(field, "the domain's name", raw, 3, 120)
}

pub fn parse_description(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "a description", raw, 0, 2000)
}

/// Applications can be made in accepted and proposed domains, not in one merged away.
pub fn check_open_for_applications(status: DomainStatus) -> Result<(), DomainError> {
    match status {
        DomainStatus::Merged => Err(DomainError::field(
            "domainId",
            "This domain has been merged into another: choose that one instead",
        )),
        _ => Ok(()),
    }
}

pub fn check_acceptable(status: DomainStatus) -> Result<(), DomainError> {
    match status {
        DomainStatus::Proposed => Ok(()),
        DomainStatus::Accepted => Err(DomainError::invalid_state(
            "This domain is already accepted",
        )),
        DomainStatus::Merged => Err(DomainError::invalid_state(
            "This domain has been merged and cannot be accepted",
        )),
    }
}

/// A domain can be merged into another that is not itself merged, and not into itself.
pub fn check_mergeable(
    from: DomainStatus,
    same: bool,
    into: DomainStatus,
) -> Result<(), DomainError> {
    if same {
        return Err(DomainError::field(
            "intoDomainId",
            "Choose a different domain to merge into",
        ));
    }
    if from == DomainStatus::Merged {
        return Err(DomainError::invalid_state(
            "This domain has already been merged",
        ));
    }
    if into == DomainStatus::Merged {
        return Err(DomainError::field(
            "intoDomainId",
            "That domain has itself been merged: choose the one it was merged into",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_domains_take_no_applications() {
        assert!(check_open_for_applications(DomainStatus::Accepted).is_ok());
        assert!(check_open_for_applications(DomainStatus::Proposed).is_ok());
        assert_eq!(
            check_open_for_applications(DomainStatus::Merged)
                .unwrap_err()
                .fields[0]
                .field,
            "domainId"
        );
    }

    #[test]
    fn merge_rules() {
        use DomainStatus::*;
        assert!(check_mergeable(Proposed, false, Accepted).is_ok());
        assert!(check_mergeable(Accepted, true, Accepted).is_err());
        assert!(check_mergeable(Merged, false, Accepted).is_err());
        assert_eq!(
            check_mergeable(Proposed, false, Merged).unwrap_err().fields[0].field,
            "intoDomainId"
        );
    }

    #[test]
    fn only_proposed_domains_can_be_accepted() {
        assert!(check_acceptable(DomainStatus::Proposed).is_ok());
        assert_eq!(
            check_acceptable(DomainStatus::Accepted).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
        assert!(check_acceptable(DomainStatus::Merged).is_err());
    }

    #[test]
    fn names() {
        assert!(parse_name("name", "ab").is_err());
        assert_eq!(parse_name("name", " Falls ").unwrap(), "Falls");
    }
}
