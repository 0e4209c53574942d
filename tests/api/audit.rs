//! The audit trail (SPEC §7): every change to an application, a call and a person's roles is
//! recorded with who made it, what it was, and the state before and after.

use convene_blackbox::*;
use serde_json::{json, Value};

fn parse(v: &Value) -> Value {
    match v.as_str() {
        Some(s) => serde_json::from_str(s).unwrap_or_else(|e| panic!("JSON {s:?}: {e}")),
        None => Value::Null,
    }
}

fn actions(log: &[Value]) -> Vec<String> {
    log.iter().map(|e| as_string(&e["action"])).collect()
}

/// The entries are newest first, each later than (or as late as) the next.
fn assert_newest_first(log: &[Value]) {
    let at: Vec<chrono::DateTime<chrono::FixedOffset>> = log
        .iter()
        .map(|e| chrono::DateTime::parse_from_rfc3339(e["at"].as_str().unwrap()).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] >= w[1]), "{at:?}");
}

#[tokio::test]
async fn every_change_to_an_application_is_in_its_audit_trail() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, alice_id) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, bob_id) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app
        .gql(
            Some(&alice),
            UPDATE,
            json!({ "i": { "applicationId": id, "motivation": "Because of Mrs B" } }),
        )
        .await);
    app.add_co_lead(&alice, &id, "bob@example.nhs.uk", &bob)
        .await;
    ok(&app.submit(&alice, &id).await);
    ok(&app.withdraw(&alice, &id).await);

    let log = app.audit_of(&w.admin, &id).await;
    assert_eq!(
        actions(&log),
        [
            "withdraw",
            "submit",
            "accept_co_lead",
            "invite_co_lead",
            "update",
            "start"
        ]
    );
    assert_newest_first(&log);
    for e in &log {
        assert_eq!(e["entityType"], "Application");
        assert_eq!(e["entityId"], id);
        let who = if e["action"] == "accept_co_lead" {
            &bob_id
        } else {
            &alice_id
        };
        assert_eq!(e["actor"]["id"], *who, "{e}");
    }
    let entry = |a: &str| log.iter().find(|e| e["action"] == a).unwrap().clone();

    let start = entry("start");
    assert_eq!(start["before"], Value::Null);
    let after = parse(&start["after"]);
    assert_eq!(after["status"], "DRAFT");
    assert_eq!(after["answers"]["motivation"], "I care about this");

    // an update keeps only what changed, answer by answer
    let update = entry("update");
    let (before, after) = (parse(&update["before"]), parse(&update["after"]));
    assert_eq!(before["answers"]["motivation"], "I care about this");
    assert_eq!(after["answers"]["motivation"], "Because of Mrs B");
    assert!(
        after["answers"].get("domainSketch").is_none(),
        "unchanged answers are left out: {after}"
    );
    assert!(after.get("status").is_none(), "{after}");

    let invite = entry("invite_co_lead");
    assert_eq!(invite["before"], Value::Null);
    let after = parse(&invite["after"]);
    assert_eq!(after["email"], "bob@example.nhs.uk");
    assert_eq!(after["state"], "INVITED");

    let accept = entry("accept_co_lead");
    let (before, after) = (parse(&accept["before"]), parse(&accept["after"]));
    assert_eq!(before["state"], "INVITED");
    assert_eq!(after["state"], "ACCEPTED");
    assert_eq!(before["person_id"], Value::Null);
    assert!(after["person_id"].is_string(), "{after}");

    let submit = entry("submit");
    let (before, after) = (parse(&submit["before"]), parse(&submit["after"]));
    assert_eq!(before["status"], "DRAFT");
    assert_eq!(after["status"], "SUBMITTED");
    assert_eq!(before["submitted_at"], Value::Null);
    assert!(after["submitted_at"].is_string(), "{after}");

    let withdraw = entry("withdraw");
    let (before, after) = (parse(&withdraw["before"]), parse(&withdraw["after"]));
    assert_eq!(before["status"], "SUBMITTED");
    assert_eq!(after["status"], "WITHDRAWN");
    assert!(after["withdrawn_at"].is_string(), "{after}");
}

