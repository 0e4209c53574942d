//! Questions per call (issue 17, point 2): the programme team sets a call's questions, or it
//! gets the default set; applicants answer them by key; submission checks them; the answers
//! show wherever the application's text does (the review, `applications.csv`, `exportMyData`).

use convene_blackbox::*;
use serde_json::{json, Value};

use crate::dashboard_support::{get, parse_csv};
use crate::selection_support::*;

const DEFAULT_KEYS: [&str; 7] = [
    "motivation",
    "domainSketch",
    "memberMap",
    "invitationDraft",
    "firstMeeting",
    "hopedForChange",
    "supportWanted",
];

const QUESTIONS: &str = "query($c: ID!) { call(id: $c) { questions { key title hint kind wordLimit choices required } } }";
const ANSWERS: &str = "query($a: ID!) { application(id: $a) { status motivation answers { question { key title } value } } }";
const START_WITH: &str = "mutation($i: StartApplicationInput!) { startApplication(input: $i) { application { id answers { question { key } value } } } }";
const UPDATE_WITH: &str = "mutation($i: UpdateApplicationInput!) { updateApplication(input: $i) { application { id answers { question { key } value } } } }";

/// A set of one of each kind: a short text, a choice, a yes/no, and an optional text.
fn custom_set() -> Value {
    json!([
        { "key": "why", "title": "Why this domain?", "hint": "In a few words", "kind": "TEXT", "wordLimit": 5 },
        { "key": "region", "title": "Which region?", "kind": "CHOICE", "choices": ["North", "South"] },
        { "key": "agreesToShare", "title": "May we share your answers with the panel?", "kind": "YES_NO" },
        { "key": "anythingElse", "title": "Anything else?", "kind": "TEXT", "wordLimit": 200, "required": false },
    ])
}

async fn custom_round(app: &TestApp) -> Round {
    round(app, |i| i["questions"] = custom_set()).await
}

fn keys_and_values(answers: &Value) -> Vec<(String, String)> {
    answers
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (as_string(&a["question"]["key"]), as_string(&a["value"])))
        .collect()
}

fn kv(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Start an application to the round's call in its first domain with these answers.
async fn start(app: &TestApp, r: &Round, lead: &Who, answers: Value) -> Value {
    app.gql(
        Some(&lead.token),
        START_WITH,
        json!({ "i": { "callId": r.call, "domainId": r.domains[0], "answers": answers } }),
    )
    .await
}

#[track_caller]
fn assert_submitted(v: &Value) {
    assert_eq!(
        ok(v)["submitApplication"]["application"]["status"],
        "SUBMITTED"
    );
}

#[tokio::test]
async fn a_call_made_without_questions_gets_the_default_set() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let v = app
        .gql(Some(&w.admin), QUESTIONS, json!({ "c": w.call }))
        .await;
    let qs = ok(&v)["call"]["questions"].as_array().unwrap().clone();
    let keys: Vec<String> = qs.iter().map(|q| as_string(&q["key"])).collect();
    assert_eq!(keys, DEFAULT_KEYS);
    for q in &qs {
        assert_eq!(q["kind"], "TEXT", "{q}");
        assert_eq!(q["required"], true, "{q}");
        assert!(q["wordLimit"].as_i64().unwrap() > 0, "{q}");
        assert!(!as_string(&q["title"]).is_empty(), "{q}");
    }
    assert_eq!(qs[0]["title"], "Why do you care about this domain?");

    // the named fields and the answers by key are the same answers
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    let v = app.gql(Some(&alice), ANSWERS, json!({ "a": id })).await;
    let a = &ok(&v)["application"];
    let want: Vec<(String, String)> = DEFAULT_KEYS
        .iter()
        .map(|k| (k.to_string(), as_string(&answers()[*k])))
        .collect();
    assert_eq!(keys_and_values(&a["answers"]), want);
    // an answer by key is read back by its named field, and the other way round
    let v = app
        .gql(
            Some(&alice),
            UPDATE_WITH,
            json!({ "i": { "applicationId": id, "answers": [{ "key": "motivation", "value": "Because of Mrs B" }] } }),
        )
        .await;
    ok(&v);
    let v = app.gql(Some(&alice), ANSWERS, json!({ "a": id })).await;
    assert_eq!(ok(&v)["application"]["motivation"], "Because of Mrs B");
    assert_submitted(&app.submit(&alice, &id).await);
}

