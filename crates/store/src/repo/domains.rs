use chrono::{DateTime, Utc};
use convene_domain::catalogue::DomainStatus;
use convene_domain::DomainError;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::{like_pattern, name_key};
use crate::entities::{application, domain, participant};
use crate::{on_unique, Page, Result, StoreError};

fn taken() -> DomainError {
    DomainError::conflict_on(
        "name",
        "A domain with this name already exists: choose it instead",
    )
}

pub fn status(d: &domain::Model) -> DomainStatus {
    DomainStatus::from_str(&d.status).unwrap_or(DomainStatus::Proposed)
}

pub async fn create(
    db: &impl ConnectionTrait,
    name: &str,
    description: &str,
    status: DomainStatus,
    proposed_by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<domain::Model> {
    domain::ActiveModel {
        id: Set(Uuid::new_v4()),
        name: Set(name.to_string()),
        name_key: Set(name_key(name)),
        description: Set(description.to_string()),
        status: Set(status.as_str().to_string()),
        merged_into_id: Set(None),
        proposed_by: Set(proposed_by),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| on_unique(e, taken))
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<domain::Model>> {
    Ok(domain::Entity::find_by_id(id).one(db).await?)
}

pub async fn update(
    db: &impl ConnectionTrait,
    d: domain::Model,
    name: Option<&str>,
    description: Option<&str>,
    status: Option<DomainStatus>,
) -> Result<domain::Model> {
    let mut am: domain::ActiveModel = d.into();
    if let Some(n) = name {
        am.name = Set(n.to_string());
        am.name_key = Set(name_key(n));
    }
    if let Some(d) = description {
        am.description = Set(d.to_string());
    }
    if let Some(s) = status {
        am.status = Set(s.as_str().to_string());
    }
    am.update(db).await.map_err(|e| on_unique(e, taken))
}

/// Move every application of `from` into `into` and mark `from` merged. A person who would
/// then hold two applications in one call and domain makes the merge fail as a whole.
pub async fn merge(
    db: &impl ConnectionTrait,
    from: domain::Model,
    into: Uuid,
) -> Result<domain::Model> {
    let from_id = from.id;
    application::Entity::update_many()
        .col_expr(application::Column::DomainId, Expr::value(into))
        .filter(application::Column::DomainId.eq(from_id))
        .exec(db)
        .await?;
    participant::Entity::update_many()
        .col_expr(participant::Column::DomainId, Expr::value(into))
        .filter(participant::Column::DomainId.eq(from_id))
        .exec(db)
        .await
        .map_err(|e| {
            on_unique(e, || {
                DomainError::field(
                    "intoDomainId",
                    "Someone has applications in both domains in the same call, so they cannot be merged; ask them to withdraw one first",
                )
            })
        })?;
    let mut am: domain::ActiveModel = from.into();
    am.status = Set(DomainStatus::Merged.as_str().to_string());
    am.merged_into_id = Set(Some(into));
    am.update(db).await.map_err(StoreError::from)
}

pub async fn list(
    db: &impl ConnectionTrait,
    search: Option<&str>,
    status: Option<DomainStatus>,
    page: Page,
) -> Result<(Vec<domain::Model>, u64)> {
    let mut q = domain::Entity::find();
    if let Some(s) = search.filter(|s| !s.trim().is_empty()) {
        q = q
            .filter(Expr::expr(Func::lower(Expr::col(domain::Column::Name))).like(like_pattern(s)));
    }
    if let Some(st) = status {
        q = q.filter(domain::Column::Status.eq(st.as_str()));
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(domain::Column::NameKey)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}
