//! Rate limits per principal (a person, a partner client, or an anonymous address), with token
//! buckets: every request to `/graphql` takes from the principal's general bucket, and
//! signing in, registering and exchanging client credentials also take from a much smaller
//! bucket per address. An empty bucket answers `RATE_LIMITED` with how long to wait.
//! `CONVENE_RATE_LIMITS=off` switches limiting off (load tests, outside suites).
//! Operations over `/graphql/ws` take from the same buckets as `/graphql` (`socket.rs`).
//! With `CONVENE_REDIS_URL` the buckets live in Redis, so that every replica counts against
//! one limit; without it, or while Redis cannot be reached, in memory.

mod shared;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::auth::jwt::Principal;
use crate::state::AppState;

/// How much a kind of bucket holds and how fast it fills.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub burst: f64,
    pub per_second: f64,
}

/// Every GraphQL request: bursts of 120, then 5 a second (300 a minute).
pub const GENERAL: Rate = Rate {
    burst: 120.0,
    per_second: 5.0,
};
/// Signing in, registering, refreshing and client credentials, per address: 10 at once, then
/// one every 6 seconds (10 a minute), which stops password guessing without troubling people.
pub const AUTH: Rate = Rate {
    burst: 10.0,
    per_second: 1.0 / 6.0,
};

/// The mutations that take from the per-address AUTH bucket.
/// (`deleteMyAccount`, `changePassword` and `changeEmail` too: they check a password; the
/// token-taking ones because a token can be guessed at; the mail-sending ones because each
/// sends a mail.)
pub const AUTH_FIELDS: [&str; 13] = [
    "signIn",
    "register",
    "refreshSession",
    "issueServiceToken",
    "deleteMyAccount",
    "verifyEmail",
    "resendVerificationEmail",
    "requestPasswordReset",
    "resetPassword",
    "changePassword",
    "changeEmail",
    "confirmEmailChange",
    "exchangeSignInCode",
];

/// The generic cell rate algorithm (GCRA): a bucket is one number, `tat`, the time (in
/// seconds) at which it will be full again. A request at `now` is let through when, counting
/// it, the bucket would be at most `burst` intervals behind; then `tat` moves on one interval.
/// The answers are a token bucket's: `burst` at once, then one every `1 / per_second` seconds.
/// Memory and Redis (`shared.rs`'s script, in milliseconds) do the same sum. Refused: how long
/// until one more request fits.
pub fn gcra(tat: Option<f64>, now: f64, rate: Rate) -> Result<f64, Duration> {
    let interval = 1.0 / rate.per_second;
    let next = tat.unwrap_or(now).max(now) + interval;
    let allowed_from = next - rate.burst * interval;
    if allowed_from > now + 1e-9 {
        Err(Duration::from_secs_f64(allowed_from - now))
    } else {
        Ok(next)
    }
}

/// Buckets by key, in this process's memory: what is used without `CONVENE_REDIS_URL`, and
/// while Redis cannot be reached (then each replica limits on its own, so behind N replicas
/// the limit is at most N times as generous).
pub struct RateLimiter {
    tats: Mutex<HashMap<String, f64>>,
    epoch: Instant,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter {
            tats: Mutex::default(),
            epoch: Instant::now(),
        }
    }
}

impl RateLimiter {
    pub fn check(&self, key: &str, rate: Rate, now: Instant) -> Result<(), Duration> {
        let now = now.saturating_duration_since(self.epoch).as_secs_f64();
        let mut map = self
            .tats
            .lock()
            .expect("the limiter's lock is never poisoned");
        if map.len() > 50_000 {
            // forget buckets that have filled up again: they would start full anyway
            map.retain(|_, tat| *tat > now);
        }
        let next = gcra(map.get(key).copied(), now, rate)?;
        map.insert(key.to_string(), next);
        Ok(())
    }
}

/// Where the buckets are: `CONVENE_RATE_LIMITS=off` lets everything through; otherwise Redis
/// when `CONVENE_REDIS_URL` is set and it answers, else this process's memory.
pub struct Limiter {
    on: bool,
    memory: RateLimiter,
    shared: Option<Arc<shared::Shared>>,
}

impl Limiter {
    /// Limits as configured. With Redis, its reachability is tried at once and then watched
    /// (a task reconnects while it is down; that task ends with the limiter).
    pub async fn start(config: &crate::config::Config) -> anyhow::Result<Arc<Limiter>> {
        let shared = match (&config.redis_url, config.rate_limits) {
            (Some(url), true) => Some(Arc::new(
                shared::Shared::connect(url, &config.redis_prefix).await?,
            )),
            _ => None,
        };
        if let Some(s) = &shared {
            shared::watch(Arc::downgrade(s));
        }
        Ok(Arc::new(Limiter {
            on: config.rate_limits,
            memory: RateLimiter::default(),
            shared,
        }))
    }

