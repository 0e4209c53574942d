//! Identity (SPEC §7, issue 14): proven addresses, one-time tokens, and throttling that holds
//! per account. Pure: the caller passes `now`.

use chrono::{DateTime, Duration, Utc};

use crate::access::Viewer;
use crate::DomainError;

/// What a one-time account token is for; each has its own lifetime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// The link sent at sign-up (and again on request): 48 hours.
    VerifyEmail,
    /// "Forgot your password": one hour.
    ResetPassword,
    /// A new address to confirm: 48 hours.
    ChangeEmail,
    /// The code a single sign-on callback hands to the SPA: one minute.
    SignInCode,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::ChangeEmail => "change_email",
            TokenPurpose::SignInCode => "sign_in_code",
        }
    }
    pub fn lifetime(self) -> Duration {
        match self {
            TokenPurpose::VerifyEmail | TokenPurpose::ChangeEmail => Duration::hours(48),
            TokenPurpose::ResetPassword => Duration::hours(1),
            TokenPurpose::SignInCode => Duration::minutes(1),
        }
    }
    /// What a person is told when the token cannot be used, and what to do instead.
    fn again(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "ask for a new link from your account page",
            TokenPurpose::ResetPassword => "ask for a new password reset link",
            TokenPurpose::ChangeEmail => "ask to change your email address again",
            TokenPurpose::SignInCode => "sign in again",
        }
    }
}

