//! Single sign-on by OpenID Connect (issue 14, point 6): send the person to the provider, take
//! them back (the callback), and exchange the one-time code the SPA was handed for a session.
//!
//! Tokens never travel in a URL: the callback ends at `/signed-in#code=…` with a code that is
//! stored as its SHA-256, works once and for a minute (`TokenPurpose::SignInCode`); the SPA
//! trades it for a session with `exchangeSignInCode`. Logins under way live in the database,
//! so any replica can take the callback, and each is deleted when used.

use chrono::Duration;
use convene_domain::account::{Email, PersonName};
use convene_domain::identity::{self as rules, PendingSignUp, SsoOutcome, TokenPurpose};
use convene_domain::ids::{OrganisationId, PersonId};
use convene_domain::DomainError;
use convene_store::repo::{oidc, organisations, people};
use serde_json::json;

use super::accounts::{start_session, SignedIn};
use super::identity::{issue_token, send_verification, spend_token};
use super::{AppError, AppResult, Write};
use crate::auth::oidc::{Failure, Identity, Provider, PROVIDER_ID};
use crate::auth::{password, random_token, token_hash};
use crate::state::AppState;

/// How long a person has at the provider before the login is forgotten.
pub const LOGIN_LIFETIME: Duration = Duration::minutes(10);

/// Why the SPA is told an organisation is needed before the account can be made.
pub const ORGANISATION_NEEDED: &str = "ORGANISATION_NEEDED";

/// A way to sign in other than the password, for the SPA's sign-in page.
pub struct AuthProvider {
    pub id: &'static str,
    pub label: String,
    pub start_url: String,
}

/// The sign-in services on offer: none unless single sign-on is configured.
pub fn providers(st: &AppState) -> Vec<AuthProvider> {
    st.oidc
        .iter()
        .map(|p| AuthProvider {
            id: PROVIDER_ID,
            label: p.config.label.clone(),
            start_url: format!(
                "{}/auth/oidc/start",
                st.config.public_url.trim_end_matches('/')
            ),
        })
        .collect()
}

/// A login sent to the provider: where the browser goes, and the value of the cookie that ties
/// the callback to this browser.
pub struct Started {
    pub redirect: String,
    pub browser: String,
}

/// Begin a sign-in at the provider.
pub async fn start(st: &AppState, provider: &Provider) -> Result<Started, Failure> {
    let auth = provider.authorize().await?;
    let browser = random_token(32);
    let keep = async {
        let w = Write::begin(st, None).await?;
        let login = oidc::NewLogin {
            state_hash: token_hash(&auth.state),
            browser_hash: token_hash(&browser),
            nonce: auth.nonce,
            pkce_verifier: auth.pkce_verifier,
            expires_at: w.now() + LOGIN_LIFETIME,
        };
        oidc::start_login(w.tx(), login, w.now()).await?;
        w.commit().await
    };
    keep.await
        .map_err(|e: AppError| failure("unavailable", e.message))?;
    Ok(Started {
        redirect: auth.url,
        browser,
    })
}

/// What the provider sent the browser back with, and the browser's cookie.
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    pub browser: Option<String>,
}

fn failure(reason: &'static str, detail: impl std::fmt::Display) -> Failure {
    Failure {
        reason,
        detail: detail.to_string(),
    }
}

/// Take the person back from the provider: the login of that `state` is used up (whatever
/// follows), the code exchanged and the ID token validated, and the identity resolved to an
/// account (`identity::sso_outcome`). Answers the one-time code for the SPA, or a reason.
pub async fn finish(st: &AppState, provider: &Provider, cb: Callback) -> Result<String, Failure> {
    let state = cb.state.as_deref().unwrap_or_default();
    let w = Write::begin(st, None).await.map_err(unavailable)?;
    let login = oidc::take_login(w.tx(), &token_hash(state))
        .await
        .map_err(|e| unavailable(e.into()))?;
    let now = w.now();
    w.commit().await.map_err(unavailable)?;
    let login = login.ok_or_else(|| failure("bad_state", "no login under way with this state"))?;
    if login.expires_at <= now {
        return Err(failure(
            "expired",
            "the login ran out before the provider answered",
        ));
    }
    let browser = cb.browser.as_deref().map(token_hash);
    if browser.as_deref() != Some(login.browser_hash.as_str()) {
        return Err(failure("bad_state", "the callback came to another browser"));
    }
    if let Some(e) = cb.error {
        let reason = if e == "access_denied" {
            "denied"
        } else {
            "provider_error"
        };
        return Err(failure(reason, e));
    }
    let code = cb
        .code
        .ok_or_else(|| failure("provider_error", "no code"))?;
    let who = provider
        .finish(&code, &login.pkce_verifier, &login.nonce)
        .await?;
    resolve(st, who).await
}

