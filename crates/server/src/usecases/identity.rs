//! Identity (issue 14): proving an address, recovering and changing a password, correcting a
//! profile, moving to another address, and seeing and ending one's sessions.
//!
//! Every token sent by mail is random, stored as its SHA-256 only, works once and for a
//! limited time (`convene_domain::identity::TokenPurpose`).

use chrono::Duration;
use convene_domain::access::Viewer;
use convene_domain::account::{Email, NewPassword, PersonName};
use convene_domain::identity::{self as rules, IssuedToken, TokenPurpose};
use convene_domain::ids::{OrganisationId, PersonId};
use convene_domain::DomainError;
use convene_store::entities::{account_token, person};
use convene_store::repo::{
    account_tokens, invitations, mail_unsubscribes, organisations, people, sessions as session_rows,
};
use uuid::Uuid;

use super::{AppError, AppResult, Write};
use crate::auth::sessions::{self, TokenPair};
use crate::auth::{password, random_token, token_hash, unsubscribe_token};
use crate::mail::templates;
use crate::mail::Mail;
use crate::state::AppState;

/// Create a one-time token for `person` and answer it (only its hash is kept).
pub(crate) async fn issue_token(
    w: &Write<'_>,
    person: Uuid,
    purpose: TokenPurpose,
    new_email: Option<String>,
) -> AppResult<String> {
    let token = random_token(32);
    let t = account_tokens::NewToken {
        person_id: person,
        purpose: purpose.as_str(),
        token_hash: token_hash(&token),
        new_email,
        expires_at: w.now() + purpose.lifetime(),
    };
    account_tokens::insert(w.tx(), t, w.now()).await?;
    Ok(token)
}

/// Spend a token sent for `purpose`: refused in the same words whether it never existed,
/// was spent or expired (the rule says which of the last two).
pub(crate) async fn spend_token(
    w: &Write<'_>,
    purpose: TokenPurpose,
    token: &str,
) -> AppResult<account_token::Model> {
    let row = account_tokens::find(w.tx(), purpose.as_str(), &token_hash(token.trim())).await?;
    let issued = row.as_ref().map(|r| IssuedToken {
        expires_at: r.expires_at,
        used_at: r.used_at,
    });
    rules::check_token(purpose, issued, w.now())?;
    let row = row.ok_or_else(|| AppError::internal("a checked token vanished"))?;
    if !account_tokens::spend(w.tx(), row.id, w.now()).await? {
        rules::check_token(
            purpose,
            Some(IssuedToken {
                expires_at: row.expires_at,
                used_at: Some(w.now()),
            }),
            w.now(),
        )?;
    }
    Ok(row)
}

/// Invitations (co-lead and community ones) are capped per inviter and per community a day.
pub(crate) async fn check_invitation_quota(
    w: &Write<'_>,
    v: &Viewer,
    community: Option<Uuid>,
) -> AppResult<()> {
    // `CONVENE_RATE_LIMITS=off` (tests, a private demo) switches the caps off with the limits.
    if !w.state().config.rate_limits {
        return Ok(());
    }
    let since = w.now() - Duration::days(1);
    let mine = invitations::sent_by_since(w.tx(), v.person.0, since).await?;
    let theirs = match community {
        Some(c) => invitations::sent_in_community_since(w.tx(), c, since).await?,
        None => 0,
    };
    Ok(rules::check_invitation_quota(mine, theirs)?)
}

/// The list of mail that invitations (co-lead and community ones) belong to.
pub const INVITATIONS: &str = "invitations";

/// Queue an invitation mail, with its one-click unsubscribe link, unless the address has
/// unsubscribed from invitations (then only the product says it, to an account that proved the
/// address). Answers whether it was queued.
pub(crate) async fn invitation_mail(w: &mut Write<'_>, mail: Mail) -> AppResult<bool> {
    if mail_unsubscribes::is_unsubscribed(w.tx(), &mail.to.to_lowercase(), INVITATIONS).await? {
        return Ok(false);
    }
    let url = unsubscribe_url(w.state(), INVITATIONS, &mail.to);
    w.mail(&mail.with_unsubscribe(url)).await?;
    Ok(true)
}

/// The one-click unsubscribe link of `list` for `email`.
pub(crate) fn unsubscribe_url(st: &AppState, list: &str, email: &str) -> String {
    let token = unsubscribe_token(&st.config.jwt_secret, list, email);
    format!(
        "{}/mail/unsubscribe?list={list}&address={}&token={token}",
        st.config.public_url.trim_end_matches('/'),
        percent_encode(&email.to_lowercase())
    )
}

