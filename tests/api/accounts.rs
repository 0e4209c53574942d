//! Accounts (SPEC §7): register, sign in, refresh, sign out, viewer, grantRole.

use convene_blackbox::*;
use serde_json::{json, Value};

const REGISTER: &str = "mutation($i: RegisterInput!) { register(input: $i) { accessToken refreshToken person { id name email organisation { name } roles } } }";
const REFRESH: &str = "mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken refreshToken } }";
const GRANT: &str =
    "mutation($i: GrantRoleInput!) { grantRole(input: $i) { person { id roles } } }";

async fn register(app: &TestApp, input: Value) -> Value {
    app.gql(None, REGISTER, json!({ "i": input })).await
}

#[tokio::test]
async fn register_sign_in_and_viewer() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let v = register(&app, json!({ "email": " Ada@Example.NHS.uk ", "password": PASSWORD, "name": "Ada", "organisationId": org, "profession": "Pharmacist" })).await;
    let p = &ok(&v)["register"];
    assert_eq!(p["person"]["email"], "ada@example.nhs.uk");
    assert_eq!(p["person"]["organisation"]["name"], "Riverside NHS Trust");
    assert_eq!(p["person"]["roles"], json!([]));
    let token = app.sign_in("ADA@example.nhs.uk", PASSWORD).await;
    let me = app
        .gql(
            Some(&token),
            "{ viewer { name email profession } }",
            json!({}),
        )
        .await;
    assert_eq!(
        ok(&me)["viewer"],
        json!({ "name": "Ada", "email": "ada@example.nhs.uk", "profession": "Pharmacist" })
    );
    let anon = app.gql(None, "{ viewer { id } }", json!({})).await;
    assert_eq!(ok(&anon)["viewer"], Value::Null);
}

#[tokio::test]
async fn register_names_each_bad_field() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let good = json!({ "email": "b@example.nhs.uk", "password": PASSWORD, "name": "B", "organisationId": org });
    let cases = [
        ("email", json!("not-an-email")),
        ("password", json!("elevenchars")),
        ("name", json!("   ")),
        ("organisationId", json!("bm9wZQ")),
        ("profession", json!("x".repeat(121))),
    ];
    for (field, value) in cases {
        let mut i = good.clone();
        i[field] = value;
        let v = register(&app, i).await;
        assert_eq!(code(&v), Some("VALIDATION"), "{field}: {v}");
        assert_eq!(fields(&v), [field], "{field}");
    }
    // all at once: every field is named
    let v = register(
        &app,
        json!({ "email": "x", "password": "short", "name": "", "organisationId": "bad" }),
    )
    .await;
    let mut f = fields(&v);
    f.sort();
    assert_eq!(f, ["email", "name", "organisationId", "password"]);
    // an unknown organisation
    let v = register(&app, json!({ "email": "c@example.nhs.uk", "password": PASSWORD, "name": "C", "organisationId": admin_org_like(&org) })).await;
    assert_eq!(fields(&v), ["organisationId"]);
    // a taken address
    ok(&register(&app, good.clone()).await);
    let v = register(&app, good).await;
    assert_eq!(code(&v), Some("CONFLICT"));
    assert_eq!(fields(&v), ["email"]);
}

/// An Organisation ID that does not exist.
fn admin_org_like(_org: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("Organisation:{}", uuid::Uuid::new_v4()))
}

