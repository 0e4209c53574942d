//! Outcomes (SPEC §2, FAQ 8, 9): every applicant and co-lead told once, worded per outcome,
//! the programme team seeing who is still to be told; and a community started from any
//! decided application, funded or not.

use std::collections::HashSet;

use convene_blackbox::*;
use serde_json::{json, Value};

use crate::selection_support::*;

const PENDING: &str = "query($c: ID!) { call(id: $c) { outcomesPending } }";

/// F (a lead and an NHS co-lead) is funded; N and M are not; W was withdrawn.
struct Outcomes {
    r: Round,
    chair: Who,
    fl: Who,
    fc: Who,
    nl: Who,
    ml: Who,
    wl: Who,
    stranger: Who,
    f: String,
    n: String,
    m: String,
    w: String,
}

async fn outcomes_world(app: &TestApp) -> Outcomes {
    let r = round(app, |i| i["fundedPlaces"] = json!(1)).await;
    let fl = person(app, "fl@riverside.nhs.uk", &r.nhs).await;
    let fc = person(app, "fc@lakeside.nhs.uk", &r.nhs2).await;
    let f = application(app, &r.call, &r.domains[0], &fl, &[&fc], None, true).await;
    let nl = person(app, "nl@hillside.nhs.uk", &r.nhs3).await;
    let n = application(app, &r.call, &r.domains[1], &nl, &[], None, true).await;
    let ml = person(app, "ml@hillside.nhs.uk", &r.nhs3).await;
    let m = application(app, &r.call, &r.domains[2], &ml, &[], None, true).await;
    let wl = person(app, "wl@hillside.nhs.uk", &r.nhs3).await;
    let w = application(app, &r.call, &r.domains[3], &wl, &[], None, true).await;
    let v = app
        .gql(
            Some(&wl.token),
            "mutation($a: ID!) { withdrawApplication(input: { applicationId: $a }) { application { status } } }",
            json!({ "a": w }),
        )
        .await;
    assert_eq!(
        ok(&v)["withdrawApplication"]["application"]["status"],
        "WITHDRAWN"
    );
    let stranger = person(app, "stranger@riverside.nhs.uk", &r.nhs).await;
    let chair = person(app, "chair@hin.example", &r.network).await;
    ok(&add_panel(app, &r, &chair, true).await);
    close(app, &r).await;
    Outcomes {
        r,
        chair,
        fl,
        fc,
        nl,
        ml,
        wl,
        stranger,
        f,
        n,
        m,
        w,
    }
}

async fn pending(app: &TestApp, r: &Round) -> i64 {
    let v = app
        .gql(Some(&r.admin), PENDING, json!({ "c": r.call }))
        .await;
    ok(&v)["call"]["outcomesPending"].as_i64().unwrap()
}

fn outcome_mails(app: &TestApp, to: &str) -> Vec<String> {
    mails_to(app, to)
        .into_iter()
        .filter(|m| {
            m.contains("Subject: Your application in")
                || m.contains("Subject: The outcome of your application")
        })
        .collect()
}

