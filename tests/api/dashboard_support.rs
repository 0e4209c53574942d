//! A known network for the dashboard and export tests, built through the API: two calls (one
//! decided, paid and past its decision-due date; one still open), a panel with found and
//! declared conflicts, three communities (one closed) with members of known organisations,
//! professions and sectors, meetings held, to come and cancelled, exchanges and a promising
//! practice. Every figure the dashboard shows is written beside the data that makes it.
//! And a small RFC 4180 reader, so the CSV exports can be read back.

#![allow(dead_code)]

use convene_blackbox::*;
use serde_json::{json, Value};

use crate::selection_support::*;

pub const CREATE_COMMUNITY: &str =
    "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }";
const JOIN: &str = "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }";
const UPDATE_COMMUNITY: &str =
    "mutation($i: UpdateCommunityInput!) { updateCommunity(input: $i) { community { stage } } }";
const STEP: &str = "mutation($c: ID!, $s: StartupStep!) { completeStartupStep(input: { communityId: $c, step: $s }) { community { id } } }";
const SCHEDULE: &str =
    "mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }";
const CANCEL_MEETING: &str =
    "mutation($m: ID!) { cancelMeeting(input: { meetingId: $m }) { meeting { status } } }";
const ATTEND: &str = "mutation($m: ID!, $p: [ID!]!) { recordAttendance(input: { meetingId: $m, attendeeIds: $p }) { meeting { id } } }";
const PROPOSE: &str =
    "mutation($i: ProposePracticeInput!) { proposePractice(input: $i) { practice { id } } }";
const SHARE: &str =
    "mutation($i: ShareExchangeInput!) { shareExchange(input: $i) { exchange { id } } }";
const MARK: &str =
    "mutation($i: MarkPromisingInput!) { markPromising(input: $i) { practice { id } } }";

/// The name of a community that a spreadsheet would run as a formula.
pub const FORMULA_COMMUNITY: &str = "=HYPERLINK(\"http://evil.example\",\"Open me\")";
/// A convener whose name a spreadsheet would run as a formula.
pub const FORMULA_PERSON: &str = "+44 20 7946 0000";

pub struct Network {
    pub r: Round,
    /// The second call: open, one application submitted, no panel.
    pub call_b: String,
    pub chair: Who,
    /// On the panel, declared a conflict on `app2`.
    pub p1: Who,
    /// On the panel, works at the lead of `app1`'s organisation: a conflict found.
    pub p2: Who,
    /// Funded (Medication safety; NHS lead with an industry co-lead).
    pub app1: String,
    /// Funded (Falls prevention; primary-care lead).
    pub app2: String,
    /// Not funded (Falls prevention).
    pub app3: String,
    /// Submitted, then withdrawn (Deteriorating patient; third-sector lead).
    pub app4: String,
    /// A draft (Maternity).
    pub app5: String,
    /// Call B's application (Medication safety).
    pub app6: String,
    /// ACTIVE: Cn1 (convener), Mm1, Mm2.
    pub k1: String,
    /// FORMING, named like a formula: Cn2 (convener), Mm1.
    pub k2: String,
    /// CLOSED: Cn3.
    pub k3: String,
    pub cn1: Who,
    pub cn2: Who,
    pub cn3: Who,
    pub mm1: Who,
    pub mm2: Who,
    pub decided_at: String,
}

/// Register with a chosen name and profession.
pub async fn member(app: &TestApp, name: &str, email: &str, org: &str, profession: &str) -> Who {
    let v = app
        .gql(
            None,
            "mutation($i: RegisterInput!) { register(input: $i) { accessToken person { id } } }",
            json!({ "i": { "email": email, "password": PASSWORD, "name": name, "organisationId": org, "profession": profession } }),
        )
        .await;
    app.verify_from_mail(email).await;
    let d = &ok(&v)["register"];
    Who {
        token: as_string(&d["accessToken"]),
        id: as_string(&d["person"]["id"]),
        email: email.to_string(),
    }
}

async fn community(app: &TestApp, who: &Who, name: &str, domain: &str) -> String {
    let v = app
        .gql(
            Some(&who.token),
            CREATE_COMMUNITY,
            json!({ "i": { "name": name, "domainId": domain, "membershipMode": "OPEN", "listed": true } }),
        )
        .await;
    as_string(&ok(&v)["createCommunity"]["community"]["id"])
}

async fn join(app: &TestApp, who: &Who, community: &str) {
    let v = app
        .gql(Some(&who.token), JOIN, json!({ "c": community }))
        .await;
    assert_eq!(ok(&v)["joinCommunity"]["joined"], true);
}

