//! Practices (SPEC §5): practices, exchanges and inquiries, sharing protocols and promising
//! practices, merged into one.

use convene_domain::community as c;
use convene_store::repo::communities;
use convene_store::sea_orm::DatabaseTransaction;
use serde::Serialize;
use uuid::Uuid;

use crate::graphql::error::{ApiError, ApiResult};

mod exchanges;
mod lifecycle;
mod promising;
mod protocols;

#[derive(async_graphql::MergedObject, Default)]
pub struct PracticeMutations(
    lifecycle::PracticeLifecycleMutations,
    exchanges::ExchangeMutations,
    protocols::ProtocolMutations,
    promising::PromisingMutations,
);

/// The viewer's role in a community, read in the transaction.
async fn role(
    tx: &DatabaseTransaction,
    community: Uuid,
    person: Uuid,
) -> ApiResult<Option<c::MemberRole>> {
    Ok(communities::member(tx, community, person)
        .await?
        .and_then(|m| c::MemberRole::from_str(&m.role)))
}

/// Lock a community (practices and exchanges change under it) and read its stage.
async fn lock_community(
    tx: &DatabaseTransaction,
    id: Uuid,
) -> ApiResult<convene_store::entities::community::Model> {
    communities::lock(tx, id)
        .await?
        .ok_or_else(|| ApiError::internal(format!("community {id} is missing")))
}

fn stage(m: &convene_store::entities::community::Model) -> c::Stage {
    c::Stage::from_str(&m.stage).unwrap_or(c::Stage::Forming)
}

/// What the audit log keeps of an exchange: never its author (who may be anonymous) and never
/// its text (a COMMUNITY exchange stays inside its community, even from the programme team).
#[derive(Serialize)]
pub(crate) struct ExchangeSnapshot {
    pub practice_id: Uuid,
    pub community_id: Uuid,
    pub meeting_id: Option<Uuid>,
    pub protocol_id: Option<Uuid>,
    pub visibility: String,
    pub anonymous: bool,
}

impl From<&convene_store::entities::practice_exchange::Model> for ExchangeSnapshot {
    fn from(e: &convene_store::entities::practice_exchange::Model) -> Self {
        ExchangeSnapshot {
            practice_id: e.practice_id,
            community_id: e.community_id,
            meeting_id: e.meeting_id,
            protocol_id: e.protocol_id,
            visibility: e.visibility.clone(),
            anonymous: e.anonymous,
        }
    }
}

/// The actor to record for a change to an exchange: nobody when the person acting is its
/// anonymous author.
fn exchange_actor(
    e: &convene_store::entities::practice_exchange::Model,
    person: Uuid,
) -> Option<Uuid> {
    (!(e.anonymous && e.author_id == Some(person))).then_some(person)
}