/// A stored token as the rule sees it.
#[derive(Debug, Clone, Copy)]
pub struct IssuedToken {
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

/// A token works once and before it expires. `None` is a token that was never issued (or for
/// another purpose): it is refused in the same words, so that a guess learns nothing.
pub fn check_token(
    purpose: TokenPurpose,
    token: Option<IssuedToken>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let refuse = |what: &str| {
        Err(DomainError::field(
            "token",
            format!("This link {what}: {}", purpose.again()),
        ))
    };
    match token {
        None => refuse("is not valid"),
        Some(t) if t.used_at.is_some() => refuse("has already been used"),
        Some(t) if t.expires_at <= now => refuse("has expired"),
        Some(_) => Ok(()),
    }
}

/// The reason a client sees when an unverified address is what stands in the way.
pub const EMAIL_NOT_VERIFIED: &str = "EMAIL_NOT_VERIFIED";

/// Whatever matching an e-mail address grants (invitations, places, inviting others,
/// submitting, starting a community) needs that address proven first.
pub fn require_verified(viewer: &Viewer, doing: &str) -> Result<(), DomainError> {
    if viewer.email_verified {
        return Ok(());
    }
    Err(DomainError::forbidden(format!(
        "Confirm your email address before you {doing}: open the link we sent to {}, or ask us to send it again",
        viewer.email
    ))
    .because(EMAIL_NOT_VERIFIED))
}

/// How often a verification link may be sent again: a person waits this long between sends.
pub const RESEND_GAP: Duration = Duration::minutes(1);
/// …and gets at most this many in a day.
pub const RESENDS_PER_DAY: usize = 5;

/// Whether another verification mail may go now, given when the earlier ones were sent.
pub fn check_resend(sent: &[DateTime<Utc>], now: DateTime<Utc>) -> Result<(), DomainError> {
    let day = sent
        .iter()
        .filter(|t| now - **t < Duration::days(1))
        .count();
    if day >= RESENDS_PER_DAY {
        return Err(DomainError::rate_limited(
            "We have sent several links today: check your spam folder, or try again tomorrow",
            3600,
        ));
    }
    if let Some(last) = sent.iter().max().filter(|t| now - **t < RESEND_GAP) {
        let wait = (RESEND_GAP - (now - *last)).num_seconds().max(1) as u64;
        return Err(DomainError::rate_limited(
            format!("We sent a link moments ago: wait {wait} seconds before asking again"),
            wait,
        ));
    }
    Ok(())
}

/// Failed sign-ins an account may have (in the window) before each new one waits.
pub const FREE_FAILURES: u32 = 5;
/// The longest wait, however many failures.
pub const MAX_WAIT_SECS: u64 = 15 * 60;

/// How long an account's next sign-in must wait after `failures` recent failures: nothing for
/// the first few, then doubling from two seconds up to a quarter of an hour. It slows an
/// attacker down without ever locking the owner out for good.
pub fn sign_in_wait(failures: u32) -> Option<u64> {
    let over = failures.checked_sub(FREE_FAILURES)?;
    Some((2u64 << over.min(20)).min(MAX_WAIT_SECS))
}

/// An account's sign-ins are refused until `last_failure + wait`.
pub fn check_sign_in_allowed(
    failures: u32,
    last_failure: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let (Some(wait), Some(last)) = (sign_in_wait(failures), last_failure) else {
        return Ok(());
    };
    let until = last + Duration::seconds(wait as i64);
    if now >= until {
        return Ok(());
    }
    let secs = (until - now).num_seconds().max(1) as u64;
    Err(DomainError::rate_limited(
        format!("Too many attempts to sign in to this account: wait {secs} seconds and try again, or reset your password"),
        secs,
    ))
}

/// Invitations a person may send in a day (co-lead and community invitations together), and
/// a community may receive in a day, so that invitations cannot be used to send spam.
pub const INVITATIONS_PER_PERSON_PER_DAY: u64 = 30;
pub const INVITATIONS_PER_COMMUNITY_PER_DAY: u64 = 100;

pub fn check_invitation_quota(
    by_person_today: u64,
    in_community_today: u64,
) -> Result<(), DomainError> {
    if by_person_today >= INVITATIONS_PER_PERSON_PER_DAY {
        return Err(DomainError::rate_limited(
            format!("You have sent {INVITATIONS_PER_PERSON_PER_DAY} invitations today, the most in a day: send the rest tomorrow"),
            3600,
        ));
    }
    if in_community_today >= INVITATIONS_PER_COMMUNITY_PER_DAY {
        return Err(DomainError::rate_limited(
            format!("This community has sent {INVITATIONS_PER_COMMUNITY_PER_DAY} invitations today, the most in a day: send the rest tomorrow"),
            3600,
        ));
    }
    Ok(())
}

/// The address a request comes from. `X-Forwarded-For` is believed only when the peer is one
/// of the trusted proxies; then the client is the right-most address in it that is not itself
/// a trusted proxy (anything to its left was written by the client and proves nothing).
pub fn client_address(
    peer: std::net::IpAddr,
    forwarded_for: Option<&str>,
    trusted: &[crate::webhook::Cidr],
) -> std::net::IpAddr {
    let is_trusted = |a: std::net::IpAddr| trusted.iter().any(|c| c.contains(a));
    if !is_trusted(peer) {
        return peer;
    }
    let Some(list) = forwarded_for else {
        return peer;
    };
    let mut hops = Vec::new();
    for part in list.split(',').map(str::trim) {
        match part.parse::<std::net::IpAddr>() {
            Ok(a) => hops.push(a),
            // a list we cannot read is not believed at all
            Err(_) => return peer,
        }
    }
    hops.into_iter()
        .rev()
        .find(|a| !is_trusted(*a))
        .unwrap_or(peer)
}

/// Why a person's access token no longer speaks for them, whatever carries it (a request to
/// `/graphql`, or an operation over a socket and the socket itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEnded {
    /// The account was deleted (or is gone).
    AccountDeleted,
    /// The person's sessions were ended after the token was issued: a sign-out, a password
    /// reset or change ("the session generation" moved on).
    SignedOut,
    /// The token's `exp` has passed.
    Expired,
}

impl SessionEnded {
    pub fn message(self) -> &'static str {
        match self {
            SessionEnded::AccountDeleted => "This account has been deleted",
            SessionEnded::SignedOut => "This session has ended: sign in again",
            SessionEnded::Expired => "Your session has expired: refresh it or sign in again",
        }
    }
}

