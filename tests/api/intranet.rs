//! The intranet connector against a fake Jive server started here: a real HTTP server that
//! fails some calls. The agreed definition arrives exactly once, and later versions update the
//! same document.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{post, put};
use axum::Router;
use convene_blackbox::*;
use serde_json::{json, Value};

#[derive(Clone, Default)]
struct Jive {
    calls: Arc<Mutex<Vec<(String, String, Value)>>>,
    /// How many POSTs fail with 503 before one succeeds; `None` answers 409 to every POST.
    fail_first: Option<usize>,
}

async fn create(State(j): State<Jive>, headers: HeaderMap, body: String) -> (StatusCode, String) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let n = {
        let mut c = j.calls.lock().unwrap();
        c.push(("POST".into(), auth, body));
        c.iter().filter(|x| x.0 == "POST").count()
    };
    match j.fail_first {
        None => (StatusCode::CONFLICT, "{\"error\":{\"message\":\"duplicate title\"}}".into()),
        Some(k) if n <= k => (StatusCode::SERVICE_UNAVAILABLE, "busy".into()),
        Some(_) => (
            StatusCode::CREATED,
            "throw 'allowIllegalResourceCall is false.';\n{\"contentID\":\"1001\",\"resources\":{\"html\":{\"ref\":\"http://jive.test/docs/DOC-1001\"}}}".into(),
        ),
    }
}

async fn update(
    State(j): State<Jive>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: String,
) -> (StatusCode, String) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    j.calls
        .lock()
        .unwrap()
        .push((format!("PUT {id}"), auth, body));
    (StatusCode::OK, format!("{{\"contentID\":\"{id}\"}}"))
}

async fn fake_jive(fail_first: Option<usize>) -> (String, Jive) {
    let j = Jive {
        fail_first,
        ..Default::default()
    };
    let app = Router::new()
        .route("/api/core/v3/contents", post(create))
        .route("/api/core/v3/contents/{id}", put(update))
        .with_state(j.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), j)
}

const PUBLICATION: &str = "query($id: ID!) { community(id: $id) { intranetPage domainDefinition { version publication { state attempts lastError documentUrl contentId publishedVersion } } } }";

async fn publication(app: &TestApp, token: &str, c: &str) -> Value {
    ok(&app.gql(Some(token), PUBLICATION, json!({ "id": c })).await)["community"]
        ["domainDefinition"]["publication"]
        .clone()
}

async fn wait_for(app: &TestApp, token: &str, c: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let p = publication(app, token, c).await;
        if done(&p) {
            return p;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "publication never settled: {}",
        publication(app, token, c).await
    );
}

