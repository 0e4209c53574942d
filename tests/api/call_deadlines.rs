//! Editing a call (`updateCall`, SPEC §1) and its deadlines on the clock (SPEC §2): a draft
//! changes freely; an open call may close later, never earlier than now, and its applicants are
//! told; the rubric changes only before the first review; reviewers are reminded three days
//! before the review due date and on the day, the programme team before the decision-due date,
//! each once; the dashboard counts reviews overdue.

use chrono::{Duration, NaiveDate, Utc};
use convene_blackbox::*;
use serde_json::{json, Value};

use crate::dashboard_support::{change_call_row, london_today};
use crate::selection_support::*;

const UPDATE: &str = "mutation($i: UpdateCallInput!) { updateCall(input: $i) { call { id title description status opensAt closesAt decisionDueOn reviewsDueOn fundedPlaces honorariumPence criteria { id name weight } } } }";
const DASHBOARD: &str = "query($c: ID) { programmeDashboard(filter: { callId: $c }) { reviewsOverdue reviewProgress { panelMember { id } outstanding overdue } } }";

async fn update(app: &TestApp, token: &str, input: Value) -> Value {
    app.gql(Some(token), UPDATE, json!({ "i": input })).await
}

fn reminders_to(app: &TestApp, to: &str) -> Vec<String> {
    mails_to(app, to)
        .into_iter()
        .filter(|m| m.contains("Subject: Reminder"))
        .collect()
}

async fn remind_on(app: &TestApp, day: NaiveDate) -> (usize, usize) {
    let s = convene_server::usecases::reminders::send_due_reminders(&app.state, day)
        .await
        .unwrap();
    (s.reviews, s.decisions)
}

/// Let the outbox deliver what it was given, and any duplicate show itself.
async fn settle() {
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
}

#[tokio::test]
async fn a_draft_changes_freely_and_the_audit_shows_before_and_after() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let now = Utc::now();
    let mut i = call_input(now + Duration::days(2), now + Duration::days(20));
    i["draft"] = json!(true);
    let v = app.gql(Some(&admin), CREATE_CALL, json!({ "i": i })).await;
    let call = as_string(&ok(&v)["createCall"]["call"]["id"]);

    let opens = now + Duration::days(5);
    let closes = now + Duration::days(40);
    let due = (closes + Duration::days(10)).date_naive();
    let reviews_due = (closes + Duration::days(3)).date_naive();
    let v = update(
        &app,
        &admin,
        json!({
            "callId": call,
            "title": "Call for Conveners 2027",
            "opensAt": opens.to_rfc3339(),
            "closesAt": closes.to_rfc3339(),
            "decisionDueOn": due.to_string(),
            "reviewsDueOn": reviews_due.to_string(),
            "fundedPlaces": 3,
            "honorariumPence": 400000,
            "criteria": [{ "name": "Reach", "weight": 1 }],
        }),
    )
    .await;
    let c = &ok(&v)["updateCall"]["call"];
    assert_eq!(c["title"], "Call for Conveners 2027");
    assert_eq!(c["description"], "A test round", "left out, left alone");
    assert_eq!(c["status"], "DRAFT");
    assert_eq!(c["fundedPlaces"], 3);
    assert_eq!(c["honorariumPence"], 400000);
    assert_eq!(c["decisionDueOn"], due.to_string());
    assert_eq!(c["reviewsDueOn"], reviews_due.to_string());
    assert_eq!(c["criteria"].as_array().unwrap().len(), 1);
    assert_eq!(c["criteria"][0]["name"], "Reach");

    // the whole call is checked again: a closing time before the opening is refused
    let v = update(
        &app,
        &admin,
        json!({ "callId": call, "closesAt": (opens - Duration::days(1)).to_rfc3339() }),
    )
    .await;
    assert_fields(&v, &["closesAt"]);
    // the review due date sits between the closing and the decision
    let v = update(
        &app,
        &admin,
        json!({ "callId": call, "reviewsDueOn": (due + Duration::days(1)).to_string() }),
    )
    .await;
    assert_fields(&v, &["reviewsDueOn"]);

    let log = app.audit_of(&admin, &call).await;
    let entry = log.iter().find(|e| e["action"] == "update").unwrap();
    let parse = |v: &Value| serde_json::from_str::<Value>(v.as_str().unwrap()).unwrap();
    let (before, after) = (parse(&entry["before"]), parse(&entry["after"]));
    assert_eq!(before["title"], "Call for Conveners (test)");
    assert_eq!(after["title"], "Call for Conveners 2027");
    assert_eq!(before["funded_places"], 5);
    assert_eq!(after["funded_places"], 3);
    assert_eq!(after["criteria"], json!([["Reach", 1]]));
    assert!(
        after.get("description").is_none(),
        "unchanged fields are left out: {after}"
    );

    // only the programme team edits calls
    let org = app.create_org(&admin, "Riverside", "NHS_TRUST", true).await;
    let (someone, _) = app.register("someone@example.nhs.uk", &org).await;
    assert_code(
        &update(&app, &someone, json!({ "callId": call, "title": "Mine" })).await,
        "FORBIDDEN",
    );
    assert_fields(
        &update(
            &app,
            &admin,
            json!({ "callId": nobody("Call"), "title": "X" }),
        )
        .await,
        &["callId"],
    );
}

