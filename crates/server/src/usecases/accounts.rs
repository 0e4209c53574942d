//! Accounts (SPEC §7): sign-up, sign-in, sessions and roles.

use convene_domain::access::{require_signed_in, Viewer};
use convene_domain::account::{self as rules, Email, NewPassword, PersonName, Role};
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

/// Create an account and sign it in. Nobody is asked for a grade, title or seniority (FAQ 6).
pub async fn register(st: &AppState, cmd: Register) -> AppResult<SignedIn> {
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
    let w = Write::begin(st, None).await?;
    let new = people::NewPerson {
        email: &email,
        name: &name,
        profession,
        organisation_id: org.0,
        password_hash,
    };
    let person = people::create(w.tx(), new, w.now()).await?;
    start_session(w, person).await
}

/// Sign in with e-mail and password. A wrong one of the two is not said apart.
pub async fn sign_in(st: &AppState, email: &str, password: &str) -> AppResult<SignedIn> {
    rules::check_credentials_given(email, password)?;
    let found = match Email::parse("email", email) {
        Ok(e) => people::find_by_email(&st.db, e.as_str()).await?,
        Err(_) => None,
    };
    let ok = password::verify(
        password.to_string(),
        found.as_ref().map(|p| p.password_hash.clone()),
    )
    .await;
    let person = match (ok, found) {
        (true, Some(p)) => p,
        _ => {
            return Err(AppError::unauthenticated(
                "The email address or password is not right",
            ))
        }
    };
    start_session(Write::begin(st, None).await?, person).await
}

/// Issue a new session (a new family of refresh tokens) for `person` and commit.
async fn start_session(w: Write<'_>, person: person::Model) -> AppResult<SignedIn> {
    let tokens = sessions::issue(w.tx(), &w.state().keys, person.id, None, w.now()).await?;
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
/// the signed-in viewer. Answers whether a session ended.
pub async fn sign_out(
    st: &AppState,
    viewer: Option<&Viewer>,
    refresh_token: Option<&str>,
) -> AppResult<bool> {
    if let Some(t) = refresh_token.map(str::trim).filter(|t| !t.is_empty()) {
        return sessions::end(&st.db, t, chrono::Utc::now()).await;
    }
    let v = require_signed_in(viewer)?;
    let w = Write::by(st, v).await?;
    session_rows::revoke_person(w.tx(), v.person.0, w.now()).await?;
    w.commit().await?;
    Ok(true)
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
