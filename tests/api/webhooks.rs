//! Webhooks against a receiving server started here: every request is checked with the
//! published Standard Webhooks algorithm (HMAC-SHA256 of `id.timestamp.body`, keyed by the
//! base64 part of the `whsec_` secret). Loopback is allowed explicitly with
//! `CONVENE_OUTBOUND_ALLOW=127.0.0.1`; without it, private targets are refused.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use base64::Engine;
use convene_blackbox::*;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

#[derive(Clone, Debug)]
struct Received {
    id: String,
    timestamp: i64,
    signature: String,
    content_type: String,
    body: String,
}

#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Received>>>,
    /// Status codes to answer, in order; 200 once they run out.
    script: Arc<Mutex<Vec<u16>>>,
}

async fn receive(State(r): State<Receiver>, headers: HeaderMap, body: String) -> StatusCode {
    let h = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    r.got.lock().unwrap().push(Received {
        id: h("webhook-id"),
        timestamp: h("webhook-timestamp").parse().unwrap_or(0),
        signature: h("webhook-signature"),
        content_type: h("content-type"),
        body,
    });
    let mut script = r.script.lock().unwrap();
    let code = if script.is_empty() {
        200
    } else {
        script.remove(0)
    };
    StatusCode::from_u16(code).unwrap()
}

