//! Organisations and the domain catalogue (SPEC §1): created, proposed, accepted, renamed and
//! merged, and who may do each.

use convene_blackbox::*;
use serde_json::{json, Value};

const CREATE_ORG: &str = "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id name sector nhsMember nhsMemberChangedOn honorariumEligible } } }";
const SET_MEMBER: &str = "mutation($i: SetOrganisationNhsMemberInput!) { setOrganisationNhsMember(input: $i) { organisation { id name nhsMember nhsMemberChangedOn } } }";
const CREATE_DOMAIN: &str = "mutation($i: CreateDomainInput!) { createDomain(input: $i) { domain { id name description status mergedInto { id } } } }";
const PROPOSE: &str = "mutation($i: ProposeDomainInput!) { proposeDomain(input: $i) { domain { id name description status mergedInto { id } } } }";
const ACCEPT_DOMAIN: &str = "mutation($i: AcceptDomainInput!) { acceptDomain(input: $i) { domain { id name description status } } }";
const RENAME: &str = "mutation($i: RenameDomainInput!) { renameDomain(input: $i) { domain { id name description status } } }";
const MERGE: &str =
    "mutation($i: MergeDomainInput!) { mergeDomain(input: $i) { domain { id name status } } }";
const DOMAIN: &str =
    "query($id: ID!) { domain(id: $id) { id name description status mergedInto { id name } } }";
const ORGS: &str = "query($s: String, $first: Int) { organisations(search: $s, first: $first) { totalCount nodes { id name sector nhsMember } pageInfo { hasNextPage } } }";

async fn org_count(app: &TestApp) -> u64 {
    let v = app.gql(None, ORGS, json!({})).await;
    ok(&v)["organisations"]["totalCount"].as_u64().unwrap()
}

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

/// A signed-in person with no role, and one with the panel role.
async fn outsiders(app: &TestApp, admin: &str) -> (String, String) {
    let org = app
        .create_org(admin, "Outsider NHS Trust", "NHS_TRUST", true)
        .await;
    let (plain, _) = app.register("plain@example.nhs.uk", &org).await;
    let (_, panel_id) = app.register("panel@example.nhs.uk", &org).await;
    app.grant(admin, &panel_id, "PANEL").await;
    // a fresh token, in case roles travel in it
    let panel = app.sign_in("panel@example.nhs.uk", PASSWORD).await;
    (plain, panel)
}

async fn domain(app: &TestApp, token: Option<&str>, id: &str) -> Value {
    let v = app.gql(token, DOMAIN, json!({ "id": id })).await;
    ok(&v)["domain"].clone()
}

async fn domain_names(app: &TestApp, status: Option<&str>) -> Vec<String> {
    let v = app
        .gql(
            None,
            "query($s: DomainStatus) { domains(status: $s, first: 100) { totalCount nodes { name status } } }",
            json!({ "s": status }),
        )
        .await;
    let d = &ok(&v)["domains"];
    let nodes = d["nodes"].as_array().unwrap();
    assert_eq!(d["totalCount"].as_u64().unwrap() as usize, nodes.len());
    if let Some(st) = status {
        assert!(nodes.iter().all(|n| n["status"] == st), "{d}");
    }
    nodes.iter().map(|n| as_string(&n["name"])).collect()
}

// ---------------------------------------------------------------- organisations

