//! Calls (SPEC §1): created (open or as a draft), opened, closed; who sees drafts; the status
//! people see once the closing time has passed.

use chrono::{Duration, Utc};
use convene_blackbox::*;
use serde_json::{json, Value};

const FULL_CALL: &str = "mutation($i: CreateCallInput!) { createCall(input: $i) { call { id title description opensAt closesAt decisionDueOn fundedPlaces honorariumPence budgetPence honorariumPolicy reviewersPerApplication rankBy status acceptingApplications criteria { id name weight position } } } }";
const READ_CALL: &str = "query($id: ID!) { call(id: $id) { id title status acceptingApplications budgetPence fundedPlaces honorariumPence honorariumPolicy rankBy reviewersPerApplication decisionDueOn criteria { name weight position } } }";
const OPEN: &str =
    "mutation($c: ID!) { openCall(input: { callId: $c }) { call { id status acceptingApplications } } }";
const CLOSE: &str =
    "mutation($c: ID!) { closeCall(input: { callId: $c }) { call { id status acceptingApplications } } }";
const LIST: &str =
    "query($s: CallStatus) { calls(status: $s, first: 100) { totalCount nodes { id status } } }";

fn open_input() -> Value {
    let now = Utc::now();
    call_input(now - Duration::days(1), now + Duration::days(30))
}

async fn create(app: &TestApp, admin: &str, input: Value) -> String {
    let v = app.gql(Some(admin), FULL_CALL, json!({ "i": input })).await;
    as_string(&ok(&v)["createCall"]["call"]["id"])
}

async fn listed(app: &TestApp, token: Option<&str>, status: Option<&str>) -> Vec<String> {
    let v = app.gql(token, LIST, json!({ "s": status })).await;
    let c = &ok(&v)["calls"];
    let nodes = c["nodes"].as_array().unwrap();
    assert_eq!(
        c["totalCount"].as_u64().unwrap() as usize,
        nodes.len(),
        "{c}"
    );
    nodes.iter().map(|n| as_string(&n["id"])).collect()
}

async fn read(app: &TestApp, token: Option<&str>, id: &str) -> Value {
    let v = app.gql(token, READ_CALL, json!({ "id": id })).await;
    ok(&v)["call"].clone()
}