#[tokio::test]
async fn an_open_call_closes_later_and_everyone_with_an_application_is_told() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    let lead = person(&app, "lead@riverside.nhs.uk", &r.nhs).await;
    let co = person(&app, "co@lakeside.nhs.uk", &r.nhs2).await;
    application(&app, &r.call, &r.domains[0], &lead, &[&co], None, true).await;
    let drafter = person(&app, "drafter@riverside.nhs.uk", &r.nhs).await;
    application(&app, &r.call, &r.domains[1], &drafter, &[], None, false).await;
    let quitter = person(&app, "quitter@riverside.nhs.uk", &r.nhs).await;
    let gone = application(&app, &r.call, &r.domains[2], &quitter, &[], None, false).await;
    ok(&app
        .gql(
            Some(&quitter.token),
            "mutation($a: ID!) { withdrawApplication(input: { applicationId: $a }) { application { status } } }",
            json!({ "a": gone }),
        )
        .await);
    let v = app
        .gql(
            Some(&r.admin),
            "query($id: ID!) { call(id: $id) { closesAt } }",
            json!({ "id": r.call }),
        )
        .await;
    let closes = chrono::DateTime::parse_from_rfc3339(ok(&v)["call"]["closesAt"].as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc);

    // earlier than it was going to, or earlier than now: refused, naming closesAt
    for earlier in [closes - Duration::days(1), Utc::now() - Duration::hours(1)] {
        let v = update(
            &app,
            &r.admin,
            json!({ "callId": r.call, "closesAt": earlier.to_rfc3339() }),
        )
        .await;
        assert_fields(&v, &["closesAt"]);
    }
    // what only a draft may change
    let v = update(
        &app,
        &r.admin,
        json!({ "callId": r.call, "fundedPlaces": 6, "honorariumPence": 1 }),
    )
    .await;
    assert_fields(&v, &["fundedPlaces", "honorariumPence"]);
    assert!(mails_to(&app, &lead.email)
        .iter()
        .all(|m| !m.contains("New closing time")));

    let later = closes + Duration::days(7);
    let v = update(
        &app,
        &r.admin,
        json!({ "callId": r.call, "closesAt": later.to_rfc3339(), "description": "Fixed a typo" }),
    )
    .await;
    let c = &ok(&v)["updateCall"]["call"];
    assert_eq!(c["status"], "OPEN");
    assert_eq!(c["description"], "Fixed a typo");
    for who in [&lead, &co, &drafter] {
        let m = unfold_mail(&app.wait_for_mail(&who.email, "New closing time").await);
        let day = later
            .with_timezone(&chrono_tz::Europe::London)
            .format("%-d %B %Y")
            .to_string();
        assert!(m.contains(&day), "the mail names the new closing day: {m}");
    }
    settle().await;
    assert!(
        mails_to(&app, &quitter.email)
            .iter()
            .all(|m| !m.contains("New closing time")),
        "someone who withdrew was told"
    );
    assert_eq!(
        mails_to(&app, &lead.email)
            .iter()
            .filter(|m| m.contains("New closing time"))
            .count(),
        1
    );
    // fixing a text alone tells nobody
    ok(&update(
        &app,
        &r.admin,
        json!({ "callId": r.call, "title": "Call for Conveners 2026" }),
    )
    .await);
    settle().await;
    assert_eq!(
        mails_to(&app, &co.email)
            .iter()
            .filter(|m| m.contains("New closing time"))
            .count(),
        1
    );
}

#[tokio::test]
async fn the_rubric_changes_only_before_the_first_review() {
    let app = spawn_app().await;
    let r = round(&app, |i| i["reviewersPerApplication"] = json!(1)).await;
    let (_, a) = solo(&app, &r, "a@hillside.nhs.uk", 0).await;
    let p = panel(&app, &r, "rev", 1).await;
    close(&app, &r).await;
    ok(&assign(&app, &r).await);
    let rubric = json!([{ "name": "Passion", "weight": 2 }, { "name": "Reach", "weight": 1 }]);
    let v = update(
        &app,
        &r.admin,
        json!({ "callId": r.call, "criteria": rubric }),
    )
    .await;
    let criteria = ok(&v)["updateCall"]["call"]["criteria"].clone();
    assert_eq!(criteria[1]["name"], "Reach");
    let r = Round {
        criteria: criteria
            .as_array()
            .unwrap()
            .iter()
            .map(|c| as_string(&c["id"]))
            .collect(),
        ..r
    };
    ok(&review(&app, &r, &p[0].token, &a, &[4, 3]).await);
    let v = update(
        &app,
        &r.admin,
        json!({ "callId": r.call, "criteria": [{ "name": "Only one", "weight": 1 }] }),
    )
    .await;
    assert_fields(&v, &["criteria"]);
    // other parts still change
    ok(&update(
        &app,
        &r.admin,
        json!({ "callId": r.call, "title": "Renamed" }),
    )
    .await);
}