#[tokio::test]
async fn create_organisation_returns_it_and_it_reads_back() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let base = org_count(&app).await;
    let v = app
        .gql(
            Some(&admin),
            CREATE_ORG,
            json!({ "i": { "name": "  St Elsewhere NHS Trust ", "sector": "NHS_TRUST", "nhsMember": true } }),
        )
        .await;
    let o = ok(&v)["createOrganisation"]["organisation"].clone();
    assert_eq!(o["name"], "St Elsewhere NHS Trust");
    assert_eq!(o["sector"], "NHS_TRUST");
    assert_eq!(o["nhsMember"], true);
    assert_eq!(o["nhsMemberChangedOn"], today());
    assert_eq!(o["honorariumEligible"], true);
    // read back anonymously, by id and in the list
    let back = app
        .gql(
            None,
            "query($id: ID!) { organisation(id: $id) { id name sector nhsMember nhsMemberChangedOn honorariumEligible } }",
            json!({ "id": o["id"] }),
        )
        .await;
    assert_eq!(ok(&back)["organisation"], o);
    // industry and third sector are never paid
    for (name, sector) in [
        ("Devices Ltd", "INDUSTRY"),
        ("Patient Voices", "THIRD_SECTOR"),
    ] {
        let v = app
            .gql(
                Some(&admin),
                CREATE_ORG,
                json!({ "i": { "name": name, "sector": sector, "nhsMember": false } }),
            )
            .await;
        let o = &ok(&v)["createOrganisation"]["organisation"];
        assert_eq!(o["sector"], sector);
        assert_eq!(o["nhsMember"], false);
        assert_eq!(o["honorariumEligible"], false, "{sector}");
    }
    assert_eq!(org_count(&app).await, base + 3);
}

#[tokio::test]
async fn create_organisation_names_bad_and_taken_names() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    app.create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let base = org_count(&app).await;
    for bad in [json!(""), json!("   "), json!("X"), json!("x".repeat(201))] {
        let v = app
            .gql(
                Some(&admin),
                CREATE_ORG,
                json!({ "i": { "name": bad, "sector": "ACADEMIC", "nhsMember": false } }),
            )
            .await;
        assert_eq!(code(&v), Some("VALIDATION"), "{bad}: {v}");
        assert_eq!(fields(&v), ["name"], "{bad}");
    }
    // names are unique ignoring case and spacing
    for taken in [
        "Riverside NHS Trust",
        "riverside nhs trust",
        "RIVERSIDE  NHS   TRUST",
    ] {
        let v = app
            .gql(
                Some(&admin),
                CREATE_ORG,
                json!({ "i": { "name": taken, "sector": "NHS_TRUST", "nhsMember": false } }),
            )
            .await;
        assert_eq!(code(&v), Some("CONFLICT"), "{taken}: {v}");
        assert_eq!(fields(&v), ["name"], "{taken}");
    }
    assert_eq!(org_count(&app).await, base);
}

#[tokio::test]
async fn only_the_programme_team_creates_organisations() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let (plain, panel) = outsiders(&app, &admin).await;
    let input = json!({ "i": { "name": "Sneaky Ltd", "sector": "INDUSTRY", "nhsMember": true } });
    assert_eq!(
        code(&app.gql(None, CREATE_ORG, input.clone()).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(Some(&plain), CREATE_ORG, input.clone()).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(Some(&panel), CREATE_ORG, input).await),
        Some("FORBIDDEN")
    );
    let v = app.gql(None, ORGS, json!({ "s": "sneaky" })).await;
    assert_eq!(ok(&v)["organisations"]["totalCount"], 0);
}

#[tokio::test]
async fn nhs_membership_changes_are_dated_and_audited() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let v = app
        .gql(
            Some(&admin),
            SET_MEMBER,
            json!({ "i": { "organisationId": org, "nhsMember": false } }),
        )
        .await;
    let o = &ok(&v)["setOrganisationNhsMember"]["organisation"];
    assert_eq!(o["id"], org);
    assert_eq!(o["nhsMember"], false);
    assert_eq!(o["nhsMemberChangedOn"], today());
    let back = app
        .gql(
            None,
            "query($id: ID!) { organisation(id: $id) { nhsMember nhsMemberChangedOn } }",
            json!({ "id": org }),
        )
        .await;
    assert_eq!(
        ok(&back)["organisation"],
        json!({ "nhsMember": false, "nhsMemberChangedOn": today() })
    );
    let log = app.audit_of(&admin, &org).await;
    let actions: Vec<&str> = log.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["set_nhs_member", "create"]);
    let before: Value = serde_json::from_str(log[0]["before"].as_str().unwrap()).unwrap();
    let after: Value = serde_json::from_str(log[0]["after"].as_str().unwrap()).unwrap();
    assert_eq!(before["nhs_member"], true);
    assert_eq!(after["nhs_member"], false);
    // setting the flag it already has changes nothing and records nothing
    let same = app
        .gql(
            Some(&admin),
            SET_MEMBER,
            json!({ "i": { "organisationId": org, "nhsMember": false } }),
        )
        .await;
    assert_eq!(
        ok(&same)["setOrganisationNhsMember"]["organisation"]["nhsMember"],
        false
    );
    assert_eq!(app.audit_of(&admin, &org).await.len(), 2);
    // and back again
    let v = app
        .gql(
            Some(&admin),
            SET_MEMBER,
            json!({ "i": { "organisationId": org, "nhsMember": true } }),
        )
        .await;
    assert_eq!(
        ok(&v)["setOrganisationNhsMember"]["organisation"]["nhsMember"],
        true
    );
    assert_eq!(app.audit_of(&admin, &org).await.len(), 3);
}