#[tokio::test]
async fn a_custom_set_is_kept_in_order_and_answered_by_key() {
    let app = spawn_app().await;
    let r = custom_round(&app).await;
    let v = app
        .gql(Some(&r.admin), QUESTIONS, json!({ "c": r.call }))
        .await;
    let qs = &ok(&v)["call"]["questions"];
    assert_eq!(
        qs,
        &json!([
            { "key": "why", "title": "Why this domain?", "hint": "In a few words", "kind": "TEXT", "wordLimit": 5, "choices": [], "required": true },
            { "key": "region", "title": "Which region?", "hint": "", "kind": "CHOICE", "wordLimit": null, "choices": ["North", "South"], "required": true },
            { "key": "agreesToShare", "title": "May we share your answers with the panel?", "hint": "", "kind": "YES_NO", "wordLimit": null, "choices": ["Yes", "No"], "required": true },
            { "key": "anythingElse", "title": "Anything else?", "hint": "", "kind": "TEXT", "wordLimit": 200, "choices": [], "required": false },
        ])
    );

    let lead = person(&app, "lead@riverside.nhs.uk", &r.nhs).await;
    let v = start(
        &app,
        &r,
        &lead,
        json!([{ "key": "region", "value": "North" }, { "key": "why", "value": "  Falls hurt people  " }]),
    )
    .await;
    let a = &ok(&v)["startApplication"]["application"];
    let id = as_string(&a["id"]);
    // every question in the call's order, the unanswered ones empty
    assert_eq!(
        keys_and_values(&a["answers"]),
        kv(&[
            ("why", "Falls hurt people"),
            ("region", "North"),
            ("agreesToShare", ""),
            ("anythingElse", "")
        ])
    );
    // the default set's named fields are not this call's questions
    let v = app
        .gql(
            Some(&lead.token),
            UPDATE_WITH,
            json!({ "i": { "applicationId": id, "motivation": "x", "answers": [{ "key": "nope", "value": "y" }] } }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(sorted_fields(&v), ["motivation", "nope"]);
    let v = app
        .gql(Some(&lead.token), ANSWERS, json!({ "a": id }))
        .await;
    let back = &ok(&v)["application"];
    assert_eq!(back["motivation"], "");
    assert_eq!(keys_and_values(&back["answers"])[0].1, "Falls hurt people");
    // an empty value clears an answer; others stay
    let v = app
        .gql(
            Some(&lead.token),
            UPDATE_WITH,
            json!({ "i": { "applicationId": id, "answers": [{ "key": "region", "value": "" }, { "key": "agreesToShare", "value": "Yes" }] } }),
        )
        .await;
    assert_eq!(
        keys_and_values(&ok(&v)["updateApplication"]["application"]["answers"]),
        kv(&[
            ("why", "Falls hurt people"),
            ("region", ""),
            ("agreesToShare", "Yes"),
            ("anythingElse", "")
        ])
    );
}

#[tokio::test]
async fn submission_names_each_missing_over_long_or_wrong_answer_by_key() {
    let app = spawn_app().await;
    let r = custom_round(&app).await;
    let lead = person(&app, "lead@riverside.nhs.uk", &r.nhs).await;
    let v = start(&app, &r, &lead, json!([])).await;
    let id = as_string(&ok(&v)["startApplication"]["application"]["id"]);

    // nothing answered: every required question, and only those
    let v = app.submit(&lead.token, &id).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(sorted_fields(&v), ["agreesToShare", "region", "why"]);

    // over the word limit, not one of the choices, not yes or no
    let update = |answers: Value| {
        let token = lead.token.clone();
        let id = id.clone();
        let app = &app;
        async move {
            ok(&app
                .gql(
                    Some(&token),
                    UPDATE_WITH,
                    json!({ "i": { "applicationId": id, "answers": answers } }),
                )
                .await)
            .clone()
        }
    };
    update(json!([
        { "key": "why", "value": "one two three four five six" },
        { "key": "region", "value": "East" },
        { "key": "agreesToShare", "value": "Perhaps" },
    ]))
    .await;
    let v = app.submit(&lead.token, &id).await;
    assert_eq!(sorted_fields(&v), ["agreesToShare", "region", "why"]);
    let why = v["errors"][0]["extensions"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "why")
        .unwrap()
        .clone();
    assert!(
        as_string(&why["message"]).contains("5 words or fewer"),
        "{why}"
    );

    // at the limit, a choice, and yes: it goes, with the optional question unanswered
    update(json!([
        { "key": "why", "value": "one two three four five" },
        { "key": "region", "value": "South" },
        { "key": "agreesToShare", "value": "No" },
    ]))
    .await;
    assert_submitted(&app.submit(&lead.token, &id).await);
}

#[tokio::test]
async fn a_bad_question_set_is_refused_field_by_field_and_nothing_is_created() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let now = chrono::Utc::now();
    let mut i = call_input(now, now + chrono::Duration::days(30));
    i["questions"] = json!([
        { "key": "why", "title": "Why?", "kind": "TEXT", "wordLimit": 100 },
        { "key": "Why-not", "title": "Why not?", "kind": "TEXT", "wordLimit": 100 },
        { "key": "why", "title": "Why again?", "kind": "TEXT", "wordLimit": 100 },
        { "key": "region", "title": "Region?", "kind": "CHOICE", "choices": ["North"] },
        { "key": "limitless", "title": "Tell us", "kind": "TEXT", "wordLimit": 0 },
        { "key": "untitled", "title": "  ", "kind": "YES_NO" },
    ]);
    i["title"] = json!("A call with bad questions");
    let v = app.gql(Some(&admin), CREATE_CALL, json!({ "i": i })).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(
        sorted_fields(&v),
        [
            "questions.1.key",
            "questions.2.key",
            "questions.3.choices",
            "questions.4.wordLimit",
            "questions.5.title"
        ]
    );
    // an empty set is refused too; call fields and question fields come back together
    i["questions"] = json!([]);
    i["fundedPlaces"] = json!(0);
    let v = app.gql(Some(&admin), CREATE_CALL, json!({ "i": i })).await;
    assert_eq!(sorted_fields(&v), ["fundedPlaces", "questions"]);
    let v = app
        .gql(
            Some(&admin),
            "{ calls(first: 50) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(ok(&v)["calls"]["totalCount"], 0);
}

/// The answers to a custom set reach the panel's review, the applications export and the
/// applicant's own data export.
#[tokio::test]
async fn answers_reach_the_review_the_csv_and_the_data_export() {
    let app = spawn_app().await;
    let r = round(&app, |i| {
        i["questions"] = custom_set();
        i["reviewersPerApplication"] = json!(1);
    })
    .await;
    let lead = person(&app, "lead@riverside.nhs.uk", &r.nhs).await;
    let v = start(
        &app,
        &r,
        &lead,
        json!([
            { "key": "why", "value": "Falls hurt people" },
            { "key": "region", "value": "North" },
            { "key": "agreesToShare", "value": "Yes" },
            { "key": "anythingElse", "value": "We have a \"quiet\" room, for now" },
        ]),
    )
    .await;
    let id = as_string(&ok(&v)["startApplication"]["application"]["id"]);
    assert_submitted(&app.submit(&lead.token, &id).await);
    let want = kv(&[
        ("why", "Falls hurt people"),
        ("region", "North"),
        ("agreesToShare", "Yes"),
        ("anythingElse", "We have a \"quiet\" room, for now"),
    ]);

    // the panel member reviewing it reads the answers with their questions' titles
    let p = panel(&app, &r, "q", 1).await;
    close(&app, &r).await;
    add_assignment(&app, &r, &id, &p[0]).await;
    let v = app
        .gql(Some(&p[0].token), ANSWERS, json!({ "a": id }))
        .await;
    let answers = &ok(&v)["application"]["answers"];
    assert_eq!(keys_and_values(answers), want);
    assert_eq!(answers[0]["question"]["title"], "Why this domain?");

    // applications.csv: one column per question, in the call's order
    let url = format!("/exports/calls/{}/applications.csv", r.call);
    let (status, _, _, body) = get(&app, Some(&r.admin), &url).await;
    assert_eq!(status, 200, "{body}");
    let rows = parse_csv(&body);
    let header = &rows[0];
    let at = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} in {header:?}"))
    };
    let cols: Vec<usize> = want
        .iter()
        .map(|(k, _)| at(&format!("answer_{k}")))
        .collect();
    assert!(cols.windows(2).all(|w| w[0] < w[1]), "{header:?}");
    assert!(
        !header.iter().any(|h| h == "answer_motivation"),
        "{header:?}"
    );
    let row = rows.iter().find(|r| r.contains(&id)).expect("the row");
    for ((_, value), col) in want.iter().zip(&cols) {
        assert_eq!(&row[*col], value);
    }

    // the applicant's own export holds the answers by key
    let v = app
        .gql(
            Some(&lead.token),
            "mutation { exportMyData { json } }",
            json!({}),
        )
        .await;
    let json: Value =
        serde_json::from_str(ok(&v)["exportMyData"]["json"].as_str().unwrap()).unwrap();
    let mine = &json["applications"][0]["answers"];
    for (k, value) in &want {
        assert_eq!(&mine[k.as_str()], value, "{json}");
    }
}

