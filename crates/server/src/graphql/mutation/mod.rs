//! Mutations, one module per area, merged into one root.

mod accounts;
mod applications;
mod calls;
mod catalogue;
mod communities;
mod honoraria;
mod notifications;
mod partners;
mod practices;
pub(crate) mod privacy;
mod selection;
mod webhooks;

use async_graphql::MergedObject;
use chrono::{DateTime, Utc};
use convene_store::repo::audit;
use convene_store::sea_orm::ConnectionTrait;
use serde::Serialize;
use uuid::Uuid;

use super::error::ApiResult;

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    accounts::AccountMutations,
    catalogue::CatalogueMutations,
    calls::CallMutations,
    applications::ApplicationMutations,
    selection::SelectionMutations,
    honoraria::HonorariaMutations,
    communities::CommunityMutations,
    practices::PracticeMutations,
    partners::PartnerMutations,
    notifications::NotificationMutations,
    webhooks::WebhookMutations,
    privacy::PrivacyMutations,
);

/// Record a change in the audit log, in the caller's transaction. For an update only the
/// fields that changed are kept, before and after.
pub(crate) async fn audit<T: Serialize>(
    db: &impl ConnectionTrait,
    actor: Option<Uuid>,
    entity_type: &str,
    entity_id: Uuid,
    action: &str,
    before: Option<&T>,
    after: Option<&T>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let mut before = before.map(|b| serde_json::to_value(b).expect("serialisable"));
    let mut after = after.map(|a| serde_json::to_value(a).expect("serialisable"));
    if let (Some(serde_json::Value::Object(b)), Some(serde_json::Value::Object(a))) =
        (&mut before, &mut after)
    {
        let same: Vec<String> = b
            .iter()
            .filter(|(k, v)| a.get(*k) == Some(*v))
            .map(|(k, _)| k.clone())
            .collect();
        for k in same {
            b.remove(&k);
            a.remove(&k);
        }
    }
    audit::record(
        db,
        audit::Change {
            actor,
            entity_type,
            entity_id,
            action,
            before,
            after,
        },
        now,
    )
    .await?;
    Ok(())
}
