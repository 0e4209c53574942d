//! Helpers for the selection, honoraria and outcomes modules: a round (call, organisations,
//! domains), people, submitted applications with co-leads, the panel, reviews and the decision.

#![allow(dead_code)]

use convene_blackbox::*;
use serde_json::{json, Value};

pub const ADD_PANEL: &str = "mutation($i: AddPanelMemberInput!) { addPanelMember(input: $i) { panelMember { chair addedAt person { id roles } } call { id panel { chair person { id } } } } }";
pub const REMOVE_PANEL: &str = "mutation($i: RemovePanelMemberInput!) { removePanelMember(input: $i) { call { id panel { chair person { id } } } } }";
pub const DECLARE: &str = "mutation($i: DeclareConflictInput!) { declareConflict(input: $i) { conflict { application { id } person { id } reason declared } } }";
pub const ASSIGN: &str = "mutation($c: ID!) { assignReviewers(input: { callId: $c }) { assignments { id manual submitted application { id } reviewer { id } } call { id status } } }";
pub const ADD_ASSIGNMENT: &str = "mutation($i: AddReviewAssignmentInput!) { addReviewAssignment(input: $i) { assignment { id manual submitted application { id } reviewer { id } } } }";
pub const REMOVE_ASSIGNMENT: &str =
    "mutation($i: RemoveReviewAssignmentInput!) { removeReviewAssignment(input: $i) { removed } }";
pub const SUBMIT_REVIEW: &str = "mutation($i: SubmitReviewInput!) { submitReview(input: $i) { review { id weightedScore submittedAt updatedAt reviewer { id } application { id } scores { criterion { id } score comment } } } }";
pub const REMINDERS: &str =
    "mutation($c: ID!) { sendReviewReminders(input: { callId: $c }) { reminded } }";
pub const DECIDE: &str = "mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision { id rationale decidedAt chair { id } funded { id } } call { id status } } }";
pub const SEND_OUTCOMES: &str =
    "mutation($c: ID!) { sendOutcomes(input: { callId: $c }) { told call { id } } }";
pub const START_COMMUNITY: &str = "mutation($a: ID!) { startCommunityFromApplication(input: { applicationId: $a }) { community { id name origin funded stage domain { id } conveners { id } } } }";
pub const APPROVE: &str = "mutation($s: ID!) { approvePayment(input: { shareId: $s }) { share { id status approvedAt amountPence person { id } } } }";
pub const PAY: &str = "mutation($i: MarkPaymentPaidInput!) { markPaymentPaid(input: $i) { share { id status reference paidOn amountPence } } }";
pub const CANCEL: &str =
    "mutation($s: ID!) { cancelPayment(input: { shareId: $s }) { share { id status } } }";
pub const ROUTE: &str = "mutation($i: SetPaymentRouteInput!) { setPaymentRoute(input: $i) { share { id route status } } }";
pub const CLOSE: &str =
    "mutation($c: ID!) { closeCall(input: { callId: $c }) { call { id status } } }";

pub const HONORARIA: &str = "query($c: ID!) { call(id: $c) { honoraria { totalPence application { id } shares { id amountPence eligible route status reference paidOn person { id } application { id } } } honorariaTotals { budgetPence committedPence paidPence } budgetPence } }";
pub const RANKING: &str = "query($c: ID!) { call(id: $c) { rankBy ranking { rank weightedScore normalisedScore disagreement reviewCount application { id } } } }";
pub const ALLOCATION: &str =
    "query($c: ID!) { call(id: $c) { allocationProposal { funded { id } ties { id } } } }";
pub const REVIEWS: &str = "query($a: ID!) { application(id: $a) { id reviews { reviewer { id } weightedScore scores { criterion { id } score comment } } myReview { reviewer { id } } viewerConflicted } }";

/// Someone with an account.
#[derive(Clone, Debug)]
pub struct Who {
    pub token: String,
    pub id: String,
    pub email: String,
}

/// A call to select in, with the organisations and domains its applicants come from.
pub struct Round {
    pub admin: String,
    pub call: String,
    /// The rubric's criterion IDs, in order.
    pub criteria: Vec<String>,
    pub domains: Vec<String>,
    /// Current NHS members of the network.
    pub nhs: String,
    pub nhs2: String,
    pub nhs3: String,
    pub primary_care: String,
    pub academic: String,
    pub industry: String,
    pub third_sector: String,
    /// The network's own staff and panel sit here; no applicant does.
    pub network: String,
}

