//! Applications (SPEC §1, FAQ 3–9), rule by rule: start, save, co-leads, submit, withdraw, and
//! who may read and change what.

use convene_blackbox::*;
use serde_json::{json, Value};

const QUESTIONS: [&str; 7] = [
    "motivation",
    "domainSketch",
    "memberMap",
    "invitationDraft",
    "firstMeeting",
    "hopedForChange",
    "supportWanted",
];

async fn start_raw(app: &TestApp, token: Option<&str>, input: Value) -> Value {
    app.gql(token, START, json!({ "i": input })).await
}

fn start_input(call: &str, domain: &str) -> Value {
    let mut i = answers();
    i["callId"] = json!(call);
    i["domainId"] = json!(domain);
    i
}

async fn update(app: &TestApp, token: Option<&str>, input: Value) -> Value {
    app.gql(token, UPDATE, json!({ "i": input })).await
}

/// The application as `token` reads it (panics on errors).
async fn read(app: &TestApp, token: &str, id: &str) -> Value {
    let v = app.read_application(token, id).await;
    ok(&v)["application"].clone()
}

async fn accept(app: &TestApp, token: Option<&str>, id: &str) -> Value {
    app.gql(token, ACCEPT, json!({ "a": id })).await
}

async fn decline(app: &TestApp, token: Option<&str>, id: &str) -> Value {
    app.gql(token, DECLINE, json!({ "a": id })).await
}

async fn remove(app: &TestApp, token: Option<&str>, id: &str, email: &str) -> Value {
    app.gql(
        token,
        REMOVE,
        json!({ "i": { "applicationId": id, "email": email } }),
    )
    .await
}

/// The IDs of the viewer's applications and pending invitations.
async fn mine(app: &TestApp, token: &str) -> (Vec<String>, Vec<String>) {
    let v = app
        .gql(
            Some(token),
            "{ viewer { applications(first: 50) { totalCount nodes { id } } coLeadInvitations { id } } }",
            json!({}),
        )
        .await;
    let p = &ok(&v)["viewer"];
    let apps: Vec<String> = p["applications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| as_string(&n["id"]))
        .collect();
    assert_eq!(
        p["applications"]["totalCount"].as_u64().unwrap() as usize,
        apps.len()
    );
    let inv = p["coLeadInvitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| as_string(&n["id"]))
        .collect();
    (apps, inv)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

// ------------------------------------------------------------------ start

#[tokio::test]
async fn start_application_makes_a_draft_with_the_lead_and_their_organisation() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, alice_id) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let mut i = start_input(&w.call, &w.domain);
    i["sponsorOrganisationId"] = json!(w.industry_org);
    i["motivation"] = json!("  I care about this  ");
    let v = start_raw(&app, Some(&alice), i).await;
    let a = &ok(&v)["startApplication"]["application"];
    assert_eq!(a["status"], "DRAFT");
    let id = as_string(&a["id"]);
    let back = read(&app, &alice, &id).await;
    assert_eq!(back["status"], "DRAFT");
    assert_eq!(back["lead"]["id"], alice_id);
    assert_eq!(back["leadOrganisation"]["id"], w.nhs_org);
    assert_eq!(back["domain"]["id"], w.domain);
    assert_eq!(back["sponsor"]["id"], w.industry_org);
    assert_eq!(back["motivation"], "I care about this");
    for q in &QUESTIONS[1..] {
        assert_eq!(back[*q], answers()[*q], "{q}");
    }
    assert_eq!(back["coLeads"], json!([]));
    assert_eq!(back["submittedAt"], Value::Null);
    assert_eq!(back["withdrawnAt"], Value::Null);
    assert_eq!(back["viewerIsLead"], true);
    assert_eq!(back["viewerIsInvited"], false);
    let v = app
        .gql(
            Some(&alice),
            "query($id: ID!) { application(id: $id) { call { id } outcome } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        ok(&v)["application"],
        json!({ "call": { "id": w.call }, "outcome": null })
    );
    assert_eq!(mine(&app, &alice).await.0, [id]);
    // answers may be left empty until submission
    let v = start_raw(
        &app,
        Some(&alice),
        json!({ "callId": w.call, "domainId": w.other_domain }),
    )
    .await;
    let id2 = as_string(&ok(&v)["startApplication"]["application"]["id"]);
    let back = read(&app, &alice, &id2).await;
    for q in QUESTIONS {
        assert_eq!(back[q], "", "{q}");
    }
    assert_eq!(back["sponsor"], Value::Null);
}

#[tokio::test]
async fn start_application_names_each_bad_field() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let merged = app.create_domain(&w.admin, "Old name for falls").await;
    ok(&app
        .gql(
            Some(&w.admin),
            "mutation($i: MergeDomainInput!) { mergeDomain(input: $i) { domain { id } } }",
            json!({ "i": { "domainId": merged, "intoDomainId": w.other_domain } }),
        )
        .await);
    let long = "x".repeat(10_001);
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        (
            "unknown call",
            json!({ "callId": unknown_id("Call") }),
            vec!["callId"],
        ),
        ("not a call", json!({ "callId": w.domain }), vec!["callId"]),
        ("junk call", json!({ "callId": "junk" }), vec!["callId"]),
        (
            "unknown domain",
            json!({ "domainId": unknown_id("Domain") }),
            vec!["domainId"],
        ),
        (
            "junk domain",
            json!({ "domainId": "junk" }),
            vec!["domainId"],
        ),
        (
            "merged domain",
            json!({ "domainId": merged }),
            vec!["domainId"],
        ),
        (
            "unknown sponsor",
            json!({ "sponsorOrganisationId": unknown_id("Organisation") }),
            vec!["sponsorOrganisationId"],
        ),
        (
            "junk sponsor",
            json!({ "sponsorOrganisationId": "junk" }),
            vec!["sponsorOrganisationId"],
        ),
        (
            "long motivation",
            json!({ "motivation": long }),
            vec!["motivation"],
        ),
        (
            "long support",
            json!({ "supportWanted": long }),
            vec!["supportWanted"],
        ),
        (
            "control characters",
            json!({ "firstMeeting": "a\u{0007}b" }),
            vec!["firstMeeting"],
        ),
        (
            "everything",
            json!({ "callId": unknown_id("Call"), "domainId": "junk", "sponsorOrganisationId": "junk", "memberMap": long, "hopedForChange": long }),
            vec![
                "callId",
                "domainId",
                "hopedForChange",
                "memberMap",
                "sponsorOrganisationId",
            ],
        ),
    ];
    for (what, patch, want) in cases {
        let mut i = start_input(&w.call, &w.domain);
        for (k, v) in patch.as_object().unwrap() {
            i[k] = v.clone();
        }
        let v = start_raw(&app, Some(&alice), i).await;
        assert_eq!(code(&v), Some("VALIDATION"), "{what}: {v}");
        assert_eq!(sorted_fields(&v), want, "{what}");
    }
    // 10,000 characters is fine
    let mut i = start_input(&w.call, &w.domain);
    i["motivation"] = json!("y".repeat(10_000));
    let before = mine(&app, &alice).await.0;
    assert!(before.is_empty(), "no failed start left anything behind");
    ok(&start_raw(&app, Some(&alice), i).await);
    // anonymous
    let v = start_raw(&app, None, start_input(&w.call, &w.other_domain)).await;
    assert_eq!(code(&v), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn one_application_per_person_call_and_domain() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let first = app.start_application(&alice, &w.call, &w.domain).await;
    // the same call and domain again: CONFLICT on domainId
    let v = start_raw(&app, Some(&alice), start_input(&w.call, &w.domain)).await;
    assert_eq!(code(&v), Some("CONFLICT"), "{v}");
    assert_eq!(fields(&v), ["domainId"]);
    // another domain in the same call is fine (FAQ 3)
    let other = app
        .start_application(&alice, &w.call, &w.other_domain)
        .await;
    // and the same domain in another call
    let call2 = app.create_open_call(&w.admin).await;
    let third = app.start_application(&alice, &call2, &w.domain).await;
    assert_eq!(
        sorted(mine(&app, &alice).await.0),
        sorted(vec![first.clone(), other, third])
    );
    // another person may apply in the same domain
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    app.start_application(&bob, &w.call, &w.domain).await;
    // after withdrawing, the place is free again
    ok(&app.withdraw(&alice, &first).await);
    let again = start_raw(&app, Some(&alice), start_input(&w.call, &w.domain)).await;
    let again = as_string(&ok(&again)["startApplication"]["application"]["id"]);
    assert_ne!(again, first);
    // a co-lead holds the place as well
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let c = app
        .start_application(&carol, &w.call, &w.other_domain)
        .await;
    app.add_co_lead(&carol, &c, "bob@example.nhs.uk", &bob)
        .await;
    let v = start_raw(&app, Some(&bob), start_input(&w.call, &w.other_domain)).await;
    assert_eq!(code(&v), Some("CONFLICT"));
    assert_eq!(fields(&v), ["domainId"]);
}

