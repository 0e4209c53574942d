//! A person's sessions and organisation history (issue 14).

use async_graphql::{Context, Object, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::Viewer;
use convene_store::entities::organisation_change as oc;
use convene_store::repo::people;
use convene_store::repo::sessions::Session as Row;
use uuid::Uuid;

use super::organisation::Organisation;
use crate::graphql::context::state;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::{loaders, must};
use crate::state::RequestCtx;

/// A sign-in service (OpenID Connect) offered beside the password.
#[derive(async_graphql::SimpleObject)]
pub struct AuthProvider {
    pub id: ID,
    /// What the button names, as in "Sign in with NHSmail".
    pub label: String,
    /// Where the browser goes to sign in there (a link, not a GraphQL call).
    pub start_url: String,
}

impl From<crate::usecases::sso::AuthProvider> for AuthProvider {
    fn from(p: crate::usecases::sso::AuthProvider) -> Self {
        AuthProvider {
            id: ID(p.id.to_string()),
            label: p.label,
            start_url: p.start_url,
        }
    }
}

/// One sign-in and every refresh since, on one device.
pub struct Session {
    row: Row,
    current: bool,
}

#[Object]
impl Session {
    async fn id(&self) -> ID {
        ids::encode("Session", self.row.id)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.row.created_at
    }
    /// When the session last fetched new tokens (every quarter of an hour while in use).
    async fn last_used_at(&self) -> DateTime<Utc> {
        self.row.last_used_at
    }
    /// The browser or program, as it named itself when signing in.
    async fn user_agent(&self) -> Option<&str> {
        self.row.user_agent.as_deref()
    }
    /// Whether this is the session asking.
    async fn current(&self) -> bool {
        self.current
    }
}

pub(super) async fn sessions(ctx: &Context<'_>, v: &Viewer) -> ApiResult<Vec<Session>> {
    let current = ctx.data_opt::<RequestCtx>().and_then(|r| r.session);
    let rows = crate::usecases::identity::sessions(state(ctx), v).await?;
    Ok(rows
        .into_iter()
        .map(|row| Session {
            current: Some(row.id) == current,
            row,
        })
        .collect())
}

/// A person moved from one organisation to another.
pub struct OrganisationChange(oc::Model);

#[Object]
impl OrganisationChange {
    async fn from(&self, ctx: &Context<'_>) -> ApiResult<Organisation> {
        organisation(ctx, self.0.from_organisation_id).await
    }
    async fn to(&self, ctx: &Context<'_>) -> ApiResult<Organisation> {
        organisation(ctx, self.0.to_organisation_id).await
    }
    async fn changed_at(&self) -> DateTime<Utc> {
        self.0.changed_at
    }
}

async fn organisation(ctx: &Context<'_>, id: Uuid) -> ApiResult<Organisation> {
    Ok(Organisation(
        must(&loaders(ctx).organisations, id, "organisation").await?,
    ))
}

pub(super) async fn organisation_history(
    ctx: &Context<'_>,
    person: Uuid,
) -> ApiResult<Vec<OrganisationChange>> {
    Ok(people::organisation_changes(&state(ctx).db, person)
        .await?
        .into_iter()
        .map(OrganisationChange)
        .collect())
}
