//! Accounts (SPEC §7): who someone is and what they may do across the whole service.

use crate::text::single_line;
use crate::{DomainError, Fields};

/// An e-mail address, trimmed and lower-cased so that one person has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, raw: &str) -> Result<Self, DomainError> {
        let v = raw.trim().to_lowercase();
        if v.is_empty() {
            return Err(DomainError::field(field, "Enter an email address"));
        }
        if v.len() > 254 {
            return Err(DomainError::field(
                field,
                "Email address must be 254 characters or fewer",
            ));
        }
        let bad = || {
            DomainError::field(
                field,
                "Enter an email address in the correct format, like name@example.nhs.uk",
            )
        };
        let (local, host) = v.split_once('@').ok_or_else(bad)?;
        let host_ok = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !host.contains("..")
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if local.is_empty()
            || local.len() > 64
            || !host_ok
            || v.chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == ',')
            || host.contains('@')
        {
            return Err(bad());
        }
        Ok(Email(v))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
}

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

/// A new password: at least 12 characters (SPEC §7), no upper bound that a passphrase would hit.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    pub fn parse(field: &str, raw: &str) -> Result<Self, DomainError> {
        let n = raw.chars().count();
        if n < MIN_PASSWORD_CHARS {
            return Err(DomainError::field(
                field,
                format!("Password must be {MIN_PASSWORD_CHARS} characters or more"),
            ));
        }
        if n > MAX_PASSWORD_CHARS {
            return Err(DomainError::field(
                field,
                format!("Password must be {MAX_PASSWORD_CHARS} characters or fewer"),
            ));
        }
        if raw.trim().is_empty() {
            return Err(DomainError::field(field, "Password cannot be only spaces"));
        }
        Ok(NewPassword(raw.to_string()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(field: &str, raw: &str) -> Result<Self, DomainError> {
        single_line(field, "your name", raw, 1, 120).map(PersonName)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Profession is optional and free text; grade, title or seniority is never asked for (FAQ 6).
pub fn parse_profession(field: &str, raw: Option<&str>) -> Result<Option<String>, DomainError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => single_line(field, "profession", v, 1, 120).map(Some),
    }
}

/// Roles granted by the programme team; everything else follows from relationships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    ProgrammeTeam,
    Panel,
    Coach,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::ProgrammeTeam, Role::Panel, Role::Coach];
    pub fn as_str(self) -> &'static str {
        match self {
            Role::ProgrammeTeam => "PROGRAMME_TEAM",
            Role::Panel => "PANEL",
            Role::Coach => "COACH",
        }
    }
    pub fn from_str(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Signing in needs both an e-mail address and a password; whether they are right is not said
/// field by field.
pub fn check_credentials_given(email: &str, password: &str) -> Result<(), DomainError> {
    let mut f = Fields::new();
    if email.trim().is_empty() {
        f.add("email", "Enter your email address");
    }
    if password.is_empty() {
        f.add("password", "Enter your password");
    }
    f.finish()
}

/// May `role` be taken from someone who `holds` it, while `holders` people hold it? The
/// network always keeps one programme-team account.
pub fn check_can_revoke(role: Role, holds: bool, holders: u64) -> Result<(), DomainError> {
    if role == Role::ProgrammeTeam && holds && holders <= 1 {
        return Err(DomainError::invalid_state(
            "This is the last programme-team account: grant the role to someone else first",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised() {
        assert_eq!(
            Email::parse("email", "  Ada.Lovelace@Example.NHS.uk ")
                .unwrap()
                .as_str(),
            "ada.lovelace@example.nhs.uk"
        );
    }

    #[test]
    fn bad_emails_name_the_field() {
        for bad in [
            "",
            "ada",
            "ada@",
            "@nhs.uk",
            "ada@nhs",
            "a da@nhs.uk",
            "ada@nhs..uk",
            "ada@@nhs.uk",
            "ada@.nhs.uk",
        ] {
            let e = Email::parse("email", bad).unwrap_err();
            assert_eq!(e.code, crate::ErrorCode::Validation, "{bad}");
            assert_eq!(e.fields[0].field, "email", "{bad}");
        }
    }

    #[test]
    fn passwords_need_twelve_characters() {
        assert!(NewPassword::parse("password", "elevenchars").is_err());
        assert!(NewPassword::parse("password", "twelve chars").is_ok());
        // characters, not bytes
        assert!(NewPassword::parse("password", "ééééééééééé").is_err());
        assert!(NewPassword::parse("password", "            ").is_err());
        assert_eq!(
            NewPassword::parse("password", "short").unwrap_err().fields[0].field,
            "password"
        );
        assert!(!format!(
            "{:?}",
            NewPassword::parse("p", "a secret passphrase").unwrap()
        )
        .contains("secret"));
    }

    #[test]
    fn names_and_professions() {
        assert!(PersonName::parse("name", " ").is_err());
        assert_eq!(PersonName::parse("name", " Ada ").unwrap().as_str(), "Ada");
        assert_eq!(parse_profession("profession", Some("  ")).unwrap(), None);
        assert_eq!(
            parse_profession("profession", Some("Pharmacist"))
                .unwrap()
                .as_deref(),
            Some("Pharmacist")
        );
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_str(r.as_str()), Some(r));
        }
        assert_eq!(Role::from_str("ADMIN"), None);
    }

    #[test]
    fn signing_in_needs_both_credentials() {
        assert!(check_credentials_given("ada@example.nhs.uk", "anything").is_ok());
        let e = check_credentials_given("  ", "").unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Validation);
        let fields: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["email", "password"]);
        // a password of spaces is a password: whether it is right is checked elsewhere
        assert!(check_credentials_given("ada@example.nhs.uk", " ").is_ok());
    }

    #[test]
    fn the_last_programme_team_account_keeps_its_role() {
        let last = check_can_revoke(Role::ProgrammeTeam, true, 1).unwrap_err();
        assert_eq!(last.code, crate::ErrorCode::InvalidState);
        assert!(last.message.contains("last programme-team account"));
        assert!(check_can_revoke(Role::ProgrammeTeam, true, 2).is_ok());
        // someone without the role can be "revoked" (nothing happens) even if one holder is left
        assert!(check_can_revoke(Role::ProgrammeTeam, false, 1).is_ok());
        // other roles may all go
        assert!(check_can_revoke(Role::Panel, true, 1).is_ok());
        assert!(check_can_revoke(Role::Coach, true, 0).is_ok());
    }
}