// ------------------------------------------------------------------ update

#[tokio::test]
async fn update_application_changes_only_the_answers_given() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    let before = read(&app, &alice, &id).await;
    let v = update(
        &app,
        Some(&alice),
        json!({ "applicationId": id, "motivation": "Because of Mrs B", "firstMeeting": "" }),
    )
    .await;
    let a = &ok(&v)["updateApplication"]["application"];
    assert_eq!(a["motivation"], "Because of Mrs B");
    assert_eq!(a["firstMeeting"], "");
    assert_eq!(a["status"], "DRAFT");
    let after = read(&app, &alice, &id).await;
    assert_eq!(after["motivation"], "Because of Mrs B");
    assert_eq!(after["firstMeeting"], "");
    for q in [
        "domainSketch",
        "memberMap",
        "invitationDraft",
        "hopedForChange",
        "supportWanted",
    ] {
        assert_eq!(after[q], before[q], "{q} stays as it was");
    }
    assert_eq!(after["domain"], before["domain"]);
    assert_eq!(after["sponsor"], Value::Null);
    // an accepted co-lead writes too
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    app.add_co_lead(&alice, &id, "bob@example.nhs.uk", &bob)
        .await;
    let v = update(
        &app,
        Some(&bob),
        json!({ "applicationId": id, "memberMap": "Pharmacists and porters" }),
    )
    .await;
    assert_eq!(
        ok(&v)["updateApplication"]["application"]["memberMap"],
        "Pharmacists and porters"
    );
    assert_eq!(
        read(&app, &alice, &id).await["memberMap"],
        "Pharmacists and porters"
    );
}

#[tokio::test]
async fn update_application_refuses_bad_fields_and_other_people() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (_carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    let merged = app.create_domain(&w.admin, "Old name").await;
    ok(&app
        .gql(
            Some(&w.admin),
            "mutation($i: MergeDomainInput!) { mergeDomain(input: $i) { domain { id } } }",
            json!({ "i": { "domainId": merged, "intoDomainId": w.other_domain } }),
        )
        .await);
    let long = "x".repeat(10_001);
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        (
            "long answer",
            json!({ "invitationDraft": long }),
            vec!["invitationDraft"],
        ),
        (
            "two long answers",
            json!({ "motivation": long, "supportWanted": long }),
            vec!["motivation", "supportWanted"],
        ),
        (
            "unknown domain",
            json!({ "domainId": unknown_id("Domain") }),
            vec!["domainId"],
        ),
        (
            "merged domain",
            json!({ "domainId": merged }),
            vec!["domainId"],
        ),
        (
            "unknown sponsor",
            json!({ "sponsorOrganisationId": unknown_id("Organisation") }),
            vec!["sponsorOrganisationId"],
        ),
        (
            "junk sponsor",
            json!({ "sponsorOrganisationId": "x" }),
            vec!["sponsorOrganisationId"],
        ),
    ];
    for (what, patch, want) in cases {
        let mut i = patch.clone();
        i["applicationId"] = json!(id);
        let v = update(&app, Some(&alice), i).await;
        assert_eq!(code(&v), Some("VALIDATION"), "{what}: {v}");
        assert_eq!(sorted_fields(&v), want, "{what}");
    }
    for bad in [
        unknown_id("Application"),
        "junk".to_string(),
        w.call.clone(),
    ] {
        let v = update(
            &app,
            Some(&alice),
            json!({ "applicationId": bad, "motivation": "x" }),
        )
        .await;
        assert_eq!(code(&v), Some("VALIDATION"), "{v}");
        assert_eq!(fields(&v), ["applicationId"]);
    }
    // a stranger, a pending invitee, the programme team reading is not writing, anonymous
    ok(&app.invite(&alice, &id, "carol@example.nhs.uk").await);
    let carol = app.sign_in("carol@example.nhs.uk", PASSWORD).await;
    let hijack = json!({ "applicationId": id, "motivation": "hijacked" });
    for t in [&bob, &carol] {
        let v = update(&app, Some(t), hijack.clone()).await;
        assert_eq!(code(&v), Some("FORBIDDEN"), "{v}");
    }
    assert_eq!(
        code(&update(&app, None, hijack).await),
        Some("UNAUTHENTICATED")
    );
    let back = read(&app, &alice, &id).await;
    assert_eq!(back["motivation"], answers()["motivation"]);
    assert_eq!(back["domain"]["id"], w.domain);
    assert_eq!(back["sponsor"], Value::Null);
}

