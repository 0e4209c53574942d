//! Counting invitations (co-lead and community ones together), so that the caps of
//! `convene_domain::identity` can be applied: invitations cannot be used to send spam.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::{community_invitation as ci, participant};
use crate::Result;

/// Invitations `person` has sent since `since`.
pub async fn sent_by_since(
    db: &impl ConnectionTrait,
    person: Uuid,
    since: DateTime<Utc>,
) -> Result<u64> {
    let co_leads = participant::Entity::find()
        .filter(participant::Column::InvitedBy.eq(person))
        .filter(participant::Column::IsLead.eq(false))
        .filter(participant::Column::InvitedAt.gt(since))
        .count(db)
        .await?;
    let members = ci::Entity::find()
        .filter(ci::Column::InvitedBy.eq(person))
        .filter(ci::Column::SentAt.gt(since))
        .count(db)
        .await?;
    Ok(co_leads + members)
}

/// Invitations a community has sent since `since`.
pub async fn sent_in_community_since(
    db: &impl ConnectionTrait,
    community: Uuid,
    since: DateTime<Utc>,
) -> Result<u64> {
    Ok(ci::Entity::find()
        .filter(ci::Column::CommunityId.eq(community))
        .filter(ci::Column::SentAt.gt(since))
        .count(db)
        .await?)
}

/// Whether an unanswered invitation to `email`, sent after `since`, waits in the community.
pub async fn pending_for(
    db: &impl ConnectionTrait,
    community: Uuid,
    email: &str,
    since: DateTime<Utc>,
) -> Result<bool> {
    Ok(ci::Entity::find()
        .filter(ci::Column::CommunityId.eq(community))
        .filter(ci::Column::Email.eq(email))
        .filter(ci::Column::Accepted.is_null())
        .filter(ci::Column::SentAt.gt(since))
        .count(db)
        .await?
        > 0)
}
