//! The audit trail: who changed what, when, with the state before and after (JSON).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::audit;
use crate::paging::{by_key, Key, KeyValue, Paged, Sort, Window};
use crate::Result;

pub struct Change<'a> {
    pub actor: Option<Uuid>,
    pub entity_type: &'a str,
    pub entity_id: Uuid,
    pub action: &'a str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn record(db: &impl ConnectionTrait, c: Change<'_>, now: DateTime<Utc>) -> Result<()> {
    audit::ActiveModel {
        id: Set(Uuid::new_v4()),
        at: Set(now),
        actor_id: Set(c.actor),
        entity_type: Set(c.entity_type.to_string()),
        entity_id: Set(c.entity_id),
        action: Set(c.action.to_string()),
        before: Set(c.before.map(|v| v.to_string())),
        after: Set(c.after.map(|v| v.to_string())),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Which entries to list; every part is optional and they combine with AND.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    pub entity_id: Option<Uuid>,
    pub entity_type: Option<&'a str>,
    pub actor_id: Option<Uuid>,
    pub action: Option<&'a str>,
    /// `at >= from`
    pub from: Option<DateTime<Utc>>,
    /// `at < until`
    pub until: Option<DateTime<Utc>>,
}

/// Newest first.
/// A page of the trail, newest first, by keyset.
pub async fn page(
    db: &impl ConnectionTrait,
    f: &Filter<'_>,
    window: &Window,
) -> Result<Paged<audit::Model>> {
    let sort = Sort::<audit::Entity> {
        column: audit::Column::At,
        id: audit::Column::Id,
        descending: true,
        key: |r| Key {
            value: KeyValue::Time(r.at),
            id: r.id,
        },
    };
    by_key(db, filtered(f), &sort, window).await
}

fn filtered(f: &Filter<'_>) -> sea_orm::Select<audit::Entity> {
    let mut q = audit::Entity::find();
    if let Some(id) = f.entity_id {
        q = q.filter(audit::Column::EntityId.eq(id));
    }
    if let Some(t) = f.entity_type {
        q = q.filter(audit::Column::EntityType.eq(t));
    }
    if let Some(a) = f.actor_id {
        q = q.filter(audit::Column::ActorId.eq(a));
    }
    if let Some(a) = f.action {
        q = q.filter(audit::Column::Action.eq(a));
    }
    if let Some(t) = f.from {
        q = q.filter(audit::Column::At.gte(t));
    }
    if let Some(t) = f.until {
        q = q.filter(audit::Column::At.lt(t));
    }
    q
}

/// The entity types that have entries, by name.
pub async fn entity_types(db: &impl ConnectionTrait) -> Result<Vec<String>> {
    Ok(audit::Entity::find()
        .select_only()
        .column(audit::Column::EntityType)
        .distinct()
        .order_by_asc(audit::Column::EntityType)
        .into_tuple::<String>()
        .all(db)
        .await?)
}
