//! Several replicas on one database (SPEC §6): each delivery from the outbox happens once
//! whichever replica's worker claims it, and a notification made through one replica reaches a
//! subscriber connected to another (PostgreSQL LISTEN/NOTIFY; on SQLite, the poll). Two of the
//! replicas are real `convene serve` processes (built by `cargo build -p convene-server`, which
//! `make test` does first), beside the one in this test process.

use convene_blackbox::process::Serve;
use convene_blackbox::*;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::collections::HashSet;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_serve_processes_share_the_work_and_the_news() {
    let a = spawn_app().await;
    let w = world(&a).await;
    // two more replicas, as separate processes on the same database
    let b = Serve::start(a.database_url()).await;
    let c_proc = Serve::start(a.database_url()).await;
    let (ada, _) = a.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = a.register("bob@example.nhs.uk", &w.nhs_org).await;

    // Bob listens on replica B
    let url = format!("{}/graphql/ws", b.base.replace("http://", "ws://"));
    let mut req = url.into_client_request().unwrap();
    req.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    let send = |v: Value| Message::Text(v.to_string().into());
    socket
        .send(send(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {bob}") } })))
        .await
        .unwrap();
    socket
        .send(send(json!({ "id": "n", "type": "subscribe", "payload": { "query": "subscription { notificationAdded { kind } }" } })))
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    // Ada works through replica C: a community and twenty invitations (twenty e-mails)
    let v = c_proc
        .gql(
            &ada,
            "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }",
            json!({ "i": { "name": "Falls peers", "domainId": w.domain, "membershipMode": "INVITATION", "listed": true } }),
        )
        .await;
    let c = as_string(&ok(&v)["createCommunity"]["community"]["id"]);
    let invite =
        "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id } } }";
    let mut expected = HashSet::new();
    for i in 0..19 {
        let to = format!("guest{i}@example.nhs.uk");
        ok(&c_proc
            .gql(&ada, invite, json!({ "i": { "communityId": c, "email": to, "message": "Join a few of us who share what works." } }))
            .await);
        expected.insert(to);
    }
    ok(&c_proc
        .gql(&ada, invite, json!({ "i": { "communityId": c, "email": "bob@example.nhs.uk", "message": "Join a few of us who share what works." } }))
        .await);
    expected.insert("bob@example.nhs.uk".to_string());

    // the notification made on C reaches Bob on B
    let msg = loop {
        let m = tokio::time::timeout(std::time::Duration::from_secs(10), socket.next())
            .await
            .expect("the notification arrives within 10 s")
            .unwrap()
            .unwrap();
        if let Message::Text(t) = m {
            let v: Value = serde_json::from_str(&t).unwrap();
            if v["type"] == "next" {
                break v;
            }
        }
    };
    assert_eq!(
        msg["payload"]["data"]["notificationAdded"]["kind"],
        "COMMUNITY_INVITATION"
    );

    // every invitation e-mail leaves exactly once, from whichever replica claimed it
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let invitations = || {
        a.mails()
            .into_iter()
            .chain(b.mails())
            .chain(c_proc.mails())
            .filter(|m| m.contains("/invitations/"))
            .collect::<Vec<_>>()
    };
    loop {
        let n = invitations().len();
        if n >= expected.len() || std::time::Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // let any duplicate have its chance to appear
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let mut to: Vec<String> = invitations()
        .into_iter()
        .map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("To: "))
                .unwrap()
                .trim()
                .to_string()
        })
        .collect();
    to.sort();
    let unique: HashSet<String> = to.iter().cloned().collect();
    assert_eq!(to.len(), unique.len(), "a mail went out twice: {to:?}");
    assert_eq!(unique, expected);
}
