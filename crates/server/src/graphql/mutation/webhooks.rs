//! Webhook subscriptions for partner systems (SPEC §6), managed by the programme team.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, Viewer};
use convene_domain::account::Role;
use convene_domain::ids::WebhookSubscriptionId;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::webhook::{WebhookDelivery, WebhookSubscription};
use crate::usecases::webhooks as usecase;

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
pub struct EnableWebhookSubscriptionInput {
    pub subscription_id: ID,
}
#[derive(SimpleObject)]
pub struct EnableWebhookSubscriptionPayload {
    pub subscription: WebhookSubscription,
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

fn programme_team<'c>(ctx: &Context<'c>) -> ApiResult<&'c Viewer> {
    Ok(require_role(viewer(ctx), Role::ProgrammeTeam)?)
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
        let v = programme_team(ctx)?;
        let cmd = usecase::NewSubscription {
            url: input.url,
            events: input.events,
        };
        let made = usecase::create_webhook_subscription(state(ctx), v, cmd).await?;
        Ok(CreateWebhookSubscriptionPayload {
            subscription: WebhookSubscription(made.subscription),
            secret: made.secret,
        })
    }

    /// Stop sending events to a subscription (programme team); its delivery log is kept.
    async fn delete_webhook_subscription(
        &self,
        ctx: &Context<'_>,
        input: DeleteWebhookSubscriptionInput,
    ) -> ApiResult<DeleteWebhookSubscriptionPayload> {
        let v = programme_team(ctx)?;
        let id: WebhookSubscriptionId = ids::typed("subscriptionId", &input.subscription_id)?;
        usecase::delete_webhook_subscription(state(ctx), v, id).await?;
        Ok(DeleteWebhookSubscriptionPayload {
            deleted_subscription_id: ids::id_of(id),
        })
    }

    /// Send a `webhook.test` event to one subscription now (programme team), whatever events
    /// it asked for, so a partner can check its signature verification.
    async fn send_test_webhook(
        &self,
        ctx: &Context<'_>,
        input: SendTestWebhookInput,
    ) -> ApiResult<SendTestWebhookPayload> {
        let v = programme_team(ctx)?;
        let id = ids::typed("subscriptionId", &input.subscription_id)?;
        let sent = usecase::send_test_webhook(state(ctx), v, id).await?;
        Ok(SendTestWebhookPayload {
            subscription: WebhookSubscription(sent.subscription),
            delivery: WebhookDelivery(sent.delivery),
        })
    }

    /// Enable a disabled subscription again (programme team), once its receiver is back:
    /// events are sent to it from now on.
    async fn enable_webhook_subscription(
        &self,
        ctx: &Context<'_>,
        input: EnableWebhookSubscriptionInput,
    ) -> ApiResult<EnableWebhookSubscriptionPayload> {
        let v = programme_team(ctx)?;
        let id = ids::typed("subscriptionId", &input.subscription_id)?;
        let s = usecase::enable_webhook_subscription(state(ctx), v, id).await?;
        Ok(EnableWebhookSubscriptionPayload {
            subscription: WebhookSubscription(s),
        })
    }
}