/// Someone signed in with no role, and someone on the panel.
async fn outsiders(app: &TestApp, admin: &str) -> (String, String) {
    let org = app
        .create_org(admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (plain, _) = app.register("plain@example.nhs.uk", &org).await;
    let (_, panel_id) = app.register("panel@example.nhs.uk", &org).await;
    app.grant(admin, &panel_id, "PANEL").await;
    (plain, app.sign_in("panel@example.nhs.uk", PASSWORD).await)
}

async fn start_in(app: &TestApp, token: &str, call: &str, domain: &str) -> Value {
    let mut i = answers();
    i["callId"] = json!(call);
    i["domainId"] = json!(domain);
    app.gql(Some(token), START, json!({ "i": i })).await
}

#[tokio::test]
async fn create_call_returns_every_field_and_reads_back() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let opens = Utc::now() - Duration::hours(2);
    let closes = Utc::now() + Duration::days(20);
    let mut i = call_input(opens, closes);
    i["title"] = json!("  Call for Conveners 2026 ");
    i["fundedPlaces"] = json!(3);
    i["honorariumPence"] = json!(123_457);
    i["honorariumPolicy"] = json!("FORFEIT");
    i["reviewersPerApplication"] = json!(4);
    i["rankBy"] = json!("NORMALISED");
    i["decisionDueOn"] = json!("2099-09-08");
    let v = app.gql(Some(&admin), FULL_CALL, json!({ "i": i })).await;
    let c = ok(&v)["createCall"]["call"].clone();
    assert_eq!(c["title"], "Call for Conveners 2026");
    assert_eq!(c["description"], "A test round");
    let parse = |v: &Value| chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
    assert_eq!(parse(&c["opensAt"]).timestamp(), opens.timestamp());
    assert_eq!(parse(&c["closesAt"]).timestamp(), closes.timestamp());
    assert_eq!(c["decisionDueOn"], "2099-09-08");
    assert_eq!(c["fundedPlaces"], 3);
    assert_eq!(c["honorariumPence"], 123_457);
    assert_eq!(c["budgetPence"], 3 * 123_457);
    assert_eq!(c["honorariumPolicy"], "FORFEIT");
    assert_eq!(c["reviewersPerApplication"], 4);
    assert_eq!(c["rankBy"], "NORMALISED");
    assert_eq!(c["status"], "OPEN");
    assert_eq!(c["acceptingApplications"], true);
    assert_eq!(
        c["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| json!([k["name"], k["weight"], k["position"]]))
            .collect::<Vec<_>>(),
        [
            json!(["Passion and energy", 3, 0]),
            json!(["Clarity of the domain", 2, 1])
        ]
    );
    // read back anonymously: an open call is public
    let id = as_string(&c["id"]);
    let back = read(&app, None, &id).await;
    assert_eq!(back["title"], "Call for Conveners 2026");
    assert_eq!(back["status"], "OPEN");
    assert_eq!(back["budgetPence"], 370_371);
    assert_eq!(back["honorariumPolicy"], "FORFEIT");
    assert_eq!(back["rankBy"], "NORMALISED");
    assert_eq!(back["criteria"][1]["name"], "Clarity of the domain");
    assert_eq!(listed(&app, None, None).await, [id.clone()]);
    // the defaults: REDISTRIBUTE, WEIGHTED, 3 reviewers, empty description
    let now = Utc::now();
    let minimal = json!({
        "title": "Minimal call",
        "opensAt": now.to_rfc3339(),
        "closesAt": (now + Duration::days(5)).to_rfc3339(),
        "decisionDueOn": (now + Duration::days(6)).date_naive().to_string(),
        "fundedPlaces": 5,
        "honorariumPence": 500_000,
        "criteria": [{ "name": "Passion", "weight": 1 }]
    });
    let v = app
        .gql(Some(&admin), FULL_CALL, json!({ "i": minimal }))
        .await;
    let c = &ok(&v)["createCall"]["call"];
    assert_eq!(c["description"], "");
    assert_eq!(c["honorariumPolicy"], "REDISTRIBUTE");
    assert_eq!(c["rankBy"], "WEIGHTED");
    assert_eq!(c["reviewersPerApplication"], 3);
    assert_eq!(c["budgetPence"], 2_500_000);
}

#[tokio::test]
async fn create_call_names_each_bad_field() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let now = Utc::now();
    let opens = now - Duration::days(1);
    let closes = now + Duration::days(30);
    type Patch = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Patch, Vec<&str>)> = vec![
        (
            "empty title",
            Box::new(|i| i["title"] = json!("   ")),
            vec!["title"],
        ),
        (
            "short title",
            Box::new(|i| i["title"] = json!("ab")),
            vec!["title"],
        ),
        (
            "long title",
            Box::new(|i| i["title"] = json!("t".repeat(201))),
            vec!["title"],
        ),
        (
            "long description",
            Box::new(|i| i["description"] = json!("d".repeat(20_001))),
            vec!["description"],
        ),
        (
            "closes before it opens",
            Box::new(move |i| i["closesAt"] = json!((opens - Duration::hours(1)).to_rfc3339())),
            vec!["closesAt"],
        ),
        (
            "closes as it opens",
            Box::new(move |i| i["closesAt"] = json!(opens.to_rfc3339())),
            vec!["closesAt"],
        ),
        (
            "decision due before the close",
            Box::new(move |i| {
                i["decisionDueOn"] = json!((closes - Duration::days(1)).date_naive().to_string())
            }),
            vec!["decisionDueOn"],
        ),
        (
            "no places",
            Box::new(|i| i["fundedPlaces"] = json!(0)),
            vec!["fundedPlaces"],
        ),
        (
            "negative places",
            Box::new(|i| i["fundedPlaces"] = json!(-1)),
            vec!["fundedPlaces"],
        ),
        (
            "too many places",
            Box::new(|i| i["fundedPlaces"] = json!(101)),
            vec!["fundedPlaces"],
        ),
        (
            "negative honorarium",
            Box::new(|i| i["honorariumPence"] = json!(-1)),
            vec!["honorariumPence"],
        ),
        (
            "huge honorarium",
            Box::new(|i| i["honorariumPence"] = json!(1_000_000_001i64)),
            vec!["honorariumPence"],
        ),
        (
            "a budget (places × honorarium) beyond what can be held",
            Box::new(|i| {
                i["fundedPlaces"] = json!(100);
                i["honorariumPence"] = json!(1_000_000_000i64);
            }),
            vec!["honorariumPence"],
        ),
        (
            "no reviewers",
            Box::new(|i| i["reviewersPerApplication"] = json!(0)),
            vec!["reviewersPerApplication"],
        ),
        (
            "no criteria",
            Box::new(|i| i["criteria"] = json!([])),
            vec!["criteria"],
        ),
        (
            "weight 0",
            Box::new(|i| i["criteria"][0]["weight"] = json!(0)),
            vec!["criteria.0.weight"],
        ),
        (
            "weight 101",
            Box::new(|i| i["criteria"][0]["weight"] = json!(101)),
            vec!["criteria.0.weight"],
        ),
        (
            "second weight negative",
            Box::new(|i| i["criteria"][1]["weight"] = json!(-3)),
            vec!["criteria.1.weight"],
        ),
        (
            "duplicate criterion names",
            Box::new(|i| i["criteria"][1]["name"] = json!("passion AND energy")),
            vec!["criteria.1.name"],
        ),
        (
            "a criterion without a name",
            Box::new(|i| i["criteria"][0]["name"] = json!(" ")),
            vec!["criteria.0.name"],
        ),
        (
            "everything at once",
            Box::new(move |i| {
                i["title"] = json!("");
                i["closesAt"] = json!((opens - Duration::days(2)).to_rfc3339());
                i["decisionDueOn"] = json!((opens - Duration::days(3)).date_naive().to_string());
                i["fundedPlaces"] = json!(0);
                i["honorariumPence"] = json!(-5);
                i["reviewersPerApplication"] = json!(0);
                i["criteria"] = json!([]);
            }),
            vec![
                "closesAt",
                "criteria",
                "decisionDueOn",
                "fundedPlaces",
                "honorariumPence",
                "reviewersPerApplication",
                "title",
            ],
        ),
    ];
    for (what, patch, want) in cases {
        let mut i = call_input(opens, closes);
        patch(&mut i);
        let v = app.gql(Some(&admin), CREATE_CALL, json!({ "i": i })).await;
        assert_eq!(code(&v), Some("VALIDATION"), "{what}: {v}");
        assert_eq!(sorted_fields(&v), want, "{what}: {v}");
    }
    // none of them made a call
    assert!(listed(&app, Some(&admin), None).await.is_empty());
    // the boundaries are fine: one place, a zero honorarium, weights 1 and 100, decision on the closing day
    let mut i = call_input(opens, closes);
    i["fundedPlaces"] = json!(1);
    i["honorariumPence"] = json!(0);
    i["criteria"] =
        json!([{ "name": "A criterion", "weight": 1 }, { "name": "Another", "weight": 100 }]);
    i["decisionDueOn"] = json!(closes.date_naive().to_string());
    let v = app.gql(Some(&admin), CREATE_CALL, json!({ "i": i })).await;
    assert_eq!(ok(&v)["createCall"]["call"]["budgetPence"], 0);
}

