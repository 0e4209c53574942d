//! Webhook subscriptions for partner systems (SPEC §6), managed by the programme team.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_role;
use convene_domain::account::Role;
use convene_domain::webhook::parse_events;
use convene_domain::{DomainError, Fields};
use convene_store::begin_write;
use convene_store::entities::webhook_delivery;
use convene_store::repo::webhooks as repo;
use serde_json::json;

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::webhook::{WebhookDelivery, WebhookSubscription};
use crate::webhooks::{self, guard};

#[derive(Default)]
pub struct WebhookMutations;

#[derive(InputObject)]
pub struct CreateWebhookSubscriptionInput {
    /// Where to POST events: `https://…` (or `http://`), reaching a public address.
    pub url: String,
    /// Event names (`noun.verb`), e.g. `application.submitted`.
    pub events: Vec<String>,
}
#[derive(SimpleObject)]
pub struct CreateWebhookSubscriptionPayload {
    pub subscription: WebhookSubscription,
    /// The signing secret (`whsec_…`), shown this once: keep it to verify `webhook-signature`.
    pub secret: String,
}

#[derive(InputObject)]
pub struct DeleteWebhookSubscriptionInput {
    pub subscription_id: ID,
}
#[derive(SimpleObject)]
pub struct DeleteWebhookSubscriptionPayload {
    pub deleted_subscription_id: ID,
}

#[derive(InputObject)]
pub struct SendTestWebhookInput {
    pub subscription_id: ID,
}
#[derive(SimpleObject)]
pub struct SendTestWebhookPayload {
    pub subscription: WebhookSubscription,
    /// The queued `webhook.test` delivery; follow it in `subscription.deliveries`.
    pub delivery: WebhookDelivery,
}

async fn find(
    ctx: &Context<'_>,
    id: &ID,
) -> ApiResult<convene_store::entities::webhook_subscription::Model> {
    let uuid = ids::decode("subscriptionId", "WebhookSubscription", id)?;
    repo::get(&state(ctx).db, uuid)
        .await?
        .ok_or_else(|| ApiError::not_found("The webhook subscription"))
}

#[Object]
impl WebhookMutations {
    /// Subscribe a partner system to events (programme team). The URL must reach a public
    /// address unless the server's `CONVENE_OUTBOUND_ALLOW` allows it.
    async fn create_webhook_subscription(
        &self,
        ctx: &Context<'_>,
        input: CreateWebhookSubscriptionInput,
    ) -> ApiResult<CreateWebhookSubscriptionPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let mut f = Fields::new();
        let events = f.take(parse_events("events", &input.events));
        let url = match guard::check(&input.url, &st.config.outbound_allow).await {
            Ok(t) => Some(t.url.to_string()),
            Err(e) => {
                f.absorb(DomainError::field("url", e.to_string()));
                None
            }
        };
        f.finish()?;
        let (url, events) = (url.unwrap(), events.unwrap());
        let secret = webhooks::new_secret();
        let now = now();
        let tx = begin_write(&st.db).await?;
        let s = repo::create(&tx, &url, &events, &secret, Some(v.person.0), now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "WebhookSubscription",
            s.id,
            "create",
            None,
            Some(&s.audited()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(CreateWebhookSubscriptionPayload {
            subscription: WebhookSubscription(s),
            secret,
        })
    }

    /// Stop sending events to a subscription (programme team); its delivery log is kept.
    async fn delete_webhook_subscription(
        &self,
        ctx: &Context<'_>,
        input: DeleteWebhookSubscriptionInput,
    ) -> ApiResult<DeleteWebhookSubscriptionPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let s = find(ctx, &input.subscription_id).await?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let deleted = repo::delete(&tx, s.clone(), now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "WebhookSubscription",
            s.id,
            "delete",
            Some(&s.audited()),
            Some(&deleted.audited()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(DeleteWebhookSubscriptionPayload {
            deleted_subscription_id: ids::encode("WebhookSubscription", s.id),
        })
    }

    /// Send a `webhook.test` event to one subscription now (programme team), whatever events
    /// it asked for, so a partner can check its signature verification.
    async fn send_test_webhook(
        &self,
        ctx: &Context<'_>,
        input: SendTestWebhookInput,
    ) -> ApiResult<SendTestWebhookPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let s = find(ctx, &input.subscription_id).await?;
        if !s.active {
            return Err(DomainError::invalid_state(format!(
                "This subscription is disabled: {}",
                s.disabled_reason.as_deref().unwrap_or("no reason given")
            ))
            .into());
        }
        let now = now();
        let tx = begin_write(&st.db).await?;
        let data = json!({
            "subscriptionId": ids::encode("WebhookSubscription", s.id).0,
            "message": "A test event from Convene",
        });
        let id = webhooks::enqueue_for(&tx, &s, "webhook.test", &data, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "WebhookSubscription",
            s.id,
            "send_test",
            None::<&()>,
            None,
            now,
        )
        .await?;
        let delivery = convene_store::by_ids::<webhook_delivery::Entity>(&tx, &[id])
            .await?
            .pop()
            .ok_or_else(|| ApiError::internal("the queued delivery vanished"))?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(SendTestWebhookPayload {
            subscription: WebhookSubscription(s),
            delivery: WebhookDelivery(delivery),
        })
    }
}