fn unavailable(e: AppError) -> Failure {
    failure("unavailable", e.message)
}

/// Sign in, link or stage a sign-up for the identity the provider vouched for.
async fn resolve(st: &AppState, who: Identity) -> Result<String, Failure> {
    let email = who
        .email
        .as_deref()
        .and_then(|e| Email::parse("email", e).ok())
        .ok_or_else(|| failure("no_email", "the provider gave no usable address"))?;
    let done = async {
        let mut w = Write::begin(st, None).await?;
        let linked = oidc::linked_person(w.tx(), &who.issuer, &who.subject).await?;
        let holder = people::find_by_email(w.tx(), email.as_str()).await?;
        let outcome = rules::sso_outcome(linked.is_some(), holder.is_some(), who.email_verified)?;
        let code = match (outcome, linked, holder) {
            (SsoOutcome::SignIn, Some(id), _) => signed_in(&mut w, id, &who, "sso_sign_in").await?,
            (SsoOutcome::LinkByAddress, _, Some(p)) => {
                oidc::link(w.tx(), &who.issuer, &who.subject, p.id, w.now()).await?;
                if p.email_verified_at.is_none() {
                    people::mark_verified(w.tx(), p.id, w.now()).await?;
                }
                signed_in(&mut w, p.id, &who, "sso_link").await?
            }
            (SsoOutcome::SignUp { verified }, _, _) => {
                let code = random_token(32);
                let name = display_name(&who, &email);
                let pending = oidc::NewSignUp {
                    code_hash: token_hash(&code),
                    issuer: &who.issuer,
                    subject: &who.subject,
                    email: email.as_str(),
                    name: &name,
                    email_verified: verified,
                    expires_at: w.now() + TokenPurpose::SignInCode.lifetime(),
                };
                oidc::add_sign_up(w.tx(), pending, w.now()).await?;
                code
            }
            _ => {
                return Err(AppError::internal(
                    "a single sign-on outcome without its account",
                ))
            }
        };
        w.commit().await?;
        Ok(code)
    };
    done.await.map_err(|e: AppError| {
        let reason = match e.code {
            convene_domain::ErrorCode::Conflict => "address_taken",
            convene_domain::ErrorCode::Unauthenticated => "account_deleted",
            _ => "unavailable",
        };
        failure(reason, e.message)
    })
}

/// The one-time code for a known account, and the sign-in (or link) in its audit trail.
async fn signed_in(
    w: &mut Write<'_>,
    id: uuid::Uuid,
    who: &Identity,
    action: &'static str,
) -> AppResult<String> {
    let p = people::get(w.tx(), id)
        .await?
        .filter(|p| p.deleted_at.is_none())
        .ok_or_else(|| AppError::unauthenticated("This account has been deleted"))?;
    let code = issue_token(w, p.id, TokenPurpose::SignInCode, None).await?;
    let via = json!({ "issuer": who.issuer });
    w.audit_as(
        Some(PersonId(p.id)),
        "Person",
        p.id,
        action,
        None,
        Some(&via),
    );
    Ok(code)
}

/// The name the provider gave, else the address's local part, as a valid name.
fn display_name(who: &Identity, email: &Email) -> String {
    let local = email.as_str().split('@').next().unwrap_or_default();
    [who.name.as_deref(), Some(local)]
        .into_iter()
        .flatten()
        .find_map(|n| PersonName::parse("name", n).ok())
        .map_or_else(|| "New member".to_string(), |n| n.as_str().to_string())
}