#[tokio::test]
async fn a_submitted_application_is_frozen() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.submit(&alice, &id).await);
    let v = update(
        &app,
        Some(&alice),
        json!({ "applicationId": id, "motivation": "second thoughts", "domainId": w.other_domain }),
    )
    .await;
    assert_eq!(code(&v), Some("INVALID_STATE"), "{v}");
    let back = read(&app, &alice, &id).await;
    assert_eq!(back["motivation"], answers()["motivation"]);
    assert_eq!(back["domain"]["id"], w.domain);
    // nor can co-leads be added or removed
    let v = app.invite(&alice, &id, "late@example.nhs.uk").await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    // withdrawn is final too
    ok(&app.withdraw(&alice, &id).await);
    let v = update(
        &app,
        Some(&alice),
        json!({ "applicationId": id, "motivation": "again" }),
    )
    .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    assert_eq!(
        read(&app, &alice, &id).await["motivation"],
        answers()["motivation"]
    );
}

#[tokio::test]
async fn update_application_moves_domain_and_sets_and_clears_the_sponsor() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    // another domain
    let v = update(
        &app,
        Some(&alice),
        json!({ "applicationId": id, "domainId": w.other_domain }),
    )
    .await;
    assert_eq!(
        ok(&v)["updateApplication"]["application"]["domain"]["id"],
        w.other_domain
    );
    let back = read(&app, &alice, &id).await;
    assert_eq!(back["domain"]["id"], w.other_domain);
    assert_eq!(back["motivation"], answers()["motivation"]);
    // the old domain is free for her again; the new one is taken
    let old = app.start_application(&alice, &w.call, &w.domain).await;
    let v = update(
        &app,
        Some(&alice),
        json!({ "applicationId": old, "domainId": w.other_domain }),
    )
    .await;
    assert_eq!(code(&v), Some("CONFLICT"), "{v}");
    assert_eq!(fields(&v), ["domainId"]);
    assert_eq!(read(&app, &alice, &old).await["domain"]["id"], w.domain);
    // a sponsor, set and cleared
    let v = update(
        &app,
        Some(&alice),
        json!({ "applicationId": id, "sponsorOrganisationId": w.industry_org }),
    )
    .await;
    assert_eq!(
        ok(&v)["updateApplication"]["application"]["sponsor"]["id"],
        w.industry_org
    );
    assert_eq!(
        read(&app, &alice, &id).await["sponsor"]["name"],
        "Devices Ltd"
    );
    // saving other answers leaves the sponsor alone
    ok(&update(
        &app,
        Some(&alice),
        json!({ "applicationId": id, "motivation": "m" }),
    )
    .await);
    assert_eq!(
        read(&app, &alice, &id).await["sponsor"]["id"],
        w.industry_org
    );
    let v = update(
        &app,
        Some(&alice),
        json!({ "applicationId": id, "clearSponsor": true }),
    )
    .await;
    assert_eq!(
        ok(&v)["updateApplication"]["application"]["sponsor"],
        Value::Null
    );
    assert_eq!(read(&app, &alice, &id).await["sponsor"], Value::Null);
    // an organisation may sponsor any number of applications (FAQ 5)
    let b = app.start_application(&bob, &w.call, &w.domain).await;
    for (t, a) in [(&alice, &id), (&alice, &old), (&bob, &b)] {
        ok(&update(
            &app,
            Some(t),
            json!({ "applicationId": a, "sponsorOrganisationId": w.third_sector_org }),
        )
        .await);
    }
    for (t, a) in [(&alice, &id), (&alice, &old), (&bob, &b)] {
        assert_eq!(read(&app, t, a).await["sponsor"]["id"], w.third_sector_org);
    }
    // moving a co-led application moves its co-lead's place too
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    app.add_co_lead(&bob, &b, "carol@example.nhs.uk", &carol)
        .await;
    ok(&update(
        &app,
        Some(&bob),
        json!({ "applicationId": b, "domainId": w.other_domain }),
    )
    .await);
    ok(&start_raw(&app, Some(&carol), start_input(&w.call, &w.domain)).await);
    let v = start_raw(&app, Some(&carol), start_input(&w.call, &w.other_domain)).await;
    assert_eq!(code(&v), Some("CONFLICT"));
}

// ------------------------------------------------------------------ co-leads

#[tokio::test]
async fn invite_co_lead_mails_a_link_to_answer() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    // the invitee has no account yet
    let v = app.invite(&alice, &id, " New.Person@Example.NHS.uk ").await;
    assert_eq!(
        ok(&v)["inviteCoLead"]["application"]["coLeads"],
        json!([{ "email": "new.person@example.nhs.uk", "state": "INVITED", "accepted": false, "person": null }])
    );
    let back = read(&app, &alice, &id).await;
    assert_eq!(back["coLeads"][0]["email"], "new.person@example.nhs.uk");
    assert_eq!(back["coLeads"][0]["honorariumEligible"], false);
    assert_eq!(back["coLeads"][0]["organisation"], Value::Null);
    let mail = app
        .wait_for_mail("new.person@example.nhs.uk", "co-lead")
        .await;
    let text = unfold(&mail);
    assert!(
        text.contains(&format!("/applications/{id}/co-lead")),
        "the mail links to the answer page: {text}"
    );
    assert!(text.contains("Medication safety"), "{text}");
}