#[tokio::test]
async fn declines_and_removals_are_audited_and_refusals_are_not() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, alice_id) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, bob_id) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (mallory, _) = app.register("mallory@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    ok(&app.gql(Some(&bob), DECLINE, json!({ "a": id })).await);
    ok(&app.invite(&alice, &id, "carol@example.nhs.uk").await);
    ok(&app
        .gql(
            Some(&alice),
            REMOVE,
            json!({ "i": { "applicationId": id, "email": "carol@example.nhs.uk" } }),
        )
        .await);
    let n = app.audit_of(&w.admin, &id).await.len();
    // refused changes leave no trace
    assert!(code(&app.submit(&mallory, &id).await).is_some());
    assert!(code(&app.withdraw(&bob, &id).await).is_some());
    assert!(code(
        &app.gql(
            Some(&mallory),
            UPDATE,
            json!({ "i": { "applicationId": id, "motivation": "x" } }),
        )
        .await
    )
    .is_some());
    assert!(code(&app.invite(&alice, &id, "alice@example.nhs.uk").await).is_some());
    let log = app.audit_of(&w.admin, &id).await;
    assert_eq!(log.len(), n);
    assert_eq!(
        actions(&log),
        [
            "remove_co_lead",
            "invite_co_lead",
            "decline_co_lead",
            "invite_co_lead",
            "start"
        ]
    );
    let decline = &log[2];
    assert_eq!(decline["actor"]["id"], bob_id);
    assert_eq!(parse(&decline["before"])["state"], "INVITED");
    assert_eq!(parse(&decline["after"])["state"], "DECLINED");
    let removal = &log[0];
    assert_eq!(removal["actor"]["id"], alice_id);
    assert_eq!(parse(&removal["before"])["email"], "carol@example.nhs.uk");
    assert_eq!(removal["after"], Value::Null);
}

#[tokio::test]
async fn calls_are_audited_from_creation_to_closing() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let admin_id = app.viewer_id(&admin).await;
    let now = chrono::Utc::now();
    let mut i = call_input(
        now - chrono::Duration::days(1),
        now + chrono::Duration::days(30),
    );
    i["draft"] = json!(true);
    let v = app.gql(Some(&admin), CREATE_CALL, json!({ "i": i })).await;
    let call = as_string(&ok(&v)["createCall"]["call"]["id"]);
    ok(&app
        .gql(
            Some(&admin),
            "mutation($c: ID!) { openCall(input: { callId: $c }) { call { id } } }",
            json!({ "c": call }),
        )
        .await);
    ok(&app
        .gql(
            Some(&admin),
            "mutation($c: ID!) { closeCall(input: { callId: $c }) { call { id } } }",
            json!({ "c": call }),
        )
        .await);
    // closing again is refused and leaves no entry
    assert_eq!(
        code(
            &app.gql(
                Some(&admin),
                "mutation($c: ID!) { closeCall(input: { callId: $c }) { call { id } } }",
                json!({ "c": call }),
            )
            .await
        ),
        Some("INVALID_STATE")
    );
    let log = app.audit_of(&admin, &call).await;
    assert_eq!(actions(&log), ["close", "open", "create"]);
    assert_newest_first(&log);
    for e in &log {
        assert_eq!(e["actor"]["id"], admin_id);
        assert_eq!(e["entityType"], "Call");
        assert_eq!(e["entityId"], call);
    }
    assert_eq!(log[2]["before"], Value::Null);
    let created = parse(&log[2]["after"]);
    assert_eq!(created["title"], "Call for Conveners (test)");
    assert_eq!(created["status"], "DRAFT");
    assert_eq!(created["funded_places"], 5);
    assert_eq!(created["honorarium_pence"], 500_000);
    assert_eq!(parse(&log[1]["before"])["status"], "DRAFT");
    assert_eq!(parse(&log[1]["after"])["status"], "OPEN");
    assert_eq!(parse(&log[0]["before"])["status"], "OPEN");
    assert_eq!(parse(&log[0]["after"])["status"], "CLOSED");
    // only what changed is kept
    assert!(parse(&log[0]["after"]).get("title").is_none());
}

