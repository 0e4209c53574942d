//! Accounts (SPEC §7): register, sign in, refresh, sign out, grant and revoke roles.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::{parse_profession, Email, NewPassword, PersonName, Role as DRole};
use convene_domain::Fields;
use convene_store::begin_write;
use convene_store::repo::{organisations, people};

use super::audit;
use crate::auth::{password, sessions};
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::enums::Role;
use crate::graphql::types::person::Person;

#[derive(Default)]
pub struct AccountMutations;

#[derive(InputObject)]
pub struct RegisterInput {
    pub email: String,
    /// At least 12 characters.
    pub password: String,
    pub name: String,
    pub organisation_id: ID,
    pub profession: Option<String>,
}

#[derive(SimpleObject)]
pub struct RegisterPayload {
    pub access_token: String,
    pub refresh_token: String,
    pub person: Person,
}

#[derive(InputObject)]
pub struct SignInInput {
    pub email: String,
    pub password: String,
}

#[derive(SimpleObject)]
pub struct SignInPayload {
    pub access_token: String,
    pub refresh_token: String,
    pub person: Person,
}

#[derive(InputObject)]
pub struct RefreshSessionInput {
    pub refresh_token: String,
}

#[derive(SimpleObject)]
pub struct RefreshSessionPayload {
    pub access_token: String,
    pub refresh_token: String,
}

#[derive(InputObject, Default)]
pub struct SignOutInput {
    /// The session to end; without it, every session of the signed-in viewer ends.
    pub refresh_token: Option<String>,
}

#[derive(SimpleObject)]
pub struct SignOutPayload {
    pub signed_out: bool,
}

#[derive(InputObject)]
pub struct GrantRoleInput {
    pub person_id: ID,
    pub role: Role,
}

#[derive(SimpleObject)]
pub struct GrantRolePayload {
    pub person: Person,
}

#[derive(InputObject)]
pub struct RevokeRoleInput {
    pub person_id: ID,
    pub role: Role,
}

#[derive(SimpleObject)]
pub struct RevokeRolePayload {
    pub person: Person,
}

fn wrong_credentials() -> ApiError {
    ApiError::new(
        convene_domain::ErrorCode::Unauthenticated,
        "The email address or password is not right",
    )
}

#[Object]
impl AccountMutations {
    /// Create an account. Nobody is asked for a grade, title or seniority (FAQ 6).
    async fn register(
        &self,
        ctx: &Context<'_>,
        input: RegisterInput,
    ) -> ApiResult<RegisterPayload> {
        let st = state(ctx);
        let mut f = Fields::new();
        let email = f.take(Email::parse("email", &input.email));
        let pw = f.take(NewPassword::parse("password", &input.password));
        let name = f.take(PersonName::parse("name", &input.name));
        let profession = f.take(parse_profession("profession", input.profession.as_deref()));
        let org_id = f.take(
            ids::decode("organisationId", "Organisation", &input.organisation_id)
                .map_err(api_to_domain),
        );
        if let Some(id) = org_id {
            if organisations::get(&st.db, id).await?.is_none() {
                f.add("organisationId", "Choose your organisation from the list");
            }
        }
        f.finish()?;
        let (email, pw, name, org_id) =
            (email.unwrap(), pw.unwrap(), name.unwrap(), org_id.unwrap());
        if people::find_by_email(&st.db, email.as_str())
            .await?
            .is_some()
        {
            return Err(convene_domain::DomainError::conflict_on(
                "email",
                "An account with this email address already exists: sign in instead",
            )
            .into());
        }
        let hash = password::hash(pw.expose().to_string()).await?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let person = people::create(
            &tx,
            people::NewPerson {
                email: &email,
                name: &name,
                profession: profession.flatten(),
                organisation_id: org_id,
                password_hash: hash,
            },
            now,
        )
        .await?;
        let pair = sessions::issue(&tx, &st.keys, person.id, None, now).await?;
        tx.commit().await?;
        Ok(RegisterPayload {
            access_token: pair.access_token,
            refresh_token: pair.refresh_token,
            person: Person::own(person),
        })
    }

    /// Sign in with e-mail and password.
    async fn sign_in(&self, ctx: &Context<'_>, input: SignInInput) -> ApiResult<SignInPayload> {
        let st = state(ctx);
        let mut f = Fields::new();
        if input.email.trim().is_empty() {
            f.add("email", "Enter your email address");
        }
        if input.password.is_empty() {
            f.add("password", "Enter your password");
        }
        f.finish()?;
        let found = match Email::parse("email", &input.email) {
            Ok(e) => people::find_by_email(&st.db, e.as_str()).await?,
            Err(_) => None,
        };
        let ok = password::verify(
            input.password.clone(),
            found.as_ref().map(|p| p.password_hash.clone()),
        )
        .await;
        let person = match (ok, found) {
            (true, Some(p)) => p,
            _ => return Err(wrong_credentials()),
        };
        let tx = begin_write(&st.db).await?;
        let pair = sessions::issue(&tx, &st.keys, person.id, None, now()).await?;
        tx.commit().await?;
        Ok(SignInPayload {
            access_token: pair.access_token,
            refresh_token: pair.refresh_token,
            person: Person::own(person),
        })
    }