async fn stage(app: &TestApp, who: &Who, community: &str, stage: &str) {
    let v = app
        .gql(
            Some(&who.token),
            UPDATE_COMMUNITY,
            json!({ "i": { "communityId": community, "stage": stage } }),
        )
        .await;
    assert_eq!(ok(&v)["updateCommunity"]["community"]["stage"], stage);
}

async fn step(app: &TestApp, who: &Who, community: &str, step: &str) {
    ok(&app
        .gql(Some(&who.token), STEP, json!({ "c": community, "s": step }))
        .await);
}

async fn meeting(
    app: &TestApp,
    who: &Who,
    community: &str,
    starts: chrono::DateTime<chrono::Utc>,
) -> String {
    let v = app
        .gql(
            Some(&who.token),
            SCHEDULE,
            json!({ "i": { "communityId": community, "startsAt": starts.to_rfc3339(), "durationMinutes": 60, "mode": "VIDEO", "joiningDetails": "https://video.example.nhs.uk/j/1", "agenda": "Huddles" } }),
        )
        .await;
    as_string(&ok(&v)["scheduleMeeting"]["meeting"]["id"])
}

async fn share(app: &TestApp, who: &Who, practice: &str, visibility: &str, anonymous: bool) {
    ok(&app
        .gql(
            Some(&who.token),
            SHARE,
            json!({ "i": { "practiceId": practice, "technical": "The board by the station", "visibility": visibility, "anonymous": anonymous } }),
        )
        .await);
}

/// Today in the UK.
pub fn london_today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::London)
        .date_naive()
}

/// The uuid inside a global ID.
pub fn uuid_of(id: &str) -> uuid::Uuid {
    use base64::Engine;
    let text = String::from_utf8(
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(id)
            .unwrap(),
    )
    .unwrap();
    text.split_once(':').unwrap().1.parse().unwrap()
}

/// The clock moves on: call A's decision-due date becomes yesterday. (Nothing in the API may
/// set a due date in the past, so the test moves it in the database, as time would.)
pub async fn make_due_yesterday(app: &TestApp, call: &str) {
    use convene_store::sea_orm::Set;
    change_call_row(app, call, |am| {
        am.decision_due_on = Set(london_today().pred_opt().unwrap())
    })
    .await;
}

/// Change a call's row in the database, as time would (tests of dates the API never sets).
pub async fn change_call_row(
    app: &TestApp,
    call: &str,
    change: impl FnOnce(&mut convene_store::entities::call::ActiveModel),
) {
    use convene_store::entities::call;
    use convene_store::sea_orm::{ActiveModelTrait, EntityTrait};
    let c = call::Entity::find_by_id(uuid_of(call))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut am: call::ActiveModel = c.into();
    change(&mut am);
    am.update(&app.state.db).await.unwrap();
}

