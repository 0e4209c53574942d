//! CSV exports of the dashboard's tables and of a community's members: read back with an RFC
//! 4180 reader and compared with what GraphQL shows; formulas neutralised yet still parsing;
//! who may download them and what a bad parameter gets.

use convene_blackbox::*;
use serde_json::{json, Value};

use crate::dashboard_support::*;
use crate::selection_support::*;

const TABLES: [&str; 12] = [
    "applications-by-domain",
    "applications-by-sector",
    "applications-by-status",
    "review-progress",
    "decisions",
    "outcomes-pending",
    "communities-by-stage",
    "startup-progress",
    "community-reach",
    "meetings",
    "exchanges-by-visibility",
    "honoraria",
];

/// What a spreadsheet should see in a cell: text it would run as a formula comes back with a
/// leading `'`.
fn shown(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => shown(s),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn rows_of(list: &Value, cells: impl Fn(&Value) -> Vec<String>) -> Vec<Vec<String>> {
    list.as_array().unwrap().iter().map(cells).collect()
}

/// The header and rows each table should hold, from the GraphQL dashboard `d`.
fn expected(table: &str, d: &Value) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let labelled = |f: &str| {
        rows_of(&d[f], |c| {
            vec![text(&c["key"]), text(&c["label"]), text(&c["count"])]
        })
    };
    let kl = vec!["key", "label", "count"];
    match table {
        "applications-by-domain" => (kl, labelled("applicationsByDomain")),
        "applications-by-sector" => (kl, labelled("applicationsBySector")),
        "applications-by-status" => (kl, labelled("applicationsByStatus")),
        "communities-by-stage" => (kl, labelled("communitiesByStage")),
        "exchanges-by-visibility" => (kl, labelled("exchangesByVisibility")),
        "review-progress" => (
            vec![
                "call_id",
                "call",
                "panel_member_id",
                "panel_member",
                "assigned",
                "submitted",
                "conflicts",
                "overdue",
            ],
            rows_of(&d["reviewProgress"], |p| {
                vec![
                    text(&p["call"]["id"]),
                    text(&p["call"]["title"]),
                    text(&p["panelMember"]["id"]),
                    text(&p["panelMember"]["name"]),
                    text(&p["assigned"]),
                    text(&p["submitted"]),
                    text(&p["conflicts"]),
                    text(&p["overdue"]),
                ]
            }),
        ),
        "decisions" => (
            vec!["call_id", "call", "decided_at", "funded", "not_funded"],
            rows_of(&d["decisions"], |x| {
                vec![
                    text(&x["call"]["id"]),
                    text(&x["call"]["title"]),
                    text(&x["decidedAt"]),
                    text(&x["funded"]),
                    text(&x["notFunded"]),
                ]
            }),
        ),
        "outcomes-pending" => (
            vec![
                "call_id",
                "call",
                "decision_due_on",
                "days_until_decision_due",
                "pending",
                "overdue",
            ],
            rows_of(&d["outcomesPending"], |o| {
                vec![
                    text(&o["call"]["id"]),
                    text(&o["call"]["title"]),
                    text(&o["decisionDueOn"]),
                    text(&o["daysUntilDecisionDue"]),
                    text(&o["pending"]),
                    text(&o["overdue"]),
                ]
            }),
        ),
        "startup-progress" => (
            vec!["step", "label", "done", "not_done"],
            rows_of(&d["startupProgress"], |s| {
                vec![
                    text(&s["step"]),
                    String::new(), // the label: checked below
                    text(&s["done"]),
                    text(&s["notDone"]),
                ]
            }),
        ),
        "community-reach" => (
            vec![
                "community_id",
                "community",
                "stage",
                "members",
                "organisations",
                "professions",
                "sectors",
            ],
            rows_of(&d["communityReach"], |c| {
                vec![
                    text(&c["community"]["id"]),
                    text(&c["community"]["name"]),
                    text(&c["stage"]),
                    text(&c["reach"]["members"]),
                    text(&c["reach"]["organisations"]),
                    text(&c["reach"]["professions"]),
                    text(&c["reach"]["sectors"]),
                ]
            }),
        ),
        "meetings" => {
            let m = &d["meetings"];
            (
                vec![
                    "held",
                    "scheduled",
                    "cancelled",
                    "attendances",
                    "average_attendance",
                ],
                vec![vec![
                    text(&m["held"]),
                    text(&m["scheduled"]),
                    text(&m["cancelled"]),
                    text(&m["attendances"]),
                    format!("{:.1}", m["averageAttendance"].as_f64().unwrap()),
                ]],
            )
        }
        "honoraria" => (
            vec![
                "call_id",
                "call",
                "budget_pence",
                "committed_pence",
                "paid_pence",
            ],
            rows_of(&d["honoraria"], |h| {
                vec![
                    text(&h["call"]["id"]),
                    text(&h["call"]["title"]),
                    text(&h["budgetPence"]),
                    text(&h["committedPence"]),
                    text(&h["paidPence"]),
                ]
            }),
        ),
        other => panic!("no such table {other}"),
    }
}

