//! Partner systems' service clients (SPEC §6), seen by the programme team.

use async_graphql::{Context, Object, ID};
use chrono::{DateTime, Utc};
use convene_store::entities::service_client as m;

use super::connection::connection;
use super::organisation::Organisation;
use super::refs;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;

#[derive(Clone)]
pub struct ServiceClient(pub m::Model);

connection!(ServiceClientConnection, ServiceClientEdge, ServiceClient);

/// A member organisation's system that reads Convene with its own credentials.
#[Object]
impl ServiceClient {
    pub async fn id(&self) -> ID {
        ids::encode("ServiceClient", self.0.id)
    }
    /// The public half of the credentials, sent with the secret to `issueServiceToken`.
    async fn client_id(&self) -> &str {
        &self.0.client_id
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn organisation(&self, ctx: &Context<'_>) -> ApiResult<Organisation> {
        refs::organisation(ctx, self.0.organisation_id).await
    }
    /// `read:calls`, `read:communities`, `read:practices`.
    async fn scopes(&self) -> Vec<String> {
        convene_domain::partner::split_scopes(&self.0.scopes)
            .into_iter()
            .map(|s| s.as_str().to_string())
            .collect()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
    /// When it last exchanged its credentials for a token.
    async fn last_token_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_token_at
    }
}
