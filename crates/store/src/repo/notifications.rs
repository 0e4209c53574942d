//! People's notifications (SPEC §6): written in the transaction of what they announce.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};
use uuid::Uuid;

use crate::entities::notification as n;
use crate::paging::{by_key, Key, KeyValue, Paged, Sort, Window};
use crate::{Page, Result};

/// The PostgreSQL channel every replica listens on.
pub const CHANNEL: &str = "convene_notifications";

/// Record a notification; on PostgreSQL also `pg_notify`, which is delivered to listeners only
/// if (and when) the transaction commits.
pub async fn add(
    db: &impl ConnectionTrait,
    person: Uuid,
    kind: &str,
    title: &str,
    link: &str,
    now: DateTime<Utc>,
) -> Result<n::Model> {
    let row = n::ActiveModel {
        id: Set(Uuid::new_v4()),
        person_id: Set(person),
        kind: Set(kind.to_string()),
        title: Set(title.to_string()),
        link: Set(link.to_string()),
        created_at: Set(now),
        read_at: Set(None),
    }
    .insert(db)
    .await?;
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.query_one_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_notify($1, $2)",
            [CHANNEL.into(), row.id.to_string().into()],
        ))
        .await?;
    }
    Ok(row)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<n::Model>> {
    Ok(n::Entity::find_by_id(id).one(db).await?)
}

/// A person's notifications, newest first.
fn of_person_query(person: Uuid, unread_only: bool) -> sea_orm::Select<n::Entity> {
    let q = n::Entity::find().filter(n::Column::PersonId.eq(person));
    if unread_only {
        q.filter(n::Column::ReadAt.is_null())
    } else {
        q
    }
}

/// A page of a person's notifications, newest first, by keyset.
pub async fn page_of_person(
    db: &impl ConnectionTrait,
    person: Uuid,
    unread_only: bool,
    window: &Window,
) -> Result<Paged<n::Model>> {
    let sort = Sort::<n::Entity> {
        column: n::Column::CreatedAt,
        id: n::Column::Id,
        descending: true,
        key: |r| Key {
            value: KeyValue::Time(r.created_at),
            id: r.id,
        },
    };
    by_key(db, of_person_query(person, unread_only), &sort, window).await
}

pub async fn of_person(
    db: &impl ConnectionTrait,
    person: Uuid,
    unread_only: bool,
    page: Page,
) -> Result<(Vec<n::Model>, u64)> {
    let q = of_person_query(person, unread_only);
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(n::Column::CreatedAt)
        .order_by_desc(n::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Mark these of the person's notifications read (others' ids are ignored); how many changed.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    person: Uuid,
    ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<u64> {
    let r = n::Entity::update_many()
        .col_expr(n::Column::ReadAt, Expr::value(now))
        .filter(n::Column::PersonId.eq(person))
        .filter(n::Column::Id.is_in(ids.iter().copied()))
        .filter(n::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected)
}

/// Notifications made at or after `since`, oldest first (for replicas that poll: SQLite).
pub async fn since(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<n::Model>> {
    Ok(n::Entity::find()
        .filter(n::Column::CreatedAt.gte(since))
        .order_by_asc(n::Column::CreatedAt)
        .order_by_asc(n::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Notifications whose link starts with `prefix`.
pub async fn linking_to(
    db: &impl ConnectionTrait,
    prefix: &str,
    limit: u64,
) -> Result<Vec<n::Model>> {
    Ok(n::Entity::find()
        .filter(n::Column::Link.starts_with(prefix))
        .order_by_asc(n::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?)
}

/// Store a notification's link anew, if it is still `was`.
pub async fn replace_link(
    db: &impl ConnectionTrait,
    id: Uuid,
    was: &str,
    link: &str,
) -> Result<bool> {
    use n::Column as C;
    super::replace_if_unchanged::<n::Entity>(db, C::Id, id, C::Link, was, link).await
}
