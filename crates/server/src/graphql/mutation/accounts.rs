//! Accounts (SPEC §7): register, sign in, refresh, sign out, grant and revoke roles.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_role;
use convene_domain::account::{parse_profession, Email, NewPassword, PersonName, Role as DRole};

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::enums::Role;
use crate::graphql::types::person::Person;
use crate::usecases::accounts::{self as usecase, RoleChange};

#[derive(Default)]
pub struct AccountMutations;

/// The client's User-Agent, kept with a new session.
fn user_agent<'a>(ctx: &Context<'a>) -> Option<&'a str> {
    ctx.data_opt::<crate::state::RequestCtx>()
        .and_then(|r| r.user_agent.as_deref())
}

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
pub struct ExchangeSignInCodeInput {
    /// The one-time code from `/signed-in#code=…` (works once, for a minute).
    pub code: String,
    /// Needed only for a first sign-in without an account: the answer without it is a
    /// `VALIDATION` error on `organisationId` with `extensions.reason: "ORGANISATION_NEEDED"`,
    /// and the same code may then be sent again with the organisation (for 30 minutes).
    pub organisation_id: Option<ID>,
}

#[derive(SimpleObject)]
pub struct ExchangeSignInCodePayload {
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

#[Object]
impl AccountMutations {
    /// Create an account. Nobody is asked for a grade, title or seniority (FAQ 6).
    async fn register(
        &self,
        ctx: &Context<'_>,
        input: RegisterInput,
    ) -> ApiResult<RegisterPayload> {
        let cmd = usecase::Register {
            email: Email::parse("email", &input.email),
            password: NewPassword::parse("password", &input.password),
            name: PersonName::parse("name", &input.name),
            profession: parse_profession("profession", input.profession.as_deref()),
            organisation: crate::ids::decode("organisationId", input.organisation_id.as_str()),
        };
        let done = usecase::register(state(ctx), cmd, user_agent(ctx)).await?;
        Ok(RegisterPayload {
            access_token: done.tokens.access_token,
            refresh_token: done.tokens.refresh_token,
            person: Person::own(done.person),
        })
    }

    /// Sign in with e-mail and password.
    async fn sign_in(&self, ctx: &Context<'_>, input: SignInInput) -> ApiResult<SignInPayload> {
        let device = user_agent(ctx);
        let done = usecase::sign_in(state(ctx), &input.email, &input.password, device).await?;
        Ok(SignInPayload {
            access_token: done.tokens.access_token,
            refresh_token: done.tokens.refresh_token,
            person: Person::own(done.person),
        })
    }

    /// Trade the one-time code of a single sign-on (`/signed-in#code=…`) for a session.
    async fn exchange_sign_in_code(
        &self,
        ctx: &Context<'_>,
        input: ExchangeSignInCodeInput,
    ) -> ApiResult<ExchangeSignInCodePayload> {
        let org = input
            .organisation_id
            .map(|id| crate::ids::decode("organisationId", id.as_str()));
        let done =
            crate::usecases::sso::exchange_code(state(ctx), &input.code, org, user_agent(ctx))
                .await?;
        Ok(ExchangeSignInCodePayload {
            access_token: done.tokens.access_token,
            refresh_token: done.tokens.refresh_token,
            person: Person::own(done.person),
        })
    }

    /// Exchange a refresh token for a new pair; the old refresh token is spent.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        input: RefreshSessionInput,
    ) -> ApiResult<RefreshSessionPayload> {
        let pair = usecase::refresh_session(state(ctx), &input.refresh_token).await?;
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
        let token = input.and_then(|i| i.refresh_token);
        let ended = usecase::sign_out(state(ctx), viewer(ctx), token.as_deref()).await?;
        Ok(SignOutPayload { signed_out: ended })
    }

    /// Give someone a role (programme team only).
    async fn grant_role(
        &self,
        ctx: &Context<'_>,
        input: GrantRoleInput,
    ) -> ApiResult<GrantRolePayload> {
        let v = require_role(viewer(ctx), DRole::ProgrammeTeam)?;
        let id = ids::typed("personId", &input.person_id)?;
        let person =
            usecase::change_role(state(ctx), v, id, input.role.into(), RoleChange::Grant).await?;
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
        let v = require_role(viewer(ctx), DRole::ProgrammeTeam)?;
        let id = ids::typed("personId", &input.person_id)?;
        let person =
            usecase::change_role(state(ctx), v, id, input.role.into(), RoleChange::Revoke).await?;
        Ok(RevokeRolePayload {
            person: Person::from(person),
        })
    }
}
