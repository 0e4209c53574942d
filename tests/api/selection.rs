//! Selection (SPEC §2, FAQ 5, 8, 9): the panel, conflicts of interest, assignment of reviewers,
//! reviews, the ranking, the allocation proposal and the chair's decision.

use std::collections::{HashMap, HashSet};

use convene_blackbox::*;
use serde_json::{json, Value};

use crate::selection_support::*;

const PANEL: &str = "query($c: ID!) { call(id: $c) { panel { chair person { id } } } }";
const CONFLICTS: &str = "query($c: ID!) { call(id: $c) { conflicts { application { id } person { id } reason declared } } }";
const ASSIGNMENTS: &str = "query($c: ID!) { call(id: $c) { status assignments { manual submitted application { id } reviewer { id } } } }";
const MY_ASSIGNMENTS: &str = "{ viewer { reviewAssignments { submitted application { id } } } }";

fn panel_of(v: &Value) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = ok(v)["call"]["panel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["person"]["id"].as_str().unwrap().to_string(),
                m["chair"].as_bool().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

// ------------------------------------------------------------------------------- the panel

#[tokio::test]
async fn panel_members_are_added_and_removed_by_the_programme_team() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    let a = person(&app, "ayo@hin.example", &r.network).await;
    let b = person(&app, "bea@hin.example", &r.network).await;
    let (applicant, _) = solo(&app, &r, "lead@riverside.nhs.uk", 0).await;

    // added as the chair, given the PANEL role, read back on the call
    let v = add_panel(&app, &r, &a, true).await;
    let d = &ok(&v)["addPanelMember"];
    assert_eq!(d["panelMember"]["chair"], true);
    assert_eq!(d["panelMember"]["person"]["id"], a.id.as_str());
    assert!(d["panelMember"]["person"]["roles"]
        .as_array()
        .unwrap()
        .contains(&json!("PANEL")));
    assert!(d["panelMember"]["addedAt"].is_string());
    // a second chair stands the first down
    ok(&add_panel(&app, &r, &b, true).await);
    let v = app.gql(Some(&r.admin), PANEL, json!({ "c": r.call })).await;
    let mut want = vec![(a.id.clone(), false), (b.id.clone(), true)];
    want.sort();
    assert_eq!(panel_of(&v), want);
    // adding again updates the member rather than duplicating them
    ok(&add_panel(&app, &r, &a, true).await);
    let v = app.gql(Some(&r.admin), PANEL, json!({ "c": r.call })).await;
    let mut want = vec![(a.id.clone(), true), (b.id.clone(), false)];
    want.sort();
    assert_eq!(panel_of(&v), want);
    // the panel sees the panel; an applicant does not
    let v = app.gql(Some(&b.token), PANEL, json!({ "c": r.call })).await;
    assert_eq!(panel_of(&v).len(), 2);
    let v = app
        .gql(Some(&applicant.token), PANEL, json!({ "c": r.call }))
        .await;
    assert_code(&v, "FORBIDDEN");

    // what is wrong with the input
    let add = |call: String, person: String| {
        let app = &app;
        let admin = r.admin.clone();
        async move {
            app.gql(
                Some(&admin),
                ADD_PANEL,
                json!({ "i": { "callId": call, "personId": person } }),
            )
            .await
        }
    };
    assert_fields(&add(nobody("Call"), a.id.clone()).await, &["callId"]);
    assert_fields(&add("not-an-id".into(), a.id.clone()).await, &["callId"]);
    assert_fields(&add(r.call.clone(), nobody("Person")).await, &["personId"]);
    assert_fields(&add(r.call.clone(), r.call.clone()).await, &["personId"]);

    // who may not
    let i = json!({ "i": { "callId": r.call, "personId": applicant.id } });
    assert_code(
        &app.gql(None, ADD_PANEL, i.clone()).await,
        "UNAUTHENTICATED",
    );
    assert_code(
        &app.gql(Some(&applicant.token), ADD_PANEL, i.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&a.token), ADD_PANEL, i.clone()).await,
        "FORBIDDEN",
    );

    // removing
    let rm = json!({ "i": { "callId": r.call, "personId": b.id } });
    assert_code(
        &app.gql(None, REMOVE_PANEL, rm.clone()).await,
        "UNAUTHENTICATED",
    );
    assert_code(
        &app.gql(Some(&applicant.token), REMOVE_PANEL, rm.clone())
            .await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&a.token), REMOVE_PANEL, rm.clone()).await,
        "FORBIDDEN",
    );
    ok(&app.gql(Some(&r.admin), REMOVE_PANEL, rm.clone()).await);
    let v = app.gql(Some(&r.admin), PANEL, json!({ "c": r.call })).await;
    assert_eq!(panel_of(&v), vec![(a.id.clone(), true)]);
    // b no longer sees the panel
    let v = app.gql(Some(&b.token), PANEL, json!({ "c": r.call })).await;
    assert_code(&v, "FORBIDDEN");
    // not on the panel (any more)
    assert_fields(
        &app.gql(Some(&r.admin), REMOVE_PANEL, rm).await,
        &["personId"],
    );
    assert_fields(
        &app.gql(
            Some(&r.admin),
            REMOVE_PANEL,
            json!({ "i": { "callId": nobody("Call"), "personId": a.id } }),
        )
        .await,
        &["callId"],
    );

    let actions = audit_actions(&app, &r.admin, &r.call).await;
    assert!(
        actions.contains(&"add_panel_member".to_string()),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"remove_panel_member".to_string()),
        "{actions:?}"
    );
}

// ------------------------------------------------------------------------------- conflicts

/// Three applications and a panel with a conflict of every kind:
/// X is led from Riverside with a Lakeside co-lead and an academic sponsor, Y is led from
/// Hillside, Z is led by a panel member.
struct ConflictWorld {
    r: Round,
    lead_x: Who,
    lead_y: Who,
    x: String,
    y: String,
    z: String,
    /// Works at X's lead's organisation; the chair.
    p_lead: Who,
    /// Works at X's co-lead's organisation.
    p_colead: Who,
    /// Works at X's sponsor.
    p_sponsor: Who,
    /// Leads Z.
    p_app: Who,
    /// Works at the network.
    p_free: Who,
}

async fn conflict_world(app: &TestApp) -> ConflictWorld {
    let r = round(app, |i| i["reviewersPerApplication"] = json!(2)).await;
    let lead_x = person(app, "lead.x@riverside.nhs.uk", &r.nhs).await;
    let colead_x = person(app, "colead.x@lakeside.nhs.uk", &r.nhs2).await;
    let x = application(
        app,
        &r.call,
        &r.domains[0],
        &lead_x,
        &[&colead_x],
        Some(&r.academic),
        true,
    )
    .await;
    let lead_y = person(app, "lead.y@hillside.nhs.uk", &r.nhs3).await;
    let y = application(app, &r.call, &r.domains[1], &lead_y, &[], None, true).await;
    let p_app = person(app, "gp@southside.nhs.uk", &r.primary_care).await;
    let z = application(app, &r.call, &r.domains[2], &p_app, &[], None, true).await;
    let p_lead = person(app, "panel@riverside.nhs.uk", &r.nhs).await;
    let p_colead = person(app, "panel@lakeside.nhs.uk", &r.nhs2).await;
    let p_sponsor = person(app, "panel@khp.ac.uk", &r.academic).await;
    let p_free = person(app, "panel@hin.example", &r.network).await;
    ok(&add_panel(app, &r, &p_lead, true).await);
    for p in [&p_colead, &p_sponsor, &p_app, &p_free] {
        ok(&add_panel(app, &r, p, false).await);
    }
    ConflictWorld {
        r,
        lead_x,
        lead_y,
        x,
        y,
        z,
        p_lead,
        p_colead,
        p_sponsor,
        p_app,
        p_free,
    }
}