fn instant(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|_| panic!("not an instant: {s}"))
        .with_timezone(&chrono::Utc)
}

#[tokio::test]
async fn every_dashboard_table_reads_back_as_the_dashboard_shows_it() {
    let app = spawn_app().await;
    let n = network(&app).await;
    let admin = &n.r.admin;
    let today = london_today().to_string();
    for (query, filter) in [
        (String::new(), Value::Null),
        (
            format!("?callId={}&from={today}&to={today}", n.r.call),
            json!({ "callId": n.r.call, "from": today, "to": today }),
        ),
    ] {
        let d = dashboard(&app, admin, filter).await;
        for table in TABLES {
            let path = format!("/exports/dashboard/{table}.csv{query}");
            let (status, ct, cd, body) = get(&app, Some(admin), &path).await;
            assert_eq!(status, 200, "{path}: {body}");
            assert_eq!(ct, "text/csv; charset=utf-8");
            assert_eq!(cd, format!("attachment; filename=\"{table}.csv\""));
            assert!(body.ends_with("\r\n"), "{path}: {body:?}");
            let mut rows = parse_csv(&body);
            let (header, mut want) = expected(table, &d);
            assert_eq!(rows.remove(0), header, "{path}");
            if table == "decisions" {
                // the same instant, whatever its spelling
                for (got, w) in rows.iter_mut().zip(want.iter_mut()) {
                    if !w[2].is_empty() {
                        assert_eq!(instant(&got[2]), instant(&w[2]), "{path}");
                        got[2] = w[2].clone();
                    }
                }
            }
            if table == "startup-progress" {
                assert_eq!(rows[0][1], "Develop the domain");
                for (got, w) in rows.iter().zip(want.iter_mut()) {
                    assert!(!got[1].is_empty());
                    w[1] = got[1].clone();
                }
            }
            assert_eq!(rows, want, "{path}");
            assert!(!rows.is_empty() || table == "community-reach", "{path}");
        }
    }

    // formulas come back as text, quoted, and the file still parses
    let (_, _, _, body) = get(&app, Some(admin), "/exports/dashboard/community-reach.csv").await;
    assert!(
        body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open me\"\")\""),
        "{body}"
    );
    assert!(body.contains(",\"'-Closed circle\","), "{body}");
    let names: Vec<String> = parse_csv(&body)
        .into_iter()
        .skip(1)
        .map(|r| r[1].clone())
        .collect();
    let mut names_sorted = names.clone();
    names_sorted.sort();
    assert_eq!(
        names_sorted,
        vec![
            "'-Closed circle".to_string(),
            format!("'{FORMULA_COMMUNITY}"),
            "Falls prevention peers".into()
        ]
    );
    // numbers that merely start with a minus stay numbers
    let (_, _, _, body) = get(&app, Some(admin), "/exports/dashboard/outcomes-pending.csv").await;
    let rows = parse_csv(&body);
    assert_eq!(rows[1][3], "-1", "{body}");
}

