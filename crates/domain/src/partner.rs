//! Partner systems (SPEC §6): service clients of member organisations read through scoped,
//! short-lived tokens; they never act as a person.

use crate::text::single_line;
use crate::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    ReadCalls,
    ReadCommunities,
    ReadPractices,
}

impl Scope {
    pub const ALL: [Scope; 3] = [
        Scope::ReadCalls,
        Scope::ReadCommunities,
        Scope::ReadPractices,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::ReadCalls => "read:calls",
            Scope::ReadCommunities => "read:communities",
            Scope::ReadPractices => "read:practices",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s.trim())
    }
}

/// A client's scopes: at least one, each known, each once, in a stable order.
pub fn parse_scopes(field: &str, raw: &[String]) -> Result<Vec<Scope>, DomainError> {
    let mut out = Vec::new();
    for s in raw {
        match Scope::from_str(s) {
            Some(x) => {
                if !out.contains(&x) {
                    out.push(x)
                }
            }
            None => {
                return Err(DomainError::field(
                    field,
                    format!(
                        "Unknown scope {s:?}: use {}",
                        Scope::ALL.map(|x| x.as_str()).join(", ")
                    ),
                ))
            }
        }
    }
    if out.is_empty() {
        return Err(DomainError::field(
            field,
            "Give the client at least one scope",
        ));
    }
    out.sort();
    Ok(out)
}

/// Scopes as stored and carried in tokens: space-separated (RFC 6749's `scope`).
pub fn join_scopes(scopes: &[Scope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The stored form back; unknown words (from a newer version) are ignored.
pub fn split_scopes(stored: &str) -> Vec<Scope> {
    stored
        .split_whitespace()
        .filter_map(Scope::from_str)
        .collect()
}

pub fn parse_client_name(field: &str, raw: &str) -> Result<String, DomainError> {
    single_line(field, "the client's name", raw, 3, 120)
}

/// What part of Convene a piece of the API belongs to, for a partner's scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Reference data anyone may read: domains, organisations, people's public names.
    Open,
    Scoped(Scope),
}

/// A partner may read what its scopes cover, and nothing else.
pub fn check_partner_read(scopes: &[Scope], area: Area) -> Result<(), DomainError> {
    match area {
        Area::Open => Ok(()),
        Area::Scoped(s) if scopes.contains(&s) => Ok(()),
        Area::Scoped(s) => Err(DomainError::forbidden(format!(
            "This client's token lacks the {} scope",
            s.as_str()
        ))),
    }
}

/// Partners read; they never act as a person.
pub fn check_partner_write() -> Result<(), DomainError> {
    Err(DomainError::forbidden(
        "Partner systems can read, not change anything: sign in as a person to do that",
    ))
}

/// A partner's token signs in a system, not a person. Where only a signed-in person may look,
/// the partner is refused rather than asked to sign in: told UNAUTHENTICATED, a well-behaved
/// client would fetch a new token and try again, for ever. Other answers stand.
pub fn partner_instead_of(code: &str) -> Option<DomainError> {
    (code == "UNAUTHENTICATED").then(|| {
        DomainError::forbidden(
            "This is for signed-in people: partner systems read only what their scopes cover",
        )
    })
}

/// A client's credentials are good when the secret matches (compared by the caller without
/// leaking where it differs) and they have not been revoked; a wrong id or secret is not told
/// apart from the other.
pub fn check_credentials(
    found: bool,
    secret_matches: bool,
    revoked: bool,
) -> Result<(), DomainError> {
    if !found || !secret_matches {
        return Err(DomainError::unauthenticated(
            "The client id or secret is not right",
        ));
    }
    if revoked {
        return Err(DomainError::unauthenticated(
            "These credentials have been revoked: ask the programme team",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_good_unrevoked_credentials_get_a_token() {
        assert!(check_credentials(true, true, false).is_ok());
        let wrong = check_credentials(false, false, false).unwrap_err();
        assert_eq!(wrong.code, crate::ErrorCode::Unauthenticated);
        assert_eq!(check_credentials(true, false, false).unwrap_err(), wrong);
        assert_eq!(check_credentials(true, false, true).unwrap_err(), wrong);
        let revoked = check_credentials(true, true, true).unwrap_err();
        assert_eq!(revoked.code, crate::ErrorCode::Unauthenticated);
        assert!(revoked.message.contains("revoked"));
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn scopes_are_known_unique_and_at_least_one() {
        assert_eq!(
            parse_scopes(
                "scopes",
                &s(&["read:practices", "read:calls", "read:calls"])
            )
            .unwrap(),
            vec![Scope::ReadCalls, Scope::ReadPractices]
        );
        assert_eq!(
            parse_scopes("scopes", &s(&[])).unwrap_err().fields[0].field,
            "scopes"
        );
        assert!(parse_scopes("scopes", &s(&["write:everything"])).is_err());
        let all = parse_scopes(
            "scopes",
            &s(&["read:communities", "read:calls", "read:practices"]),
        )
        .unwrap();
        assert_eq!(split_scopes(&join_scopes(&all)), all);
        assert_eq!(
            join_scopes(&all),
            "read:calls read:communities read:practices"
        );
        assert_eq!(
            split_scopes("read:calls future:thing"),
            vec![Scope::ReadCalls]
        );
    }

    #[test]
    fn partners_read_only_what_their_scopes_cover_and_never_write() {
        let scopes = [Scope::ReadCommunities];
        assert!(check_partner_read(&scopes, Area::Open).is_ok());
        assert!(check_partner_read(&scopes, Area::Scoped(Scope::ReadCommunities)).is_ok());
        let e = check_partner_read(&scopes, Area::Scoped(Scope::ReadPractices)).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Forbidden);
        assert!(check_partner_read(&[], Area::Scoped(Scope::ReadCalls)).is_err());
        assert_eq!(
            check_partner_write().unwrap_err().code,
            crate::ErrorCode::Forbidden
        );
        assert!(parse_client_name("name", "Trust X").is_ok());
        assert!(parse_client_name("name", "X").is_err());
    }

    #[test]
    fn partners_are_refused_not_asked_to_sign_in() {
        assert_eq!(
            partner_instead_of("UNAUTHENTICATED").unwrap().code,
            crate::ErrorCode::Forbidden
        );
        for other in ["FORBIDDEN", "NOT_FOUND", "VALIDATION", "INTERNAL"] {
            assert!(partner_instead_of(other).is_none(), "{other}");
        }
    }
}
