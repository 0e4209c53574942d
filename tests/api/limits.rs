//! Rate limits (SPEC §6): per principal, stricter on signing in and registering, with a
//! retry-after hint; `CONVENE_RATE_LIMITS=off` switches them off.

use convene_blackbox::*;
use serde_json::{json, Value};

const SIGN_IN: &str = "mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { accessToken } }";

async fn limited_app() -> TestApp {
    spawn_with(|v| {
        v.insert("CONVENE_RATE_LIMITS".into(), "on".into());
    })
    .await
}

#[tokio::test]
async fn password_guessing_is_slowed_per_address() {
    let app = limited_app().await;
    // guesses spread over many addresses (accounts), so that no one account is slowed
    let creds = |i: usize| json!({ "e": format!("guess{i}@example.nhs.uk"), "p": "not the password at all" });
    for i in 0..10 {
        let v = app.gql(None, SIGN_IN, creds(i)).await;
        assert_eq!(code(&v), Some("UNAUTHENTICATED"), "{v}");
    }
    let v = app.gql(None, SIGN_IN, creds(10)).await;
    assert_eq!(code(&v), Some("RATE_LIMITED"), "{v}");
    let wait = v["errors"][0]["extensions"]["retryAfter"].as_u64().unwrap();
    assert!((1..=6).contains(&wait), "{v}");
    // even the right password waits: the bucket is the address's, not the account's
    let right = app
        .gql(
            None,
            SIGN_IN,
            json!({ "e": ADMIN_EMAIL, "p": ADMIN_PASSWORD }),
        )
        .await;
    assert_eq!(code(&right), Some("RATE_LIMITED"));
    // other operations from the same address are not held up by the strict bucket
    let v = app.gql(None, "{ __typename }", json!({})).await;
    assert_eq!(ok(&v)["__typename"], "QueryRoot");
}

#[tokio::test]
async fn every_principal_has_a_general_allowance_with_a_retry_after() {
    let app = limited_app().await;
    let token = app.admin().await;
    let url = format!("{}/graphql", app.base);
    let body = json!({ "query": "{ __typename }" });
    let mut statuses = Vec::new();
    for _ in 0..125 {
        let r = app.http().post(&url).json(&body).send().await.unwrap();
        statuses.push((
            r.status().as_u16(),
            r.headers()
                .get("retry-after")
                .map(|h| h.to_str().unwrap().to_string()),
        ));
    }
    let first_refused = statuses.iter().position(|(s, _)| *s == 429).expect("a 429");
    assert!(first_refused >= 119, "refused too early at {first_refused}");
    assert!(statuses[..first_refused].iter().all(|(s, _)| *s == 200));
    assert_eq!(statuses[first_refused].1.as_deref(), Some("1"));
    let r = app.http().post(&url).json(&body).send().await.unwrap();
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(code(&v), Some("RATE_LIMITED"));
    // a signed-in person has an allowance of their own
    let v = app.gql(Some(&token), "{ viewer { id } }", json!({})).await;
    assert!(ok(&v)["viewer"]["id"].is_string());
}

#[tokio::test]
async fn limits_can_be_switched_off() {
    let app = spawn_app().await;
    for _ in 0..15 {
        let v = app
            .gql(
                None,
                SIGN_IN,
                json!({ "e": ADMIN_EMAIL, "p": "wrong password here" }),
            )
            .await;
        assert_eq!(code(&v), Some("UNAUTHENTICATED"));
    }
}

#[tokio::test]
async fn guessing_the_password_to_delete_an_account_counts_against_signing_in() {
    let app = limited_app().await;
    // the sign-in itself takes one from the address's bucket
    let admin = app.admin().await;
    let delete = "mutation($p: String!) { deleteMyAccount(input: { password: $p }) { deleted } }";
    for _ in 0..9 {
        let v = app
            .gql(Some(&admin), delete, json!({ "p": "a wrong guess, again" }))
            .await;
        assert_eq!(fields(&v), ["password"], "{v}");
    }
    let v = app
        .gql(Some(&admin), delete, json!({ "p": "a wrong guess, again" }))
        .await;
    assert_eq!(code(&v), Some("RATE_LIMITED"), "{v}");
    let v = app
        .gql(
            None,
            SIGN_IN,
            json!({ "e": ADMIN_EMAIL, "p": ADMIN_PASSWORD }),
        )
        .await;
    assert_eq!(code(&v), Some("RATE_LIMITED"), "{v}");
}

/// Ten wrong sign-ins "from" `from` (X-Forwarded-For), then one more: its error code.
async fn eleventh_from(app: &TestApp, from: &str, other: &str) -> (Option<String>, Option<String>) {
    let url = format!("{}/graphql", app.base);
    let body = |i: usize| json!({ "query": SIGN_IN, "variables": { "e": format!("guess{i}@example.nhs.uk"), "p": "not the password at all" } });
    let send = |i: usize, xff: &str| {
        app.http()
            .post(&url)
            .header("X-Forwarded-For", xff)
            .json(&body(i))
            .send()
    };
    for i in 0..10 {
        send(i, from).await.unwrap();
    }
    let same: Value = send(10, from).await.unwrap().json().await.unwrap();
    let next: Value = send(11, other).await.unwrap().json().await.unwrap();
    (
        code(&same).map(str::to_string),
        code(&next).map(str::to_string),
    )
}

#[tokio::test]
async fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
    // the test client is the proxy: its X-Forwarded-For names the client
    let behind = spawn_with(|v| {
        v.insert("CONVENE_RATE_LIMITS".into(), "on".into());
        v.insert("CONVENE_TRUSTED_PROXIES".into(), "127.0.0.1".into());
    })
    .await;
    let (same, other) = eleventh_from(&behind, "198.51.100.1", "198.51.100.2").await;
    assert_eq!(same.as_deref(), Some("RATE_LIMITED"));
    assert_eq!(
        other.as_deref(),
        Some("UNAUTHENTICATED"),
        "another client has its own bucket"
    );
    // without the setting the header is the caller's own words, and changes nothing
    let direct = limited_app().await;
    let (same, other) = eleventh_from(&direct, "198.51.100.1", "198.51.100.2").await;
    assert_eq!(same.as_deref(), Some("RATE_LIMITED"));
    assert_eq!(
        other.as_deref(),
        Some("RATE_LIMITED"),
        "X-Forwarded-For is not believed"
    );
}