pub async fn network(app: &TestApp) -> Network {
    let r = round(app, |_| {}).await;
    let now = chrono::Utc::now();
    let mut b = call_input(
        now - chrono::Duration::hours(1),
        now + chrono::Duration::days(20),
    );
    b["title"] = json!("Second round");
    let v = app
        .gql(Some(&r.admin), CREATE_CALL, json!({ "i": b }))
        .await;
    let call_b = as_string(&ok(&v)["createCall"]["call"]["id"]);

    // applications: leads at Riverside (NHS trust), Southside (primary care), Lakeside (NHS
    // trust), Patient Voices (third sector) and King's (academic, a draft)
    let l1 = person(app, "l1@riverside.nhs.uk", &r.nhs).await;
    let c1 = person(app, "c1@devices.example", &r.industry).await;
    let l2 = person(app, "l2@southside.nhs.uk", &r.primary_care).await;
    let l3 = person(app, "l3@lakeside.nhs.uk", &r.nhs2).await;
    let l4 = person(app, "l4@voices.example", &r.third_sector).await;
    let c4 = person(app, "c4@hillside.nhs.uk", &r.nhs3).await;
    let l5 = person(app, "l5@kings.example", &r.academic).await;
    let l6 = person(app, "l6@riverside.nhs.uk", &r.nhs).await;
    let d = &r.domains;
    let app1 = application(app, &r.call, &d[0], &l1, &[&c1], None, true).await;
    let app2 = application(app, &r.call, &d[1], &l2, &[], None, true).await;
    let app3 = application(app, &r.call, &d[1], &l3, &[], None, true).await;
    let app4 = application(app, &r.call, &d[2], &l4, &[&c4], None, true).await;
    let app5 = application(app, &r.call, &d[3], &l5, &[], None, false).await;
    let app6 = application(app, &call_b, &d[0], &l6, &[], None, true).await;
    ok(&app.withdraw(&l4.token, &app4).await);

    // the panel: the chair and P1 at the network's office, P2 at Riverside like app1's lead
    let chair = person(app, "p0@hin.example", &r.network).await;
    let p1 = person(app, "p1@hin.example", &r.network).await;
    let p2 = person(app, "p2@riverside.nhs.uk", &r.nhs).await;
    ok(&add_panel(app, &r, &chair, true).await);
    ok(&add_panel(app, &r, &p1, false).await);
    ok(&add_panel(app, &r, &p2, false).await);
    ok(&app
        .gql(
            Some(&p1.token),
            DECLARE,
            json!({ "i": { "applicationId": app2, "reason": "I mentor the lead" } }),
        )
        .await);
    close(app, &r).await;
    for (a, who) in [
        (&app1, &chair),
        (&app2, &chair),
        (&app3, &chair),
        (&app1, &p1),
        (&app3, &p1),
        (&app2, &p2),
        (&app3, &p2),
    ] {
        add_assignment(app, &r, a, who).await;
    }
    for a in [&app1, &app2, &app3] {
        ok(&review(app, &r, &chair.token, a, &[4, 3]).await);
    }
    ok(&review(app, &r, &p1.token, &app1, &[5, 5]).await);
    let v = decide(
        app,
        &chair.token,
        &r.call,
        &[&app1, &app2],
        "Two strong domains",
    )
    .await;
    let decided_at = as_string(&ok(&v)["recordDecision"]["decision"]["decidedAt"]);

    // honoraria: app1's £5,000 all to its NHS lead (the industry co-lead's share is cancelled),
    // app2's to its lead; app2's paid yesterday, app1's today
    let v = app
        .gql(Some(&r.admin), HONORARIA, json!({ "c": r.call }))
        .await;
    let today = london_today();
    for h in ok(&v)["call"]["honoraria"].as_array().unwrap() {
        let paid_on = if h["application"]["id"] == app2.as_str() {
            today.pred_opt().unwrap()
        } else {
            today
        };
        for s in h["shares"].as_array().unwrap() {
            if s["status"] == "PROPOSED" {
                let id = as_string(&s["id"]);
                ok(&app.gql(Some(&r.admin), APPROVE, json!({ "s": id })).await);
                ok(&app
                    .gql(
                        Some(&r.admin),
                        PAY,
                        json!({ "i": { "shareId": id, "reference": "BACS-1", "paidOn": paid_on.to_string() } }),
                    )
                    .await);
            }
        }
    }

    // communities and their members
    let cn1 = member(
        app,
        "Cara Convener",
        "cn1@riverside.nhs.uk",
        &r.nhs,
        "Pharmacist",
    )
    .await;
    let mm1 = member(
        app,
        "Milo Member",
        "mm1@lakeside.nhs.uk",
        &r.nhs2,
        " pharmacist ",
    )
    .await;
    let mm2 = member(
        app,
        "Pat Voice",
        "mm2@voices.example",
        &r.third_sector,
        "Patient leader",
    )
    .await;
    let cn2 = member(
        app,
        FORMULA_PERSON,
        "cn2@southside.nhs.uk",
        &r.primary_care,
        "GP",
    )
    .await;
    let cn3 = member(app, "Cole Closer", "cn3@lakeside.nhs.uk", &r.nhs2, "").await;
    let k1 = community(app, &cn1, "Falls prevention peers", &d[1]).await;
    let k2 = community(app, &cn2, FORMULA_COMMUNITY, &d[0]).await;
    let k3 = community(app, &cn3, "-Closed circle", &d[2]).await;
    join(app, &mm1, &k1).await;
    join(app, &mm2, &k1).await;
    join(app, &mm1, &k2).await;
    step(app, &cn1, &k1, "DEVELOP_DOMAIN").await;
    step(app, &cn1, &k1, "MAP_MEMBERS").await;
    step(app, &cn2, &k2, "DEVELOP_DOMAIN").await;
    step(app, &cn3, &k3, "DEVELOP_DOMAIN").await;
    stage(app, &cn1, &k1, "ACTIVE").await;
    stage(app, &cn3, &k3, "CLOSED").await;

    // practices: four exchanges (community 1, network 2, public 1), one practice promising
    let v = app
        .gql(
            Some(&mm1.token),
            PROPOSE,
            json!({ "i": { "communityId": k1, "name": "Safety huddle", "description": "Ten minutes a day", "tags": ["huddles"] } }),
        )
        .await;
    let huddle = as_string(&ok(&v)["proposePractice"]["practice"]["id"]);
    let v = app
        .gql(
            Some(&mm2.token),
            PROPOSE,
            json!({ "i": { "communityId": k1, "name": "Falls diary", "description": "Every fall noted", "tags": [] } }),
        )
        .await;
    ok(&v);
    share(app, &mm1, &huddle, "COMMUNITY", true).await;
    share(app, &mm2, &huddle, "NETWORK", false).await;
    share(app, &cn1, &huddle, "NETWORK", false).await;
    share(app, &cn1, &huddle, "PUBLIC", false).await;
    ok(&app
        .gql(
            Some(&cn1.token),
            MARK,
            json!({ "i": { "practiceId": huddle, "evidence": "Falls halved", "outcomes": "Fewer falls", "visibility": "NETWORK" } }),
        )
        .await);

    // meetings of k1: two held (3 and 2 came), one to come, one cancelled
    let _ahead = meeting(
        app,
        &cn1,
        &k1,
        chrono::Utc::now() + chrono::Duration::days(20),
    )
    .await;
    let off = meeting(
        app,
        &cn1,
        &k1,
        chrono::Utc::now() + chrono::Duration::days(10),
    )
    .await;
    ok(&app
        .gql(Some(&cn1.token), CANCEL_MEETING, json!({ "m": off }))
        .await);
    let soon = chrono::Utc::now() + chrono::Duration::seconds(2);
    let held1 = meeting(app, &cn1, &k1, soon).await;
    let held2 = meeting(app, &cn1, &k1, soon).await;
    let wait = (soon - chrono::Utc::now()).num_milliseconds().max(0) as u64 + 300;
    tokio::time::sleep(std::time::Duration::from_millis(wait)).await;
    ok(&app
        .gql(
            Some(&cn1.token),
            ATTEND,
            json!({ "m": held1, "p": [cn1.id, mm1.id, mm2.id] }),
        )
        .await);
    ok(&app
        .gql(
            Some(&cn1.token),
            ATTEND,
            json!({ "m": held2, "p": [cn1.id, mm2.id] }),
        )
        .await);
    make_due_yesterday(app, &r.call).await;

    Network {
        r,
        call_b,
        chair,
        p1,
        p2,
        app1,
        app2,
        app3,
        app4,
        app5,
        app6,
        k1,
        k2,
        k3,
        cn1,
        cn2,
        cn3,
        mm1,
        mm2,
        decided_at,
    }
}