/// Whether a token issued in session generation `token_generation` still speaks for a person
/// whose account is `deleted` or not and whose generation is now `current_generation`.
pub fn check_session(
    deleted: bool,
    token_generation: i32,
    current_generation: i32,
) -> Result<(), SessionEnded> {
    if deleted {
        return Err(SessionEnded::AccountDeleted);
    }
    if token_generation < current_generation {
        return Err(SessionEnded::SignedOut);
    }
    Ok(())
}

/// How much longer a token that expires at `expires_at` holds at `now`: a socket it opened is
/// closed when this runs out, and no operation runs on it after.
pub fn token_time_left(
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<std::time::Duration, SessionEnded> {
    (expires_at - now)
        .to_std()
        .ok()
        .filter(|left| !left.is_zero())
        .ok_or(SessionEnded::Expired)
}

/// One invitation at a time per address and community: another waits unanswered.
pub fn check_not_already_invited(pending: bool) -> Result<(), DomainError> {
    if pending {
        return Err(DomainError::conflict_on(
            "email",
            "An invitation to this address is already waiting for an answer",
        ));
    }
    Ok(())
}

/// How long a pending single sign-on sign-up waits for its organisation once its code has been
/// presented (within the code's minute): the person is choosing from the list.
pub const SIGN_UP_GRACE: Duration = Duration::minutes(30);

/// A pending sign-up's code as the rule sees it: when it was first presented (and answered
/// "choose your organisation"), and whether it was spent.
#[derive(Debug, Clone, Copy)]
pub struct PendingSignUp {
    pub expires_at: DateTime<Utc>,
    pub presented_at: Option<DateTime<Utc>>,
    pub used_at: Option<DateTime<Utc>>,
}

/// A sign-up code works like any sign-in code (once, first presented within its minute); a
/// code presented in time stays good for [`SIGN_UP_GRACE`] after that first presentation, so
/// that the person can choose their organisation.
pub fn check_sign_up_code(
    pending: Option<PendingSignUp>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let as_token = pending.map(|p| IssuedToken {
        expires_at: match p.presented_at {
            Some(at) if at < p.expires_at => p.expires_at.max(at + SIGN_UP_GRACE),
            _ => p.expires_at,
        },
        used_at: p.used_at,
    });
    check_token(TokenPurpose::SignInCode, as_token, now)
}

/// What a single sign-on does with the identity the provider vouched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoOutcome {
    /// The (issuer, subject) pair is already linked to this account: sign it in.
    SignIn,
    /// An account holds the address and the provider verified it: link the pair to that
    /// account (its address is proven by the same token) and sign it in.
    LinkByAddress,
    /// Nobody holds the address: a new account, verified iff the provider verified it. It needs
    /// an organisation before it can be made.
    SignUp { verified: bool },
}

