//! A person's notifications (SPEC §6).

use async_graphql::{Context, Object, ID};
use chrono::{DateTime, Utc};
use convene_store::entities::notification as m;

use super::connection::connection;
use crate::graphql::context::state;
use crate::graphql::ids;

#[derive(Clone)]
pub struct Notification(pub m::Model);

connection!(NotificationConnection, NotificationEdge, Notification);

/// Something that happened that the viewer should know about.
#[Object]
impl Notification {
    pub async fn id(&self) -> ID {
        ids::encode("Notification", self.0.id)
    }
    /// CO_LEAD_INVITATION, REVIEW_ASSIGNED, OUTCOME_SENT, COMMUNITY_INVITATION,
    /// MEETING_SCHEDULED, CHALLENGE_REPLY or MEMBER_REMOVED.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// What happened, in a sentence.
    async fn message(&self) -> &str {
        &self.0.title
    }
    /// Where to go in the SPA.
    async fn link(&self, ctx: &Context<'_>) -> String {
        crate::links::shown(&state(ctx).config.jwt_secret, &self.0.link)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn read(&self) -> bool {
        self.0.read_at.is_some()
    }
    async fn read_at(&self) -> Option<DateTime<Utc>> {
        self.0.read_at
    }
}
