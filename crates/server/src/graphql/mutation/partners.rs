//! Service credentials for partner systems (SPEC §6): the programme team creates and revokes
//! clients; a client exchanges its id and secret for a short-lived token carrying its scopes.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::require_role;
use convene_domain::account::Role;
use convene_domain::partner as d;
use convene_domain::Fields;
use convene_store::begin_write;
use convene_store::repo::{organisations, partners};

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::partner::ServiceClient;

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

/// Compare two hashes without leaking where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[Object]
impl PartnerMutations {
    /// Create credentials for a member organisation's system (programme team). The secret is
    /// in this answer only.
    async fn create_service_client(
        &self,
        ctx: &Context<'_>,
        input: CreateServiceClientInput,
    ) -> ApiResult<CreateServiceClientPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let mut f = Fields::new();
        let name = f.take(d::parse_client_name("name", &input.name));
        let scopes = f.take(d::parse_scopes("scopes", &input.scopes));
        let org = f.take(
            ids::decode("organisationId", "Organisation", &input.organisation_id)
                .map_err(super::accounts::api_to_domain),
        );
        let now = now();
        let tx = begin_write(&st.db).await?;
        if let Some(o) = org {
            if organisations::get(&tx, o).await?.is_none() {
                f.add("organisationId", "There is no such organisation");
            }
        }
        f.finish()?;
        let client_id = format!("cvn_{}", crate::auth::random_token(12));
        let secret = format!("cvs_{}", crate::auth::random_token(32));
        let c = partners::create(
            &tx,
            partners::NewClient {
                client_id: &client_id,
                name: &name.expect("checked"),
                organisation_id: org.expect("checked"),
                scopes: &d::join_scopes(&scopes.expect("checked")),
                secret_hash: &crate::auth::token_hash(&secret),
                created_by: v.person.0,
            },
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "ServiceClient",
            c.id,
            "create_service_client",
            None,
            Some(&c),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(CreateServiceClientPayload {
            client: ServiceClient(c),
            client_secret: secret,
        })
    }

    /// Revoke a client's credentials (programme team): its tokens stop working at once.
    async fn revoke_service_client(
        &self,
        ctx: &Context<'_>,
        input: RevokeServiceClientInput,
    ) -> ApiResult<RevokeServiceClientPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let found = match partners::by_client_id(&tx, input.client_id.trim()).await? {
            Some(c) => Some(c),
            None => match ids::decode("clientId", "ServiceClient", &ID(input.client_id.clone())) {
                Ok(id) => partners::get(&tx, id).await?,
                Err(_) => None,
            },
        };
        let c = found.ok_or_else(|| ApiError::field("clientId", "There is no such client"))?;
        if c.revoked_at.is_some() {
            return Ok(RevokeServiceClientPayload {
                client: ServiceClient(c),
            });
        }
        let after = partners::revoke(&tx, c.clone(), now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "ServiceClient",
            c.id,
            "revoke_service_client",
            Some(&c),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RevokeServiceClientPayload {
            client: ServiceClient(after),
        })
    }

    /// Exchange a client's id and secret for a 15-minute access token carrying its scopes.
    async fn issue_service_token(
        &self,
        ctx: &Context<'_>,
        input: IssueServiceTokenInput,
    ) -> ApiResult<IssueServiceTokenPayload> {
        let st = state(ctx);
        let wrong = || {
            ApiError::new(
                convene_domain::ErrorCode::Unauthenticated,
                "The client id or secret is not right",
            )
        };
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = partners::by_client_id(&tx, input.client_id.trim())
            .await?
            .ok_or_else(wrong)?;
        if !same(
            &c.secret_hash,
            &crate::auth::token_hash(input.client_secret.trim()),
        ) {
            return Err(wrong());
        }
        if c.revoked_at.is_some() {
            return Err(ApiError::new(
                convene_domain::ErrorCode::Unauthenticated,
                "These credentials have been revoked: ask the programme team",
            ));
        }
        let (token, expires_at) = st
            .keys
            .issue_client(c.id, &c.scopes, now)
            .map_err(ApiError::internal)?;
        let scopes = d::split_scopes(&c.scopes)
            .into_iter()
            .map(|s| s.as_str().to_string())
            .collect();
        partners::token_issued(&tx, c, now).await?;
        tx.commit().await?;
        Ok(IssueServiceTokenPayload {
            access_token: token,
            expires_at,
            scopes,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_compare_whole() {
        assert!(super::same("abc", "abc"));
        assert!(!super::same("abc", "abd"));
        assert!(!super::same("abc", "abcd"));
    }
}
