use chrono::{DateTime, NaiveDate, Utc};
use convene_domain::call::{
    CallStatus, CallWindow, HonorariumPolicy, NewCall, NewCriterion, RankBy, Reminder,
};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::entities::{application, call, criterion, reminder_sent, review};
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
        reviews_due_on: Set(None),
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
    insert_criteria(db, id, &new.criteria).await?;
    super::questions::replace_for_call(db, id, &new.questions).await?;
    Ok(model)
}

async fn insert_criteria(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    criteria: &[NewCriterion],
) -> Result<()> {
    if criteria.is_empty() {
        return Ok(());
    }
    let rows = criteria
        .iter()
        .enumerate()
        .map(|(i, c)| criterion::ActiveModel {
            id: Set(Uuid::new_v4()),
            call_id: Set(call_id),
            position: Set(i as i32),
            name: Set(c.name.clone()),
            weight: Set(c.weight as i32),
        });
    criterion::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// Write an edited call (`updateCall`); its criteria are replaced only when `criteria` says so
/// (before any review, so no score points at them).
pub async fn update(
    db: &impl ConnectionTrait,
    before: call::Model,
    new: &NewCall,
    reviews_due_on: Option<NaiveDate>,
    criteria: bool,
    now: DateTime<Utc>,
) -> Result<call::Model> {
    let id = before.id;
    let mut am: call::ActiveModel = before.into();
    am.title = Set(new.title.clone());
    am.description = Set(new.description.clone());
    am.opens_at = Set(new.opens_at);
    am.closes_at = Set(new.closes_at);
    am.decision_due_on = Set(new.decision_due_on);
    am.reviews_due_on = Set(reviews_due_on);
    am.funded_places = Set(new.funded_places as i32);
    am.honorarium_pence = Set(new.honorarium.get());
    am.updated_at = Set(now);
    let after = am.update(db).await?;
    if criteria {
        criterion::Entity::delete_many()
            .filter(criterion::Column::CallId.eq(id))
            .exec(db)
            .await?;
        insert_criteria(db, id, &new.criteria).await?;
    }
    Ok(after)
}

/// Set (or clear) the date reviews are due.
pub async fn set_reviews_due_on(
    db: &impl ConnectionTrait,
    c: call::Model,
    due: Option<NaiveDate>,
) -> Result<call::Model> {
    let mut am: call::ActiveModel = c.into();
    am.reviews_due_on = Set(due);
    Ok(am.update(db).await?)
}

/// Whether anyone has started an application to the call (withdrawn ones included).
pub async fn has_applications(db: &impl ConnectionTrait, call_id: Uuid) -> Result<bool> {
    Ok(application::Entity::find()
        .filter(application::Column::CallId.eq(call_id))
        .count(db)
        .await?
        > 0)
}

/// Whether any review of the call's applications has been submitted.
pub async fn has_reviews(db: &impl ConnectionTrait, call_id: Uuid) -> Result<bool> {
    Ok(review::Entity::find()
        .filter(review::Column::CallId.eq(call_id))
        .count(db)
        .await?
        > 0)
}

/// Published calls with a review or decision due date from `from` to `to` (the clock's work).
pub async fn with_dates_due(
    db: &impl ConnectionTrait,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<call::Model>> {
    let decided =
        [CallStatus::Draft, CallStatus::Decided, CallStatus::Archived].map(|s| s.as_str());
    Ok(call::Entity::find()
        .filter(call::Column::Status.is_not_in(decided))
        .filter(
            Condition::any()
                .add(call::Column::ReviewsDueOn.between(from, to))
                .add(call::Column::DecisionDueOn.between(from, to)),
        )
        .order_by_asc(call::Column::Id)
        .all(db)
        .await?)
}

/// Note a reminder as sent; false when it already was (by this replica or another: the
/// unique row decides, in the transaction that queues the mail).
pub async fn record_reminder(
    db: &impl ConnectionTrait,
    kind: Reminder,
    call_id: Uuid,
    person_id: Uuid,
    due_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<bool> {
    use reminder_sent::Column as C;
    let row = reminder_sent::ActiveModel {
        id: Set(Uuid::new_v4()),
        kind: Set(kind.as_str().to_string()),
        call_id: Set(call_id),
        person_id: Set(person_id),
        due_on: Set(due_on),
        sent_at: Set(now),
    };
    let inserted = reminder_sent::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([C::Kind, C::CallId, C::PersonId, C::DueOn])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
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
