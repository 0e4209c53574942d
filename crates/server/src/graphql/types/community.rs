//! Communities (SPEC §4): the part selection needs; the communities work adds the rest.

use async_graphql::{Context, Object, ID};
use convene_domain::community as d;

use super::enums::{CommunityOrigin, CommunityStage, MembershipMode};
use chrono::{DateTime, Utc};
use convene_store::entities::community as m;

use super::catalogue::Domain;
use super::person::Person;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::{loaders, must};

#[derive(Clone)]
pub struct Community(pub m::Model);

/// A community of practice.
#[Object]
impl Community {
    pub async fn id(&self) -> ID {
        ids::encode("Community", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn domain(&self, ctx: &Context<'_>) -> ApiResult<Domain> {
        Ok(Domain(
            must(&loaders(ctx).domains, self.0.domain_id, "domain").await?,
        ))
    }
    async fn stage(&self) -> CommunityStage {
        d::Stage::from_str(&self.0.stage)
            .unwrap_or(d::Stage::Forming)
            .into()
    }
    async fn funded(&self) -> bool {
        self.0.funded
    }
    async fn origin(&self) -> CommunityOrigin {
        d::Origin::from_str(&self.0.origin)
            .unwrap_or(d::Origin::SelfOrganised)
            .into()
    }
    async fn membership_mode(&self) -> MembershipMode {
        d::MembershipMode::from_str(&self.0.membership_mode)
            .unwrap_or(d::MembershipMode::OnRequest)
            .into()
    }
    async fn listed(&self) -> bool {
        self.0.listed
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn conveners(&self, ctx: &Context<'_>) -> ApiResult<Vec<Person>> {
        let st = crate::graphql::context::state(ctx);
        let members = convene_store::repo::communities::members_of(&st.db, &[self.0.id])
            .await?
            .remove(&self.0.id)
            .unwrap_or_default();
        let ids: Vec<uuid::Uuid> = members
            .iter()
            .filter(|m| m.role == d::MemberRole::Convener.as_str())
            .map(|m| m.person_id)
            .collect();
        let found = loaders(ctx).people.load_many(ids.iter().copied()).await?;
        Ok(ids
            .iter()
            .filter_map(|i| found.get(i).cloned().map(Person::from))
            .collect())
    }
}