#[tokio::test]
async fn members_export_for_conveners_and_the_programme_team() {
    let app = spawn_app().await;
    let n = network(&app).await;
    let today = london_today().to_string();
    let k1 = format!("/exports/communities/{}/members.csv", n.k1);
    let (status, ct, cd, body) = get(&app, Some(&n.cn1.token), &k1).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(ct, "text/csv; charset=utf-8");
    assert_eq!(cd, "attachment; filename=\"members.csv\"");
    let row = |cells: [&str; 6]| {
        let mut v: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        v.push(today.clone());
        v
    };
    assert_eq!(
        parse_csv(&body),
        vec![
            vec![
                "name",
                "email",
                "organisation",
                "sector",
                "profession",
                "role",
                "joined_on"
            ]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>(),
            row([
                "Cara Convener",
                "cn1@riverside.nhs.uk",
                "Riverside NHS Trust",
                "NHS trust",
                "Pharmacist",
                "CONVENER"
            ]),
            // a convener reads their own address only, as `Person.email` shows it
            row([
                "Milo Member",
                "",
                "Lakeside NHS Trust",
                "NHS trust",
                "pharmacist",
                "MEMBER"
            ]),
            row([
                "Pat Voice",
                "",
                "Patient Voices",
                "Third sector",
                "Patient leader",
                "MEMBER"
            ]),
        ]
    );
    // the programme team reads the same rows, with every address
    let (status, _, _, all) = get(&app, Some(&n.r.admin), &k1).await;
    assert_eq!(status, 200);
    let all = parse_csv(&all);
    let emails: Vec<&str> = all.iter().skip(1).map(|r| r[1].as_str()).collect();
    assert_eq!(
        emails,
        [
            "cn1@riverside.nhs.uk",
            "mm1@lakeside.nhs.uk",
            "mm2@voices.example"
        ]
    );
    let mut without: Vec<Vec<String>> = all.clone();
    for r in without.iter_mut().skip(1) {
        r[1].clear();
    }
    let mut mine = parse_csv(&body);
    mine[1][1].clear();
    assert_eq!(mine, without, "the same rows but for the addresses");

    // a name a spreadsheet would run comes back as text
    let k2 = format!("/exports/communities/{}/members.csv", n.k2);
    let (status, _, _, body) = get(&app, Some(&n.cn2.token), &k2).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"'+44 20 7946 0000\""), "{body}");
    let rows = parse_csv(&body);
    assert_eq!(rows[1][0], format!("'{FORMULA_PERSON}"));
    assert_eq!(rows[1][5], "CONVENER");
    assert_eq!(rows.len(), 3);

    // who may not
    assert_eq!(get(&app, None, &k1).await.0, 401);
    assert_eq!(get(&app, Some("not-a-token"), &k1).await.0, 401);
    assert_eq!(get(&app, Some(&n.mm1.token), &k1).await.0, 403, "a member");
    assert_eq!(
        get(&app, Some(&n.cn2.token), &k1).await.0,
        403,
        "the convener of another community"
    );
    assert_eq!(
        get(&app, Some(&n.chair.token), &k1).await.0,
        403,
        "the panel"
    );
    for unknown in [nobody("Community"), n.r.call.clone(), "nonsense".into()] {
        let path = format!("/exports/communities/{unknown}/members.csv");
        assert_eq!(get(&app, Some(&n.r.admin), &path).await.0, 404, "{unknown}");
    }
}

