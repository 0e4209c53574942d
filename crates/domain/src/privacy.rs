//! People's own data (SPEC §7): what deleting an account removes, what it keeps and why, and
//! how a name or an e-mail address is taken out of text that copied it. Also the audit
//! trail's day filter, in UK days.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::London;
use uuid::Uuid;

use crate::honorarium::PaymentStatus;
use crate::DomainError;

/// How a deleted person is shown wherever their name was.
pub const FORMER_MEMBER: &str = "Former member";

/// The address a deleted account keeps: unique, and never deliverable (`.invalid`, RFC 2606).
pub fn deleted_email(person: Uuid) -> String {
    format!("deleted-{}@deleted.invalid", person.simple())
}

/// What a deleted account's password hash becomes: not a PHC string, so nothing verifies.
pub const UNUSABLE_PASSWORD_HASH: &str = "!deleted";

/// Re-authentication failed: nothing changes.
pub fn wrong_password() -> DomainError {
    wrong_password_on("password")
}

/// The same, for an input that names its password field otherwise (`currentPassword`).
pub fn wrong_password_on(field: &str) -> DomainError {
    DomainError::field(field, "The password is not right")
}

/// May this account be deleted now? The network keeps one programme-team account, and a
/// community keeps one convener (the others must be made conveners first).
pub fn check_can_delete(
    is_programme_team: bool,
    programme_team_accounts: u64,
    sole_convener_of: &[String],
) -> Result<(), DomainError> {
    if is_programme_team && programme_team_accounts <= 1 {
        return Err(DomainError::invalid_state(
            "This is the last programme-team account: give the role to someone else before deleting it",
        ));
    }
    if !sole_convener_of.is_empty() {
        return Err(DomainError::invalid_state(format!(
            "You are the only convener of {}: make another member a convener first",
            sole_convener_of.join(", ")
        )));
    }
    Ok(())
}

/// What happens to an application the person is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationFate {
    /// Submitted once: the call's record; kept, their copies of the address removed.
    Keep,
    /// A draft they lead: never part of a call, so it goes with them.
    Delete,
    /// A draft someone else leads: they leave it (or their invitation goes).
    Leave,
}

pub fn application_fate(is_lead: bool, ever_submitted: bool) -> ApplicationFate {
    match (ever_submitted, is_lead) {
        (true, _) => ApplicationFate::Keep,
        (false, true) => ApplicationFate::Delete,
        (false, false) => ApplicationFate::Leave,
    }
}

/// What happens to an honorarium share of theirs: approved and paid ones are financial
/// records; a proposed payment cannot be made to a deleted account, so it is cancelled (the
/// row stays, so the split still adds up).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareFate {
    Keep,
    Cancel,
}

pub fn share_fate(status: PaymentStatus) -> ShareFate {
    match status {
        PaymentStatus::Proposed => ShareFate::Cancel,
        PaymentStatus::Approved | PaymentStatus::Paid | PaymentStatus::Cancelled => ShareFate::Keep,
    }
}

/// Counts of what a deletion kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeptCounts {
    pub applications: u64,
    pub reviews: u64,
    pub conflicts: u64,
    pub decisions: u64,
    pub payments: u64,
    pub cancelled_payments: u64,
    pub community_content: u64,
}

/// Something kept after a deletion, without the person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub what: &'static str,
    pub count: u64,
    pub reason: &'static str,
}

/// What was kept and why, in a fixed order; nothing is listed with a count of zero.
pub fn kept(c: KeptCounts) -> Vec<Kept> {
    let all = [
        (
            "Applications you led or co-led that were submitted, and the decisions on them",
            c.applications,
            "They are part of the call's record of who applied and what was decided",
        ),
        (
            "Reviews and scores you wrote",
            c.reviews,
            "The selection must stay explainable to applicants and auditors",
        ),
        (
            "Conflicts of interest you declared",
            c.conflicts,
            "They show why you were left out of a decision",
        ),
        (
            "Selection decisions you recorded as chair",
            c.decisions,
            "The selection must stay explainable to applicants and auditors",
        ),
        (
            "Honorarium payments approved or paid to you",
            c.payments,
            "Financial records the network must keep",
        ),
        (
            "Proposed honorarium payments, now cancelled",
            c.cancelled_payments,
            "A payment cannot be made to a deleted account; the record keeps the split adding up",
        ),
        (
            "What you wrote for communities (exchanges, challenges, replies, questions, requests)",
            c.community_content,
            "It belongs to the communities' shared learning; it now shows as written by a former member",
        ),
    ];
    all.into_iter()
        .filter(|(_, n, _)| *n > 0)
        .map(|(what, count, reason)| Kept {
            what,
            count,
            reason,
        })
        .collect()
}

