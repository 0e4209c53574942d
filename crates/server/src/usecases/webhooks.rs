//! Webhook subscriptions for partner systems (SPEC §6), managed by the programme team.

use convene_domain::access::Viewer;
use convene_domain::ids::WebhookSubscriptionId;
use convene_domain::webhook as rules;
use convene_domain::{DomainError, Fields};
use convene_store::entities::{webhook_delivery, webhook_subscription};
use convene_store::repo::webhooks as repo;
use serde_json::json;

use super::{AppError, AppResult, Write};
use crate::secrets::{webhook_purpose, SecretKeys};
use crate::state::AppState;
use crate::webhooks::{self, guard};

/// A subscription as entered. Checked here, every bad field at once: the URL is resolved to
/// see that it reaches a public address (unless `CONVENE_OUTBOUND_ALLOW` allows it).
pub struct NewSubscription {
    pub url: String,
    pub events: Vec<String>,
}

pub struct Subscribed {
    pub subscription: webhook_subscription::Model,
    /// The signing secret (`whsec_…`), shown this once.
    pub secret: String,
}

/// Subscribe a partner system to events.
pub async fn create_webhook_subscription(
    st: &AppState,
    by: &Viewer,
    cmd: NewSubscription,
) -> AppResult<Subscribed> {
    let mut f = Fields::new();
    let events = f.take(rules::parse_events("events", &cmd.events));
    let url = match guard::check(&cmd.url, &st.config.outbound_allow).await {
        Ok(t) => Some(t.url.to_string()),
        Err(e) => {
            f.absorb(DomainError::field("url", e.to_string()));
            None
        }
    };
    f.finish()?;
    let (Some(url), Some(events)) = (url, events) else {
        return Err(AppError::internal("checked input missing"));
    };
    let secret = webhooks::new_secret();
    // kept sealed under CONVENE_SECRET_KEY: the plaintext is shown this once
    let id = uuid::Uuid::new_v4();
    let sealed = SecretKeys::of(&st.config).seal(&webhook_purpose(id), &secret);
    let mut w = Write::by(st, by).await?;
    let s = repo::create(
        w.tx(),
        id,
        &url,
        &events,
        &sealed,
        Some(by.person.0),
        w.now(),
    )
    .await?;
    w.audit_created("WebhookSubscription", s.id, "create", &s.audited());
    w.commit().await?;
    Ok(Subscribed {
        subscription: s,
        secret,
    })
}

async fn find(w: &Write<'_>, id: WebhookSubscriptionId) -> AppResult<webhook_subscription::Model> {
    repo::get(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::not_found("The webhook subscription"))
}

/// Stop sending events to a subscription; its delivery log is kept.
pub async fn delete_webhook_subscription(
    st: &AppState,
    by: &Viewer,
    id: WebhookSubscriptionId,
) -> AppResult<()> {
    let mut w = Write::by(st, by).await?;
    let s = find(&w, id).await?;
    let deleted = repo::delete(w.tx(), s.clone(), w.now()).await?;
    let (before, after) = (s.audited(), deleted.audited());
    w.audit_changed("WebhookSubscription", s.id, "delete", &before, &after);
    w.commit().await?;
    Ok(())
}

/// Enable a subscription that was disabled (its receiver answered 410 Gone) once its receiver
/// is back: events are sent to it again from now on.
pub async fn enable_webhook_subscription(
    st: &AppState,
    by: &Viewer,
    id: WebhookSubscriptionId,
) -> AppResult<webhook_subscription::Model> {
    let mut w = Write::by(st, by).await?;
    let s = find(&w, id).await?;
    rules::check_can_enable(s.active)?;
    let after = repo::enable(w.tx(), s.clone()).await?;
    let (before, now) = (s.audited(), after.audited());
    w.audit_changed("WebhookSubscription", s.id, "enable", &before, &now);
    w.commit().await?;
    Ok(after)
}

pub struct TestSent {
    pub subscription: webhook_subscription::Model,
    /// The queued `webhook.test` delivery.
    pub delivery: webhook_delivery::Model,
}

/// Send a `webhook.test` event to one active subscription now, whatever events it asked for,
/// so a partner can check its signature verification.
pub async fn send_test_webhook(
    st: &AppState,
    by: &Viewer,
    id: WebhookSubscriptionId,
) -> AppResult<TestSent> {
    let mut w = Write::by(st, by).await?;
    let s = find(&w, id).await?;
    rules::check_testable(s.active, s.disabled_reason.as_deref())?;
    let data = json!({
        "subscriptionId": crate::ids::encode(id),
        "message": "A test event from Convene",
    });
    let queued = w.webhook_to(&s, "webhook.test", &data).await?;
    w.audit::<()>("WebhookSubscription", s.id, "send_test", None, None);
    let delivery = convene_store::by_ids::<webhook_delivery::Entity>(w.tx(), &[queued])
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("the queued delivery vanished"))?;
    w.commit().await?;
    Ok(TestSent {
        subscription: s,
        delivery,
    })
}