    /// Take one request from `key`'s bucket; refused: how long to wait.
    pub async fn check(&self, key: &str, rate: Rate) -> Result<(), Duration> {
        if !self.on {
            return Ok(());
        }
        if let Some(s) = &self.shared {
            if let Some(answer) = s.take(key, rate).await {
                return answer;
            }
        }
        self.memory.check(key, rate, Instant::now())
    }

    /// For `/ready`: `off`, `memory`, `redis`, or `memory (redis unreachable)`.
    pub fn status(&self) -> &'static str {
        match (&self.shared, self.on) {
            (_, false) => "off",
            (None, true) => "memory",
            (Some(s), true) if s.reachable() => "redis",
            (Some(_), true) => "memory (redis unreachable)",
        }
    }
}

/// The address a request came from.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<IpAddr>);

fn limited(wait: Duration) -> Response {
    let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
    let mut r = (
        StatusCode::TOO_MANY_REQUESTS,
        Json(json!({ "errors": [{
            "message": format!("Too many requests: try again in {secs} seconds"),
            "extensions": { "code": convene_domain::ErrorCode::RateLimited.as_str(), "retryAfter": secs }
        }] })),
    )
        .into_response();
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    r
}

/// Middleware for `/graphql`: note the caller's address, and take from the principal's
/// general bucket (the token's person or client when it verifies, else the address).
pub async fn middleware(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let forwarded = req
        .headers()
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok());
    let addr = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| {
        convene_domain::identity::client_address(c.0.ip(), forwarded, &state.config.trusted_proxies)
    });
    req.extensions_mut().insert(ClientAddr(addr));
    if state.config.rate_limits {
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim);
        let key = match bearer.map(|t| state.keys.verify_principal(t)) {
            Some(Ok(Principal::Person(p))) => format!("person:{}", p.id),
            Some(Ok(Principal::Client { id, .. })) => format!("client:{id}"),
            _ => format!(
                "addr:{}",
                addr.map(|a| a.to_string())
                    .unwrap_or_else(|| "unknown".into())
            ),
        };
        if let Err(wait) = state.limiter.check(&key, GENERAL).await {
            return limited(wait);
        }
    }
    next.run(req).await
}

/// The GraphQL error of an empty bucket: `RATE_LIMITED`, with `retryAfter` in seconds.
pub fn limited_error(
    wait: Duration,
    pos: Option<async_graphql::Pos>,
) -> async_graphql::ServerError {
    let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
    let mut e = async_graphql::ServerError::new(
        format!("Too many requests: try again in {secs} seconds"),
        pos,
    );
    let mut ext = async_graphql::ErrorExtensionValues::default();
    ext.set("code", convene_domain::ErrorCode::RateLimited.as_str());
    ext.set("retryAfter", secs);
    e.extensions = Some(ext);
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_its_burst_then_refills_at_its_rate() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..10 {
            assert!(limiter.check("auth:a", AUTH, t0).is_ok());
        }
        let wait = limiter.check("auth:a", AUTH, t0).unwrap_err();
        assert!((5.9..=6.1).contains(&wait.as_secs_f64()), "{wait:?}");
        // another address has its own bucket
        assert!(limiter.check("auth:b", AUTH, t0).is_ok());
        // six seconds later there is one more, and only one
        let t1 = t0 + Duration::from_secs(6);
        assert!(limiter.check("auth:a", AUTH, t1).is_ok());
        assert!(limiter.check("auth:a", AUTH, t1).is_err());
        // a long rest fills it only up to the burst
        let t2 = t1 + Duration::from_secs(3600);
        for _ in 0..10 {
            assert!(limiter.check("auth:a", AUTH, t2).is_ok());
        }
        assert!(limiter.check("auth:a", AUTH, t2).is_err());
    }

    #[test]
    fn gcra_is_one_number_per_bucket() {
        let r = Rate {
            burst: 3.0,
            per_second: 1.0,
        };
        // a new bucket: full; each request moves its full-again time on by one second
        assert_eq!(gcra(None, 100.0, r), Ok(101.0));
        assert_eq!(gcra(Some(101.0), 100.0, r), Ok(102.0));
        assert_eq!(gcra(Some(102.0), 100.0, r), Ok(103.0));
        // three at once is the burst: the fourth waits one second
        assert_eq!(gcra(Some(103.0), 100.0, r), Err(Duration::from_secs(1)));
        assert_eq!(gcra(Some(103.0), 101.0, r), Ok(104.0));
        // a bucket full again long ago starts from now, never with more than the burst
        assert_eq!(gcra(Some(50.0), 100.0, r), Ok(101.0));
    }

    #[test]
    fn the_general_bucket_is_generous() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..120 {
            assert!(limiter.check("person:x", GENERAL, t0).is_ok());
        }
        assert!(limiter.check("person:x", GENERAL, t0).is_err());
        assert!(limiter
            .check("person:x", GENERAL, t0 + Duration::from_millis(200))
            .is_ok());
    }
}
