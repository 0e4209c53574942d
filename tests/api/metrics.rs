//! `GET /metrics` (who may read it, and what it says), and the cost of the big pages: the
//! directory, a community's page, the panel's ranking and the library take as many SQL
//! statements for fifty rows as for five, because every relation edge goes through a
//! DataLoader.

use convene_blackbox::*;
use serde_json::{json, Value};

/// The value of the sample `name` (with its labels, as written) in a Prometheus text.
fn sample(text: &str, name: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
        .map(|v| v.trim().parse().unwrap())
}

async fn scrape(app: &TestApp, headers: &[(&str, &str)]) -> (u16, String) {
    let mut req = app.http().get(format!("{}/metrics", app.base));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let r = req.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn metrics_show_latency_by_operation_statements_the_outbox_and_the_pool() {
    // mail goes to an SMTP server that is not there, so it waits in the outbox
    let app = spawn_with(|v| {
        v.remove("CONVENE_MAIL_DIR");
        v.insert("CONVENE_SMTP_URL".into(), "smtp://127.0.0.1:9".into());
        v.insert("CONVENE_OUTBOX_BACKOFF_MS".into(), "600000".into());
        v.insert("CONVENE_DB_POOL_MAX".into(), "5".into());
    })
    .await;
    let admin = app.admin().await;
    let (_, before) = scrape(&app, &[]).await;
    assert_eq!(sample(&before, "convene_outbox_backlog"), Some(0.0));
    assert_eq!(
        sample(&before, "convene_outbox_oldest_age_seconds"),
        Some(0.0)
    );

    let domain = app.create_domain(&admin, "Medication safety").await;
    let v = app
        .gql(
            Some(&admin),
            "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }",
            json!({ "i": { "name": "Metered peers", "domainId": domain, "membershipMode": "INVITATION", "listed": true } }),
        )
        .await;
    let c = as_string(&ok(&v)["createCommunity"]["community"]["id"]);
    ok(&app
        .gql(
            Some(&admin),
            "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id } } }",
            json!({ "i": { "communityId": c, "email": "guest@example.nhs.uk", "message": "Join a few of us who share what works." } }),
        )
        .await);
    for _ in 0..2 {
        ok(&app
            .gql(
                Some(&admin),
                "query MetricsProbe { viewer { id } }",
                json!({}),
            )
            .await);
    }
    let long = format!("query {} {{ viewer {{ id }} }}", "L".repeat(65));
    ok(&app.gql(Some(&admin), &long, json!({})).await);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;

    let (status, m) = scrape(&app, &[]).await;
    assert_eq!(status, 200);
    let count = |op: &str| {
        sample(
            &m,
            &format!("convene_http_request_duration_seconds_count{{operation=\"{op}\"}}"),
        )
    };
    assert_eq!(count("MetricsProbe"), Some(2.0));
    assert!(
        count("anonymous").unwrap() >= 1.0,
        "the 65-character name is anonymous"
    );
    assert!(!m.contains(&"L".repeat(65)));
    assert_eq!(
        sample(
            &m,
            "convene_http_request_duration_seconds_bucket{operation=\"MetricsProbe\",le=\"+Inf\"}"
        ),
        Some(2.0)
    );
    assert!(
        sample(&m, "convene_sql_statements_total").unwrap()
            > sample(&before, "convene_sql_statements_total").unwrap()
    );
    assert_eq!(sample(&m, "convene_outbox_backlog"), Some(1.0));
    assert!(sample(&m, "convene_outbox_oldest_age_seconds").unwrap() >= 1.0);
    let idle = sample(&m, "convene_db_pool_connections{state=\"idle\"}").unwrap();
    let in_use = sample(&m, "convene_db_pool_connections{state=\"in_use\"}").unwrap();
    assert!(idle + in_use >= 1.0);
    assert_eq!(sample(&m, "convene_db_pool_max_connections"), Some(5.0));

    // what came through a proxy is refused without the token
    let (status, text) = scrape(&app, &[("x-forwarded-for", "203.0.113.9")]).await;
    assert_eq!(status, 403);
    assert!(text.contains("CONVENE_METRICS_TOKEN"));
}

#[tokio::test]
async fn with_a_token_metrics_need_it() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_METRICS_TOKEN".into(), "scrape-me-please".into());
    })
    .await;
    assert_eq!(scrape(&app, &[]).await.0, 403);
    assert_eq!(
        scrape(&app, &[("authorization", "Bearer scrape-me-not")])
            .await
            .0,
        403
    );
    let (status, text) = scrape(
        &app,
        &[
            ("authorization", "Bearer scrape-me-please"),
            ("x-forwarded-for", "203.0.113.9"),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert!(sample(&text, "convene_sql_statements_total").is_some());
}

// ---- statements per request at five rows and at fifty

const CALL_CREATE: &str =
    "mutation($i: CreateCallInput!) { createCall(input: $i) { call { id criteria { id } } } }";
const SUBMIT_REVIEW: &str =
    "mutation($i: SubmitReviewInput!) { submitReview(input: $i) { review { id } } }";

struct Big {
    admin: String,
    people: Vec<(String, String)>,
    small: String,
    large: String,
    small_call: String,
    large_call: String,
}

/// Fifty people in five organisations, each convening a community; everyone in the first
/// community (the large one) and five in the second (the small one), with a practice each,
/// every practice promising; and two calls, of five and of fifty reviewed
/// applications.
async fn big(app: &TestApp) -> Big {
    let admin = app.admin().await;
    let mut orgs = Vec::new();
    for i in 0..5 {
        orgs.push(
            app.create_org(&admin, &format!("Trust {i}"), "NHS_TRUST", true)
                .await,
        );
    }
    let panel_org = app
        .create_org(&admin, "Panel office", "NETWORK", false)
        .await;
    let mut domains = Vec::new();
    for i in 0..5 {
        domains.push(app.create_domain(&admin, &format!("Domain {i}")).await);
    }
    let mut people = Vec::new();
    for i in 0..50 {
        people.push(
            app.register(&format!("person{i}@example.nhs.uk"), &orgs[i % 5])
                .await,
        );
    }
    let mut communities = Vec::new();
    for (i, (token, _)) in people.iter().enumerate() {
        let v = app
            .gql(
                Some(token),
                "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }",
                json!({ "i": { "name": format!("Community {i}"), "domainId": domains[i % 5], "membershipMode": "OPEN", "listed": true } }),
            )
            .await;
        communities.push(as_string(&ok(&v)["createCommunity"]["community"]["id"]));
    }
    let (large, small) = (communities[0].clone(), communities[1].clone());
    let join = "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }";
    let propose =
        "mutation($i: ProposePracticeInput!) { proposePractice(input: $i) { practice { id } } }";
    for (i, (token, _)) in people.iter().enumerate() {
        let mut places = vec![&large];
        if i < 5 {
            places.push(&small);
        }
        for c in places {
            if !(i == 0 && c == &large || i == 1 && c == &small) {
                ok(&app.gql(Some(token), join, json!({ "c": c })).await);
            }
            let v = app
                .gql(
                    Some(token),
                    propose,
                    json!({ "i": { "communityId": c, "name": format!("Practice {i} in {c}"), "description": "How we do it", "tags": ["huddles", format!("tag{}", i % 3)] } }),
                )
                .await;
            let p = as_string(&ok(&v)["proposePractice"]["practice"]["id"]);
            {
                let convener = if c == &large {
                    &people[0].0
                } else {
                    &people[1].0
                };
                ok(&app
                    .gql(
                        Some(convener),
                        "mutation($i: MarkPromisingInput!) { markPromising(input: $i) { practice { id } } }",
                        json!({ "i": { "practiceId": p, "evidence": "An audit", "outcomes": "Fewer falls", "organisationIds": [orgs[i % 5], orgs[(i + 1) % 5]], "visibility": "PUBLIC" } }),
                    )
                    .await);
            }
        }
    }
    // two calls reviewed by a panel of two, one reviewer per application
    let now = chrono::Utc::now();
    let mut calls = Vec::new();
    for n in [5, 50] {
        let mut input = call_input(
            now - chrono::Duration::days(1),
            now + chrono::Duration::days(30),
        );
        input["title"] = json!(format!("Call of {n}"));
        input["reviewersPerApplication"] = json!(1);
        let v = app
            .gql(Some(&admin), CALL_CREATE, json!({ "i": input }))
            .await;
        let call = &ok(&v)["createCall"]["call"];
        let criteria: Vec<String> = call["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| as_string(&c["id"]))
            .collect();
        let id = as_string(&call["id"]);
        for (token, _) in &people[..n] {
            let a = app.start_application(token, &id, &domains[0]).await;
            assert_eq!(
                ok(&app.submit(token, &a).await)["submitApplication"]["application"]["status"],
                "SUBMITTED"
            );
        }
        calls.push((id, criteria));
    }
    let mut panel = Vec::new();
    for i in 0..2 {
        let (t, id) = app
            .register(&format!("panel{i}@hin.example"), &panel_org)
            .await;
        panel.push((t, id));
    }
    for (call, criteria) in &calls {
        for (i, (_, id)) in panel.iter().enumerate() {
            ok(&app
                .gql(
                    Some(&admin),
                    "mutation($i: AddPanelMemberInput!) { addPanelMember(input: $i) { call { id } } }",
                    json!({ "i": { "callId": call, "personId": id, "chair": i == 0 } }),
                )
                .await);
        }
        ok(&app
            .gql(
                Some(&admin),
                "mutation($c: ID!) { closeCall(input: { callId: $c }) { call { id } } }",
                json!({ "c": call }),
            )
            .await);
        ok(&app
            .gql(
                Some(&admin),
                "mutation($c: ID!) { assignReviewers(input: { callId: $c }) { call { id } } }",
                json!({ "c": call }),
            )
            .await);
        for (r, (token, _)) in panel.iter().enumerate() {
            let v = app
                .gql(
                    Some(token),
                    "{ viewer { reviewAssignments { submitted application { id call { id } } } } }",
                    json!({}),
                )
                .await;
            for (k, a) in ok(&v)["viewer"]["reviewAssignments"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|a| {
                    a["application"]["call"]["id"] == call.as_str() && a["submitted"] == false
                })
                .enumerate()
            {
                let scores: Vec<Value> = criteria
                    .iter()
                    .map(|c| json!({ "criterionId": c, "score": 1 + (k + r) % 5, "comment": "Clear" }))
                    .collect();
                ok(&app
                    .gql(
                        Some(token),
                        SUBMIT_REVIEW,
                        json!({ "i": { "applicationId": a["application"]["id"], "scores": scores } }),
                    )
                    .await);
            }
        }
    }
    Big {
        admin,
        people,
        small,
        large,
        small_call: calls[0].0.clone(),
        large_call: calls[1].0.clone(),
    }
}

const DIRECTORY: &str = "query($n: Int) { communities(first: $n) { totalCount nodes { id name membershipMode stage funded domain { name } conveners { name organisation { name } } } } }";
const COMMUNITY: &str = "query($c: ID!) { community(id: $c) { name stage domain { name } conveners { name organisation { name } } members { role person { name organisation { name } } } practices(first: 50) { totalCount nodes { name status tags domain { name } proposedBy { name organisation { name } } promising { evidence organisations { name } markedBy { name } } } } } }";
const RANKING: &str = "query($c: ID!) { call(id: $c) { ranking { rank weightedScore normalisedScore disagreement reviewCount application { id status domain { name } lead { name organisation { name } } leadOrganisation { name } } } } }";
const LIBRARY: &str = "query($n: Int) { promisingPractices(first: $n) { totalCount nodes { name tags domain { name } community { name conveners { name } } proposedBy { name organisation { name } } promising { evidence outcomes organisations { name } markedBy { name } } } } }";

/// The statements of the request for five rows and for fifty (the fewest of three tries each:
/// a DataLoader sends what it has gathered after a millisecond, so a slow moment can split a
/// batch in two), after checking that each answered with as many rows as asked.
async fn costs(
    app: &TestApp,
    token: Option<&str>,
    query: &str,
    small: Value,
    large: Value,
    rows: impl Fn(&Value) -> usize,
) -> (u64, u64) {
    let mut out = [u64::MAX; 2];
    for _ in 0..3 {
        for (i, (vars, want)) in [(&small, 5), (&large, 50)].into_iter().enumerate() {
            let (v, n) = app.gql_counted(token, query, vars.clone()).await;
            assert_eq!(rows(ok(&v)), want, "{v}");
            out[i] = out[i].min(n);
        }
    }
    (out[0], out[1])
}

#[tokio::test]
async fn the_big_pages_cost_the_same_statements_for_fifty_rows_as_for_five() {
    let app = spawn_with(count_statements).await;
    let b = big(&app).await;
    let len = |v: &Value| v.as_array().unwrap().len();

    let directory = costs(
        &app,
        None,
        DIRECTORY,
        json!({ "n": 5 }),
        json!({ "n": 50 }),
        |d| len(&d["communities"]["nodes"]),
    )
    .await;
    let convener = &b.people[0].0;
    let community = costs(
        &app,
        Some(convener),
        COMMUNITY,
        json!({ "c": b.small }),
        json!({ "c": b.large }),
        |d| {
            let members = len(&d["community"]["members"]);
            assert_eq!(len(&d["community"]["practices"]["nodes"]), members);
            members
        },
    )
    .await;
    let ranking = costs(
        &app,
        Some(&b.admin),
        RANKING,
        json!({ "c": b.small_call }),
        json!({ "c": b.large_call }),
        |d| len(&d["call"]["ranking"]),
    )
    .await;
    let library = costs(
        &app,
        None,
        LIBRARY,
        json!({ "n": 5 }),
        json!({ "n": 50 }),
        |d| len(&d["promisingPractices"]["nodes"]),
    )
    .await;
    for (page, (five, fifty)) in [
        ("the directory", directory),
        ("a community's page", community),
        ("the ranking", ranking),
        ("the library", library),
    ] {
        eprintln!("{page}: {five} statements for 5 rows, {fifty} for 50");
        // One statement per row would add at least 45. What may vary is timing: a loader
        // sends what it has after a millisecond, and fifty rows take a slow debug build longer
        // than that to walk, so a batch can go in two or three parts (seen: up to 3 more).
        assert!(
            fifty <= five + 8,
            "{page}: statements grow with the page: {five} for 5 rows, {fifty} for 50"
        );
        assert!(five > 0);
    }
}
