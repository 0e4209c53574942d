//! The read path (issue 16): the directory costs the same statements for ten communities as
//! for a hundred, every time and for every kind of caller; a call's selection is kept between
//! requests, yet a new review shows in the very next read, on this replica and on another.

use convene_blackbox::process::Serve;
use convene_blackbox::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The directory as the programme team reads it (the benchmark's page, with the viewer's own
/// fields and the conveners).
const TEAM: &str = "query($n: Int) { communities(first: $n) { totalCount nodes { id name stage \
    domain { name } memberCount viewerRole viewerJoinRequest { id } conveners { name \
    organisation { name } } members(first: 10) { role person { name organisation { name } } } } } }";
/// The directory as anyone else reads it (members are for members).
const PUBLIC: &str = "query($n: Int) { communities(first: $n) { totalCount nodes { id name stage \
    domain { name } memberCount viewerRole viewerJoinRequest { id } conveners { name \
    organisation { name } } } } }";

const CREATE: &str =
    "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }";
const JOIN: &str = "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }";

/// Every count seen over five tries at each size, for one caller and one query.
async fn counts(app: &TestApp, token: Option<&str>, query: &str) -> BTreeSet<(usize, u64)> {
    let mut seen = BTreeSet::new();
    for _ in 0..5 {
        for n in [10usize, 100] {
            let (v, statements) = app.gql_counted(token, query, json!({ "n": n })).await;
            let nodes = ok(&v)["communities"]["nodes"].as_array().unwrap().len();
            assert_eq!(nodes, n, "{v}");
            seen.insert((n, statements));
        }
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_directory_costs_the_same_statements_for_ten_communities_as_for_a_hundred() {
    let app = spawn_with(count_statements).await;
    let admin = app.admin().await;
    let domain = app.create_domain(&admin, "Medication safety").await;
    // ten conveners of ten communities each, half of them asking to be let in
    let mut conveners = Vec::new();
    let mut ids = Vec::new();
    for i in 0..10 {
        let p = app.person(&admin, &format!("convener{i}")).await;
        for k in 0..10 {
            let mode = if k % 2 == 0 { "OPEN" } else { "ON_REQUEST" };
            let v = app
                .gql(
                    Some(&p.token),
                    CREATE,
                    json!({ "i": { "name": format!("Peers {i}-{k}"), "domainId": domain, "membershipMode": mode, "listed": true } }),
                )
                .await;
            ids.push((
                as_string(&ok(&v)["createCommunity"]["community"]["id"]),
                mode,
            ));
        }
        conveners.push(p);
    }
    // a member of every open community, with a pending request to every other one
    let member = app.person(&admin, "member").await;
    for (c, _) in &ids {
        ok(&app.gql(Some(&member.token), JOIN, json!({ "c": c })).await);
    }
    let mut seen = Vec::new();
    for (who, token, query) in [
        ("the programme team", Some(admin.as_str()), TEAM),
        ("a member", Some(member.token.as_str()), PUBLIC),
        ("a convener", Some(conveners[0].token.as_str()), PUBLIC),
        ("an anonymous visitor", None, PUBLIC),
    ] {
        let c = counts(&app, token, query).await;
        eprintln!("{who}: (communities, statements) seen {c:?}");
        let statements: BTreeSet<u64> = c.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            statements.len(),
            1,
            "{who}: the directory's statements vary with its size or from one try to the next: {c:?}"
        );
        seen.push(*statements.first().unwrap());
    }
    // the viewer is one statement: a signed-in page costs at most one more than an anonymous one
    // with the same fields, plus the viewer's own rows (membership, request to join)
    assert!(seen[1] <= seen[3] + 3, "{seen:?}");
}

const CRITERIA: &str = "query($c: ID!) { call(id: $c) { criteria { id } } }";
const RANKING: &str =
    "query($c: ID!) { call(id: $c) { ranking { reviewCount application { id } } } }";
const ASSIGNMENTS: &str =
    "{ viewer { reviewAssignments { submitted application { id call { id } } } } }";
const REVIEW: &str =
    "mutation($i: SubmitReviewInput!) { submitReview(input: $i) { review { id } } }";

fn reviews_of(ranking: &Value, application: &str) -> i64 {
    ranking["call"]["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["application"]["id"] == application)
        .map(|r| r["reviewCount"].as_i64().unwrap())
        .unwrap_or_else(|| panic!("{application} is not in the ranking: {ranking}"))
}

async fn here(app: &TestApp, admin: &str, call: &str) -> Value {
    ok(&app.gql(Some(admin), RANKING, json!({ "c": call })).await).clone()
}

async fn there(other: &Serve, admin: &str, call: &str) -> Value {
    ok(&other.gql(admin, RANKING, json!({ "c": call })).await).clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_new_review_shows_in_the_next_ranking_on_every_replica() {
    let app = spawn_with(count_statements).await;
    let w = world(&app).await;
    // three on the panel: the call wants three reviewers for each application
    let panel = app.call_with_panel(2).await;
    let call = &panel.call;
    let mut applications = Vec::new();
    for i in 0..3 {
        let (token, _) = app
            .register(&format!("lead{i}@example.nhs.uk"), &w.nhs_org)
            .await;
        let a = app.start_application(&token, call, &w.domain).await;
        ok(&app.submit(&token, &a).await);
        applications.push(a);
    }
    let admin = &panel.admin;
    ok(&app
        .gql(
            Some(admin),
            "mutation($c: ID!) { closeCall(input: { callId: $c }) { call { id } } }",
            json!({ "c": call }),
        )
        .await);
    ok(&app
        .gql(
            Some(admin),
            "mutation($c: ID!) { assignReviewers(input: { callId: $c }) { call { id } } }",
            json!({ "c": call }),
        )
        .await);
    let criteria: Vec<String> = ok(&app.gql(Some(admin), CRITERIA, json!({ "c": call })).await)
        ["call"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| as_string(&c["id"]))
        .collect();
    let chair = &panel.chair.token;
    let assigned: Vec<String> = ok(&app.gql(Some(chair), ASSIGNMENTS, json!({})).await)["viewer"]
        ["reviewAssignments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["application"]["call"]["id"] == call.as_str())
        .map(|a| as_string(&a["application"]["id"]))
        .collect();
    assert_eq!(assigned.len(), 3, "the chair reviews every application");

    let other = Serve::start(app.database_url()).await;
    let read_here = || here(&app, admin, call);
    let read_there = || there(&other, admin, call);
    // any write raises the data version (here one far from the call), so the first read
    // computes the selection again; the next ones find it kept, for fewer statements
    app.create_domain(admin, "Handover").await;
    let count = || app.gql_counted(Some(admin), RANKING, json!({ "c": call }));
    let (v, computing) = count().await;
    ok(&v);
    let (_, kept) = count().await;
    let (_, again) = count().await;
    assert!(
        kept < computing,
        "a kept selection is read, not computed again: {computing} statements, then {kept}"
    );
    assert_eq!(kept, again, "a kept ranking costs the same every time");
    // both replicas have computed (and kept) the ranking before any review
    for a in &assigned {
        assert_eq!(reviews_of(&read_here().await, a), 0);
        assert_eq!(reviews_of(&read_there().await, a), 0);
    }

    for (k, a) in assigned.iter().enumerate() {
        let scores: Vec<Value> = criteria
            .iter()
            .map(|c| json!({ "criterionId": c, "score": 3, "comment": "Clear" }))
            .collect();
        // written through one replica or the other, read at once through both
        let i = json!({ "i": { "applicationId": a, "scores": scores } });
        if k % 2 == 0 {
            ok(&app.gql(Some(chair), REVIEW, i).await);
        } else {
            ok(&other.gql(chair, REVIEW, i).await);
        }
        assert_eq!(reviews_of(&read_here().await, a), 1, "this replica");
        assert_eq!(reviews_of(&read_there().await, a), 1, "the other replica");
    }
}
