//! Webhooks to partner systems (SPEC §6, API.md "Outbound"), Standard Webhooks style.
//!
//! A change that makes an event happen calls [`emit`] in its own transaction: one outbox
//! message (and one delivery-log row with the same id) per active subscription to that event,
//! so a delivery exists only if the change commits. The outbox worker calls [`deliver`]: the
//! subscription's URL is checked again against the address rules (SSRF), the request goes to
//! the very address that was checked, signed with the subscription's secret. 2xx is delivered;
//! 410 Gone disables the subscription; other 4xx fail for good; 5xx, 429 and timeouts retry
//! with backoff and jitter.

pub mod guard;

use std::time::Duration;

use base64::Engine;
use chrono::{DateTime, Utc};
use convene_store::entities::outbox as ob;
use convene_store::entities::webhook_subscription as sub;
use convene_store::repo::webhooks as repo;
use convene_store::sea_orm::ConnectionTrait;
use convene_store::StoreError;
use hmac::{Hmac, Mac};
use rand::{Rng, RngCore};
use serde_json::{json, Value};
use sha2::Sha256;
use uuid::Uuid;

use crate::outbox::{DeliveryError, MAX_ATTEMPTS};
use crate::state::AppState;

pub const KIND: &str = "webhook";
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks).
pub fn new_secret() -> String {
    let mut key = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut key);
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(key)
    )
}

/// The HMAC key of a `whsec_…` secret.
pub fn secret_key(secret: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .ok()
}

/// `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Option<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(&secret_key(secret)?).ok()?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Some(format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// Spread retries of many deliveries apart: the delay times a random factor in [0.5, 1.5).
pub fn jitter(delay: chrono::Duration) -> chrono::Duration {
    let factor: f64 = rand::thread_rng().gen_range(0.5..1.5);
    chrono::Duration::milliseconds((delay.num_milliseconds() as f64 * factor) as i64)
}

/// The body a receiver gets: the event, when it happened, and its data.
fn body(event: &str, data: &Value, now: DateTime<Utc>) -> String {
    json!({
        "type": event,
        "timestamp": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    })
    .to_string()
}

/// Queue one delivery of `event` to one subscription; returns its id (the `webhook-id`).
pub async fn enqueue_for(
    db: &impl ConnectionTrait,
    s: &sub::Model,
    event: &str,
    data: &Value,
    now: DateTime<Utc>,
) -> Result<Uuid, StoreError> {
    let payload = json!({
        "subscriptionId": s.id,
        "event": event,
        "body": body(event, data, now),
    });
    let id = convene_store::repo::outbox::enqueue(db, KIND, &payload, now).await?;
    repo::log_delivery(db, id, s.id, event, now).await?;
    Ok(id)
}

/// Send `event` to every active subscription that asked for it, in the caller's transaction:
/// nothing is sent unless the change commits. `data` carries ids (the API's opaque IDs),
/// names and times, never personal data the event is not about.
pub async fn emit(
    db: &impl ConnectionTrait,
    event: &str,
    data: Value,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    debug_assert!(convene_domain::webhook::EVENTS.contains(&event));
    let subs = repo::subscribed_to(db, event).await?;
    for s in &subs {
        enqueue_for(db, s, event, &data, now).await?;
    }
    Ok(subs.len())
}

/// The data of a `community.*` event: who the community is, never its members.
pub fn community_data(c: &convene_store::entities::community::Model) -> Value {
    use crate::ids::encode_raw as encode;
    json!({
        "communityId": encode("Community", c.id),
        "name": c.name,
        "domainId": encode("Domain", c.domain_id),
        "applicationId": c.application_id.map(|a| encode("Application", a)),
        "funded": c.funded,
        "listed": c.listed,
        "createdAt": c.created_at,
    })
}

/// How one attempt ended, as the delivery log and the outbox need to know it.
struct Attempt {
    status: Option<i32>,
    outcome: Result<(), DeliveryError>,
}

