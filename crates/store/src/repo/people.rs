use chrono::{DateTime, Utc};
use convene_domain::account::{Email, PersonName, Role};
use convene_domain::DomainError;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use super::like_pattern;
use crate::entities::{person, role_grant};
use crate::{on_unique, Page, Result};

pub struct NewPerson<'a> {
    pub email: &'a Email,
    pub name: &'a PersonName,
    pub profession: Option<String>,
    pub organisation_id: Uuid,
    pub password_hash: String,
}

pub async fn create(
    db: &impl ConnectionTrait,
    p: NewPerson<'_>,
    now: DateTime<Utc>,
) -> Result<person::Model> {
    person::ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(p.email.as_str().to_string()),
        name: Set(p.name.as_str().to_string()),
        profession: Set(p.profession),
        organisation_id: Set(p.organisation_id),
        password_hash: Set(p.password_hash),
        created_at: Set(now),
        calendar_feed_version: Set(0),
        deleted_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| {
        on_unique(e, || {
            DomainError::conflict_on(
                "email",
                "An account with this email address already exists: sign in instead",
            )
        })
    })
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<person::Model>> {
    Ok(person::Entity::find_by_id(id).one(db).await?)
}

pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<person::Model>> {
    Ok(person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(db)
        .await?)
}

/// Roles of many people in one statement.
pub async fn roles_of(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<HashMap<Uuid, Vec<Role>>> {
    let mut out: HashMap<Uuid, Vec<Role>> = ids.iter().map(|id| (*id, Vec::new())).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = role_grant::Entity::find()
        .filter(role_grant::Column::PersonId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    for r in rows {
        if let Some(role) = Role::from_str(&r.role) {
            out.entry(r.person_id).or_default().push(role);
        }
    }
    for v in out.values_mut() {
        v.sort();
    }
    Ok(out)
}

/// Grant a role; granting one already held changes nothing and returns false.
pub async fn grant_role(
    db: &impl ConnectionTrait,
    person_id: Uuid,
    role: Role,
    by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let exists = role_grant::Entity::find()
        .filter(role_grant::Column::PersonId.eq(person_id))
        .filter(role_grant::Column::Role.eq(role.as_str()))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(false);
    }
    role_grant::ActiveModel {
        id: Set(Uuid::new_v4()),
        person_id: Set(person_id),
        role: Set(role.as_str().to_string()),
        granted_by: Set(by),
        granted_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(true)
}

pub async fn revoke_role(db: &impl ConnectionTrait, person_id: Uuid, role: Role) -> Result<bool> {
    let r = role_grant::Entity::delete_many()
        .filter(role_grant::Column::PersonId.eq(person_id))
        .filter(role_grant::Column::Role.eq(role.as_str()))
        .exec(db)
        .await?;
    Ok(r.rows_affected > 0)
}

pub async fn count_with_role(db: &impl ConnectionTrait, role: Role) -> Result<u64> {
    Ok(role_grant::Entity::find()
        .filter(role_grant::Column::Role.eq(role.as_str()))
        .count(db)
        .await?)
}

pub async fn list(
    db: &impl ConnectionTrait,
    search: Option<&str>,
    page: Page,
) -> Result<(Vec<person::Model>, u64)> {
    let mut q = person::Entity::find();
    if let Some(s) = search.filter(|s| !s.trim().is_empty()) {
        let p = like_pattern(s);
        q = q.filter(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(person::Column::Name))).like(p.clone()))
                .add(person::Column::Email.like(p)),
        );
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(person::Column::Name)
        .order_by_asc(person::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}