/// Decide what a single sign-on does. `linked`: the pair is known; `address_taken`: an account
/// holds the address the provider gave. An address the provider did not verify never reaches
/// an existing account (anyone could claim it at some providers): the person is told to sign in
/// with their password instead.
pub fn sso_outcome(
    linked: bool,
    address_taken: bool,
    email_verified: bool,
) -> Result<SsoOutcome, DomainError> {
    match (linked, address_taken, email_verified) {
        (true, _, _) => Ok(SsoOutcome::SignIn),
        (false, true, true) => Ok(SsoOutcome::LinkByAddress),
        (false, true, false) => Err(DomainError::conflict_on(
            "email",
            "An account with this email address already exists, and your sign-in service has not confirmed the address: sign in with your password",
        )),
        (false, false, verified) => Ok(SsoOutcome::SignUp { verified }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Role;
    use crate::ids::PersonId;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + s, 0).unwrap()
    }

    #[test]
    fn a_session_ends_with_its_account_its_generation_or_its_expiry() {
        assert_eq!(check_session(false, 3, 3), Ok(()));
        assert_eq!(check_session(false, 4, 3), Ok(()), "a newer token is fine");
        assert_eq!(check_session(false, 2, 3), Err(SessionEnded::SignedOut));
        assert_eq!(check_session(true, 3, 3), Err(SessionEnded::AccountDeleted));
        assert_eq!(
            token_time_left(t(90), t(0)),
            Ok(std::time::Duration::from_secs(90))
        );
        assert_eq!(token_time_left(t(90), t(90)), Err(SessionEnded::Expired));
        assert_eq!(token_time_left(t(90), t(91)), Err(SessionEnded::Expired));
        assert!(SessionEnded::Expired.message().contains("expired"));
    }

    #[test]
    fn a_token_works_once_and_before_it_expires() {
        let p = TokenPurpose::ResetPassword;
        let fresh = IssuedToken {
            expires_at: t(3600),
            used_at: None,
        };
        assert!(check_token(p, Some(fresh), t(0)).is_ok());
        assert!(check_token(p, Some(fresh), t(3600)).is_err());
        let used = IssuedToken {
            used_at: Some(t(5)),
            ..fresh
        };
        let e = check_token(p, Some(used), t(10)).unwrap_err();
        assert!(e.message.contains("already been used"), "{}", e.message);
        let e = check_token(p, None, t(0)).unwrap_err();
        assert_eq!(e.fields[0].field, "token");
    }

    #[test]
    fn lifetimes_are_as_promised() {
        assert_eq!(TokenPurpose::VerifyEmail.lifetime(), Duration::hours(48));
        assert_eq!(TokenPurpose::ResetPassword.lifetime(), Duration::hours(1));
        assert_eq!(TokenPurpose::SignInCode.lifetime(), Duration::minutes(1));
    }

    fn viewer(verified: bool) -> Viewer {
        Viewer {
            person: PersonId(uuid::Uuid::nil()),
            email: "a@example.org".into(),
            roles: vec![Role::ProgrammeTeam],
            email_verified: verified,
        }
    }

    #[test]
    fn only_a_proven_address_is_trusted_whatever_the_role() {
        assert!(require_verified(&viewer(true), "accept").is_ok());
        let e = require_verified(&viewer(false), "accept this place").unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Forbidden);
        assert_eq!(e.reason, Some(EMAIL_NOT_VERIFIED));
        assert!(e.message.contains("accept this place"));
    }

    #[test]
    fn resends_wait_a_minute_and_stop_for_the_day() {
        assert!(check_resend(&[], t(0)).is_ok());
        let e = check_resend(&[t(0)], t(30)).unwrap_err();
        assert_eq!(e.retry_after, Some(30));
        assert!(check_resend(&[t(0)], t(60)).is_ok());
        let five: Vec<_> = (0..5).map(|i| t(i * 120)).collect();
        assert!(check_resend(&five, t(1000)).is_err());
        assert!(check_resend(&five, t(86_400 + 600)).is_ok());
    }

    #[test]
    fn sign_in_waits_grow_after_a_few_failures_and_are_capped() {
        assert_eq!(sign_in_wait(0), None);
        assert_eq!(sign_in_wait(FREE_FAILURES - 1), None);
        assert_eq!(sign_in_wait(FREE_FAILURES), Some(2));
        assert_eq!(sign_in_wait(FREE_FAILURES + 1), Some(4));
        assert_eq!(sign_in_wait(FREE_FAILURES + 40), Some(MAX_WAIT_SECS));
        assert!(check_sign_in_allowed(FREE_FAILURES + 1, Some(t(0)), t(3)).is_err());
        let e = check_sign_in_allowed(FREE_FAILURES + 1, Some(t(0)), t(1)).unwrap_err();
        assert_eq!(e.retry_after, Some(3));
        assert!(check_sign_in_allowed(FREE_FAILURES + 1, Some(t(0)), t(4)).is_ok());
        assert!(check_sign_in_allowed(2, Some(t(0)), t(0)).is_ok());
    }

    #[test]
    fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
        use crate::webhook::Cidr;
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        let trusted = [Cidr::parse("10.0.0.0/8").unwrap()];
        // a direct caller cannot name another address
        assert_eq!(
            client_address(ip("203.0.113.9"), Some("198.51.100.1"), &trusted),
            ip("203.0.113.9")
        );
        // through the proxy, the right-most untrusted hop is the client
        assert_eq!(
            client_address(
                ip("10.0.0.2"),
                Some("198.51.100.1, 203.0.113.7, 10.0.0.3"),
                &trusted
            ),
            ip("203.0.113.7")
        );
        // no header, or one that cannot be read: the proxy itself
        assert_eq!(
            client_address(ip("10.0.0.2"), None, &trusted),
            ip("10.0.0.2")
        );
        assert_eq!(
            client_address(ip("10.0.0.2"), Some("junk, 1.2.3.4"), &trusted),
            ip("10.0.0.2")
        );
        // nothing trusted: the header is ignored
        assert_eq!(
            client_address(ip("10.0.0.2"), Some("198.51.100.1"), &[]),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn one_pending_invitation_per_address() {
        assert!(check_not_already_invited(false).is_ok());
        assert_eq!(
            check_not_already_invited(true).unwrap_err().fields[0].field,
            "email"
        );
    }

    #[test]
    fn invitations_are_capped_per_person_and_per_community() {
        assert!(check_invitation_quota(0, 0).is_ok());
        assert!(check_invitation_quota(INVITATIONS_PER_PERSON_PER_DAY - 1, 0).is_ok());
        assert!(check_invitation_quota(INVITATIONS_PER_PERSON_PER_DAY, 0).is_err());
        assert!(check_invitation_quota(0, INVITATIONS_PER_COMMUNITY_PER_DAY).is_err());
    }

    #[test]
    fn a_sign_up_code_must_be_presented_within_its_minute_then_waits_for_the_organisation() {
        let fresh = PendingSignUp {
            expires_at: t(60),
            presented_at: None,
            used_at: None,
        };
        assert!(check_sign_up_code(Some(fresh), t(59)).is_ok());
        assert!(check_sign_up_code(Some(fresh), t(60)).is_err());
        let presented = PendingSignUp {
            presented_at: Some(t(10)),
            ..fresh
        };
        assert!(check_sign_up_code(Some(presented), t(10 + 29 * 60)).is_ok());
        assert!(check_sign_up_code(Some(presented), t(10 + 30 * 60)).is_err());
        // presented too late is no presentation at all
        let late = PendingSignUp {
            presented_at: Some(t(61)),
            ..fresh
        };
        assert!(check_sign_up_code(Some(late), t(62)).is_err());
        let used = PendingSignUp {
            used_at: Some(t(20)),
            ..presented
        };
        let e = check_sign_up_code(Some(used), t(30)).unwrap_err();
        assert!(e.message.contains("already been used"), "{}", e.message);
        assert!(check_sign_up_code(None, t(0)).is_err());
    }

    #[test]
    fn a_sign_in_code_lasts_one_minute() {
        let p = TokenPurpose::SignInCode;
        let issued = IssuedToken {
            expires_at: t(0) + p.lifetime(),
            used_at: None,
        };
        assert!(check_token(p, Some(issued), t(59)).is_ok());
        let e = check_token(p, Some(issued), t(60)).unwrap_err();
        assert!(e.message.contains("expired"), "{}", e.message);
        assert!(e.message.contains("sign in again"), "{}", e.message);
    }

    #[test]
    fn single_sign_on_links_by_address_only_when_the_provider_verified_it() {
        assert_eq!(sso_outcome(true, true, false), Ok(SsoOutcome::SignIn));
        assert_eq!(sso_outcome(true, false, false), Ok(SsoOutcome::SignIn));
        assert_eq!(
            sso_outcome(false, true, true),
            Ok(SsoOutcome::LinkByAddress)
        );
        let e = sso_outcome(false, true, false).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Conflict);
        assert_eq!(
            sso_outcome(false, false, true),
            Ok(SsoOutcome::SignUp { verified: true })
        );
        assert_eq!(
            sso_outcome(false, false, false),
            Ok(SsoOutcome::SignUp { verified: false })
        );
    }
}
