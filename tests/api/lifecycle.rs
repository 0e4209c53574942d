//! The process under pressure: SIGTERM stops it within ten seconds, finishing the request in
//! flight although a keep-alive connection and a subscription stay open; and a PostgreSQL pool
//! held to the last connection answers "busy, try again" at once and recovers by itself.

use std::time::{Duration, Instant};

use convene_blackbox::process::Serve;
use convene_blackbox::*;
use convene_store::sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

const CREATE_ORG: &str = "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id name } } }";

/// A connection of the test's own that holds the lock writers of `organisations` wait for: the
/// SQLite write lock (`BEGIN IMMEDIATE`), or on PostgreSQL a table lock that lets reads by.
async fn hold_writes(url: &str) -> DatabaseConnection {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    let db = Database::connect(opts).await.expect("the test connects");
    if url.starts_with("sqlite:") {
        db.execute_unprepared("BEGIN IMMEDIATE").await.unwrap();
    } else {
        db.execute_unprepared("BEGIN").await.unwrap();
        db.execute_unprepared("LOCK TABLE organisations IN EXCLUSIVE MODE")
            .await
            .unwrap();
    }
    db
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_finishes_the_request_in_flight_and_stops_within_ten_seconds() {
    let a = spawn_app().await;
    let admin = a.admin().await;
    let mut serve = Serve::start(a.database_url()).await;
    let addr = serve.base.trim_start_matches("http://").to_string();

    // an idle keep-alive connection: one request answered, then silence
    let mut idle = tokio::net::TcpStream::connect(&addr).await.unwrap();
    idle.write_all(b"GET /health HTTP/1.1\r\nHost: convene\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = idle.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));

    // a live subscription
    let mut req = format!("ws://{addr}/graphql/ws")
        .into_client_request()
        .unwrap();
    req.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    let text = |v: Value| Message::Text(v.to_string().into());
    socket
        .send(text(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {admin}") } })))
        .await
        .unwrap();
    socket
        .send(text(json!({ "id": "n", "type": "subscribe", "payload": { "query": "subscription { notificationAdded { kind } } " } })))
        .await
        .unwrap();
    let ack = tokio::time::timeout(Duration::from_secs(5), socket.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(ack.to_string().contains("connection_ack"), "{ack}");

    // a write that has to wait for the test's lock: in flight when the signal comes
    let lock = hold_writes(a.database_url()).await;
    let slow = {
        let (base, admin) = (serve.base.clone(), admin.clone());
        tokio::spawn(async move {
            reqwest::Client::new()
                .post(format!("{base}/graphql"))
                .bearer_auth(admin)
                .json(&json!({ "query": CREATE_ORG, "variables": { "i": { "name": "Signed off at shutdown", "sector": "ACADEMIC", "nhsMember": false } } }))
                .send()
                .await
                .expect("the request in flight is answered")
                .json::<Value>()
                .await
                .unwrap()
        })
    };
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(
        !slow.is_finished(),
        "the write should be waiting for the lock"
    );

    let signalled = Instant::now();
    serve.terminate();
    tokio::time::sleep(Duration::from_millis(500)).await;
    // no new connections once stopping
    let refused = reqwest::Client::new()
        .get(format!("{}/health", serve.base))
        .timeout(Duration::from_secs(2))
        .send()
        .await;
    assert!(
        refused.is_err(),
        "a new request was still served: {refused:?}"
    );
    assert!(
        serve
            .exited_within(Duration::from_millis(10))
            .await
            .is_none(),
        "it must wait for the request in flight"
    );

    // the lock goes after two seconds; the request completes
    tokio::time::sleep(Duration::from_millis(1500)).await;
    lock.execute_unprepared("COMMIT").await.unwrap();
    let v = tokio::time::timeout(Duration::from_secs(8), slow)
        .await
        .expect("the request in flight is answered")
        .unwrap();
    assert_eq!(
        ok(&v)["createOrganisation"]["organisation"]["name"],
        "Signed off at shutdown"
    );
    let status = serve
        .exited_within(Duration::from_secs(10).saturating_sub(signalled.elapsed()))
        .await
        .expect("the process stops within ten seconds of SIGTERM");
    assert!(status.success(), "it stops cleanly: {status}");
    assert!(signalled.elapsed() < Duration::from_secs(10));

    // the idle connection was closed by the server, not left to hold it open
    let n = tokio::time::timeout(Duration::from_secs(1), idle.read(&mut buf))
        .await
        .expect("the idle connection is closed")
        .unwrap_or(0);
    assert_eq!(n, 0, "the idle connection got data instead of being closed");

    // and the write that finished during shutdown is there
    let v = a
        .gql(
            Some(&admin),
            "{ organisations(first: 5, search: \"Signed off at shutdown\") { nodes { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        ok(&v)["organisations"]["nodes"][0]["name"],
        "Signed off at shutdown"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_exhausted_pool_answers_busy_at_once_and_recovers_by_itself() {
    if convene_store::testing::kind() != "postgres" {
        eprintln!("skipped: the pool test needs PostgreSQL (set TEST_POSTGRES_URL)");
        return;
    }
    let app = spawn_with(|v| {
        v.insert("CONVENE_DB_POOL_MAX".into(), "3".into());
        v.insert("CONVENE_DB_ACQUIRE_TIMEOUT_MS".into(), "500".into());
    })
    .await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Waiting Room NHS Trust", "NHS_TRUST", true)
        .await;
    let list = "{ organisations(first: 1) { totalCount } }";

    // Another session holds a lock every organisation read waits for; three such reads
    // hold the server's three connections.
    let lock = {
        let mut opts = ConnectOptions::new(app.database_url().to_string());
        opts.max_connections(1).sqlx_logging(false);
        let db = Database::connect(opts).await.unwrap();
        db.execute_unprepared("BEGIN").await.unwrap();
        db.execute_unprepared("LOCK TABLE organisations IN ACCESS EXCLUSIVE MODE")
            .await
            .unwrap();
        db
    };
    let mut waiting = Vec::new();
    for _ in 0..3 {
        let (http, base) = (app.http().clone(), app.base.clone());
        waiting.push(tokio::spawn(async move {
            let r = http
                .post(format!("{base}/graphql"))
                .json(&json!({ "query": list }))
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;

    // Anything else now fails fast and says why; a signed-in request fails while finding out
    // who is asking, an anonymous one in its resolver.
    for token in [Some(admin.as_str()), None] {
        let started = Instant::now();
        let mut req = app
            .http()
            .post(format!("{}/graphql", app.base))
            .json(&json!({ "query": "{ domains(first: 1) { totalCount } }" }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let r = req.send().await.unwrap();
        let took = started.elapsed();
        assert_eq!(r.status().as_u16(), 503, "busy is 503");
        assert_eq!(r.headers()["retry-after"], "1");
        let v: Value = r.json().await.unwrap();
        assert_eq!(code(&v), Some("INTERNAL"), "{v}");
        assert_eq!(v["errors"][0]["message"], "The service is busy; try again");
        assert_eq!(v["errors"][0]["extensions"]["retryAfter"], 1);
        assert!(
            took < Duration::from_secs(3),
            "it should fail within the acquire timeout, took {took:?}"
        );
    }

    // the lock goes: the waiting reads finish, and the server answers normally again
    lock.execute_unprepared("ROLLBACK").await.unwrap();
    let mut answered = 0;
    for w in waiting {
        let (status, v) = tokio::time::timeout(Duration::from_secs(10), w)
            .await
            .expect("the waiting reads finish once the lock is gone")
            .unwrap();
        if status == 200 && v.get("errors").is_none() {
            assert!(v["data"]["organisations"]["totalCount"].as_i64().unwrap() >= 2);
            answered += 1;
        }
    }
    assert!(answered >= 1, "the reads that held connections complete");
    let v = app
        .gql(
            Some(&admin),
            "query($id: ID!) { node(id: $id) { ... on Organisation { name } } }",
            json!({ "id": org }),
        )
        .await;
    assert_eq!(ok(&v)["node"]["name"], "Waiting Room NHS Trust");
}