/// Takes a person's e-mail address and name out of text, whatever their case. The name is
/// replaced only when it is at least two characters long, so that a one-letter name cannot
/// eat other people's words.
#[derive(Debug, Clone)]
pub struct Redactor {
    email: String,
    name: String,
    email_to: String,
}

impl Redactor {
    pub fn new(email: &str, name: &str, email_to: &str) -> Self {
        Redactor {
            email: email.trim().to_string(),
            name: name.trim().to_string(),
            email_to: email_to.to_string(),
        }
    }

    /// The needles to look for: the e-mail address, then the name (when long enough).
    pub fn needles(&self) -> Vec<&str> {
        let mut v = vec![self.email.as_str()];
        if self.name.chars().count() >= 2 {
            v.push(self.name.as_str());
        }
        v.retain(|s| !s.is_empty());
        v
    }

    /// The text without them, or `None` when it did not hold them.
    pub fn redact(&self, text: &str) -> Option<String> {
        let once = replace_ci(text, &self.email, &self.email_to);
        let twice = if self.name.chars().count() >= 2 {
            replace_ci(once.as_deref().unwrap_or(text), &self.name, FORMER_MEMBER)
        } else {
            None
        };
        twice.or(once)
    }
}

/// Replace every case-insensitive occurrence of `needle` in `hay`; `None` when there is none.
fn replace_ci(hay: &str, needle: &str, with: &str) -> Option<String> {
    if needle.is_empty() {
        return None;
    }
    let lower_needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<(usize, char)> = hay.char_indices().collect();
    let mut out = String::with_capacity(hay.len());
    let (mut i, mut last, mut found) = (0, 0, false);
    while i < chars.len() {
        if let Some(len) = match_at(&chars[i..], &lower_needle) {
            let start = chars[i].0;
            out.push_str(&hay[last..start]);
            out.push_str(with);
            i += len;
            last = chars.get(i).map_or(hay.len(), |c| c.0);
            found = true;
        } else {
            i += 1;
        }
    }
    out.push_str(&hay[last..]);
    found.then_some(out)
}

/// How many characters of `chars` match `needle` (already lower-cased) from the start.
fn match_at(chars: &[(usize, char)], needle: &[char]) -> Option<usize> {
    let mut n = 0;
    let mut taken = 0;
    while n < needle.len() {
        let (_, c) = chars.get(taken)?;
        for l in c.to_lowercase() {
            if needle.get(n) != Some(&l) {
                return None;
            }
            n += 1;
        }
        taken += 1;
    }
    Some(taken)
}

/// `[start, end)` of a filter on instants; either end may be open.
pub type Window = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The audit trail's day filter: `from` and `to` are inclusive days in the UK; the answer is
/// the instants `[start, end)` to compare `at` with.
pub fn audit_window(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Window, DomainError> {
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(DomainError::field(
                "filter.to",
                "The last day must be the same as or after the first day",
            ));
        }
    }
    Ok((
        from.map(uk_midnight),
        to.map(|t| uk_midnight(t + Duration::days(1))),
    ))
}