#[tokio::test]
async fn only_the_programme_team_creates_calls() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let (plain, panel) = outsiders(&app, &admin).await;
    let input = json!({ "i": open_input() });
    assert_eq!(
        code(&app.gql(None, CREATE_CALL, input.clone()).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(Some(&plain), CREATE_CALL, input.clone()).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(Some(&panel), CREATE_CALL, input).await),
        Some("FORBIDDEN")
    );
    assert!(listed(&app, Some(&admin), None).await.is_empty());
}

#[tokio::test]
async fn a_draft_call_is_for_the_programme_team_only() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let (plain, _) = outsiders(&app, &admin).await;
    let domain = app.create_domain(&admin, "Medication safety").await;
    let mut i = open_input();
    i["draft"] = json!(true);
    let v = app.gql(Some(&admin), FULL_CALL, json!({ "i": i })).await;
    let c = &ok(&v)["createCall"]["call"];
    assert_eq!(c["status"], "DRAFT");
    assert_eq!(c["acceptingApplications"], false);
    let draft = as_string(&c["id"]);
    let open = create(&app, &admin, open_input()).await;
    // the team sees it
    assert_eq!(read(&app, Some(&admin), &draft).await["status"], "DRAFT");
    let mut all = listed(&app, Some(&admin), None).await;
    all.sort();
    let mut want = vec![draft.clone(), open.clone()];
    want.sort();
    assert_eq!(all, want);
    assert_eq!(
        listed(&app, Some(&admin), Some("DRAFT")).await,
        [draft.clone()]
    );
    // nobody else does, signed in or not
    for token in [None, Some(plain.as_str())] {
        assert_eq!(read(&app, token, &draft).await, Value::Null);
        assert_eq!(listed(&app, token, None).await, [open.clone()]);
        assert!(listed(&app, token, Some("DRAFT")).await.is_empty());
    }
    // and nobody can apply to it
    let v = start_in(&app, &plain, &draft, &domain).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["callId"]);
}

