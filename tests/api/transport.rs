//! The HTTP rules of API.md: JSON posts only for mutations, limits, health, tokens.

use convene_blackbox::*;
use serde_json::{json, Value};

#[tokio::test]
async fn health_and_ready_answer_json() {
    let app = spawn_app().await;
    let h: Value = app
        .http()
        .get(format!("{}/health", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(h["status"], "ok");
    let r = app
        .http()
        .get(format!("{}/ready", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = r.json::<Value>().await.unwrap();
    assert_eq!(r["database"], "ok");
    // the tests switch rate limits off (shared_limits.rs shows the other answers)
    assert_eq!(r["rateLimits"], "off");
}

#[tokio::test]
async fn mutations_never_run_from_get() {
    let app = spawn_app().await;
    let r = app
        .http()
        .get(format!("{}/graphql", app.base))
        .query(&[("query", "mutation { signOut { signedOut } }")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    let q = app
        .http()
        .get(format!("{}/graphql", app.base))
        .query(&[("query", "{ viewer { id } }")])
        .send()
        .await
        .unwrap();
    assert_eq!(q.status(), 200);
    assert_eq!(
        q.json::<Value>().await.unwrap()["data"]["viewer"],
        Value::Null
    );
}

#[tokio::test]
async fn form_and_text_posts_are_refused() {
    let app = spawn_app().await;
    let body = r#"{"query":"mutation { signOut { signedOut } }"}"#;
    for ct in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ] {
        let r = app
            .http()
            .post(format!("{}/graphql", app.base))
            .header("content-type", ct)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 415, "{ct}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(code(&v), Some("VALIDATION"));
    }
}

#[tokio::test]
async fn batches_are_capped_at_ten() {
    let app = spawn_app().await;
    let one = json!({ "query": "{ viewer { id } }" });
    let ten: Vec<Value> = (0..10).map(|_| one.clone()).collect();
    let r: Value = app
        .http()
        .post(format!("{}/graphql", app.base))
        .json(&ten)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r.as_array().map(|a| a.len()), Some(10));
    let eleven: Vec<Value> = (0..11).map(|_| one.clone()).collect();
    let r = app
        .http()
        .post(format!("{}/graphql", app.base))
        .json(&eleven)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        code(&r.json::<Value>().await.unwrap()),
        Some("QUERY_TOO_COMPLEX")
    );
}

#[tokio::test]
async fn bodies_over_two_mebibytes_get_413() {
    let app = spawn_app().await;
    let big = format!(
        r#"{{"query":"{{ viewer {{ id }} }}","variables":{{"x":"{}"}}}}"#,
        "a".repeat(2 * 1024 * 1024 + 10)
    );
    let r = app
        .http()
        .post(format!("{}/graphql", app.base))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
}

#[tokio::test]
async fn deep_queries_are_too_complex() {
    let app = spawn_app().await;
    let mut q = String::from("id");
    for _ in 0..15 {
        q = format!("merged_into_or_self: mergedInto {{ {q} }}");
    }
    let v = app
        .gql(
            None,
            &format!("{{ domains(first: 1) {{ nodes {{ {q} }} }} }}"),
            json!({}),
        )
        .await;
    assert_eq!(code(&v), Some("QUERY_TOO_COMPLEX"), "{v}");
    let v = app
        .gql(
            None,
            "{ organisations(first: 100) { nodes { id } } }",
            json!({}),
        )
        .await;
    assert!(v.get("errors").is_none(), "{v}");
}

#[tokio::test]
async fn page_size_is_at_most_a_hundred() {
    let app = spawn_app().await;
    let v = app
        .gql(
            None,
            "{ organisations(first: 101) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["first"]);
}

#[tokio::test]
async fn bad_tokens_are_unauthenticated_never_anonymous() {
    let app = spawn_app().await;
    for header in [
        "Bearer not-a-token",
        "Basic abc",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
    ] {
        let r: Value = app
            .http()
            .post(format!("{}/graphql", app.base))
            .header("authorization", header)
            .json(&json!({ "query": "{ viewer { id } }" }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(code(&r), Some("UNAUTHENTICATED"), "{header}");
        assert!(r["data"].is_null() || r.get("data").is_none());
    }
    // a real token with one character changed
    let token = app.admin().await;
    let mut bad = token.clone();
    let last = bad.pop().unwrap();
    bad.push(if last == 'A' { 'B' } else { 'A' });
    let v = app.gql(Some(&bad), "{ viewer { id } }", json!({})).await;
    assert_eq!(code(&v), Some("UNAUTHENTICATED"));
    let v = app
        .gql(Some(&token), "{ viewer { email } }", json!({}))
        .await;
    assert_eq!(ok(&v)["viewer"]["email"], ADMIN_EMAIL);
}

#[tokio::test]
async fn every_error_has_a_code() {
    let app = spawn_app().await;
    for q in [
        "{ nope }",
        "{ organisations(first: \"x\") { totalCount } }",
        "mutation { register(input: {}) { accessToken } }",
    ] {
        let v = app.gql(None, q, json!({})).await;
        assert!(code(&v).is_some(), "{q}: {v}");
    }
}

#[tokio::test]
async fn node_resolves_ids_and_metrics_count_sql() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Northgate NHS Trust", "NHS_TRUST", true)
        .await;
    let v = app
        .gql(
            None,
            "query($id: ID!) { node(id: $id) { id ... on Organisation { name sector } } }",
            json!({ "id": org }),
        )
        .await;
    assert_eq!(ok(&v)["node"]["name"], "Northgate NHS Trust");
    assert_eq!(ok(&v)["node"]["sector"], "NHS_TRUST");
    let m = app
        .http()
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let n: u64 = m
        .lines()
        .find_map(|l| l.strip_prefix("convene_sql_statements_total "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(n > 0);
}
