//! One-time account tokens (verification, password reset, e-mail change, sign-in codes): only
//! their SHA-256 is stored, and spending one is a conditional update, so it works once even
//! when two requests race.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::account_token;
use crate::Result;

pub struct NewToken<'a> {
    pub person_id: Uuid,
    pub purpose: &'a str,
    pub token_hash: String,
    pub new_email: Option<String>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    t: NewToken<'_>,
    now: DateTime<Utc>,
) -> Result<account_token::Model> {
    Ok(account_token::ActiveModel {
        id: Set(Uuid::new_v4()),
        person_id: Set(t.person_id),
        purpose: Set(t.purpose.to_string()),
        token_hash: Set(t.token_hash),
        new_email: Set(t.new_email),
        created_at: Set(now),
        expires_at: Set(t.expires_at),
        used_at: Set(None),
    }
    .insert(db)
    .await?)
}

/// The token with this hash, issued for `purpose`.
pub async fn find(
    db: &impl ConnectionTrait,
    purpose: &str,
    token_hash: &str,
) -> Result<Option<account_token::Model>> {
    Ok(account_token::Entity::find()
        .filter(account_token::Column::TokenHash.eq(token_hash))
        .filter(account_token::Column::Purpose.eq(purpose))
        .one(db)
        .await?)
}

/// Spend a token; false when somebody spent it first.
pub async fn spend(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> Result<bool> {
    let r = account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::Id.eq(id))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Spend every unspent token of a person for `purpose` (a newer one, or the thing it was for,
/// has happened).
pub async fn spend_all(
    db: &impl ConnectionTrait,
    person_id: Uuid,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<u64> {
    let r = account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::PersonId.eq(person_id))
        .filter(account_token::Column::Purpose.eq(purpose))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected)
}

/// When tokens for `purpose` were sent to a person since `since`, the latest first.
pub async fn sent_since(
    db: &impl ConnectionTrait,
    person_id: Uuid,
    purpose: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>> {
    Ok(account_token::Entity::find()
        .select_only()
        .column(account_token::Column::CreatedAt)
        .filter(account_token::Column::PersonId.eq(person_id))
        .filter(account_token::Column::Purpose.eq(purpose))
        .filter(account_token::Column::CreatedAt.gt(since))
        .order_by_desc(account_token::Column::CreatedAt)
        .into_tuple()
        .all(db)
        .await?)
}