#[tokio::test]
async fn role_grants_and_revocations_are_audited() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let admin_id = app.viewer_id(&admin).await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (_, pat) = app.register("pat@example.nhs.uk", &org).await;
    app.grant(&admin, &pat, "PANEL").await;
    app.grant(&admin, &pat, "COACH").await;
    // granting a role already held changes nothing and records nothing
    app.grant(&admin, &pat, "PANEL").await;
    ok(&app
        .gql(
            Some(&admin),
            "mutation($i: RevokeRoleInput!) { revokeRole(input: $i) { person { roles } } }",
            json!({ "i": { "personId": pat, "role": "PANEL" } }),
        )
        .await);
    let log = app.audit_of(&admin, &pat).await;
    // the oldest entry is pat proving the address, by pat
    assert_eq!(
        actions(&log),
        ["revoke_role", "grant_role", "grant_role", "verify_email"]
    );
    let log = &log[..3];
    for e in log {
        assert_eq!(e["actor"]["id"], admin_id);
        assert_eq!(e["entityType"], "Person");
        assert_eq!(e["entityId"], pat);
    }
    let pairs: Vec<(Value, Value)> = log
        .iter()
        .map(|e| (parse(&e["before"]), parse(&e["after"])))
        .collect();
    assert_eq!(
        pairs,
        [
            (json!(["PANEL", "COACH"]), json!(["COACH"])),
            (json!(["PANEL"]), json!(["PANEL", "COACH"])),
            (json!([]), json!(["PANEL"])),
        ]
    );
}

#[tokio::test]
async fn the_catalogue_is_audited() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (alice, alice_id) = app.register("alice@example.nhs.uk", &org).await;
    let created = app.create_domain(&admin, "Falls prevention").await;
    let v = app
        .gql(
            Some(&alice),
            "mutation { proposeDomain(input: { name: \"Sepsis\" }) { domain { id } } }",
            json!({}),
        )
        .await;
    let proposed = as_string(&ok(&v)["proposeDomain"]["domain"]["id"]);
    let log = app.audit_of(&admin, &proposed).await;
    assert_eq!(actions(&log), ["propose"]);
    assert_eq!(log[0]["actor"]["id"], alice_id);
    assert_eq!(parse(&log[0]["after"])["status"], "PROPOSED");
    assert_eq!(actions(&app.audit_of(&admin, &created).await), ["create"]);
    let log = app.audit_of(&admin, &org).await;
    assert_eq!(actions(&log), ["create"]);
    assert_eq!(parse(&log[0]["after"])["name"], "Riverside NHS Trust");
}

#[tokio::test]
async fn the_audit_log_is_for_the_programme_team() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    let q = "query($id: ID) { auditLog(entityId: $id) { totalCount } }";
    assert_eq!(
        code(&app.gql(None, q, json!({ "id": id })).await),
        Some("UNAUTHENTICATED")
    );
    // not even the application's own lead
    assert_eq!(
        code(&app.gql(Some(&alice), q, json!({ "id": id })).await),
        Some("FORBIDDEN")
    );
    let v = app.gql(Some(&w.admin), q, json!({ "id": "junk" })).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["entityId"]);
    // an entity with no changes has an empty trail; the whole log holds them all
    let v = app
        .gql(
            Some(&w.admin),
            q,
            json!({ "id": unknown_id("Application") }),
        )
        .await;
    assert_eq!(ok(&v)["auditLog"]["totalCount"], 0);
    let v = app.gql(Some(&w.admin), q, json!({ "id": null })).await;
    assert!(
        ok(&v)["auditLog"]["totalCount"].as_u64().unwrap() >= 8,
        "{v}"
    );
}