#[tokio::test]
async fn dashboard_exports_are_for_the_programme_team_with_good_parameters() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    let someone = person(&app, "someone@riverside.nhs.uk", &r.nhs).await;
    let chair = person(&app, "chair@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &chair, true).await);
    let path = "/exports/dashboard/honoraria.csv";
    assert_eq!(get(&app, None, path).await.0, 401);
    assert_eq!(get(&app, Some("not-a-token"), path).await.0, 401);
    assert_eq!(get(&app, Some(&someone.token), path).await.0, 403);
    assert_eq!(
        get(&app, Some(&chair.token), path).await.0,
        403,
        "the panel"
    );
    let (status, _, _, body) = get(&app, Some(&r.admin), path).await;
    assert_eq!(status, 200);
    assert_eq!(
        parse_csv(&body)[1][2..],
        ["2500000".to_string(), "0".into(), "0".into()]
    );
    for unknown in [
        "/exports/dashboard/nonsense.csv",
        "/exports/dashboard/meetings",
        "/exports/dashboard/network-reach.csv",
    ] {
        assert_eq!(get(&app, Some(&r.admin), unknown).await.0, 404, "{unknown}");
    }
    for (query, param) in [
        ("callId=nonsense", "callId"),
        (&*format!("callId={}", r.domains[0]), "callId"),
        (&*format!("callId={}", nobody("Call")), "callId"),
        ("from=2026-13-01", "from"),
        ("to=yesterday", "to"),
        ("from=2026-03-02&to=2026-03-01", "to"),
    ] {
        let (status, _, _, body) = get(&app, Some(&r.admin), &format!("{path}?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert!(body.starts_with(&format!("{param}:")), "{query}: {body}");
    }
    let (status, _, _, _) = get(
        &app,
        Some(&r.admin),
        &format!("{path}?callId={}&from=&to=2026-03-01", r.call),
    )
    .await;
    assert_eq!(status, 200, "empty parameters are no filter");
}

/// The application IDs of an applications export (its first column, header left out).
fn exported_ids(body: &str) -> Vec<String> {
    sorted(
        parse_csv(body)
            .into_iter()
            .skip(1)
            .map(|r| r[0].clone())
            .collect(),
    )
}

async fn ranking(app: &TestApp, r: &Round, token: &str) -> Value {
    app.gql(Some(token), RANKING, json!({ "c": r.call })).await
}

/// The applications export answers whom `Call.ranking` answers, through the same rule (issue
/// 15): a panel member whose own reviews are not in gets neither the ranking nor the file, and
/// a member conflicted on an application gets its row in neither.
#[tokio::test]
async fn the_applications_export_is_refused_where_the_ranking_is() {
    let app = spawn_app().await;
    let r = round(&app, |i| i["reviewersPerApplication"] = json!(1)).await;
    let (_, a) = solo(&app, &r, "a.lead@hillside.nhs.uk", 0).await;
    let (_, b) = solo(&app, &r, "b.lead@hillside.nhs.uk", 1).await;
    let p = panel(&app, &r, "exp", 2).await;
    close(&app, &r).await;
    add_assignment(&app, &r, &a, &p[0]).await;
    add_assignment(&app, &r, &b, &p[1]).await;
    let fours = vec![4; r.criteria.len()];
    ok(&review(&app, &r, &p[0].token, &a, &fours).await);
    let url = format!("/exports/calls/{}/applications.csv", r.call);

    // p1's review of B is not in: no ranking, and no export of it either
    assert_code(&ranking(&app, &r, &p[1].token).await, "FORBIDDEN");
    let (status, _, _, body) = get(&app, Some(&p[1].token), &url).await;
    assert_eq!(status, 403, "{body}");
    assert!(!body.contains(&a) && !body.contains(&b), "{body}");

    // p0's reviews are in: the file holds exactly the ranking's applications
    let v = ranking(&app, &r, &p[0].token).await;
    let seen = sorted(ids_of(&ok(&v)["call"]["ranking"]));
    assert_eq!(seen, sorted(vec![a.clone(), b.clone()]));
    let (status, _, _, body) = get(&app, Some(&p[0].token), &url).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(exported_ids(&body), seen);

    // p1 declares a conflict on A and submits their review of B: both show B only
    ok(&app
        .gql(
            Some(&p[1].token),
            DECLARE,
            json!({ "i": { "applicationId": a, "reason": "I supervised the lead" } }),
        )
        .await);
    ok(&review(&app, &r, &p[1].token, &b, &fours).await);
    let v = ranking(&app, &r, &p[1].token).await;
    let seen = sorted(ids_of(&ok(&v)["call"]["ranking"]));
    assert_eq!(seen, vec![b.clone()]);
    let (status, _, _, body) = get(&app, Some(&p[1].token), &url).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(exported_ids(&body), seen);
    assert!(!body.contains(&a), "{body}");

    // the programme team sees every row whatever it has reviewed
    let (status, _, _, body) = get(&app, Some(&r.admin), &url).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(exported_ids(&body), sorted(vec![a.clone(), b.clone()]));
}
