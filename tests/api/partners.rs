//! Partner systems (SPEC §6): service clients created by the programme team, tokens that carry
//! scopes, scopes enforced at every depth (root fields, `node`, nested lists), no writes, and
//! revocation that takes effect at once.

use convene_blackbox::*;
use serde_json::{json, Value};

const CREATE_CLIENT: &str = "mutation($i: CreateServiceClientInput!) { createServiceClient(input: $i) { client { id clientId name scopes organisation { id } revokedAt } clientSecret } }";
const ISSUE: &str = "mutation($id: String!, $s: String!) { issueServiceToken(input: { clientId: $id, clientSecret: $s }) { accessToken expiresAt scopes } }";

struct Client {
    client_id: String,
    secret: String,
}

async fn client(app: &TestApp, w: &World, scopes: &[&str]) -> Client {
    let v = app
        .gql(
            Some(&w.admin),
            CREATE_CLIENT,
            json!({ "i": { "name": "Northshire Trust intranet", "organisationId": w.nhs_org, "scopes": scopes } }),
        )
        .await;
    let c = &ok(&v)["createServiceClient"];
    Client {
        client_id: as_string(&c["client"]["clientId"]),
        secret: as_string(&c["clientSecret"]),
    }
}

async fn token(app: &TestApp, c: &Client) -> String {
    let v = app
        .gql(None, ISSUE, json!({ "id": c.client_id, "s": c.secret }))
        .await;
    as_string(&ok(&v)["issueServiceToken"]["accessToken"])
}

/// A listed community with a PUBLIC promising practice, made by Ada.
async fn content(app: &TestApp, w: &World) -> (String, String) {
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(
            Some(&ada),
            "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }",
            json!({ "i": { "name": "Safer handover peers", "domainId": w.domain, "membershipMode": "OPEN", "listed": true } }),
        )
        .await;
    let community = as_string(&ok(&v)["createCommunity"]["community"]["id"]);
    let v = app
        .gql(
            Some(&ada),
            "mutation($i: ProposePracticeInput!) { proposePractice(input: $i) { practice { id } } }",
            json!({ "i": { "communityId": community, "name": "Bedside handover checklist", "description": "A short checklist used at the bedside at every shift change.", "tags": ["handover"] } }),
        )
        .await;
    let practice = as_string(&ok(&v)["proposePractice"]["practice"]["id"]);
    ok(&app
        .gql(
            Some(&ada),
            "mutation($i: MarkPromisingInput!) { markPromising(input: $i) { practice { id } } }",
            json!({ "i": { "practiceId": practice, "evidence": "Fewer omitted handover items on three wards.", "outcomes": "Nurses report calmer handovers.", "organisationIds": [w.nhs_org], "visibility": "PUBLIC" } }),
        )
        .await);
    (community, practice)
}

#[tokio::test]
async fn only_the_programme_team_creates_clients_and_the_secret_is_shown_once() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (someone, _) = app.register("someone@example.nhs.uk", &w.nhs_org).await;
    let input = json!({ "i": { "name": "Trust system", "organisationId": w.nhs_org, "scopes": ["read:calls"] } });
    assert_eq!(
        code(&app.gql(Some(&someone), CREATE_CLIENT, input.clone()).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(None, CREATE_CLIENT, input).await),
        Some("UNAUTHENTICATED")
    );
    let bad = app
        .gql(
            Some(&w.admin),
            CREATE_CLIENT,
            json!({ "i": { "name": "X", "organisationId": unknown_id("Organisation"), "scopes": ["write:all"] } }),
        )
        .await;
    assert_eq!(sorted_fields(&bad), ["name", "organisationId", "scopes"]);
    let c = client(&app, &w, &["read:practices", "read:calls"]).await;
    assert!(c.client_id.starts_with("cvn_") && c.secret.len() > 40);
    let list = app
        .gql(
            Some(&w.admin),
            "{ serviceClients { totalCount nodes { clientId scopes } } }",
            json!({}),
        )
        .await;
    assert_eq!(ok(&list)["serviceClients"]["totalCount"], 1);
    assert_eq!(
        ok(&list)["serviceClients"]["nodes"][0]["scopes"],
        json!(["read:calls", "read:practices"])
    );
    assert!(
        !list.to_string().contains(&c.secret),
        "the secret is never shown again"
    );
    let wrong = app
        .gql(None, ISSUE, json!({ "id": c.client_id, "s": "cvs_wrong" }))
        .await;
    assert_eq!(code(&wrong), Some("UNAUTHENTICATED"));
    let unknown = app
        .gql(None, ISSUE, json!({ "id": "cvn_nobody", "s": c.secret }))
        .await;
    assert_eq!(code(&unknown), Some("UNAUTHENTICATED"));
    let v = app
        .gql(None, ISSUE, json!({ "id": c.client_id, "s": c.secret }))
        .await;
    assert_eq!(
        ok(&v)["issueServiceToken"]["scopes"],
        json!(["read:calls", "read:practices"])
    );
}

