//! Honorarium shares (SPEC §3): one row per payee of a funded application.

use chrono::{DateTime, NaiveDate, Utc};
use convene_domain::honorarium::{PaymentRoute, PaymentStatus, Share};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::entities::honorarium_share as m;
use crate::Result;

pub fn status(s: &m::Model) -> PaymentStatus {
    PaymentStatus::from_str(&s.status).unwrap_or(PaymentStatus::Proposed)
}

pub async fn create_shares(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    application_id: Uuid,
    shares: &[(Share, PaymentRoute)],
    now: DateTime<Utc>,
) -> Result<Vec<m::Model>> {
    let mut out = Vec::new();
    for (i, (s, route)) in shares.iter().enumerate() {
        let status = if s.amount.get() == 0 {
            PaymentStatus::Cancelled
        } else {
            PaymentStatus::Proposed
        };
        out.push(
            m::ActiveModel {
                id: Set(Uuid::new_v4()),
                call_id: Set(call_id),
                application_id: Set(application_id),
                person_id: Set(s.person.0),
                position: Set(i as i32),
                amount_pence: Set(s.amount.get()),
                eligible: Set(s.eligible),
                route: Set(route.as_str().to_string()),
                status: Set(status.as_str().to_string()),
                reference: Set(None),
                paid_on: Set(None),
                approved_by: Set(None),
                approved_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(db)
            .await?,
        );
    }
    Ok(out)
}

pub async fn of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<m::Model>> {
    Ok(m::Entity::find()
        .filter(m::Column::CallId.eq(call_id))
        .order_by_asc(m::Column::ApplicationId)
        .order_by_asc(m::Column::Position)
        .all(db)
        .await?)
}

/// Read a share and lock it until the transaction ends, so that two changes to one payment
/// are made one after the other.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<m::Model>> {
    use sea_orm::QuerySelect;
    Ok(m::Entity::find_by_id(id).lock_exclusive().one(db).await?)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<m::Model>> {
    Ok(m::Entity::find_by_id(id).one(db).await?)
}

pub async fn approve(
    db: &impl ConnectionTrait,
    s: m::Model,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<m::Model> {
    let mut am: m::ActiveModel = s.into();
    am.status = Set(PaymentStatus::Approved.as_str().to_string());
    am.approved_by = Set(Some(by));
    am.approved_at = Set(Some(now));
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

pub async fn mark_paid(
    db: &impl ConnectionTrait,
    s: m::Model,
    reference: &str,
    paid_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<m::Model> {
    let mut am: m::ActiveModel = s.into();
    am.status = Set(PaymentStatus::Paid.as_str().to_string());
    am.reference = Set(Some(reference.to_string()));
    am.paid_on = Set(Some(paid_on));
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

pub async fn cancel(
    db: &impl ConnectionTrait,
    s: m::Model,
    now: DateTime<Utc>,
) -> Result<m::Model> {
    let mut am: m::ActiveModel = s.into();
    am.status = Set(PaymentStatus::Cancelled.as_str().to_string());
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

pub async fn set_route(
    db: &impl ConnectionTrait,
    s: m::Model,
    route: PaymentRoute,
    now: DateTime<Utc>,
) -> Result<m::Model> {
    let mut am: m::ActiveModel = s.into();
    am.route = Set(route.as_str().to_string());
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}
