//! GraphQL limits (issue 8, item 2): complexity weighted by page size, aliases, a per-request
//! timeout, introspection and suggestions by environment — and every operation the SPA sends
//! stays inside them.

use std::collections::BTreeMap;
use std::path::Path;

use convene_blackbox::*;
use serde_json::{json, Value};

async fn production() -> TestApp {
    spawn_with(|v| {
        v.insert("CONVENE_ENV".into(), "production".into());
    })
    .await
}

#[tokio::test]
async fn nested_pages_are_weighed_by_their_size() {
    let app = spawn_app().await;
    let nested = |outer: u32, inner: u32| {
        format!("{{ communities(first: {outer}) {{ nodes {{ id meetings(first: {inner}) {{ nodes {{ id startsAt }} }} }} }} }}")
    };
    let v = app.gql(None, &nested(100, 100), json!({})).await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
    assert!(v["data"].is_null(), "{v}");
    let v = app.gql(None, &nested(10, 10), json!({})).await;
    assert_eq!(ok(&v)["communities"]["nodes"], json!([]));
    // `last` weighs the same as `first`; with neither, a page is twenty
    let v = app
        .gql(
            None,
            "{ communities(last: 100, before: \"bzo1\") { nodes { id practices(last: 100, before: \"bzo1\") { nodes { id name } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
    let v = app
        .gql(
            None,
            "{ calls { nodes { id applications { nodes { id } } } } }",
            json!({}),
        )
        .await;
    assert_ne!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
    // a variable is weighed by its value
    let v = app
        .gql(
            None,
            "query($n: Int) { communities(first: $n) { nodes { meetings(first: $n) { nodes { id startsAt agenda } } } } }",
            json!({ "n": 90 }),
        )
        .await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
}

#[tokio::test]
async fn aliases_are_limited() {
    let app = spawn_app().await;
    let aliased = |n: usize| {
        let fields: Vec<String> = (0..n).map(|i| format!("a{i}: __typename")).collect();
        format!("{{ {} }}", fields.join(" "))
    };
    let v = app.gql(None, &aliased(30), json!({})).await;
    assert_eq!(ok(&v)["a29"], "QueryRoot");
    let v = app.gql(None, &aliased(31), json!({})).await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("at most 30 aliases"));
    // the guess-a-password-many-times-in-one-request shape is among them
    let sign_ins: Vec<String> = (0..40)
        .map(|i| format!("s{i}: signIn(input: {{ email: \"{ADMIN_EMAIL}\", password: \"guess number {i}\" }}) {{ accessToken }}"))
        .collect();
    let v = app
        .gql(
            None,
            &format!("mutation {{ {} }}", sign_ins.join(" ")),
            json!({}),
        )
        .await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
}

#[tokio::test]
async fn directives_are_limited() {
    let app = spawn_app().await;
    let with = |n: usize| format!("{{ __typename {} }}", "@include(if: true) ".repeat(n));
    // CVE-2024-47614: thousands of directives on one field once cost the parser dearly
    let v = app.gql(None, &with(10), json!({})).await;
    assert_eq!(ok(&v)["__typename"], "QueryRoot");
    let v = app.gql(None, &with(11), json!({})).await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
    let v = app.gql(None, &with(5_000), json!({})).await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
}