#[tokio::test]
async fn invite_co_lead_refuses_bad_and_repeated_invitations() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (_dan, _) = app.register("dan@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    let check = |v: Value, c: &str, f: &[&str]| {
        assert_eq!(code(&v), Some(c), "{v}");
        assert_eq!(fields(&v), f, "{v}");
    };
    // the lead's own address, in any case
    check(
        app.invite(&alice, &id, "ALICE@example.nhs.uk").await,
        "VALIDATION",
        &["email"],
    );
    // not an address
    for bad in ["not-an-email", "", "a@", "@b.com"] {
        check(app.invite(&alice, &id, bad).await, "VALIDATION", &["email"]);
    }
    // unknown applications
    for bad in [unknown_id("Application"), "junk".to_string()] {
        check(
            app.invite(&alice, &bad, "x@example.nhs.uk").await,
            "VALIDATION",
            &["applicationId"],
        );
    }
    // twice
    ok(&app.invite(&alice, &id, "carol@example.nhs.uk").await);
    check(
        app.invite(&alice, &id, "Carol@Example.nhs.uk").await,
        "CONFLICT",
        &["email"],
    );
    // someone who already holds an application in this call and domain: the lead is not
    // told (that would reveal bob's application); bob is, when he answers
    app.start_application(&bob, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    check(
        accept(&app, Some(&bob), &id).await,
        "CONFLICT",
        &["applicationId"],
    );
    // someone who declined
    ok(&app.invite(&alice, &id, "dan@example.nhs.uk").await);
    let dan = app.sign_in("dan@example.nhs.uk", PASSWORD).await;
    ok(&decline(&app, Some(&dan), &id).await);
    check(
        app.invite(&alice, &id, "dan@example.nhs.uk").await,
        "CONFLICT",
        &["email"],
    );
    // only the lead invites: not a stranger, not a co-lead, not anonymous
    let (erin, _) = app.register("erin@example.nhs.uk", &w.nhs_org).await;
    assert_eq!(
        code(&app.invite(&bob, &id, "zed@example.nhs.uk").await),
        Some("FORBIDDEN")
    );
    app.add_co_lead(&alice, &id, "erin@example.nhs.uk", &erin)
        .await;
    assert_eq!(
        code(&app.invite(&erin, &id, "zed@example.nhs.uk").await),
        Some("FORBIDDEN")
    );
    let anon = app
        .gql(
            None,
            INVITE,
            json!({ "i": { "applicationId": id, "email": "zed@example.nhs.uk" } }),
        )
        .await;
    assert_eq!(code(&anon), Some("UNAUTHENTICATED"));
    let emails: Vec<String> = read(&app, &alice, &id).await["coLeads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| as_string(&c["email"]))
        .collect();
    assert_eq!(
        emails,
        [
            "carol@example.nhs.uk",
            "bob@example.nhs.uk",
            "dan@example.nhs.uk",
            "erin@example.nhs.uk"
        ]
    );
    // at most six co-leads (declined ones do not count; bob's invitation stands)
    for n in 0..3 {
        ok(&app
            .invite(&alice, &id, &format!("extra{n}@example.nhs.uk"))
            .await);
    }
    check(
        app.invite(&alice, &id, "seventh@example.nhs.uk").await,
        "VALIDATION",
        &["email"],
    );
}

#[tokio::test]
async fn an_invitee_reads_the_application_then_accepts() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    // bob makes his account after the invitation
    let (bob, bob_id) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let seen = read(&app, &bob, &id).await;
    assert_eq!(seen["viewerIsInvited"], true);
    assert_eq!(seen["viewerIsLead"], false);
    assert_eq!(seen["motivation"], answers()["motivation"]);
    assert_eq!(mine(&app, &bob).await, (vec![], vec![id.clone()]));
    let v = accept(&app, Some(&bob), &id).await;
    let c = &ok(&v)["acceptCoLead"]["application"]["coLeads"][0];
    assert_eq!(c["email"], "bob@example.nhs.uk");
    assert_eq!(c["state"], "ACCEPTED");
    assert_eq!(c["accepted"], true);
    assert_eq!(c["person"]["id"], bob_id);
    assert_eq!(c["organisation"]["id"], w.nhs_org);
    assert_eq!(c["honorariumEligible"], true);
    let back = read(&app, &alice, &id).await;
    assert_eq!(back["coLeads"][0]["person"]["id"], bob_id);
    assert_eq!(
        back["coLeads"][0]["organisation"]["name"],
        "Riverside NHS Trust"
    );
    let seen = read(&app, &bob, &id).await;
    assert_eq!(seen["viewerIsInvited"], false);
    assert_eq!(mine(&app, &bob).await, (vec![id.clone()], vec![]));
    // the lead is told
    let mail = app
        .wait_for_mail("alice@example.nhs.uk", "accepted your invitation")
        .await;
    assert!(unfold(&mail).contains(&format!("/applications/{id}")));
    // answering twice
    assert_eq!(
        code(&accept(&app, Some(&bob), &id).await),
        Some("INVALID_STATE")
    );
    assert_eq!(
        code(&decline(&app, Some(&bob), &id).await),
        Some("INVALID_STATE")
    );
    assert_eq!(
        read(&app, &alice, &id).await["coLeads"][0]["state"],
        "ACCEPTED"
    );
}

#[tokio::test]
async fn industry_and_third_sector_co_leads_are_not_honorarium_eligible() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (ivan, _) = app.register("ivan@devices.example", &w.industry_org).await;
    let (tess, _) = app
        .register("tess@voices.example", &w.third_sector_org)
        .await;
    let (nick, _) = app
        .register("nick@faraway.example", &w.non_member_nhs_org)
        .await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    app.add_co_lead(&alice, &id, "ivan@devices.example", &ivan)
        .await;
    app.add_co_lead(&alice, &id, "tess@voices.example", &tess)
        .await;
    app.add_co_lead(&alice, &id, "nick@faraway.example", &nick)
        .await;
    let back = read(&app, &alice, &id).await;
    let got: Vec<Value> = back["coLeads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            json!([
                c["email"],
                c["organisation"]["id"],
                c["accepted"],
                c["honorariumEligible"]
            ])
        })
        .collect();
    assert_eq!(
        got,
        [
            json!(["ivan@devices.example", w.industry_org, true, false]),
            json!(["tess@voices.example", w.third_sector_org, true, false]),
            json!(["nick@faraway.example", w.non_member_nhs_org, true, true]),
        ]
    );
}

