//! Communities (SPEC §4): one module per part of a community's life, merged into one.

use async_graphql::ID;
use convene_store::repo::communities;

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use convene_domain::community as d;

mod challenges;
mod definition;
mod lifecycle;
mod meetings;
mod settings;

mod membership;
mod startup;
mod support;
mod work;

#[derive(async_graphql::MergedObject, Default)]
pub struct CommunityMutations(
    lifecycle::CommunityLifecycleMutations,
    startup::StartupStepMutations,
    definition::DomainDefinitionMutations,
    membership::MembershipMutations,
    meetings::MeetingMutations,
    settings::CommunitySettingsMutations,
    work::CommunityWorkMutations,
    support::SupportMutations,
    challenges::ChallengeMutations,
);

async fn community_for_change(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    id: &ID,
) -> ApiResult<convene_store::entities::community::Model> {
    let uuid = ids::decode("communityId", "Community", id)?;
    communities::lock(tx, uuid)
        .await?
        .ok_or_else(|| ApiError::field("communityId", "There is no such community"))
}

async fn my_role(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    community: uuid::Uuid,
    person: uuid::Uuid,
) -> ApiResult<Option<d::MemberRole>> {
    Ok(communities::member(tx, community, person)
        .await?
        .and_then(|m| d::MemberRole::from_str(&m.role)))
}

fn stage(c: &convene_store::entities::community::Model) -> d::Stage {
    d::Stage::from_str(&c.stage).unwrap_or(d::Stage::Forming)
}