#[tokio::test]
async fn scopes_are_enforced_on_every_path_and_partners_never_write() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (community, practice) = content(&app, &w).await;
    let communities_only = token(&app, &client(&app, &w, &["read:communities"]).await).await;
    let practices_only = token(&app, &client(&app, &w, &["read:practices"]).await).await;

    let directory = "{ communities { totalCount } }";
    let v = app.gql(Some(&communities_only), directory, json!({})).await;
    assert_eq!(ok(&v)["communities"]["totalCount"], 1);
    assert_eq!(
        code(&app.gql(Some(&practices_only), directory, json!({})).await),
        Some("FORBIDDEN")
    );

    let library = "{ promisingPractices { totalCount nodes { name } } }";
    assert_eq!(
        code(&app.gql(Some(&communities_only), library, json!({})).await),
        Some("FORBIDDEN")
    );
    let found = app.gql(Some(&practices_only), library, json!({})).await;
    assert_eq!(ok(&found)["promisingPractices"]["totalCount"], 1);

    // nested: a community's practices need read:practices too
    let nested = "query($id: ID!) { community(id: $id) { name practices { totalCount } } }";
    let v = app
        .gql(Some(&communities_only), nested, json!({ "id": community }))
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"), "{v}");
    // node: the concrete type decides
    let node = "query($id: ID!) { node(id: $id) { id ... on Practice { name } } }";
    let v = app
        .gql(Some(&communities_only), node, json!({ "id": practice }))
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"), "{v}");
    let v = app
        .gql(Some(&practices_only), node, json!({ "id": practice }))
        .await;
    assert_eq!(ok(&v)["node"]["name"], "Bedside handover checklist");
    let calls = "{ calls { totalCount } }";
    assert_eq!(
        code(&app.gql(Some(&practices_only), calls, json!({})).await),
        Some("FORBIDDEN")
    );

    // a partner is nobody: no viewer, and no writes of any kind
    let v = app
        .gql(Some(&communities_only), "{ viewer { id } }", json!({}))
        .await;
    assert_eq!(ok(&v)["viewer"], Value::Null);
    let write = app
        .gql(
            Some(&communities_only),
            "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }",
            json!({ "c": community }),
        )
        .await;
    assert_eq!(code(&write), Some("FORBIDDEN"));
    // a partner token opens no person's exports
    let r = app
        .http()
        .get(format!(
            "{}/exports/calls/{}/honoraria.csv",
            app.base, w.call
        ))
        .bearer_auth(&communities_only)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
}

#[tokio::test]
async fn revoking_a_client_stops_its_tokens_at_once() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let c = client(&app, &w, &["read:communities"]).await;
    let t = token(&app, &c).await;
    let q = "{ communities { totalCount } }";
    ok(&app.gql(Some(&t), q, json!({})).await);
    let (someone, _) = app.register("someone@example.nhs.uk", &w.nhs_org).await;
    let revoke = "mutation($c: String!) { revokeServiceClient(input: { clientId: $c }) { client { revokedAt } } }";
    assert_eq!(
        code(
            &app.gql(Some(&someone), revoke, json!({ "c": c.client_id }))
                .await
        ),
        Some("FORBIDDEN")
    );
    let v = app
        .gql(Some(&w.admin), revoke, json!({ "c": c.client_id }))
        .await;
    assert!(ok(&v)["revokeServiceClient"]["client"]["revokedAt"].is_string());
    assert_eq!(
        code(&app.gql(Some(&t), q, json!({})).await),
        Some("UNAUTHENTICATED")
    );
    let again = app
        .gql(None, ISSUE, json!({ "id": c.client_id, "s": c.secret }))
        .await;
    assert_eq!(code(&again), Some("UNAUTHENTICATED"));
}