#[tokio::test]
async fn declining_tells_the_lead_and_ends_the_invitees_access() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    assert_eq!(
        code(&decline(&app, None, &id).await),
        Some("UNAUTHENTICATED")
    );
    let v = decline(&app, Some(&bob), &id).await;
    assert_eq!(
        ok(&v)["declineCoLead"]["application"]["coLeads"],
        json!([{ "email": "bob@example.nhs.uk", "state": "DECLINED", "accepted": false }])
    );
    app.wait_for_mail("alice@example.nhs.uk", "declined your invitation")
        .await;
    assert_eq!(mine(&app, &bob).await, (vec![], vec![]));
    let v = app.read_application(&bob, &id).await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    // answering again
    assert_eq!(
        code(&accept(&app, Some(&bob), &id).await),
        Some("INVALID_STATE")
    );
    assert_eq!(
        code(&decline(&app, Some(&bob), &id).await),
        Some("INVALID_STATE")
    );
    // a declined co-lead does not hold the domain: bob may apply there himself
    app.start_application(&bob, &w.call, &w.domain).await;
}

#[tokio::test]
async fn only_the_invited_address_can_answer() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (mallory, _) = app.register("mallory@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    for v in [
        accept(&app, Some(&mallory), &id).await,
        decline(&app, Some(&mallory), &id).await,
        accept(&app, Some(&alice), &id).await,
    ] {
        assert!(
            matches!(code(&v), Some("FORBIDDEN" | "NOT_FOUND")),
            "refused: {v}"
        );
    }
    assert_eq!(
        code(&accept(&app, None, &id).await),
        Some("UNAUTHENTICATED")
    );
    for bad in [unknown_id("Application"), "junk".to_string()] {
        let v = accept(&app, Some(&mallory), &bad).await;
        assert_eq!(code(&v), Some("VALIDATION"));
        assert_eq!(fields(&v), ["applicationId"]);
    }
    let back = read(&app, &alice, &id).await;
    assert_eq!(back["coLeads"][0]["state"], "INVITED");
    assert_eq!(back["coLeads"][0]["person"], Value::Null);
}

#[tokio::test]
async fn answering_someone_elses_invitation_is_forbidden() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (mallory, _) = app.register("mallory@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    assert_eq!(
        code(&accept(&app, Some(&mallory), &id).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&decline(&app, Some(&mallory), &id).await),
        Some("FORBIDDEN")
    );
}

#[tokio::test]
async fn accepting_is_refused_when_you_already_hold_that_call_and_domain() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    // invited first, then bob starts his own application in the same domain
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    let own = app.start_application(&bob, &w.call, &w.domain).await;
    let v = accept(&app, Some(&bob), &id).await;
    assert_eq!(code(&v), Some("CONFLICT"), "{v}");
    assert_eq!(
        read(&app, &alice, &id).await["coLeads"][0]["state"],
        "INVITED"
    );
    // co-leading two applications in one domain is refused the same way
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let c = app.start_application(&carol, &w.call, &w.domain).await;
    ok(&app.invite(&carol, &c, "dave@example.nhs.uk").await);
    ok(&app.invite(&alice, &id, "dave@example.nhs.uk").await);
    let (dave, _) = app.register("dave@example.nhs.uk", &w.nhs_org).await;
    ok(&accept(&app, Some(&dave), &c).await);
    let v = accept(&app, Some(&dave), &id).await;
    assert_eq!(code(&v), Some("CONFLICT"), "{v}");
    // once bob withdraws his own, he can accept
    ok(&app.withdraw(&bob, &own).await);
    ok(&accept(&app, Some(&bob), &id).await);
    assert_eq!(
        read(&app, &alice, &id).await["coLeads"][0]["state"],
        "ACCEPTED"
    );
}

#[tokio::test]
async fn remove_co_lead_withdraws_an_invitation_or_a_co_lead() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    app.add_co_lead(&alice, &id, "carol@example.nhs.uk", &carol)
        .await;
    // not the co-lead, not a stranger, not anonymous
    assert_eq!(
        code(&remove(&app, Some(&carol), &id, "bob@example.nhs.uk").await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&remove(&app, Some(&bob), &id, "carol@example.nhs.uk").await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&remove(&app, None, &id, "bob@example.nhs.uk").await),
        Some("UNAUTHENTICATED")
    );
    // field errors
    for (email, c) in [
        ("nobody@example.nhs.uk", "VALIDATION"),
        ("alice@example.nhs.uk", "VALIDATION"),
        ("junk", "VALIDATION"),
    ] {
        let v = remove(&app, Some(&alice), &id, email).await;
        assert_eq!(code(&v), Some(c), "{email}: {v}");
        assert_eq!(fields(&v), ["email"], "{email}");
    }
    // a pending invitation
    let v = remove(&app, Some(&alice), &id, "BOB@example.nhs.uk").await;
    assert_eq!(
        ok(&v)["removeCoLead"]["application"]["coLeads"],
        json!([{ "email": "carol@example.nhs.uk", "state": "ACCEPTED" }])
    );
    assert_eq!(
        code(&app.read_application(&bob, &id).await),
        Some("FORBIDDEN")
    );
    assert!(matches!(
        code(&accept(&app, Some(&bob), &id).await),
        Some("NOT_FOUND" | "FORBIDDEN")
    ));
    assert_eq!(mine(&app, &bob).await, (vec![], vec![]));
    // an accepted co-lead: their place is free again
    ok(&remove(&app, Some(&alice), &id, "carol@example.nhs.uk").await);
    assert_eq!(read(&app, &alice, &id).await["coLeads"], json!([]));
    assert_eq!(
        code(&app.read_application(&carol, &id).await),
        Some("FORBIDDEN")
    );
    app.start_application(&carol, &w.call, &w.domain).await;
    // and they can be invited again
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    // after submission, nothing can be removed
    ok(&decline(&app, Some(&bob), &id).await);
    ok(&app.submit(&alice, &id).await);
    let v = remove(&app, Some(&alice), &id, "bob@example.nhs.uk").await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
}

// ------------------------------------------------------------------ submit