/// The instant a UK day starts (midnight always exists: the clocks change at 1am).
fn uk_midnight(day: NaiveDate) -> DateTime<Utc> {
    let local = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    London
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn the_last_programme_team_account_stays() {
        let e = check_can_delete(true, 1, &[]).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidState);
        assert!(e.message.contains("last programme-team account"));
        assert!(check_can_delete(true, 2, &[]).is_ok());
        assert!(check_can_delete(false, 1, &[]).is_ok());
        assert!(check_can_delete(false, 0, &[]).is_ok());
    }

    #[test]
    fn a_sole_convener_hands_over_first() {
        let e = check_can_delete(false, 3, &["Falls CoP".to_string()]).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidState);
        assert!(e.message.contains("Falls CoP"), "{}", e.message);
    }

    #[test]
    fn a_wrong_password_names_the_field() {
        let e = wrong_password();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(e.fields[0].field, "password");
        assert_eq!(e.fields[0].message, "The password is not right");
    }

    #[test]
    fn deleted_addresses_are_unique_and_undeliverable() {
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        assert_ne!(deleted_email(a), deleted_email(b));
        assert!(deleted_email(a).ends_with("@deleted.invalid"));
        assert_eq!(
            deleted_email(a),
            format!("deleted-{}@deleted.invalid", a.simple())
        );
        assert!(crate::account::Email::parse("e", &deleted_email(a)).is_ok());
    }

    #[test]
    fn submitted_applications_are_kept_and_drafts_go() {
        assert_eq!(application_fate(true, true), ApplicationFate::Keep);
        assert_eq!(application_fate(false, true), ApplicationFate::Keep);
        assert_eq!(application_fate(true, false), ApplicationFate::Delete);
        assert_eq!(application_fate(false, false), ApplicationFate::Leave);
    }

    #[test]
    fn approved_and_paid_shares_are_kept_proposed_ones_cancelled() {
        assert_eq!(share_fate(PaymentStatus::Paid), ShareFate::Keep);
        assert_eq!(share_fate(PaymentStatus::Approved), ShareFate::Keep);
        assert_eq!(share_fate(PaymentStatus::Cancelled), ShareFate::Keep);
        assert_eq!(share_fate(PaymentStatus::Proposed), ShareFate::Cancel);
    }

    #[test]
    fn kept_lists_only_what_there_is_with_a_reason() {
        assert!(kept(KeptCounts::default()).is_empty());
        let k = kept(KeptCounts {
            decisions: 1,
            payments: 2,
            ..Default::default()
        });
        assert_eq!(k.len(), 2);
        assert_eq!(k[0].what, "Selection decisions you recorded as chair");
        assert_eq!(k[0].count, 1);
        assert_eq!(k[1].count, 2);
        assert!(k.iter().all(|x| !x.reason.is_empty()));
    }

    #[test]
    fn redaction_finds_the_name_and_address_in_any_case() {
        let r = Redactor::new(
            "zeb@example.nhs.uk",
            "Zebedee Quartermaine",
            "deleted-1@deleted.invalid",
        );
        assert_eq!(
            r.redact("Hi ZEBEDEE quartermaine <Zeb@Example.NHS.uk>!")
                .as_deref(),
            Some("Hi Former member <deleted-1@deleted.invalid>!")
        );
        assert_eq!(r.redact("nothing here"), None);
        assert_eq!(
            r.redact("Zebedee QuartermaineZebedee Quartermaine")
                .as_deref(),
            Some("Former memberFormer member")
        );
        // text around non-ASCII letters stays intact
        let r = Redactor::new("e@x.org", "Zoë Ünal", "d@deleted.invalid");
        assert_eq!(
            r.redact("Café with ZOË ÜNAL, naïve").as_deref(),
            Some("Café with Former member, naïve")
        );
    }

    #[test]
    fn a_one_letter_name_is_not_replaced_in_text() {
        let r = Redactor::new("q@x.org", "Q", "d@deleted.invalid");
        assert_eq!(r.redact("Quality questions"), None);
        assert_eq!(r.needles(), ["q@x.org"]);
    }

    #[test]
    fn audit_days_are_uk_days_and_inclusive() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // summer: a UK day starts at 23:00 UTC the day before
        let (f, t) = audit_window(Some(d("2026-07-01")), Some(d("2026-07-01"))).unwrap();
        assert_eq!(f.unwrap().to_rfc3339(), "2026-06-30T23:00:00+00:00");
        assert_eq!(t.unwrap().to_rfc3339(), "2026-07-01T23:00:00+00:00");
        // winter: midnight UTC
        let (f, _) = audit_window(Some(d("2026-12-01")), None).unwrap();
        assert_eq!(f.unwrap().to_rfc3339(), "2026-12-01T00:00:00+00:00");
        let e = audit_window(Some(d("2026-12-02")), Some(d("2026-12-01"))).unwrap_err();
        assert_eq!(e.fields[0].field, "filter.to");
        assert_eq!(audit_window(None, None).unwrap(), (None, None));
    }
}
