//! Forged and misused tokens (issue 8, item 3): every one is `UNAUTHENTICATED`, never a silent
//! anonymous viewer. The forgeries are made with `jsonwebtoken` and the claims of
//! `crates/server/src/auth/jwt.rs`.

use base64::Engine;
use convene_blackbox::*;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

/// The secret `spawn_app()` gives the server.
const SECRET: &str = "a-test-secret-that-is-long-enough-for-hs256";

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// A person's claims as the server issues them, valid for ten minutes.
fn claims(sub: &str) -> Value {
    json!({ "sub": sub, "exp": now() + 600, "iat": now(), "iss": "convene",
            "aud": "convene-api", "kind": "person" })
}

fn sign_with(alg: Algorithm, secret: &str, claims: &Value) -> String {
    encode(
        &Header::new(alg),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn sign(claims: &Value) -> String {
    sign_with(Algorithm::HS256, SECRET, claims)
}

/// `claims` with `key` set to `value` (or removed when `value` is null).
fn with(mut c: Value, key: &str, value: Value) -> Value {
    if value.is_null() {
        c.as_object_mut().unwrap().remove(key);
    } else {
        c[key] = value;
    }
    c
}

/// An unsigned token: `{"alg":"none"}`, the claims, and an empty signature.
fn alg_none(claims: &Value) -> String {
    let b64 = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.",
        b64(&json!({ "alg": "none", "typ": "JWT" })),
        b64(claims)
    )
}

async fn viewer_with(app: &TestApp, token: &str) -> (u16, Value) {
    let r = app
        .http()
        .post(format!("{}/graphql", app.base))
        .header("authorization", format!("Bearer {token}"))
        .json(&json!({ "query": "{ viewer { id email } }" }))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn forged_and_misused_access_tokens_are_unauthenticated() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let me = app.viewer_id(&admin).await;
    // the person's own uuid, as the real token's `sub` carries it
    let sub = {
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(admin.split('.').nth(1).unwrap())
            .unwrap();
        serde_json::from_slice::<Value>(&raw).unwrap()["sub"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let good = claims(&sub);
    // the real thing works, and so does a hand-made token with the right key and claims
    assert_eq!(ok(&viewer_with(&app, &admin).await.1)["viewer"]["id"], me);
    assert_eq!(
        ok(&viewer_with(&app, &sign(&good)).await.1)["viewer"]["id"],
        me,
        "the forger's claims are the server's own: only the changed part is refused below"
    );
    let refresh = {
        let v = app
            .gql(
                None,
                "mutation($i: SignInInput!) { signIn(input: $i) { refreshToken } }",
                json!({ "i": { "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD } }),
            )
            .await;
        as_string(&ok(&v)["signIn"]["refreshToken"])
    };
    let table: Vec<(&str, String)> = vec![
        ("alg none", alg_none(&good)),
        ("alg none, lower case", {
            let t = alg_none(&good);
            t.replacen(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(r#"{"alg":"none","typ":"JWT"}"#),
                &base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(r#"{"alg":"None","typ":"JWT"}"#),
                1,
            )
        }),
        (
            "HS256 with another key",
            sign_with(
                Algorithm::HS256,
                "another-secret-that-is-long-enough-0123",
                &good,
            ),
        ),
        (
            "HS512 with the right key",
            sign_with(Algorithm::HS512, SECRET, &good),
        ),
        (
            "HS384 with the right key",
            sign_with(Algorithm::HS384, SECRET, &good),
        ),
        (
            "expired",
            sign(&with(good.clone(), "exp", json!(now() - 120))),
        ),
        (
            "nbf in the future",
            sign(&with(good.clone(), "nbf", json!(now() + 600))),
        ),
        (
            "issued in the future",
            sign(&with(good.clone(), "iat", json!(now() + 600))),
        ),
        (
            "wrong issuer",
            sign(&with(good.clone(), "iss", json!("someone-else"))),
        ),
        ("no issuer", sign(&with(good.clone(), "iss", Value::Null))),
        (
            "wrong audience",
            sign(&with(good.clone(), "aud", json!("another-api"))),
        ),
        ("no audience", sign(&with(good.clone(), "aud", Value::Null))),
        ("no expiry", sign(&with(good.clone(), "exp", Value::Null))),
        (
            "no issued-at",
            sign(&with(good.clone(), "iat", Value::Null)),
        ),
        (
            "kind refresh",
            sign(&with(good.clone(), "kind", json!("refresh"))),
        ),
        ("no kind", sign(&with(good.clone(), "kind", Value::Null))),
        ("a refresh token as the access token", refresh.clone()),
        (
            "sub not an id",
            sign(&with(good.clone(), "sub", json!("admin"))),
        ),
        (
            "an unknown person",
            sign(&claims(&uuid::Uuid::new_v4().to_string())),
        ),
        (
            "an unknown client",
            sign(&with(
                with(good.clone(), "kind", json!("client")),
                "sub",
                json!(format!("client:{}", uuid::Uuid::new_v4())),
            )),
        ),
        (
            "a person's id as a client",
            sign(&with(good.clone(), "kind", json!("client"))),
        ),
        (
            "the signature cut off",
            admin.rsplit_once('.').unwrap().0.to_string() + ".",
        ),
        ("garbage", "not-a-token".into()),
        ("three dots of garbage", "a.b.c".into()),
        ("empty", String::new()),
    ];
    for (name, token) in &table {
        let (status, v) = viewer_with(&app, token).await;
        assert_eq!(code(&v), Some("UNAUTHENTICATED"), "{name}: {v}");
        assert_eq!(status, 200, "{name}: GraphQL errors are answered 200");
        assert!(v["data"].is_null(), "{name}: nothing is answered: {v}");
        let message = v["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(
            !message.contains("InvalidAlgorithm") && !message.contains("Error("),
            "{name}: {message}"
        );
    }
}

#[tokio::test]
async fn a_partner_token_never_opens_what_needs_a_person() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let v = app
        .gql(
            Some(&w.admin),
            "mutation($i: CreateServiceClientInput!) { createServiceClient(input: $i) { client { clientId } clientSecret } }",
            json!({ "i": { "name": "Northshire Trust intranet", "organisationId": w.nhs_org, "scopes": ["read:calls", "read:communities"] } }),
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
    let client = as_string(&ok(&v)["issueServiceToken"]["accessToken"]);
    // a partner reads GraphQL as itself…
    let (_, v) = viewer_with(&app, &client).await;
    assert_eq!(ok(&v)["viewer"], Value::Null);
    // …but the routes that need a person refuse it as they refuse a bad token
    for path in [
        format!("/exports/calls/{}/honoraria.csv", w.call),
        format!("/exports/calls/{}/applications.csv", w.call),
    ] {
        let r = app
            .http()
            .get(format!("{}{path}", app.base))
            .bearer_auth(&client)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "{path}");
        let r = app
            .http()
            .get(format!("{}{path}", app.base))
            .bearer_auth(&w.admin)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path} with the programme team's token");
    }
}

const REFRESH: &str = "mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken refreshToken } }";

#[tokio::test]
async fn a_refresh_token_used_twice_ends_the_whole_family() {
    let app = spawn_app().await;
    let v = app
        .gql(
            None,
            "mutation($i: SignInInput!) { signIn(input: $i) { refreshToken } }",
            json!({ "i": { "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD } }),
        )
        .await;
    let first = as_string(&ok(&v)["signIn"]["refreshToken"]);
    let v = app.gql(None, REFRESH, json!({ "t": first })).await;
    let second = as_string(&ok(&v)["refreshSession"]["refreshToken"]);
    assert_ne!(first, second);
    // the spent one again: refused, and the family with it
    let v = app.gql(None, REFRESH, json!({ "t": first })).await;
    assert_eq!(code(&v), Some("UNAUTHENTICATED"), "{v}");
    let v = app.gql(None, REFRESH, json!({ "t": second })).await;
    assert_eq!(
        code(&v),
        Some("UNAUTHENTICATED"),
        "the thief's newer token dies too: {v}"
    );
    // an access token is not a refresh token, nor is garbage
    let access = app.admin().await;
    for t in [access.as_str(), "", "garbage"] {
        let v = app.gql(None, REFRESH, json!({ "t": t })).await;
        assert_eq!(code(&v), Some("UNAUTHENTICATED"), "{t:?}: {v}");
    }
}