#[tokio::test]
async fn nhs_membership_refuses_bad_ids_and_outsiders() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (plain, panel) = outsiders(&app, &admin).await;
    for bad in [
        json!("nonsense"),
        json!(unknown_id("Organisation")),
        json!(unknown_id("Domain")),
    ] {
        let v = app
            .gql(
                Some(&admin),
                SET_MEMBER,
                json!({ "i": { "organisationId": bad, "nhsMember": false } }),
            )
            .await;
        assert_eq!(code(&v), Some("VALIDATION"), "{bad}: {v}");
        assert_eq!(fields(&v), ["organisationId"]);
    }
    let input = json!({ "i": { "organisationId": org, "nhsMember": false } });
    assert_eq!(
        code(&app.gql(None, SET_MEMBER, input.clone()).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(Some(&plain), SET_MEMBER, input.clone()).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(Some(&panel), SET_MEMBER, input).await),
        Some("FORBIDDEN")
    );
    let back = app
        .gql(
            None,
            "query($id: ID!) { organisation(id: $id) { nhsMember } }",
            json!({ "id": org }),
        )
        .await;
    assert_eq!(ok(&back)["organisation"]["nhsMember"], true);
}

#[tokio::test]
async fn organisations_are_listed_anonymously_by_name_and_searched() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    for (n, s) in [
        ("Riverside NHS Trust", "NHS_TRUST"),
        ("Academy of Care", "ACADEMIC"),
        ("Hilltop Primary Care", "PRIMARY_CARE"),
        ("Devices Ltd", "INDUSTRY"),
        ("100% Volunteers", "THIRD_SECTOR"),
    ] {
        app.create_org(&admin, n, s, s == "NHS_TRUST").await;
    }
    let all = app.gql(None, ORGS, json!({ "first": 100 })).await;
    let names: Vec<String> = ok(&all)["organisations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| as_string(&n["name"]))
        .collect();
    // by name, ignoring case (the network's own organisation is there too)
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    let mine: Vec<&String> = names.iter().filter(|n| !n.contains("Network")).collect();
    assert_eq!(
        mine,
        [
            "100% Volunteers",
            "Academy of Care",
            "Devices Ltd",
            "Hilltop Primary Care",
            "Riverside NHS Trust"
        ]
    );
    let v = app.gql(None, ORGS, json!({ "s": "CARE" })).await;
    let o = &ok(&v)["organisations"];
    assert_eq!(o["totalCount"], 2);
    assert_eq!(o["nodes"][0]["name"], "Academy of Care");
    assert_eq!(o["nodes"][1]["name"], "Hilltop Primary Care");
    let v = app.gql(None, ORGS, json!({ "s": "nothing like it" })).await;
    assert_eq!(ok(&v)["organisations"]["totalCount"], 0);
    // pages
    let v = app.gql(None, ORGS, json!({ "first": 2 })).await;
    let o = &ok(&v)["organisations"];
    assert_eq!(o["nodes"].as_array().unwrap().len(), 2);
    assert_eq!(o["totalCount"].as_u64().unwrap() as usize, names.len());
    assert_eq!(o["pageInfo"]["hasNextPage"], true);
}

// ---------------------------------------------------------------- domains

