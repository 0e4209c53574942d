//! Accounts (SPEC §7): sign-up, sign-in, sessions and roles.

use convene_domain::access::{require_signed_in, Viewer};
use convene_domain::account::{self as rules, Email, NewPassword, PersonName, Role};
use convene_domain::identity as identity_rules;
use convene_domain::ids::{OrganisationId, PersonId};
use convene_domain::{DomainError, Fields};
use convene_store::entities::person;
use convene_store::repo::{organisations, people, sessions as session_rows};

use super::{AppError, AppResult, Write};
use crate::auth::password;
use crate::auth::sessions::{self, TokenPair};
use crate::state::AppState;

/// A sign-up as entered: each part parsed, a bad one holding its field errors, so that they
/// are reported together with what only the store can tell (an organisation not on the list).
pub struct Register {
    pub email: Result<Email, DomainError>,
    pub password: Result<NewPassword, DomainError>,
    pub name: Result<PersonName, DomainError>,
    pub profession: Result<Option<String>, DomainError>,
    pub organisation: Result<OrganisationId, DomainError>,
}

/// A new session and whose it is.
pub struct SignedIn {
    pub tokens: TokenPair,
    pub person: person::Model,
}

/// Create an account and sign it in; a link to prove the address goes out at once. Nobody is
/// asked for a grade, title or seniority (FAQ 6).
pub async fn register(st: &AppState, cmd: Register, device: Option<&str>) -> AppResult<SignedIn> {
    let mut f = Fields::new();
    let email = f.take(cmd.email);
    let pw = f.take(cmd.password);
    let name = f.take(cmd.name);
    let profession = f.take(cmd.profession);
    let org = f.take(cmd.organisation);
    if let Some(id) = org {
        if organisations::get(&st.db, id.0).await?.is_none() {
            f.add("organisationId", "Choose your organisation from the list");
        }
    }
    f.finish()?;
    let (Some(email), Some(pw), Some(name), Some(profession), Some(org)) =
        (email, pw, name, profession, org)
    else {
        return Err(AppError::internal(
            "a sign-up passed its checks with a part missing",
        ));
    };
    if people::find_by_email(&st.db, email.as_str())
        .await?
        .is_some()
    {
        return Err(DomainError::conflict_on(
            "email",
            "An account with this email address already exists: sign in instead",
        )
        .into());
    }
    let password_hash = password::hash(pw.expose().to_string()).await?;
    let mut w = Write::begin(st, None).await?;
    let new = people::NewPerson {
        email: &email,
        name: &name,
        profession,
        organisation_id: org.0,
        password_hash,
        verified: false,
    };
    let person = people::create(w.tx(), new, w.now()).await?;
    super::identity::send_verification(&mut w, &person).await?;
    start_session(w, person, device).await
}

/// Sign in with e-mail and password. A wrong one of the two is not said apart. An account with
/// many recent failures, from whatever addresses, waits longer before each new try (it is
/// slowed, never locked: its owner can always reset the password).
pub async fn sign_in(
    st: &AppState,
    email: &str,
    password: &str,
    device: Option<&str>,
) -> AppResult<SignedIn> {
    rules::check_credentials_given(email, password)?;
    let found = match Email::parse("email", email) {
        Ok(e) => people::find_by_email(&st.db, e.as_str()).await?,
        Err(_) => None,
    };
    if let Some(p) = found.as_ref().filter(|_| st.config.rate_limits) {
        let failures = u32::try_from(p.failed_sign_ins).unwrap_or(0);
        identity_rules::check_sign_in_allowed(
            failures,
            p.last_failed_sign_in_at,
            chrono::Utc::now(),
        )?;
    }
    let ok = password::verify(
        password.to_string(),
        found.as_ref().map(|p| p.password_hash.clone()),
    )
    .await;
    let w = Write::begin(st, None).await?;
    match (ok, found) {
        (true, Some(p)) if p.deleted_at.is_none() => {
            people::note_sign_in(w.tx(), p.id, true, w.now()).await?;
            start_session(w, p, device).await
        }
        (_, found) => {
            if let Some(p) = found {
                people::note_sign_in(w.tx(), p.id, false, w.now()).await?;
                w.commit().await?;
            }
            Err(AppError::unauthenticated(
                "The email address or password is not right",
            ))
        }
    }
}

