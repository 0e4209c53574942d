//! Communities (SPEC §4) — the minimal part that selection needs: one made from an application,
//! with its applicants as conveners. The communities issue adds the rest.

use chrono::{DateTime, Utc};
use convene_domain::DomainError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::entities::{community, community_member};
use crate::{on_unique, Result};

pub struct NewCommunity<'a> {
    pub name: &'a str,
    pub domain_id: Uuid,
    pub origin: &'a str,
    pub application_id: Option<Uuid>,
    pub funded: bool,
    pub membership_mode: &'a str,
    pub listed: bool,
    pub created_by: Uuid,
}

pub async fn create(
    db: &impl ConnectionTrait,
    n: NewCommunity<'_>,
    conveners: &[Uuid],
    now: DateTime<Utc>,
) -> Result<community::Model> {
    let c = community::ActiveModel {
        id: Set(Uuid::new_v4()),
        name: Set(n.name.to_string()),
        domain_id: Set(n.domain_id),
        origin: Set(n.origin.to_string()),
        application_id: Set(n.application_id),
        funded: Set(n.funded),
        membership_mode: Set(n.membership_mode.to_string()),
        listed: Set(n.listed),
        stage: Set(convene_domain::community::Stage::Forming
            .as_str()
            .to_string()),
        created_by: Set(Some(n.created_by)),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| {
        on_unique(e, || {
            DomainError::conflict_on(
                "applicationId",
                "A community has already been started from this application",
            )
        })
    })?;
    for (i, p) in conveners.iter().enumerate() {
        community_member::ActiveModel {
            id: Set(Uuid::new_v4()),
            community_id: Set(c.id),
            person_id: Set(*p),
            role: Set(convene_domain::community::MemberRole::Convener
                .as_str()
                .to_string()),
            // a microsecond apart, so the listing keeps the given order (the lead first)
            joined_at: Set(now + chrono::Duration::microseconds(i as i64)),
        }
        .insert(db)
        .await?;
    }
    Ok(c)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<community::Model>> {
    Ok(community::Entity::find_by_id(id).one(db).await?)
}

pub async fn of_application(
    db: &impl ConnectionTrait,
    application_id: Uuid,
) -> Result<Option<community::Model>> {
    Ok(community::Entity::find()
        .filter(community::Column::ApplicationId.eq(application_id))
        .one(db)
        .await?)
}

pub async fn members_of(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<community_member::Model>>> {
    let mut out: HashMap<Uuid, Vec<community_member::Model>> =
        ids.iter().map(|i| (*i, Vec::new())).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    for m in community_member::Entity::find()
        .filter(community_member::Column::CommunityId.is_in(ids.iter().copied()))
        .order_by_asc(community_member::Column::JoinedAt)
        .all(db)
        .await?
    {
        out.entry(m.community_id).or_default().push(m);
    }
    Ok(out)
}
