//! Refresh tokens: random, stored as SHA-256 hashes, rotated on use; a family shares one sign-in.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::refresh_token;
use crate::Result;

/// A refresh token to store (its hash only).
pub struct NewToken {
    pub person_id: Uuid,
    pub family_id: Uuid,
    pub token_hash: String,
    pub user_agent: Option<String>,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    t: NewToken,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<refresh_token::Model> {
    Ok(refresh_token::ActiveModel {
        id: Set(Uuid::new_v4()),
        person_id: Set(t.person_id),
        family_id: Set(t.family_id),
        token_hash: Set(t.token_hash),
        user_agent: Set(t.user_agent),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?)
}

pub async fn find_by_hash(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<refresh_token::Model>> {
    Ok(refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(token_hash))
        .one(db)
        .await?)
}

/// Spend a token; false when somebody spent it first (a concurrent reuse).
pub async fn mark_used(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<bool> {
    let r = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

pub async fn revoke_family(
    db: &impl ConnectionTrait,
    family_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64> {
    let r = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now))
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected)
}

/// End every session of a person (signing out everywhere), or every one but `keep`.
pub async fn revoke_person(
    db: &impl ConnectionTrait,
    person_id: Uuid,
    keep: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<u64> {
    let mut q = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now))
        .filter(refresh_token::Column::PersonId.eq(person_id))
        .filter(refresh_token::Column::RevokedAt.is_null());
    if let Some(k) = keep {
        q = q.filter(refresh_token::Column::FamilyId.ne(k));
    }
    Ok(q.exec(db).await?.rows_affected)
}

/// A session as its owner sees it: one sign-in and every refresh since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: Uuid,
    pub person_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
    pub user_agent: Option<String>,
}

/// A person's sessions that have not ended or expired, the most recently used first.
pub async fn live(
    db: &impl ConnectionTrait,
    person_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<Session>> {
    sessions(db, refresh_token::Column::PersonId.eq(person_id), now).await
}

/// The session `id` while it is live.
pub async fn get(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<Session>> {
    Ok(sessions(db, refresh_token::Column::FamilyId.eq(id), now)
        .await?
        .into_iter()
        .next())
}

async fn sessions(
    db: &impl ConnectionTrait,
    which: sea_orm::sea_query::SimpleExpr,
    now: DateTime<Utc>,
) -> Result<Vec<Session>> {
    use refresh_token::Column as C;
    let rows: Vec<(
        Uuid,
        Uuid,
        DateTime<Utc>,
        DateTime<Utc>,
        DateTime<Utc>,
        Option<String>,
    )> = refresh_token::Entity::find()
        .select_only()
        .column(C::FamilyId)
        .column(C::PersonId)
        .column_as(C::CreatedAt.min(), "created")
        .column_as(C::CreatedAt.max(), "last_used")
        .column_as(C::ExpiresAt.max(), "expires")
        .column_as(C::UserAgent.max(), "user_agent")
        .filter(which)
        .filter(C::RevokedAt.is_null())
        .group_by(C::FamilyId)
        .group_by(C::PersonId)
        .into_tuple()
        .all(db)
        .await?;
    let mut live: Vec<Session> = rows
        .into_iter()
        .filter(|r| r.4 > now)
        .map(
            |(id, person_id, created_at, last_used_at, _, user_agent)| Session {
                id,
                person_id,
                created_at,
                last_used_at,
                user_agent,
            },
        )
        .collect();
    live.sort_by(|a, b| b.last_used_at.cmp(&a.last_used_at).then(a.id.cmp(&b.id)));
    Ok(live)
}