async fn receiver(script: &[u16]) -> (String, Receiver) {
    let r = Receiver {
        script: Arc::new(Mutex::new(script.to_vec())),
        ..Default::default()
    };
    let app = Router::new()
        .route("/hooks", post(receive))
        .with_state(r.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/hooks"), r)
}

/// The Standard Webhooks verification, written from the specification.
fn verify(secret: &str, r: &Received) -> bool {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").expect("a whsec_ secret"))
        .expect("base64");
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{}.{}.{}", r.id, r.timestamp, r.body).as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    r.signature
        .split(' ')
        .any(|s| s.strip_prefix("v1,") == Some(expected.as_str()))
}

async fn spawn_allowing_loopback() -> TestApp {
    spawn_with(|v| {
        v.insert("CONVENE_OUTBOUND_ALLOW".into(), "127.0.0.1".into());
        v.insert("CONVENE_OUTBOX_BACKOFF_MS".into(), "20".into());
    })
    .await
}

const CREATE: &str = "mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id url events active } secret } }";
const TEST: &str = "mutation($s: ID!) { sendTestWebhook(input: { subscriptionId: $s }) { delivery { id webhookId event state } } }";
const DELETE: &str = "mutation($s: ID!) { deleteWebhookSubscription(input: { subscriptionId: $s }) { deletedSubscriptionId } }";
const SUBSCRIPTION: &str = "query($id: ID!) { node(id: $id) { ... on WebhookSubscription { id active disabledReason deliveries { totalCount nodes { id event webhookId state statusCode attempts deliveredAt lastError createdAt } } } } }";

/// Subscribe; returns (subscription id, secret).
async fn subscribe(app: &TestApp, admin: &str, url: &str, events: &[&str]) -> (String, String) {
    let v = app
        .gql(
            Some(admin),
            CREATE,
            json!({ "i": { "url": url, "events": events } }),
        )
        .await;
    let p = &ok(&v)["createWebhookSubscription"];
    assert_eq!(p["subscription"]["url"], url);
    assert_eq!(p["subscription"]["active"], true);
    (as_string(&p["subscription"]["id"]), as_string(&p["secret"]))
}

async fn subscription(app: &TestApp, admin: &str, id: &str) -> Value {
    ok(&app
        .gql(Some(admin), SUBSCRIPTION, json!({ "id": id }))
        .await)["node"]
        .clone()
}

/// Wait (up to 10 s) until the subscription's log satisfies `done`.
async fn wait_for(app: &TestApp, admin: &str, id: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let s = subscription(app, admin, id).await;
        if done(&s) {
            return s;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("never settled: {}", subscription(app, admin, id).await);
}

async fn wait_received(r: &Receiver, n: usize) -> Vec<Received> {
    for _ in 0..200 {
        let got = r.got.lock().unwrap().clone();
        if got.len() >= n {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("received only {:?}", r.got.lock().unwrap());
}

async fn create_community(app: &TestApp, token: &str, domain: &str, name: &str) -> String {
    let v = app
        .gql(
            Some(token),
            "mutation($d: ID!, $n: String!) { createCommunity(input: { name: $n, domainId: $d, membershipMode: OPEN }) { community { id } } }",
            json!({ "d": domain, "n": name }),
        )
        .await;
    as_string(&ok(&v)["createCommunity"]["community"]["id"])
}

#[tokio::test]
async fn only_the_programme_team_manages_subscriptions() {
    let app = spawn_allowing_loopback().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (url, _) = receiver(&[]).await;
    let input = json!({ "i": { "url": url, "events": ["community.created"] } });
    assert_eq!(
        code(&app.gql(None, CREATE, input.clone()).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(Some(&ada), CREATE, input.clone()).await),
        Some("FORBIDDEN")
    );
    let (id, _) = subscribe(&app, &w.admin, &url, &["community.created"]).await;
    for (q, vars) in [
        (TEST, json!({ "s": id })),
        (DELETE, json!({ "s": id })),
        ("{ webhookSubscriptions { totalCount } }", json!({})),
        (SUBSCRIPTION, json!({ "id": id })),
    ] {
        assert_eq!(
            code(&app.gql(Some(&ada), q, vars).await),
            Some("FORBIDDEN"),
            "{q}"
        );
    }
    let list = app
        .gql(
            Some(&w.admin),
            "{ webhookSubscriptions { totalCount nodes { id events } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        ok(&list)["webhookSubscriptions"],
        json!({ "totalCount": 1, "nodes": [{ "id": id, "events": ["community.created"] }] })
    );
    // the secret is never shown again, not even in the audit log
    let audit = app
        .gql(
            Some(&w.admin),
            "query($e: ID!) { auditLog(entityId: $e) { nodes { action after } } }",
            json!({ "e": id }),
        )
        .await;
    let audit = ok(&audit)["auditLog"]["nodes"].to_string();
    assert!(
        audit.contains("create") && !audit.contains("whsec_"),
        "{audit}"
    );
    ok(&app.gql(Some(&w.admin), DELETE, json!({ "s": id })).await);
    let list = app
        .gql(
            Some(&w.admin),
            "{ webhookSubscriptions { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(ok(&list)["webhookSubscriptions"]["totalCount"], 0);
    assert_eq!(
        code(&app.gql(Some(&w.admin), TEST, json!({ "s": id })).await),
        Some("NOT_FOUND")
    );
}

#[tokio::test]
async fn bad_events_and_urls_are_named() {
    let app = spawn_allowing_loopback().await;
    let admin = app.admin().await;
    for (url, events, field) in [
        (
            "http://127.0.0.1:9/h",
            json!(["application.created"]),
            "events",
        ),
        ("http://127.0.0.1:9/h", json!([]), "events"),
        ("ftp://93.184.216.34/h", json!(["webhook.test"]), "url"),
        ("not a url", json!(["webhook.test"]), "url"),
    ] {
        let v = app
            .gql(
                Some(&admin),
                CREATE,
                json!({ "i": { "url": url, "events": events } }),
            )
            .await;
        assert_eq!(code(&v), Some("VALIDATION"), "{url} {events}");
        assert_eq!(fields(&v), [field], "{url} {events}");
    }
}

#[tokio::test]
async fn private_targets_are_refused_without_the_allow_list() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    for url in [
        "http://127.0.0.1:8080/hooks",
        "http://2130706433/hooks",
        "http://10.1.2.3/hooks",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/hooks",
        "http://[::ffff:127.0.0.1]/hooks",
        "http://localhost:8080/hooks",
    ] {
        let v = app
            .gql(
                Some(&admin),
                CREATE,
                json!({ "i": { "url": url, "events": ["webhook.test"] } }),
            )
            .await;
        assert_eq!(code(&v), Some("VALIDATION"), "{url}: {v}");
        assert_eq!(fields(&v), ["url"], "{url}");
    }
    let list = app
        .gql(
            Some(&admin),
            "{ webhookSubscriptions { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(ok(&list)["webhookSubscriptions"]["totalCount"], 0);
}

#[tokio::test]
async fn a_signed_event_is_retried_after_500s_with_the_same_id_and_logged() {
    let app = spawn_allowing_loopback().await;
    let w = world(&app).await;
    let (url, r) = receiver(&[500, 503]).await;
    let (sid, secret) = subscribe(&app, &w.admin, &url, &["community.created"]).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let before = chrono::Utc::now().timestamp();
    let community = create_community(&app, &ada, &w.domain, "Falls peers").await;
    let got = wait_received(&r, 3).await;
    assert_eq!(got.len(), 3, "two failures, then one success: {got:?}");
    for g in &got {
        assert!(verify(&secret, g), "signature of {g:?}");
        assert_eq!(g.content_type, "application/json");
        assert_eq!(g.id, got[0].id, "webhook-id is stable across retries");
        assert_eq!(g.body, got[0].body, "the body is the same on every retry");
        assert!((before - 5..=chrono::Utc::now().timestamp() + 5).contains(&g.timestamp));
    }
    // a tampered body or another secret does not verify
    let mut tampered = got[2].clone();
    tampered.body = tampered.body.replace("Falls", "Trips");
    assert!(!verify(&secret, &tampered));
    let body: Value = serde_json::from_str(&got[2].body).unwrap();
    assert_eq!(body["type"], "community.created");
    assert_eq!(body["data"]["communityId"], community);
    assert_eq!(body["data"]["name"], "Falls peers");
    assert_eq!(body["data"]["domainId"], w.domain);
    assert!(
        !got[2].body.contains("ada@example.nhs.uk"),
        "no personal data"
    );
    let s = wait_for(&app, &w.admin, &sid, |s| {
        s["deliveries"]["nodes"][0]["state"] == "DELIVERED"
    })
    .await;
    let d = &s["deliveries"]["nodes"][0];
    assert_eq!(s["deliveries"]["totalCount"], 1);
    assert_eq!(d["event"], "community.created");
    assert_eq!(d["webhookId"], got[0].id.as_str());
    assert_eq!(d["statusCode"], 200);
    assert_eq!(d["attempts"], 3);
    assert!(d["deliveredAt"].is_string());
    assert_eq!(d["lastError"], Value::Null);
}

#[tokio::test]
async fn gone_disables_the_subscription_and_stops() {
    let app = spawn_allowing_loopback().await;
    let w = world(&app).await;
    let (url, r) = receiver(&[410]).await;
    let (sid, _) = subscribe(&app, &w.admin, &url, &["community.created"]).await;
    let v = app.gql(Some(&w.admin), TEST, json!({ "s": sid })).await;
    let d = &ok(&v)["sendTestWebhook"]["delivery"];
    assert_eq!(d["event"], "webhook.test");
    assert_eq!(d["state"], "PENDING");
    let s = wait_for(&app, &w.admin, &sid, |s| s["active"] == false).await;
    assert!(s["disabledReason"].as_str().unwrap().contains("410"));
    let d = &s["deliveries"]["nodes"][0];
    assert_eq!(d["state"], "FAILED");
    assert_eq!(d["statusCode"], 410);
    assert_eq!(d["attempts"], 1);
    // no more events for it, and no test either
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    create_community(&app, &ada, &w.domain, "Falls peers").await;
    assert_eq!(
        code(&app.gql(Some(&w.admin), TEST, json!({ "s": sid })).await),
        Some("INVALID_STATE")
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(r.got.lock().unwrap().len(), 1);
    assert_eq!(
        subscription(&app, &w.admin, &sid).await["deliveries"]["totalCount"],
        1
    );
}

#[tokio::test]
async fn other_client_errors_fail_at_once() {
    let app = spawn_allowing_loopback().await;
    let admin = app.admin().await;
    let (url, r) = receiver(&[400, 200]).await;
    let (sid, secret) = subscribe(&app, &admin, &url, &["webhook.test"]).await;
    ok(&app.gql(Some(&admin), TEST, json!({ "s": sid })).await);
    let s = wait_for(&app, &admin, &sid, |s| {
        s["deliveries"]["nodes"][0]["state"] == "FAILED"
    })
    .await;
    let d = &s["deliveries"]["nodes"][0];
    assert_eq!(d["statusCode"], 400);
    assert_eq!(d["attempts"], 1);
    assert!(d["lastError"].as_str().unwrap().contains("400"));
    assert_eq!(s["active"], true, "only 410 disables");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got = r.got.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "not retried");
    assert!(verify(&secret, &got[0]));
    let body: Value = serde_json::from_str(&got[0].body).unwrap();
    assert_eq!(body["type"], "webhook.test");
}

#[tokio::test]
async fn a_target_that_now_resolves_privately_fails_at_delivery() {
    let app = spawn_allowing_loopback().await;
    let admin = app.admin().await;
    // As if its DNS had changed since it was checked: stored directly, past the creation check.
    let sub = convene_store::repo::webhooks::create(
        &app.state.db,
        uuid::Uuid::new_v4(),
        "http://10.255.255.1/hooks",
        &["webhook.test".to_string()],
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        None,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let sid = convene_server::graphql::ids::encode("WebhookSubscription", sub.id).0;
    ok(&app.gql(Some(&admin), TEST, json!({ "s": sid })).await);
    let s = wait_for(&app, &admin, &sid, |s| {
        s["deliveries"]["nodes"][0]["state"] == "FAILED"
    })
    .await;
    let d = &s["deliveries"]["nodes"][0];
    assert_eq!(d["attempts"], 1, "not retried");
    assert_eq!(d["statusCode"], Value::Null, "never sent");
    assert!(d["lastError"].as_str().unwrap().contains("10.255.255.1"));
}

#[tokio::test]
async fn events_are_sent_only_when_the_change_commits() {
    let app = spawn_allowing_loopback().await;
    let w = world(&app).await;
    let (url, r) = receiver(&[]).await;
    let (sid, _) = subscribe(&app, &w.admin, &url, &["community.created", "webhook.test"]).await;
    // a mutation that fails sends nothing
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(Some(&ada), "mutation($d: ID!) { createCommunity(input: { name: \"\", domainId: $d, membershipMode: OPEN }) { community { id } } }", json!({ "d": w.domain }))
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    // an event emitted in a transaction that is rolled back is never queued
    {
        use convene_store::sea_orm::TransactionTrait;
        let tx = app.state.db.begin().await.unwrap();
        let n = convene_server::webhooks::emit(
            &tx,
            "community.created",
            json!({ "x": 1 }),
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        assert_eq!(n, 1, "one subscriber");
        tx.rollback().await.unwrap();
    }
    // a committed one is
    let community = create_community(&app, &ada, &w.domain, "Falls peers").await;
    let got = wait_received(&r, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got_now = r.got.lock().unwrap().clone();
    assert_eq!(got_now.len(), 1, "{got:?}");
    let body: Value = serde_json::from_str(&got_now[0].body).unwrap();
    assert_eq!(body["data"]["communityId"], community);
    let s = subscription(&app, &w.admin, &sid).await;
    assert_eq!(s["deliveries"]["totalCount"], 1);
}

#[tokio::test]
async fn community_work_and_applications_emit_their_events() {
    let app = spawn_allowing_loopback().await;
    let w = world(&app).await;
    let (url, r) = receiver(&[]).await;
    let events = [
        "application.submitted",
        "community.created",
        "community.domain_agreed",
        "meeting.scheduled",
    ];
    subscribe(&app, &w.admin, &url, &events).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let a = app.start_application(&ada, &w.call, &w.domain).await;
    ok(&app.submit(&ada, &a).await);
    let c = create_community(&app, &ada, &w.domain, "Falls peers").await;
    let v = app
        .gql(Some(&ada), "mutation($c: ID!) { proposeDomainDefinition(input: { communityId: $c, text: \"Falls, across professions\" }) { version { id } } }", json!({ "c": c }))
        .await;
    let version = as_string(&ok(&v)["proposeDomainDefinition"]["version"]["id"]);
    ok(&app
        .gql(Some(&ada), "mutation($v: ID!) { agreeDomainDefinition(input: { versionId: $v }) { version { id } } }", json!({ "v": version }))
        .await);
    let v = app
        .gql(
            Some(&ada),
            "mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }",
            json!({ "i": { "communityId": c, "startsAt": "2027-06-03T14:00", "durationMinutes": 60, "mode": "VIDEO", "joiningDetails": "https://video.example.nhs.uk/j/4321, passcode 8765", "agenda": "Welcome" } }),
        )
        .await;
    let meeting = as_string(&ok(&v)["scheduleMeeting"]["meeting"]["id"]);
    let got = wait_received(&r, 4).await;
    let bodies: Vec<Value> = got
        .iter()
        .map(|g| serde_json::from_str(&g.body).unwrap())
        .collect();
    let of = |t: &str| {
        bodies
            .iter()
            .find(|b| b["type"] == t)
            .unwrap_or_else(|| panic!("no {t} in {bodies:?}"))
            .clone()
    };
    let s = of("application.submitted");
    assert_eq!(s["data"]["applicationId"], a);
    assert_eq!(s["data"]["callId"], w.call);
    assert_eq!(s["data"]["domainId"], w.domain);
    let d = of("community.domain_agreed");
    assert_eq!(d["data"]["communityId"], c);
    assert_eq!(d["data"]["version"], 1);
    assert_eq!(d["data"]["text"], "Falls, across professions");
    let m = of("meeting.scheduled");
    assert_eq!(m["data"]["meetingId"], meeting);
    assert_eq!(m["data"]["communityId"], c);
    assert_eq!(m["data"]["startsAt"], "2027-06-03T13:00:00Z");
    assert_eq!(of("community.created")["data"]["communityId"], c);
    for g in &got {
        assert!(
            !g.body.contains("ada@example.nhs.uk"),
            "no e-mail addresses"
        );
        assert!(!g.body.contains("passcode"), "no joining details");
    }
}

#[tokio::test]
async fn unlisted_communities_are_not_announced_to_partners() {
    let app = spawn_allowing_loopback().await;
    let w = world(&app).await;
    let (url, r) = receiver(&[]).await;
    subscribe(
        &app,
        &w.admin,
        &url,
        &["community.created", "meeting.scheduled"],
    )
    .await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(
            Some(&ada),
            "mutation($d: ID!) { createCommunity(input: { name: \"Quiet peers\", domainId: $d, membershipMode: INVITATION, listed: false }) { community { id } } }",
            json!({ "d": w.domain }),
        )
        .await;
    let hidden = as_string(&ok(&v)["createCommunity"]["community"]["id"]);
    ok(&app
        .gql(
            Some(&ada),
            "mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }",
            json!({ "i": { "communityId": hidden, "startsAt": "2027-05-05T10:00", "durationMinutes": 60, "mode": "CALL", "joiningDetails": "0300 000 0000" } }),
        )
        .await);
    let listed = create_community(&app, &ada, &w.domain, "Open peers").await;
    wait_received(&r, 1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let got = r.got.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "{got:?}");
    let body: Value = serde_json::from_str(&got[0].body).unwrap();
    assert_eq!(body["data"]["communityId"], listed);
}

/// A second key, for rotating away from the test servers' `SECRET_KEY`.
const NEXT_KEY: &str = "IiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiI=";

/// What the database holds: every subscription's stored secret.
async fn stored_secrets(app: &TestApp) -> Vec<(uuid::Uuid, String)> {
    convene_store::repo::webhooks::secrets(&app.state.db)
        .await
        .unwrap()
}

fn keys(current: &str, previous: Option<&str>) -> convene_server::secrets::SecretKeys {
    let k = |t: &str| convene_server::secrets::parse_key(t).unwrap();
    convene_server::secrets::SecretKeys::new(&k(current), previous.map(k).as_ref())
}

/// Signing secrets are sealed at rest under CONVENE_SECRET_KEY (issue 15): the row holds no
/// secret, deliveries are still signed with it, a secret stored in the clear before is sealed
/// when a server starts, and after a rotation every row is sealed under the new key.
#[tokio::test]
async fn signing_secrets_are_sealed_at_rest_and_rotate_with_the_key() {
    let app = spawn_allowing_loopback().await;
    let admin = app.admin().await;
    let (url, r) = receiver(&[]).await;
    let (sid, secret) = subscribe(&app, &admin, &url, &["webhook.test"]).await;
    let rows = stored_secrets(&app).await;
    assert_eq!(rows.len(), 1);
    let (id, stored) = &rows[0];
    let key_part = secret.trim_start_matches("whsec_");
    assert!(
        !stored.contains(key_part),
        "the secret is in the clear: {stored}"
    );
    assert!(stored.starts_with("sealed:v1:"), "{stored}");
    let purpose = convene_server::secrets::webhook_purpose(*id);
    assert_eq!(
        keys(SECRET_KEY, None).open(&purpose, stored).unwrap(),
        secret
    );
    assert!(keys(NEXT_KEY, None).open(&purpose, stored).is_err());
    // deliveries are signed with the secret itself
    ok(&app.gql(Some(&admin), TEST, json!({ "s": sid })).await);
    let got = wait_received(&r, 1).await;
    assert!(verify(&secret, &got[0]));

    // a secret stored in the clear before sealing existed
    let legacy = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let old = convene_store::repo::webhooks::create(
        &app.state.db,
        uuid::Uuid::new_v4(),
        &url,
        &["webhook.test".to_string()],
        legacy,
        None,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    // the key is rotated: a server starts with the new key and the old one as the previous
    let rotated = spawn_on_with(app.database_url(), |v| {
        v.insert("CONVENE_SECRET_KEY".into(), NEXT_KEY.into());
        v.insert("CONVENE_SECRET_KEY_PREVIOUS".into(), SECRET_KEY.into());
    })
    .await;
    let after = keys(NEXT_KEY, None);
    let rows = stored_secrets(&rotated).await;
    assert_eq!(rows.len(), 2);
    for (id, stored) in &rows {
        assert!(after.is_current(stored), "not re-sealed: {stored}");
        let want = if *id == old.id {
            legacy
        } else {
            secret.as_str()
        };
        let purpose = convene_server::secrets::webhook_purpose(*id);
        assert_eq!(after.open(&purpose, stored).unwrap(), want);
        assert!(!stored.contains(want.trim_start_matches("whsec_")));
    }
}

#[tokio::test]
async fn a_disabled_subscription_is_enabled_again_by_the_programme_team() {
    let app = spawn_allowing_loopback().await;
    let w = world(&app).await;
    let (url, r) = receiver(&[410, 200]).await;
    let (sid, _) = subscribe(&app, &w.admin, &url, &["community.created"]).await;
    let enable = "mutation($s: ID!) { enableWebhookSubscription(input: { subscriptionId: $s }) { subscription { id active disabledReason } } }";
    // an active subscription has nothing to enable
    let v = app.gql(Some(&w.admin), enable, json!({ "s": sid })).await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    ok(&app.gql(Some(&w.admin), TEST, json!({ "s": sid })).await);
    wait_for(&app, &w.admin, &sid, |s| s["active"] == false).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let v = app.gql(Some(&ada), enable, json!({ "s": sid })).await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let v = app.gql(Some(&w.admin), enable, json!({ "s": sid })).await;
    let s = &ok(&v)["enableWebhookSubscription"]["subscription"];
    assert_eq!(s["active"], true);
    assert_eq!(s["disabledReason"], Value::Null);
    // events reach it again
    create_community(&app, &ada, &w.domain, "Falls peers").await;
    let s = wait_for(&app, &w.admin, &sid, |s| {
        let nodes = s["deliveries"]["nodes"].as_array().unwrap();
        nodes.iter().any(|d| d["state"] == "DELIVERED")
    })
    .await;
    assert_eq!(s["deliveries"]["totalCount"], 2);
    assert_eq!(r.got.lock().unwrap().len(), 2);
    let log = app.audit_of(&w.admin, &sid).await;
    assert!(log.iter().any(|e| e["action"] == "enable"), "{log:?}");
}