#[tokio::test]
async fn wrong_passwords_and_unknown_people_are_refused_alike() {
    let app = spawn_app().await;
    let a = app.gql(None, "mutation { signIn(input: { email: \"admin@test.example\", password: \"wrong password!\" }) { accessToken } }", json!({})).await;
    let b = app.gql(None, "mutation { signIn(input: { email: \"nobody@test.example\", password: \"wrong password!\" }) { accessToken } }", json!({})).await;
    assert_eq!(code(&a), Some("UNAUTHENTICATED"));
    assert_eq!(a["errors"][0]["message"], b["errors"][0]["message"]);
    let c = app
        .gql(
            None,
            "mutation { signIn(input: { email: \"\", password: \"\" }) { accessToken } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&c), Some("VALIDATION"));
}

#[tokio::test]
async fn refresh_tokens_rotate_and_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let v = app.gql(None, "mutation { signIn(input: { email: \"admin@test.example\", password: \"admin-password-123\" }) { refreshToken } }", json!({})).await;
    let r1 = ok(&v)["signIn"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_string();
    let v = app.gql(None, REFRESH, json!({ "t": r1 })).await;
    let r2 = ok(&v)["refreshSession"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_string();
    let access = ok(&v)["refreshSession"]["accessToken"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(r1, r2);
    assert_eq!(
        ok(&app
            .gql(Some(&access), "{ viewer { email } }", json!({}))
            .await)["viewer"]["email"],
        ADMIN_EMAIL
    );
    // spending r1 again: refused, and r2 (same family) is revoked with it
    let again = app.gql(None, REFRESH, json!({ "t": r1 })).await;
    assert_eq!(code(&again), Some("UNAUTHENTICATED"));
    let after = app.gql(None, REFRESH, json!({ "t": r2 })).await;
    assert_eq!(code(&after), Some("UNAUTHENTICATED"));
    let junk = app.gql(None, REFRESH, json!({ "t": "junk" })).await;
    assert_eq!(code(&junk), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let app = spawn_app().await;
    let v = app.gql(None, "mutation { signIn(input: { email: \"admin@test.example\", password: \"admin-password-123\" }) { accessToken refreshToken } }", json!({})).await;
    let r = ok(&v)["signIn"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_string();
    let out = app
        .gql(
            None,
            "mutation($t: String) { signOut(input: { refreshToken: $t }) { signedOut } }",
            json!({ "t": r }),
        )
        .await;
    assert_eq!(ok(&out)["signOut"]["signedOut"], true);
    assert_eq!(
        code(&app.gql(None, REFRESH, json!({ "t": r })).await),
        Some("UNAUTHENTICATED")
    );
    // without a token or a session: nothing to end
    let anon = app
        .gql(None, "mutation { signOut { signedOut } }", json!({}))
        .await;
    assert_eq!(code(&anon), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn only_the_programme_team_grants_roles_and_it_is_audited() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (alice, alice_id) = app.register("alice@example.nhs.uk", &org).await;
    let input = json!({ "i": { "personId": alice_id, "role": "PANEL" } });
    assert_eq!(
        code(&app.gql(None, GRANT, input.clone()).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(Some(&alice), GRANT, input.clone()).await),
        Some("FORBIDDEN")
    );
    let v = app.gql(Some(&admin), GRANT, input).await;
    assert_eq!(ok(&v)["grantRole"]["person"]["roles"], json!(["PANEL"]));
    let bad = app
        .gql(
            Some(&admin),
            GRANT,
            json!({ "i": { "personId": org, "role": "PANEL" } }),
        )
        .await;
    assert_eq!(fields(&bad), ["personId"]);
    let log = app.gql(Some(&admin), "query($id: ID) { auditLog(entityId: $id) { nodes { action before after actor { id } } } }", json!({ "id": alice_id })).await;
    let entry = &ok(&log)["auditLog"]["nodes"][0];
    assert_eq!(entry["action"], "grant_role");
    assert_eq!(entry["before"], "[]");
    assert_eq!(entry["after"], "[\"PANEL\"]");
    assert_eq!(
        code(
            &app.gql(Some(&alice), "{ auditLog { totalCount } }", json!({}))
                .await
        ),
        Some("FORBIDDEN")
    );
}

#[tokio::test]
async fn the_last_programme_team_member_keeps_the_role() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let me = ok(&app.gql(Some(&admin), "{ viewer { id } }", json!({})).await)["viewer"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let v = app
        .gql(
            Some(&admin),
            "mutation($i: RevokeRoleInput!) { revokeRole(input: $i) { person { roles } } }",
            json!({ "i": { "personId": me, "role": "PROGRAMME_TEAM" } }),
        )
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
}
