//! Rate limits shared by replicas (issue 15, point 6): with `CONVENE_REDIS_URL` every bucket
//! lives in Redis, so two `convene serve` processes on one database allow ten sign-ins from an
//! address between them, as one does; when Redis cannot be reached the limits are kept in
//! memory and `/ready` says so.
//!
//! The Redis test uses the machine's Redis (127.0.0.1:6379, database 11, keys under a prefix
//! of its own that it deletes at the end). Locally it is skipped, with a message, when Redis is
//! not there; under `CI=true` it fails instead.

use convene_blackbox::process::Serve;
use convene_blackbox::*;
use serde_json::{json, Value};

const SIGN_IN: &str = "mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { accessToken } }";
const REDIS_URL: &str = "redis://127.0.0.1:6379/11";

/// A connection to the test database of the machine's Redis, or `None` (skip) when there is
/// none and this is not CI.
fn redis() -> Option<redis::Connection> {
    let connected = redis::Client::open(REDIS_URL)
        .and_then(|c| c.get_connection_with_timeout(std::time::Duration::from_secs(2)));
    match connected {
        Ok(c) => Some(c),
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("Redis must be reachable at {REDIS_URL} under CI: {e}")
        }
        Err(e) => {
            eprintln!("skipped: no Redis at {REDIS_URL} ({e})");
            None
        }
    }
}

/// One wrong sign-in (each with another address, so that no account's own limit is reached):
/// whether it was let through to the password check.
async fn let_through(base: &str, i: usize) -> bool {
    let who = json!({ "e": format!("guess{i}@example.nhs.uk"), "p": "not the password at all" });
    let v = gql_at(&reqwest::Client::new(), base, None, SIGN_IN, who).await;
    match code(&v) {
        Some("UNAUTHENTICATED") => true,
        Some("RATE_LIMITED") => false,
        _ => panic!("unexpected answer: {v}"),
    }
}

async fn ready(base: &str) -> Value {
    let r = reqwest::get(format!("{base}/ready")).await.unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_allow_ten_sign_ins_between_them_not_twenty() {
    let Some(mut conn) = redis() else { return };
    let prefix = format!("convene-test-{}:", uuid::Uuid::new_v4().simple());
    let app = spawn_app().await;
    let settings = [
        ("CONVENE_RATE_LIMITS", "on"),
        ("CONVENE_REDIS_URL", REDIS_URL),
        ("CONVENE_REDIS_PREFIX", prefix.as_str()),
    ];
    let b = Serve::start_with(app.database_url(), &settings).await;
    let c = Serve::start_with(app.database_url(), &settings).await;
    assert_eq!(ready(&b.base).await["rateLimits"], "redis");
    assert_eq!(ready(&c.base).await["rateLimits"], "redis");
    let mut allowed = 0;
    for i in 0..20 {
        let replica = if i % 2 == 0 { &b } else { &c };
        allowed += usize::from(let_through(&replica.base, i).await);
    }
    assert_eq!(
        allowed, 10,
        "ten sign-ins from one address across both replicas"
    );
    // the buckets are under the prefix; clean them up
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{prefix}*"))
        .query(&mut conn)
        .unwrap();
    assert!(
        keys.iter()
            .any(|k| k == &format!("{prefix}rl:auth:127.0.0.1")),
        "{keys:?}"
    );
    let _: () = redis::cmd("DEL").arg(&keys).query(&mut conn).unwrap();
}

#[tokio::test]
async fn an_unreachable_redis_leaves_the_limits_in_memory_and_ready_says_so() {
    // nothing listens on port 1
    let app = spawn_with(|v| {
        v.insert("CONVENE_RATE_LIMITS".into(), "on".into());
        v.insert("CONVENE_REDIS_URL".into(), "redis://127.0.0.1:1/0".into());
    })
    .await;
    let r = ready(&app.base).await;
    assert_eq!(r["rateLimits"], "memory (redis unreachable)", "{r}");
    assert_eq!(r["status"], "ready");
    let mut allowed = 0;
    for i in 0..11 {
        allowed += usize::from(let_through(&app.base, i).await);
    }
    assert_eq!(allowed, 10, "the limit holds in memory");
}