/// A round: an open call (adjusted by `adjust` before it is created), four domains and
/// organisations of each kind.
pub async fn round(app: &TestApp, adjust: impl FnOnce(&mut Value)) -> Round {
    let admin = app.admin().await;
    let now = chrono::Utc::now();
    let mut input = call_input(
        now - chrono::Duration::days(1),
        now + chrono::Duration::days(30),
    );
    adjust(&mut input);
    let v = app
        .gql(Some(&admin), CREATE_CALL, json!({ "i": input }))
        .await;
    let call = &ok(&v)["createCall"]["call"];
    let criteria = call["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    let mut domains = Vec::new();
    for name in [
        "Medication safety",
        "Falls prevention",
        "Deteriorating patient",
        "Maternity",
    ] {
        domains.push(app.create_domain(&admin, name).await);
    }
    Round {
        call: call["id"].as_str().unwrap().to_string(),
        criteria,
        domains,
        nhs: app
            .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
            .await,
        nhs2: app
            .create_org(&admin, "Lakeside NHS Trust", "NHS_TRUST", true)
            .await,
        nhs3: app
            .create_org(&admin, "Hillside NHS Trust", "NHS_TRUST", true)
            .await,
        primary_care: app
            .create_org(&admin, "Southside GP Federation", "PRIMARY_CARE", true)
            .await,
        academic: app
            .create_org(&admin, "King's Health Partners", "ACADEMIC", false)
            .await,
        industry: app
            .create_org(&admin, "Devices Ltd", "INDUSTRY", false)
            .await,
        third_sector: app
            .create_org(&admin, "Patient Voices", "THIRD_SECTOR", false)
            .await,
        network: app
            .create_org(&admin, "HIN Selection Panel Office", "NETWORK", false)
            .await,
        admin,
    }
}

pub async fn person(app: &TestApp, email: &str, org: &str) -> Who {
    let (token, id) = app.register(email, org).await;
    Who {
        token,
        id,
        email: email.to_string(),
    }
}

/// An application in `domain` led by `lead`, with `co_leads` invited and accepted, optionally
/// sponsored; submitted unless `submit` is false. Returns its ID.
pub async fn application(
    app: &TestApp,
    call: &str,
    domain: &str,
    lead: &Who,
    co_leads: &[&Who],
    sponsor: Option<&str>,
    submit: bool,
) -> String {
    let mut i = answers();
    i["callId"] = json!(call);
    i["domainId"] = json!(domain);
    if let Some(s) = sponsor {
        i["sponsorOrganisationId"] = json!(s);
    }
    let v = app
        .gql(
            Some(&lead.token),
            "mutation($i: StartApplicationInput!) { startApplication(input: $i) { application { id } } }",
            json!({ "i": i }),
        )
        .await;
    let id = ok(&v)["startApplication"]["application"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for c in co_leads {
        let v = app
            .gql(
                Some(&lead.token),
                "mutation($i: InviteCoLeadInput!) { inviteCoLead(input: $i) { application { id } } }",
                json!({ "i": { "applicationId": id, "email": c.email } }),
            )
            .await;
        ok(&v);
        let v = app
            .gql(
                Some(&c.token),
                "mutation($a: ID!) { acceptCoLead(input: { applicationId: $a }) { application { id } } }",
                json!({ "a": id }),
            )
            .await;
        ok(&v);
    }
    if submit {
        let v = app
            .gql(
                Some(&lead.token),
                "mutation($a: ID!) { submitApplication(input: { applicationId: $a }) { application { status } } }",
                json!({ "a": id }),
            )
            .await;
        assert_eq!(
            ok(&v)["submitApplication"]["application"]["status"],
            "SUBMITTED"
        );
    }
    id
}

/// A sole NHS lead's submitted application.
pub async fn solo(app: &TestApp, r: &Round, email: &str, domain: usize) -> (Who, String) {
    let lead = person(app, email, &r.nhs3).await;
    let id = application(app, &r.call, &r.domains[domain], &lead, &[], None, true).await;
    (lead, id)
}

pub async fn close(app: &TestApp, r: &Round) {
    let v = app.gql(Some(&r.admin), CLOSE, json!({ "c": r.call })).await;
    assert_eq!(ok(&v)["closeCall"]["call"]["status"], "CLOSED");
}

pub async fn add_panel(app: &TestApp, r: &Round, who: &Who, chair: bool) -> Value {
    app.gql(
        Some(&r.admin),
        ADD_PANEL,
        json!({ "i": { "callId": r.call, "personId": who.id, "chair": chair } }),
    )
    .await
}

/// `n` panel members at the network (conflicted on nothing); the first is the chair.
pub async fn panel(app: &TestApp, r: &Round, prefix: &str, n: usize) -> Vec<Who> {
    let mut out = Vec::new();
    for i in 0..n {
        let w = person(app, &format!("{prefix}{i}@hin.example"), &r.network).await;
        ok(&add_panel(app, r, &w, i == 0).await);
        out.push(w);
    }
    out
}

pub async fn assign(app: &TestApp, r: &Round) -> Value {
    app.gql(Some(&r.admin), ASSIGN, json!({ "c": r.call }))
        .await
}

/// A review giving criterion `i` the score `scores[i]`.
pub async fn review(
    app: &TestApp,
    r: &Round,
    token: &str,
    application: &str,
    scores: &[i32],
) -> Value {
    let s: Vec<Value> = scores
        .iter()
        .enumerate()
        .map(|(i, v)| json!({ "criterionId": r.criteria[i], "score": v, "comment": format!("Comment {i}") }))
        .collect();
    app.gql(
        Some(token),
        SUBMIT_REVIEW,
        json!({ "i": { "applicationId": application, "scores": s } }),
    )
    .await
}

pub async fn decide<S: AsRef<str>>(
    app: &TestApp,
    token: &str,
    call: &str,
    funded: &[S],
    rationale: &str,
) -> Value {
    app.gql(
        Some(token),
        DECIDE,
        json!({ "i": { "callId": call, "fundedApplicationIds": funded.iter().map(|s| s.as_ref()).collect::<Vec<&str>>(), "rationale": rationale } }),
    )
    .await
}

/// Add one manual assignment (as the admin); panics unless it works.
pub async fn add_assignment(app: &TestApp, r: &Round, application: &str, reviewer: &Who) {
    let v = app
        .gql(
            Some(&r.admin),
            ADD_ASSIGNMENT,
            json!({ "i": { "applicationId": application, "reviewerId": reviewer.id } }),
        )
        .await;
    ok(&v);
}

/// `(application, reviewer)` pairs of an `assignments` list.
pub fn pairs(list: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["application"]["id"].as_str().unwrap().to_string(),
                a["reviewer"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The IDs in a list of `{ id }` objects (or `{ application { id } }` rows), in order.
pub fn ids_of(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|x| {
            x["id"]
                .as_str()
                .or_else(|| x["application"]["id"].as_str())
                .unwrap()
                .to_string()
        })
        .collect()
}

pub fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The audit actions recorded for one entity (newest first).
pub async fn audit_actions(app: &TestApp, admin: &str, entity: &str) -> Vec<String> {
    let v = app
        .gql(
            Some(admin),
            "query($id: ID) { auditLog(entityId: $id, first: 100) { nodes { action entityId actor { id } } } }",
            json!({ "id": entity }),
        )
        .await;
    ok(&v)["auditLog"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["action"].as_str().unwrap().to_string())
        .collect()
}

/// Quoted-printable soft breaks undone, `=3D` decoded.
pub fn unfold_mail(mail: &str) -> String {
    mail.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// The mails to `to` so far.
pub fn mails_to(app: &TestApp, to: &str) -> Vec<String> {
    app.mails()
        .into_iter()
        .filter(|m| m.contains(&format!("To: {to}")))
        .map(|m| unfold_mail(&m))
        .collect()
}

#[track_caller]
pub fn f64_of(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// Assert the error code of an answer, showing the answer when it differs.
#[track_caller]
pub fn assert_code(v: &Value, want: &str) {
    assert_eq!(code(v), Some(want), "{v:#}");
}

/// Assert a VALIDATION error naming exactly these fields.
#[track_caller]
pub fn assert_fields(v: &Value, want: &[&str]) {
    assert_eq!(code(v), Some("VALIDATION"), "{v:#}");
    let mut got = fields(v);
    got.sort();
    let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "{v:#}");
}

/// A well-formed global ID of type `kind` that names nothing.
pub fn nobody(kind: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("{kind}:{}", uuid::Uuid::new_v4()))
}

/// Submit every review `who` still owes (all criteria scored 3), so that they may see the ranking.
pub async fn catch_up(app: &TestApp, r: &Round, who: &Who) {
    let v = app
        .gql(
            Some(&who.token),
            "{ viewer { reviewAssignments { application { id status } submitted } } }",
            json!({}),
        )
        .await;
    for a in ok(&v)["viewer"]["reviewAssignments"].as_array().unwrap() {
        if a["submitted"] == false && a["application"]["status"] == "SUBMITTED" {
            let id = a["application"]["id"].as_str().unwrap().to_string();
            ok(&review(app, r, &who.token, &id, &vec![3; r.criteria.len()]).await);
        }
    }
}