#[tokio::test]
async fn create_domain_adds_an_accepted_domain() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let v = app
        .gql(
            Some(&admin),
            CREATE_DOMAIN,
            json!({ "i": { "name": " Medication safety ", "description": "Getting medicines right" } }),
        )
        .await;
    let d = ok(&v)["createDomain"]["domain"].clone();
    assert_eq!(d["name"], "Medication safety");
    assert_eq!(d["description"], "Getting medicines right");
    assert_eq!(d["status"], "ACCEPTED");
    assert_eq!(d["mergedInto"], Value::Null);
    let back = domain(&app, None, d["id"].as_str().unwrap()).await;
    assert_eq!(back["name"], "Medication safety");
    assert_eq!(back["status"], "ACCEPTED");
    // the description may be left out
    let v = app
        .gql(
            Some(&admin),
            CREATE_DOMAIN,
            json!({ "i": { "name": "Falls" } }),
        )
        .await;
    assert_eq!(ok(&v)["createDomain"]["domain"]["description"], "");
    assert_eq!(
        domain_names(&app, Some("ACCEPTED")).await,
        ["Falls", "Medication safety"]
    );
    assert!(domain_names(&app, Some("PROPOSED")).await.is_empty());
}

#[tokio::test]
async fn create_domain_names_each_bad_field() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    app.create_domain(&admin, "Medication safety").await;
    let cases = [
        (json!({ "name": "ab" }), vec!["name"]),
        (json!({ "name": "   " }), vec!["name"]),
        (json!({ "name": "x".repeat(121) }), vec!["name"]),
        (
            json!({ "name": "Fine name", "description": "d".repeat(2001) }),
            vec!["description"],
        ),
        (
            json!({ "name": "", "description": "d".repeat(2001) }),
            vec!["description", "name"],
        ),
    ];
    for (input, want) in cases {
        let v = app
            .gql(Some(&admin), CREATE_DOMAIN, json!({ "i": input }))
            .await;
        assert_eq!(code(&v), Some("VALIDATION"), "{input}: {v}");
        assert_eq!(sorted_fields(&v), want, "{input}");
    }
    for taken in [
        "Medication safety",
        "MEDICATION SAFETY",
        "medication   safety",
    ] {
        let v = app
            .gql(
                Some(&admin),
                CREATE_DOMAIN,
                json!({ "i": { "name": taken } }),
            )
            .await;
        assert_eq!(code(&v), Some("CONFLICT"), "{taken}: {v}");
        assert_eq!(fields(&v), ["name"]);
    }
    assert_eq!(domain_names(&app, None).await, ["Medication safety"]);
}

#[tokio::test]
async fn only_the_programme_team_creates_domains() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let (plain, panel) = outsiders(&app, &admin).await;
    let input = json!({ "i": { "name": "Maternity" } });
    assert_eq!(
        code(&app.gql(None, CREATE_DOMAIN, input.clone()).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(Some(&plain), CREATE_DOMAIN, input.clone()).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(Some(&panel), CREATE_DOMAIN, input).await),
        Some("FORBIDDEN")
    );
    assert!(domain_names(&app, None).await.is_empty());
}

#[tokio::test]
async fn anyone_signed_in_proposes_a_domain_and_can_apply_in_it() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(
            Some(&alice),
            PROPOSE,
            json!({ "i": { "name": "Sepsis", "description": "Spotting it early" } }),
        )
        .await;
    let d = ok(&v)["proposeDomain"]["domain"].clone();
    assert_eq!(d["name"], "Sepsis");
    assert_eq!(d["description"], "Spotting it early");
    assert_eq!(d["status"], "PROPOSED");
    let id = as_string(&d["id"]);
    assert_eq!(domain(&app, None, &id).await["status"], "PROPOSED");
    assert_eq!(domain_names(&app, Some("PROPOSED")).await, ["Sepsis"]);
    assert_eq!(
        domain_names(&app, Some("ACCEPTED")).await,
        ["Falls prevention", "Medication safety"]
    );
    // applications can use it straight away
    let a = app.start_application(&alice, &w.call, &id).await;
    let back = app.read_application(&alice, &a).await;
    assert_eq!(ok(&back)["application"]["domain"]["id"], id);
    // its errors
    let v = app
        .gql(Some(&alice), PROPOSE, json!({ "i": { "name": "no" } }))
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["name"]);
    let v = app
        .gql(
            Some(&alice),
            PROPOSE,
            json!({ "i": { "name": "Good name", "description": "d".repeat(2001) } }),
        )
        .await;
    assert_eq!(fields(&v), ["description"]);
    let v = app
        .gql(
            Some(&alice),
            PROPOSE,
            json!({ "i": { "name": "medication safety" } }),
        )
        .await;
    assert_eq!(code(&v), Some("CONFLICT"));
    assert_eq!(fields(&v), ["name"]);
    let v = app
        .gql(None, PROPOSE, json!({ "i": { "name": "Anonymous idea" } }))
        .await;
    assert_eq!(code(&v), Some("UNAUTHENTICATED"));
    assert_eq!(domain_names(&app, Some("PROPOSED")).await, ["Sepsis"]);
}