#[tokio::test]
async fn submit_names_every_missing_answer() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let v = start_raw(
        &app,
        Some(&alice),
        json!({ "callId": w.call, "domainId": w.domain, "motivation": "Why", "memberMap": "   " }),
    )
    .await;
    let id = as_string(&ok(&v)["startApplication"]["application"]["id"]);
    let v = app.submit(&alice, &id).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    let mut want: Vec<&str> = QUESTIONS
        .iter()
        .copied()
        .filter(|q| *q != "motivation")
        .collect();
    want.sort();
    assert_eq!(sorted_fields(&v), want);
    // each answer given takes its field off the list
    for (n, q) in QUESTIONS.iter().enumerate().skip(1) {
        let mut i = json!({ "applicationId": id });
        i[*q] = json!("An answer");
        ok(&update(&app, Some(&alice), i).await);
        let v = app.submit(&alice, &id).await;
        if n < QUESTIONS.len() - 1 {
            let mut want: Vec<&str> = QUESTIONS[n + 1..].to_vec();
            want.sort();
            assert_eq!(sorted_fields(&v), want);
            assert_eq!(read(&app, &alice, &id).await["status"], "DRAFT");
        } else {
            assert_eq!(
                ok(&v)["submitApplication"]["application"]["status"],
                "SUBMITTED"
            );
        }
    }
    // blanking an answer with spaces counts as missing
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let b = app.start_application(&bob, &w.call, &w.domain).await;
    ok(&update(
        &app,
        Some(&bob),
        json!({ "applicationId": b, "hopedForChange": "  \n " }),
    )
    .await);
    let v = app.submit(&bob, &b).await;
    assert_eq!(fields(&v), ["hopedForChange"]);
}

#[tokio::test]
async fn submit_marks_it_submitted_and_mails_everyone_on_it() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (mallory, _) = app.register("mallory@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    app.add_co_lead(&alice, &id, "bob@example.nhs.uk", &bob)
        .await;
    // only the lead submits
    assert_eq!(code(&app.submit(&bob, &id).await), Some("FORBIDDEN"));
    assert_eq!(code(&app.submit(&mallory, &id).await), Some("FORBIDDEN"));
    assert_eq!(
        code(&app.gql(None, SUBMIT, json!({ "a": id })).await),
        Some("UNAUTHENTICATED")
    );
    for bad in [unknown_id("Application"), "junk".to_string()] {
        let v = app.submit(&alice, &bad).await;
        assert_eq!(code(&v), Some("VALIDATION"));
        assert_eq!(fields(&v), ["applicationId"]);
    }
    assert_eq!(read(&app, &alice, &id).await["status"], "DRAFT");
    let before = chrono::Utc::now();
    let v = app.submit(&alice, &id).await;
    let a = &ok(&v)["submitApplication"]["application"];
    assert_eq!(a["status"], "SUBMITTED");
    let at = chrono::DateTime::parse_from_rfc3339(a["submittedAt"].as_str().unwrap()).unwrap();
    assert!((at.timestamp() - before.timestamp()).abs() <= 60, "{at}");
    let back = read(&app, &bob, &id).await;
    assert_eq!(back["status"], "SUBMITTED");
    assert_eq!(back["submittedAt"], a["submittedAt"]);
    for to in ["alice@example.nhs.uk", "bob@example.nhs.uk"] {
        let m = app.wait_for_mail(to, "Application submitted").await;
        assert!(unfold(&m).contains(&format!("/applications/{id}")), "{m}");
    }
    // twice
    assert_eq!(code(&app.submit(&alice, &id).await), Some("INVALID_STATE"));
    // the programme team sees it among the call's submitted applications
    let v = app
        .gql(
            Some(&w.admin),
            "query($c: ID!) { call(id: $c) { applications(status: SUBMITTED) { totalCount nodes { id status } } } }",
            json!({ "c": w.call }),
        )
        .await;
    assert_eq!(
        ok(&v)["call"]["applications"],
        json!({ "totalCount": 1, "nodes": [{ "id": id, "status": "SUBMITTED" }] })
    );
}

#[tokio::test]
async fn submit_waits_for_every_invited_co_lead() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "bob@example.nhs.uk").await);
    let v = app.submit(&alice, &id).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["coLeads"]);
    assert_eq!(read(&app, &alice, &id).await["status"], "DRAFT");
    // a declined invitation no longer holds it up
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    ok(&decline(&app, Some(&bob), &id).await);
    ok(&app.submit(&alice, &id).await);
    // and neither does an accepted one
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let c = app.start_application(&carol, &w.call, &w.domain).await;
    ok(&app.invite(&carol, &c, "dan@example.nhs.uk").await);
    let (dan, _) = app.register("dan@example.nhs.uk", &w.nhs_org).await;
    assert_eq!(fields(&app.submit(&carol, &c).await), ["coLeads"]);
    ok(&accept(&app, Some(&dan), &c).await);
    ok(&app.submit(&carol, &c).await);
}

#[tokio::test]
async fn industry_and_third_sector_applicants_need_an_nhs_member_co_lead() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ivan, _) = app.register("ivan@devices.example", &w.industry_org).await;
    let (nick, _) = app
        .register("nick@faraway.example", &w.non_member_nhs_org)
        .await;
    let (tess, _) = app
        .register("tess@voices.example", &w.third_sector_org)
        .await;
    let (nora, _) = app.register("nora@riverside.example", &w.nhs_org).await;
    // an industry lead alone
    let id = app.start_application(&ivan, &w.call, &w.domain).await;
    let v = app.submit(&ivan, &id).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["coLeads"]);
    // with a co-lead at an NHS trust that is not a member of the network: still not enough
    app.add_co_lead(&ivan, &id, "nick@faraway.example", &nick)
        .await;
    assert_eq!(fields(&app.submit(&ivan, &id).await), ["coLeads"]);
    // nor is a third-sector co-lead
    app.add_co_lead(&ivan, &id, "tess@voices.example", &tess)
        .await;
    assert_eq!(fields(&app.submit(&ivan, &id).await), ["coLeads"]);
    // an invited (not yet accepted) member co-lead does not count either
    ok(&app.invite(&ivan, &id, "nora@riverside.example").await);
    assert_eq!(fields(&app.submit(&ivan, &id).await), ["coLeads"]);
    assert_eq!(read(&app, &ivan, &id).await["status"], "DRAFT");
    // once she accepts: submitted
    ok(&accept(&app, Some(&nora), &id).await);
    let v = app.submit(&ivan, &id).await;
    assert_eq!(
        ok(&v)["submitApplication"]["application"]["status"],
        "SUBMITTED"
    );
}