/// Everything but RFC 3986's unreserved characters, percent-encoded.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One click on a mail's unsubscribe link (RFC 8058): the token proves the link came from us
/// for that address and list.
pub async fn unsubscribe(st: &AppState, list: &str, email: &str, token: &str) -> AppResult<()> {
    let email = email.trim().to_lowercase();
    let expected = unsubscribe_token(&st.config.jwt_secret, list, &email);
    let same = expected.len() == token.len()
        && expected
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if list != INVITATIONS || !same {
        return Err(AppError::field(
            "token",
            "This unsubscribe link is not valid",
        ));
    }
    let w = Write::begin(st, None).await?;
    mail_unsubscribes::add(w.tx(), &email, list, w.now()).await?;
    w.commit().await
}

/// The signed-in person proves it is them with their password (before deleting the account,
/// changing the password or the address); a wrong one names `field` and changes nothing.
pub(crate) async fn reauthenticate(
    st: &AppState,
    v: &Viewer,
    given: &str,
    field: &str,
) -> AppResult<person::Model> {
    let p = people::get(&st.db, v.person.0)
        .await?
        .ok_or_else(|| AppError::unauthenticated("Sign in to do this"))?;
    let hash = Some(p.password_hash.clone());
    if given.is_empty() || !password::verify(given.to_string(), hash).await {
        return Err(convene_domain::privacy::wrong_password_on(field).into());
    }
    Ok(p)
}

/// Queue the verification mail for a new (or unverified) account, inside the caller's write.
pub(crate) async fn send_verification(w: &mut Write<'_>, p: &person::Model) -> AppResult<()> {
    let token = issue_token(w, p.id, TokenPurpose::VerifyEmail, None).await?;
    let link = w.link(&format!("/verify-email?token={token}"));
    w.mail(&templates::verify_email(&p.email, &p.name, &link))
        .await?;
    Ok(())
}

async fn person(w: &Write<'_>, id: Uuid) -> AppResult<person::Model> {
    people::get(w.tx(), id)
        .await?
        .filter(|p| p.deleted_at.is_none())
        .ok_or_else(|| AppError::unauthenticated("This account no longer exists"))
}

/// Open the link from the verification mail: the address is proven.
pub async fn verify_email(st: &AppState, token: &str) -> AppResult<person::Model> {
    let mut w = Write::begin(st, None).await?;
    let row = spend_token(&w, TokenPurpose::VerifyEmail, token).await?;
    let p = person(&w, row.person_id).await?;
    people::mark_verified(w.tx(), p.id, w.now()).await?;
    w.audit_as(
        Some(PersonId(p.id)),
        "Person",
        p.id,
        "verify_email",
        None::<&()>,
        None::<&()>,
    );
    let p = person(&w, p.id).await?;
    w.commit().await?;
    Ok(p)
}

/// Send the verification link again (at most once a minute and five times a day). Answers
/// whether a mail went: false when the address is already proven.
pub async fn resend_verification(st: &AppState, v: &Viewer) -> AppResult<bool> {
    let mut w = Write::by(st, v).await?;
    let p = person(&w, v.person.0).await?;
    if p.email_verified_at.is_some() {
        return Ok(false);
    }
    let purpose = TokenPurpose::VerifyEmail.as_str();
    let sent =
        account_tokens::sent_since(w.tx(), p.id, purpose, w.now() - Duration::days(1)).await?;
    rules::check_resend(&sent, w.now())?;
    send_verification(&mut w, &p).await?;
    w.commit().await?;
    Ok(true)
}

/// "Forgot your password": the same answer for every address; a link goes only to an account
/// that exists (and not more often than the verification rule allows, silently).
pub async fn request_password_reset(st: &AppState, email: &str) -> AppResult<()> {
    let Ok(email) = Email::parse("email", email) else {
        return Err(DomainError::field(
            "email",
            "Enter an email address, like name@example.nhs.uk",
        )
        .into());
    };
    let mut w = Write::begin(st, None).await?;
    let Some(p) = people::find_by_email(w.tx(), email.as_str())
        .await?
        .filter(|p| p.deleted_at.is_none())
    else {
        return Ok(());
    };
    let purpose = TokenPurpose::ResetPassword;
    let sent =
        account_tokens::sent_since(w.tx(), p.id, purpose.as_str(), w.now() - Duration::days(1))
            .await?;
    if rules::check_resend(&sent, w.now()).is_err() {
        return Ok(());
    }
    let token = issue_token(&w, p.id, purpose, None).await?;
    let link = w.link(&format!("/reset-password?token={token}"));
    w.mail(&templates::password_reset(&p.email, &p.name, &link))
        .await?;
    w.audit_as(
        Some(PersonId(p.id)),
        "Person",
        p.id,
        "request_password_reset",
        None::<&()>,
        None::<&()>,
    );
    w.commit().await
}