/// A closed round whose reviews are due on `due`: two applications, two reviewers, one review
/// in. Answers the round, the reviewer who is done and the one who is not.
async fn reviewing(app: &TestApp, due: NaiveDate) -> (Round, Who, Who) {
    let r = round(app, |i| {
        i["reviewersPerApplication"] = json!(1);
        i["reviewsDueOn"] = json!(due.to_string());
    })
    .await;
    solo(app, &r, "a@hillside.nhs.uk", 0).await;
    solo(app, &r, "b@hillside.nhs.uk", 1).await;
    let p = panel(app, &r, "rev", 2).await;
    close(app, &r).await;
    let v = assign(app, &r).await;
    let got = pairs(&ok(&v)["assignReviewers"]["assignments"]);
    let done_app = got.iter().find(|(_, x)| *x == p[0].id).unwrap().0.clone();
    ok(&review(app, &r, &p[0].token, &done_app, &[4, 4]).await);
    (r, p[0].clone(), p[1].clone())
}

#[tokio::test]
async fn reviewers_are_reminded_three_days_before_and_on_the_day_once_each() {
    let app = spawn_app().await;
    let due = london_today() + Duration::days(35);
    let (r, done, owing) = reviewing(&app, due).await;
    let v = app
        .gql(
            Some(&r.admin),
            "query($id: ID!) { call(id: $id) { reviewsDueOn } }",
            json!({ "id": r.call }),
        )
        .await;
    assert_eq!(ok(&v)["call"]["reviewsDueOn"], due.to_string());

    let day = |n: i64| due + Duration::days(n);
    assert_eq!(remind_on(&app, day(-4)).await.0, 0, "not before three days");
    assert_eq!(remind_on(&app, day(-3)).await.0, 1, "three days before");
    assert_eq!(remind_on(&app, day(-3)).await.0, 0, "once");
    assert_eq!(
        remind_on(&app, day(-1)).await.0,
        0,
        "once, whatever the day"
    );
    assert_eq!(remind_on(&app, day(0)).await.0, 1, "on the day");
    assert_eq!(remind_on(&app, day(0)).await.0, 0, "once");
    assert_eq!(remind_on(&app, day(1)).await.0, 0, "not after");
    app.wait_for_mail(&owing.email, "due today").await;
    settle().await;
    let got = reminders_to(&app, &owing.email);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got.iter().any(|m| m.contains(&long(due))));
    assert!(
        reminders_to(&app, &done.email).is_empty(),
        "someone with nothing outstanding was reminded"
    );
    // a new due date is a new deadline: reminded again
    ok(&update(
        &app,
        &r.admin,
        json!({ "callId": r.call, "reviewsDueOn": day(5).to_string() }),
    )
    .await);
    assert_eq!(remind_on(&app, day(2)).await.0, 1);
}

