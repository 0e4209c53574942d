//! Webhook subscriptions and their delivery log.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::{webhook_delivery as d, webhook_subscription as s};
use crate::{Page, Result};

pub const PENDING: &str = "PENDING";
pub const DELIVERED: &str = "DELIVERED";
pub const FAILED: &str = "FAILED";

/// A subscription; `secret` is the signing secret as stored (sealed by the server).
#[allow(clippy::too_many_arguments)]
pub async fn create(
    db: &impl ConnectionTrait,
    id: Uuid,
    url: &str,
    events: &[String],
    secret: &str,
    created_by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<s::Model> {
    Ok(s::ActiveModel {
        id: Set(id),
        url: Set(url.to_string()),
        events: Set(events.join(",")),
        secret: Set(secret.to_string()),
        active: Set(true),
        disabled_reason: Set(None),
        created_by: Set(created_by),
        created_at: Set(now),
        deleted_at: Set(None),
    }
    .insert(db)
    .await?)
}

/// Every subscription's stored secret, deleted ones too (a late delivery still signs).
pub async fn secrets(db: &impl ConnectionTrait) -> Result<Vec<(Uuid, String)>> {
    Ok(s::Entity::find()
        .select_only()
        .column(s::Column::Id)
        .column(s::Column::Secret)
        .into_tuple()
        .all(db)
        .await?)
}

/// Store a subscription's secret anew (re-sealed), if it is still `was`.
pub async fn replace_secret(
    db: &impl ConnectionTrait,
    id: Uuid,
    was: &str,
    now_stored: &str,
) -> Result<bool> {
    use s::Column as C;
    super::replace_if_unchanged::<s::Entity>(db, C::Id, id, C::Secret, was, now_stored).await
}

/// A subscription that has not been deleted.
pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<s::Model>> {
    Ok(s::Entity::find_by_id(id)
        .filter(s::Column::DeletedAt.is_null())
        .one(db)
        .await?)
}

/// A subscription, deleted or not (a late delivery must learn it is gone).
pub async fn get_any(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<s::Model>> {
    Ok(s::Entity::find_by_id(id).one(db).await?)
}

pub async fn list(db: &impl ConnectionTrait, page: Page) -> Result<(Vec<s::Model>, u64)> {
    let q = s::Entity::find().filter(s::Column::DeletedAt.is_null());
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(s::Column::CreatedAt)
        .order_by_asc(s::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// The active subscriptions that asked for `event`.
pub async fn subscribed_to(db: &impl ConnectionTrait, event: &str) -> Result<Vec<s::Model>> {
    let rows = s::Entity::find()
        .filter(s::Column::DeletedAt.is_null())
        .filter(s::Column::Active.eq(true))
        .order_by_asc(s::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|r| r.event_list().iter().any(|e| e == event))
        .collect())
}

pub async fn delete(
    db: &impl ConnectionTrait,
    sub: s::Model,
    now: DateTime<Utc>,
) -> Result<s::Model> {
    let mut am: s::ActiveModel = sub.into();
    am.active = Set(false);
    am.deleted_at = Set(Some(now));
    Ok(am.update(db).await?)
}

/// Stop sending to a subscription (its receiver answered 410 Gone), saying why.
pub async fn disable(db: &impl ConnectionTrait, id: Uuid, reason: &str) -> Result<()> {
    s::Entity::update_many()
        .col_expr(s::Column::Active, Expr::value(false))
        .col_expr(s::Column::DisabledReason, Expr::value(reason.to_string()))
        .filter(s::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Send to a disabled subscription again: active, its reason for being disabled forgotten.
pub async fn enable(db: &impl ConnectionTrait, sub: s::Model) -> Result<s::Model> {
    let mut am: s::ActiveModel = sub.into();
    am.active = Set(true);
    am.disabled_reason = Set(None);
    Ok(am.update(db).await?)
}

/// Log a delivery about to be made (in the transaction that enqueues its outbox message).
pub async fn log_delivery(
    db: &impl ConnectionTrait,
    id: Uuid,
    subscription_id: Uuid,
    event: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    d::ActiveModel {
        id: Set(id),
        subscription_id: Set(subscription_id),
        event: Set(event.to_string()),
        state: Set(PENDING.to_string()),
        status_code: Set(None),
        attempts: Set(0),
        last_error: Set(None),
        delivered_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Record one attempt: its status code (when the receiver answered), error and new state.
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    id: Uuid,
    state: &str,
    status_code: Option<i32>,
    error: Option<&str>,
    delivered_at: Option<DateTime<Utc>>,
) -> Result<()> {
    d::Entity::update_many()
        .col_expr(d::Column::Attempts, Expr::col(d::Column::Attempts).add(1))
        .col_expr(d::Column::State, Expr::value(state.to_string()))
        .col_expr(d::Column::StatusCode, Expr::value(status_code))
        .col_expr(
            d::Column::LastError,
            Expr::value(error.map(|e| e.chars().take(2000).collect::<String>())),
        )
        .col_expr(d::Column::DeliveredAt, Expr::value(delivered_at))
        .filter(d::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// A subscription's delivery log, newest first.
pub async fn deliveries(
    db: &impl ConnectionTrait,
    subscription_id: Uuid,
    page: Page,
) -> Result<(Vec<d::Model>, u64)> {
    let q = d::Entity::find().filter(d::Column::SubscriptionId.eq(subscription_id));
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(d::Column::CreatedAt)
        .order_by_desc(d::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}