    /// Exchange a refresh token for a new pair; the old refresh token is spent.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        input: RefreshSessionInput,
    ) -> ApiResult<RefreshSessionPayload> {
        let st = state(ctx);
        let (_, pair) =
            sessions::rotate(&st.db, &st.keys, input.refresh_token.trim(), now()).await?;
        Ok(RefreshSessionPayload {
            access_token: pair.access_token,
            refresh_token: pair.refresh_token,
        })
    }

    /// End a session (by its refresh token), or every session of the viewer.
    async fn sign_out(
        &self,
        ctx: &Context<'_>,
        input: Option<SignOutInput>,
    ) -> ApiResult<SignOutPayload> {
        let st = state(ctx);
        let input = input.unwrap_or_default();
        if let Some(t) = input
            .refresh_token
            .as_deref()
            .filter(|t| !t.trim().is_empty())
        {
            let ended = sessions::end(&st.db, t.trim(), now()).await?;
            return Ok(SignOutPayload { signed_out: ended });
        }
        let v = require_signed_in(viewer(ctx))?;
        let tx = begin_write(&st.db).await?;
        convene_store::repo::sessions::revoke_person(&tx, v.person.0, now()).await?;
        tx.commit().await?;
        Ok(SignOutPayload { signed_out: true })
    }

    /// Give someone a role (programme team only).
    async fn grant_role(
        &self,
        ctx: &Context<'_>,
        input: GrantRoleInput,
    ) -> ApiResult<GrantRolePayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), DRole::ProgrammeTeam)?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let tx = begin_write(&st.db).await?;
        let person = people::get(&tx, pid)
            .await?
            .ok_or_else(|| ApiError::field("personId", "There is no such person"))?;
        let before = people::roles_of(&tx, &[pid])
            .await?
            .remove(&pid)
            .unwrap_or_default();
        let role: DRole = input.role.into();
        let now = now();
        if people::grant_role(&tx, pid, role, Some(v.person.0), now).await? {
            let after = people::roles_of(&tx, &[pid])
                .await?
                .remove(&pid)
                .unwrap_or_default();
            let names = |r: &[DRole]| r.iter().map(|x| x.as_str()).collect::<Vec<_>>();
            audit(
                &tx,
                Some(v.person.0),
                "Person",
                pid,
                "grant_role",
                Some(&names(&before)),
                Some(&names(&after)),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(GrantRolePayload {
            person: Person::from(person),
        })
    }

    /// Take a role away (programme team only). The last programme-team member stays.
    async fn revoke_role(
        &self,
        ctx: &Context<'_>,
        input: RevokeRoleInput,
    ) -> ApiResult<RevokeRolePayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), DRole::ProgrammeTeam)?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let role: DRole = input.role.into();
        let tx = begin_write(&st.db).await?;
        let person = people::get(&tx, pid)
            .await?
            .ok_or_else(|| ApiError::field("personId", "There is no such person"))?;
        let before = people::roles_of(&tx, &[pid])
            .await?
            .remove(&pid)
            .unwrap_or_default();
        if role == DRole::ProgrammeTeam
            && before.contains(&role)
            && people::count_with_role(&tx, role).await? <= 1
        {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "This is the last programme-team account: grant the role to someone else first",
            ));
        }
        let now = now();
        if people::revoke_role(&tx, pid, role).await? {
            let after = people::roles_of(&tx, &[pid])
                .await?
                .remove(&pid)
                .unwrap_or_default();
            let names = |r: &[DRole]| r.iter().map(|x| x.as_str()).collect::<Vec<_>>();
            audit(
                &tx,
                Some(v.person.0),
                "Person",
                pid,
                "revoke_role",
                Some(&names(&before)),
                Some(&names(&after)),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(RevokeRolePayload {
            person: Person::from(person),
        })
    }
}

/// Fold an API error back into a domain error so it can join a form's other field errors.
pub(crate) fn api_to_domain(e: ApiError) -> convene_domain::DomainError {
    convene_domain::DomainError {
        code: convene_domain::ErrorCode::Validation,
        message: e.message,
        fields: e.fields,
    }
}