fn long(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

#[tokio::test]
async fn the_programme_team_is_reminded_of_the_decision_while_outcomes_are_unsent() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    solo(&app, &r, "a@hillside.nhs.uk", 0).await;
    // a second call nobody applied to owes nobody an outcome
    let now = Utc::now();
    let mut quiet = call_input(now - Duration::days(1), now + Duration::days(30));
    quiet["title"] = json!("Quiet round");
    ok(&app
        .gql(Some(&r.admin), CREATE_CALL, json!({ "i": quiet }))
        .await);
    let v = app
        .gql(
            Some(&r.admin),
            "query($id: ID!) { call(id: $id) { decisionDueOn } }",
            json!({ "id": r.call }),
        )
        .await;
    let due: NaiveDate = ok(&v)["call"]["decisionDueOn"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let day = |n: i64| due + Duration::days(n);
    assert_eq!(remind_on(&app, day(-4)).await.1, 0);
    assert_eq!(
        remind_on(&app, day(-3)).await.1,
        1,
        "the one programme team member"
    );
    assert_eq!(remind_on(&app, day(-2)).await.1, 0, "once");
    assert_eq!(remind_on(&app, day(0)).await.1, 0, "once");
    let m = app.wait_for_mail(ADMIN_EMAIL, "Reminder: outcomes").await;
    assert!(unfold_mail(&m).contains("Call for Conveners (test)"));
    settle().await;
    let got = reminders_to(&app, ADMIN_EMAIL);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(!got[0].contains("Quiet round"));
}

/// The clock moves on: the call's dates are set in the database, as time would have them (the
/// API never sets a date in the past). `decision` moves the decision-due date too.
async fn move_dates(app: &TestApp, call: &str, reviews: NaiveDate, decision: Option<NaiveDate>) {
    use convene_store::sea_orm::Set;
    change_call_row(app, call, |am| {
        am.reviews_due_on = Set(Some(reviews));
        if let Some(d) = decision {
            am.decision_due_on = Set(d);
        }
    })
    .await;
}

#[tokio::test]
async fn the_dashboard_counts_reviews_overdue() {
    let app = spawn_app().await;
    let due = london_today() + Duration::days(35);
    let (r, done, owing) = reviewing(&app, due).await;
    let figures = |v: &Value| {
        let d = &ok(v)["programmeDashboard"];
        let per: Vec<(String, i64, i64)> = d["reviewProgress"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    as_string(&p["panelMember"]["id"]),
                    p["outstanding"].as_i64().unwrap(),
                    p["overdue"].as_i64().unwrap(),
                )
            })
            .collect();
        (d["reviewsOverdue"].as_i64().unwrap(), per)
    };
    let c = json!({ "c": r.call });
    let (overdue, per) = figures(&app.gql(Some(&r.admin), DASHBOARD, c.clone()).await);
    assert_eq!(overdue, 0, "not yet due");
    assert!(per.contains(&(owing.id.clone(), 1, 0)), "{per:?}");
    move_dates(&app, &r.call, london_today() - Duration::days(1), None).await;
    let (overdue, per) = figures(&app.gql(Some(&r.admin), DASHBOARD, c.clone()).await);
    assert_eq!(overdue, 1);
    assert!(per.contains(&(owing.id.clone(), 1, 1)), "{per:?}");
    assert!(per.contains(&(done.id.clone(), 0, 0)), "{per:?}");
    // and the CSV beside it
    let csv = app
        .http()
        .get(format!(
            "{}/exports/dashboard/review-progress.csv?callId={}",
            app.base, r.call
        ))
        .bearer_auth(&r.admin)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.lines().next().unwrap().ends_with(",overdue"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.contains(&owing.id) && l.ends_with(",1")),
        "{csv}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_on_a_fast_clock_send_each_reminder_once() {
    use convene_blackbox::process::Serve;
    let a = spawn_app().await;
    let (r, done, owing) = reviewing(&a, london_today() + Duration::days(35)).await;
    let soon = london_today() + Duration::days(3);
    move_dates(&a, &r.call, soon, Some(soon)).await;
    // two `convene serve` processes on the same database, each running the clock every second
    let fast = [("CONVENE_CLOCK_INTERVAL_SECS", "1")];
    let b = Serve::start_with(a.database_url(), &fast).await;
    let c = Serve::start_with(a.database_url(), &fast).await;
    let reminders = |to: &str| {
        a.mails()
            .into_iter()
            .chain(b.mails())
            .chain(c.mails())
            .map(|m| unfold_mail(&m))
            .filter(|m| m.contains(&format!("To: {to}")) && m.contains("Subject: Reminder"))
            .collect::<Vec<_>>()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while (reminders(&owing.email).is_empty() || reminders(ADMIN_EMAIL).is_empty())
        && std::time::Instant::now() < deadline
    {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // several more ticks on each replica: a duplicate would have its chance to appear
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    let to_owing = reminders(&owing.email);
    assert_eq!(to_owing.len(), 1, "{to_owing:#?}");
    assert!(to_owing[0].contains("review"), "{}", to_owing[0]);
    let to_team = reminders(ADMIN_EMAIL);
    assert_eq!(to_team.len(), 1, "{to_team:#?}");
    assert!(to_team[0].contains("outcomes"), "{}", to_team[0]);
    assert!(reminders(&done.email).is_empty());
}

#[tokio::test]
async fn a_reviewer_who_deleted_their_account_is_not_reminded() {
    let app = spawn_app().await;
    let due = london_today() + Duration::days(35);
    let (_r, _done, owing) = reviewing(&app, due).await;
    let v = app
        .gql(
            Some(&owing.token),
            crate::privacy::DELETE,
            json!({ "p": PASSWORD }),
        )
        .await;
    assert_eq!(ok(&v)["deleteMyAccount"]["deleted"], true, "{v}");
    assert_eq!(
        remind_on(&app, due - Duration::days(3)).await.0,
        0,
        "a deleted account was reminded"
    );
}