#[tokio::test]
async fn accept_domain_with_and_without_a_new_name() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let (alice, _) = app.register("alice@example.nhs.uk", &org).await;
    let propose = |name: &'static str| {
        let app = &app;
        let alice = alice.clone();
        async move {
            let v = app
                .gql(
                    Some(&alice),
                    PROPOSE,
                    json!({ "i": { "name": name, "description": "why" } }),
                )
                .await;
            as_string(&ok(&v)["proposeDomain"]["domain"]["id"])
        }
    };
    let sepsis = propose("Sepsis").await;
    let deterioration = propose("Deteriorating pt").await;
    // without a name: accepted as it is
    let v = app
        .gql(
            Some(&admin),
            ACCEPT_DOMAIN,
            json!({ "i": { "domainId": sepsis } }),
        )
        .await;
    assert_eq!(
        ok(&v)["acceptDomain"]["domain"],
        json!({ "id": sepsis, "name": "Sepsis", "description": "why", "status": "ACCEPTED" })
    );
    // with a name: renamed as well
    let v = app
        .gql(
            Some(&admin),
            ACCEPT_DOMAIN,
            json!({ "i": { "domainId": deterioration, "name": "Deteriorating patient" } }),
        )
        .await;
    assert_eq!(
        ok(&v)["acceptDomain"]["domain"],
        json!({ "id": deterioration, "name": "Deteriorating patient", "description": "why", "status": "ACCEPTED" })
    );
    let back = domain(&app, None, &deterioration).await;
    assert_eq!(back["name"], "Deteriorating patient");
    assert_eq!(back["status"], "ACCEPTED");
    assert!(domain_names(&app, Some("PROPOSED")).await.is_empty());
    // accepting twice
    let v = app
        .gql(
            Some(&admin),
            ACCEPT_DOMAIN,
            json!({ "i": { "domainId": sepsis } }),
        )
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    // a bad or taken new name leaves it proposed
    let third = propose("Maternity").await;
    let v = app
        .gql(
            Some(&admin),
            ACCEPT_DOMAIN,
            json!({ "i": { "domainId": third, "name": "x" } }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["name"]);
    let v = app
        .gql(
            Some(&admin),
            ACCEPT_DOMAIN,
            json!({ "i": { "domainId": third, "name": "SEPSIS" } }),
        )
        .await;
    assert_eq!(code(&v), Some("CONFLICT"));
    assert_eq!(fields(&v), ["name"]);
    let back = domain(&app, None, &third).await;
    assert_eq!(back["name"], "Maternity");
    assert_eq!(back["status"], "PROPOSED");
    // unknown domains
    for bad in [unknown_id("Domain"), unknown_id("Call"), "junk".to_string()] {
        let v = app
            .gql(
                Some(&admin),
                ACCEPT_DOMAIN,
                json!({ "i": { "domainId": bad } }),
            )
            .await;
        assert_eq!(code(&v), Some("VALIDATION"), "{v}");
        assert_eq!(fields(&v), ["domainId"]);
    }
    // a merged domain cannot be accepted
    let v = app
        .gql(
            Some(&admin),
            MERGE,
            json!({ "i": { "domainId": third, "intoDomainId": sepsis } }),
        )
        .await;
    ok(&v);
    let v = app
        .gql(
            Some(&admin),
            ACCEPT_DOMAIN,
            json!({ "i": { "domainId": third } }),
        )
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    // the audit trail has the acceptance with the name before and after
    let log = app.audit_of(&admin, &deterioration).await;
    assert_eq!(log[0]["action"], "accept");
    let before: Value = serde_json::from_str(log[0]["before"].as_str().unwrap()).unwrap();
    let after: Value = serde_json::from_str(log[0]["after"].as_str().unwrap()).unwrap();
    assert_eq!(before["name"], "Deteriorating pt");
    assert_eq!(after["name"], "Deteriorating patient");
    assert_eq!(before["status"], "PROPOSED");
    assert_eq!(after["status"], "ACCEPTED");
}

