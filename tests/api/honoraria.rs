//! Honoraria (SPEC §3, FAQ 4, 7, 8): the split among co-leads to the penny, industry and
//! third-sector partners never paid, payments proposed → approved → paid or cancelled, the
//! budget and the finance export.

use std::collections::HashMap;

use convene_blackbox::*;
use serde_json::{json, Value};

use crate::selection_support::*;

/// A decided REDISTRIBUTE call with two places: I (an industry lead with two NHS co-leads)
/// and T (three NHS people) funded, N not.
struct Paid {
    r: Round,
    chair: Who,
    ind: Who,
    n1: Who,
    n2: Who,
    t0: Who,
    t1: Who,
    t2: Who,
    nl: Who,
    i: String,
    t: String,
    n: String,
}

async fn decided(app: &TestApp, policy: &str) -> Paid {
    let r = round(app, |i| {
        i["fundedPlaces"] = json!(2);
        i["honorariumPolicy"] = json!(policy);
    })
    .await;
    let ind = person(app, "lead@devices.example", &r.industry).await;
    let n1 = person(app, "n1@riverside.nhs.uk", &r.nhs).await;
    let n2 = person(app, "n2@lakeside.nhs.uk", &r.nhs2).await;
    let i = application(app, &r.call, &r.domains[0], &ind, &[&n1, &n2], None, true).await;
    let t0 = person(app, "t0@hillside.nhs.uk", &r.nhs3).await;
    let t1 = person(app, "t1@riverside.nhs.uk", &r.nhs).await;
    let t2 = person(app, "t2@lakeside.nhs.uk", &r.nhs2).await;
    let t = application(app, &r.call, &r.domains[1], &t0, &[&t1, &t2], None, true).await;
    let nl = person(app, "nl@hillside.nhs.uk", &r.nhs3).await;
    let n = application(app, &r.call, &r.domains[2], &nl, &[], None, true).await;
    let chair = person(app, "chair@hin.example", &r.network).await;
    ok(&add_panel(app, &r, &chair, true).await);
    close(app, &r).await;
    let v = decide(
        app,
        &chair.token,
        &r.call,
        &[&i, &t],
        "Two strong domains with wide reach",
    )
    .await;
    ok(&v);
    Paid {
        r,
        chair,
        ind,
        n1,
        n2,
        t0,
        t1,
        t2,
        nl,
        i,
        t,
        n,
    }
}

