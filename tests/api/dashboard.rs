//! The programme dashboard (SPEC §8): every figure checked against a known network, without a
//! filter, for each call, for a period that holds everything and for one that holds only
//! yesterday's payment; the same figures as the rest of the API shows; who may see it.

use convene_blackbox::*;
use serde_json::{json, Value};

use crate::dashboard_support::*;
use crate::selection_support::*;

fn ids(list: &Value, path: &[&str]) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let mut v = x;
            for p in path {
                v = &v[*p];
            }
            as_string(v)
        })
        .collect()
}

/// (community, stage, [members, organisations, professions, sectors]), sorted by community ID
/// (the databases sort names with punctuation differently).
fn reach_rows(v: &Value) -> Vec<(String, String, [i64; 4])> {
    let mut out: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let r = &c["reach"];
            (
                as_string(&c["community"]["id"]),
                as_string(&c["stage"]),
                [
                    r["members"].as_i64().unwrap(),
                    r["organisations"].as_i64().unwrap(),
                    r["professions"].as_i64().unwrap(),
                    r["sectors"].as_i64().unwrap(),
                ],
            )
        })
        .collect();
    out.sort();
    out
}

fn sorted_reach(mut v: Vec<(String, String, [i64; 4])>) -> Vec<(String, String, [i64; 4])> {
    v.sort();
    v
}