/// End every session of `p` (refresh tokens and the access tokens issued so far), or every one
/// but `keep`.
async fn end_sessions(w: &Write<'_>, p: Uuid, keep: Option<Uuid>) -> AppResult<()> {
    session_rows::revoke_person(w.tx(), p, keep, w.now()).await?;
    if keep.is_none() {
        people::end_access_tokens(w.tx(), p).await?;
    }
    Ok(())
}

/// Choose a new password with the mailed link: it also proves the address, ends every session
/// and tells the person.
pub async fn reset_password(
    st: &AppState,
    token: &str,
    new_password: Result<NewPassword, DomainError>,
) -> AppResult<person::Model> {
    let hash = password::hash(new_password?.expose().to_string()).await?;
    let mut w = Write::begin(st, None).await?;
    let row = spend_token(&w, TokenPurpose::ResetPassword, token).await?;
    let p = person(&w, row.person_id).await?;
    people::set_password(w.tx(), p.id, hash).await?;
    people::mark_verified(w.tx(), p.id, w.now()).await?;
    people::note_sign_in(w.tx(), p.id, true, w.now()).await?;
    account_tokens::spend_all(w.tx(), p.id, TokenPurpose::ResetPassword.as_str(), w.now()).await?;
    end_sessions(&w, p.id, None).await?;
    let link = w.link("/sign-in");
    w.mail(&templates::password_changed(&p.email, &p.name, true, &link))
        .await?;
    w.audit_as(
        Some(PersonId(p.id)),
        "Person",
        p.id,
        "reset_password",
        None::<&()>,
        None::<&()>,
    );
    let p = person(&w, p.id).await?;
    w.commit().await?;
    st.hub.end_sessions(p.id);
    Ok(p)
}

/// Change one's password (the current one is asked for): every other session ends, and the
/// person is told. Answers a fresh pair for this session.
pub async fn change_password(
    st: &AppState,
    v: &Viewer,
    session: Option<Uuid>,
    current: &str,
    new_password: Result<NewPassword, DomainError>,
) -> AppResult<TokenPair> {
    reauthenticate(st, v, current, "currentPassword").await?;
    let hash = password::hash(new_password?.expose().to_string()).await?;
    let mut w = Write::by(st, v).await?;
    let p = person(&w, v.person.0).await?;
    people::set_password(w.tx(), p.id, hash).await?;
    session_rows::revoke_person(w.tx(), p.id, session, w.now()).await?;
    people::end_access_tokens(w.tx(), p.id).await?;
    let tokens = sessions::issue(w.tx(), &st.keys, p.id, session, None, w.now()).await?;
    let link = w.link("/sign-in");
    w.mail(&templates::password_changed(
        &p.email, &p.name, false, &link,
    ))
    .await?;
    w.audit("Person", p.id, "change_password", None::<&()>, None::<&()>);
    w.commit().await?;
    st.hub.end_sessions(p.id);
    Ok(tokens)
}

/// What a person may correct about themself; `None` leaves a part as it is.
pub struct ProfileChange {
    pub name: Option<Result<PersonName, DomainError>>,
    pub profession: Option<Result<Option<String>, DomainError>>,
    pub organisation: Option<Result<OrganisationId, DomainError>>,
}

/// Correct one's name, profession or organisation. A move between organisations is kept as
/// history and audited: the rules that depend on it read the right one.
pub async fn update_profile(
    st: &AppState,
    v: &Viewer,
    change: ProfileChange,
) -> AppResult<person::Model> {
    let mut f = convene_domain::Fields::new();
    let name = change.name.map(|r| f.take(r));
    let profession = change.profession.map(|r| f.take(r));
    let org = change.organisation.map(|r| f.take(r));
    if let Some(Some(id)) = org {
        if organisations::get(&st.db, id.0).await?.is_none() {
            f.add("organisationId", "Choose your organisation from the list");
        }
    }
    f.finish()?;
    let mut w = Write::by(st, v).await?;
    let before = person(&w, v.person.0).await?;
    // a part left out is kept as stored (not parsed again: an older name may predate a rule)
    let name = name
        .flatten()
        .map_or(before.name.clone(), |n| n.as_str().to_string());
    let profession = profession.flatten().unwrap_or(before.profession.clone());
    let organisation_id = org.flatten().map(|o| o.0).unwrap_or(before.organisation_id);
    let profile = people::Profile {
        name: &name,
        profession,
        organisation_id,
    };
    people::set_profile(w.tx(), before.id, profile).await?;
    if organisation_id != before.organisation_id {
        people::record_organisation_change(
            w.tx(),
            before.id,
            before.organisation_id,
            organisation_id,
            w.now(),
        )
        .await?;
    }
    let after = person(&w, before.id).await?;
    let view = |p: &person::Model| serde_json::json!({ "name": p.name, "profession": p.profession, "organisationId": p.organisation_id });
    if view(&before) != view(&after) {
        w.audit(
            "Person",
            before.id,
            "update_profile",
            Some(&view(&before)),
            Some(&view(&after)),
        );
    }
    w.commit().await?;
    Ok(after)
}

