//! Communities (SPEC §4): one module per part of a community's life, merged into one.

use async_graphql::{Context, ID};
use convene_domain::access::require_signed_in;
use convene_store::begin_write;
use convene_store::repo::communities;

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community::Community;
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

/// Queue the publication of the community's agreed definition to the intranet, in the
/// caller's transaction.
async fn publish(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    community: uuid::Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<()> {
    convene_store::repo::intranet::mark_pending(tx, community, now).await?;
    convene_store::repo::outbox::enqueue(
        tx,
        crate::intranet::KIND,
        &crate::intranet::payload(community),
        now,
    )
    .await?;
    Ok(())
}

/// Complete (`done`) or reopen a start-up step, as its owner may (FAQ 10).
async fn work_on_step(
    ctx: &Context<'_>,
    community_id: &ID,
    step: d::StartupStep,
    done: bool,
    notes: Option<&str>,
) -> ApiResult<Community> {
    let st = state(ctx);
    let v = require_signed_in(viewer(ctx))?;
    let now = now();
    let tx = begin_write(&st.db).await?;
    let c = community_for_change(&tx, community_id).await?;
    d::check_can_work_on_step(step, my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
    let row = communities::set_step(&tx, c.id, step.as_str(), done, notes, v.person.0, now).await?;
    let action = if done {
        "complete_startup_step"
    } else {
        "reopen_startup_step"
    };
    audit(
        &tx,
        Some(v.person.0),
        "Community",
        c.id,
        action,
        None,
        Some(&row),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Community(c))
}

/// How many conveners a community has now.
async fn conveners(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    community: uuid::Uuid,
) -> ApiResult<usize> {
    let members = communities::members_of(tx, &[community])
        .await?
        .remove(&community)
        .unwrap_or_default();
    Ok(members
        .iter()
        .filter(|m| m.role == d::MemberRole::Convener.as_str())
        .count())
}

fn stage(c: &convene_store::entities::community::Model) -> d::Stage {
    d::Stage::from_str(&c.stage).unwrap_or(d::Stage::Forming)
}