#[tokio::test]
async fn the_nhs_partner_rule_follows_current_membership_and_counts_the_lead() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ivan, _) = app.register("ivan@devices.example", &w.industry_org).await;
    let (nick, _) = app
        .register("nick@faraway.example", &w.non_member_nhs_org)
        .await;
    let (nora, _) = app.register("nora@riverside.example", &w.nhs_org).await;
    let (tess, _) = app
        .register("tess@voices.example", &w.third_sector_org)
        .await;
    // a third-sector co-lead with an NHS-member lead: fine
    let a = app.start_application(&nora, &w.call, &w.domain).await;
    app.add_co_lead(&nora, &a, "tess@voices.example", &tess)
        .await;
    assert_eq!(
        ok(&app.submit(&nora, &a).await)["submitApplication"]["application"]["status"],
        "SUBMITTED"
    );
    // an industry co-lead with a lead at a non-member trust: refused ...
    let b = app.start_application(&nick, &w.call, &w.domain).await;
    app.add_co_lead(&nick, &b, "ivan@devices.example", &ivan)
        .await;
    let v = app.submit(&nick, &b).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["coLeads"]);
    // ... until the trust becomes a member of the network
    ok(&app
        .gql(
            Some(&w.admin),
            "mutation($i: SetOrganisationNhsMemberInput!) { setOrganisationNhsMember(input: $i) { organisation { nhsMember } } }",
            json!({ "i": { "organisationId": w.non_member_nhs_org, "nhsMember": true } }),
        )
        .await);
    assert_eq!(
        ok(&app.submit(&nick, &b).await)["submitApplication"]["application"]["status"],
        "SUBMITTED"
    );
    // a partner's organisation that stops being a member no longer counts
    let (tom, _) = app
        .register("tom@voices.example", &w.third_sector_org)
        .await;
    let c = app.start_application(&tom, &w.call, &w.other_domain).await;
    app.add_co_lead(&tom, &c, "nora@riverside.example", &nora)
        .await;
    ok(&app
        .gql(
            Some(&w.admin),
            "mutation($i: SetOrganisationNhsMemberInput!) { setOrganisationNhsMember(input: $i) { organisation { nhsMember } } }",
            json!({ "i": { "organisationId": w.nhs_org, "nhsMember": false } }),
        )
        .await);
    assert_eq!(fields(&app.submit(&tom, &c).await), ["coLeads"]);
}

// ------------------------------------------------------------------ withdraw

#[tokio::test]
async fn withdraw_is_for_the_lead_and_happens_once() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (mallory, _) = app.register("mallory@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    app.add_co_lead(&alice, &id, "bob@example.nhs.uk", &bob)
        .await;
    ok(&app.submit(&alice, &id).await);
    assert_eq!(code(&app.withdraw(&bob, &id).await), Some("FORBIDDEN"));
    assert_eq!(code(&app.withdraw(&mallory, &id).await), Some("FORBIDDEN"));
    assert_eq!(code(&app.withdraw(&w.admin, &id).await), Some("FORBIDDEN"));
    assert_eq!(
        code(&app.gql(None, WITHDRAW, json!({ "a": id })).await),
        Some("UNAUTHENTICATED")
    );
    for bad in [unknown_id("Application"), "junk".to_string()] {
        let v = app.withdraw(&alice, &bad).await;
        assert_eq!(code(&v), Some("VALIDATION"));
        assert_eq!(fields(&v), ["applicationId"]);
    }
    assert_eq!(read(&app, &alice, &id).await["status"], "SUBMITTED");
    // a submitted application, after the call has closed
    ok(&app
        .gql(
            Some(&w.admin),
            "mutation($c: ID!) { closeCall(input: { callId: $c }) { call { id } } }",
            json!({ "c": w.call }),
        )
        .await);
    let v = app.withdraw(&alice, &id).await;
    let a = &ok(&v)["withdrawApplication"]["application"];
    assert_eq!(a["status"], "WITHDRAWN");
    assert!(a["withdrawnAt"].is_string());
    let back = read(&app, &bob, &id).await;
    assert_eq!(back["status"], "WITHDRAWN");
    assert_eq!(back["withdrawnAt"], a["withdrawnAt"]);
    assert_eq!(
        code(&app.withdraw(&alice, &id).await),
        Some("INVALID_STATE")
    );
    assert_eq!(code(&app.submit(&alice, &id).await), Some("INVALID_STATE"));
    // a draft can be withdrawn too
    let call2 = app.create_open_call(&w.admin).await;
    let d = app.start_application(&alice, &call2, &w.domain).await;
    assert_eq!(
        ok(&app.withdraw(&alice, &d).await)["withdrawApplication"]["application"]["status"],
        "WITHDRAWN"
    );
}

// ------------------------------------------------------------------ reading

#[tokio::test]
async fn who_may_read_an_application() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let (mallory, _) = app.register("mallory@example.nhs.uk", &w.nhs_org).await;
    let (_, panel_id) = app.register("pat@example.nhs.uk", &w.nhs_org).await;
    app.grant(&w.admin, &panel_id, "PANEL").await;
    let pat = app.sign_in("pat@example.nhs.uk", PASSWORD).await;
    let (_, team_id) = app.register("tina@example.nhs.uk", &w.nhs_org).await;
    app.grant(&w.admin, &team_id, "PROGRAMME_TEAM").await;
    let tina = app.sign_in("tina@example.nhs.uk", PASSWORD).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    app.add_co_lead(&alice, &id, "bob@example.nhs.uk", &bob)
        .await;
    ok(&app.invite(&alice, &id, "carol@example.nhs.uk").await);
    for (who, t) in [
        ("lead", &alice),
        ("co-lead", &bob),
        ("invitee", &carol),
        ("admin", &w.admin),
        ("team", &tina),
    ] {
        let a = read(&app, t, &id).await;
        assert_eq!(a["id"], id, "{who}");
        assert_eq!(a["motivation"], answers()["motivation"], "{who}");
    }
    for t in [&mallory, &pat] {
        let v = app.read_application(t, &id).await;
        assert_eq!(code(&v), Some("FORBIDDEN"), "{v}");
        assert_eq!(v["data"]["application"], Value::Null);
    }
    let v = app
        .gql(
            None,
            "query($id: ID!) { application(id: $id) { id } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(code(&v), Some("UNAUTHENTICATED"));
    // the same through node(id)
    let v = app
        .gql(
            Some(&mallory),
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let v = app
        .gql(
            Some(&bob),
            "query($id: ID!) { node(id: $id) { ... on Application { motivation } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(ok(&v)["node"]["motivation"], answers()["motivation"]);
    // unknown and malformed IDs
    let v = app
        .read_application(&alice, &unknown_id("Application"))
        .await;
    assert_eq!(ok(&v)["application"], Value::Null);
    let v = app.read_application(&alice, "junk").await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["id"]);
}

#[tokio::test]
async fn viewer_lists_own_applications_and_pending_invitations() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, alice_id) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let a1 = app.start_application(&alice, &w.call, &w.domain).await;
    let a2 = app
        .start_application(&alice, &w.call, &w.other_domain)
        .await;
    let b1 = app.start_application(&bob, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &a1, "carol@example.nhs.uk").await);
    ok(&app.invite(&bob, &b1, "carol@example.nhs.uk").await);
    ok(&app.invite(&alice, &a2, "bob@example.nhs.uk").await);
    assert_eq!(
        sorted(mine(&app, &alice).await.0),
        sorted(vec![a1.clone(), a2.clone()])
    );
    assert_eq!(mine(&app, &alice).await.1, Vec::<String>::new());
    assert_eq!(mine(&app, &bob).await, (vec![b1.clone()], vec![a2.clone()]));
    let (c_apps, c_inv) = mine(&app, &carol).await;
    assert!(c_apps.is_empty());
    assert_eq!(sorted(c_inv), sorted(vec![a1.clone(), b1.clone()]));
    // carol accepts one, declines the other
    ok(&accept(&app, Some(&carol), &a1).await);
    ok(&decline(&app, Some(&carol), &b1).await);
    assert_eq!(mine(&app, &carol).await, (vec![a1.clone()], vec![]));
    // withdrawn applications stay in the list with their status
    ok(&app.withdraw(&alice, &a2).await);
    assert_eq!(
        mine(&app, &bob).await.1,
        Vec::<String>::new(),
        "no invitation to a withdrawn draft"
    );
    let v = app
        .gql(
            Some(&alice),
            "{ viewer { applications { nodes { id status } } } }",
            json!({}),
        )
        .await;
    let statuses: Vec<Value> = ok(&v)["viewer"]["applications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| json!([n["id"], n["status"]]))
        .collect();
    assert!(statuses.contains(&json!([a2, "WITHDRAWN"])), "{statuses:?}");
    assert!(statuses.contains(&json!([a1, "DRAFT"])), "{statuses:?}");
    // somebody else's list is closed to a stranger, open to the programme team
    let q = "query($id: ID!) { node(id: $id) { ... on Person { applications { totalCount } } } }";
    let v = app.gql(Some(&bob), q, json!({ "id": alice_id })).await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let v = app.gql(Some(&w.admin), q, json!({ "id": alice_id })).await;
    assert_eq!(ok(&v)["node"]["applications"]["totalCount"], 2);
}

