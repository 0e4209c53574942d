//! `/graphql/ws` is held to the rules of `/graphql` (issue 15, point 2): every operation over
//! a socket takes from the person's rate-limit bucket and meets the same document limits, and
//! the socket closes (4403) when its session ends: sign-out, or its token's expiry.

use crate::notifications::{next_json, ws};
use convene_blackbox::process::Serve;
use convene_blackbox::*;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn signed_in_socket(app: &TestApp, token: &str) -> Socket {
    let mut s = ws(app, json!({ "Authorization": format!("Bearer {token}") })).await;
    assert_eq!(next_json(&mut s).await.unwrap()["type"], "connection_ack");
    s
}

async fn subscribe(s: &mut Socket, id: &str, query: &str) {
    s.send(Message::Text(
        json!({ "id": id, "type": "subscribe", "payload": { "query": query } })
            .to_string()
            .into(),
    ))
    .await
    .unwrap();
}

/// The first `next` payload for operation `id`.
async fn answer(s: &mut Socket, id: &str) -> Value {
    loop {
        let m = next_json(s).await.expect("the socket stays open");
        if m["type"] == "next" && m["id"] == id {
            return m["payload"].clone();
        }
    }
}

/// Read until the server closes the socket: its close code and reason (`None` if it did not
/// within `within`).
async fn closed_within(s: &mut Socket, within: Duration) -> Option<(u16, String)> {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, s.next()).await {
            Err(_) => return None,
            Ok(None) | Ok(Some(Err(_))) => return Some((0, String::new())),
            Ok(Some(Ok(Message::Close(frame)))) => {
                return Some(
                    frame
                        .map(|f| (u16::from(f.code), f.reason.to_string()))
                        .unwrap_or_default(),
                )
            }
            Ok(Some(Ok(_))) => continue,
        }
    }
}

/// Send 400 `{ __typename }` operations over `s` (ids from `from`) and read their answers:
/// (answered, refused `RATE_LIMITED`).
async fn four_hundred(s: &mut Socket, from: usize) -> (usize, usize) {
    for i in from..from + 400 {
        subscribe(s, &format!("q{i}"), "{ __typename }").await;
    }
    let (mut answered, mut limited, mut completed) = (0, 0, 0);
    while completed < 400 {
        let m = next_json(s).await.expect("the socket stays open");
        match m["type"].as_str() {
            Some("next") if m["payload"]["data"]["__typename"] == "QueryRoot" => answered += 1,
            Some("next") if code(&m["payload"]) == Some("RATE_LIMITED") => {
                let wait = m["payload"]["errors"][0]["extensions"]["retryAfter"].as_u64();
                assert!(wait >= Some(1), "{m}");
                limited += 1
            }
            Some("complete") => completed += 1,
            _ => panic!("unexpected: {m}"),
        }
    }
    (answered, limited)
}

/// What a bucket refills (5 a second) in the time since `t`, rounded up.
fn refilled_since(t: std::time::Instant) -> usize {
    (t.elapsed().as_secs_f64() * 5.0).ceil() as usize
}

#[tokio::test]
async fn four_hundred_operations_over_one_socket_are_rate_limited() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_RATE_LIMITS".into(), "on".into());
    })
    .await;
    let admin = app.admin().await;
    // what the second half needs, made before the admin's allowance is spent
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (ann, _) = app.register("ann@example.nhs.uk", &org).await;
    let started = std::time::Instant::now();
    let mut s = signed_in_socket(&app, &admin).await;
    let (answered, limited) = four_hundred(&mut s, 0).await;
    // the general allowance: a burst of 120, then 5 a second
    assert!(
        (115..=120 + refilled_since(started)).contains(&answered),
        "{answered} answered in {:?}",
        started.elapsed()
    );
    assert_eq!(answered + limited, 400);

    // the socket and HTTP draw on one allowance, the person's: after 125 requests by HTTP,
    // only what has refilled since gets through a socket, not a full bucket's 120
    let started = std::time::Instant::now();
    for _ in 0..125 {
        app.gql(Some(&ann), "{ viewer { id } }", json!({})).await;
    }
    let mut s = signed_in_socket(&app, &ann).await;
    let (answered, _) = four_hundred(&mut s, 0).await;
    assert!(
        answered <= refilled_since(started),
        "{answered} answered over the socket in {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_too_deep_operation_over_a_socket_is_refused() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let mut s = signed_in_socket(&app, &admin).await;
    let community =
        |inner: &str| format!("community {{ practices(first: 1) {{ nodes {{ {inner} }} }} }}");
    // 14 levels (the limit is 12)
    let deep = format!(
        "{{ communities(first: 1) {{ nodes {{ practices(first: 1) {{ nodes {{ {} }} }} }} }} }}",
        community(&community(&community("id")))
    );
    subscribe(&mut s, "deep", &deep).await;
    let v = answer(&mut s, "deep").await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
    // a shallow one on the same socket is answered
    subscribe(&mut s, "ok", "{ viewer { id } }").await;
    assert!(ok(&answer(&mut s, "ok").await)["viewer"]["id"].is_string());
}