/// (panel member, call, assigned, submitted, conflicts) in order.
fn progress(v: &Value) -> Vec<(String, String, i64, i64, i64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                as_string(&p["panelMember"]["id"]),
                as_string(&p["call"]["id"]),
                p["assigned"].as_i64().unwrap(),
                p["submitted"].as_i64().unwrap(),
                p["conflicts"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// (call, budget, committed, paid) in order.
fn money(v: &Value) -> Vec<(String, i64, i64, i64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                as_string(&h["call"]["id"]),
                h["budgetPence"].as_i64().unwrap(),
                h["committedPence"].as_i64().unwrap(),
                h["paidPence"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn steps(v: &Value) -> Vec<(String, i64, i64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                as_string(&s["step"]),
                s["done"].as_i64().unwrap(),
                s["notDone"].as_i64().unwrap(),
            )
        })
        .collect()
}

const SECTORS: [&str; 8] = [
    "NHS_TRUST",
    "PRIMARY_CARE",
    "COMMISSIONER",
    "LOCAL_AUTHORITY",
    "ACADEMIC",
    "INDUSTRY",
    "THIRD_SECTOR",
    "NETWORK",
];

fn sectors(nhs: i64, primary: i64, third: i64) -> Vec<(String, i64)> {
    SECTORS
        .iter()
        .map(|s| {
            let n = match *s {
                "NHS_TRUST" => nhs,
                "PRIMARY_CARE" => primary,
                "THIRD_SECTOR" => third,
                _ => 0,
            };
            (s.to_string(), n)
        })
        .collect()
}

fn statuses(n: [i64; 5]) -> Vec<(String, i64)> {
    ["DRAFT", "SUBMITTED", "WITHDRAWN", "FUNDED", "NOT_FUNDED"]
        .iter()
        .zip(n)
        .map(|(k, n)| (k.to_string(), n))
        .collect()
}

fn step_figures(done: [i64; 6], open: i64) -> Vec<(String, i64, i64)> {
    [
        "DEVELOP_DOMAIN",
        "MAP_MEMBERS",
        "INVITATION",
        "INITIAL_CONVERSATION",
        "ROLES",
        "DEFINE_COMMUNITY",
    ]
    .iter()
    .zip(done)
    .map(|(s, d)| (s.to_string(), d, open - d))
    .collect()
}

#[tokio::test]
async fn every_figure_matches_the_known_network() {
    let app = spawn_app().await;
    let n = network(&app).await;
    let r = &n.r;
    let (a, b) = (r.call.clone(), n.call_b.clone());
    let today = london_today();
    let yesterday = today.pred_opt().unwrap();
    let d = dashboard(&app, &r.admin, Value::Null).await;

    // applications
    assert_eq!(
        counts(&d["applicationsByDomain"]),
        vec![
            (r.domains[1].clone(), 2),
            (r.domains[0].clone(), 2),
            (r.domains[2].clone(), 1)
        ],
        "submitted ones (a withdrawal after submitting still counts), most first, then by name"
    );
    assert_eq!(d["applicationsByDomain"][0]["label"], "Falls prevention");
    assert_eq!(counts(&d["applicationsBySector"]), sectors(3, 1, 1));
    assert_eq!(d["applicationsBySector"][6]["label"], "Third sector");
    assert_eq!(
        counts(&d["applicationsByStatus"]),
        statuses([1, 1, 1, 2, 1])
    );
    assert_eq!(d["applicationsByStatus"][4]["label"], "Not funded");

    // selection
    let want_progress = vec![
        (n.chair.id.clone(), a.clone(), 3, 3, 0),
        (n.p1.id.clone(), a.clone(), 2, 1, 1),
        (n.p2.id.clone(), a.clone(), 2, 0, 1),
    ];
    assert_eq!(progress(&d["reviewProgress"]), want_progress);
    assert_eq!(
        d["reviewProgress"][0]["call"]["title"],
        "Call for Conveners (test)"
    );
    // the same conflicts as the call lists
    let v = app
        .gql(
            Some(&r.admin),
            "query($c: ID!) { call(id: $c) { conflicts { person { id } } outcomesPending honorariaTotals { budgetPence committedPence paidPence } } }",
            json!({ "c": a }),
        )
        .await;
    let call = &ok(&v)["call"];
    for (who, _, _, _, conflicts) in &want_progress {
        let listed = ids(&call["conflicts"], &["person", "id"])
            .iter()
            .filter(|p| *p == who)
            .count() as i64;
        assert_eq!(listed, *conflicts, "{who}");
    }
    assert_eq!(
        ids(&d["decisions"], &["call", "id"]),
        vec![a.clone(), b.clone()]
    );
    assert_eq!(d["decisions"][0]["decidedAt"], n.decided_at.as_str());
    assert_eq!(
        (
            &d["decisions"][0]["funded"],
            &d["decisions"][0]["notFunded"]
        ),
        (&json!(2), &json!(1))
    );
    assert_eq!(
        d["decisions"][1]["decidedAt"],
        Value::Null,
        "call B is not decided"
    );
    assert_eq!(
        (
            &d["decisions"][1]["funded"],
            &d["decisions"][1]["notFunded"]
        ),
        (&json!(0), &json!(0))
    );

    // outcomes: call A's due date has passed with four people untold; call B's is ahead
    let o = &d["outcomesPending"];
    assert_eq!(ids(o, &["call", "id"]), vec![a.clone(), b.clone()]);
    assert_eq!(o[0]["decisionDueOn"], yesterday.to_string());
    assert_eq!(o[0]["daysUntilDecisionDue"], -1);
    assert_eq!(
        o[0]["pending"], 4,
        "app1's lead and co-lead, app2's and app3's leads"
    );
    assert_eq!(o[0]["pending"], call["outcomesPending"]);
    assert_eq!(o[0]["overdue"], true);
    let due_b: chrono::NaiveDate = as_string(&o[1]["decisionDueOn"]).parse().unwrap();
    assert_eq!(o[1]["daysUntilDecisionDue"], (due_b - today).num_days());
    assert_eq!(
        o[1]["pending"], 1,
        "everyone is owed an outcome before the decision"
    );
    assert_eq!(o[1]["overdue"], false);

    // communities
    assert_eq!(
        counts(&d["communitiesByStage"]),
        kc(&[("FORMING", 1), ("ACTIVE", 1), ("DORMANT", 0), ("CLOSED", 1)])
    );
    assert_eq!(
        steps(&d["startupProgress"]),
        step_figures([2, 1, 0, 0, 0, 0], 2),
        "the closed community's step does not count"
    );
    let want_reach = sorted_reach(vec![
        (n.k1.clone(), "ACTIVE".into(), [3, 3, 2, 2]),
        (n.k2.clone(), "FORMING".into(), [2, 2, 2, 2]),
        (n.k3.clone(), "CLOSED".into(), [1, 1, 0, 1]),
    ]);
    assert_eq!(reach_rows(&d["communityReach"]), want_reach);
    assert_eq!(
        d["networkReach"],
        json!({ "members": 5, "organisations": 4, "professions": 3, "sectors": 3 })
    );
    // the same reach as the community's own member map shows its convener
    let v = app
        .gql(
            Some(&n.cn1.token),
            "query($id: ID!) { community(id: $id) { memberMap { membershipReach { members organisations professions sectors } } } }",
            json!({ "id": n.k1 }),
        )
        .await;
    let k1 = d["communityReach"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["community"]["id"] == n.k1.as_str())
        .unwrap();
    assert_eq!(
        ok(&v)["community"]["memberMap"]["membershipReach"],
        k1["reach"]
    );

    // meetings, practices, money
    assert_eq!(
        d["meetings"],
        json!({ "held": 2, "scheduled": 1, "cancelled": 1, "attendances": 5, "averageAttendance": 2.5 })
    );
    assert_eq!(
        counts(&d["exchangesByVisibility"]),
        kc(&[("COMMUNITY", 1), ("NETWORK", 2), ("PUBLIC", 1)])
    );
    assert_eq!(d["promisingPractices"], 1);
    assert_eq!(
        money(&d["honoraria"]),
        vec![
            (a.clone(), 2_500_000, 1_000_000, 1_000_000),
            (b.clone(), 2_500_000, 0, 0)
        ]
    );
    let t = &call["honorariaTotals"];
    assert_eq!(
        (&t["budgetPence"], &t["committedPence"], &t["paidPence"]),
        (
            &d["honoraria"][0]["budgetPence"],
            &d["honoraria"][0]["committedPence"],
            &d["honoraria"][0]["paidPence"]
        )
    );

    // one call: applications, reviews, decisions, outcomes and money narrow; the rest does not
    let da = dashboard(&app, &r.admin, json!({ "callId": a })).await;
    assert_eq!(
        counts(&da["applicationsByDomain"]),
        vec![
            (r.domains[1].clone(), 2),
            (r.domains[2].clone(), 1),
            (r.domains[0].clone(), 1)
        ]
    );
    assert_eq!(counts(&da["applicationsBySector"]), sectors(2, 1, 1));
    assert_eq!(
        counts(&da["applicationsByStatus"]),
        statuses([1, 0, 1, 2, 1])
    );
    assert_eq!(progress(&da["reviewProgress"]), want_progress);
    assert_eq!(ids(&da["decisions"], &["call", "id"]), vec![a.clone()]);
    assert_eq!(
        ids(&da["outcomesPending"], &["call", "id"]),
        vec![a.clone()]
    );
    assert_eq!(
        money(&da["honoraria"]),
        money(&d["honoraria"])[..1].to_vec()
    );
    for same in [
        "communitiesByStage",
        "startupProgress",
        "communityReach",
        "networkReach",
        "meetings",
        "exchangesByVisibility",
        "promisingPractices",
    ] {
        assert_eq!(da[same], d[same], "{same} is not narrowed by the call");
    }
    let db_ = dashboard(&app, &r.admin, json!({ "callId": b })).await;
    assert_eq!(
        counts(&db_["applicationsByDomain"]),
        vec![(r.domains[0].clone(), 1)]
    );
    assert_eq!(counts(&db_["applicationsBySector"]), sectors(1, 0, 0));
    assert_eq!(
        counts(&db_["applicationsByStatus"]),
        statuses([0, 1, 0, 0, 0])
    );
    assert_eq!(db_["reviewProgress"], json!([]), "call B has no panel");
    assert_eq!(ids(&db_["decisions"], &["call", "id"]), vec![b.clone()]);
    assert_eq!(money(&db_["honoraria"]), vec![(b.clone(), 2_500_000, 0, 0)]);

    // today: everything happened today but yesterday's payment; meetings ahead are outside
    let t = dashboard(
        &app,
        &r.admin,
        json!({ "from": today.to_string(), "to": today.to_string() }),
    )
    .await;
    assert_eq!(t["applicationsByDomain"], d["applicationsByDomain"]);
    assert_eq!(
        counts(&t["applicationsByStatus"]),
        statuses([0, 1, 1, 2, 1]),
        "drafts were never submitted"
    );
    assert_eq!(progress(&t["reviewProgress"]), want_progress);
    assert_eq!(
        ids(&t["decisions"], &["call", "id"]),
        vec![a.clone(), b.clone()]
    );
    assert_eq!(
        t["meetings"],
        json!({ "held": 2, "scheduled": 0, "cancelled": 0, "attendances": 5, "averageAttendance": 2.5 })
    );
    assert_eq!(t["exchangesByVisibility"], d["exchangesByVisibility"]);
    assert_eq!(t["promisingPractices"], 1);
    assert_eq!(reach_rows(&t["communityReach"]), want_reach);
    assert_eq!(
        money(&t["honoraria"]),
        vec![
            (a.clone(), 2_500_000, 1_000_000, 500_000),
            (b.clone(), 2_500_000, 0, 0)
        ],
        "only today's payment is in the period; what is committed is not narrowed"
    );

    // yesterday: only app2's payment happened then; nothing existed at its end
    let y = dashboard(
        &app,
        &r.admin,
        json!({ "from": yesterday.to_string(), "to": yesterday.to_string() }),
    )
    .await;
    assert_eq!(y["applicationsByDomain"], json!([]));
    assert_eq!(counts(&y["applicationsBySector"]), sectors(0, 0, 0));
    assert_eq!(counts(&y["applicationsByStatus"]), statuses([0; 5]));
    assert_eq!(
        progress(&y["reviewProgress"]),
        vec![
            (n.chair.id.clone(), a.clone(), 3, 0, 0),
            (n.p1.id.clone(), a.clone(), 2, 0, 1),
            (n.p2.id.clone(), a.clone(), 2, 0, 1),
        ]
    );
    assert_eq!(
        ids(&y["decisions"], &["call", "id"]),
        vec![b.clone()],
        "call A was decided today; call B is still undecided"
    );
    assert_eq!(
        counts(&y["communitiesByStage"]),
        kc(&[("FORMING", 0), ("ACTIVE", 0), ("DORMANT", 0), ("CLOSED", 0)])
    );
    assert_eq!(steps(&y["startupProgress"]), step_figures([0; 6], 0));
    assert_eq!(y["communityReach"], json!([]));
    assert_eq!(
        y["networkReach"],
        json!({ "members": 0, "organisations": 0, "professions": 0, "sectors": 0 })
    );
    assert_eq!(
        y["meetings"],
        json!({ "held": 0, "scheduled": 0, "cancelled": 0, "attendances": 0, "averageAttendance": 0.0 })
    );
    assert_eq!(
        counts(&y["exchangesByVisibility"]),
        kc(&[("COMMUNITY", 0), ("NETWORK", 0), ("PUBLIC", 0)])
    );
    assert_eq!(y["promisingPractices"], 0);
    assert_eq!(
        money(&y["honoraria"]),
        vec![
            (a.clone(), 2_500_000, 1_000_000, 500_000),
            (b.clone(), 2_500_000, 0, 0)
        ]
    );
    // a period ending yesterday with an open start holds the same
    let e = dashboard(&app, &r.admin, json!({ "to": yesterday.to_string() })).await;
    assert_eq!(e["communityReach"], json!([]));
    assert_eq!(e["applicationsByDomain"], json!([]));

    // once everyone is told, nothing is pending or overdue
    ok(&app
        .gql(Some(&r.admin), SEND_OUTCOMES, json!({ "c": a }))
        .await);
    let d = dashboard(&app, &r.admin, json!({ "callId": a })).await;
    assert_eq!(d["outcomesPending"][0]["pending"], 0);
    assert_eq!(d["outcomesPending"][0]["overdue"], false);
    assert_eq!(d["outcomesPending"][0]["daysUntilDecisionDue"], -1);
}

#[tokio::test]
async fn the_dashboard_is_for_the_programme_team_and_checks_its_filter() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    let someone = person(&app, "someone@riverside.nhs.uk", &r.nhs).await;
    let chair = person(&app, "chair@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &chair, true).await);
    let q = "query($f: DashboardFilter) { programmeDashboard(filter: $f) { promisingPractices } }";
    assert_code(&app.gql(None, q, json!({})).await, "UNAUTHENTICATED");
    assert_code(
        &app.gql(Some(&someone.token), q, json!({})).await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&chair.token), q, json!({})).await,
        "FORBIDDEN",
    );
    ok(&app.gql(Some(&r.admin), q, json!({})).await);

    let bad = |f: Value| app.gql(Some(&r.admin), q, json!({ "f": f }));
    assert_fields(
        &bad(json!({ "from": "2026-03-02", "to": "2026-03-01" })).await,
        &["to"],
    );
    ok(&bad(json!({ "from": "2026-03-01", "to": "2026-03-01" })).await);
    assert_fields(&bad(json!({ "callId": nobody("Call") })).await, &["callId"]);
    assert_fields(&bad(json!({ "callId": r.domains[0] })).await, &["callId"]);
    let v = bad(json!({ "from": "1 March" })).await;
    assert!(v.get("errors").is_some(), "{v}");

    // an empty network: every enum's values, at zero; no calls but the round's own
    let d = dashboard(&app, &r.admin, Value::Null).await;
    assert_eq!(counts(&d["applicationsBySector"]), sectors(0, 0, 0));
    assert_eq!(
        counts(&d["communitiesByStage"]),
        kc(&[("FORMING", 0), ("ACTIVE", 0), ("DORMANT", 0), ("CLOSED", 0)])
    );
    assert_eq!(steps(&d["startupProgress"]), step_figures([0; 6], 0));
    assert_eq!(
        money(&d["honoraria"]),
        vec![(r.call.clone(), 2_500_000, 0, 0)]
    );
    assert_eq!(
        d["meetings"],
        json!({ "held": 0, "scheduled": 0, "cancelled": 0, "attendances": 0, "averageAttendance": 0.0 })
    );
}
