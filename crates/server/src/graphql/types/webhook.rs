//! Webhook subscriptions of partner systems and their delivery log (programme team only).

use async_graphql::{Context, Enum, Object, ID};
use chrono::{DateTime, Utc};
use convene_store::entities::{webhook_delivery as d, webhook_subscription as s};
use convene_store::repo::webhooks as repo;

use super::connection::{connection, page, page_cost};
use crate::graphql::context::state;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;

/// Where a delivery stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum WebhookDeliveryState {
    /// Not delivered yet; retried with backoff.
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// Given up: refused by the receiver (4xx, 410 Gone), unreachable or out of retries.
    Failed,
}

/// A partner system's subscription to events. Its secret is shown once, when it is created.
#[derive(Clone)]
pub struct WebhookSubscription(pub s::Model);

#[Object]
impl WebhookSubscription {
    pub async fn id(&self) -> ID {
        ids::encode("WebhookSubscription", self.0.id)
    }
    async fn url(&self) -> &str {
        &self.0.url
    }
    /// The events it receives (`noun.verb`).
    async fn events(&self) -> Vec<String> {
        self.0.event_list()
    }
    /// False once the receiver answered 410 Gone (see `disabledReason`).
    async fn active(&self) -> bool {
        self.0.active
    }
    async fn disabled_reason(&self) -> Option<&str> {
        self.0.disabled_reason.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The delivery log, newest first.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn deliveries(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> ApiResult<WebhookDeliveryConnection> {
        let p = page(first, after.as_deref(), last, before.as_deref())?;
        let (rows, total) = repo::deliveries(&state(ctx).db, self.0.id, p).await?;
        Ok(WebhookDeliveryConnection::new(
            rows.into_iter().map(WebhookDelivery).collect(),
            total,
            p,
        ))
    }
}

/// One event sent to a subscription, with the outcome of its latest attempt.
#[derive(Clone)]
pub struct WebhookDelivery(pub d::Model);

#[Object]
impl WebhookDelivery {
    pub async fn id(&self) -> ID {
        ids::encode("WebhookDelivery", self.0.id)
    }
    async fn event(&self) -> &str {
        &self.0.event
    }
    /// The `webhook-id` header of this delivery, the same on every retry.
    async fn webhook_id(&self) -> String {
        self.0.id.to_string()
    }
    async fn state(&self) -> WebhookDeliveryState {
        match self.0.state.as_str() {
            repo::DELIVERED => WebhookDeliveryState::Delivered,
            repo::FAILED => WebhookDeliveryState::Failed,
            _ => WebhookDeliveryState::Pending,
        }
    }
    /// The HTTP status of the latest attempt (null when the receiver did not answer).
    async fn status_code(&self) -> Option<i32> {
        self.0.status_code
    }
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }
    async fn delivered_at(&self) -> Option<DateTime<Utc>> {
        self.0.delivered_at
    }
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

connection!(
    WebhookSubscriptionConnection,
    WebhookSubscriptionEdge,
    WebhookSubscription
);
connection!(
    WebhookDeliveryConnection,
    WebhookDeliveryEdge,
    WebhookDelivery
);
