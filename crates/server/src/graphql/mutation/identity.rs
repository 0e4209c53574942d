//! Identity (issue 14): verify an address, recover or change a password, correct a profile,
//! move to another address, and end sessions. The rules are in `usecases::identity`.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::account::{parse_profession, Email, NewPassword, PersonName};

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::person::Person;
use crate::state::RequestCtx;
use crate::usecases::identity as usecase;

#[derive(Default)]
pub struct IdentityMutations;

#[derive(InputObject)]
pub struct VerifyEmailInput {
    /// The token from the link in the verification mail.
    pub token: String,
}
#[derive(SimpleObject)]
pub struct VerifyEmailPayload {
    pub person: Person,
}
#[derive(SimpleObject)]
pub struct ResendVerificationEmailPayload {
    /// False when the address is already verified (nothing to send).
    pub sent: bool,
}
#[derive(InputObject)]
pub struct RequestPasswordResetInput {
    pub email: String,
}
#[derive(SimpleObject)]
pub struct RequestPasswordResetPayload {
    /// Always true: whether the address has an account is not said.
    pub accepted: bool,
}
#[derive(InputObject)]
pub struct ResetPasswordInput {
    pub token: String,
    /// At least 12 characters.
    pub new_password: String,
}
#[derive(SimpleObject)]
pub struct ResetPasswordPayload {
    pub person: Person,
}
#[derive(InputObject)]
pub struct ChangePasswordInput {
    pub current_password: String,
    /// At least 12 characters.
    pub new_password: String,
}
#[derive(SimpleObject)]
pub struct ChangePasswordPayload {
    pub person: Person,
    /// This session continues with these; every other session has ended.
    pub access_token: String,
    pub refresh_token: String,
}
#[derive(InputObject)]
pub struct UpdateProfileInput {
    pub name: Option<String>,
    /// An empty text clears it.
    pub profession: Option<String>,
    pub organisation_id: Option<ID>,
}
#[derive(SimpleObject)]
pub struct UpdateProfilePayload {
    pub person: Person,
}
#[derive(InputObject)]
pub struct ChangeEmailInput {
    pub new_email: String,
    pub password: String,
}
#[derive(SimpleObject)]
pub struct ChangeEmailPayload {
    /// True: a link went to the new address, which takes effect once it is opened.
    pub pending: bool,
}
#[derive(InputObject)]
pub struct ConfirmEmailChangeInput {
    pub token: String,
}
#[derive(SimpleObject)]
pub struct ConfirmEmailChangePayload {
    pub person: Person,
}
#[derive(InputObject)]
pub struct SignOutSessionInput {
    pub session_id: ID,
}
#[derive(SimpleObject)]
pub struct SignOutSessionPayload {
    pub signed_out: bool,
}

fn request<'a>(ctx: &Context<'a>) -> Option<&'a RequestCtx> {
    ctx.data_opt::<RequestCtx>()
}

#[Object]
impl IdentityMutations {
    /// Prove an address with the link from the verification mail (no sign-in needed).
    async fn verify_email(
        &self,
        ctx: &Context<'_>,
        input: VerifyEmailInput,
    ) -> ApiResult<VerifyEmailPayload> {
        let p = usecase::verify_email(state(ctx), &input.token).await?;
        Ok(VerifyEmailPayload {
            person: Person::own(p),
        })
    }

    /// Send the verification link again (once a minute, five times a day).
    async fn resend_verification_email(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<ResendVerificationEmailPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let sent = usecase::resend_verification(state(ctx), v).await?;
        Ok(ResendVerificationEmailPayload { sent })
    }

    /// "Forgot your password": a link goes to the address if it has an account.
    async fn request_password_reset(
        &self,
        ctx: &Context<'_>,
        input: RequestPasswordResetInput,
    ) -> ApiResult<RequestPasswordResetPayload> {
        usecase::request_password_reset(state(ctx), &input.email).await?;
        Ok(RequestPasswordResetPayload { accepted: true })
    }

    /// Choose a new password with the mailed link: every session ends.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        input: ResetPasswordInput,
    ) -> ApiResult<ResetPasswordPayload> {
        let pw = NewPassword::parse("newPassword", &input.new_password);
        let p = usecase::reset_password(state(ctx), &input.token, pw).await?;
        Ok(ResetPasswordPayload {
            person: Person::own(p),
        })
    }

    /// Change one's password: every other session ends; this one goes on with new tokens.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        input: ChangePasswordInput,
    ) -> ApiResult<ChangePasswordPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let session = request(ctx).and_then(|r| r.session);
        let pw = NewPassword::parse("newPassword", &input.new_password);
        let st = state(ctx);
        let tokens = usecase::change_password(st, v, session, &input.current_password, pw).await?;
        let person = crate::usecases::accounts::person(st, v.person).await?;
        Ok(ChangePasswordPayload {
            person: Person::own(person),
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
        })
    }

    /// Correct one's name, profession or organisation.
    async fn update_profile(
        &self,
        ctx: &Context<'_>,
        input: UpdateProfileInput,
    ) -> ApiResult<UpdateProfilePayload> {
        let v = require_signed_in(viewer(ctx))?;
        let change = usecase::ProfileChange {
            name: input.name.map(|n| PersonName::parse("name", &n)),
            profession: input
                .profession
                .map(|p| parse_profession("profession", Some(&p))),
            organisation: (input.organisation_id.as_ref())
                .map(|id| crate::ids::decode("organisationId", id.as_str())),
        };
        let p = usecase::update_profile(state(ctx), v, change).await?;
        Ok(UpdateProfilePayload {
            person: Person::own(p),
        })
    }

    /// Ask to move to another address: it takes effect once the link sent there is opened.
    async fn change_email(
        &self,
        ctx: &Context<'_>,
        input: ChangeEmailInput,
    ) -> ApiResult<ChangeEmailPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let new = Email::parse("newEmail", &input.new_email);
        usecase::change_email(state(ctx), v, new, &input.password).await?;
        Ok(ChangeEmailPayload { pending: true })
    }

    /// Open the link sent to the new address (no sign-in needed).
    async fn confirm_email_change(
        &self,
        ctx: &Context<'_>,
        input: ConfirmEmailChangeInput,
    ) -> ApiResult<ConfirmEmailChangePayload> {
        let p = usecase::confirm_email_change(state(ctx), &input.token).await?;
        Ok(ConfirmEmailChangePayload {
            person: Person::own(p),
        })
    }

    /// End one of one's sessions (from `Person.sessions`).
    async fn sign_out_session(
        &self,
        ctx: &Context<'_>,
        input: SignOutSessionInput,
    ) -> ApiResult<SignOutSessionPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("sessionId", "Session", &input.session_id)?;
        usecase::sign_out_session(state(ctx), v, id).await?;
        Ok(SignOutSessionPayload { signed_out: true })
    }

    /// End every session, this one included.
    async fn sign_out_everywhere(&self, ctx: &Context<'_>) -> ApiResult<SignOutSessionPayload> {
        let v = require_signed_in(viewer(ctx))?;
        usecase::sign_out_everywhere(state(ctx), v).await?;
        Ok(SignOutSessionPayload { signed_out: true })
    }
}
