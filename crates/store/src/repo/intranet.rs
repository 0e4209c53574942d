//! Intranet publications: one row per community, created when its definition is first agreed.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::intranet_publication as m;
use crate::Result;

pub const PENDING: &str = "PENDING";
pub const PUBLISHED: &str = "PUBLISHED";
pub const FAILED: &str = "FAILED";

pub async fn of_community(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Option<m::Model>> {
    Ok(m::Entity::find()
        .filter(m::Column::CommunityId.eq(community_id))
        .one(db)
        .await?)
}

/// Read and lock (a delivery and a new agreement never interleave).
pub async fn lock(db: &impl ConnectionTrait, community_id: Uuid) -> Result<Option<m::Model>> {
    Ok(m::Entity::find()
        .filter(m::Column::CommunityId.eq(community_id))
        .lock_exclusive()
        .one(db)
        .await?)
}

/// Mark the community's publication pending (a new version to publish), creating it if needed.
pub async fn mark_pending(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    now: DateTime<Utc>,
) -> Result<m::Model> {
    Ok(match lock(db, community_id).await? {
        Some(p) => {
            let mut am: m::ActiveModel = p.into();
            am.state = Set(PENDING.into());
            am.last_error = Set(None);
            am.updated_at = Set(now);
            am.update(db).await?
        }
        None => {
            m::ActiveModel {
                id: Set(Uuid::new_v4()),
                community_id: Set(community_id),
                content_id: Set(None),
                document_url: Set(None),
                state: Set(PENDING.into()),
                attempts: Set(0),
                last_error: Set(None),
                published_version: Set(0),
                updated_at: Set(now),
            }
            .insert(db)
            .await?
        }
    })
}

/// Record one delivery attempt's result.
pub async fn record(
    db: &impl ConnectionTrait,
    p: m::Model,
    state: &str,
    content: Option<(String, Option<String>)>,
    version: Option<i32>,
    error: Option<String>,
    now: DateTime<Utc>,
) -> Result<m::Model> {
    let attempts = p.attempts + 1;
    let mut am: m::ActiveModel = p.into();
    am.state = Set(state.into());
    am.attempts = Set(attempts);
    am.last_error = Set(error);
    if let Some((id, url)) = content {
        am.content_id = Set(Some(id));
        if url.is_some() {
            am.document_url = Set(url);
        }
    }
    if let Some(v) = version {
        am.published_version = Set(v);
    }
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

pub async fn set_place(
    db: &impl ConnectionTrait,
    c: crate::entities::community::Model,
    place: &str,
) -> Result<crate::entities::community::Model> {
    let mut am: crate::entities::community::ActiveModel = c.into();
    am.intranet_place_uri = Set(Some(place.to_string()));
    Ok(am.update(db).await?)
}