/// A community with its intranet page set; returns (convener token, community id).
async fn community(app: &TestApp) -> (String, String) {
    let w = world(app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(
            Some(&ada),
            "mutation($d: ID!) { createCommunity(input: { name: \"Falls peers\", domainId: $d, membershipMode: OPEN }) { community { id } } }",
            json!({ "d": w.domain }),
        )
        .await;
    let c = ok(&v)["createCommunity"]["community"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let bad = app
        .gql(Some(&ada), "mutation($c: ID!) { setIntranetPage(input: { communityId: $c, placeUri: \"not a uri\" }) { community { id } } }", json!({ "c": c }))
        .await;
    assert_eq!(fields(&bad), ["placeUri"]);
    ok(&app
        .gql(
            Some(&ada),
            "mutation($c: ID!) { setIntranetPage(input: { communityId: $c, placeUri: \"http://jive.test/api/core/v3/places/77\" }) { community { intranetPage } } }",
            json!({ "c": c }),
        )
        .await);
    (ada, c)
}

async fn agree(app: &TestApp, token: &str, c: &str, text: &str) {
    let v = app
        .gql(Some(token), "mutation($c: ID!, $t: String!) { proposeDomainDefinition(input: { communityId: $c, text: $t }) { version { id } } }", json!({ "c": c, "t": text }))
        .await;
    let id = ok(&v)["proposeDomainDefinition"]["version"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(&app.gql(Some(token), "mutation($v: ID!) { agreeDomainDefinition(input: { versionId: $v }) { version { id } } }", json!({ "v": id })).await);
}

#[tokio::test]
async fn an_intranet_that_fails_twice_gets_the_definition_once_then_updates_in_place() {
    let (base, jive) = fake_jive(Some(2)).await;
    let app = spawn_with(|v| {
        v.insert("CONVENE_INTRANET_BASE_URL".into(), base.clone());
        v.insert("CONVENE_INTRANET_TOKEN".into(), "jive-token".into());
        v.insert("CONVENE_OUTBOX_BACKOFF_MS".into(), "20".into());
    })
    .await;
    let (ada, c) = community(&app).await;
    agree(
        &app,
        &ada,
        &c,
        "Falls in hospital and at home, across professions",
    )
    .await;
    let p = wait_for(&app, &ada, &c, |p| p["state"] == "PUBLISHED").await;
    assert_eq!(p["attempts"], 3);
    assert_eq!(p["contentId"], "1001");
    assert_eq!(p["documentUrl"], "http://jive.test/docs/DOC-1001");
    assert_eq!(p["publishedVersion"], 1);
    {
        let calls = jive.calls.lock().unwrap();
        assert_eq!(calls.len(), 3, "two failures, then one create");
        let (method, auth, body) = &calls[2];
        assert_eq!(method, "POST");
        assert_eq!(auth, "Bearer jive-token");
        assert_eq!(body["type"], "document");
        assert_eq!(body["visibility"], "place");
        assert_eq!(body["parent"], "http://jive.test/api/core/v3/places/77");
        assert_eq!(body["content"]["type"], "text/html");
        assert!(body["content"]["text"]
            .as_str()
            .unwrap()
            .contains("Falls in hospital"));
    }
    // a later agreed version updates the same document
    agree(&app, &ada, &c, "Falls everywhere, with patients and carers").await;
    let p = wait_for(&app, &ada, &c, |p| {
        p["publishedVersion"] == 2 && p["state"] == "PUBLISHED"
    })
    .await;
    assert_eq!(p["contentId"], "1001");
    let calls = jive.calls.lock().unwrap();
    assert_eq!(
        calls.iter().filter(|x| x.0 == "POST").count(),
        3,
        "no second document"
    );
    let puts: Vec<_> = calls.iter().filter(|x| x.0 == "PUT 1001").collect();
    assert_eq!(puts.len(), 1);
    assert!(puts[0].2["content"]["text"]
        .as_str()
        .unwrap()
        .contains("patients and carers"));
}

#[tokio::test]
async fn a_title_clash_is_shown_to_the_convener_and_not_retried() {
    let (base, jive) = fake_jive(None).await;
    let app = spawn_with(|v| {
        v.insert("CONVENE_INTRANET_BASE_URL".into(), base.clone());
        v.insert("CONVENE_INTRANET_TOKEN".into(), "jive-token".into());
        v.insert("CONVENE_OUTBOX_BACKOFF_MS".into(), "20".into());
    })
    .await;
    let (ada, c) = community(&app).await;
    agree(
        &app,
        &ada,
        &c,
        "Falls in hospital and at home, across professions",
    )
    .await;
    let p = wait_for(&app, &ada, &c, |p| p["state"] == "FAILED").await;
    assert!(p["lastError"].as_str().unwrap().contains("title"), "{p}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(jive.calls.lock().unwrap().len(), 1, "a 409 is not retried");
    // retrying by hand tries again
    ok(&app.gql(Some(&ada), "mutation($c: ID!) { retryIntranetPublication(input: { communityId: $c }) { community { id } } }", json!({ "c": c })).await);
    wait_for(&app, &ada, &c, |_| jive.calls.lock().unwrap().len() == 2).await;
    // members who do not run the community see no publication details
    let w_org = ok(&app
        .gql(
            None,
            "{ organisations(first: 1) { nodes { id } } }",
            json!({}),
        )
        .await)["organisations"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (bo, _) = app.register("bo@example.nhs.uk", &w_org).await;
    ok(&app
        .gql(
            Some(&bo),
            "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }",
            json!({ "c": c }),
        )
        .await);
    assert_eq!(publication(&app, &bo, &c).await, Value::Null);
}
