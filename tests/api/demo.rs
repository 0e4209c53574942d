//! The demo data: loaded beside the first programme-team account, with a decided 2015 round.

use convene_blackbox::*;
use serde_json::{json, Value};

#[tokio::test]
async fn the_demo_loads_beside_the_admin_with_a_decided_round() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_DEMO".into(), "1".into());
    })
    .await;
    let admin = app.admin().await;
    let demo = app
        .sign_in("programme@convene.example", "convene-demo-2026")
        .await;
    let q = "{ calls(first: 10) { nodes { title status honoraria { shares { status } } decision { rationale } pendingOutcomes { email } } } }";
    let v = app.gql(Some(&admin), q, json!({})).await;
    let calls = ok(&v)["calls"]["nodes"].as_array().unwrap().clone();
    let open = calls
        .iter()
        .find(|c| c["title"] == "Call for Conveners 2026")
        .expect("the open call");
    assert_eq!(open["status"], "OPEN");
    let past = calls
        .iter()
        .find(|c| c["title"] == "Call for Conveners 2015")
        .expect("the 2015 call");
    assert_eq!(past["status"], "DECIDED");
    assert!(past["decision"]["rationale"].as_str().is_some());
    assert_eq!(past["pendingOutcomes"], json!([]));
    let states: std::collections::BTreeSet<String> = past["honoraria"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| {
            h["shares"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["status"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        states.into_iter().collect::<Vec<_>>(),
        ["APPROVED", "CANCELLED", "PAID", "PROPOSED"]
    );
    // communities in every stage
    let v = app
        .gql(
            Some(&admin),
            "{ communities(first: 20) { nodes { stage meetings { nodes { status attendees { id } } } } } }",
            json!({}),
        )
        .await;
    let stages: std::collections::BTreeSet<String> = ok(&v)["communities"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["stage"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        stages.into_iter().collect::<Vec<_>>(),
        ["ACTIVE", "CLOSED", "DORMANT", "FORMING"]
    );
    // meetings: held ones with attendance, upcoming ones, and a cancelled one
    let meetings: Vec<&Value> = ok(&v)["communities"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["meetings"]["nodes"].as_array().unwrap().iter())
        .collect();
    assert!(meetings.iter().any(|m| m["status"] == "CANCELLED"));
    assert!(meetings
        .iter()
        .any(|m| !m["attendees"].as_array().unwrap().is_empty()));
    assert!(meetings.len() >= 6, "{meetings:?}");
    // the demo's own programme-team account works too
    assert_eq!(
        ok(&app
            .gql(Some(&demo), "{ viewer { roles } }", json!({}))
            .await)["viewer"]["roles"],
        json!(["PROGRAMME_TEAM"])
    );
}