/// Deliver one outbox message of kind [`KIND`], logging the attempt.
pub async fn deliver(state: &AppState, row: &ob::Model) -> Result<(), DeliveryError> {
    let payload: Value = serde_json::from_str(&row.payload)
        .map_err(|e| DeliveryError::Permanent(format!("bad webhook payload: {e}")))?;
    let (Some(sub_id), Some(body)) = (
        payload["subscriptionId"]
            .as_str()
            .and_then(|s| s.parse::<Uuid>().ok()),
        payload["body"].as_str(),
    ) else {
        return Err(DeliveryError::Permanent("bad webhook payload".into()));
    };
    let store = |e: StoreError| DeliveryError::Retry(format!("database: {e}"));
    let s = repo::get_any(&state.db, sub_id).await.map_err(store)?;
    let attempt = match s {
        None => permanent(None, "The subscription no longer exists".into()),
        Some(s) if s.deleted_at.is_some() => permanent(None, "The subscription was deleted".into()),
        Some(s) if !s.active => permanent(
            None,
            format!(
                "The subscription is disabled: {}",
                s.disabled_reason.as_deref().unwrap_or("no reason given")
            ),
        ),
        Some(s) => attempt(state, &s, row.id, body).await,
    };
    let last = row.attempts + 1 >= MAX_ATTEMPTS;
    let (log_state, error, delivered_at) = match &attempt.outcome {
        Ok(()) => (repo::DELIVERED, None, Some(Utc::now())),
        Err(DeliveryError::Retry(m)) if !last => (repo::PENDING, Some(m.clone()), None),
        Err(DeliveryError::Retry(m)) => (
            repo::FAILED,
            Some(format!("{m}; gave up after {MAX_ATTEMPTS} attempts")),
            None,
        ),
        Err(DeliveryError::Permanent(m)) => (repo::FAILED, Some(m.clone()), None),
    };
    repo::record_attempt(
        &state.db,
        row.id,
        log_state,
        attempt.status,
        error.as_deref(),
        delivered_at,
    )
    .await
    .map_err(store)?;
    attempt.outcome
}

fn permanent(status: Option<i32>, message: String) -> Attempt {
    Attempt {
        status,
        outcome: Err(DeliveryError::Permanent(message)),
    }
}

fn retry(status: Option<i32>, message: String) -> Attempt {
    Attempt {
        status,
        outcome: Err(DeliveryError::Retry(message)),
    }
}

async fn attempt(state: &AppState, s: &sub::Model, id: Uuid, body: &str) -> Attempt {
    let target = match guard::check(&s.url, &state.config.outbound_allow).await {
        Ok(t) => t,
        Err(guard::GuardError::Refused(m)) => return permanent(None, m),
        Err(guard::GuardError::Unresolved(m)) => return retry(None, m),
    };
    let client = match target.client(TIMEOUT) {
        Ok(c) => c,
        Err(e) => return retry(None, format!("could not make an HTTP client: {e}")),
    };
    let webhook_id = id.to_string();
    let timestamp = Utc::now().timestamp();
    let keys = crate::secrets::SecretKeys::of(&state.config);
    let secret = match keys.open(&crate::secrets::webhook_purpose(s.id), &s.secret) {
        Ok(secret) => secret,
        Err(e) => {
            return permanent(
                None,
                format!("The subscription's secret cannot be read: {e}"),
            );
        }
    };
    let Some(signature) = sign(&secret, &webhook_id, timestamp, body) else {
        return permanent(None, "The subscription's secret is not valid".into());
    };
    let sent = client
        .post(target.url.clone())
        .header("content-type", "application/json")
        .header("user-agent", "Convene-Webhooks/1")
        .header("webhook-id", &webhook_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body.to_string())
        .send()
        .await;
    let response = match sent {
        Ok(r) => r,
        Err(e) if e.is_timeout() => {
            return retry(None, "The receiver did not answer within 10 seconds".into());
        }
        Err(_) => return retry(None, "Could not connect to the receiver".into()),
    };
    let code = response.status().as_u16();
    let status = Some(code as i32);
    match code {
        200..=299 => Attempt {
            status,
            outcome: Ok(()),
        },
        410 => {
            let reason = format!(
                "The receiver answered 410 Gone on {}: enable the subscription again once the receiver is back",
                Utc::now().format("%Y-%m-%d %H:%M UTC")
            );
            if let Err(e) = repo::disable(&state.db, s.id, &reason).await {
                return retry(status, format!("database: {e}"));
            }
            tracing::info!(subscription = %s.id, "webhook subscription disabled by 410 Gone");
            permanent(status, reason)
        }
        429 | 500..=599 => retry(status, format!("The receiver answered {code}; retrying")),
        300..=399 => permanent(
            status,
            format!("The receiver answered {code}; redirects are not followed"),
        ),
        _ => permanent(status, format!("The receiver refused the event ({code})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_follow_standard_webhooks() {
        // The example of the Standard Webhooks specification.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).unwrap(),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn new_secrets_are_32_random_bytes() {
        let a = new_secret();
        assert!(a.starts_with("whsec_"));
        assert_eq!(secret_key(&a).unwrap().len(), 32);
        assert_ne!(a, new_secret());
    }

    #[test]
    fn jitter_stays_within_half_either_side() {
        for _ in 0..100 {
            let d = jitter(chrono::Duration::milliseconds(1000)).num_milliseconds();
            assert!((500..1500).contains(&d), "{d}");
        }
    }
}