fn conflicts_of(v: &Value) -> Vec<(String, String, bool)> {
    let mut out: Vec<(String, String, bool)> = ok(v)["call"]["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert!(c["reason"].as_str().is_some_and(|s| !s.is_empty()), "{c}");
            (
                c["application"]["id"].as_str().unwrap().to_string(),
                c["person"]["id"].as_str().unwrap().to_string(),
                c["declared"].as_bool().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn conflicts_are_found_automatically_and_can_be_declared() {
    let app = spawn_app().await;
    let w = conflict_world(&app).await;
    let r = &w.r;

    // found: the lead's, a co-lead's and the sponsor's organisation; an applicant on it
    let v = app
        .gql(Some(&r.admin), CONFLICTS, json!({ "c": r.call }))
        .await;
    let mut want = vec![
        (w.x.clone(), w.p_lead.id.clone(), false),
        (w.x.clone(), w.p_colead.id.clone(), false),
        (w.x.clone(), w.p_sponsor.id.clone(), false),
        (w.z.clone(), w.p_app.id.clone(), false),
    ];
    want.sort();
    assert_eq!(conflicts_of(&v), want);
    let reason = ok(&v)["call"]["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["person"]["id"] == w.p_app.id.as_str())
        .unwrap()["reason"]
        .as_str()
        .unwrap()
        .to_lowercase();
    assert!(reason.contains("applicant"), "{reason}");
    // a panel member sees their own only; an applicant none of them
    let v = app
        .gql(Some(&w.p_lead.token), CONFLICTS, json!({ "c": r.call }))
        .await;
    assert_eq!(
        conflicts_of(&v),
        vec![(w.x.clone(), w.p_lead.id.clone(), false)]
    );
    let v = app
        .gql(Some(&w.p_free.token), CONFLICTS, json!({ "c": r.call }))
        .await;
    assert!(conflicts_of(&v).is_empty());
    assert_code(
        &app.gql(Some(&w.lead_y.token), CONFLICTS, json!({ "c": r.call }))
            .await,
        "FORBIDDEN",
    );
    // the panel member who leads Z sees that they are conflicted on it
    let v = app
        .gql(
            Some(&w.p_app.token),
            "query($a: ID!) { application(id: $a) { viewerConflicted } }",
            json!({ "a": w.z }),
        )
        .await;
    assert_eq!(ok(&v)["application"]["viewerConflicted"], true);

    // declared
    let declare = |token: String, application: String, reason: &'static str| {
        let app = &app;
        async move {
            app.gql(
                Some(&token),
                DECLARE,
                json!({ "i": { "applicationId": application, "reason": reason } }),
            )
            .await
        }
    };
    let v = declare(
        w.p_free.token.clone(),
        w.y.clone(),
        "  My sister leads this one  ",
    )
    .await;
    assert_eq!(
        ok(&v)["declareConflict"]["conflict"],
        json!({ "application": { "id": w.y }, "person": { "id": w.p_free.id }, "reason": "My sister leads this one", "declared": true })
    );
    let v = app
        .gql(Some(&r.admin), CONFLICTS, json!({ "c": r.call }))
        .await;
    assert!(conflicts_of(&v).contains(&(w.y.clone(), w.p_free.id.clone(), true)));
    let v = app
        .gql(Some(&w.p_free.token), CONFLICTS, json!({ "c": r.call }))
        .await;
    assert_eq!(
        conflicts_of(&v),
        vec![(w.y.clone(), w.p_free.id.clone(), true)]
    );
    // once only
    let v = declare(w.p_free.token.clone(), w.y.clone(), "Again, my sister").await;
    assert_code(&v, "CONFLICT");
    assert_eq!(fields(&v), ["applicationId"]);
    // what is wrong with the input
    assert_fields(
        &declare(w.p_free.token.clone(), w.x.clone(), "  ").await,
        &["reason"],
    );
    assert_fields(
        &declare(w.p_free.token.clone(), w.x.clone(), "no").await,
        &["reason"],
    );
    assert_fields(
        &declare(
            w.p_free.token.clone(),
            nobody("Application"),
            "A good reason",
        )
        .await,
        &["applicationId"],
    );
    assert_fields(
        &declare(w.p_free.token.clone(), r.call.clone(), "A good reason").await,
        &["applicationId"],
    );
    // who may not: anyone off this call's panel
    let i = json!({ "i": { "applicationId": w.x, "reason": "A good reason" } });
    assert_code(&app.gql(None, DECLARE, i.clone()).await, "UNAUTHENTICATED");
    assert_code(
        &app.gql(Some(&w.lead_y.token), DECLARE, i.clone()).await,
        "FORBIDDEN",
    );
    assert_code(&app.gql(Some(&r.admin), DECLARE, i).await, "FORBIDDEN");

    assert!(audit_actions(&app, &r.admin, &w.y)
        .await
        .contains(&"declare_conflict".to_string()));
}

#[tokio::test]
async fn a_conflicted_member_is_never_assigned_and_sees_nothing_of_the_application() {
    let app = spawn_app().await;
    let w = conflict_world(&app).await;
    let r = &w.r;
    ok(&app
        .gql(
            Some(&w.p_free.token),
            DECLARE,
            json!({ "i": { "applicationId": w.y, "reason": "My sister leads this one" } }),
        )
        .await);
    close(&app, r).await;

    // assignment: two each, never a conflicted member
    let v = assign(&app, r).await;
    let got = pairs(&ok(&v)["assignReviewers"]["assignments"]);
    let conflicted: HashSet<(String, String)> = [
        (&w.x, &w.p_lead),
        (&w.x, &w.p_colead),
        (&w.x, &w.p_sponsor),
        (&w.z, &w.p_app),
        (&w.y, &w.p_free),
    ]
    .into_iter()
    .map(|(a, p)| (a.clone(), p.id.clone()))
    .collect();
    for pair in &got {
        assert!(
            !conflicted.contains(pair),
            "a conflicted reviewer was assigned: {pair:?}"
        );
    }
    for a in [&w.x, &w.y, &w.z] {
        assert_eq!(got.iter().filter(|(x, _)| x == a).count(), 2, "{got:?}");
    }
    // X can only go to the two who are free of it
    let x_reviewers: HashSet<String> = got
        .iter()
        .filter(|(a, _)| *a == w.x)
        .map(|(_, p)| p.clone())
        .collect();
    assert_eq!(
        x_reviewers,
        HashSet::from([w.p_app.id.clone(), w.p_free.id.clone()])
    );

    // a conflicted member cannot score it, even when assigned by hand
    assert_code(
        &review(&app, r, &w.p_lead.token, &w.x, &[5, 5]).await,
        "FORBIDDEN",
    );
    assert_code(
        &review(&app, r, &w.p_app.token, &w.z, &[5, 5]).await,
        "FORBIDDEN",
    );
    let v = app
        .gql(
            Some(&r.admin),
            ADD_ASSIGNMENT,
            json!({ "i": { "applicationId": w.x, "reviewerId": w.p_lead.id } }),
        )
        .await;
    assert_fields(&v, &["reviewerId"]);

    // the unconflicted reviewers score X
    ok(&review(&app, r, &w.p_free.token, &w.x, &[5, 4]).await);
    ok(&review(&app, r, &w.p_app.token, &w.x, &[4, 4]).await);

    // cannot read the application, nor its reviews
    let v = app
        .gql(Some(&w.p_lead.token), REVIEWS, json!({ "a": w.x }))
        .await;
    assert_code(&v, "FORBIDDEN");
    let v = app
        .gql(
            Some(&w.p_lead.token),
            "query($a: ID!) { node(id: $a) { id } }",
            json!({ "a": w.x }),
        )
        .await;
    assert!(
        code(&v) == Some("FORBIDDEN") || v["data"]["node"].is_null(),
        "node() leaked a conflicted application: {v:#}"
    );
    // reaching the application through their own conflict does not show its reviews
    let v = app
        .gql(
            Some(&w.p_lead.token),
            "query($c: ID!) { call(id: $c) { conflicts { application { id reviews { reviewer { id } } } } } }",
            json!({ "c": r.call }),
        )
        .await;
    assert_code(&v, "FORBIDDEN");
    // a panel member who is an applicant can read their own application, but not its reviews
    let v = app
        .gql(Some(&w.p_app.token), REVIEWS, json!({ "a": w.z }))
        .await;
    assert_code(&v, "FORBIDDEN");
    // an unconflicted, assigned reviewer who has reviewed sees both reviews
    let v = app
        .gql(Some(&w.p_free.token), REVIEWS, json!({ "a": w.x }))
        .await;
    assert_eq!(
        ok(&v)["application"]["reviews"].as_array().unwrap().len(),
        2
    );
    // the programme team sees them all
    let v = app.gql(Some(&r.admin), REVIEWS, json!({ "a": w.x })).await;
    assert_eq!(
        ok(&v)["application"]["reviews"].as_array().unwrap().len(),
        2
    );

    let v = app
        .gql(Some(&r.admin), RANKING, json!({ "c": r.call }))
        .await;
    let ranking = &ok(&v)["call"]["ranking"];
    assert_eq!(ids_of(ranking).len(), 3);
    assert_eq!(
        ranking[0]["application"]["id"],
        w.x.as_str(),
        "only X is scored"
    );
    let v = app
        .gql(Some(&r.admin), ALLOCATION, json!({ "c": r.call }))
        .await;
    assert_eq!(
        ids_of(&ok(&v)["call"]["allocationProposal"]["funded"]),
        vec![w.x.clone()]
    );
    // the ranking waits for their own reviews, then leaves the conflicted application out
    let v = app
        .gql(Some(&w.p_lead.token), RANKING, json!({ "c": r.call }))
        .await;
    if code(&v).is_some() {
        assert_code(&v, "FORBIDDEN");
        catch_up(&app, r, &w.p_lead).await;
    }
    catch_up(&app, r, &w.p_free).await;
    let v = app
        .gql(Some(&w.p_lead.token), RANKING, json!({ "c": r.call }))
        .await;
    assert_eq!(
        sorted(ids_of(&ok(&v)["call"]["ranking"])),
        sorted(vec![w.y.clone(), w.z.clone()])
    );
    let v = app
        .gql(Some(&w.p_free.token), RANKING, json!({ "c": r.call }))
        .await;
    assert_eq!(
        sorted(ids_of(&ok(&v)["call"]["ranking"])),
        sorted(vec![w.x.clone(), w.z.clone()])
    );
    let v = app
        .gql(Some(&w.p_lead.token), ALLOCATION, json!({ "c": r.call }))
        .await;
    let p = &ok(&v)["call"]["allocationProposal"];
    assert!(!ids_of(&p["funded"]).contains(&w.x), "{p}");
    assert!(!p["ties"].to_string().contains(w.x.as_str()), "{p}");
    // nor in the applications export
    let res = app
        .http()
        .get(format!(
            "{}/exports/calls/{}/applications.csv",
            app.base, r.call
        ))
        .bearer_auth(&w.p_lead.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    assert!(!body.contains(&w.x), "{body}");
    assert!(body.contains(&w.y) && body.contains(&w.z), "{body}");

    // a conflicted chair cannot fund it, but decides the rest
    let v = decide(
        &app,
        &w.p_lead.token,
        &r.call,
        &[&w.x],
        "The strongest application by far",
    )
    .await;
    assert_fields(&v, &["fundedApplicationIds.0"]);
    let v = decide(
        &app,
        &w.p_lead.token,
        &r.call,
        &[&w.y, &w.z],
        "Two strong domains with reach",
    )
    .await;
    assert_eq!(ok(&v)["recordDecision"]["call"]["status"], "DECIDED");
    ok(&app
        .gql(Some(&r.admin), SEND_OUTCOMES, json!({ "c": r.call }))
        .await);
    let v = app
        .gql(
            Some(&w.lead_x.token),
            "query($a: ID!) { application(id: $a) { status outcome } }",
            json!({ "a": w.x }),
        )
        .await;
    assert_eq!(
        ok(&v)["application"],
        json!({ "status": "NOT_FUNDED", "outcome": "NOT_FUNDED" })
    );
}

// ------------------------------------------------------------------------------- assignment

#[tokio::test]
async fn assignment_gives_every_application_its_reviewers_balanced_within_one() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await; // three reviewers each
    let mut apps = Vec::new();
    for i in 0..5 {
        apps.push(
            solo(&app, &r, &format!("lead{i}@hillside.nhs.uk"), i % 4)
                .await
                .1,
        );
    }
    let panel = panel(&app, &r, "rev", 4).await;
    close(&app, &r).await;

    let v = assign(&app, &r).await;
    let d = &ok(&v)["assignReviewers"];
    assert_eq!(d["call"]["status"], "IN_REVIEW");
    let got = pairs(&d["assignments"]);
    assert_eq!(got.len(), 15);
    assert!(d["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["manual"] == false && a["submitted"] == false));
    for a in &apps {
        let mine: HashSet<&String> = got.iter().filter(|(x, _)| x == a).map(|(_, p)| p).collect();
        assert_eq!(mine.len(), 3, "three different reviewers for {a}: {got:?}");
    }
    let mut loads: HashMap<&str, usize> = HashMap::new();
    for (_, p) in &got {
        *loads.entry(p.as_str()).or_default() += 1;
    }
    assert_eq!(loads.len(), 4, "everyone on the panel reviews");
    let (max, min) = (loads.values().max().unwrap(), loads.values().min().unwrap());
    assert!(max - min <= 1, "{loads:?}");

    // the same assignments read back, as the team and as each reviewer
    let v = app
        .gql(Some(&r.admin), ASSIGNMENTS, json!({ "c": r.call }))
        .await;
    assert_eq!(ok(&v)["call"]["status"], "IN_REVIEW");
    assert_eq!(pairs(&ok(&v)["call"]["assignments"]), got);
    for p in &panel {
        let v = app.gql(Some(&p.token), MY_ASSIGNMENTS, json!({})).await;
        let mine = ok(&v)["viewer"]["reviewAssignments"].as_array().unwrap();
        assert_eq!(mine.len(), loads[p.id.as_str()]);
        assert!(mine.iter().all(|a| a["submitted"] == false));
    }
    // the assignments are the programme team's to see
    let v = app
        .gql(Some(&panel[0].token), ASSIGNMENTS, json!({ "c": r.call }))
        .await;
    assert_code(&v, "FORBIDDEN");

    // running it again assigns nobody new
    let v = assign(&app, &r).await;
    assert_eq!(pairs(&ok(&v)["assignReviewers"]["assignments"]), got);

    // a member taken off the panel takes their open assignments along; their applications
    // go to the others when reviewers are assigned again
    let gone = &panel[3];
    let v = app
        .gql(
            Some(&r.admin),
            REMOVE_PANEL,
            json!({ "i": { "callId": r.call, "personId": gone.id } }),
        )
        .await;
    ok(&v);
    let v = app
        .gql(Some(&r.admin), ASSIGNMENTS, json!({ "c": r.call }))
        .await;
    let left = pairs(&ok(&v)["call"]["assignments"]);
    assert_eq!(left.len(), 15 - loads[gone.id.as_str()]);
    assert!(left.iter().all(|(_, p)| *p != gone.id));
    let v = assign(&app, &r).await;
    let again = pairs(&ok(&v)["assignReviewers"]["assignments"]);
    assert_eq!(again.len(), 15);
    for a in &apps {
        assert_eq!(again.iter().filter(|(x, _)| x == a).count(), 3);
    }
    assert!(again.iter().all(|(_, p)| *p != gone.id));

    let actions = audit_actions(&app, &r.admin, &r.call).await;
    assert!(
        actions.contains(&"assign_reviewers".to_string()),
        "{actions:?}"
    );
}

#[tokio::test]
async fn a_panel_too_small_is_refused_naming_the_applications_that_cannot_be_served() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await; // three reviewers each
    let (_, a1) = solo(&app, &r, "one@hillside.nhs.uk", 0).await;
    let lead2 = person(&app, "two@riverside.nhs.uk", &r.nhs).await;
    let a2 = application(&app, &r.call, &r.domains[1], &lead2, &[], None, true).await;
    panel(&app, &r, "rev", 2).await;
    close(&app, &r).await;

    let message = |v: &Value| -> String {
        v["errors"][0]["extensions"]["fields"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let v = assign(&app, &r).await;
    assert_fields(&v, &["callId"]);
    assert!(
        message(&v).contains("led by Person one@hillside.nhs.uk")
            && message(&v).contains("led by Person two@riverside.nhs.uk"),
        "{v:#}"
    );
    // a third member works at the second lead's trust: only the second cannot be served
    let riverside = person(&app, "panel@riverside.nhs.uk", &r.nhs).await;
    ok(&add_panel(&app, &r, &riverside, false).await);
    let v = assign(&app, &r).await;
    assert_fields(&v, &["callId"]);
    assert!(
        message(&v).contains("led by Person two@riverside.nhs.uk")
            && !message(&v).contains("led by Person one@hillside.nhs.uk"),
        "{v:#}"
    );
    // nothing was assigned, and the call did not move on
    let v = app
        .gql(Some(&r.admin), ASSIGNMENTS, json!({ "c": r.call }))
        .await;
    assert_eq!(ok(&v)["call"]["assignments"], json!([]));
    assert_eq!(ok(&v)["call"]["status"], "CLOSED");
    // a fourth member makes it possible
    let more = person(&app, "more@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &more, false).await);
    let v = assign(&app, &r).await;
    let got = pairs(&ok(&v)["assignReviewers"]["assignments"]);
    assert_eq!(got.iter().filter(|(a, _)| *a == a1).count(), 3);
    assert_eq!(got.iter().filter(|(a, _)| *a == a2).count(), 3);
    assert!(!got.contains(&(a2.clone(), riverside.id.clone())));
}

#[tokio::test]
async fn reviewers_are_assigned_by_the_programme_team_once_the_call_is_closed() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    let (applicant, _) = solo(&app, &r, "lead@hillside.nhs.uk", 0).await;
    let panel = panel(&app, &r, "rev", 3).await;

    // still open
    assert_code(&assign(&app, &r).await, "INVALID_STATE");
    // the chair cannot decide before the call closes either
    let v = decide(
        &app,
        &panel[0].token,
        &r.call,
        &[] as &[&str],
        "Nothing to fund this time",
    )
    .await;
    assert_code(&v, "INVALID_STATE");
    close(&app, &r).await;
    let c = json!({ "c": r.call });
    assert_code(&app.gql(None, ASSIGN, c.clone()).await, "UNAUTHENTICATED");
    assert_code(
        &app.gql(Some(&applicant.token), ASSIGN, c.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&panel[0].token), ASSIGN, c).await,
        "FORBIDDEN",
    );
    assert_fields(
        &app.gql(Some(&r.admin), ASSIGN, json!({ "c": nobody("Call") }))
            .await,
        &["callId"],
    );
    assert_fields(
        &app.gql(Some(&r.admin), ASSIGN, json!({ "c": "nonsense" }))
            .await,
        &["callId"],
    );
    ok(&assign(&app, &r).await);
}

#[tokio::test]
async fn review_assignments_can_be_adjusted_by_hand() {
    let app = spawn_app().await;
    let r = round(&app, |i| i["reviewersPerApplication"] = json!(1)).await;
    let (applicant, a) = solo(&app, &r, "lead.a@hillside.nhs.uk", 0).await;
    let lead_b = person(&app, "lead.b@riverside.nhs.uk", &r.nhs).await;
    let b = application(&app, &r.call, &r.domains[1], &lead_b, &[], None, true).await;
    let draft = application(&app, &r.call, &r.domains[2], &lead_b, &[], None, false).await;
    let p0 = person(&app, "p0@hin.example", &r.network).await;
    let p1 = person(&app, "p1@riverside.nhs.uk", &r.nhs).await; // conflicted on B
    let outsider = person(&app, "outsider@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &p0, true).await);
    ok(&add_panel(&app, &r, &p1, false).await);
    close(&app, &r).await;

    let add = |application: String, reviewer: String, token: Option<String>| {
        let app = &app;
        async move {
            app.gql(
                token.as_deref(),
                ADD_ASSIGNMENT,
                json!({ "i": { "applicationId": application, "reviewerId": reviewer } }),
            )
            .await
        }
    };
    let admin = Some(r.admin.clone());
    let v = add(a.clone(), p1.id.clone(), admin.clone()).await;
    assert_eq!(
        ok(&v)["addReviewAssignment"]["assignment"],
        json!({ "id": ok(&v)["addReviewAssignment"]["assignment"]["id"], "manual": true, "submitted": false, "application": { "id": a }, "reviewer": { "id": p1.id } })
    );
    // twice
    let v = add(a.clone(), p1.id.clone(), admin.clone()).await;
    assert_code(&v, "CONFLICT");
    assert_eq!(fields(&v), ["reviewerId"]);
    // conflicted, off the panel, a draft, nothing
    assert_fields(
        &add(b.clone(), p1.id.clone(), admin.clone()).await,
        &["reviewerId"],
    );
    assert_fields(
        &add(a.clone(), outsider.id.clone(), admin.clone()).await,
        &["reviewerId"],
    );
    assert_fields(
        &add(a.clone(), "nonsense".into(), admin.clone()).await,
        &["reviewerId"],
    );
    assert_fields(
        &add(draft.clone(), p0.id.clone(), admin.clone()).await,
        &["applicationId"],
    );
    assert_fields(
        &add(nobody("Application"), p0.id.clone(), admin.clone()).await,
        &["applicationId"],
    );
    // who may not
    assert_code(
        &add(a.clone(), p0.id.clone(), None).await,
        "UNAUTHENTICATED",
    );
    assert_code(
        &add(a.clone(), p0.id.clone(), Some(p0.token.clone())).await,
        "FORBIDDEN",
    );
    assert_code(
        &add(a.clone(), p0.id.clone(), Some(applicant.token.clone())).await,
        "FORBIDDEN",
    );

    // the automatic assignment respects the hand-made one
    let v = assign(&app, &r).await;
    assert_eq!(
        pairs(&ok(&v)["assignReviewers"]["assignments"]),
        sorted_pairs(vec![(a.clone(), p1.id.clone()), (b.clone(), p0.id.clone())])
    );
    let v = app
        .gql(Some(&r.admin), ASSIGNMENTS, json!({ "c": r.call }))
        .await;
    let manual: Vec<bool> = ok(&v)["call"]["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["application"]["id"] == a.as_str())
        .map(|x| x["manual"].as_bool().unwrap())
        .collect();
    assert_eq!(manual, [true]);

    // removing
    let rm = |application: String, reviewer: String, token: Option<String>| {
        let app = &app;
        async move {
            app.gql(
                token.as_deref(),
                REMOVE_ASSIGNMENT,
                json!({ "i": { "applicationId": application, "reviewerId": reviewer } }),
            )
            .await
        }
    };
    assert_code(&rm(b.clone(), p0.id.clone(), None).await, "UNAUTHENTICATED");
    assert_code(
        &rm(b.clone(), p0.id.clone(), Some(p0.token.clone())).await,
        "FORBIDDEN",
    );
    assert_code(
        &rm(b.clone(), p0.id.clone(), Some(applicant.token.clone())).await,
        "FORBIDDEN",
    );
    let v = rm(b.clone(), p0.id.clone(), admin.clone()).await;
    assert_eq!(ok(&v)["removeReviewAssignment"]["removed"], true);
    let v = app
        .gql(Some(&r.admin), ASSIGNMENTS, json!({ "c": r.call }))
        .await;
    assert_eq!(
        pairs(&ok(&v)["call"]["assignments"]),
        vec![(a.clone(), p1.id.clone())]
    );
    assert_fields(
        &rm(b.clone(), p0.id.clone(), admin.clone()).await,
        &["reviewerId"],
    );
    assert_fields(
        &rm(nobody("Application"), p0.id.clone(), admin.clone()).await,
        &["applicationId"],
    );
    // once the review is in, the assignment and the reviewer stay
    ok(&review(&app, &r, &p1.token, &a, &[3, 3]).await);
    assert_code(
        &rm(a.clone(), p1.id.clone(), admin.clone()).await,
        "INVALID_STATE",
    );
    let v = app
        .gql(
            Some(&r.admin),
            REMOVE_PANEL,
            json!({ "i": { "callId": r.call, "personId": p1.id } }),
        )
        .await;
    assert_code(&v, "INVALID_STATE");

    let actions = audit_actions(&app, &r.admin, &a).await;
    assert!(
        actions.contains(&"add_review_assignment".to_string()),
        "{actions:?}"
    );
    let actions = audit_actions(&app, &r.admin, &b).await;
    assert!(
        actions.contains(&"remove_review_assignment".to_string()),
        "{actions:?}"
    );
}

fn sorted_pairs(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort();
    v
}

// ------------------------------------------------------------------------------- reviews

#[tokio::test]
async fn reviews_are_checked_weighted_and_editable_until_the_decision() {
    let app = spawn_app().await;
    // the default rubric: passion (weight 3) and clarity (weight 2)
    let r = round(&app, |i| i["reviewersPerApplication"] = json!(1)).await;
    let (applicant, a) = solo(&app, &r, "lead@hillside.nhs.uk", 0).await;
    let p0 = person(&app, "p0@hin.example", &r.network).await;
    let p1 = person(&app, "p1@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &p0, true).await);
    close(&app, &r).await;
    ok(&assign(&app, &r).await);
    ok(&add_panel(&app, &r, &p1, false).await); // on the panel, not assigned

    // Σ w·s / Σ w = (3·5 + 2·2) / 5 = 3.8
    let v = review(&app, &r, &p0.token, &a, &[5, 2]).await;
    let rv = &ok(&v)["submitReview"]["review"];
    assert_eq!(f64_of(&rv["weightedScore"]), 3.8);
    assert_eq!(rv["reviewer"]["id"], p0.id.as_str());
    assert_eq!(rv["application"]["id"], a.as_str());
    let mut scores: Vec<(String, i64, String)> = rv["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["criterion"]["id"].as_str().unwrap().to_string(),
                s["score"].as_i64().unwrap(),
                s["comment"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    scores.sort();
    let mut want = vec![
        (r.criteria[0].clone(), 5, "Comment 0".to_string()),
        (r.criteria[1].clone(), 2, "Comment 1".to_string()),
    ];
    want.sort();
    assert_eq!(scores, want);
    // read back: own review, the assignment done, the ranking's weighted score
    let v = app.gql(Some(&p0.token), REVIEWS, json!({ "a": a })).await;
    assert_eq!(
        ok(&v)["application"]["myReview"]["reviewer"]["id"],
        p0.id.as_str()
    );
    assert_eq!(
        f64_of(&ok(&v)["application"]["reviews"][0]["weightedScore"]),
        3.8
    );
    let v = app.gql(Some(&p0.token), MY_ASSIGNMENTS, json!({})).await;
    assert_eq!(
        ok(&v)["viewer"]["reviewAssignments"],
        json!([{ "submitted": true, "application": { "id": a } }])
    );
    let v = app
        .gql(Some(&r.admin), RANKING, json!({ "c": r.call }))
        .await;
    assert_eq!(f64_of(&ok(&v)["call"]["ranking"][0]["weightedScore"]), 3.8);
    assert_eq!(ok(&v)["call"]["ranking"][0]["reviewCount"], 1);

    // what is wrong with a review
    let send = |scores: Value| {
        let app = &app;
        let (token, a) = (p0.token.clone(), a.clone());
        async move {
            app.gql(
                Some(&token),
                SUBMIT_REVIEW,
                json!({ "i": { "applicationId": a, "scores": scores } }),
            )
            .await
        }
    };
    let s = |c: &str, score: i32, comment: &str| json!({ "criterionId": c, "score": score, "comment": comment });
    let (c0, c1) = (r.criteria[0].as_str(), r.criteria[1].as_str());
    assert_fields(&send(json!([s(c0, 5, "x")])).await, &["scores"]);
    assert_fields(
        &send(json!([s(c0, 6, "x"), s(c1, 3, "y")])).await,
        &["scores.0.score"],
    );
    assert_fields(
        &send(json!([s(c0, 3, "x"), s(c1, 0, "y")])).await,
        &["scores.1.score"],
    );
    assert_fields(
        &send(json!([s(c0, 3, "  "), s(c1, 3, "y")])).await,
        &["scores.0.comment"],
    );
    assert_fields(
        &send(json!([s(c0, 3, "x"), s(c0, 3, "y")])).await,
        &["scores.1.criterionId", "scores"],
    );
    assert_fields(
        &send(json!([
            s(&nobody("Criterion"), 3, "x"),
            s(c0, 3, "x"),
            s(c1, 3, "y")
        ]))
        .await,
        &["scores.0.criterionId"],
    );
    assert_fields(
        &send(json!([s("nonsense", 3, "x"), s(c1, 3, "y")])).await,
        &["scores.0.criterionId"],
    );
    let v = app
        .gql(
            Some(&p0.token),
            SUBMIT_REVIEW,
            json!({ "i": { "applicationId": nobody("Application"), "scores": [s(c0, 3, "x"), s(c1, 3, "y")] } }),
        )
        .await;
    assert_fields(&v, &["applicationId"]);
    // the refused ones changed nothing
    let v = app.gql(Some(&r.admin), REVIEWS, json!({ "a": a })).await;
    assert_eq!(
        f64_of(&ok(&v)["application"]["reviews"][0]["weightedScore"]),
        3.8
    );

    // who may not
    let good = json!({ "i": { "applicationId": a, "scores": [s(c0, 3, "x"), s(c1, 3, "y")] } });
    assert_code(
        &app.gql(None, SUBMIT_REVIEW, good.clone()).await,
        "UNAUTHENTICATED",
    );
    assert_code(
        &app.gql(Some(&p1.token), SUBMIT_REVIEW, good.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&applicant.token), SUBMIT_REVIEW, good.clone())
            .await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&r.admin), SUBMIT_REVIEW, good).await,
        "FORBIDDEN",
    );

    // changed until the decision: (3·4 + 2·4) / 5 = 4
    let v = review(&app, &r, &p0.token, &a, &[4, 4]).await;
    assert_eq!(
        f64_of(&ok(&v)["submitReview"]["review"]["weightedScore"]),
        4.0
    );
    let v = app.gql(Some(&r.admin), REVIEWS, json!({ "a": a })).await;
    let reviews = ok(&v)["application"]["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1, "an edit replaces the review");
    assert_eq!(f64_of(&reviews[0]["weightedScore"]), 4.0);
    let actions = audit_actions(&app, &r.admin, &a).await;
    assert!(
        actions.contains(&"submit_review".to_string()),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"update_review".to_string()),
        "{actions:?}"
    );

    // then frozen
    ok(&decide(
        &app,
        &p0.token,
        &r.call,
        &[&a],
        "The only application, and a good one",
    )
    .await);
    assert_code(
        &review(&app, &r, &p0.token, &a, &[1, 1]).await,
        "INVALID_STATE",
    );
    let v = app.gql(Some(&r.admin), REVIEWS, json!({ "a": a })).await;
    assert_eq!(
        f64_of(&ok(&v)["application"]["reviews"][0]["weightedScore"]),
        4.0
    );
}

#[tokio::test]
async fn others_reviews_are_hidden_until_your_own_is_in() {
    let app = spawn_app().await;
    let r = round(&app, |i| i["reviewersPerApplication"] = json!(2)).await;
    let (lead, a) = solo(&app, &r, "lead@hillside.nhs.uk", 0).await;
    let p = panel(&app, &r, "rev", 2).await;
    close(&app, &r).await;
    ok(&assign(&app, &r).await);

    let reviewers = |v: &Value| -> Vec<String> {
        sorted(
            ok(v)["application"]["reviews"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["reviewer"]["id"].as_str().unwrap().to_string())
                .collect(),
        )
    };
    ok(&review(&app, &r, &p[0].token, &a, &[5, 5]).await);
    // the second reviewer sees nobody's review yet
    let v = app.gql(Some(&p[1].token), REVIEWS, json!({ "a": a })).await;
    assert!(reviewers(&v).is_empty(), "{v:#}");
    assert_eq!(ok(&v)["application"]["myReview"], Value::Null);
    assert_eq!(ok(&v)["application"]["viewerConflicted"], false);
    // the first sees their own (and what there is)
    let v = app.gql(Some(&p[0].token), REVIEWS, json!({ "a": a })).await;
    assert_eq!(reviewers(&v), vec![p[0].id.clone()]);
    // the programme team sees all
    let v = app.gql(Some(&r.admin), REVIEWS, json!({ "a": a })).await;
    assert_eq!(reviewers(&v), vec![p[0].id.clone()]);
    // the applicant sees none
    let v = app.gql(Some(&lead.token), REVIEWS, json!({ "a": a })).await;
    assert_code(&v, "FORBIDDEN");
    let v = app.gql(None, REVIEWS, json!({ "a": a })).await;
    assert_code(&v, "UNAUTHENTICATED");
    // once the second is in, both see both
    ok(&review(&app, &r, &p[1].token, &a, &[2, 2]).await);
    let both = sorted(vec![p[0].id.clone(), p[1].id.clone()]);
    for t in [&p[0].token, &p[1].token, &r.admin] {
        let v = app.gql(Some(t), REVIEWS, json!({ "a": a })).await;
        assert_eq!(reviewers(&v), both);
    }
}

// ------------------------------------------------------------------------------- ranking

#[tokio::test]
async fn the_ranking_uses_exact_weighted_means_and_flags_disagreement() {
    let app = spawn_app().await;
    let r = round(&app, |i| {
        i["reviewersPerApplication"] = json!(2);
        i["criteria"] = json!([
            { "name": "Passion and energy", "weight": 3 },
            { "name": "Clarity of the domain", "weight": 2 },
            { "name": "Reach", "weight": 1 }
        ]);
    })
    .await;
    let (_, a) = solo(&app, &r, "a@hillside.nhs.uk", 0).await;
    let (_, b) = solo(&app, &r, "b@hillside.nhs.uk", 1).await;
    let (_, c) = solo(&app, &r, "c@hillside.nhs.uk", 2).await;
    let p = panel(&app, &r, "rev", 2).await;
    close(&app, &r).await;
    ok(&assign(&app, &r).await);
    let rv = |i: usize, application: &str, s: [i32; 3]| {
        let (app, r, token, application) = (&app, &r, p[i].token.clone(), application.to_string());
        async move { review(app, r, &token, &application, &s).await }
    };
    // A: 26/6 and 22/6 (spread 0.67)
    let v = rv(0, &a, [5, 4, 3]).await;
    assert!((f64_of(&ok(&v)["submitReview"]["review"]["weightedScore"]) - 26.0 / 6.0).abs() < 1e-9);
    ok(&rv(1, &a, [4, 4, 2]).await);
    // B: 5 and 3.5 (spread exactly 1.5)
    ok(&rv(0, &b, [5, 5, 5]).await);
    let v = rv(1, &b, [4, 4, 1]).await;
    assert_eq!(
        f64_of(&ok(&v)["submitReview"]["review"]["weightedScore"]),
        3.5
    );
    // C: 5 and 22/6 (spread 1.33)
    ok(&rv(0, &c, [5, 5, 5]).await);
    ok(&rv(1, &c, [4, 4, 2]).await);

    let v = app
        .gql(Some(&r.admin), RANKING, json!({ "c": r.call }))
        .await;
    let call = &ok(&v)["call"];
    assert_eq!(call["rankBy"], "WEIGHTED");
    let rows = call["ranking"].as_array().unwrap();
    assert_eq!(
        ids_of(&call["ranking"]),
        vec![c.clone(), b.clone(), a.clone()]
    );
    let ranks: Vec<i64> = rows.iter().map(|x| x["rank"].as_i64().unwrap()).collect();
    assert_eq!(ranks, [1, 2, 3]);
    let want = [(52.0 / 12.0, false), (4.25, true), (4.0, false)];
    for (row, (score, disagree)) in rows.iter().zip(want) {
        assert!(
            (f64_of(&row["weightedScore"]) - score).abs() < 1e-9,
            "{row}"
        );
        assert_eq!(row["disagreement"], disagree, "{row}");
        assert_eq!(row["reviewCount"], 2);
        assert!(row["normalisedScore"].is_number());
    }
    // a panel member sees the same ranking
    let v = app
        .gql(Some(&p[1].token), RANKING, json!({ "c": r.call }))
        .await;
    assert_eq!(
        ids_of(&ok(&v)["call"]["ranking"]),
        vec![c.clone(), b.clone(), a.clone()]
    );
    // an applicant does not
    let (outsider, _) = (person(&app, "nosy@hillside.nhs.uk", &r.nhs3).await, ());
    assert_code(
        &app.gql(Some(&outsider.token), RANKING, json!({ "c": r.call }))
            .await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&outsider.token), ALLOCATION, json!({ "c": r.call }))
            .await,
        "FORBIDDEN",
    );

    // the applications export carries the same figures
    let url = format!("{}/exports/calls/{}/applications.csv", app.base, r.call);
    let res = app.http().get(&url).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let res = app
        .http()
        .get(&url)
        .bearer_auth(&outsider.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
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
        "application_id,domain,lead,status,rank,weighted_score,normalised_score,disagreement,reviews,\
         answer_motivation,answer_domainSketch,answer_memberMap,answer_invitationDraft,\
         answer_firstMeeting,answer_hopedForChange,answer_supportWanted",
        "then one column per question of the call (the default set here)"
    );
    assert_eq!(lines.len(), 4, "{body}");
    let row_c = lines.iter().find(|l| l.starts_with(&c)).unwrap();
    let cells: Vec<&str> = row_c.split(',').collect();
    assert_eq!(cells[1], "Deteriorating patient");
    assert_eq!(cells[2], "Person c@hillside.nhs.uk");
    assert_eq!(cells[3], "SUBMITTED");
    assert_eq!(cells[4], "1");
    assert_eq!(cells[5], "4.333");
    assert_eq!(cells[7], "false");
    assert_eq!(cells[8], "2");
    let row_b: Vec<&str> = lines
        .iter()
        .find(|l| l.starts_with(&b))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!((row_b[4], row_b[5], row_b[7]), ("2", "4.250", "true"));
    let res = app
        .http()
        .get(&url)
        .bearer_auth(&p[0].token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "the panel exports too");
}

/// A harsh reviewer scores A1 and A2; a lenient one B1 and B2. The call ranks by the
/// normalised score.
#[tokio::test]
async fn a_harsh_and_a_lenient_reviewer_count_alike_and_rank_by_normalised_orders_by_it() {
    let app = spawn_app().await;
    let r = round(&app, |i| {
        i["reviewersPerApplication"] = json!(1);
        i["fundedPlaces"] = json!(1);
        i["rankBy"] = json!("NORMALISED");
        i["criteria"] = json!([{ "name": "Overall", "weight": 1 }]);
    })
    .await;
    let (_, a1) = solo(&app, &r, "a1@hillside.nhs.uk", 0).await;
    let (_, a2) = solo(&app, &r, "a2@hillside.nhs.uk", 1).await;
    let (_, b1) = solo(&app, &r, "b1@hillside.nhs.uk", 2).await;
    let (_, b2) = solo(&app, &r, "b2@hillside.nhs.uk", 3).await;
    let harsh = person(&app, "harsh@hin.example", &r.network).await;
    let lenient = person(&app, "lenient@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &harsh, true).await);
    ok(&add_panel(&app, &r, &lenient, false).await);
    close(&app, &r).await;
    for (application, who) in [
        (&a1, &harsh),
        (&a2, &harsh),
        (&b1, &lenient),
        (&b2, &lenient),
    ] {
        add_assignment(&app, &r, application, who).await;
    }
    ok(&assign(&app, &r).await); // nothing more to assign; review starts
    ok(&review(&app, &r, &harsh.token, &a1, &[2]).await);
    ok(&review(&app, &r, &harsh.token, &a2, &[1]).await);
    ok(&review(&app, &r, &lenient.token, &b1, &[5]).await);
    ok(&review(&app, &r, &lenient.token, &b2, &[4]).await);

    let v = app
        .gql(Some(&r.admin), RANKING, json!({ "c": r.call }))
        .await;
    let call = &ok(&v)["call"];
    assert_eq!(call["rankBy"], "NORMALISED");
    let rows = call["ranking"].as_array().unwrap();
    let by_app: HashMap<String, &Value> = rows
        .iter()
        .map(|x| (x["application"]["id"].as_str().unwrap().to_string(), x))
        .collect();
    // each reviewer's best is +1, their worst −1, whatever their scale
    for (x, want) in [(&a1, 1.0), (&b1, 1.0), (&a2, -1.0), (&b2, -1.0)] {
        assert!(
            (f64_of(&by_app[x]["normalisedScore"]) - want).abs() < 1e-9,
            "{}",
            by_app[x]
        );
    }
    assert_eq!(f64_of(&by_app[&a1]["weightedScore"]), 2.0);
    assert_eq!(f64_of(&by_app[&b2]["weightedScore"]), 4.0);
    // ordered by the normalised score, not the weighted: A1 (2.0) shares the top with B1 (5.0)
    let normalised: Vec<f64> = rows.iter().map(|x| f64_of(&x["normalisedScore"])).collect();
    assert!(
        normalised.windows(2).all(|w| w[0] >= w[1] - 1e-9),
        "{normalised:?}"
    );
    assert_eq!(by_app[&a1]["rank"], 1);
    assert_eq!(by_app[&b1]["rank"], 1);
    assert_eq!(by_app[&a2]["rank"], 3);
    assert_eq!(by_app[&b2]["rank"], 3);
    assert_eq!(
        sorted(ids_of(&json!(rows[..2]))),
        sorted(vec![a1.clone(), b1.clone()])
    );
    // the allocation follows the same order: one place, two equal best in two domains
    let v = app
        .gql(Some(&r.admin), ALLOCATION, json!({ "c": r.call }))
        .await;
    let p = &ok(&v)["call"]["allocationProposal"];
    assert_eq!(p["funded"], json!([]), "a tie is not broken: {p}");
    let ties = p["ties"].as_array().unwrap();
    assert_eq!(ties.len(), 1);
    assert_eq!(
        sorted(ids_of(&ties[0])),
        sorted(vec![a1.clone(), b1.clone()])
    );
}

#[tokio::test]
async fn by_the_weighted_score_the_lenient_reviewers_applications_come_first() {
    let app = spawn_app().await;
    let r = round(&app, |i| {
        i["reviewersPerApplication"] = json!(1);
        i["criteria"] = json!([{ "name": "Overall", "weight": 1 }]);
    })
    .await;
    let (_, a1) = solo(&app, &r, "a1@hillside.nhs.uk", 0).await;
    let (_, a2) = solo(&app, &r, "a2@hillside.nhs.uk", 1).await;
    let (_, b1) = solo(&app, &r, "b1@hillside.nhs.uk", 2).await;
    let (_, b2) = solo(&app, &r, "b2@hillside.nhs.uk", 3).await;
    let harsh = person(&app, "harsh@hin.example", &r.network).await;
    let lenient = person(&app, "lenient@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &harsh, true).await);
    ok(&add_panel(&app, &r, &lenient, false).await);
    close(&app, &r).await;
    for (application, who) in [
        (&a1, &harsh),
        (&a2, &harsh),
        (&b1, &lenient),
        (&b2, &lenient),
    ] {
        add_assignment(&app, &r, application, who).await;
    }
    ok(&assign(&app, &r).await);
    ok(&review(&app, &r, &harsh.token, &a1, &[2]).await);
    ok(&review(&app, &r, &harsh.token, &a2, &[1]).await);
    ok(&review(&app, &r, &lenient.token, &b1, &[5]).await);
    ok(&review(&app, &r, &lenient.token, &b2, &[4]).await);
    let v = app
        .gql(Some(&r.admin), RANKING, json!({ "c": r.call }))
        .await;
    assert_eq!(ok(&v)["call"]["rankBy"], "WEIGHTED");
    assert_eq!(
        ids_of(&ok(&v)["call"]["ranking"]),
        vec![b1.clone(), b2.clone(), a1.clone(), a2.clone()]
    );
    let ranks: Vec<i64> = ok(&v)["call"]["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["rank"].as_i64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    // five places, four domains: all four funded in rank order
    let v = app
        .gql(Some(&r.admin), ALLOCATION, json!({ "c": r.call }))
        .await;
    assert_eq!(
        ids_of(&ok(&v)["call"]["allocationProposal"]["funded"]),
        vec![b1.clone(), b2.clone(), a1.clone(), a2.clone()]
    );
}

// ------------------------------------------------------------------------------- allocation and decision

#[tokio::test]
async fn one_place_per_domain_ties_shown_and_the_chair_decides_once() {
    let app = spawn_app().await;
    let r = round(&app, |i| {
        i["reviewersPerApplication"] = json!(1);
        i["fundedPlaces"] = json!(2);
        i["criteria"] =
            json!([{ "name": "Passion", "weight": 1 }, { "name": "Plan", "weight": 1 }]);
    })
    .await;
    // two strong applications in medication safety; falls and deteriorating patient tie
    let (lead_a1, a1) = solo(&app, &r, "a1@hillside.nhs.uk", 0).await;
    let (_, a2) = solo(&app, &r, "a2@hillside.nhs.uk", 0).await;
    let (_, b) = solo(&app, &r, "b@hillside.nhs.uk", 1).await;
    let (_, c) = solo(&app, &r, "c@hillside.nhs.uk", 2).await;
    let drafter = person(&app, "draft@hillside.nhs.uk", &r.nhs3).await;
    let draft = application(&app, &r.call, &r.domains[3], &drafter, &[], None, false).await;
    let chair = person(&app, "chair@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &chair, true).await);
    close(&app, &r).await;
    ok(&assign(&app, &r).await);
    for (x, s) in [(&a1, [5, 5]), (&a2, [5, 4]), (&b, [4, 4]), (&c, [4, 4])] {
        ok(&review(&app, &r, &chair.token, x, &s).await);
    }
    let member = person(&app, "member@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &member, false).await);

    let v = app
        .gql(Some(&r.admin), RANKING, json!({ "c": r.call }))
        .await;
    let ranks: Vec<(String, i64)> = ok(&v)["call"]["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["application"]["id"].as_str().unwrap().to_string(),
                x["rank"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(ranks[0], (a1.clone(), 1));
    assert_eq!(ranks[1], (a2.clone(), 2));
    assert_eq!(ranks[2].1, 3);
    assert_eq!(ranks[3].1, 3);

    // one place for medication safety; the last place is tied and left to the chair
    for t in [&r.admin, &chair.token] {
        let v = app.gql(Some(t), ALLOCATION, json!({ "c": r.call })).await;
        let p = &ok(&v)["call"]["allocationProposal"];
        assert_eq!(ids_of(&p["funded"]), vec![a1.clone()]);
        let ties = p["ties"].as_array().unwrap();
        assert_eq!(ties.len(), 1, "{p}");
        assert_eq!(sorted(ids_of(&ties[0])), sorted(vec![b.clone(), c.clone()]));
    }

    // what the decision may not be
    let d = |funded: Vec<&String>, rationale: &str| {
        let (app, token, call) = (&app, chair.token.clone(), r.call.clone());
        let funded: Vec<String> = funded.into_iter().cloned().collect();
        let rationale = rationale.to_string();
        async move { decide(app, &token, &call, &funded, &rationale).await }
    };
    let why = "Strongest in each domain; B for its reach";
    assert_fields(&d(vec![&a1, &a2], why).await, &["fundedApplicationIds.1"]);
    assert_fields(&d(vec![&a1, &b, &c], why).await, &["fundedApplicationIds"]);
    assert_fields(&d(vec![&a1, &a1], why).await, &["fundedApplicationIds.1"]);
    assert_fields(&d(vec![&draft], why).await, &["fundedApplicationIds.0"]);
    let nonsense = "nonsense".to_string();
    assert_fields(&d(vec![&nonsense], why).await, &["fundedApplicationIds.0"]);
    assert_fields(&d(vec![&a1, &b], "short").await, &["rationale"]);
    assert_fields(
        &decide(&app, &chair.token, &nobody("Call"), &[&a1], why).await,
        &["callId"],
    );
    // who may not
    let i = json!({ "i": { "callId": r.call, "fundedApplicationIds": [a1, b], "rationale": why } });
    assert_code(&app.gql(None, DECIDE, i.clone()).await, "UNAUTHENTICATED");
    assert_code(
        &app.gql(Some(&member.token), DECIDE, i.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&r.admin), DECIDE, i.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&lead_a1.token), DECIDE, i.clone()).await,
        "FORBIDDEN",
    );
    // nothing has been decided yet
    let v = app
        .gql(
            Some(&r.admin),
            "query($c: ID!) { call(id: $c) { status decision { id } } }",
            json!({ "c": r.call }),
        )
        .await;
    assert_eq!(
        ok(&v)["call"],
        json!({ "status": "IN_REVIEW", "decision": null })
    );

    // the decision
    let v = app.gql(Some(&chair.token), DECIDE, i.clone()).await;
    let d1 = &ok(&v)["recordDecision"];
    assert_eq!(d1["call"]["status"], "DECIDED");
    assert_eq!(d1["decision"]["rationale"], why);
    assert_eq!(d1["decision"]["chair"]["id"], chair.id.as_str());
    assert_eq!(
        ids_of(&d1["decision"]["funded"]),
        vec![a1.clone(), b.clone()]
    );
    let decision_id = d1["decision"]["id"].clone();
    let v = app
        .gql(
            Some(&member.token),
            "query($c: ID!) { call(id: $c) { status decision { id rationale funded { id } } } }",
            json!({ "c": r.call }),
        )
        .await;
    assert_eq!(ok(&v)["call"]["status"], "DECIDED");
    assert_eq!(ok(&v)["call"]["decision"]["id"], decision_id);
    assert_eq!(
        ids_of(&ok(&v)["call"]["decision"]["funded"]),
        vec![a1.clone(), b.clone()]
    );
    // every submitted application is FUNDED or NOT_FUNDED; the draft stays a draft
    let v = app
        .gql(
            Some(&r.admin),
            "query($c: ID!) { call(id: $c) { applications(first: 50) { nodes { id status outcome } } } }",
            json!({ "c": r.call }),
        )
        .await;
    let statuses: HashMap<String, (String, Value)> = ok(&v)["call"]["applications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                (
                    n["status"].as_str().unwrap().to_string(),
                    n["outcome"].clone(),
                ),
            )
        })
        .collect();
    assert_eq!(statuses[&a1], ("FUNDED".into(), json!("FUNDED")));
    assert_eq!(statuses[&b], ("FUNDED".into(), json!("FUNDED")));
    assert_eq!(statuses[&a2], ("NOT_FUNDED".into(), json!("NOT_FUNDED")));
    assert_eq!(statuses[&c], ("NOT_FUNDED".into(), json!("NOT_FUNDED")));
    assert_eq!(statuses[&draft], ("DRAFT".into(), Value::Null));
    // the lead learns their outcome when they are told it
    let mine = "query($a: ID!) { application(id: $a) { status outcome } }";
    let v = app
        .gql(Some(&lead_a1.token), mine, json!({ "a": a1 }))
        .await;
    assert_eq!(
        ok(&v)["application"],
        json!({ "status": "SUBMITTED", "outcome": null })
    );
    ok(&app
        .gql(Some(&r.admin), SEND_OUTCOMES, json!({ "c": r.call }))
        .await);
    let v = app
        .gql(Some(&lead_a1.token), mine, json!({ "a": a1 }))
        .await;
    assert_eq!(
        ok(&v)["application"],
        json!({ "status": "FUNDED", "outcome": "FUNDED" })
    );

    // once only, and nothing of the selection changes afterwards
    let other =
        json!({ "i": { "callId": r.call, "fundedApplicationIds": [a1, c], "rationale": why } });
    assert_code(
        &app.gql(Some(&chair.token), DECIDE, other).await,
        "INVALID_STATE",
    );
    assert_code(&assign(&app, &r).await, "INVALID_STATE");
    assert_code(
        &review(&app, &r, &chair.token, &c, &[5, 5]).await,
        "INVALID_STATE",
    );
    let late = person(&app, "late@hin.example", &r.network).await;
    assert_code(&add_panel(&app, &r, &late, false).await, "INVALID_STATE");
    let v = app
        .gql(
            Some(&r.admin),
            ADD_ASSIGNMENT,
            json!({ "i": { "applicationId": c, "reviewerId": member.id } }),
        )
        .await;
    assert_code(&v, "INVALID_STATE");
    let v = app
        .gql(
            Some(&r.admin),
            "query($c: ID!) { call(id: $c) { decision { id rationale funded { id } } } }",
            json!({ "c": r.call }),
        )
        .await;
    assert_eq!(ok(&v)["call"]["decision"]["rationale"], why);
    assert_eq!(
        ids_of(&ok(&v)["call"]["decision"]["funded"]),
        vec![a1.clone(), b.clone()]
    );

    // audited: the call and every application decided
    assert!(audit_actions(&app, &r.admin, &r.call)
        .await
        .contains(&"decide".to_string()));
    for x in [&a1, &a2, &b, &c] {
        let actions = audit_actions(&app, &r.admin, x).await;
        assert!(actions.contains(&"decide".to_string()), "{x}: {actions:?}");
    }
}

#[tokio::test]
async fn reviewers_with_reviews_outstanding_are_reminded() {
    let app = spawn_app().await;
    let r = round(&app, |i| i["reviewersPerApplication"] = json!(1)).await;
    let (applicant, _) = solo(&app, &r, "a@hillside.nhs.uk", 0).await;
    solo(&app, &r, "b@hillside.nhs.uk", 1).await;
    let p = panel(&app, &r, "rev", 2).await;
    close(&app, &r).await;
    let v = assign(&app, &r).await;
    let got = pairs(&ok(&v)["assignReviewers"]["assignments"]);
    let p0_app = got.iter().find(|(_, x)| *x == p[0].id).unwrap().0.clone();
    ok(&review(&app, &r, &p[0].token, &p0_app, &[4, 4]).await);

    let c = json!({ "c": r.call });
    assert_code(
        &app.gql(None, REMINDERS, c.clone()).await,
        "UNAUTHENTICATED",
    );
    assert_code(
        &app.gql(Some(&p[0].token), REMINDERS, c.clone()).await,
        "FORBIDDEN",
    );
    assert_code(
        &app.gql(Some(&applicant.token), REMINDERS, c.clone()).await,
        "FORBIDDEN",
    );
    assert_fields(
        &app.gql(Some(&r.admin), REMINDERS, json!({ "c": nobody("Call") }))
            .await,
        &["callId"],
    );
    let v = app.gql(Some(&r.admin), REMINDERS, c).await;
    assert_eq!(ok(&v)["sendReviewReminders"]["reminded"], 1);
    app.wait_for_mail(&p[1].email, "1 review waiting for you")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !mails_to(&app, &p[0].email)
            .iter()
            .any(|m| m.contains("waiting for you")),
        "someone with nothing outstanding was reminded"
    );
    assert!(audit_actions(&app, &r.admin, &r.call)
        .await
        .contains(&"send_review_reminders".to_string()));
}

// ------------------------------------------------------------------------------- withdrawal and races

/// Two applications, one reviewer each; the lead of the first withdraws during the review
/// (allowed until the decision). Returns (round, panel, a, b, reviewer of a, reviewer of b).
async fn withdrawn_during_review(app: &TestApp) -> (Round, String, String, Who, Who) {
    let r = round(app, |i| i["reviewersPerApplication"] = json!(1)).await;
    let (lead_a, a) = solo(app, &r, "a@hillside.nhs.uk", 0).await;
    let (_, b) = solo(app, &r, "b@hillside.nhs.uk", 1).await;
    let p = panel(app, &r, "rev", 2).await;
    close(app, &r).await;
    let v = assign(app, &r).await;
    let got = pairs(&ok(&v)["assignReviewers"]["assignments"]);
    let reviewer = |x: &str| {
        let id = &got.iter().find(|(y, _)| y == x).unwrap().1;
        p.iter().find(|w| &w.id == id).unwrap().clone()
    };
    let (ra, rb) = (reviewer(&a), reviewer(&b));
    let v = app
        .gql(
            Some(&lead_a.token),
            "mutation($a: ID!) { withdrawApplication(input: { applicationId: $a }) { application { status } } }",
            json!({ "a": a }),
        )
        .await;
    assert_eq!(
        ok(&v)["withdrawApplication"]["application"]["status"],
        "WITHDRAWN"
    );
    (r, a, b, ra, rb)
}

#[tokio::test]
async fn a_withdrawn_application_leaves_the_ranking_and_cannot_be_funded() {
    let app = spawn_app().await;
    let (r, a, b, _, rb) = withdrawn_during_review(&app).await;
    ok(&review(&app, &r, &rb.token, &b, &[4, 4]).await);
    let v = app
        .gql(Some(&r.admin), RANKING, json!({ "c": r.call }))
        .await;
    assert_eq!(ids_of(&ok(&v)["call"]["ranking"]), vec![b.clone()]);
    let v = app
        .gql(Some(&r.admin), ALLOCATION, json!({ "c": r.call }))
        .await;
    assert_eq!(
        ids_of(&ok(&v)["call"]["allocationProposal"]["funded"]),
        vec![b.clone()]
    );
    // the first of the panel is the chair
    let chair = app.sign_in("rev0@hin.example", PASSWORD).await;
    assert_fields(
        &decide(&app, &chair, &r.call, &[&a, &b], "Both, if we could").await,
        &["fundedApplicationIds.0"],
    );
    ok(&decide(
        &app,
        &chair,
        &r.call,
        &[&b],
        "The only one still in the running",
    )
    .await);
    let v = app
        .gql(
            Some(&r.admin),
            "query($a: ID!) { application(id: $a) { status outcome } }",
            json!({ "a": a }),
        )
        .await;
    assert_eq!(
        ok(&v)["application"],
        json!({ "status": "WITHDRAWN", "outcome": null })
    );
}

#[tokio::test]
async fn a_withdrawn_application_cannot_be_reviewed() {
    let app = spawn_app().await;
    let (r, a, _, ra, _) = withdrawn_during_review(&app).await;
    let v = review(&app, &r, &ra.token, &a, &[4, 4]).await;
    assert!(
        matches!(code(&v), Some("INVALID_STATE") | Some("FORBIDDEN")),
        "a withdrawn application was reviewed: {v:#}"
    );
}

#[tokio::test]
async fn reviewers_are_not_reminded_about_withdrawn_applications() {
    let app = spawn_app().await;
    let (r, _, _, ra, rb) = withdrawn_during_review(&app).await;
    let v = app
        .gql(Some(&r.admin), REMINDERS, json!({ "c": r.call }))
        .await;
    assert_eq!(ok(&v)["sendReviewReminders"]["reminded"], 1, "{v:#}");
    app.wait_for_mail(&rb.email, "waiting for you").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !mails_to(&app, &ra.email)
            .iter()
            .any(|m| m.contains("waiting for you")),
        "reminded to review a withdrawn application"
    );
}

#[tokio::test]
async fn a_decision_sent_twice_at_once_is_recorded_once() {
    let app = spawn_app().await;
    let r = round(&app, |i| i["fundedPlaces"] = json!(1)).await;
    let (_, a) = solo(&app, &r, "a@hillside.nhs.uk", 0).await;
    let (_, b) = solo(&app, &r, "b@hillside.nhs.uk", 1).await;
    let chair = person(&app, "chair@hin.example", &r.network).await;
    ok(&add_panel(&app, &r, &chair, true).await);
    close(&app, &r).await;
    let (fa, fb) = ([a.as_str()], [b.as_str()]);
    let (x, y) = tokio::join!(
        decide(
            &app,
            &chair.token,
            &r.call,
            &fa,
            "A is the stronger application"
        ),
        decide(
            &app,
            &chair.token,
            &r.call,
            &fb,
            "B is the stronger application"
        )
    );
    let winners: Vec<&Value> = [&x, &y]
        .into_iter()
        .filter(|v| v.get("errors").is_none())
        .collect();
    assert_eq!(winners.len(), 1, "{x:#} {y:#}");
    let loser = if x.get("errors").is_none() { &y } else { &x };
    assert_code(loser, "INVALID_STATE");
    let funded = ids_of(&winners[0]["data"]["recordDecision"]["decision"]["funded"]);
    let v = app
        .gql(
            Some(&r.admin),
            "query($c: ID!) { call(id: $c) { decision { funded { id } } applications(first: 10) { nodes { id status } } } }",
            json!({ "c": r.call }),
        )
        .await;
    assert_eq!(ids_of(&ok(&v)["call"]["decision"]["funded"]), funded);
    let statuses: Vec<(String, String)> = ok(&v)["call"]["applications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                n["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (id, status) in statuses {
        let want = if funded.contains(&id) {
            "FUNDED"
        } else {
            "NOT_FUNDED"
        };
        assert_eq!(status, want, "{id}");
    }
}

#[tokio::test]
async fn a_review_sent_twice_at_once_is_kept_once() {
    let app = spawn_app().await;
    let r = round(&app, |i| i["reviewersPerApplication"] = json!(1)).await;
    let (_, a) = solo(&app, &r, "a@hillside.nhs.uk", 0).await;
    let p = panel(&app, &r, "rev", 1).await;
    close(&app, &r).await;
    ok(&assign(&app, &r).await);
    let (x, y, z, w) = tokio::join!(
        review(&app, &r, &p[0].token, &a, &[5, 5]),
        review(&app, &r, &p[0].token, &a, &[4, 4]),
        review(&app, &r, &p[0].token, &a, &[3, 3]),
        review(&app, &r, &p[0].token, &a, &[2, 2])
    );
    for v in [&x, &y, &z, &w] {
        assert!(
            v.get("errors").is_none()
                || matches!(code(v), Some("CONFLICT") | Some("INVALID_STATE")),
            "a double-click on submit: {v:#}"
        );
    }
    let v = app.gql(Some(&r.admin), REVIEWS, json!({ "a": a })).await;
    let reviews = ok(&v)["application"]["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{v:#}");
    assert_eq!(reviews[0]["scores"].as_array().unwrap().len(), 2, "{v:#}");
}

#[tokio::test]
async fn a_hand_made_assignment_on_a_closed_call_starts_the_review() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    let (_, id) = solo(&app, &r, "lead@example.nhs.uk", 0).await;
    let members = panel(&app, &r, "p", 1).await;
    close(&app, &r).await;
    add_assignment(&app, &r, &id, &members[0]).await;
    let status = app
        .gql(
            Some(&r.admin),
            "query($c: ID!) { call(id: $c) { status } }",
            json!({ "c": r.call }),
        )
        .await;
    assert_eq!(ok(&status)["call"]["status"], "IN_REVIEW");
    let v = review(&app, &r, &members[0].token, &id, &[4, 3]).await;
    assert_eq!(
        ok(&v)["submitReview"]["review"]["weightedScore"],
        json!((4.0 * 3.0 + 3.0 * 2.0) / 5.0)
    );
}

#[tokio::test]
async fn the_chair_stays_until_another_is_appointed_and_members_see_their_panels() {
    let app = spawn_app().await;
    let r = round(&app, |_| {}).await;
    let members = panel(&app, &r, "p", 2).await;
    let v = app
        .gql(
            Some(&r.admin),
            REMOVE_PANEL,
            json!({ "i": { "callId": r.call, "personId": members[0].id } }),
        )
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    ok(&add_panel(&app, &r, &members[1], true).await);
    ok(&app
        .gql(
            Some(&r.admin),
            REMOVE_PANEL,
            json!({ "i": { "callId": r.call, "personId": members[0].id } }),
        )
        .await);
    let v = app
        .gql(
            Some(&members[1].token),
            "{ viewer { panelMemberships { chair call { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        ok(&v)["viewer"]["panelMemberships"],
        json!([{ "chair": true, "call": { "id": r.call } }])
    );
    let v = app
        .gql(
            Some(&members[0].token),
            "{ viewer { panelMemberships { chair } } }",
            json!({}),
        )
        .await;
    assert_eq!(ok(&v)["viewer"]["panelMemberships"], json!([]));
}

#[tokio::test]
async fn a_member_sees_the_ranking_only_once_their_reviews_are_in() {
    let app = spawn_app().await;
    let r = round(&app, |i| i["reviewersPerApplication"] = json!(2)).await;
    let (_, id) = solo(&app, &r, "lead@example.nhs.uk", 0).await;
    let members = panel(&app, &r, "p", 2).await;
    close(&app, &r).await;
    ok(&assign(&app, &r).await);
    let v = app
        .gql(Some(&members[1].token), RANKING, json!({ "c": r.call }))
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    ok(&review(&app, &r, &members[1].token, &id, &[5, 5]).await);
    let v = app
        .gql(Some(&members[1].token), RANKING, json!({ "c": r.call }))
        .await;
    assert_eq!(
        ok(&v)["call"]["ranking"][0]["application"]["id"],
        id.as_str()
    );
}

// --------------------------------------------------------------------- one selection per call

/// A call's panel, conflicts, assignments, ranking, proposal and decision all come from one
/// picture of its selection (the `selections` loader): asking for all six costs no more
/// statements than asking for the panel alone, give or take the decision's own read and a
/// loader batch split by timing.
#[tokio::test]
async fn a_calls_selection_fields_read_its_selection_once_per_request() {
    let app = spawn_with(count_statements).await;
    let p = app.call_with_panel(2).await;
    let all = "query($c: ID!) { call(id: $c) { panel { chair } conflicts { reason } assignments { submitted } ranking { rank } allocationProposal { funded { id } } decision { id } } }";
    let fewest = |q: &'static str| {
        let (app, p) = (&app, &p);
        async move {
            let mut n = u64::MAX;
            for _ in 0..3 {
                let (v, c) = app
                    .gql_counted(Some(&p.admin), q, json!({ "c": p.call }))
                    .await;
                assert_eq!(ok(&v)["call"]["panel"].as_array().unwrap().len(), 3);
                n = n.min(c);
            }
            n
        }
    };
    let one = fewest(PANEL).await;
    let six = fewest(all).await;
    eprintln!("a call's selection: {one} statements for the panel, {six} for six fields");
    assert!(
        six <= one + 3,
        "each field read the selection again: {one} for one field, {six} for six"
    );
}