/// The audit trail keeps each changed answer by key, and only the changed ones.
#[tokio::test]
async fn the_audit_trail_names_changed_answers_by_key() {
    let app = spawn_app().await;
    let r = custom_round(&app).await;
    let lead = person(&app, "lead@riverside.nhs.uk", &r.nhs).await;
    let v = start(
        &app,
        &r,
        &lead,
        json!([{ "key": "why", "value": "Falls" }, { "key": "region", "value": "North" }]),
    )
    .await;
    let id = as_string(&ok(&v)["startApplication"]["application"]["id"]);
    let v = app
        .gql(
            Some(&lead.token),
            UPDATE_WITH,
            json!({ "i": { "applicationId": id, "answers": [{ "key": "region", "value": "South" }] } }),
        )
        .await;
    ok(&v);
    let log = app.audit_of(&r.admin, &id).await;
    let update = log.iter().find(|e| e["action"] == "update").unwrap();
    let parse = |v: &Value| serde_json::from_str::<Value>(v.as_str().unwrap()).unwrap();
    let (before, after) = (parse(&update["before"]), parse(&update["after"]));
    assert_eq!(before["answers"], json!({ "region": "North" }));
    assert_eq!(after["answers"], json!({ "region": "South" }));
    let start = log.iter().find(|e| e["action"] == "start").unwrap();
    assert_eq!(
        parse(&start["after"])["answers"],
        json!({ "why": "Falls", "region": "North" })
    );
}

