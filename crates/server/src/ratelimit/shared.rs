//! Buckets in Redis, shared by every replica: one atomic script per request does `gcra` on the
//! key `{CONVENE_REDIS_PREFIX}rl:{bucket}` with Redis's own clock (so the replicas' clocks do
//! not matter), and lets the key expire when the bucket is full again.
//!
//! When Redis does not answer within [`ANSWER_WITHIN`], the request is counted in memory
//! instead, a warning is logged once, and a task tries to reconnect every
//! [`RECONNECT_EVERY`] until Redis answers again (`/ready` says which is in use).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{RwLock, Weak};
use std::time::Duration;

use anyhow::Context;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use super::Rate;

/// How long a request waits for Redis before it is counted in memory.
pub const ANSWER_WITHIN: Duration = Duration::from_millis(300);
/// How often a replica tries Redis again while it is unreachable.
pub const RECONNECT_EVERY: Duration = Duration::from_secs(2);

/// `gcra` of `mod.rs` in milliseconds. KEYS[1]: the bucket; ARGV: the interval in ms, the
/// burst. Answers 0 when let through, else the milliseconds to wait.
const SCRIPT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local nxt = tat + interval
local allowed_from = nxt - burst * interval
if allowed_from > now then
  return math.ceil(allowed_from - now)
end
redis.call('SET', KEYS[1], string.format('%d', nxt), 'PX', math.ceil(nxt - now))
return 0
";

pub struct Shared {
    client: redis::Client,
    conn: RwLock<Option<ConnectionManager>>,
    prefix: String,
    reachable: AtomicBool,
    script: redis::Script,
}

fn manager_config() -> ConnectionManagerConfig {
    ConnectionManagerConfig::new()
        .set_connection_timeout(Some(ANSWER_WITHIN))
        .set_response_timeout(Some(ANSWER_WITHIN))
        .set_number_of_retries(1)
}

impl Shared {
    /// Parse the URL (a bad one stops the start) and try to connect (an unreachable Redis
    /// does not: the limits start in memory).
    pub async fn connect(url: &str, prefix: &str) -> anyhow::Result<Shared> {
        let client = redis::Client::open(url).context("CONVENE_REDIS_URL is not a Redis URL")?;
        let s = Shared {
            client,
            conn: RwLock::new(None),
            prefix: prefix.to_string(),
            reachable: AtomicBool::new(false),
            script: redis::Script::new(SCRIPT),
        };
        if s.reconnect().await {
            tracing::info!("rate limits are shared through Redis");
        } else {
            tracing::warn!("Redis cannot be reached: rate limits are kept in memory until it can");
        }
        Ok(s)
    }

    pub fn reachable(&self) -> bool {
        self.reachable.load(Ordering::Relaxed)
    }

    /// A new connection that answers PING, or false.
    async fn reconnect(&self) -> bool {
        let attempt = async {
            let mut c =
                ConnectionManager::new_with_config(self.client.clone(), manager_config()).await?;
            redis::cmd("PING").query_async::<String>(&mut c).await?;
            Ok::<_, redis::RedisError>(c)
        };
        match tokio::time::timeout(ANSWER_WITHIN * 3, attempt).await {
            Ok(Ok(c)) => {
                *self.conn.write().expect("never poisoned") = Some(c);
                self.reachable.store(true, Ordering::Relaxed);
                true
            }
            _ => false,
        }
    }

    /// Take one request from `key`'s bucket in Redis; `None` when Redis did not answer (the
    /// caller counts it in memory).
    pub async fn take(&self, key: &str, rate: Rate) -> Option<Result<(), Duration>> {
        if !self.reachable() {
            return None;
        }
        let mut conn = self.conn.read().expect("never poisoned").clone()?;
        let interval_ms = (1000.0 / rate.per_second).round() as u64;
        let call = async {
            self.script
                .key(format!("{}rl:{key}", self.prefix))
                .arg(interval_ms)
                .arg(rate.burst as u64)
                .invoke_async::<u64>(&mut conn)
                .await
        };
        match tokio::time::timeout(ANSWER_WITHIN, call).await {
            Ok(Ok(0)) => Some(Ok(())),
            Ok(Ok(wait_ms)) => Some(Err(Duration::from_millis(wait_ms))),
            Ok(Err(e)) => self.lost(&e.to_string()),
            Err(_) => self.lost("no answer in time"),
        }
    }

    fn lost(&self, why: &str) -> Option<Result<(), Duration>> {
        if self.reachable.swap(false, Ordering::Relaxed) {
            tracing::warn!(
                error = why,
                "Redis stopped answering: rate limits are kept in memory until it answers again"
            );
        }
        None
    }
}

/// While the limiter lives: every [`RECONNECT_EVERY`], reconnect if Redis was lost.
pub fn watch(shared: Weak<Shared>) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(RECONNECT_EVERY).await;
            let Some(s) = shared.upgrade() else { return };
            if !s.reachable() && s.reconnect().await {
                tracing::info!("Redis answers again: rate limits are shared through it");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_unreachable_redis_leaves_the_limits_in_memory() {
        // port 1 on this machine: nothing listens there
        let s = Shared::connect("redis://127.0.0.1:1/", "test:")
            .await
            .unwrap();
        assert!(!s.reachable());
        assert!(s.take("k", super::super::AUTH).await.is_none());
        assert!(Shared::connect("http://nowhere", "test:").await.is_err());
    }
}