/// Issue a new session (a new family of refresh tokens) for `person` and commit.
pub(crate) async fn start_session(
    w: Write<'_>,
    person: person::Model,
    device: Option<&str>,
) -> AppResult<SignedIn> {
    let tokens = sessions::issue(w.tx(), &w.state().keys, person.id, None, device, w.now()).await?;
    w.commit().await?;
    Ok(SignedIn { tokens, person })
}

/// Exchange a refresh token for a new pair; the old one is spent (a spent one presented again
/// ends its whole family).
pub async fn refresh_session(st: &AppState, refresh_token: &str) -> AppResult<TokenPair> {
    let (_, pair) =
        sessions::rotate(&st.db, &st.keys, refresh_token.trim(), chrono::Utc::now()).await?;
    Ok(pair)
}

/// End the session of `refresh_token` (anyone holding it may), or without one every session of
/// the signed-in viewer. Answers whether a session ended. The access tokens already issued
/// live on until they expire, as over HTTP; the person's open sockets on this replica close
/// (a client that signed out opens none again).
pub async fn sign_out(
    st: &AppState,
    viewer: Option<&Viewer>,
    refresh_token: Option<&str>,
) -> AppResult<bool> {
    if let Some(t) = refresh_token.map(str::trim).filter(|t| !t.is_empty()) {
        let Some(person) = sessions::end(&st.db, t, chrono::Utc::now()).await? else {
            return Ok(false);
        };
        st.hub.end_sessions(person);
        return Ok(true);
    }
    let v = require_signed_in(viewer)?;
    let w = Write::by(st, v).await?;
    session_rows::revoke_person(w.tx(), v.person.0, None, w.now()).await?;
    w.commit().await?;
    st.hub.end_sessions(v.person.0);
    Ok(true)
}

/// A person as they are now (after a change of their own).
pub async fn person(st: &AppState, id: PersonId) -> AppResult<person::Model> {
    people::get(&st.db, id.0)
        .await?
        .ok_or_else(|| AppError::not_found("The person"))
}

/// A person and the roles they hold, read in the write.
async fn holder(w: &Write<'_>, id: PersonId) -> AppResult<(person::Model, Vec<Role>)> {
    let person = people::get(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("personId", "There is no such person"))?;
    Ok((person, roles(w, id).await?))
}

async fn roles(w: &Write<'_>, id: PersonId) -> AppResult<Vec<Role>> {
    Ok(people::roles_of(w.tx(), &[id.0])
        .await?
        .remove(&id.0)
        .unwrap_or_default())
}

/// Audit a change of someone's roles: their role names before and after.
async fn audit_roles(
    w: &mut Write<'_>,
    id: PersonId,
    action: &'static str,
    before: &[Role],
) -> AppResult<()> {
    let after = roles(w, id).await?;
    let names = |r: &[Role]| r.iter().map(|x| x.as_str()).collect::<Vec<_>>();
    w.audit(
        "Person",
        id.0,
        action,
        Some(&names(before)),
        Some(&names(&after)),
    );
    Ok(())
}

/// Whether a role is given or taken away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleChange {
    Grant,
    Revoke,
}

/// Give someone a role or take it away (the caller has checked that the actor is on the
/// programme team). The last programme-team account keeps its role. Nothing that does not
/// change is audited.
pub async fn change_role(
    st: &AppState,
    v: &Viewer,
    id: PersonId,
    role: Role,
    change: RoleChange,
) -> AppResult<person::Model> {
    let mut w = Write::by(st, v).await?;
    let (person, before) = holder(&w, id).await?;
    let (changed, action) = match change {
        RoleChange::Grant => (
            people::grant_role(w.tx(), id.0, role, w.actor_uuid(), w.now()).await?,
            "grant_role",
        ),
        RoleChange::Revoke => {
            let holders = people::count_with_role(w.tx(), role).await?;
            rules::check_can_revoke(role, before.contains(&role), holders)?;
            (
                people::revoke_role(w.tx(), id.0, role).await?,
                "revoke_role",
            )
        }
    };
    if changed {
        audit_roles(&mut w, id, action, &before).await?;
    }
    w.commit().await?;
    Ok(person)
}
