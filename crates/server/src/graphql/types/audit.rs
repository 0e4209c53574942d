use async_graphql::{Context, Object, ID};
use convene_store::entities::audit as m;

use super::connection::connection;
use super::person::Person;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::{load_opt, loaders};

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
        load_opt(&loaders(ctx).people, self.0.actor_id, Person::from).await
    }
    async fn entity_type(&self) -> &str {
        &self.0.entity_type
    }
    /// The global ID of the changed entity.
    async fn entity_id(&self) -> ID {
        ids::encode(&self.0.entity_type, self.0.entity_id)
    }
    /// A human label of the entity where cheap: an application's domain and call, a person's
    /// name, a community's, domain's, organisation's or practice's name, a call's title; null
    /// otherwise (or when the entity is gone).
    async fn entity_label(&self, ctx: &Context<'_>) -> ApiResult<Option<String>> {
        let l = loaders(ctx);
        let id = self.0.entity_id;
        Ok(match self.0.entity_type.as_str() {
            "Person" => l.people.load_one(id).await?.map(|p| p.name),
            "Community" => l.communities.load_one(id).await?.map(|c| c.name),
            "Call" => l.calls.load_one(id).await?.map(|c| c.title),
            "Domain" => l.domains.load_one(id).await?.map(|d| d.name),
            "Organisation" => l.organisations.load_one(id).await?.map(|o| o.name),
            "Practice" => l.practices.load_one(id).await?.map(|p| p.name),
            "Application" => match l.applications.load_one(id).await? {
                Some(a) => {
                    let domain = l.domains.load_one(a.domain_id).await?;
                    let call = l.calls.load_one(a.call_id).await?;
                    match (domain, call) {
                        (Some(d), Some(c)) => Some(format!("{}, {}", d.name, c.title)),
                        _ => None,
                    }
                }
                None => None,
            },
            _ => None,
        })
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
