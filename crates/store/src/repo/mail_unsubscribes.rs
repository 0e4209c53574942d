//! Addresses that unsubscribed from a list of mail with one click (RFC 8058).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::mail_unsubscribe as mu;
use crate::Result;

/// Note that `email` wants no more mail of `list` (again is no change).
pub async fn add(
    db: &impl ConnectionTrait,
    email: &str,
    list: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    match mu::Entity::insert(mu::ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(email.to_string()),
        list: Set(list.to_string()),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([mu::Column::Email, mu::Column::List])
            .do_nothing()
            .to_owned(),
    )
    .exec(db)
    .await
    {
        Ok(_) | Err(sea_orm::DbErr::RecordNotInserted) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

pub async fn is_unsubscribed(db: &impl ConnectionTrait, email: &str, list: &str) -> Result<bool> {
    Ok(mu::Entity::find()
        .filter(mu::Column::Email.eq(email))
        .filter(mu::Column::List.eq(list))
        .count(db)
        .await?
        > 0)
}
