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
use crate::entities::{organisation_change, person, role_grant};
use crate::{on_unique, Page, Result};

pub struct NewPerson<'a> {
    pub email: &'a Email,
    pub name: &'a PersonName,
    pub profession: Option<String>,
    pub organisation_id: Uuid,
    pub password_hash: String,
    /// The address is already proven (the bootstrap admin, the demo people, a provider that
    /// vouched for it); otherwise it waits for the emailed link.
    pub verified: bool,
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
        email_verified_at: Set(p.verified.then_some(now)),
        session_generation: Set(0),
        failed_sign_ins: Set(0),
        last_failed_sign_in_at: Set(None),
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

/// The person's address is proven (a link was opened, a reset done, a provider vouched).
pub async fn mark_verified(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<()> {
    person::Entity::update_many()
        .col_expr(person::Column::EmailVerifiedAt, Expr::value(now))
        .filter(person::Column::Id.eq(id))
        .filter(person::Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// A failed sign-in to this account (from whatever address); `success` clears the count.
pub async fn note_sign_in(
    db: &impl ConnectionTrait,
    id: Uuid,
    success: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let q = person::Entity::update_many().filter(person::Column::Id.eq(id));
    let q = if success {
        q.col_expr(person::Column::FailedSignIns, Expr::value(0))
    } else {
        q.col_expr(
            person::Column::FailedSignIns,
            Expr::col(person::Column::FailedSignIns).add(1),
        )
        .col_expr(person::Column::LastFailedSignInAt, Expr::value(now))
    };
    q.exec(db).await?;
    Ok(())
}

/// A new password hash.
pub async fn set_password(db: &impl ConnectionTrait, id: Uuid, hash: String) -> Result<()> {
    person::Entity::update_many()
        .col_expr(person::Column::PasswordHash, Expr::value(hash))
        .filter(person::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The PostgreSQL channel on which every replica hears whose access tokens were ended (its
/// open sockets for that person close).
pub const SESSIONS_ENDED_CHANNEL: &str = "convene_sessions_ended";

/// Refuse every access token issued so far (the refresh tokens are revoked apart). On
/// PostgreSQL every replica is told when the transaction commits (`SESSIONS_ENDED_CHANNEL`).
pub async fn end_access_tokens(db: &impl ConnectionTrait, id: Uuid) -> Result<()> {
    person::Entity::update_many()
        .col_expr(
            person::Column::SessionGeneration,
            Expr::col(person::Column::SessionGeneration).add(1),
        )
        .filter(person::Column::Id.eq(id))
        .exec(db)
        .await?;
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        db.query_one_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT pg_notify($1, $2)",
            [SESSIONS_ENDED_CHANNEL.into(), id.to_string().into()],
        ))
        .await?;
    }
    Ok(())
}

/// A new, proven address (after `confirmEmailChange`).
pub async fn set_email(
    db: &impl ConnectionTrait,
    id: Uuid,
    email: &Email,
    now: DateTime<Utc>,
) -> Result<()> {
    person::Entity::update_many()
        .col_expr(person::Column::Email, Expr::value(email.as_str()))
        .col_expr(person::Column::EmailVerifiedAt, Expr::value(now))
        .filter(person::Column::Id.eq(id))
        .exec(db)
        .await
        .map_err(|e| {
            on_unique(e, || {
                DomainError::conflict_on("token", "Another account now uses this email address")
            })
        })?;
    Ok(())
}

/// What a person may change about themself.
pub struct Profile<'a> {
    pub name: &'a str,
    pub profession: Option<String>,
    pub organisation_id: Uuid,
}

pub async fn set_profile(db: &impl ConnectionTrait, id: Uuid, p: Profile<'_>) -> Result<()> {
    person::Entity::update_many()
        .col_expr(person::Column::Name, Expr::value(p.name))
        .col_expr(person::Column::Profession, Expr::value(p.profession))
        .col_expr(
            person::Column::OrganisationId,
            Expr::value(p.organisation_id),
        )
        .filter(person::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Keep a move between organisations.
pub async fn record_organisation_change(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: Uuid,
    to: Uuid,
    now: DateTime<Utc>,
) -> Result<()> {
    organisation_change::ActiveModel {
        id: Set(Uuid::new_v4()),
        person_id: Set(id),
        from_organisation_id: Set(from),
        to_organisation_id: Set(to),
        changed_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A person's moves between organisations, the earliest first.
pub async fn organisation_changes(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Vec<organisation_change::Model>> {
    Ok(organisation_change::Entity::find()
        .filter(organisation_change::Column::PersonId.eq(id))
        .order_by_asc(organisation_change::Column::ChangedAt)
        .all(db)
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

/// A person with their roles, in one statement (every authenticated request asks it, before
/// any field). `None` when there is no such row.
pub async fn with_roles(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<(person::Model, Vec<Role>)>> {
    struct Row {
        person: person::Model,
        role: Option<String>,
    }
    impl sea_orm::FromQueryResult for Row {
        fn from_query_result(
            res: &sea_orm::QueryResult,
            pre: &str,
        ) -> std::result::Result<Self, sea_orm::DbErr> {
            Ok(Row {
                person: person::Model::from_query_result(res, pre)?,
                role: res.try_get(pre, "granted_role")?,
            })
        }
    }
    let mut sql = super::sql::Sql::new(
        "SELECT people.*, role_grants.role AS granted_role FROM people \
         LEFT JOIN role_grants ON role_grants.person_id = people.id WHERE people.id = ?",
    );
    sql.bind("", id);
    let rows: Vec<Row> = sql.all(db).await?;
    let mut roles = Vec::new();
    let mut found = None;
    for r in rows {
        if let Some(role) = r.role.as_deref() {
            roles.push(crate::stored::<Role>("role_grants.role", role)?);
        }
        found.get_or_insert(r.person);
    }
    roles.sort();
    Ok(found.map(|p| (p, roles)))
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

/// The people who hold a role (the programme team, say), in a stable order.
pub async fn holding_role(db: &impl ConnectionTrait, role: Role) -> Result<Vec<Uuid>> {
    Ok(role_grant::Entity::find()
        .filter(role_grant::Column::Role.eq(role.as_str()))
        .order_by_asc(role_grant::Column::PersonId)
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.person_id)
        .collect())
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