#[tokio::test]
async fn only_the_programme_team_accepts_renames_and_merges() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let (plain, panel) = outsiders(&app, &admin).await;
    let v = app
        .gql(Some(&plain), PROPOSE, json!({ "i": { "name": "Sepsis" } }))
        .await;
    let proposed = as_string(&ok(&v)["proposeDomain"]["domain"]["id"]);
    let other = app.create_domain(&admin, "Falls prevention").await;
    let ops = [
        (ACCEPT_DOMAIN, json!({ "i": { "domainId": proposed } })),
        (
            RENAME,
            json!({ "i": { "domainId": proposed, "name": "Sepsis care" } }),
        ),
        (
            MERGE,
            json!({ "i": { "domainId": proposed, "intoDomainId": other } }),
        ),
    ];
    for (q, input) in ops {
        assert_eq!(
            code(&app.gql(None, q, input.clone()).await),
            Some("UNAUTHENTICATED"),
            "{q}"
        );
        assert_eq!(
            code(&app.gql(Some(&plain), q, input.clone()).await),
            Some("FORBIDDEN"),
            "{q}"
        );
        assert_eq!(
            code(&app.gql(Some(&panel), q, input).await),
            Some("FORBIDDEN"),
            "{q}"
        );
    }
    let back = domain(&app, None, &proposed).await;
    assert_eq!(back["name"], "Sepsis");
    assert_eq!(back["status"], "PROPOSED");
    assert_eq!(back["mergedInto"], Value::Null);
}

#[tokio::test]
async fn rename_domain_changes_name_and_description() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let meds = app.create_domain(&admin, "Medication safety").await;
    let falls = app.create_domain(&admin, "Falls prevention").await;
    let v = app
        .gql(
            Some(&admin),
            RENAME,
            json!({ "i": { "domainId": meds, "name": "Medicines safety", "description": "Right drug, right dose" } }),
        )
        .await;
    assert_eq!(
        ok(&v)["renameDomain"]["domain"],
        json!({ "id": meds, "name": "Medicines safety", "description": "Right drug, right dose", "status": "ACCEPTED" })
    );
    // without a description, the description stays
    let v = app
        .gql(
            Some(&admin),
            RENAME,
            json!({ "i": { "domainId": meds, "name": "Medicines optimisation" } }),
        )
        .await;
    assert_eq!(
        ok(&v)["renameDomain"]["domain"]["description"],
        "Right drug, right dose"
    );
    // a domain may change the case of its own name
    let v = app
        .gql(
            Some(&admin),
            RENAME,
            json!({ "i": { "domainId": meds, "name": "MEDICINES optimisation" } }),
        )
        .await;
    assert_eq!(
        ok(&v)["renameDomain"]["domain"]["name"],
        "MEDICINES optimisation"
    );
    // a name another domain has: CONFLICT on name, nothing changes
    let v = app
        .gql(
            Some(&admin),
            RENAME,
            json!({ "i": { "domainId": meds, "name": "falls PREVENTION" } }),
        )
        .await;
    assert_eq!(code(&v), Some("CONFLICT"));
    assert_eq!(fields(&v), ["name"]);
    assert_eq!(
        domain(&app, None, &meds).await["name"],
        "MEDICINES optimisation"
    );
    assert_eq!(domain(&app, None, &falls).await["name"], "Falls prevention");
    // field errors
    let cases = [
        (json!({ "domainId": meds, "name": "no" }), vec!["name"]),
        (
            json!({ "domainId": meds, "name": "Fine", "description": "d".repeat(2001) }),
            vec!["description"],
        ),
        (
            json!({ "domainId": meds, "name": "", "description": "d".repeat(2001) }),
            vec!["description", "name"],
        ),
        (
            json!({ "domainId": unknown_id("Domain"), "name": "Fine" }),
            vec!["domainId"],
        ),
        (
            json!({ "domainId": "junk", "name": "Fine" }),
            vec!["domainId"],
        ),
    ];
    for (input, want) in cases {
        let v = app.gql(Some(&admin), RENAME, json!({ "i": input })).await;
        assert_eq!(code(&v), Some("VALIDATION"), "{input}: {v}");
        assert_eq!(sorted_fields(&v), want, "{input}");
    }
    let log = app.audit_of(&admin, &meds).await;
    let actions: Vec<&str> = log.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["rename", "rename", "rename", "create"]);
}