#[tokio::test]
async fn every_applicant_and_co_lead_is_told_once_worded_per_outcome() {
    let app = spawn_app().await;
    let o = outcomes_world(&app).await;
    let r = &o.r;
    let send = |token: Option<String>, call: String| {
        let app = &app;
        async move {
            app.gql(token.as_deref(), SEND_OUTCOMES, json!({ "c": call }))
                .await
        }
    };
    let admin = Some(r.admin.clone());

    // nothing to tell before the decision
    assert_code(&send(admin.clone(), r.call.clone()).await, "INVALID_STATE");
    assert_eq!(pending(&app, r).await, 0);
    ok(&decide(
        &app,
        &o.chair.token,
        &r.call,
        &[&o.f],
        "The strongest application this round",
    )
    .await);

    // the lead and co-lead of F, and the leads of N and M; not the withdrawn one
    assert_eq!(pending(&app, r).await, 4);
    for t in [&o.chair.token, &o.fl.token] {
        assert_code(
            &app.gql(Some(t), PENDING, json!({ "c": r.call })).await,
            "FORBIDDEN",
        );
    }
    // who may not send
    assert_code(&send(None, r.call.clone()).await, "UNAUTHENTICATED");
    assert_code(
        &send(Some(o.fl.token.clone()), r.call.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &send(Some(o.chair.token.clone()), r.call.clone()).await,
        "FORBIDDEN",
    );
    assert_fields(&send(admin.clone(), nobody("Call")).await, &["callId"]);
    assert_eq!(pending(&app, r).await, 4);

    let v = send(admin.clone(), r.call.clone()).await;
    assert_eq!(ok(&v)["sendOutcomes"]["told"], 4);
    assert_eq!(pending(&app, r).await, 0);

    // funded: the lead and the co-lead
    for who in [&o.fl, &o.fc] {
        let m = unfold_mail(&app.wait_for_mail(&who.email, "has been funded").await);
        assert!(
            m.contains("Subject: Your application in Medication safety has been funded"),
            "{m}"
        );
        assert!(m.contains("honorarium"), "{m}");
    }
    // not funded: encouraged to convene anyway, with the network's support
    for who in [&o.nl, &o.ml] {
        let m = unfold_mail(
            &app.wait_for_mail(&who.email, "The outcome of your application")
                .await,
        );
        assert!(m.contains("has not been selected"), "{m}");
        assert!(m.contains("convene your community anyway"), "{m}");
        assert!(m.contains("coaching support"), "{m}");
        assert!(!m.contains("has been funded"), "{m}");
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    for who in [&o.fl, &o.fc, &o.nl, &o.ml] {
        assert_eq!(
            outcome_mails(&app, &who.email).len(),
            1,
            "one mail to {}",
            who.email
        );
    }
    assert!(
        outcome_mails(&app, &o.wl.email).is_empty(),
        "the withdrawn applicant was told"
    );
    assert!(outcome_mails(&app, &o.stranger.email).is_empty());

    // a second call tells nobody new
    let v = send(admin.clone(), r.call.clone()).await;
    assert_eq!(ok(&v)["sendOutcomes"]["told"], 0);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    for who in [&o.fl, &o.fc, &o.nl, &o.ml] {
        assert_eq!(
            outcome_mails(&app, &who.email).len(),
            1,
            "told twice: {}",
            who.email
        );
    }
    assert_eq!(pending(&app, r).await, 0);
    assert!(audit_actions(&app, &r.admin, &r.call)
        .await
        .contains(&"send_outcomes".to_string()));
}

fn conveners(c: &Value) -> HashSet<String> {
    c["conveners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn funded_and_unfunded_applications_both_become_communities() {
    let app = spawn_app().await;
    let o = outcomes_world(&app).await;
    let r = &o.r;
    let start = |token: Option<String>, application: String| {
        let app = &app;
        async move {
            app.gql(
                token.as_deref(),
                START_COMMUNITY,
                json!({ "a": application }),
            )
            .await
        }
    };

    // not before the decision
    assert_code(
        &start(Some(o.fl.token.clone()), o.f.clone()).await,
        "INVALID_STATE",
    );
    ok(&decide(
        &app,
        &o.chair.token,
        &r.call,
        &[&o.f],
        "The strongest application this round",
    )
    .await);
    // not before the applicants have been told
    assert_code(
        &start(Some(o.fl.token.clone()), o.f.clone()).await,
        "INVALID_STATE",
    );
    ok(&app
        .gql(Some(&r.admin), SEND_OUTCOMES, json!({ "c": r.call }))
        .await);

    // who may not
    assert_code(&start(None, o.f.clone()).await, "UNAUTHENTICATED");
    assert_code(
        &start(Some(o.stranger.token.clone()), o.f.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &start(Some(o.chair.token.clone()), o.f.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &start(Some(o.nl.token.clone()), o.f.clone()).await,
        "FORBIDDEN",
    );
    assert_fields(
        &start(Some(o.fl.token.clone()), nobody("Application")).await,
        &["applicationId"],
    );
    assert_fields(
        &start(Some(o.fl.token.clone()), r.call.clone()).await,
        &["applicationId"],
    );
    // a withdrawn application was never decided
    assert_code(
        &start(Some(o.wl.token.clone()), o.w.clone()).await,
        "INVALID_STATE",
    );

    // funded, started by the co-lead: lead and co-lead convene it
    let v = start(Some(o.fc.token.clone()), o.f.clone()).await;
    let c = ok(&v)["startCommunityFromApplication"]["community"].clone();
    assert_eq!(c["origin"], "FUNDED_APPLICATION");
    assert_eq!(c["funded"], true);
    assert_eq!(c["stage"], "FORMING");
    assert_eq!(c["domain"]["id"], r.domains[0].as_str());
    assert!(
        c["name"].as_str().unwrap().contains("Medication safety"),
        "{c}"
    );
    assert_eq!(
        conveners(&c),
        HashSet::from([o.fl.id.clone(), o.fc.id.clone()])
    );
    let funded_id = c["id"].as_str().unwrap().to_string();
    // read back from the application
    let v = app
        .gql(
            Some(&o.fl.token),
            "query($a: ID!) { application(id: $a) { community { id name origin funded stage domain { id } conveners { id } } } }",
            json!({ "a": o.f }),
        )
        .await;
    let back = &ok(&v)["application"]["community"];
    assert_eq!(back["id"], funded_id.as_str());
    assert_eq!(back["origin"], "FUNDED_APPLICATION");
    assert_eq!(back["funded"], true);
    assert_eq!(conveners(back), conveners(&c));
    // an unlisted community is not shown through the application to a reader who does not
    // belong to it (the chair reads the application, not the community)
    ok(&app
        .gql(
            Some(&o.fl.token),
            "mutation($c: ID!) { updateCommunity(input: { communityId: $c, listed: false }) { community { id } } }",
            json!({ "c": funded_id }),
        )
        .await);
    let through = "query($a: ID!) { application(id: $a) { id community { id } } }";
    let v = app
        .gql(Some(&o.chair.token), through, json!({ "a": o.f }))
        .await;
    assert_eq!(ok(&v)["application"]["id"], o.f.as_str());
    assert!(ok(&v)["application"]["community"].is_null(), "{v}");
    for t in [&o.fl.token, &r.admin] {
        let v = app.gql(Some(t), through, json!({ "a": o.f })).await;
        assert_eq!(ok(&v)["application"]["community"]["id"], funded_id.as_str());
    }
    // once
    let v = start(Some(o.fl.token.clone()), o.f.clone()).await;
    assert_code(&v, "CONFLICT");
    assert_eq!(fields(&v), ["applicationId"]);
    let v = start(Some(r.admin.clone()), o.f.clone()).await;
    assert_code(&v, "CONFLICT");

    // not funded, started by its lead: convene anyway
    let v = start(Some(o.nl.token.clone()), o.n.clone()).await;
    let c = &ok(&v)["startCommunityFromApplication"]["community"];
    assert_eq!(c["origin"], "UNFUNDED_APPLICATION");
    assert_eq!(c["funded"], false);
    assert_eq!(c["domain"]["id"], r.domains[1].as_str());
    assert_eq!(conveners(c), HashSet::from([o.nl.id.clone()]));
    // not funded, started for them by the programme team: the lead convenes, not the team
    let v = start(Some(r.admin.clone()), o.m.clone()).await;
    let c = &ok(&v)["startCommunityFromApplication"]["community"];
    assert_eq!(c["origin"], "UNFUNDED_APPLICATION");
    assert_eq!(conveners(c), HashSet::from([o.ml.id.clone()]));

    assert!(audit_actions(&app, &r.admin, &funded_id)
        .await
        .contains(&"start_from_application".to_string()));
}

#[tokio::test]
async fn outcomes_sent_twice_at_once_tell_everyone_once() {
    let app = spawn_app().await;
    let o = outcomes_world(&app).await;
    let r = &o.r;
    ok(&decide(
        &app,
        &o.chair.token,
        &r.call,
        &[&o.f],
        "The strongest application this round",
    )
    .await);
    assert_eq!(pending(&app, r).await, 4);
    let send = || app.gql(Some(&r.admin), SEND_OUTCOMES, json!({ "c": r.call }));
    let (x, y) = tokio::join!(send(), send());
    let mut told = 0;
    for v in [&x, &y] {
        if v.get("errors").is_none() {
            told += v["data"]["sendOutcomes"]["told"].as_i64().unwrap();
        } else {
            assert!(
                matches!(code(v), Some("CONFLICT") | Some("INVALID_STATE")),
                "a second click on send: {v:#}"
            );
        }
    }
    assert_eq!(told, 4, "{x:#} {y:#}");
    assert_eq!(pending(&app, r).await, 0);
    for who in [&o.fl, &o.fc, &o.nl, &o.ml] {
        app.wait_for_mail(&who.email, "Subject: ").await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    for who in [&o.fl, &o.fc, &o.nl, &o.ml] {
        assert_eq!(outcome_mails(&app, &who.email).len(), 1, "{}", who.email);
    }
}

#[tokio::test]
async fn the_team_sees_who_has_not_been_told() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    let (lead, id) = solo(&app, &r, "lead@example.nhs.uk", 0).await;
    let chair = panel(&app, &r, "chair", 1).await.remove(0);
    close(&app, &r).await;
    ok(&decide(
        &app,
        &chair.token,
        &r.call,
        &[&id],
        "The one strong application",
    )
    .await);
    let q = "query($c: ID!) { call(id: $c) { outcomesPending pendingOutcomes { email outcome application { id } person { id } } } }";
    let v = app.gql(Some(&r.admin), q, json!({ "c": r.call })).await;
    assert_eq!(ok(&v)["call"]["outcomesPending"], 1);
    assert_eq!(
        ok(&v)["call"]["pendingOutcomes"],
        json!([{ "email": lead.email, "outcome": "FUNDED", "application": { "id": id }, "person": { "id": lead.id } }])
    );
    assert_eq!(
        code(&app.gql(Some(&lead.token), q, json!({ "c": r.call })).await),
        Some("FORBIDDEN")
    );
    ok(&app
        .gql(Some(&r.admin), SEND_OUTCOMES, json!({ "c": r.call }))
        .await);
    let v = app.gql(Some(&r.admin), q, json!({ "c": r.call })).await;
    assert_eq!(ok(&v)["call"]["pendingOutcomes"], json!([]));
}
