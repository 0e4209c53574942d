//! Service credentials for partner systems (SPEC §6): the programme team creates and revokes
//! clients; a client exchanges its id and secret for a short-lived token carrying its scopes.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::require_role;
use convene_domain::account::Role;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::types::partner::ServiceClient;
use crate::usecases::partners as usecase;

#[derive(InputObject)]
pub struct CreateServiceClientInput {
    pub name: String,
    pub organisation_id: ID,
    /// `read:calls`, `read:communities`, `read:practices`.
    pub scopes: Vec<String>,
}
#[derive(SimpleObject)]
pub struct CreateServiceClientPayload {
    pub client: ServiceClient,
    /// Shown this once: only a hash is kept.
    pub client_secret: String,
}

#[derive(InputObject)]
pub struct RevokeServiceClientInput {
    /// The client's `clientId` (or its `id`).
    pub client_id: String,
}
#[derive(SimpleObject)]
pub struct RevokeServiceClientPayload {
    pub client: ServiceClient,
}

#[derive(InputObject)]
pub struct IssueServiceTokenInput {
    pub client_id: String,
    pub client_secret: String,
}
#[derive(SimpleObject)]
pub struct IssueServiceTokenPayload {
    pub access_token: String,
    pub expires_at: DateTime<Utc>,
    pub scopes: Vec<String>,
}

#[derive(Default)]
pub struct PartnerMutations;

#[Object]
impl PartnerMutations {
    /// Create credentials for a member organisation's system (programme team). The secret is
    /// in this answer only.
    async fn create_service_client(
        &self,
        ctx: &Context<'_>,
        input: CreateServiceClientInput,
    ) -> ApiResult<CreateServiceClientPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cmd = usecase::NewServiceClient {
            name: input.name,
            organisation: input.organisation_id.0,
            scopes: input.scopes,
        };
        let made = usecase::create_service_client(state(ctx), v, cmd).await?;
        Ok(CreateServiceClientPayload {
            client: ServiceClient(made.client),
            client_secret: made.secret,
        })
    }

    /// Revoke a client's credentials (programme team): its tokens stop working at once.
    async fn revoke_service_client(
        &self,
        ctx: &Context<'_>,
        input: RevokeServiceClientInput,
    ) -> ApiResult<RevokeServiceClientPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let client = usecase::revoke_service_client(state(ctx), v, &input.client_id).await?;
        Ok(RevokeServiceClientPayload {
            client: ServiceClient(client),
        })
    }

    /// Exchange a client's id and secret for a 15-minute access token carrying its scopes.
    async fn issue_service_token(
        &self,
        ctx: &Context<'_>,
        input: IssueServiceTokenInput,
    ) -> ApiResult<IssueServiceTokenPayload> {
        let t = usecase::issue_service_token(state(ctx), &input.client_id, &input.client_secret)
            .await?;
        Ok(IssueServiceTokenPayload {
            access_token: t.access_token,
            expires_at: t.expires_at,
            scopes: t.scopes,
        })
    }
}
