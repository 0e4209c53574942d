//! The outbox: messages for the outside world, written in the same transaction as the change
//! that causes them, then claimed and delivered by a worker with retries and backoff.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::outbox;
use crate::Result;

pub const PENDING: &str = "PENDING";
pub const DELIVERED: &str = "DELIVERED";
pub const FAILED: &str = "FAILED";

pub async fn enqueue(
    db: &impl ConnectionTrait,
    kind: &str,
    payload: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    outbox::ActiveModel {
        id: Set(id),
        kind: Set(kind.to_string()),
        payload: Set(payload.to_string()),
        status: Set(PENDING.to_string()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        claimed_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        delivered_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Claim up to `limit` due messages for `lease`: each claim is a conditional update, so two
/// workers (or replicas) never take the same message; a crashed worker's lease runs out.
pub async fn claim_due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
    lease: Duration,
) -> Result<Vec<outbox::Model>> {
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        // Several replicas claim at once: each takes rows nobody else holds, without waiting.
        let rows = outbox::Entity::find()
            .from_raw_sql(sea_orm::Statement::from_sql_and_values(
                sea_orm::DatabaseBackend::Postgres,
                r#"UPDATE outbox SET claimed_until = $1
                   WHERE id IN (
                     SELECT id FROM outbox
                     WHERE status = $2 AND next_attempt_at <= $3
                       AND (claimed_until IS NULL OR claimed_until < $3)
                     ORDER BY next_attempt_at
                     LIMIT $4
                     FOR UPDATE SKIP LOCKED)
                   RETURNING *"#,
                [
                    (now + lease).into(),
                    PENDING.into(),
                    now.into(),
                    (limit as i64).into(),
                ],
            ))
            .all(db)
            .await?;
        let mut rows = rows;
        rows.sort_by_key(|r| r.next_attempt_at);
        return Ok(rows);
    }
    // SQLite has one writer at a time: a conditional update per row is the claim.
    let free = || {
        Condition::any()
            .add(outbox::Column::ClaimedUntil.is_null())
            .add(outbox::Column::ClaimedUntil.lt(now))
    };
    let due = outbox::Entity::find()
        .filter(outbox::Column::Status.eq(PENDING))
        .filter(outbox::Column::NextAttemptAt.lte(now))
        .filter(free())
        .order_by_asc(outbox::Column::NextAttemptAt)
        .limit(limit)
        .all(db)
        .await?;
    let mut claimed = Vec::new();
    for m in due {
        let r = outbox::Entity::update_many()
            .col_expr(outbox::Column::ClaimedUntil, Expr::value(now + lease))
            .filter(outbox::Column::Id.eq(m.id))
            .filter(outbox::Column::Status.eq(PENDING))
            .filter(free())
            .exec(db)
            .await?;
        if r.rows_affected == 1 {
            claimed.push(m);
        }
    }
    Ok(claimed)
}

/// Record a delivery; `kept` replaces the stored payload with what is worth keeping once the
/// message has left (a mail's address and subject, never the tokens its body carried).
pub async fn mark_delivered(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
    kept: Option<&str>,
) -> Result<()> {
    let mut u = outbox::Entity::update_many();
    if let Some(k) = kept {
        u = u.col_expr(outbox::Column::Payload, Expr::value(k));
    }
    u.col_expr(outbox::Column::Status, Expr::value(DELIVERED))
        .col_expr(outbox::Column::DeliveredAt, Expr::value(now))
        .col_expr(
            outbox::Column::Attempts,
            Expr::col(outbox::Column::Attempts).add(1),
        )
        .col_expr(
            outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(outbox::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Record a failed attempt: retry at `retry_at`, or give up (FAILED) when it is `None`.
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    id: Uuid,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<()> {
    let mut u = outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Attempts,
            Expr::col(outbox::Column::Attempts).add(1),
        )
        .col_expr(
            outbox::Column::LastError,
            Expr::value(error.chars().take(2000).collect::<String>()),
        )
        .col_expr(
            outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        );
    u = match retry_at {
        Some(t) => u.col_expr(outbox::Column::NextAttemptAt, Expr::value(t)),
        None => u.col_expr(outbox::Column::Status, Expr::value(FAILED)),
    };
    u.filter(outbox::Column::Id.eq(id)).exec(db).await?;
    Ok(())
}

/// Replace a message's stored payload, if it is still `was` (see [`mark_delivered`]).
pub async fn replace_payload(
    db: &impl ConnectionTrait,
    id: Uuid,
    was: &str,
    kept: &str,
) -> Result<bool> {
    use outbox::Column as C;
    super::replace_if_unchanged::<outbox::Entity>(db, C::Id, id, C::Payload, was, kept).await
}

/// Messages of `kind` that are done with (delivered, or given up on) and whose payload does not
/// contain `kept_marker`: those still holding what they carried.
pub async fn done_holding(
    db: &impl ConnectionTrait,
    kind: &str,
    kept_marker: &str,
    limit: u64,
) -> Result<Vec<outbox::Model>> {
    Ok(outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(kind))
        .filter(outbox::Column::Status.is_in([DELIVERED, FAILED]))
        .filter(outbox::Column::Payload.not_like(format!("%{kept_marker}%")))
        .order_by_asc(outbox::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<outbox::Model>> {
    Ok(outbox::Entity::find_by_id(id).one(db).await?)
}

pub async fn pending_count(db: &impl ConnectionTrait) -> Result<u64> {
    use sea_orm::PaginatorTrait;
    Ok(outbox::Entity::find()
        .filter(outbox::Column::Status.eq(PENDING))
        .count(db)
        .await?)
}

/// The backlog: how many messages wait to be delivered, and when the oldest of them was
/// written (in one statement).
pub async fn backlog(db: &impl ConnectionTrait) -> Result<(u64, Option<DateTime<Utc>>)> {
    let row: Option<(i64, Option<DateTime<Utc>>)> = outbox::Entity::find()
        .select_only()
        .column_as(Expr::col(outbox::Column::Id).count(), "n")
        .column_as(Expr::col(outbox::Column::CreatedAt).min(), "oldest")
        .filter(outbox::Column::Status.eq(PENDING))
        .into_tuple()
        .one(db)
        .await?;
    Ok(row
        .map(|(n, oldest)| (u64::try_from(n).unwrap_or(0), oldest))
        .unwrap_or((0, None)))
}

/// Give back claimed messages that were not attempted (the worker is stopping), so that the
/// next worker takes them up at once instead of when the lease runs out.
pub async fn release(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(outbox::Column::Id.is_in(ids.iter().copied()))
        .filter(outbox::Column::Status.eq(PENDING))
        .exec(db)
        .await?;
    Ok(())
}