/// Each honorarium by application: (totalPence, [(person, amount, eligible, route, status, share id)]).
fn honoraria(
    v: &Value,
) -> HashMap<String, (i64, Vec<(String, i64, bool, String, String, String)>)> {
    ok(v)["call"]["honoraria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let shares = h["shares"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    assert_eq!(s["application"]["id"], h["application"]["id"]);
                    (
                        s["person"]["id"].as_str().unwrap().to_string(),
                        s["amountPence"].as_i64().unwrap(),
                        s["eligible"].as_bool().unwrap(),
                        s["route"].as_str().unwrap().to_string(),
                        s["status"].as_str().unwrap().to_string(),
                        s["id"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (
                h["application"]["id"].as_str().unwrap().to_string(),
                (h["totalPence"].as_i64().unwrap(), shares),
            )
        })
        .collect()
}

fn amounts(shares: &[(String, i64, bool, String, String, String)]) -> Vec<(String, i64, bool)> {
    shares.iter().map(|s| (s.0.clone(), s.1, s.2)).collect()
}

fn share_of(
    h: &HashMap<String, (i64, Vec<(String, i64, bool, String, String, String)>)>,
    app: &str,
    who: &Who,
) -> String {
    h[app].1.iter().find(|s| s.0 == who.id).unwrap().5.clone()
}

async fn totals(app: &TestApp, r: &Round) -> (i64, i64, i64) {
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let t = &ok(&v)["call"]["honorariaTotals"];
    (
        t["budgetPence"].as_i64().unwrap(),
        t["committedPence"].as_i64().unwrap(),
        t["paidPence"].as_i64().unwrap(),
    )
}

#[tokio::test]
async fn redistribute_splits_among_eligible_co_leads_to_the_penny_lead_first() {
    let app = spawn_app().await;
    let w = decided(&app, "REDISTRIBUTE").await;
    let r = &w.r;
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let h = honoraria(&v);
    assert_eq!(h.len(), 2, "only the funded applications: {v:#}");
    assert!(!h.contains_key(&w.n));
    // an industry lead is never paid; the two NHS co-leads share the whole £5,000
    assert_eq!(h[&w.i].0, 500_000);
    assert_eq!(
        amounts(&h[&w.i].1),
        vec![
            (w.ind.id.clone(), 0, false),
            (w.n1.id.clone(), 250_000, true),
            (w.n2.id.clone(), 250_000, true)
        ]
    );
    // three ways: 166,667 + 166,667 + 166,666, the odd pennies lead first
    assert_eq!(
        amounts(&h[&w.t].1),
        vec![
            (w.t0.id.clone(), 166_667, true),
            (w.t1.id.clone(), 166_667, true),
            (w.t2.id.clone(), 166_666, true)
        ]
    );
    // every payment proposed through the employer; a partner's empty share has nothing to pay
    for s in h.values().flat_map(|x| x.1.iter()) {
        let want = if s.1 == 0 { "CANCELLED" } else { "PROPOSED" };
        assert_eq!((s.3.as_str(), s.4.as_str()), ("EMPLOYER", want), "{s:?}");
    }
    // committed against the budget (places × honorarium)
    assert_eq!(totals(&app, r).await, (1_000_000, 1_000_000, 0));
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    assert_eq!(ok(&v)["call"]["budgetPence"], 1_000_000);
    // the lead sees who is eligible
    let v = app
        .gql(
            Some(&w.ind.token),
            "query($a: ID!) { application(id: $a) { coLeads { person { id } honorariumEligible } } }",
            json!({ "a": w.i }),
        )
        .await;
    assert_eq!(
        ok(&v)["application"]["coLeads"],
        json!([{ "person": { "id": w.n1.id }, "honorariumEligible": true }, { "person": { "id": w.n2.id }, "honorariumEligible": true }])
    );
    // the shares' proposal is audited
    let s = share_of(&h, &w.t, &w.t0);
    assert!(audit_actions(&app, &r.admin, &s)
        .await
        .contains(&"propose".to_string()));
    // the money is the programme team's to see
    for t in [&w.chair.token, &w.t0.token] {
        let v = app
            .gql(
                Some(t),
                "query($c: ID!) { call(id: $c) { honoraria { totalPence } } }",
                json!({ "c": r.call }),
            )
            .await;
        assert_code(&v, "FORBIDDEN");
        let v = app
            .gql(
                Some(t),
                "query($c: ID!) { call(id: $c) { honorariaTotals { paidPence } } }",
                json!({ "c": r.call }),
            )
            .await;
        assert_code(&v, "FORBIDDEN");
    }
}

#[tokio::test]
async fn forfeit_leaves_the_industry_partners_share_unpaid() {
    let app = spawn_app().await;
    let w = decided(&app, "FORFEIT").await;
    let r = &w.r;
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let h = honoraria(&v);
    // SPEC §3: split among all three (odd pennies lead first), the partner's part not paid
    assert_eq!(
        amounts(&h[&w.i].1),
        vec![
            (w.ind.id.clone(), 0, false),
            (w.n1.id.clone(), 166_667, true),
            (w.n2.id.clone(), 166_666, true)
        ]
    );
    assert_eq!(
        amounts(&h[&w.t].1),
        vec![
            (w.t0.id.clone(), 166_667, true),
            (w.t1.id.clone(), 166_667, true),
            (w.t2.id.clone(), 166_666, true)
        ]
    );
    assert_eq!(totals(&app, r).await, (1_000_000, 833_333, 0));
    let v = app
        .gql(
            Some(&r.admin),
            "query($c: ID!) { call(id: $c) { honorariumPolicy } }",
            json!({ "c": r.call }),
        )
        .await;
    assert_eq!(ok(&v)["call"]["honorariumPolicy"], "FORFEIT");
}

#[tokio::test]
async fn payments_move_from_proposed_to_approved_to_paid_or_cancelled() {
    let app = spawn_app().await;
    let w = decided(&app, "REDISTRIBUTE").await;
    let r = &w.r;
    // the lead of T joins the programme team: they still cannot approve their own payment
    app.gql(
        Some(&r.admin),
        "mutation($i: GrantRoleInput!) { grantRole(input: $i) { person { id } } }",
        json!({ "i": { "personId": w.t0.id, "role": "PROGRAMME_TEAM" } }),
    )
    .await;
    let t0_team = app.sign_in(&w.t0.email, PASSWORD).await;
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let h = honoraria(&v);
    let (s_t0, s_t1, s_t2) = (
        share_of(&h, &w.t, &w.t0),
        share_of(&h, &w.t, &w.t1),
        share_of(&h, &w.t, &w.t2),
    );
    let s_ind = share_of(&h, &w.i, &w.ind);
    let s_n1 = share_of(&h, &w.i, &w.n1);

    // approving
    let approve = |token: Option<String>, share: String| {
        let app = &app;
        async move {
            app.gql(token.as_deref(), APPROVE, json!({ "s": share }))
                .await
        }
    };
    let admin = Some(r.admin.clone());
    assert_code(
        &approve(Some(t0_team.clone()), s_t0.clone()).await,
        "FORBIDDEN",
    );
    assert_code(&approve(None, s_t0.clone()).await, "UNAUTHENTICATED");
    assert_code(
        &approve(Some(w.t1.token.clone()), s_t0.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &approve(Some(w.chair.token.clone()), s_t0.clone()).await,
        "FORBIDDEN",
    );
    assert_fields(
        &approve(admin.clone(), nobody("HonorariumShare")).await,
        &["shareId"],
    );
    assert_fields(&approve(admin.clone(), r.call.clone()).await, &["shareId"]);
    // nothing to pay an industry partner
    assert_code(
        &approve(admin.clone(), s_ind.clone()).await,
        "INVALID_STATE",
    );
    // the payee, on the team, approves somebody else's
    let v = approve(Some(t0_team.clone()), s_t1.clone()).await;
    assert_eq!(ok(&v)["approvePayment"]["share"]["status"], "APPROVED");
    let v = approve(admin.clone(), s_t0.clone()).await;
    let s = &ok(&v)["approvePayment"]["share"];
    assert_eq!(s["status"], "APPROVED");
    assert_eq!(s["amountPence"], 166_667);
    assert!(s["approvedAt"].is_string());
    assert_code(&approve(admin.clone(), s_t0.clone()).await, "INVALID_STATE");

    // paying
    let today = chrono::Utc::now().date_naive();
    let yesterday = today - chrono::Duration::days(1);
    let pay = |token: Option<String>, share: String, reference: &str, on: chrono::NaiveDate| {
        let app = &app;
        let i =
            json!({ "i": { "shareId": share, "reference": reference, "paidOn": on.to_string() } });
        async move { app.gql(token.as_deref(), PAY, i).await }
    };
    assert_code(
        &pay(admin.clone(), s_t2.clone(), "BACS-2", yesterday).await,
        "INVALID_STATE",
    );
    assert_fields(
        &pay(
            admin.clone(),
            s_t0.clone(),
            "BACS-1",
            today + chrono::Duration::days(2),
        )
        .await,
        &["paidOn"],
    );
    assert_fields(
        &pay(admin.clone(), s_t0.clone(), "   ", yesterday).await,
        &["reference"],
    );
    assert_fields(
        &pay(
            admin.clone(),
            nobody("HonorariumShare"),
            "BACS-1",
            yesterday,
        )
        .await,
        &["shareId"],
    );
    assert_code(
        &pay(None, s_t0.clone(), "BACS-1", yesterday).await,
        "UNAUTHENTICATED",
    );
    assert_code(
        &pay(Some(w.t1.token.clone()), s_t0.clone(), "BACS-1", yesterday).await,
        "FORBIDDEN",
    );
    assert_code(
        &pay(
            Some(w.chair.token.clone()),
            s_t0.clone(),
            "BACS-1",
            yesterday,
        )
        .await,
        "FORBIDDEN",
    );
    let v = pay(admin.clone(), s_t0.clone(), " BACS-0001 ", yesterday).await;
    assert_eq!(
        ok(&v)["markPaymentPaid"]["share"],
        json!({ "id": s_t0, "status": "PAID", "reference": "BACS-0001", "paidOn": yesterday.to_string(), "amountPence": 166_667 })
    );
    assert_code(
        &pay(admin.clone(), s_t0.clone(), "BACS-0002", yesterday).await,
        "INVALID_STATE",
    );
    assert_eq!(totals(&app, r).await, (1_000_000, 1_000_000, 166_667));

    // the route
    let route = |token: Option<String>, share: String, route: &str| {
        let app = &app;
        let i = json!({ "i": { "shareId": share, "route": route } });
        async move { app.gql(token.as_deref(), ROUTE, i).await }
    };
    let v = route(admin.clone(), s_t1.clone(), "PERSON").await;
    assert_eq!(
        ok(&v)["setPaymentRoute"]["share"],
        json!({ "id": s_t1, "route": "PERSON", "status": "APPROVED" })
    );
    assert_code(
        &route(admin.clone(), s_t0.clone(), "PERSON").await,
        "INVALID_STATE",
    );
    assert_fields(
        &route(admin.clone(), nobody("HonorariumShare"), "PERSON").await,
        &["shareId"],
    );
    assert_code(
        &route(None, s_t1.clone(), "EMPLOYER").await,
        "UNAUTHENTICATED",
    );
    assert_code(
        &route(Some(w.t1.token.clone()), s_t1.clone(), "EMPLOYER").await,
        "FORBIDDEN",
    );
    assert_code(
        &route(Some(w.chair.token.clone()), s_t1.clone(), "EMPLOYER").await,
        "FORBIDDEN",
    );

    // cancelling what is not paid
    let cancel = |token: Option<String>, share: String| {
        let app = &app;
        async move {
            app.gql(token.as_deref(), CANCEL, json!({ "s": share }))
                .await
        }
    };
    assert_code(&cancel(None, s_t2.clone()).await, "UNAUTHENTICATED");
    assert_code(
        &cancel(Some(w.t2.token.clone()), s_t2.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &cancel(Some(w.chair.token.clone()), s_t2.clone()).await,
        "FORBIDDEN",
    );
    assert_fields(
        &cancel(admin.clone(), nobody("HonorariumShare")).await,
        &["shareId"],
    );
    let v = cancel(admin.clone(), s_t2.clone()).await;
    assert_eq!(
        ok(&v)["cancelPayment"]["share"],
        json!({ "id": s_t2, "status": "CANCELLED" })
    );
    assert_code(&cancel(admin.clone(), s_t2.clone()).await, "INVALID_STATE");
    assert_code(&cancel(admin.clone(), s_t0.clone()).await, "INVALID_STATE");
    assert_code(
        &route(admin.clone(), s_t2.clone(), "PERSON").await,
        "INVALID_STATE",
    );
    assert_code(&approve(admin.clone(), s_t2.clone()).await, "INVALID_STATE");
    // an approved one can be cancelled too
    ok(&approve(admin.clone(), s_n1.clone()).await);
    ok(&cancel(admin.clone(), s_n1.clone()).await);
    assert_eq!(
        totals(&app, r).await,
        (1_000_000, 1_000_000 - 166_666 - 250_000, 166_667)
    );

    // read back
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let h = honoraria(&v);
    let status: HashMap<String, (String, String)> = h
        .values()
        .flat_map(|x| x.1.iter())
        .map(|s| (s.5.clone(), (s.4.clone(), s.3.clone())))
        .collect();
    assert_eq!(status[&s_t0], ("PAID".into(), "EMPLOYER".into()));
    assert_eq!(status[&s_t1], ("APPROVED".into(), "PERSON".into()));
    assert_eq!(status[&s_t2], ("CANCELLED".into(), "EMPLOYER".into()));
    assert_eq!(status[&s_ind], ("CANCELLED".into(), "EMPLOYER".into()));
    assert_eq!(status[&s_n1], ("CANCELLED".into(), "EMPLOYER".into()));

    // every change is audited
    let a = audit_actions(&app, &r.admin, &s_t0).await;
    for action in ["propose", "approve", "mark_paid"] {
        assert!(a.contains(&action.to_string()), "{action}: {a:?}");
    }
    assert_eq!(a[0], "mark_paid", "newest first: {a:?}");
    let a = audit_actions(&app, &r.admin, &s_t1).await;
    assert!(a.contains(&"set_route".to_string()), "{a:?}");
    let a = audit_actions(&app, &r.admin, &s_t2).await;
    assert!(a.contains(&"cancel".to_string()), "{a:?}");

    // the finance export
    let url = format!("{}/exports/calls/{}/honoraria.csv", app.base, r.call);
    let res = app.http().get(&url).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let res = app
        .http()
        .get(&url)
        .bearer_auth(&w.t1.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "an applicant");
    let res = app
        .http()
        .get(&url)
        .bearer_auth(&w.chair.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "the panel");
    let res = app
        .http()
        .get(&url)
        .bearer_auth(&r.admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = res.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        "application_id,domain,payee,payee_email,organisation,eligible,amount_pence,amount_gbp,route,status,reference,paid_on"
    );
    assert_eq!(lines.len(), 7, "{body}");
    let row = |email: &str| -> Vec<String> {
        lines
            .iter()
            .find(|l| l.contains(&format!(",{email},")))
            .unwrap_or_else(|| panic!("no row for {email}: {body}"))
            .split(',')
            .map(String::from)
            .collect()
    };
    assert_eq!(
        row(&w.t0.email),
        vec![
            w.t.clone(),
            "Falls prevention".into(),
            format!("Person {}", w.t0.email),
            w.t0.email.clone(),
            "Hillside NHS Trust".into(),
            "true".into(),
            "166667".into(),
            "1666.67".into(),
            "EMPLOYER".into(),
            "PAID".into(),
            "BACS-0001".into(),
            yesterday.to_string()
        ]
    );
    let ind = row(&w.ind.email);
    assert_eq!(ind[0], w.i);
    assert_eq!(
        (ind[5].as_str(), ind[6].as_str(), ind[7].as_str()),
        ("false", "0", "0.00")
    );
    let t1 = row(&w.t1.email);
    assert_eq!(
        (t1[8].as_str(), t1[9].as_str(), t1[10].as_str()),
        ("PERSON", "APPROVED", "")
    );
    let _ = (&w.nl, &w.n2);
}

#[tokio::test]
async fn a_share_is_a_node() {
    let app = spawn_app().await;
    let w = decided(&app, "REDISTRIBUTE").await;
    let r = &w.r;
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let s = share_of(&honoraria(&v), &w.t, &w.t0);
    let v = app
        .gql(
            Some(&r.admin),
            "query($s: ID!) { node(id: $s) { id } }",
            json!({ "s": s }),
        )
        .await;
    assert_eq!(ok(&v)["node"]["id"], s.as_str(), "{v:#}");
}

#[tokio::test]
async fn a_payment_marked_paid_twice_at_once_is_paid_once() {
    let app = spawn_app().await;
    let w = decided(&app, "REDISTRIBUTE").await;
    let r = &w.r;
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let s = share_of(&honoraria(&v), &w.t, &w.t0);
    ok(&app.gql(Some(&r.admin), APPROVE, json!({ "s": s })).await);
    let on = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
    let pay = |reference: &str| {
        app.gql(
            Some(&r.admin),
            PAY,
            json!({ "i": { "shareId": s, "reference": reference, "paidOn": on } }),
        )
    };
    let (x, y) = tokio::join!(pay("BACS-A"), pay("BACS-B"));
    let winners: Vec<&Value> = [&x, &y]
        .into_iter()
        .filter(|v| v.get("errors").is_none())
        .collect();
    assert_eq!(winners.len(), 1, "paid twice: {x:#} {y:#}");
    let loser = if x.get("errors").is_none() { &y } else { &x };
    assert_code(loser, "INVALID_STATE");
    let reference = winners[0]["data"]["markPaymentPaid"]["share"]["reference"].clone();
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let back = ok(&v)["call"]["honoraria"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| h["shares"].as_array().unwrap().iter())
        .find(|x| x["id"] == s.as_str())
        .unwrap()
        .clone();
    assert_eq!(back["reference"], reference);
    let marks = audit_actions(&app, &r.admin, &s)
        .await
        .into_iter()
        .filter(|a| a == "mark_paid")
        .count();
    assert_eq!(marks, 1, "two payments audited for one share");
}

#[tokio::test]
async fn marking_paid_names_every_bad_field_and_exports_refuse_bad_tokens() {
    let app = spawn_app().await;
    let w = decided(&app, "REDISTRIBUTE").await;
    let r = &w.r;
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let s = share_of(&honoraria(&v), &w.t, &w.t0);
    ok(&app.gql(Some(&r.admin), APPROVE, json!({ "s": s })).await);
    let future = (chrono::Utc::now() + chrono::Duration::days(30))
        .date_naive()
        .to_string();
    let v = app
        .gql(
            Some(&r.admin),
            PAY,
            json!({ "i": { "shareId": s, "reference": " ", "paidOn": future } }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["reference", "paidOn"]);
    for header in ["Bearer not-a-token", "Basic x"] {
        let res = app
            .http()
            .get(format!(
                "{}/exports/calls/{}/honoraria.csv",
                app.base, r.call
            ))
            .header("authorization", header)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401, "{header}");
    }
}