/// Trade the code the callback handed the SPA for a session (recorded with the device). A
/// first sign-in without an account needs the person's organisation: without one the answer is
/// a `VALIDATION` error on `organisationId` with `extensions.reason: "ORGANISATION_NEEDED"`, the
/// code is not spent and stays good while they choose (`identity::SIGN_UP_GRACE`).
pub async fn exchange_code(
    st: &AppState,
    code: &str,
    organisation: Option<Result<OrganisationId, DomainError>>,
    device: Option<&str>,
) -> AppResult<SignedIn> {
    exchange(st, code.trim(), organisation, device)
        .await
        .map_err(|mut e| {
            // the token rules name their input `token`; here it is the `code`
            for f in e.fields.iter_mut().filter(|f| f.field == "token") {
                f.field = "code".into();
            }
            e
        })
}

async fn exchange(
    st: &AppState,
    code: &str,
    organisation: Option<Result<OrganisationId, DomainError>>,
    device: Option<&str>,
) -> AppResult<SignedIn> {
    let pending = oidc::find_sign_up(&st.db, &token_hash(code)).await?;
    let Some(pending) = pending else {
        let w = Write::begin(st, None).await?;
        let row = spend_token(&w, TokenPurpose::SignInCode, code).await?;
        let p = people::get(w.tx(), row.person_id)
            .await?
            .filter(|p| p.deleted_at.is_none())
            .ok_or_else(|| AppError::unauthenticated("This account has been deleted"))?;
        people::note_sign_in(w.tx(), p.id, true, w.now()).await?;
        return start_session(w, p, device).await;
    };
    let w = Write::begin(st, None).await?;
    let seen = PendingSignUp {
        expires_at: pending.expires_at,
        presented_at: pending.presented_at,
        used_at: pending.used_at,
    };
    rules::check_sign_up_code(Some(seen), w.now())?;
    let Some(org) = organisation.transpose()? else {
        oidc::present_sign_up(w.tx(), pending.id, w.now()).await?;
        w.commit().await?;
        return Err(DomainError::field(
            "organisationId",
            "Choose your organisation to finish creating your account",
        )
        .because(ORGANISATION_NEEDED)
        .into());
    };
    if organisations::get(w.tx(), org.0).await?.is_none() {
        return Err(AppError::field(
            "organisationId",
            "Choose your organisation from the list",
        ));
    }
    create_account(w, pending, org, device).await
}

/// Make the account of a pending sign-up, link the identity to it, and sign it in.
async fn create_account(
    mut w: Write<'_>,
    pending: convene_store::entities::oidc_sign_up::Model,
    org: OrganisationId,
    device: Option<&str>,
) -> AppResult<SignedIn> {
    if !oidc::spend_sign_up(w.tx(), pending.id, w.now()).await? {
        // another request spent it in between: refused like any spent code
        let spent = PendingSignUp {
            expires_at: pending.expires_at,
            presented_at: pending.presented_at,
            used_at: Some(w.now()),
        };
        rules::check_sign_up_code(Some(spent), w.now())?;
    }
    let email = Email::parse("email", &pending.email)?;
    let name = PersonName::parse("name", &pending.name)?;
    let new = people::NewPerson {
        email: &email,
        name: &name,
        profession: None,
        organisation_id: org.0,
        // no password until the person sets one ("forgot your password" works)
        password_hash: password::NO_PASSWORD.to_string(),
        verified: pending.email_verified,
    };
    let p = people::create(w.tx(), new, w.now()).await?;
    oidc::link(w.tx(), &pending.issuer, &pending.subject, p.id, w.now()).await?;
    if !pending.email_verified {
        send_verification(&mut w, &p).await?;
    }
    let via = json!({ "issuer": pending.issuer, "emailVerified": pending.email_verified });
    w.audit_as(
        Some(PersonId(p.id)),
        "Person",
        p.id,
        "sso_sign_up",
        None,
        Some(&via),
    );
    start_session(w, p, device).await
}
