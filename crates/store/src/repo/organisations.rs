use chrono::{DateTime, NaiveDate, Utc};
use convene_domain::organisation::{OrganisationFacts, Sector};
use convene_domain::DomainError;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::{like_pattern, name_key};
use crate::entities::{membership_change, organisation};
use crate::{on_unique, Page, Result};

pub fn facts(o: &organisation::Model) -> OrganisationFacts {
    OrganisationFacts {
        sector: Sector::from_str(&o.sector).unwrap_or(Sector::Network),
        nhs_member: o.nhs_member,
    }
}

pub async fn create(
    db: &impl ConnectionTrait,
    name: &str,
    sector: Sector,
    nhs_member: bool,
    actor: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<organisation::Model> {
    let on = now.date_naive();
    create_imported(db, (name, sector, nhs_member, on), actor, now).await
}

/// Add an organisation whose NHS membership changed on `on` (an import may give the day).
pub async fn create_imported(
    db: &impl ConnectionTrait,
    row: (&str, Sector, bool, NaiveDate),
    actor: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<organisation::Model> {
    let (name, sector, nhs_member, on) = row;
    let id = Uuid::new_v4();
    let model = organisation::ActiveModel {
        id: Set(id),
        name: Set(name.to_string()),
        name_key: Set(name_key(name)),
        sector: Set(sector.as_str().to_string()),
        nhs_member: Set(nhs_member),
        nhs_member_changed_on: Set(Some(on)),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| {
        on_unique(e, || {
            DomainError::conflict_on("name", "An organisation with this name already exists")
        })
    })?;
    record_membership(db, id, nhs_member, on, actor, now).await?;
    Ok(model)
}

async fn record_membership(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    nhs_member: bool,
    on: NaiveDate,
    actor: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<()> {
    membership_change::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(organisation_id),
        nhs_member: Set(nhs_member),
        changed_on: Set(on),
        changed_by: Set(actor),
        recorded_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Change the "current NHS member of the network" flag, keeping its history.
pub async fn set_nhs_member(
    db: &impl ConnectionTrait,
    org: organisation::Model,
    nhs_member: bool,
    actor: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<organisation::Model> {
    if org.nhs_member == nhs_member {
        return Ok(org);
    }
    let id = org.id;
    let mut am: organisation::ActiveModel = org.into();
    am.nhs_member = Set(nhs_member);
    am.nhs_member_changed_on = Set(Some(now.date_naive()));
    let updated = am.update(db).await?;
    record_membership(db, id, nhs_member, now.date_naive(), actor, now).await?;
    Ok(updated)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<organisation::Model>> {
    Ok(organisation::Entity::find_by_id(id).one(db).await?)
}

pub async fn history(db: &impl ConnectionTrait, id: Uuid) -> Result<Vec<membership_change::Model>> {
    Ok(membership_change::Entity::find()
        .filter(membership_change::Column::OrganisationId.eq(id))
        .order_by_asc(membership_change::Column::RecordedAt)
        .all(db)
        .await?)
}

pub async fn list(
    db: &impl ConnectionTrait,
    search: Option<&str>,
    page: Page,
) -> Result<(Vec<organisation::Model>, u64)> {
    let mut q = organisation::Entity::find();
    if let Some(s) = search.filter(|s| !s.trim().is_empty()) {
        q = q.filter(
            Expr::expr(Func::lower(Expr::col(organisation::Column::Name))).like(like_pattern(s)),
        );
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(organisation::Column::NameKey)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// The organisations with these names, compared as names are kept unique (any case, spaces
/// trimmed and collapsed).
pub async fn by_names(
    db: &impl ConnectionTrait,
    names: &[String],
) -> Result<Vec<organisation::Model>> {
    let keys: Vec<String> = names.iter().map(|n| name_key(n)).collect();
    let mut found = Vec::new();
    for chunk in keys.chunks(500) {
        found.extend(
            organisation::Entity::find()
                .filter(organisation::Column::NameKey.is_in(chunk.iter().cloned()))
                .all(db)
                .await?,
        );
    }
    Ok(found)
}

/// Change an organisation's sector and NHS membership from an import, keeping the membership's
/// history (`changed_on` is the day membership last changed).
pub async fn update_imported(
    db: &impl ConnectionTrait,
    org: organisation::Model,
    row: (Sector, bool, Option<NaiveDate>),
    actor: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<organisation::Model> {
    let (sector, nhs_member, changed_on) = row;
    let member_changes = org.nhs_member != nhs_member;
    let id = org.id;
    let mut am: organisation::ActiveModel = org.into();
    am.sector = Set(sector.as_str().to_string());
    am.nhs_member = Set(nhs_member);
    am.nhs_member_changed_on = Set(changed_on);
    let updated = am.update(db).await?;
    if member_changes {
        let on = changed_on.unwrap_or(now.date_naive());
        record_membership(db, id, nhs_member, on, actor, now).await?;
    }
    Ok(updated)
}