const FILTERED: &str = "query($f: AuditFilter, $id: ID) { auditLog(filter: $f, entityId: $id, first: 100) { totalCount nodes { action entityType entityId entityLabel actor { id } } } }";

/// The entries matching `filter`, as the admin.
async fn filtered(app: &TestApp, admin: &str, filter: Value) -> Vec<Value> {
    let v = app.gql(Some(admin), FILTERED, json!({ "f": filter })).await;
    let log = &ok(&v)["auditLog"];
    let nodes = log["nodes"].as_array().unwrap().clone();
    assert_eq!(log["totalCount"].as_u64().unwrap() as usize, nodes.len());
    nodes
}

#[tokio::test]
async fn every_kind_of_change_can_be_found_by_the_filters() {
    let app = spawn_app().await;
    let life = crate::privacy::everything(&app).await;
    let admin = &life.r.admin;
    let z = &life.z.id;
    // (what, filter, the entity it must name)
    let kinds = [
        (
            "application",
            json!({ "entityType": "Application", "action": "submit", "actorId": z }),
            life.a.clone(),
        ),
        (
            "review",
            json!({ "entityType": "Application", "action": "submit_review", "actorId": z }),
            life.b.clone(),
        ),
        (
            "decision",
            json!({ "entityType": "Call", "action": "decide", "actorId": life.chair.id }),
            life.r.call.clone(),
        ),
        (
            "decision on an application",
            json!({ "entityType": "Application", "action": "decide" }),
            life.a.clone(),
        ),
        (
            "honorarium share",
            json!({ "entityType": "HonorariumShare", "action": "mark_paid" }),
            life.share.clone(),
        ),
        (
            "membership",
            json!({ "entityType": "Community", "action": "join", "actorId": z }),
            life.community.clone(),
        ),
        (
            "membership role",
            json!({ "entityType": "Community", "action": "set_member_role", "actorId": life.k.id }),
            life.community.clone(),
        ),
        (
            "role grant (by joining a panel)",
            json!({ "entityType": "Person", "action": "grant_role" }),
            z.clone(),
        ),
    ];
    for (what, filter, entity) in kinds {
        let found = filtered(&app, admin, filter.clone()).await;
        assert!(
            found.iter().any(|e| e["entityId"] == entity.as_str()),
            "{what}: {filter} found {found:#?}"
        );
        let f = filter.as_object().unwrap();
        for e in &found {
            assert_eq!(e["entityType"], f["entityType"], "{what}");
            assert_eq!(e["action"], f["action"], "{what}");
            if let Some(a) = f.get("actorId") {
                assert_eq!(e["actor"]["id"], *a, "{what}");
            }
        }
    }
    // labels: a person's name, a community's name, an application's domain and call
    let joins = filtered(&app, admin, json!({ "action": "join", "actorId": z })).await;
    assert_eq!(joins[0]["entityLabel"], "Falls Friends");
    let grants = filtered(
        &app,
        admin,
        json!({ "action": "grant_role", "entityType": "Person" }),
    )
    .await;
    assert!(grants
        .iter()
        .any(|e| e["entityLabel"] == crate::privacy::NAME));
    let subs = filtered(&app, admin, json!({ "action": "submit", "actorId": z })).await;
    assert_eq!(
        subs[0]["entityLabel"],
        "Medication safety, Call for Conveners (test)"
    );

    // days are inclusive UK days
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::London)
        .date_naive();
    let day = |d: chrono::NaiveDate| d.to_string();
    let all = filtered(&app, admin, json!({ "actorId": z })).await;
    assert!(all.len() >= 8);
    let todays = filtered(
        &app,
        admin,
        json!({ "actorId": z, "from": day(today), "to": day(today) }),
    )
    .await;
    assert_eq!(todays.len(), all.len());
    let yesterday = today - chrono::Duration::days(1);
    assert!(
        filtered(&app, admin, json!({ "actorId": z, "to": day(yesterday) }))
            .await
            .is_empty()
    );
    assert!(filtered(
        &app,
        admin,
        json!({ "actorId": z, "from": day(today + chrono::Duration::days(1)) })
    )
    .await
    .is_empty());
    // filters combine with entityId
    let v = app
        .gql(
            Some(admin),
            FILTERED,
            json!({ "f": { "action": "submit" }, "id": life.a }),
        )
        .await;
    assert_eq!(ok(&v)["auditLog"]["totalCount"], 1);
    // an unknown type or action finds nothing; blank ones filter nothing
    assert!(filtered(&app, admin, json!({ "entityType": "Nothing" }))
        .await
        .is_empty());
    let blank = filtered(
        &app,
        admin,
        json!({ "actorId": z, "action": " ", "entityType": "" }),
    )
    .await;
    assert_eq!(blank.len(), all.len());

    // bad filters are named
    let v = app
        .gql(
            Some(admin),
            FILTERED,
            json!({ "f": { "from": day(today), "to": day(yesterday) } }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["filter.to"]);
    let v = app
        .gql(Some(admin), FILTERED, json!({ "f": { "actorId": "junk" } }))
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["filter.actorId"]);

    // the entity types for the filter's list, sorted, for the programme team only
    let types = "{ auditEntityTypes }";
    let v = app.gql(Some(admin), types, json!({})).await;
    let list: Vec<String> = ok(&v)["auditEntityTypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(as_string)
        .collect();
    for t in [
        "Application",
        "Call",
        "Community",
        "HonorariumShare",
        "Person",
    ] {
        assert!(list.contains(&t.to_string()), "{list:?}");
    }
    let mut sorted = list.clone();
    sorted.sort();
    assert_eq!(list, sorted);
    assert_eq!(
        code(&app.gql(Some(&life.z.token), types, json!({})).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(None, types, json!({})).await),
        Some("UNAUTHENTICATED")
    );
    let v = app
        .gql(
            Some(&life.z.token),
            FILTERED,
            json!({ "f": { "actorId": z } }),
        )
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
}

