use async_graphql::{Context, Object, ID};
use convene_store::entities::audit as m;

use super::connection::connection;
use super::person::Person;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::loaders;

/// One recorded change: who, when, what, and the state before and after (JSON).
#[derive(Clone)]
pub struct AuditEntry(pub m::Model);

#[Object]
impl AuditEntry {
    pub async fn id(&self) -> ID {
        ids::encode("AuditEntry", self.0.id)
    }
    async fn at(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.at
    }
    async fn actor(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        match self.0.actor_id {
            Some(id) => Ok(loaders(ctx).people.load_one(id).await?.map(Person::from)),
            None => Ok(None),
        }
    }
    async fn entity_type(&self) -> &str {
        &self.0.entity_type
    }
    /// The global ID of the changed entity.
    async fn entity_id(&self) -> ID {
        ids::encode(&self.0.entity_type, self.0.entity_id)
    }
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn before(&self) -> Option<&str> {
        self.0.before.as_deref()
    }
    async fn after(&self) -> Option<&str> {
        self.0.after.as_deref()
    }
}

connection!(AuditEntryConnection, AuditEntryEdge, AuditEntry);