#[tokio::test]
async fn a_calls_applications_are_for_the_programme_team() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let a = app.start_application(&alice, &w.call, &w.domain).await;
    let b = app.start_application(&bob, &w.call, &w.domain).await;
    ok(&app.submit(&bob, &b).await);
    let q = "query($c: ID!, $s: ApplicationStatus) { call(id: $c) { applications(status: $s) { totalCount nodes { id status } } } }";
    let v = app.gql(Some(&w.admin), q, json!({ "c": w.call })).await;
    assert_eq!(
        ok(&v)["call"]["applications"],
        json!({ "totalCount": 2, "nodes": [{ "id": a, "status": "DRAFT" }, { "id": b, "status": "SUBMITTED" }] })
    );
    let v = app
        .gql(Some(&w.admin), q, json!({ "c": w.call, "s": "DRAFT" }))
        .await;
    assert_eq!(ok(&v)["call"]["applications"]["totalCount"], 1);
    assert_eq!(ok(&v)["call"]["applications"]["nodes"][0]["id"], a);
    assert_eq!(
        code(&app.gql(Some(&alice), q, json!({ "c": w.call })).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(None, q, json!({ "c": w.call })).await),
        Some("UNAUTHENTICATED")
    );
}

#[tokio::test]
async fn nobody_is_asked_for_a_grade_title_or_seniority() {
    let app = spawn_app().await;
    let v = app
        .gql(
            None,
            "{ __type(name: \"RegisterInput\") { inputFields { name } } }",
            json!({}),
        )
        .await;
    let mut names: Vec<String> = ok(&v)["__type"]["inputFields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| as_string(&f["name"]))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["email", "name", "organisationId", "password", "profession"]
    );
    // anywhere in the schema: no grade or seniority, and a title only on calls
    let v = app
        .gql(
            None,
            "{ __schema { types { name fields { name } inputFields { name } } } }",
            json!({}),
        )
        .await;
    for t in ok(&v)["__schema"]["types"].as_array().unwrap() {
        let tname = as_string(&t["name"]);
        let all = t["fields"]
            .as_array()
            .into_iter()
            .chain(t["inputFields"].as_array())
            .flatten();
        for f in all {
            let f = as_string(&f["name"]).to_lowercase();
            assert!(
                !f.contains("grade") && !f.contains("seniority"),
                "{tname}.{f}"
            );
            if f.contains("title") {
                // a call's title, a challenge's (the title of a post, not of a person), and a
                // call's questions' (the question's wording)
                assert!(
                    [
                        "Call",
                        "CreateCallInput",
                        "UpdateCallInput",
                        "Challenge",
                        "PostChallengeInput",
                        "Question",
                        "QuestionInput"
                    ]
                    .contains(&tname.as_str()),
                    "{tname}.{f}"
                );
            }
        }
    }
}

#[tokio::test]
async fn concurrent_starts_in_one_domain_leave_exactly_one_application() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let go = || start_raw(&app, Some(&alice), start_input(&w.call, &w.domain));
    let (a, b, c, d) = tokio::join!(go(), go(), go(), go());
    let mut codes: Vec<Option<&str>> = [&a, &b, &c, &d].iter().map(|v| code(v)).collect();
    codes.sort();
    assert_eq!(
        codes,
        [None, Some("CONFLICT"), Some("CONFLICT"), Some("CONFLICT")],
        "{a}\n{b}\n{c}\n{d}"
    );
    assert_eq!(mine(&app, &alice).await.0.len(), 1);
}

#[tokio::test]
async fn concurrent_acceptances_in_one_domain_leave_one_co_lead_place() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let a = app.start_application(&alice, &w.call, &w.domain).await;
    let c = app.start_application(&carol, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &a, "bob@example.nhs.uk").await);
    ok(&app.invite(&carol, &c, "bob@example.nhs.uk").await);
    let (x, y) = tokio::join!(accept(&app, Some(&bob), &a), accept(&app, Some(&bob), &c));
    let mut codes = vec![code(&x), code(&y)];
    codes.sort();
    assert_eq!(codes, [None, Some("CONFLICT")], "{x}\n{y}");
    assert_eq!(mine(&app, &bob).await.0.len(), 1);
}
