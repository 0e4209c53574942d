use chrono::{DateTime, Utc};
use convene_domain::call::{CallStatus, CallWindow, HonorariumPolicy, NewCall, RankBy};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::entities::{call, criterion};
use crate::{Page, Result};

pub fn window(c: &call::Model) -> CallWindow {
    CallWindow {
        status: status(c),
        opens_at: c.opens_at,
        closes_at: c.closes_at,
    }
}

pub fn status(c: &call::Model) -> CallStatus {
    CallStatus::from_str(&c.status).unwrap_or(CallStatus::Draft)
}

pub async fn create(
    db: &impl ConnectionTrait,
    new: &NewCall,
    policy: HonorariumPolicy,
    rank_by: RankBy,
    status: CallStatus,
    actor: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<call::Model> {
    let id = Uuid::new_v4();
    let model = call::ActiveModel {
        id: Set(id),
        title: Set(new.title.clone()),
        description: Set(new.description.clone()),
        opens_at: Set(new.opens_at),
        closes_at: Set(new.closes_at),
        decision_due_on: Set(new.decision_due_on),
        funded_places: Set(new.funded_places as i32),
        honorarium_pence: Set(new.honorarium.get()),
        honorarium_policy: Set(policy.as_str().to_string()),
        reviewers_per_application: Set(new.reviewers_per_application as i32),
        rank_by: Set(rank_by.as_str().to_string()),
        status: Set(status.as_str().to_string()),
        created_by: Set(actor),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    if !new.criteria.is_empty() {
        let rows = new
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| criterion::ActiveModel {
                id: Set(Uuid::new_v4()),
                call_id: Set(id),
                position: Set(i as i32),
                name: Set(c.name.clone()),
                weight: Set(c.weight as i32),
            });
        criterion::Entity::insert_many(rows).exec(db).await?;
    }
    super::questions::replace_for_call(db, id, &new.questions).await?;
    Ok(model)
}

/// Read a call and lock its row until the transaction ends (PostgreSQL `FOR UPDATE`; on SQLite
/// the `BEGIN IMMEDIATE` write transaction already serialises writers). Changes that depend on
/// the whole of a call's selection take this lock first, so two of them never interleave.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<call::Model>> {
    Ok(call::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<call::Model>> {
    Ok(call::Entity::find_by_id(id).one(db).await?)
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    c: call::Model,
    status: CallStatus,
    now: DateTime<Utc>,
) -> Result<call::Model> {
    let mut am: call::ActiveModel = c.into();
    am.status = Set(status.as_str().to_string());
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

/// Criteria of many calls in one statement, each call's in rubric order.
pub async fn criteria_of(
    db: &impl ConnectionTrait,
    call_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<criterion::Model>>> {
    let mut out: HashMap<Uuid, Vec<criterion::Model>> =
        call_ids.iter().map(|id| (*id, Vec::new())).collect();
    if call_ids.is_empty() {
        return Ok(out);
    }
    let rows = criterion::Entity::find()
        .filter(criterion::Column::CallId.is_in(call_ids.iter().copied()))
        .order_by_asc(criterion::Column::Position)
        .all(db)
        .await?;
    for r in rows {
        out.entry(r.call_id).or_default().push(r);
    }
    Ok(out)
}

/// Calls, newest opening first, filtered on the status people see at `now` (an open call past
/// its closing time counts as closed).
pub async fn list(
    db: &impl ConnectionTrait,
    status: Option<CallStatus>,
    hide_drafts: bool,
    now: DateTime<Utc>,
    page: Page,
) -> Result<(Vec<call::Model>, u64)> {
    let open = CallStatus::Open.as_str();
    let mut q = call::Entity::find();
    q = match status {
        None => q,
        Some(CallStatus::Open) => q
            .filter(call::Column::Status.eq(open))
            .filter(call::Column::ClosesAt.gt(now)),
        Some(CallStatus::Closed) => q.filter(
            Condition::any()
                .add(call::Column::Status.eq(CallStatus::Closed.as_str()))
                .add(
                    Condition::all()
                        .add(call::Column::Status.eq(open))
                        .add(call::Column::ClosesAt.lte(now)),
                ),
        ),
        Some(s) => q.filter(call::Column::Status.eq(s.as_str())),
    };
    if hide_drafts {
        q = q.filter(call::Column::Status.ne(CallStatus::Draft.as_str()));
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(call::Column::OpensAt)
        .order_by_asc(call::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}
