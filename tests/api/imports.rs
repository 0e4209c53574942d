//! Importing organisations from CSV (issue 17, point 4): all or nothing, wrong lines named,
//! matched by name, a dry run for the preview, the programme team only, audited.

use convene_blackbox::*;
use serde_json::{json, Value};

const IMPORT: &str = "mutation($i: ImportOrganisationsInput!) { importOrganisations(input: $i) { created updated unchanged saved errors { line message } lines { line name sector nhsMember nhsMemberSince action } } }";
const ORGS: &str = "query { organisations(first: 100) { totalCount nodes { id name sector nhsMember nhsMemberChangedOn } } }";

async fn import(app: &TestApp, token: &str, csv: &str, dry_run: bool) -> Value {
    let v = app
        .gql(
            Some(token),
            IMPORT,
            json!({ "i": { "csv": csv, "dryRun": dry_run } }),
        )
        .await;
    ok(&v)["importOrganisations"].clone()
}

/// Every organisation by name: (sector, nhsMember, nhsMemberChangedOn).
async fn orgs(app: &TestApp) -> Vec<(String, String, bool, String)> {
    let v = app.gql(None, ORGS, json!({})).await;
    let mut all: Vec<_> = ok(&v)["organisations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                as_string(&o["name"]),
                as_string(&o["sector"]),
                o["nhsMember"].as_bool().unwrap(),
                o["nhsMemberChangedOn"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    all.sort();
    all
}

fn org_id(v: &Value, name: &str) -> String {
    let nodes = ok(v)["organisations"]["nodes"].as_array().unwrap();
    let o = nodes.iter().find(|o| o["name"] == name).unwrap();
    as_string(&o["id"])
}

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

#[tokio::test]
async fn a_good_file_creates_and_updates_by_name_with_bom_and_quotes() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    app.create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    app.create_org(&admin, "Hilltop University", "ACADEMIC", false)
        .await;
    let csv = "\u{feff}name,sector,nhsMember,nhsMemberSince\r\n\
               \"Lakeside, North Practice\",PRIMARY_CARE,yes,2024-04-01\r\n\
               \"The \"\"Kind\"\" Charity\",third sector,FALSE,\r\n\
               \"  riverside   nhs TRUST \",NHS_TRUST,no,2025-01-31\r\n\
               Hilltop University,ACADEMIC,false\r\n";
    let before = orgs(&app).await;
    let r = import(&app, &admin, csv, false).await;
    assert_eq!(r["errors"], json!([]));
    assert_eq!(
        (&r["created"], &r["updated"], &r["unchanged"], &r["saved"]),
        (&json!(2), &json!(1), &json!(1), &json!(true))
    );
    let actions: Vec<_> = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["line"].as_u64().unwrap(), as_string(&l["action"])))
        .collect();
    assert_eq!(
        actions,
        [
            (2, "CREATE".into()),
            (3, "CREATE".into()),
            (4, "UPDATE".into()),
            (5, "UNCHANGED".into())
        ]
    );
    let after = orgs(&app).await;
    assert_eq!(after.len(), before.len() + 2);
    let find = |name: &str| after.iter().find(|o| o.0 == name).cloned().unwrap();
    assert_eq!(
        find("Lakeside, North Practice"),
        (
            "Lakeside, North Practice".into(),
            "PRIMARY_CARE".into(),
            true,
            "2024-04-01".into()
        )
    );
    assert_eq!(find("The \"Kind\" Charity").1, "THIRD_SECTOR");
    assert_eq!(find("The \"Kind\" Charity").3, today());
    // matched by name: the existing organisation keeps its name, takes the new membership
    let riverside = find("Riverside NHS Trust");
    assert_eq!((riverside.2, riverside.3.as_str()), (false, "2025-01-31"));
    assert!(!after.iter().any(|o| o.0.contains("riverside   nhs")));
    // importing the same file again changes nothing
    let again = import(&app, &admin, csv, false).await;
    assert_eq!(
        (&again["created"], &again["updated"], &again["unchanged"]),
        (&json!(0), &json!(0), &json!(4))
    );
    assert_eq!(orgs(&app).await, after);
}