const AUDIT_PAGE: &str = "query($first: Int, $after: String) { auditLog(first: $first, after: $after) { totalCount edges { cursor node { id action } } pageInfo { hasNextPage endCursor } } }";

/// The trail is paged by keyset: an entry written between two page fetches (newest first, so
/// before the cursor) neither shifts a row onto the next page twice nor skips one.
#[tokio::test]
async fn an_entry_written_between_pages_neither_repeats_nor_skips_a_row() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    for i in 0..5 {
        app.create_domain(&admin, &format!("Paging domain {i}"))
            .await;
    }
    let ids = |v: &Value| -> Vec<String> {
        v["auditLog"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| as_string(&e["node"]["id"]))
            .collect()
    };
    let all = app
        .gql(Some(&admin), AUDIT_PAGE, json!({ "first": 100 }))
        .await;
    let before_insert = ids(ok(&all));
    assert!(before_insert.len() >= 5, "{all}");

    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    let mut inserted = false;
    loop {
        let v = app
            .gql(
                Some(&admin),
                AUDIT_PAGE,
                json!({ "first": 2, "after": after }),
            )
            .await;
        let d = ok(&v);
        seen.extend(ids(d));
        if !inserted {
            app.create_domain(&admin, "Paging domain written in between")
                .await;
            inserted = true;
        }
        if !d["auditLog"]["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = Some(as_string(&d["auditLog"]["pageInfo"]["endCursor"]));
    }
    assert_eq!(seen, before_insert, "every row once, in order");
}
