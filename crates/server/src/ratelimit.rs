//! Rate limits per principal (a person, a partner client, or an anonymous address), with token
//! buckets: every request to `/graphql` takes from the principal's general bucket, and
//! signing in, registering and exchanging client credentials also take from a much smaller
//! bucket per address. An empty bucket answers `RATE_LIMITED` with how long to wait.
//! `CONVENE_RATE_LIMITS=off` switches limiting off (load tests, outside suites).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo,
};
use async_graphql::{ServerResult, Value};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::auth::jwt::Principal;
use crate::state::{AppState, RequestCtx};

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

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Take one token from `b`, refilled at `rate` since it was last touched; when empty, say how
/// long until there is one.
fn take(b: &mut Bucket, rate: Rate, now: Instant) -> Result<(), Duration> {
    let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
    b.tokens = (b.tokens + elapsed * rate.per_second).min(rate.burst);
    b.at = now;
    if b.tokens >= 1.0 {
        b.tokens -= 1.0;
        Ok(())
    } else {
        Err(Duration::from_secs_f64((1.0 - b.tokens) / rate.per_second))
    }
}

/// Buckets by key, in memory (each replica limits on its own: behind N replicas the limit is
/// at most N times as generous, which still stops guessing).
#[derive(Default)]
pub struct RateLimiter {
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl RateLimiter {
    pub fn check(&self, key: &str, rate: Rate, now: Instant) -> Result<(), Duration> {
        let mut map = self
            .buckets
            .lock()
            .expect("the limiter's lock is never poisoned");
        if map.len() > 50_000 {
            // forget buckets that have filled up again: they would start full anyway
            map.retain(|_, b| {
                now.saturating_duration_since(b.at).as_secs_f64() * GENERAL.per_second
                    < GENERAL.burst
            });
        }
        let b = map.entry(key.to_string()).or_insert(Bucket {
            tokens: rate.burst,
            at: now,
        });
        take(b, rate, now)
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
        if let Err(wait) = state.limiter.check(&key, GENERAL, Instant::now()) {
            return limited(wait);
        }
    }
    next.run(req).await
}

/// The stricter, per-address limit on the mutations that check credentials.
pub struct AuthLimits;

impl ExtensionFactory for AuthLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(AuthLimitsExtension)
    }
}

struct AuthLimitsExtension;

#[async_trait::async_trait]
impl Extension for AuthLimitsExtension {
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        if info.parent_type == "MutationRoot" && AUTH_FIELDS.contains(&info.name) {
            if let (Some(state), Some(r)) =
                (ctx.data_opt::<AppState>(), ctx.data_opt::<RequestCtx>())
            {
                if state.config.rate_limits {
                    let key = format!(
                        "auth:{}",
                        r.addr
                            .map(|a| a.to_string())
                            .unwrap_or_else(|| "unknown".into())
                    );
                    if let Err(wait) = state.limiter.check(&key, AUTH, Instant::now()) {
                        let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
                        let mut e = async_graphql::ServerError::new(
                            format!("Too many attempts: try again in {secs} seconds"),
                            Some(info.field.name.pos),
                        );
                        let mut ext = async_graphql::ErrorExtensionValues::default();
                        ext.set("code", convene_domain::ErrorCode::RateLimited.as_str());
                        ext.set("retryAfter", secs);
                        e.extensions = Some(ext);
                        return Err(e);
                    }
                }
            }
        }
        next.run(ctx, info).await
    }
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
