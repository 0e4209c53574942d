//! Service clients of partner systems (SPEC §6).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::service_client as sc;
use crate::{on_unique, Page, Result};

pub struct NewClient<'a> {
    pub client_id: &'a str,
    pub name: &'a str,
    pub organisation_id: Uuid,
    pub scopes: &'a str,
    pub secret_hash: &'a str,
    pub created_by: Uuid,
}

pub async fn create(
    db: &impl ConnectionTrait,
    n: NewClient<'_>,
    now: DateTime<Utc>,
) -> Result<sc::Model> {
    sc::ActiveModel {
        id: Set(Uuid::new_v4()),
        client_id: Set(n.client_id.to_string()),
        name: Set(n.name.to_string()),
        organisation_id: Set(n.organisation_id),
        scopes: Set(n.scopes.to_string()),
        secret_hash: Set(n.secret_hash.to_string()),
        created_by: Set(n.created_by),
        created_at: Set(now),
        revoked_at: Set(None),
        last_token_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| on_unique(e, || convene_domain::DomainError::conflict("Try again")))
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<sc::Model>> {
    Ok(sc::Entity::find_by_id(id).one(db).await?)
}

pub async fn by_client_id(db: &impl ConnectionTrait, client_id: &str) -> Result<Option<sc::Model>> {
    Ok(sc::Entity::find()
        .filter(sc::Column::ClientId.eq(client_id))
        .one(db)
        .await?)
}

pub async fn list(db: &impl ConnectionTrait, page: Page) -> Result<(Vec<sc::Model>, u64)> {
    let q = sc::Entity::find();
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(sc::Column::CreatedAt)
        .order_by_asc(sc::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

pub async fn revoke(
    db: &impl ConnectionTrait,
    c: sc::Model,
    now: DateTime<Utc>,
) -> Result<sc::Model> {
    let mut am: sc::ActiveModel = c.into();
    am.revoked_at = Set(Some(now));
    Ok(am.update(db).await?)
}

pub async fn token_issued(
    db: &impl ConnectionTrait,
    c: sc::Model,
    now: DateTime<Utc>,
) -> Result<sc::Model> {
    let mut am: sc::ActiveModel = c.into();
    am.last_token_at = Set(Some(now));
    Ok(am.update(db).await?)
}