#[tokio::test]
async fn one_bad_line_saves_nothing_and_every_bad_line_is_named() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    app.create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let before = orgs(&app).await;
    let csv = "name,sector,nhsMember\n\
               Good Practice,PRIMARY_CARE,yes\n\
               Riverside NHS Trust,NHS_TRUST,no\n\
               Pharma Ltd,PHARMA,no\n\
               Odd Trust,NHS_TRUST,perhaps\n";
    let r = import(&app, &admin, csv, false).await;
    assert_eq!(r["saved"], false);
    assert_eq!((&r["created"], &r["updated"]), (&json!(0), &json!(0)));
    let errors = r["errors"].as_array().unwrap();
    let lines: Vec<u64> = errors.iter().map(|e| e["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [4, 5], "{r}");
    assert!(as_string(&errors[0]["message"]).contains("\"PHARMA\" is not a sector"));
    assert!(as_string(&errors[1]["message"]).contains("yes, no, true or false"));
    // the good lines are still shown with what they would do
    assert_eq!(r["lines"][0]["action"], "CREATE");
    assert_eq!(r["lines"][1]["action"], "UPDATE");
    assert_eq!(orgs(&app).await, before, "nothing saved");
    // a bad date and a repeated name, and a missing header
    let r = import(
        &app,
        &admin,
        "name,sector,nhsMember,nhsMemberSince\nA Trust,NHS_TRUST,yes,31/01/2025\nB Trust,NHS_TRUST,yes\nb trust,ACADEMIC,no\n",
        false,
    )
    .await;
    let errors: Vec<_> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), as_string(&e["message"])))
        .collect();
    assert_eq!(errors[0].0, 2);
    assert!(errors[0].1.contains("a date like 2024-04-01"), "{errors:?}");
    assert_eq!(errors[1], (4, "The same organisation as line 3".into()));
    let r = import(&app, &admin, "Riverside NHS Trust,NHS_TRUST,no\n", false).await;
    assert_eq!(r["errors"][0]["line"], 1);
    assert_eq!(orgs(&app).await, before, "nothing saved");
}

#[tokio::test]
async fn a_dry_run_says_what_would_happen_and_saves_nothing() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    app.create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let before = orgs(&app).await;
    let csv =
        "name,sector,nhsMember\nNew Practice,PRIMARY_CARE,yes\nRiverside NHS Trust,NHS_TRUST,no\n";
    let r = import(&app, &admin, csv, true).await;
    assert_eq!(r["saved"], false);
    assert_eq!((&r["created"], &r["updated"]), (&json!(1), &json!(1)));
    assert_eq!(
        r["lines"][0],
        json!({ "line": 2, "name": "New Practice", "sector": "PRIMARY_CARE", "nhsMember": true, "nhsMemberSince": null, "action": "CREATE" })
    );
    assert_eq!(orgs(&app).await, before, "a dry run saves nothing");
    // confirming saves what the preview showed
    let r = import(&app, &admin, csv, false).await;
    assert_eq!(
        (&r["created"], &r["updated"], &r["saved"]),
        (&json!(1), &json!(1), &json!(true))
    );
    assert_eq!(orgs(&app).await.len(), before.len() + 1);
}

#[tokio::test]
async fn imports_are_for_the_programme_team_and_audited() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (plain, _) = app.register("plain@example.nhs.uk", &org).await;
    let csv =
        "name,sector,nhsMember\nRiverside NHS Trust,NHS_TRUST,no\nNew Practice,PRIMARY_CARE,yes\n";
    for (token, want) in [
        (Some(plain.as_str()), "FORBIDDEN"),
        (None, "UNAUTHENTICATED"),
    ] {
        let v = app.gql(token, IMPORT, json!({ "i": { "csv": csv } })).await;
        assert_eq!(code(&v), Some(want), "{v}");
    }
    let r = import(&app, &admin, csv, false).await;
    assert_eq!(r["saved"], true);
    let v = app.gql(None, ORGS, json!({})).await;
    let log = app.audit_of(&admin, &org).await;
    assert_eq!(log[0]["action"], "import");
    assert_eq!(parse(&log[0]["before"])["nhs_member"], true);
    assert_eq!(parse(&log[0]["after"])["nhs_member"], false);
    let created = app.audit_of(&admin, &org_id(&v, "New Practice")).await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["action"], "import");
    assert!(created[0]["before"].is_null());
}

fn parse(v: &Value) -> Value {
    serde_json::from_str(v.as_str().unwrap_or("null")).unwrap()
}
