//! The panel, conflicts, assignments, reviews, the decision and outcome notices (SPEC §2).

use chrono::{DateTime, Utc};
use convene_domain::DomainError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::entities::{
    decision, declared_conflict, outcome_notice, panel_member, review, review_assignment,
    review_score,
};
use crate::{on_unique, Result};

// ---- panel

pub async fn panel(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<panel_member::Model>> {
    Ok(panel_member::Entity::find()
        .filter(panel_member::Column::CallId.eq(call_id))
        .order_by_asc(panel_member::Column::AddedAt)
        .order_by_asc(panel_member::Column::Id)
        .all(db)
        .await?)
}

/// Add a member, or change whether they chair. A call has at most one chair: naming a new
/// chair stands the old one down.
pub async fn upsert_member(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    person_id: Uuid,
    chair: bool,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<panel_member::Model> {
    if chair {
        panel_member::Entity::update_many()
            .col_expr(
                panel_member::Column::Chair,
                sea_orm::sea_query::Expr::value(false),
            )
            .filter(panel_member::Column::CallId.eq(call_id))
            .exec(db)
            .await?;
    }
    let existing = panel_member::Entity::find()
        .filter(panel_member::Column::CallId.eq(call_id))
        .filter(panel_member::Column::PersonId.eq(person_id))
        .one(db)
        .await?;
    Ok(match existing {
        Some(m) => {
            let mut am: panel_member::ActiveModel = m.into();
            am.chair = Set(chair);
            am.update(db).await?
        }
        None => {
            panel_member::ActiveModel {
                id: Set(Uuid::new_v4()),
                call_id: Set(call_id),
                person_id: Set(person_id),
                chair: Set(chair),
                added_by: Set(Some(by)),
                added_at: Set(now),
            }
            .insert(db)
            .await?
        }
    })
}

pub async fn remove_member(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    person_id: Uuid,
) -> Result<bool> {
    let r = panel_member::Entity::delete_many()
        .filter(panel_member::Column::CallId.eq(call_id))
        .filter(panel_member::Column::PersonId.eq(person_id))
        .exec(db)
        .await?;
    Ok(r.rows_affected > 0)
}

// ---- conflicts

pub async fn declared_conflicts(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> Result<Vec<declared_conflict::Model>> {
    Ok(declared_conflict::Entity::find()
        .filter(declared_conflict::Column::CallId.eq(call_id))
        .all(db)
        .await?)
}

pub async fn declare_conflict(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    application_id: Uuid,
    person_id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<declared_conflict::Model> {
    declared_conflict::ActiveModel {
        id: Set(Uuid::new_v4()),
        call_id: Set(call_id),
        application_id: Set(application_id),
        person_id: Set(person_id),
        reason: Set(reason.to_string()),
        declared_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| {
        on_unique(e, || {
            DomainError::conflict_on(
                "applicationId",
                "You have already declared a conflict on this application",
            )
        })
    })
}

// ---- assignments

pub async fn assignments(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> Result<Vec<review_assignment::Model>> {
    Ok(review_assignment::Entity::find()
        .filter(review_assignment::Column::CallId.eq(call_id))
        .order_by_asc(review_assignment::Column::AssignedAt)
        .order_by_asc(review_assignment::Column::Id)
        .all(db)
        .await?)
}

pub async fn assignments_of_reviewer(
    db: &impl ConnectionTrait,
    reviewer: Uuid,
) -> Result<Vec<review_assignment::Model>> {
    Ok(review_assignment::Entity::find()
        .filter(review_assignment::Column::ReviewerId.eq(reviewer))
        .order_by_asc(review_assignment::Column::AssignedAt)
        .order_by_asc(review_assignment::Column::Id)
        .all(db)
        .await?)
}

pub async fn assign(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    pairs: &[(Uuid, Uuid)],
    manual: bool,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<review_assignment::Model>> {
    let mut out = Vec::new();
    for (application_id, reviewer_id) in pairs {
        let m = review_assignment::ActiveModel {
            id: Set(Uuid::new_v4()),
            call_id: Set(call_id),
            application_id: Set(*application_id),
            reviewer_id: Set(*reviewer_id),
            manual: Set(manual),
            assigned_by: Set(Some(by)),
            assigned_at: Set(now),
            reminded_at: Set(None),
        }
        .insert(db)
        .await
        .map_err(|e| {
            on_unique(e, || {
                DomainError::conflict_on(
                    "reviewerId",
                    "This reviewer is already assigned to this application",
                )
            })
        })?;
        out.push(m);
    }
    Ok(out)
}

pub async fn unassign(
    db: &impl ConnectionTrait,
    application_id: Uuid,
    reviewer_id: Uuid,
) -> Result<bool> {
    let r = review_assignment::Entity::delete_many()
        .filter(review_assignment::Column::ApplicationId.eq(application_id))
        .filter(review_assignment::Column::ReviewerId.eq(reviewer_id))
        .exec(db)
        .await?;
    Ok(r.rows_affected > 0)
}

pub async fn mark_reminded(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    review_assignment::Entity::update_many()
        .col_expr(
            review_assignment::Column::RemindedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(review_assignment::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

// ---- reviews

/// Reviews of a call with their scores.
pub async fn reviews_of_call(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> Result<Vec<(review::Model, Vec<review_score::Model>)>> {
    let reviews = review::Entity::find()
        .filter(review::Column::CallId.eq(call_id))
        .order_by_asc(review::Column::SubmittedAt)
        .all(db)
        .await?;
    attach_scores(db, reviews).await
}

/// Reviews of many applications (with scores), in one pair of statements.
pub async fn reviews_of_applications(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<(review::Model, Vec<review_score::Model>)>>> {
    let mut out: HashMap<Uuid, Vec<_>> = ids.iter().map(|i| (*i, Vec::new())).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    let reviews = review::Entity::find()
        .filter(review::Column::ApplicationId.is_in(ids.iter().copied()))
        .order_by_asc(review::Column::SubmittedAt)
        .all(db)
        .await?;
    for (r, s) in attach_scores(db, reviews).await? {
        out.entry(r.application_id).or_default().push((r, s));
    }
    Ok(out)
}

async fn attach_scores(
    db: &impl ConnectionTrait,
    reviews: Vec<review::Model>,
) -> Result<Vec<(review::Model, Vec<review_score::Model>)>> {
    let ids: Vec<Uuid> = reviews.iter().map(|r| r.id).collect();
    let mut scores: HashMap<Uuid, Vec<review_score::Model>> = HashMap::new();
    if !ids.is_empty() {
        for s in review_score::Entity::find()
            .filter(review_score::Column::ReviewId.is_in(ids))
            .all(db)
            .await?
        {
            scores.entry(s.review_id).or_default().push(s);
        }
    }
    Ok(reviews
        .into_iter()
        .map(|r| {
            let s = scores.remove(&r.id).unwrap_or_default();
            (r, s)
        })
        .collect())
}

/// Save (or replace) a reviewer's review of an application.
pub async fn save_review(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    application_id: Uuid,
    reviewer_id: Uuid,
    scores: &[(Uuid, i32, String)],
    now: DateTime<Utc>,
) -> Result<review::Model> {
    let existing = review::Entity::find()
        .filter(review::Column::ApplicationId.eq(application_id))
        .filter(review::Column::ReviewerId.eq(reviewer_id))
        .one(db)
        .await?;
    let model = match existing {
        Some(r) => {
            review_score::Entity::delete_many()
                .filter(review_score::Column::ReviewId.eq(r.id))
                .exec(db)
                .await?;
            let mut am: review::ActiveModel = r.into();
            am.updated_at = Set(now);
            am.update(db).await?
        }
        None => {
            review::ActiveModel {
                id: Set(Uuid::new_v4()),
                call_id: Set(call_id),
                application_id: Set(application_id),
                reviewer_id: Set(reviewer_id),
                submitted_at: Set(now),
                updated_at: Set(now),
            }
            .insert(db)
            .await?
        }
    };
    let rows = scores
        .iter()
        .map(|(c, s, comment)| review_score::ActiveModel {
            id: Set(Uuid::new_v4()),
            review_id: Set(model.id),
            criterion_id: Set(*c),
            score: Set(*s),
            comment: Set(comment.clone()),
        });
    review_score::Entity::insert_many(rows).exec(db).await?;
    Ok(model)
}

// ---- decision

pub async fn decision(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Option<decision::Model>> {
    Ok(decision::Entity::find()
        .filter(decision::Column::CallId.eq(call_id))
        .one(db)
        .await?)
}

pub async fn record_decision(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    chair: Uuid,
    rationale: &str,
    funded: &[Uuid],
    now: DateTime<Utc>,
) -> Result<decision::Model> {
    decision::ActiveModel {
        id: Set(Uuid::new_v4()),
        call_id: Set(call_id),
        chair_id: Set(chair),
        rationale: Set(rationale.to_string()),
        funded: Set(serde_json::to_string(funded).expect("ids serialise")),
        decided_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| {
        on_unique(e, || {
            DomainError::invalid_state("The decision on this call has already been recorded")
        })
    })
}

pub fn funded_ids(d: &decision::Model) -> Vec<Uuid> {
    serde_json::from_str(&d.funded).unwrap_or_default()
}

// ---- outcome notices

pub async fn notices(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> Result<Vec<outcome_notice::Model>> {
    Ok(outcome_notice::Entity::find()
        .filter(outcome_notice::Column::CallId.eq(call_id))
        .all(db)
        .await?)
}

pub async fn record_notice(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    application_id: Uuid,
    person_id: Option<Uuid>,
    email: &str,
    outcome: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    outcome_notice::ActiveModel {
        id: Set(Uuid::new_v4()),
        call_id: Set(call_id),
        application_id: Set(application_id),
        person_id: Set(person_id),
        email: Set(email.to_string()),
        outcome: Set(outcome.to_string()),
        sent_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Which of these applications have had an outcome notice sent to anyone.
pub async fn told_applications(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<std::collections::HashSet<Uuid>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(outcome_notice::Entity::find()
        .filter(outcome_notice::Column::ApplicationId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|n| n.application_id)
        .collect())
}

/// The panels a person sits on.
pub async fn memberships_of(
    db: &impl ConnectionTrait,
    person: Uuid,
) -> Result<Vec<panel_member::Model>> {
    Ok(panel_member::Entity::find()
        .filter(panel_member::Column::PersonId.eq(person))
        .order_by_desc(panel_member::Column::AddedAt)
        .all(db)
        .await?)
}