pub const DASHBOARD: &str = r#"query($f: DashboardFilter) { programmeDashboard(filter: $f) {
  applicationsByDomain { key label count }
  applicationsBySector { key label count }
  applicationsByStatus { key label count }
  reviewProgress { panelMember { id name } call { id title } assigned submitted conflicts outstanding overdue }
  decisions { call { id title } decidedAt funded notFunded }
  outcomesPending { call { id title } decisionDueOn daysUntilDecisionDue pending overdue }
  communitiesByStage { key label count }
  startupProgress { step done notDone }
  communityReach { community { id name } stage reach { members organisations professions sectors } }
  networkReach { members organisations professions sectors }
  meetings { held scheduled cancelled attendances averageAttendance }
  exchangesByVisibility { key label count }
  promisingPractices
  honoraria { call { id title } budgetPence committedPence paidPence }
} }"#;

/// The whole dashboard (as the programme team), with a filter.
pub async fn dashboard(app: &TestApp, admin: &str, filter: Value) -> Value {
    let v = app
        .gql(Some(admin), DASHBOARD, json!({ "f": filter }))
        .await;
    ok(&v)["programmeDashboard"].clone()
}

/// `[(key, count)]` of a list of labelled counts, in order.
pub fn counts(v: &Value) -> Vec<(String, i64)> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(|c| (as_string(&c["key"]), c["count"].as_i64().unwrap()))
        .collect()
}

pub fn kc(pairs: &[(&str, i64)]) -> Vec<(String, i64)> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

// ---------------------------------------------------------------- reading CSV back

/// Parse RFC 4180 text: records end in CRLF; a quoted field may hold commas, quotes (doubled)
/// and line breaks. Panics on anything else, so a malformed export fails the test.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), None | Some(',') | Some('\r')),
                        "text after a closing quote in {text:?}"
                    );
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a bare quote inside an unquoted field in {text:?}"),
            ',' => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF in {text:?}");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("a bare LF ends a record in {text:?}"),
            _ => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "an unterminated quote in {text:?}");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last record does not end in CRLF: {text:?}"
    );
    rows
}

#[test]
fn the_csv_reader_follows_rfc_4180() {
    assert_eq!(
        parse_csv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\r\n"),
        vec![
            vec!["a".to_string(), "b".into()],
            vec!["x, y".into(), "say \"hi\"".into()],
            vec!["two\r\nlines".into(), "".into()],
        ]
    );
}

/// GET an export; (status, content type, content disposition, body).
pub async fn get(app: &TestApp, token: Option<&str>, path: &str) -> (u16, String, String, String) {
    let mut req = app.http().get(format!("{}{}", app.base, path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    let header = |n: &str| {
        res.headers()
            .get(n)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let (ct, cd) = (header("content-type"), header("content-disposition"));
    let status = res.status().as_u16();
    (status, ct, cd, res.text().await.unwrap())
}
