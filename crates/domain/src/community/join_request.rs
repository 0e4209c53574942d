//! Requests to join an ON_REQUEST community, and the domain definition that is published to
//! the intranet place of its documents.

use crate::text::bounded;
use crate::DomainError;

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

/// A version of the domain definition is agreed once.
pub fn check_agreeable(already_agreed: bool) -> Result<(), DomainError> {
    if already_agreed {
        Err(DomainError::invalid_state(
            "This version has already been agreed",
        ))
    } else {
        Ok(())
    }
}

/// What is published to the intranet is the agreed definition: without one there is nothing
/// to publish.
pub fn check_publishable(has_agreed_definition: bool) -> Result<(), DomainError> {
    if has_agreed_definition {
        Ok(())
    } else {
        Err(DomainError::invalid_state(
            "Agree a domain definition first: that is what is published",
        ))
    }
}

#[cfg(test)]
mod definition_tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn a_version_is_agreed_once_and_only_an_agreed_one_is_published() {
        assert!(check_agreeable(false).is_ok());
        let e = check_agreeable(true).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidState);
        assert_eq!(e.message, "This version has already been agreed");
        assert!(check_publishable(true).is_ok());
        let e = check_publishable(false).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidState);
        assert!(e.message.starts_with("Agree a domain definition first"));
    }
}