#[tokio::test]
async fn a_socket_closes_when_its_session_ends_and_refuses_operations_after() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ivy, _) = app.register("ivy@example.nhs.uk", &w.nhs_org).await;
    // signing out everywhere closes the socket at once, saying why
    let mut s = signed_in_socket(&app, &ivy).await;
    subscribe(&mut s, "n", "subscription { notificationAdded { kind } }").await;
    ok(&app
        .gql(
            Some(&ivy),
            "mutation { signOutEverywhere { signedOut } }",
            json!({}),
        )
        .await);
    let (close, reason) = closed_within(&mut s, Duration::from_secs(5))
        .await
        .expect("the socket closes");
    assert_eq!(close, 4403);
    assert!(reason.contains("ended"), "{reason}");
    // an old token opens no socket
    let mut again = ws(&app, json!({ "Authorization": format!("Bearer {ivy}") })).await;
    assert!(closed_within(&mut again, Duration::from_secs(5))
        .await
        .is_some());

    // ending this session (signOutSession) through another replica: the socket here closes
    // too (at once on PostgreSQL, which tells every replica; on SQLite the next operation
    // finds the session ended, and is refused)
    let token = app.sign_in("ivy@example.nhs.uk", PASSWORD).await;
    let mut s = signed_in_socket(&app, &token).await;
    subscribe(&mut s, "before", "{ viewer { sessions { id current } } }").await;
    let v = answer(&mut s, "before").await;
    let sessions = ok(&v)["viewer"]["sessions"].as_array().unwrap().clone();
    let current = sessions.iter().find(|x| x["current"] == true).unwrap();
    let other = Serve::start(app.database_url()).await;
    let out = gql_at(
        app.http(),
        &other.base,
        Some(&token),
        "mutation($i: SignOutSessionInput!) { signOutSession(input: $i) { signedOut } }",
        json!({ "i": { "sessionId": current["id"] } }),
    )
    .await;
    assert_eq!(ok(&out)["signOutSession"]["signedOut"], true, "{out}");
    subscribe(&mut s, "after", "{ viewer { id } }").await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let close = loop {
        match tokio::time::timeout_at(deadline, s.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => {
                let m: Value = serde_json::from_str(&t).unwrap();
                if m["type"] == "next" {
                    assert_eq!(code(&m["payload"]), Some("UNAUTHENTICATED"), "{m}");
                }
            }
            Ok(Some(Ok(Message::Close(f)))) => break f.map(|f| u16::from(f.code)),
            Ok(Some(Ok(_))) => {}
            other => panic!("the socket should have closed with a reason: {other:?}"),
        }
    };
    assert_eq!(close, Some(4403));
}

#[tokio::test]
async fn a_socket_closes_when_its_token_expires() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_ACCESS_TOKEN_TTL_SECS".into(), "3".into());
    })
    .await;
    let admin = app.admin().await;
    let mut s = signed_in_socket(&app, &admin).await;
    subscribe(&mut s, "n", "subscription { notificationAdded { kind } }").await;
    subscribe(&mut s, "q", "{ viewer { id } }").await;
    assert!(ok(&answer(&mut s, "q").await)["viewer"]["id"].is_string());
    let (close, reason) = closed_within(&mut s, Duration::from_secs(8))
        .await
        .expect("the socket closes at the token's expiry");
    assert_eq!(close, 4403);
    assert!(reason.contains("expired"), "{reason}");
}