#[tokio::test]
async fn open_call_publishes_a_draft() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let (plain, panel) = outsiders(&app, &admin).await;
    let domain = app.create_domain(&admin, "Medication safety").await;
    let mut i = open_input();
    i["draft"] = json!(true);
    let draft = create(&app, &admin, i).await;
    // outsiders cannot
    assert_eq!(
        code(&app.gql(None, OPEN, json!({ "c": draft })).await),
        Some("UNAUTHENTICATED")
    );
    for t in [&plain, &panel] {
        assert_eq!(
            code(&app.gql(Some(t), OPEN, json!({ "c": draft })).await),
            Some("FORBIDDEN")
        );
    }
    assert_eq!(read(&app, Some(&admin), &draft).await["status"], "DRAFT");
    let v = app.gql(Some(&admin), OPEN, json!({ "c": draft })).await;
    assert_eq!(
        ok(&v)["openCall"]["call"],
        json!({ "id": draft, "status": "OPEN", "acceptingApplications": true })
    );
    assert_eq!(read(&app, None, &draft).await["status"], "OPEN");
    assert_eq!(listed(&app, None, Some("OPEN")).await, [draft.clone()]);
    ok(&start_in(&app, &plain, &draft, &domain).await);
    // opening twice
    let v = app.gql(Some(&admin), OPEN, json!({ "c": draft })).await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    // unknown calls
    for bad in [unknown_id("Call"), unknown_id("Domain"), "junk".into()] {
        let v = app.gql(Some(&admin), OPEN, json!({ "c": bad })).await;
        assert_eq!(code(&v), Some("VALIDATION"), "{v}");
        assert_eq!(fields(&v), ["callId"]);
    }
    // a draft whose closing time has passed cannot be opened
    let now = Utc::now();
    let mut i = call_input(now - Duration::days(10), now - Duration::days(1));
    i["draft"] = json!(true);
    let stale = create(&app, &admin, i).await;
    let v = app.gql(Some(&admin), OPEN, json!({ "c": stale })).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["callId"]);
    assert_eq!(read(&app, Some(&admin), &stale).await["status"], "DRAFT");
    // a closed call cannot be opened again
    let closed = create(&app, &admin, open_input()).await;
    ok(&app.gql(Some(&admin), CLOSE, json!({ "c": closed })).await);
    let v = app.gql(Some(&admin), OPEN, json!({ "c": closed })).await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
}

#[tokio::test]
async fn close_call_stops_starting_and_submitting() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let draft_app = app.start_application(&alice, &w.call, &w.domain).await;
    // outsiders cannot close it
    assert_eq!(
        code(&app.gql(None, CLOSE, json!({ "c": w.call })).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(Some(&alice), CLOSE, json!({ "c": w.call })).await),
        Some("FORBIDDEN")
    );
    assert_eq!(read(&app, None, &w.call).await["status"], "OPEN");
    let v = app.gql(Some(&w.admin), CLOSE, json!({ "c": w.call })).await;
    assert_eq!(
        ok(&v)["closeCall"]["call"],
        json!({ "id": w.call, "status": "CLOSED", "acceptingApplications": false })
    );
    let back = read(&app, None, &w.call).await;
    assert_eq!(back["status"], "CLOSED");
    assert_eq!(back["acceptingApplications"], false);
    // closing twice
    let v = app.gql(Some(&w.admin), CLOSE, json!({ "c": w.call })).await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    // nobody starts an application now
    let v = start_in(&app, &bob, &w.call, &w.domain).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["callId"]);
    // and a complete draft cannot be submitted
    let v = app.submit(&alice, &draft_app).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["callId"]);
    assert_eq!(
        ok(&app.read_application(&alice, &draft_app).await)["application"]["status"],
        "DRAFT"
    );
    // unknown calls
    for bad in [unknown_id("Call"), "junk".into()] {
        let v = app.gql(Some(&w.admin), CLOSE, json!({ "c": bad })).await;
        assert_eq!(code(&v), Some("VALIDATION"));
        assert_eq!(fields(&v), ["callId"]);
    }
    // a draft was never published: closing it is refused (it would publish it)
    let mut i = open_input();
    i["draft"] = json!(true);
    let draft = create(&app, &w.admin, i).await;
    let v = app.gql(Some(&w.admin), CLOSE, json!({ "c": draft })).await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
}