#[tokio::test]
async fn a_request_past_its_time_is_stopped_with_a_clear_error() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_REQUEST_TIMEOUT_MS".into(), "1".into());
    })
    .await;
    // signing in hashes a password (argon2id, 19 MiB): far more than a millisecond
    let started = std::time::Instant::now();
    let r = app
        .http()
        .post(format!("{}/graphql", app.base))
        .json(&json!({ "query": "mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }",
                       "variables": { "i": { "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD } } }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    let v: Value = r.json().await.unwrap();
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("more than 1 ms"));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // the server is still there
    let h = app
        .http()
        .get(format!("{}/health", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(h.status(), 200);
}

#[tokio::test]
async fn introspection_in_production_is_for_people_and_partners() {
    let app = production().await;
    let schema = "{ __schema { queryType { name } } }";
    let one_type = "{ t: __type(name: \"Call\") { name } }";
    for q in [
        schema,
        one_type,
        "{ ...F } fragment F on QueryRoot { __schema { types { name } } }",
    ] {
        let v = app.gql(None, q, json!({})).await;
        assert_eq!(code(&v), Some("FORBIDDEN"), "{q}: {v}");
        assert!(v["data"].is_null(), "{v}");
    }
    let v = app.gql(None, "{ __typename }", json!({})).await;
    assert_eq!(ok(&v)["__typename"], "QueryRoot");
    // a person who is signed in
    let admin = app.admin().await;
    let v = app.gql(Some(&admin), schema, json!({})).await;
    assert_eq!(ok(&v)["__schema"]["queryType"]["name"], "QueryRoot");
    // a partner system
    let w = world(&app).await;
    let v = app
        .gql(
            Some(&admin),
            "mutation($i: CreateServiceClientInput!) { createServiceClient(input: $i) { client { clientId } clientSecret } }",
            json!({ "i": { "name": "Northshire Trust intranet", "organisationId": w.nhs_org, "scopes": ["read:calls"] } }),
        )
        .await;
    let c = &ok(&v)["createServiceClient"];
    let v = app
        .gql(
            None,
            "mutation($id: String!, $s: String!) { issueServiceToken(input: { clientId: $id, clientSecret: $s }) { accessToken } }",
            json!({ "id": c["client"]["clientId"], "s": c["clientSecret"] }),
        )
        .await;
    let partner = as_string(&ok(&v)["issueServiceToken"]["accessToken"]);
    let v = app.gql(Some(&partner), one_type, json!({})).await;
    assert_eq!(ok(&v)["t"]["name"], "Call");
}

#[tokio::test]
async fn introspection_in_development_is_open_for_the_explorer() {
    let app = spawn_app().await;
    let v = app
        .gql(None, "{ __schema { queryType { name } } }", json!({}))
        .await;
    assert_eq!(ok(&v)["__schema"]["queryType"]["name"], "QueryRoot");
}

#[tokio::test]
async fn suggestions_are_off_in_production() {
    let typo = "{ organisatons(first: 1) { totalCount } }";
    let dev = spawn_app().await;
    let v = dev.gql(None, typo, json!({})).await;
    let message = v["errors"][0]["message"].as_str().unwrap().to_string();
    assert!(message.contains("Did you mean"), "{message}");
    let prod = production().await;
    let v = prod.gql(None, typo, json!({})).await;
    assert_eq!(code(&v), Some("VALIDATION"), "{v}");
    let message = v["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("organisatons"), "{message}");
    assert!(!message.contains("Did you mean"), "{message}");
    assert!(!message.contains("organisations"), "{message}");
}

/// Every `graphql(\`…\`)` document in the SPA's sources (not the generated `src/graphql/`).
fn spa_documents() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name()
                    .is_some_and(|n| n != "graphql" && n != "node_modules")
                {
                    walk(&p, out);
                }
            } else if p.extension().is_some_and(|x| x == "ts" || x == "tsx") {
                let text = std::fs::read_to_string(&p).unwrap();
                let mut rest = text.as_str();
                while let Some(i) = rest.find("graphql(`") {
                    let body = &rest[i + "graphql(`".len()..];
                    let end = body.find('`').expect("a closing backtick");
                    out.push(body[..end].to_string());
                    rest = &body[end..];
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../frontend/src"),
        &mut out,
    );
    out
}

/// urql's document cache adds `__typename` to every selection set but an operation's root: so
/// does this (outside arguments' parentheses), so that what is checked is what the SPA sends.
fn with_typenames(doc: &str) -> String {
    let is_fragment = doc.trim_start().starts_with("fragment");
    let mut out = String::new();
    let (mut parens, mut braces) = (0, 0);
    for c in doc.chars() {
        out.push(c);
        match c {
            '(' => parens += 1,
            ')' => parens -= 1,
            '{' if parens == 0 => {
                if braces > 0 || is_fragment {
                    out.push_str(" __typename ");
                }
                braces += 1;
            }
            '}' if parens == 0 => braces -= 1,
            _ => {}
        }
    }
    out
}

/// The names of the fragments a document spreads (`...Name`, not `... on Type`).
fn spreads(doc: &str) -> Vec<String> {
    doc.match_indices("...")
        .filter_map(|(i, _)| {
            let name: String = doc[i + 3..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty() && name != "on").then_some(name)
        })
        .collect()
}

#[tokio::test]
async fn every_operation_of_the_spa_is_within_the_limits() {
    let docs = spa_documents();
    let mut fragments = BTreeMap::new();
    let mut operations = Vec::new();
    for d in docs {
        let t = d.trim_start();
        if let Some(rest) = t.strip_prefix("fragment ") {
            let name: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
            fragments.insert(name, d.clone());
        } else {
            operations.push(d);
        }
    }
    // the WebSocket check below does see a refusal
    let app = spawn_app().await;
    let admin = app.admin().await;
    assert!(!subscription_errors(&app, &admin, "subscription { nope }")
        .await
        .is_empty());
    assert!(
        operations.len() > 100,
        "the SPA's operations were not found: {}",
        operations.len()
    );
    for op in &operations {
        // the fragments it needs, and theirs, each once
        let mut needed: Vec<String> = Vec::new();
        let mut queue = spreads(op);
        while let Some(f) = queue.pop() {
            if !needed.contains(&f) {
                let body = fragments
                    .get(&f)
                    .unwrap_or_else(|| panic!("fragment {f} not found"));
                queue.extend(spreads(body));
                needed.push(f);
            }
        }
        let mut doc = with_typenames(op);
        for f in &needed {
            doc.push_str(&with_typenames(&fragments[f]));
        }
        if op.trim_start().starts_with("subscription") {
            let errors = subscription_errors(&app, &admin, &doc).await;
            assert!(errors.is_empty(), "{op}: {errors:?}");
            continue;
        }
        let is_mutation = op.trim_start().starts_with("mutation");
        // mutations anonymously, without their variables: they are judged, never run
        let token = (!is_mutation).then_some(admin.as_str());
        let v = app.gql(token, &doc, json!({})).await;
        for e in v["errors"].as_array().into_iter().flatten() {
            let message = e["message"].as_str().unwrap_or_default();
            assert_ne!(e["extensions"]["code"], "QUERY_TOO_COMPLEX", "{op}: {v}");
            assert!(
                !message.contains("Unknown") && !message.contains("never used"),
                "the SPA's document does not fit the schema: {op}: {v}"
            );
        }
    }
}

/// Subscribe over `/graphql/ws` and collect the errors the server answers within half a
/// second (a document it accepts just stays open).
async fn subscription_errors(app: &TestApp, token: &str, doc: &str) -> Vec<Value> {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    use tokio_tungstenite::tungstenite::Message;
    let url = format!("{}/graphql/ws", app.base.replace("http://", "ws://"));
    let mut req = url.into_client_request().unwrap();
    req.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    let send = |v: Value| Message::Text(v.to_string().into());
    socket
        .send(send(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } })))
        .await
        .unwrap();
    socket
        .send(send(
            json!({ "id": "1", "type": "subscribe", "payload": { "query": doc } }),
        ))
        .await
        .unwrap();
    let mut errors = Vec::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_millis(500);
    while let Ok(Some(Ok(m))) = tokio::time::timeout_at(deadline, socket.next()).await {
        let Message::Text(t) = m else { continue };
        let v: Value = serde_json::from_str(&t).unwrap();
        match v["type"].as_str() {
            Some("error") => errors.push(v["payload"].clone()),
            Some("next") if v["payload"]["errors"].is_array() => errors.push(v["payload"].clone()),
            _ => {}
        }
    }
    errors
}