#[tokio::test]
async fn merge_domain_moves_the_applications() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let a = app.start_application(&alice, &w.call, &w.domain).await;
    let b = app.start_application(&bob, &w.call, &w.other_domain).await;
    let v = app
        .gql(
            Some(&w.admin),
            MERGE,
            json!({ "i": { "domainId": w.domain, "intoDomainId": w.other_domain } }),
        )
        .await;
    assert_eq!(
        ok(&v)["mergeDomain"]["domain"],
        json!({ "id": w.other_domain, "name": "Falls prevention", "status": "ACCEPTED" })
    );
    let from = domain(&app, None, &w.domain).await;
    assert_eq!(from["status"], "MERGED");
    assert_eq!(from["mergedInto"]["id"], w.other_domain);
    assert_eq!(from["mergedInto"]["name"], "Falls prevention");
    for (token, id) in [(&alice, &a), (&bob, &b)] {
        let back = app.read_application(token, id).await;
        assert_eq!(ok(&back)["application"]["domain"]["id"], w.other_domain);
    }
    assert_eq!(
        domain_names(&app, Some("MERGED")).await,
        ["Medication safety"]
    );
    // nobody can apply in a merged domain any more
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let mut i = answers();
    i["callId"] = json!(w.call);
    i["domainId"] = json!(w.domain);
    let v = app.gql(Some(&carol), START, json!({ "i": i })).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["domainId"]);
    // alice now holds the target domain: a second application there is a conflict
    let mut i = answers();
    i["callId"] = json!(w.call);
    i["domainId"] = json!(w.other_domain);
    let v = app.gql(Some(&alice), START, json!({ "i": i })).await;
    assert_eq!(code(&v), Some("CONFLICT"));
    assert_eq!(fields(&v), ["domainId"]);
    let log = app.audit_of(&w.admin, &w.domain).await;
    assert_eq!(log[0]["action"], "merge");
    let after: Value = serde_json::from_str(log[0]["after"].as_str().unwrap()).unwrap();
    assert_eq!(after["status"], "MERGED");
}

#[tokio::test]
async fn merge_domain_refuses_itself_merged_and_unknown_domains() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let a = app.create_domain(&admin, "Medication safety").await;
    let b = app.create_domain(&admin, "Falls prevention").await;
    let c = app.create_domain(&admin, "Maternity").await;
    let merge = |from: String, into: String| {
        let app = &app;
        let admin = admin.clone();
        async move {
            app.gql(
                Some(&admin),
                MERGE,
                json!({ "i": { "domainId": from, "intoDomainId": into } }),
            )
            .await
        }
    };
    let v = merge(a.clone(), a.clone()).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["intoDomainId"]);
    assert_eq!(domain(&app, None, &a).await["status"], "ACCEPTED");
    for (from, into, want) in [
        (unknown_id("Domain"), b.clone(), "domainId"),
        ("junk".to_string(), b.clone(), "domainId"),
        (a.clone(), unknown_id("Domain"), "intoDomainId"),
        (a.clone(), unknown_id("Organisation"), "intoDomainId"),
    ] {
        let v = merge(from, into).await;
        assert_eq!(code(&v), Some("VALIDATION"), "{v}");
        assert_eq!(fields(&v), [want]);
    }
    ok(&merge(c.clone(), b.clone()).await);
    // into a merged domain: choose where it went instead
    let v = merge(a.clone(), c.clone()).await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["intoDomainId"]);
    // a merged domain cannot be merged again
    let v = merge(c.clone(), a.clone()).await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    let back = domain(&app, None, &c).await;
    assert_eq!(back["mergedInto"]["id"], b);
    assert_eq!(domain(&app, None, &a).await["status"], "ACCEPTED");
}