/// Ask to move to another address (the password is asked for): a link goes to the new
/// address, a notice to the old one; nothing changes until the link is opened.
pub async fn change_email(
    st: &AppState,
    v: &Viewer,
    new_email: Result<Email, DomainError>,
    password_given: &str,
) -> AppResult<()> {
    reauthenticate(st, v, password_given, "password").await?;
    let new_email = new_email?;
    let mut w = Write::by(st, v).await?;
    let p = person(&w, v.person.0).await?;
    if new_email.as_str() == p.email {
        return Err(DomainError::field("newEmail", "This is already your email address").into());
    }
    // Whether another account holds the address is not said here (it would let anyone signed
    // in test addresses); confirming says so, to the owner of the new mailbox only.
    let purpose = TokenPurpose::ChangeEmail;
    account_tokens::spend_all(w.tx(), p.id, purpose.as_str(), w.now()).await?;
    let token = issue_token(&w, p.id, purpose, Some(new_email.as_str().to_string())).await?;
    let link = w.link(&format!("/confirm-email?token={token}"));
    w.mail(&templates::email_change_confirm(
        new_email.as_str(),
        &p.name,
        &p.email,
        &link,
    ))
    .await?;
    let home = w.link("/account");
    w.mail(&templates::email_change_notice(
        &p.email,
        &p.name,
        new_email.as_str(),
        &home,
    ))
    .await?;
    w.audit(
        "Person",
        p.id,
        "request_email_change",
        None::<&()>,
        None::<&()>,
    );
    w.commit().await
}

/// Open the link sent to the new address: the account moves to it, proven.
pub async fn confirm_email_change(st: &AppState, token: &str) -> AppResult<person::Model> {
    let mut w = Write::begin(st, None).await?;
    let row = spend_token(&w, TokenPurpose::ChangeEmail, token).await?;
    let p = person(&w, row.person_id).await?;
    let Some(new) = row.new_email.as_deref() else {
        return Err(AppError::internal(
            "an e-mail change token without its address",
        ));
    };
    let new = Email::parse("token", new)?;
    people::set_email(w.tx(), p.id, &new, w.now()).await?;
    w.audit_as(
        Some(PersonId(p.id)),
        "Person",
        p.id,
        "change_email",
        Some(p.email.as_str()),
        Some(new.as_str()),
    );
    let after = person(&w, p.id).await?;
    w.commit().await?;
    Ok(after)
}

/// The viewer's live sessions, the most recently used first.
pub async fn sessions(st: &AppState, v: &Viewer) -> AppResult<Vec<session_rows::Session>> {
    Ok(session_rows::live(&st.db, v.person.0, chrono::Utc::now()).await?)
}

/// End one of one's own sessions, at once.
pub async fn sign_out_session(st: &AppState, v: &Viewer, session: Uuid) -> AppResult<()> {
    let w = Write::by(st, v).await?;
    let found = session_rows::get(w.tx(), session, w.now()).await?;
    if found.is_none_or(|s| s.person_id != v.person.0) {
        return Err(AppError::field(
            "sessionId",
            "This session is not one of yours, or it has already ended",
        ));
    }
    session_rows::revoke_family(w.tx(), session, w.now()).await?;
    // The ended session's access token must stop now, not at its expiry: every access token of
    // the person is refused, and the sessions that go on fetch new ones with their refresh
    // tokens (the SPA does so on its own when a request is refused).
    people::end_access_tokens(w.tx(), v.person.0).await?;
    w.commit().await?;
    // the person's sockets close too (those whose session goes on reconnect with a fresh token)
    st.hub.end_sessions(v.person.0);
    Ok(())
}

/// End every session of the viewer, this one included.
pub async fn sign_out_everywhere(st: &AppState, v: &Viewer) -> AppResult<()> {
    let w = Write::by(st, v).await?;
    end_sessions(&w, v.person.0, None).await?;
    w.commit().await?;
    st.hub.end_sessions(v.person.0);
    Ok(())
}
