//! The outbox worker: claims due messages, delivers them, and retries failures with
//! exponential backoff (`CONVENE_OUTBOX_BACKOFF_MS`, doubling each time) until it gives up.

use std::time::Duration;

use chrono::Utc;
use convene_store::entities::outbox as m;
use convene_store::repo::outbox;
use tokio::sync::watch;

use crate::mail::{self, Mail};
use crate::state::AppState;

pub const MAX_ATTEMPTS: i32 = 10;
const BATCH: u64 = 20;

/// The delay before attempt `attempts + 1`: `base × 2^attempts`, at most an hour.
pub fn backoff(base_ms: u64, attempts: i32) -> chrono::Duration {
    let factor = 1u64 << attempts.clamp(0, 20);
    chrono::Duration::milliseconds(base_ms.saturating_mul(factor).min(3_600_000) as i64)
}

/// Run the worker until `stop` turns true: it finishes the message in hand, gives back the
/// rest of its batch, and ends.
pub fn spawn(state: AppState, mut stop: watch::Receiver<bool>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while !*stop.borrow() {
            match run_batch(&state, Some(&stop)).await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "outbox worker"),
            }
            let wait = Duration::from_millis(state.config.outbox_poll_ms);
            tokio::select! {
                _ = tokio::time::timeout(wait, state.outbox_wake.notified()) => {}
                changed = stop.changed() => if changed.is_err() { break },
            }
        }
    })
}

/// Deliver what is due now; returns how many messages were attempted.
pub async fn run_once(state: &AppState) -> anyhow::Result<usize> {
    run_batch(state, None).await
}

async fn run_batch(
    state: &AppState,
    stop: Option<&watch::Receiver<bool>>,
) -> anyhow::Result<usize> {
    let now = Utc::now();
    let lease = chrono::Duration::seconds(state.config.outbox_lease_secs as i64);
    let rows = outbox::claim_due(&state.db, now, BATCH, lease).await?;
    let mut attempted = 0;
    let mut rows = rows.into_iter();
    while let Some(row) = rows.next() {
        if stop.is_some_and(|s| *s.borrow()) {
            let rest: Vec<_> = std::iter::once(row.id).chain(rows.map(|r| r.id)).collect();
            outbox::release(&state.db, &rest).await?;
            break;
        }
        attempted += 1;
        let id = row.id;
        let attempts = row.attempts;
        let (kind, payload) = (row.kind.clone(), row.payload.clone());
        // a mail's body carries tokens: once it has left (or been given up on), it is dropped
        let kept = (kind == mail::KIND).then(|| mail::delivered(&payload));
        match deliver(state, row).await {
            Ok(()) => outbox::mark_delivered(&state.db, id, Utc::now(), kept.as_deref()).await?,
            Err(e) => {
                let retryable = matches!(e, DeliveryError::Retry(_));
                let mut delay = backoff(state.config.outbox_backoff_ms, attempts);
                if kind == crate::webhooks::KIND {
                    delay = crate::webhooks::jitter(delay); // many receivers fail together
                }
                let retry = (retryable && attempts + 1 < MAX_ATTEMPTS).then(|| Utc::now() + delay);
                tracing::warn!(outbox = %id, attempt = attempts + 1, error = %e, "delivery failed");
                outbox::mark_failed(&state.db, id, &e.to_string(), retry).await?;
                if let (None, Some(k)) = (retry, &kept) {
                    outbox::replace_payload(&state.db, id, &payload, k).await?;
                }
                if retry.is_none() && kind == crate::intranet::KIND {
                    crate::intranet::give_up(state, &payload, &e.to_string()).await;
                }
            }
        }
    }
    Ok(attempted)
}

/// Why a delivery failed: worth another try later, or not.
#[derive(Debug)]
pub enum DeliveryError {
    Retry(String),
    Permanent(String),
}

impl std::fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeliveryError::Retry(m) | DeliveryError::Permanent(m) => f.write_str(m),
        }
    }
}

async fn deliver(state: &AppState, row: m::Model) -> Result<(), DeliveryError> {
    if row.kind == crate::intranet::KIND {
        let payload: serde_json::Value = serde_json::from_str(&row.payload)
            .map_err(|e| DeliveryError::Permanent(e.to_string()))?;
        return crate::intranet::deliver(state, &payload).await;
    }
    if row.kind == crate::webhooks::KIND {
        return crate::webhooks::deliver(state, &row).await;
    }
    deliver_mail(state, row)
        .await
        .map_err(|e| DeliveryError::Retry(format!("{e:#}")))
}

async fn deliver_mail(state: &AppState, row: m::Model) -> anyhow::Result<()> {
    match row.kind.as_str() {
        mail::KIND => {
            let mail: Mail = serde_json::from_str(&row.payload)?;
            let message = mail::deliver::build(&mail, &state.config.mail_from, row.id)?;
            match (&state.config.mail_dir, &state.config.smtp_url) {
                (Some(dir), _) => mail::deliver::to_dir(dir, &message, row.id).await,
                (None, Some(url)) => {
                    mail::deliver::by_smtp(url, message, state.config.smtp_accept_invalid_certs)
                        .await
                }
                (None, None) => {
                    mail::deliver::to_dir(&state.config.data_dir.join("mail"), &message, row.id)
                        .await
                }
            }
        }
        other => anyhow::bail!("unknown outbox kind {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(5000, 0).num_milliseconds(), 5000);
        assert_eq!(backoff(5000, 1).num_milliseconds(), 10_000);
        assert_eq!(backoff(5000, 3).num_milliseconds(), 40_000);
        assert_eq!(backoff(5000, 30).num_milliseconds(), 3_600_000);
    }
}
