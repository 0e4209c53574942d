use async_graphql::{Context, Object, ID};
use convene_store::entities::domain as m;
use convene_store::repo::domains::status;

use super::connection::connection;
use super::enums::DomainStatus;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::{load_opt, loaders};

/// An area of patient-safety practice (e.g. falls, medication safety).
#[derive(Clone)]
pub struct Domain(pub m::Model);

#[Object]
impl Domain {
    pub async fn id(&self) -> ID {
        ids::encode("Domain", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn status(&self) -> DomainStatus {
        status(&self.0).into()
    }
    /// The domain this one was merged into.
    async fn merged_into(&self, ctx: &Context<'_>) -> ApiResult<Option<Domain>> {
        load_opt(&loaders(ctx).domains, self.0.merged_into_id, Domain).await
    }
}

connection!(DomainConnection, DomainEdge, Domain);