#[tokio::test]
async fn merge_is_refused_when_someone_holds_both_domains_in_one_call() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let a1 = app.start_application(&alice, &w.call, &w.domain).await;
    let a2 = app
        .start_application(&alice, &w.call, &w.other_domain)
        .await;
    let v = app
        .gql(
            Some(&w.admin),
            MERGE,
            json!({ "i": { "domainId": w.domain, "intoDomainId": w.other_domain } }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"), "{v}");
    assert_eq!(fields(&v), ["intoDomainId"]);
    // nothing changed
    let from = domain(&app, None, &w.domain).await;
    assert_eq!(from["status"], "ACCEPTED");
    assert_eq!(from["mergedInto"], Value::Null);
    assert_eq!(
        ok(&app.read_application(&alice, &a1).await)["application"]["domain"]["id"],
        w.domain
    );
    assert_eq!(
        ok(&app.read_application(&alice, &a2).await)["application"]["domain"]["id"],
        w.other_domain
    );
    // once she withdraws one of them, the merge goes through
    ok(&app.withdraw(&alice, &a2).await);
    let v = app
        .gql(
            Some(&w.admin),
            MERGE,
            json!({ "i": { "domainId": w.domain, "intoDomainId": w.other_domain } }),
        )
        .await;
    ok(&v);
    assert_eq!(
        ok(&app.read_application(&alice, &a1).await)["application"]["domain"]["id"],
        w.other_domain
    );
}

#[tokio::test]
async fn merge_is_refused_when_a_co_lead_holds_both_domains() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let (bob, _) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    // bob co-leads alice's application in one domain and leads his own in the other
    let a = app.start_application(&alice, &w.call, &w.domain).await;
    app.add_co_lead(&alice, &a, "bob@example.nhs.uk", &bob)
        .await;
    let b = app.start_application(&bob, &w.call, &w.other_domain).await;
    let v = app
        .gql(
            Some(&w.admin),
            MERGE,
            json!({ "i": { "domainId": w.other_domain, "intoDomainId": w.domain } }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"), "{v}");
    assert_eq!(fields(&v), ["intoDomainId"]);
    assert_eq!(
        domain(&app, None, &w.other_domain).await["status"],
        "ACCEPTED"
    );
    assert_eq!(
        ok(&app.read_application(&bob, &b).await)["application"]["domain"]["id"],
        w.other_domain
    );
    // the same two domains in different calls are no obstacle
    let call2 = app.create_open_call(&w.admin).await;
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    app.start_application(&carol, &w.call, &w.domain).await;
    app.start_application(&carol, &call2, &w.other_domain).await;
    ok(&app.withdraw(&bob, &b).await);
    ok(&app
        .gql(
            Some(&w.admin),
            MERGE,
            json!({ "i": { "domainId": w.other_domain, "intoDomainId": w.domain } }),
        )
        .await);
}

#[tokio::test]
async fn organisation_search_matches_like_wildcards_literally() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    app.create_org(&admin, "100% Volunteers", "THIRD_SECTOR", false)
        .await;
    app.create_org(&admin, "St_Mary Trust", "NHS_TRUST", true)
        .await;
    app.create_org(&admin, "St Marys Trust", "NHS_TRUST", true)
        .await;
    for (term, want) in [
        ("%", "100% Volunteers"),
        ("100%", "100% Volunteers"),
        ("st_m", "St_Mary Trust"),
    ] {
        let v = app.gql(None, ORGS, json!({ "s": term })).await;
        let o = &ok(&v)["organisations"];
        assert_eq!(o["totalCount"], 1, "{term}: {o}");
        assert_eq!(o["nodes"][0]["name"], want, "{term}");
    }
}