#[tokio::test]
async fn calls_are_filtered_by_the_status_people_see() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let now = Utc::now();
    let open = create(&app, &admin, open_input()).await;
    let closed = create(&app, &admin, open_input()).await;
    ok(&app.gql(Some(&admin), CLOSE, json!({ "c": closed })).await);
    let mut i = open_input();
    i["draft"] = json!(true);
    let draft = create(&app, &admin, i).await;
    // opened and published, but its closing time has passed
    let past = create(
        &app,
        &admin,
        call_input(now - Duration::days(20), now - Duration::days(1)),
    )
    .await;
    // open, but not yet taking applications
    let future = create(
        &app,
        &admin,
        call_input(now + Duration::days(3), now + Duration::days(30)),
    )
    .await;
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    for token in [None, Some(admin.as_str())] {
        assert_eq!(
            sorted(listed(&app, token, Some("OPEN")).await),
            sorted(vec![open.clone(), future.clone()])
        );
        assert_eq!(
            sorted(listed(&app, token, Some("CLOSED")).await),
            sorted(vec![closed.clone(), past.clone()])
        );
        assert!(listed(&app, token, Some("DECIDED")).await.is_empty());
    }
    // newest opening first (`closed` was made after `open`, so opens a moment later); drafts
    // only for the team
    assert_eq!(
        listed(&app, None, None).await,
        [future.clone(), closed.clone(), open.clone(), past.clone()]
    );
    assert_eq!(listed(&app, Some(&admin), None).await.len(), 5);
    let p = read(&app, None, &past).await;
    assert_eq!(p["status"], "CLOSED");
    assert_eq!(p["acceptingApplications"], false);
    let f = read(&app, None, &future).await;
    assert_eq!(f["status"], "OPEN");
    assert_eq!(f["acceptingApplications"], false);
    assert_eq!(read(&app, Some(&admin), &draft).await["status"], "DRAFT");
    // neither the past nor the future call takes applications
    let domain = app.create_domain(&admin, "Medication safety").await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (alice, _) = app.register("alice@example.nhs.uk", &org).await;
    for c in [&past, &future] {
        let v = start_in(&app, &alice, c, &domain).await;
        assert_eq!(code(&v), Some("VALIDATION"));
        assert_eq!(fields(&v), ["callId"]);
    }
    // a call that reads CLOSED by the clock can still be closed formally
    let v = app.gql(Some(&admin), CLOSE, json!({ "c": past })).await;
    assert_eq!(ok(&v)["closeCall"]["call"]["status"], "CLOSED");
}

#[tokio::test]
async fn closing_a_draft_is_refused_and_keeps_it_hidden() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let now = chrono::Utc::now();
    let mut i = call_input(
        now - chrono::Duration::days(1),
        now + chrono::Duration::days(30),
    );
    i["draft"] = json!(true);
    let v = app.gql(Some(&admin), CREATE_CALL, json!({ "i": i })).await;
    let draft = ok(&v)["createCall"]["call"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let v = app.gql(Some(&admin), CLOSE, json!({ "c": draft })).await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    let anon = app
        .gql(
            None,
            "query($id: ID!) { call(id: $id) { id } }",
            json!({ "id": draft }),
        )
        .await;
    assert_eq!(ok(&anon)["call"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_draft_calls_criteria_are_not_found_by_node_either() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let (plain, _) = outsiders(&app, &admin).await;
    let mut i = open_input();
    i["draft"] = json!(true);
    let draft = create(&app, &admin, i).await;
    let v = app
        .gql(
            Some(&admin),
            "query($id: ID!) { call(id: $id) { criteria { id } } }",
            json!({ "id": draft }),
        )
        .await;
    let criterion = as_string(&ok(&v)["call"]["criteria"][0]["id"]);
    const NODE: &str = "query($id: ID!) { node(id: $id) { __typename id } }";
    let seen = app
        .gql(Some(&admin), NODE, json!({ "id": criterion }))
        .await;
    assert_eq!(ok(&seen)["node"]["__typename"], "Criterion");
    for token in [None, Some(plain.as_str())] {
        let v = app.gql(token, NODE, json!({ "id": criterion })).await;
        assert_eq!(ok(&v)["node"], Value::Null, "a draft's criterion is hidden");
    }
    // once the call is open, anyone finds it
    ok(&app.gql(Some(&admin), OPEN, json!({ "c": draft })).await);
    let v = app.gql(None, NODE, json!({ "id": criterion })).await;
    assert_eq!(ok(&v)["node"]["__typename"], "Criterion");
}