const UPDATE_CALL: &str =
    "mutation($i: UpdateCallInput!) { updateCall(input: $i) { call { questions { key } } } }";

#[tokio::test]
async fn update_call_changes_the_questions_until_someone_applies() {
    let app = spawn_app().await;
    let r = custom_round(&app).await;
    let keys = |v: &Value| -> Vec<String> {
        ok(v)["updateCall"]["call"]["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| as_string(&q["key"]))
            .collect()
    };
    let set = json!([
        { "key": "why", "title": "Why this domain?", "kind": "TEXT", "wordLimit": 50 },
        { "key": "when", "title": "When could you start?", "kind": "TEXT", "wordLimit": 20 },
    ]);
    let v = app
        .gql(
            Some(&r.admin),
            UPDATE_CALL,
            json!({ "i": { "callId": r.call, "questions": set } }),
        )
        .await;
    assert_eq!(keys(&v), ["why", "when"]);
    // a bad set is refused as createCall refuses it, by the question's place and field
    let v = app
        .gql(
            Some(&r.admin),
            UPDATE_CALL,
            json!({ "i": { "callId": r.call, "questions": [{ "key": "Bad key", "title": "", "kind": "TEXT", "wordLimit": 5 }] } }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"), "{v}");
    let fields: Vec<String> = v["errors"][0]["extensions"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| as_string(&f["field"]))
        .collect();
    assert!(
        fields.contains(&"questions.0.key".to_string()),
        "{fields:?}"
    );

    // once an application exists its answers are kept by these keys: the set stays
    let lead = person(&app, "lead@riverside.nhs.uk", &r.nhs).await;
    ok(&start(&app, &r, &lead, json!([{ "key": "why", "value": "Falls" }])).await);
    let v = app
        .gql(
            Some(&r.admin),
            UPDATE_CALL,
            json!({ "i": { "callId": r.call, "questions": custom_set() } }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"), "{v}");
    assert_eq!(
        v["errors"][0]["extensions"]["fields"][0]["field"], "questions",
        "{v}"
    );
    let v = app
        .gql(Some(&r.admin), QUESTIONS, json!({ "c": r.call }))
        .await;
    let now: Vec<String> = ok(&v)["call"]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| as_string(&q["key"]))
        .collect();
    assert_eq!(now, ["why", "when"]);
}
